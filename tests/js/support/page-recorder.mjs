// For the engines driven over WebDriver, which cannot watch a page's requests: a proxy on
// 127.0.0.1 in front of the fake that passes everything through and notes each request (not the
// browser's preflights) under the page that sent it: a test page has a `seam-tab` query parameter
// and sends its full URL as the Referer (see harness.mjs), any other page is known by its origin.
// Every browser context of the tests has an origin of its own.

import http from 'node:http'

// A proxy in front of this one (the fault proxy) marks what it forwards: the page's request was
// sent to that proxy, not to the fake.
export const FORWARDED_MARK = 'x-seam-test-forwarded'

export const pageKey = (origin, tab) => `${origin} tab ${tab}`

export async function startPageRecorder(target) {
  const targetUrl = new URL(target)
  const byPage = new Map()
  // The requests of the page `key` (`pageKey(origin, tab)` or an origin), as they arrive.
  const forPage = (key) => {
    if (!byPage.has(key)) byPage.set(key, [])
    return byPage.get(key)
  }
  const keyOf = (req) => {
    try {
      const referrer = new URL(req.headers.referer)
      const tab = referrer.searchParams.get('seam-tab')
      if (tab !== null) return pageKey(referrer.origin, tab)
    } catch {}
    return req.headers.origin
  }
  let url
  const server = http.createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      const origin = req.headers.origin
      if (req.method !== 'OPTIONS' && origin && !req.headers[FORWARDED_MARK]) {
        const u = new URL(req.url, url)
        const headers = { ...req.headers }
        const postData = raw.length ? raw.toString('utf8') : null
        forPage(keyOf(req)).push({
          method: req.method,
          pathname: u.pathname,
          search: u.search,
          url: u.href,
          // The part of Playwright's Request the tests read.
          request: { allHeaders: async () => headers, postData: () => postData, method: () => req.method, url: () => u.href },
        })
      }
      const headers = { ...req.headers, host: targetUrl.host }
      const upstream = http.request(
        { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers },
        (up) => {
          res.writeHead(up.statusCode, up.headers)
          up.pipe(res)
        },
      )
      upstream.on('error', () => res.destroy())
      upstream.end(raw.length ? raw : undefined)
    })
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  url = `http://127.0.0.1:${server.address().port}`
  return {
    url,
    forPage,
    forOrigin: forPage,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections?.()
      }),
  }
}
