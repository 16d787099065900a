// The entry for Node, Deno and Bun, and for what server bundlers (Next.js and the like) make of
// them: the .wasm's bytes are in this file, so no path to it has to survive a bundler, and the
// module is compiled at once, with no top-level await.
import { initSync, SeamClient, SeamHttpRequest } from './seam_wasm.js'
import { refuseFreedObjects } from './guard.js'
import bytes from './seam_wasm_bg.wasm'

initSync({ module: bytes })
refuseFreedObjects({ SeamClient, SeamHttpRequest })

export { SeamClient, SeamHttpRequest }
export * from './snippets/@SNIPPET@/src/js/errors.js'
