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

// A method of a freed object (after `free()`, or called on something else) would enter wasm with
// a null pointer, and wasm-bindgen answers that by throwing from inside wasm, which leaks wasm
// stack: enough such calls and every call on the page traps. Such calls are refused here.
for (const [className, cls] of [['SeamClient', SeamClient], ['SeamHttpRequest', SeamHttpRequest]]) {
  const guard = (name, fn) =>
    function (...args) {
      if (!(this?.__wbg_ptr > 0)) throw new TypeError(`${className}.${name}: this object was freed, or is not a ${className}`)
      return fn.apply(this, args)
    }
  for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(cls.prototype))) {
    if (name === 'constructor' || name === 'free' || name === '__destroy_into_raw') continue
    if (typeof d.value === 'function') d.value = guard(name, d.value)
    if (d.get) d.get = guard(name, d.get)
    Object.defineProperty(cls.prototype, name, d)
  }
}

export { SeamClient, SeamHttpRequest }
export * from './snippets/@SNIPPET@/src/js/errors.js'
