// A module worker for the parity test: it loads both SDKs in the worker itself and runs the
// scenarios the page hands it, so that what a page's worker sees is compared too.

import { runScenario } from './parity-runtime.mjs'

let modules = null

self.onmessage = async ({ data }) => {
  const { id, type } = data
  try {
    if (type === 'load') {
      const { pkgUrl, connectUrl, bundles, againstItself } = data
      const [http, httpConnect] = await Promise.all([import(bundles.main.url), import(bundles.connect.url)])
      const [wasm, wasmConnect] = againstItself ? [http, httpConnect] : await Promise.all([import(pkgUrl), import(connectUrl)])
      modules = { wasm: { m: wasm, connect: wasmConnect }, http: { m: http, connect: httpConnect } }
      self.postMessage({ id, result: Object.keys(http).filter((n) => /^[A-Z]/.test(n) && typeof http[n] === 'function') })
    } else {
      const { source, args, ctx } = data
      const result = await runScenario(source, args, { ...ctx, platform: 'worker', m: modules[ctx.sdk].m, connect: modules[ctx.sdk].connect })
      self.postMessage({ id, result })
    }
  } catch (e) {
    self.postMessage({ id, error: String(e?.stack ?? e) })
  }
}
