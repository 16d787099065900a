//! The module's allocator: blocks of power-of-two sizes, one free list per size, carved from
//! memory the module grows. Freed blocks are kept for their size and never merged, so a page that
//! makes the same calls again and again reuses the same blocks and its memory stays flat. About a
//! tenth of dlmalloc's code, which is what the module needs: one thread, short-lived
//! allocations, a few sizes.

use core::alloc::Layout;
#[cfg(target_arch = "wasm32")]
use core::alloc::GlobalAlloc;
#[cfg(target_arch = "wasm32")]
use core::cell::UnsafeCell;

/// The smallest block: room for the free list's link, and for 16-byte alignment.
const MIN_SHIFT: u32 = 4;
/// Blocks are aligned to their size up to this (a wasm page), which covers every Rust type.
const MAX_ALIGN: usize = 1 << 16;
const CLASSES: usize = usize::BITS as usize;

/// Where new memory comes from: `grow(bytes)` adds at least `bytes` and returns where the new
/// memory starts and how long it is, or `None`.
pub trait Memory {
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)>;
}

pub struct Classes<M> {
    /// The first free block of each size (`1 << class` bytes); each starts with the next.
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

    fn class(layout: Layout) -> Option<u32> {
        let size = layout.size().max(layout.align()).checked_next_power_of_two()?;
        (layout.align() <= MAX_ALIGN).then(|| size.trailing_zeros().max(MIN_SHIFT))
    }

    /// # Safety
    /// As `GlobalAlloc::alloc`.
    pub unsafe fn alloc(&mut self, layout: Layout) -> *mut u8 {
        let Some(class) = Self::class(layout) else { return core::ptr::null_mut() };
        let head = self.free[class as usize];
        if head != 0 {
            // SAFETY: a free block of this class starts with the address of the next one.
            self.free[class as usize] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        let size = 1usize << class;
        let align = size.min(MAX_ALIGN);
        let Some(start) = self.top.checked_add(align - 1).map(|top| top & !(align - 1)) else { return core::ptr::null_mut() };
        let Some(stop) = start.checked_add(size) else { return core::ptr::null_mut() };
        if stop > self.end {
            let Some((more, len)) = self.memory.grow(stop - self.end) else { return core::ptr::null_mut() };
            if more != self.end {
                // The first growth, or memory grown by someone else: carry on from there.
                self.top = more;
                self.end = more + len;
                return unsafe { self.alloc(layout) };
            }
            self.end += len;
        }
        self.top = stop;
        start as *mut u8
    }

    /// # Safety
    /// As `GlobalAlloc::dealloc`.
    pub unsafe fn dealloc(&mut self, ptr: *mut u8, layout: Layout) {
        if let Some(class) = Self::class(layout) {
            // SAFETY: the block is at least 16 bytes and aligned, and no longer in use.
            unsafe { *(ptr as *mut usize) = self.free[class as usize] };
            self.free[class as usize] = ptr as usize;
        }
    }

    /// # Safety
    /// As `GlobalAlloc::realloc`.
    pub unsafe fn realloc(&mut self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else { return core::ptr::null_mut() };
        if Self::class(layout) == Self::class(new_layout) {
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
