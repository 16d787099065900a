//! The module's allocator: blocks of a few sizes (16, 24, 32, 48, 64, 96 bytes and so on: each
//! power of two, and half again), one free list per size, carved from memory the module grows.
//! Freed blocks are kept for their size and never merged or returned, and a block is aligned to
//! the largest power of two that divides its size (up to 64 KiB), the padding before it lost: so memory
//! stays flat for a page that makes the same kinds of calls again and again, which is what this
//! module's use looks like (one thread, short-lived allocations, a few sizes), not for any
//! pattern. About a tenth of dlmalloc's code.

use core::alloc::Layout;
#[cfg(target_arch = "wasm32")]
use core::alloc::GlobalAlloc;
#[cfg(target_arch = "wasm32")]
use core::cell::UnsafeCell;

/// The smallest block: room for the free list's link, and for 16-byte alignment.
const MIN_SIZE: usize = 16;
/// Blocks are aligned up to this (a wasm page), which covers every Rust type.
const MAX_ALIGN: usize = 1 << 16;
/// Two sizes per power of two.
const CLASSES: usize = 2 * usize::BITS as usize;

/// Where new memory comes from: `grow(bytes)` adds at least `bytes` and returns where the new
/// memory starts and how long it is, or `None`.
pub trait Memory {
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)>;
}

pub struct Classes<M> {
    /// The first free block of each size; each starts with the next.
    free: [usize; CLASSES],
    /// The unused memory at the end: `top..end`.
    top: usize,
    end: usize,
    memory: M,
}

impl<M: Memory> Classes<M> {
    pub const fn new(memory: M) -> Classes<M> {
        Classes { free: [0; CLASSES], top: 0, end: 0, memory }
    }

    /// The class of a layout: its index, block size and alignment. The half step above a power
    /// of two is taken when it is big enough and aligned enough.
    fn class(layout: Layout) -> Option<(usize, usize, usize)> {
        if layout.align() > MAX_ALIGN {
            return None;
        }
        let need = layout.size().max(layout.align()).max(MIN_SIZE);
        let power = need.checked_next_power_of_two()?;
        let shift = power.trailing_zeros() as usize;
        let half = power / 2;
        let (index, size) = if power > MIN_SIZE && need <= half + half / 2 && layout.align() <= half / 2 {
            (2 * (shift - 5) + 1, half + half / 2)
        } else {
            (2 * (shift - 4), power)
        };
        Some((index, size, (size & size.wrapping_neg()).min(MAX_ALIGN)))
    }

    /// # Safety
    /// As `GlobalAlloc::alloc`.
    pub unsafe fn alloc(&mut self, layout: Layout) -> *mut u8 {
        let Some((class, size, align)) = Self::class(layout) else { return core::ptr::null_mut() };
        let head = self.free[class];
        if head != 0 {
            // SAFETY: a free block of this class starts with the address of the next one.
            self.free[class] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        let Some(start) = self.top.checked_add(align - 1).map(|top| top & !(align - 1)) else { return core::ptr::null_mut() };
        let Some(stop) = start.checked_add(size) else { return core::ptr::null_mut() };
        if stop > self.end {
            let Some((more, len)) = self.memory.grow(stop - self.end) else { return core::ptr::null_mut() };
            if more != self.end {
                // The first growth, or memory grown by someone else: carry on from there.
                let Some(end) = more.checked_add(len) else { return core::ptr::null_mut() };
                self.top = more;
                self.end = end;
                return unsafe { self.alloc(layout) };
            }
            let Some(end) = self.end.checked_add(len) else { return core::ptr::null_mut() };
            self.end = end;
        }
        self.top = stop;
        start as *mut u8
    }

    /// # Safety
    /// As `GlobalAlloc::dealloc`.
    pub unsafe fn dealloc(&mut self, ptr: *mut u8, layout: Layout) {
        if let Some((class, ..)) = Self::class(layout) {
            // SAFETY: the block is at least 16 bytes and aligned for a link, and no longer in use.
            unsafe { *(ptr as *mut usize) = self.free[class] };
            self.free[class] = ptr as usize;
        }
    }

    /// # Safety
    /// As `GlobalAlloc::realloc`.
    pub unsafe fn realloc(&mut self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else { return core::ptr::null_mut() };
        if Self::class(layout).map(|c| c.0) == Self::class(new_layout).map(|c| c.0) {
            return ptr;
        }
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            // SAFETY: both blocks are live and distinct, each at least as long as what is copied.
            unsafe {
                core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        new
    }
}

/// Pages of the module's own memory.
#[cfg(target_arch = "wasm32")]
pub struct WasmMemory;

#[cfg(target_arch = "wasm32")]
impl Memory for WasmMemory {
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
        let pages = bytes.div_ceil(MAX_ALIGN);
        let before = core::arch::wasm32::memory_grow(0, pages);
        (before != usize::MAX).then(|| (before * MAX_ALIGN, pages * MAX_ALIGN))
    }
}

/// The allocator of a module that runs on one thread.
#[cfg(target_arch = "wasm32")]
pub struct Allocator<M>(UnsafeCell<Classes<M>>);

// SAFETY: wasm32-unknown-unknown without threads runs this module on one thread.
#[cfg(target_arch = "wasm32")]
unsafe impl<M> Sync for Allocator<M> {}

#[cfg(target_arch = "wasm32")]
impl<M: Memory> Allocator<M> {
    pub const fn new(memory: M) -> Allocator<M> {
        Allocator(UnsafeCell::new(Classes::new(memory)))
    }
}

#[cfg(target_arch = "wasm32")]
unsafe impl<M: Memory> GlobalAlloc for Allocator<M> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { (*self.0.get()).alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { (*self.0.get()).dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe { (*self.0.get()).realloc(ptr, layout, new_size) }
    }
}

/// Random sequences of allocations, frees and resizes, natively over a block of test memory:
/// blocks never overlap, are aligned, keep their bytes across a resize, and a repeated workload
/// reuses memory instead of growing it.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Test memory: one large buffer handed out from its start.
    struct Arena {
        base: usize,
        used: usize,
        cap: usize,
    }

    impl Memory for Arena {
        fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
            let start = self.base + self.used;
            let bytes = bytes.div_ceil(MAX_ALIGN) * MAX_ALIGN;
            (self.used + bytes <= self.cap).then(|| {
                self.used += bytes;
                (start, bytes)
            })
        }
    }

    fn arena(cap: usize) -> (Vec<u8>, Arena) {
        let buffer = vec![0u8; cap + MAX_ALIGN];
        let base = (buffer.as_ptr() as usize).next_multiple_of(MAX_ALIGN);
        (buffer, Arena { base, used: 0, cap })
    }

    #[derive(Clone, Debug)]
    enum Op {
        Alloc(usize, u32),
        Free(usize),
        Resize(usize, usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (0usize..5000, 0u32..7).prop_map(|(size, align)| Op::Alloc(size, align)),
            3 => any::<usize>().prop_map(Op::Free),
            2 => (any::<usize>(), 0usize..5000).prop_map(|(i, size)| Op::Resize(i, size)),
        ]
    }

    fn fill(ptr: *mut u8, len: usize, byte: u8) {
        unsafe { core::ptr::write_bytes(ptr, byte, len) };
    }

    fn holds(ptr: *mut u8, len: usize, byte: u8) -> bool {
        (0..len).all(|i| unsafe { *ptr.add(i) } == byte)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn blocks_are_disjoint_aligned_and_kept(ops in prop::collection::vec(op(), 1..200)) {
            let (_buffer, memory) = arena(64 << 20);
            let mut heap = Classes::new(memory);
            let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
            for (n, op) in ops.into_iter().enumerate() {
                let byte = n as u8;
                match op {
                    Op::Alloc(size, align) => {
                        let layout = Layout::from_size_align(size, 1 << align).unwrap();
                        let ptr = unsafe { heap.alloc(layout) };
                        prop_assert!(!ptr.is_null());
                        prop_assert_eq!(ptr as usize % layout.align(), 0);
                        fill(ptr, size, byte);
                        live.push((ptr, layout, byte));
                    }
                    Op::Free(i) if !live.is_empty() => {
                        let (ptr, layout, byte) = live.swap_remove(i % live.len());
                        prop_assert!(holds(ptr, layout.size(), byte), "a block was overwritten");
                        unsafe { heap.dealloc(ptr, layout) };
                    }
                    Op::Resize(i, size) if !live.is_empty() => {
                        let at = i % live.len();
                        let (ptr, layout, old) = live[at];
                        let new = unsafe { heap.realloc(ptr, layout, size) };
                        prop_assert!(!new.is_null());
                        prop_assert!(holds(new, layout.size().min(size), old), "a block was overwritten or a resize lost bytes");
                        fill(new, size, byte);
                        live[at] = (new, Layout::from_size_align(size, layout.align()).unwrap(), byte);
                    }
                    _ => {}
                }
            }
            // Each block is checked when it goes and at the end: every write to another block
            // has happened by then.
            for &(ptr, layout, byte) in &live {
                prop_assert!(holds(ptr, layout.size(), byte), "a block was overwritten");
            }
        }
    }

    #[test]
    fn sizes_go_by_half_steps() {
        let class = |size, align| Classes::<Arena>::class(Layout::from_size_align(size, align).unwrap());
        assert_eq!(class(0, 1), Some((0, 16, 16)));
        assert_eq!(class(17, 8), Some((1, 24, 8)));
        assert_eq!(class(24, 8), Some((1, 24, 8)));
        assert_eq!(class(24, 16), Some((2, 32, 32)));
        assert_eq!(class(25, 4), Some((2, 32, 32)));
        assert_eq!(class(40, 8), Some((3, 48, 16)));
        assert_eq!(class(100, 8), Some((6, 128, 128)));
        assert_eq!(class(1 << 20, 8), Some((32, 1 << 20, MAX_ALIGN)));
        assert_eq!(class(8, 1 << 17), None);
    }

    #[test]
    fn a_repeated_workload_stops_growing() {
        let (_buffer, memory) = arena(64 << 20);
        let mut heap = Classes::new(memory);
        let mut grown = Vec::new();
        for _ in 0..50 {
            let blocks: Vec<(*mut u8, Layout)> = (1..300).map(|n| Layout::from_size_align(n * 7 % 3000, 8).unwrap()).map(|l| (unsafe { heap.alloc(l) }, l)).collect();
            for (ptr, layout) in blocks {
                unsafe { heap.dealloc(ptr, layout) };
            }
            grown.push(heap.memory.used);
        }
        assert!(grown.windows(2).skip(1).all(|w| w[0] == w[1]), "{grown:?}");
        assert!(unsafe { heap.alloc(Layout::from_size_align(8, 1 << 17).unwrap()) }.is_null());
    }
}
