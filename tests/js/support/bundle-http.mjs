// Bundles @seamapi/http for the browser (one ESM file) so a test page can run it next to
// seam-wasm against the same fake. Run directly to write the bundle and print its path.

import { mkdir, rename } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { REPO_ROOT } from './static-server.mjs'

export const HTTP_BUNDLE_PATH = path.join(REPO_ROOT, 'build', 'test', 'seamapi-http.js')
// Where the static server (rooted at the repository) serves it.
export const HTTP_BUNDLE_URL = '/build/test/seamapi-http.js'

// What the page needs: the client, its error classes, the request and paginator classes for
// `instanceof`, and the pure functions compared with seam-wasm's.
const ENTRY = `export {
  SeamHttp,
  SeamHttpRequest,
  SeamPaginator,
  UnserializableParamError,
  getOpenapiSchema,
  readResponseData,
  serializeUrlSearchParams,
  updateUrlSearchParams,
  SeamHttpApiError,
  SeamHttpUnauthorizedError,
  SeamHttpInvalidInputError,
  SeamHttpInvalidResponseError,
  SeamHttpInvalidTokenError,
  SeamHttpInvalidOptionsError,
  SeamActionAttemptFailedError,
  SeamActionAttemptTimeoutError,
} from '@seamapi/http'
`

export async function bundleSeamHttp({ outfile = HTTP_BUNDLE_PATH } = {}) {
  let esbuild
  try {
    esbuild = await import('esbuild')
  } catch (e) {
    throw new Error(`esbuild is not installed (npm ci installs it from package.json): ${e.message}`)
  }
  await mkdir(path.dirname(outfile), { recursive: true })
  // Written beside the target and renamed, so a reader never sees half a file.
  const tmp = `${outfile}.${process.pid}.tmp`
  await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: REPO_ROOT, sourcefile: 'seamapi-http-entry.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: tmp,
    logLevel: 'silent',
  })
  await rename(tmp, outfile)
  return outfile
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await bundleSeamHttp())
}
