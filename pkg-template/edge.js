// The entry for Cloudflare's workerd, which compiles no WebAssembly from bytes at run time: the
// .wasm is imported as a module, which wrangler and workerd provide, and instantiated at once,
// with no top-level await.
import { initSync } from './seam_wasm.js'
import module from './seam_wasm_bg.wasm'

initSync({ module })

export * from './api.js'
