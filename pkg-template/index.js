// The entry for browsers and browser bundles: instantiates the wasm module once, on import (so
// that users never call an init function), fetching the .wasm from beside this file, then
// re-exports the client and the error classes. Servers, Deno, Bun and edge runtimes get their
// own entries (package.json `exports`).
import init from './seam_wasm.js'

await init({ module_or_path: new URL('./seam_wasm_bg.wasm', import.meta.url) })

export * from './api.js'
