// The package entry: instantiates the wasm module once, on import, so that users never call an
// init function, then re-exports the client and the error classes.
import init, { SeamClient, SeamHttpRequest } from './seam_wasm.js'

await init({ module_or_path: new URL('./seam_wasm_bg.wasm', import.meta.url) })

export { SeamClient, SeamHttpRequest }
export * from './snippets/@SNIPPET@/src/js/errors.js'
