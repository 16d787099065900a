// A recording proxy on 127.0.0.1 in front of the fake, for the parity test: it notes exactly what
// each request carried (method, path, query, headers, body) and forwards it to the fake, or
// answers itself for the few routes the fake lacks or cannot make deterministic. Each SDK gets its
// own recorder, so every request is attributed to the SDK that sent it.
//
// A first path segment `~tag` (e.g. `/~env/devices/list`) is removed before forwarding: it lets a
// scenario tell which endpoint a request went to (an option, SEAM_ENDPOINT, SEAM_API_URL) while
// the fake still answers it.

import http from 'node:http'

const CONTROL = '/__parity/'

// Answers of our own, by path (after the tag). The fake has no /openapi.json, and makes up new
// ids for /workspaces/create and /locks/unlock_door, which would differ between the two SDKs'
// calls; /devices/update would rename a device that other scenarios, running at the same time,
// list.
const CANNED = {
  '/openapi.json': () => ({ status: 200, body: { openapi: '3.0.0', info: { title: 'parity', version: '1' }, paths: {} } }),
  '/locks/unlock_door': () => ({
    status: 200,
    body: { ok: true, action_attempt: { action_attempt_id: 'parity_action_attempt', action_type: 'UNLOCK_DOOR', status: 'pending', result: null, error: null } },
  }),
  '/devices/update': () => ({ status: 200, body: { ok: true } }),
  '/workspaces/create': () => ({
    status: 200,
    body: { ok: true, workspace: { workspace_id: 'parity_workspace', name: 'Parity', is_sandbox: true, connect_partner_name: null } },
  }),
}

const corsHeaders = (req) => ({
  'access-control-allow-origin': req.headers.origin ?? '*',
  'access-control-allow-credentials': 'true',
  'access-control-expose-headers': 'seam-request-id',
})

export async function startRecorder({ target }) {
  const requests = []
  const targetUrl = new URL(target)

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://recorder')

    if (url.pathname.startsWith(CONTROL)) {
      const what = url.pathname.slice(CONTROL.length)
      res.writeHead(200, { 'content-type': 'application/json', ...corsHeaders(req) })
      if (what === 'count') return res.end(JSON.stringify(requests.length))
      if (what === 'log') return res.end(JSON.stringify(requests.slice(Number(url.searchParams.get('since') ?? 0))))
      return res.end('null')
    }

    // Preflights are the browser's, not the SDK's: answered here, not recorded.
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...corsHeaders(req),
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
        'access-control-max-age': '0',
      })
      return res.end()
    }

    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      let body
      if (raw !== '') {
        try {
          body = JSON.parse(raw)
        } catch {
          body = { unparsedBody: raw }
        }
      }
      const segments = url.pathname.split('/')
      const tag = segments[1]?.startsWith('~') ? segments[1].slice(1) : null
      const forwardPath = tag == null ? url.pathname : '/' + segments.slice(2).join('/')
      // Sorted by name only: a stable sort keeps the order of an array's repeated keys.
      const query = [...url.searchParams].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      requests.push({ method: req.method, pathname: url.pathname, tag, query, headers: { ...req.headers }, body })

      const canned = CANNED[forwardPath]
      if (canned) {
        const { status, body: answer } = canned()
        res.writeHead(status, { 'content-type': 'application/json', 'seam-request-id': 'parity', ...corsHeaders(req) })
        return res.end(JSON.stringify(answer))
      }

      const headers = { ...req.headers, host: targetUrl.host }
      delete headers['transfer-encoding']
      headers['content-length'] = String(Buffer.byteLength(raw))
      const upstream = http.request(
        { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: forwardPath + url.search, headers },
        (up) => {
          const out = { ...up.headers, ...corsHeaders(req) }
          res.writeHead(up.statusCode, out)
          up.pipe(res)
        },
      )
      upstream.on('error', (e) => {
        res.writeHead(502, { 'content-type': 'text/plain', ...corsHeaders(req) })
        res.end(`recorder: ${e.message}`)
      })
      upstream.end(raw === '' ? undefined : raw)
    })
  })

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const url = `http://127.0.0.1:${server.address().port}`
  return {
    url,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections?.()
      }),
  }
}
