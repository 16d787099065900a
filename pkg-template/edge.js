// The entry for edge runtimes (Cloudflare's workerd, Vercel Edge), which compile no WebAssembly
// from bytes at run time: the .wasm is imported as a module, which their loaders provide, and
// instantiated at once, with no top-level await.
import { initSync, SeamClient, SeamHttpRequest } from './seam_wasm.js'
import { refuseFreedObjects } from './guard.js'
import module from './seam_wasm_bg.wasm'

initSync({ module })
refuseFreedObjects({ SeamClient, SeamHttpRequest })

export { SeamClient, SeamHttpRequest }
export * from './snippets/@SNIPPET@/src/js/errors.js'
