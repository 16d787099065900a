// A small static file server for the browser tests and the demo, rooted at the repository.
// Pages must come from an http origin (ES modules and wasm streaming do not work from file://),
// and that origin differs from the fake's, so every API call is a real cross-origin request.

import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
}

const send = (res, status, body, type = 'text/plain; charset=utf-8') => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}

// Maps a URL path to a file under root, or null when it would leave root.
export const resolveUnder = (root, urlPath) => {
  let decoded
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded))
  const rel = path.relative(root, file)
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null
  return file
}

// `inject`: HTML put at the start of every served page, before the page's own scripts
// (the init scripts of a page the WebDriver engines open; Playwright has its own).
export async function startStaticServer({ root = REPO_ROOT, port = 0, host = '127.0.0.1', inject = null } = {}) {
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed')
    const { pathname } = new URL(req.url, 'http://localhost')
    let file = resolveUnder(root, pathname)
    if (file === null) return send(res, 404, 'not found')
    try {
      let info = await stat(file)
      // `/www-example/` serves its index.html so the demo URL can end in a slash.
      if (info.isDirectory()) {
        file = path.join(file, 'index.html')
        info = await stat(file)
      }
      if (!info.isFile()) return send(res, 404, 'not found')
      let body = await readFile(file)
      if (inject !== null && path.extname(file).toLowerCase() === '.html') {
        const html = body.toString('utf8')
        // After <head>, else after the doctype, else first: before any of the page's scripts.
        const at = /<head\b[^>]*>/i.exec(html) ?? /<!doctype[^>]*>/i.exec(html)
        const cut = at ? at.index + at[0].length : 0
        body = Buffer.from(html.slice(0, cut) + inject + html.slice(cut))
      }
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' })
      res.end(req.method === 'HEAD' ? undefined : body)
    } catch {
      send(res, 404, 'not found')
    }
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  const { port: actualPort } = server.address()
  const origin = `http://${host}:${actualPort}`
  return {
    origin,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        // Keep-alive sockets from the browser would otherwise hold close() open.
        server.closeAllConnections?.()
      }),
  }
}
