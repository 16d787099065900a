// The package entry: instantiates the wasm module once, on import, so that users never call an
// init function, then re-exports the client and the error classes.
import init, { SeamClient, SeamHttpRequest } from './seam_wasm.js'

const wasm = new URL('./seam_wasm_bg.wasm', import.meta.url)

// A browser (or a bundler's output) fetches the module. Node and Deno load the package from
// disk, and their fetch cannot read a file: URL, so the file is read directly, through
// `getBuiltinModule` so that bundlers never see an import of a server-only module.
async function wasmSource() {
  if (wasm.protocol !== 'file:') return wasm
  const fs = globalThis.process?.getBuiltinModule?.('fs/promises')
  if (!fs) throw new Error('seam-wasm cannot read its .wasm file here: it needs Node 20.16 or later, or Deno 2')
  return fs.readFile(wasm)
}

await init({ module_or_path: await wasmSource() })

// A method of a freed object (after `free()`), or one called on another object, would enter
// wasm with a pointer it cannot use, and wasm-bindgen answers that by throwing from inside wasm,
// which leaks wasm stack: enough such calls and every call on the page traps. Such calls are
// refused here; freeing twice does nothing.
for (const [className, cls] of [['SeamClient', SeamClient], ['SeamHttpRequest', SeamHttpRequest]]) {
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

export { SeamClient, SeamHttpRequest }
export * from './snippets/@SNIPPET@/src/js/errors.js'
