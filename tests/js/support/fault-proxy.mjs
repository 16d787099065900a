// An HTTP proxy in front of the fake API that can be told to misbehave on one route: drop the
// connection, never answer, answer with a body that is not Seam's, rate-limit, or rewrite what the
// fake answered. Everything else is forwarded untouched, so the browser sees the fake's own
// answers (CORS headers included) unless a fault says otherwise.
//
//   const proxy = await startFaultProxy(fakeUrl)
//   proxy.set('/devices/list', { kind: 'empty503', times: 1 })
//   proxy.count('/devices/list')      // requests (not preflights) that reached the proxy
//   proxy.forwarded('/devices/list')  // of those, how many the fake answered
//
// Fault kinds:
//   reset          destroy the socket without answering
//   hang           never answer (the socket is destroyed when the proxy closes)
//   empty503       503 with an empty body
//   html502        502 with an HTML page
//   status429      429 with `Retry-After: retryAfter` (a number of seconds or a string) and a Seam error body
//   truncatedJson  200, JSON content type, the first half of a JSON body
//   slowDrip       200 headers, then one byte every `dripMs` ms for `dripBytes` bytes
//   rewrite        forward, then answer `await rewrite(json, { status, url })` (a JSON value) instead
// Options on every fault: `times: n` (or `once: true`) limits it to the first n requests after
// `set`; `forwardFirst: true` sends the request to the fake before misbehaving, so the fake acts on it;
// `onForwarded(json)` runs after the fake answered a forwarded request, before the answer goes back.

import http from 'node:http'
import { FORWARDED_MARK } from './page-recorder.mjs'

const CORS_EXPOSED = 'retry-after, seam-request-id'

export async function startFaultProxy(target) {
  const targetUrl = new URL(target)
  const faults = new Map()
  const counts = new Map()
  const forwardedCounts = new Map()
  const sockets = new Set()
  const timers = new Set()
  const log = []

  const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1)

  const corsHeaders = (req) => {
    const origin = req.headers.origin
    if (!origin) return {}
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': CORS_EXPOSED,
      vary: 'Origin',
    }
  }

  const readBody = (req) => new Promise((resolve, reject) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })

  // Sends the request on to the fake; resolves with its status, headers and whole body.
  const forward = (req, body) => new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: targetUrl.host, [FORWARDED_MARK]: '1' }
    delete headers.connection
    const upstream = http.request({
      hostname: targetUrl.hostname,
      port: targetUrl.port,
      method: req.method,
      path: req.url,
      headers,
    }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    upstream.on('error', reject)
    upstream.end(body)
  })

  const send = (res, status, headers, body) => {
    if (res.destroyed) return
    res.writeHead(status, headers)
    res.end(body)
  }

  const passThrough = (res, answer) => {
    const headers = { ...answer.headers }
    delete headers['content-length']
    delete headers['transfer-encoding']
    delete headers.connection
    headers['content-length'] = String(answer.body.length)
    send(res, answer.status, headers, answer.body)
  }

  const parseJson = (buf) => {
    try {
      return JSON.parse(buf.toString('utf8'))
    } catch {
      return undefined
    }
  }

  const misbehave = async (req, res, fault, answer) => {
    const cors = corsHeaders(req)
    switch (fault.kind) {
      case 'reset':
        req.socket.destroy()
        return
      case 'hang':
        return
      case 'empty503':
        send(res, 503, { ...cors, 'content-length': '0' }, '')
        return
      case 'html502': {
        const html = '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>'
        send(res, 502, { ...cors, 'content-type': 'text/html; charset=utf-8' }, html)
        return
      }
      case 'status429': {
        const retryAfter = typeof fault.retryAfter === 'function' ? fault.retryAfter() : fault.retryAfter
        const body = JSON.stringify({ error: { type: 'rate_limited', message: 'Too many requests' }, ok: false })
        const headers = { ...cors, 'content-type': 'application/json' }
        if (retryAfter != null) headers['retry-after'] = String(retryAfter)
        send(res, 429, headers, body)
        return
      }
      case 'truncatedJson': {
        const whole = answer?.body?.toString('utf8') ?? JSON.stringify({ devices: [{ device_id: 'a', properties: { name: 'x' } }], ok: true })
        send(res, 200, { ...cors, 'content-type': 'application/json; charset=utf-8' }, whole.slice(0, Math.floor(whole.length / 2)))
        return
      }
      case 'slowDrip': {
        const dripMs = fault.dripMs ?? 200
        let left = fault.dripBytes ?? 50
        res.writeHead(200, { ...cors, 'content-type': 'application/json' })
        // Valid JSON once complete, so a client that simply waits would end up succeeding.
        res.write('{"devices":[],"ok":true')
        const timer = setInterval(() => {
          if (res.destroyed) {
            clearInterval(timer)
            timers.delete(timer)
            return
          }
          left -= 1
          if (left <= 0) {
            clearInterval(timer)
            timers.delete(timer)
            res.end('}')
          } else {
            res.write(' ')
          }
        }, dripMs)
        timers.add(timer)
        return
      }
      case 'rewrite': {
        const json = parseJson(answer.body)
        const out = await fault.rewrite(json, { status: answer.status, url: req.url })
        const body = Buffer.from(JSON.stringify(out))
        const headers = { ...answer.headers }
        delete headers['transfer-encoding']
        delete headers.connection
        headers['content-length'] = String(body.length)
        headers['content-type'] = 'application/json; charset=utf-8'
        send(res, answer.status, headers, body)
        return
      }
      default:
        throw new Error(`unknown fault kind: ${fault.kind}`)
    }
  }

  const server = http.createServer(async (req, res) => {
    const pathname = new URL(req.url, 'http://proxy').pathname
    try {
      if (req.method === 'OPTIONS') {
        // Preflights are answered here so that a fault never blocks the browser before the
        // request itself is sent.
        await readBody(req)
        send(res, 204, {
          ...corsHeaders(req),
          'access-control-allow-methods': req.headers['access-control-request-method'] ?? 'GET, POST, PUT, PATCH, DELETE',
          'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
          'access-control-max-age': '0',
          'content-length': '0',
        }, '')
        return
      }
      bump(counts, pathname)
      const body = await readBody(req)
      const entry = faults.get(pathname)
      let fault = null
      if (entry && (entry.left == null || entry.left > 0)) {
        if (entry.left != null) entry.left -= 1
        fault = entry.fault
      }
      log.push({ method: req.method, pathname, url: req.url, fault: fault?.kind ?? null, at: Date.now() })
      const mustForward = !fault || fault.forwardFirst || fault.kind === 'rewrite'
      let answer = null
      if (mustForward) {
        answer = await forward(req, body)
        bump(forwardedCounts, pathname)
        if (fault?.onForwarded) await fault.onForwarded(parseJson(answer.body), { status: answer.status, url: req.url })
      }
      if (!fault) passThrough(res, answer)
      else await misbehave(req, res, fault, answer)
    } catch (error) {
      process.stderr.write(`[fault proxy] ${req.method} ${req.url}: ${error?.stack ?? error}\n`)
      if (!res.headersSent) send(res, 500, { ...corsHeaders(req), 'content-type': 'text/plain' }, 'fault proxy error')
      else res.destroy()
    }
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${server.address().port}`

  return {
    url,
    log,
    set(pathname, fault) {
      const times = fault.once ? 1 : fault.times
      faults.set(pathname, { fault, left: times ?? null })
    },
    // Removes the faults (one route, or all) and, with no argument, the counters too.
    clear(pathname) {
      if (pathname) {
        faults.delete(pathname)
        return
      }
      faults.clear()
      counts.clear()
      forwardedCounts.clear()
      log.length = 0
    },
    resetCounts() {
      counts.clear()
      forwardedCounts.clear()
      log.length = 0
    },
    count: (pathname) => counts.get(pathname) ?? 0,
    forwarded: (pathname) => forwardedCounts.get(pathname) ?? 0,
    async close() {
      for (const timer of timers) clearInterval(timer)
      timers.clear()
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
