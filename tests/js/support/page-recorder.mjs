// Proxies on 127.0.0.1 for the engines driven over WebDriver, which can neither watch a page's
// requests nor run a script in a page before the page's own:
// - startPageRecorder: in front of the fake, notes each request (not the browser's preflights)
//   under the page that sent it. A test page has a `seam-tab` query parameter and sends its full
//   URL as the Referer (see harness.mjs); a request without one (a worker's) is noted under every
//   page of its origin, since each browser context of the tests has an origin of its own.
// - startForwarder with `inject`: in front of an app server (Next.js), puts the driver's runtime
//   into each HTML answer, as the static server does for the pages it serves.

import http from 'node:http'
import net from 'node:net'

// A proxy in front of the recorder (the fault proxy) marks what it forwards: the page's request
// was sent to that proxy, not to the fake.
export const FORWARDED_MARK = 'x-seam-test-forwarded'

export const pageKey = (origin, tab) => `${origin} tab ${tab}`

// Passes every request (and WebSocket upgrade) to `target`. `note(req, body)` sees each request
// first; `inject` goes at the start of each HTML answer.
export async function startForwarder(target, { note = null, inject = null } = {}) {
  const targetUrl = new URL(target)
  const server = http.createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      note?.(req, raw)
      const headers = { ...req.headers, host: targetUrl.host }
      // An answer that may be rewritten must come uncompressed.
      if (inject !== null) headers['accept-encoding'] = 'identity'
      const upstream = http.request(
        { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers },
        (up) => {
          if (inject === null || !/^text\/html/i.test(up.headers['content-type'] ?? '')) {
            res.writeHead(up.statusCode, up.headers)
            return up.pipe(res)
          }
          const parts = []
          up.on('data', (c) => parts.push(c))
          up.on('end', () => {
            const html = Buffer.concat(parts).toString('utf8')
            const at = /<head\b[^>]*>/i.exec(html) ?? /<!doctype[^>]*>/i.exec(html)
            const cut = at ? at.index + at[0].length : 0
            const body = Buffer.from(html.slice(0, cut) + inject + html.slice(cut))
            const out = { ...up.headers, 'content-length': String(body.length) }
            delete out['transfer-encoding']
            res.writeHead(up.statusCode, out)
            res.end(body)
          })
          up.on('error', () => res.destroy())
        },
      )
      upstream.on('error', () => res.destroy())
      upstream.end(raw.length ? raw : undefined)
    })
  })
  // WebSockets (a dev server's reloads): the upgrade request as it came, then both ways.
  server.on('upgrade', (req, socket, head) => {
    const up = net.connect(Number(targetUrl.port), targetUrl.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`]
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const name = req.rawHeaders[i]
        lines.push(`${name}: ${name.toLowerCase() === 'host' ? targetUrl.host : req.rawHeaders[i + 1]}`)
      }
      up.write(`${lines.join('\r\n')}\r\n\r\n`)
      up.write(head)
      socket.pipe(up).pipe(socket)
    })
    up.on('error', () => socket.destroy())
    socket.on('error', () => up.destroy())
  })
  const sockets = new Set()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}

export async function startPageRecorder(target) {
  const buckets = new Map()
  const tabsOf = new Map()
  // The requests of the page `key` (`pageKey(origin, tab)`, or an origin for a page without a
  // tab), as they arrive.
  const forPage = (key) => {
    if (!buckets.has(key)) {
      buckets.set(key, [])
      const tab = / tab /.exec(key)
      if (tab) {
        const origin = key.slice(0, tab.index)
        if (!tabsOf.has(origin)) tabsOf.set(origin, [])
        tabsOf.get(origin).push(buckets.get(key))
      }
    }
    return buckets.get(key)
  }
  let url
  const note = (req, raw) => {
    const origin = req.headers.origin
    if (req.method === 'OPTIONS' || !origin || req.headers[FORWARDED_MARK]) return
    const u = new URL(req.url, url)
    const headers = { ...req.headers }
    const postData = raw.length ? raw.toString('utf8') : null
    const entry = {
      method: req.method,
      pathname: u.pathname,
      search: u.search,
      url: u.href,
      // The part of Playwright's Request the tests read.
      request: { allHeaders: async () => headers, postData: () => postData, method: () => req.method, url: () => u.href },
    }
    let tab = null
    try {
      tab = new URL(req.headers.referer).searchParams.get('seam-tab')
    } catch {}
    if (tab !== null) return forPage(pageKey(origin, tab)).push(entry)
    forPage(origin).push(entry)
    for (const bucket of tabsOf.get(origin) ?? []) bucket.push(entry)
  }
  const forwarder = await startForwarder(target, { note })
  url = forwarder.url
  return { url, forPage, close: forwarder.close }
}
