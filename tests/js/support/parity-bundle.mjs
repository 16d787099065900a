// Bundles the whole of @seamapi/http (and, apart, its `/connect` entry) for the browser, so the
// parity test compares every export in a page, not only the ones the differential test needs.

import { mkdir, rename } from 'node:fs/promises'
import path from 'node:path'
import { REPO_ROOT } from './static-server.mjs'

export const PARITY_BUNDLES = {
  main: { specifier: '@seamapi/http', url: '/build/test/parity-seamapi-http.js' },
  connect: { specifier: '@seamapi/http/connect', url: '/build/test/parity-seamapi-http-connect.js' },
}

export async function bundleParity() {
  const esbuild = await import('esbuild')
  for (const { specifier, url } of Object.values(PARITY_BUNDLES)) {
    const outfile = path.join(REPO_ROOT, ...url.split('/').filter(Boolean))
    await mkdir(path.dirname(outfile), { recursive: true })
    // Written beside the target and renamed, so a reader never sees half a file.
    const tmp = `${outfile}.${process.pid}.tmp`
    await esbuild.build({
      stdin: { contents: `export * from '${specifier}'\n`, resolveDir: REPO_ROOT, sourcefile: 'parity-entry.js', loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outfile: tmp,
      logLevel: 'silent',
    })
    await rename(tmp, outfile)
  }
  return PARITY_BUNDLES
}
