// The entry for Node, Deno and Bun, and for what server bundlers (Next.js and the like) make of
// them: the .wasm's bytes are in this file, so no path to it has to survive a bundler, and the
// module is compiled at once, with no top-level await.
import { initSync } from './seam_wasm.js'
import bytes from './seam_wasm_bg.wasm'

initSync({ module: bytes })

export * from './api.js'
