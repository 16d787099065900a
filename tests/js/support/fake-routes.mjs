// The routes the fake (@seamapi/fake-seam-connect) serves, with the methods and auth it accepts,
// read from its bundled source: the package exports no route table, and the differential test
// needs to know which routes it can call with a client session token.

import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Paths that are not Seam API routes: test hooks, health, internal and bridge endpoints.
const NOT_API = /^\/(_fake|internal|health|seam\/bridge)(\/|$)/

function bundleText() {
  const entry = fileURLToPath(import.meta.resolve('@seamapi/fake-seam-connect'))
  const dir = path.dirname(entry)
  const index = readFileSync(entry, 'utf8')
  const chunk = index.match(/from '\.\/(chunk-[\w-]+\.js)'/)?.[1]
  if (!chunk) throw new Error(`cannot find the fake's bundle chunk from ${entry}`)
  return readFileSync(path.join(dir, chunk), 'utf8')
}

const list = (src) => [...src.matchAll(/"([^"]+)"/g)].map((m) => m[1])

// [{ path, methods, auth }] for every public route, sorted by path.
export function readFakeRoutes() {
  const text = bundleText()
  const routes = []
  // The route table maps "/api/<path>" to the module compiled from src/pages/api/<path>.ts.
  for (const m of text.matchAll(/^ {2}"\/api(\/[^"]+)": \{\n {4}module: [^\n]+\n {4}fsPath: "\.\.\/(src\/pages\/api\/[^"]+)"/gm)) {
    const [, routePath, fsPath] = m
    if (NOT_API.test(routePath)) continue
    const start = text.indexOf(`"${fsPath}.ts"() {`)
    if (start < 0) throw new Error(`no module for ${routePath} (${fsPath})`)
    // The module body runs up to the next module's `// src/...` banner; its route spec is the
    // one object in it with `auth` and `methods` (inline in withRouteSpec or in a variable).
    const end = text.indexOf('\n// src/', start)
    const body = text.slice(start, end < 0 ? undefined : end)
    const auth = [...body.matchAll(/\n\s+auth: (\[[^\]]*\]|"[^"]*")/g)]
    const methods = [...body.matchAll(/\n\s+methods: (\[[^\]]*\])/g)]
    if (auth.length !== 1 || methods.length !== 1) throw new Error(`cannot read the route spec of ${routePath}`)
    routes.push({ path: routePath, methods: list(methods[0][1]), auth: list(auth[0][1]) })
  }
  if (routes.length === 0) throw new Error("found no routes in the fake's bundle")
  return routes.sort((a, b) => a.path.localeCompare(b.path))
}
