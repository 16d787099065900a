// A method of a freed object (after `free()`), or one called on another object, would enter wasm
// with a pointer it cannot use, and wasm-bindgen answers that by throwing from inside wasm, which
// leaks wasm stack: enough such calls and every call on the page traps. Such calls are refused
// here; freeing twice does nothing.
export function refuseFreedObjects(classes) {
  for (const [className, cls] of Object.entries(classes)) {
    const live = (object) => object instanceof cls && object.__wbg_ptr > 0
    for (const key of Reflect.ownKeys(cls.prototype)) {
      if (key === 'constructor' || key === '__destroy_into_raw') continue
      const d = Object.getOwnPropertyDescriptor(cls.prototype, key)
      const freeing = key === 'free' || key === Symbol.dispose
      const guard = (fn) =>
        function (...args) {
          if (live(this)) return fn.apply(this, args)
          if (freeing) return undefined
          throw new TypeError(`${className}.${String(key)}: this object was freed, or is not a ${className}`)
        }
      if (typeof d.value === 'function') d.value = guard(d.value)
      if (d.get) d.get = guard(d.get)
      Object.defineProperty(cls.prototype, key, d)
    }
  }
}
