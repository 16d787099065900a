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

export { SeamClient, SeamHttpRequest }
export * from './snippets/@SNIPPET@/src/js/errors.js'
