// The benchmark's server: the bench page, the package and the bundles, plus canned Seam API
// routes, all on one origin. Same origin means the browser sends no CORS preflight, so every
// request a subject makes is one round trip and the figures measure the clients, not OPTIONS.
// Bodies are built once and reused so that the server is never what a figure measures.

import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { CONTENT_TYPES, REPO_ROOT } from '../tests/js/support/static-server.mjs'

export { REPO_ROOT }

const HERE = path.dirname(fileURLToPath(import.meta.url))

const DEVICE = JSON.parse(readFileSync(path.join(HERE, 'fixtures', 'device.json'), 'utf8'))
const CLIENT_SESSION = JSON.parse(readFileSync(path.join(HERE, 'fixtures', 'client_session.json'), 'utf8'))

// Only these trees are served; the rest of the repository stays out of reach.
const STATIC_PREFIXES = ['/pkg/', '/bench/', '/build/bench/']

// Cross-origin isolation gives the page 5 µs timers instead of 100 µs ones; a call here takes
// well under a millisecond, so the coarse clock would flatten the per-call figures.
const ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
}

const JSON_TYPE = 'application/json; charset=utf-8'

const deviceId = (i) => `bench_device_${String(i + 1).padStart(5, '0')}`

function cloneDevice(i) {
  const name = `Bench Lock ${i + 1}`
  return {
    ...DEVICE,
    device_id: deviceId(i),
    properties: { ...DEVICE.properties, name, appearance: { name } },
  }
}

function apiError(status, type, message) {
  return { status, body: JSON.stringify({ error: { type, message }, ok: false }) }
}

// The workspace: `catalogSize` devices, each kept as its JSON text for /devices/get, and list
// bodies cached per size.
function createApi({ catalogSize, defaultListSize }) {
  const devices = Array.from({ length: catalogSize }, (_, i) => cloneDevice(i))
  const deviceJson = new Map(devices.map((d) => [d.device_id, JSON.stringify(d)]))
  const listBodies = new Map()
  const token = `seam_cst1_bench_${crypto.randomUUID().replaceAll('-', '')}`
  let nextAttempt = 1

  const listBody = (size) => {
    if (!listBodies.has(size)) {
      const hasNext = size < catalogSize
      const pagination = {
        has_next_page: hasNext,
        next_page_cursor: hasNext ? Buffer.from(`offset:${size}`).toString('base64') : null,
        next_page_url: null,
      }
      listBodies.set(size, Buffer.from(JSON.stringify({ devices: devices.slice(0, size), pagination, ok: true })))
    }
    return listBodies.get(size)
  }

  const attempt = (id, status) =>
    `{"action_attempt":{"status":"${status}","action_type":"UNLOCK_DOOR","action_attempt_id":"${id}","result":${status === 'success' ? '{}' : 'null'},"error":null},"ok":true}`

  const routes = {
    '/client_sessions/get_or_create': (params, headers) => {
      if (!headers['seam-publishable-key']?.startsWith('seam_pk')) {
        return apiError(401, 'unauthorized', 'A publishable key is required')
      }
      const userIdentifierKey = params.user_identifier_key ?? headers['user-identifier-key']
      if (!userIdentifierKey) return apiError(400, 'invalid_input', 'user_identifier_key is required')
      const now = Date.now()
      const client_session = {
        ...CLIENT_SESSION,
        user_identifier_key: userIdentifierKey,
        token,
        device_count: catalogSize,
        created_at: new Date(now).toISOString(),
        expires_at: new Date(now + 24 * 3600_000).toISOString(),
      }
      return { status: 200, body: JSON.stringify({ client_session, ok: true }) }
    },
    '/devices/list': (params) => {
      const limit = params.limit === undefined ? defaultListSize : Number(params.limit)
      if (!Number.isInteger(limit) || limit < 1) return apiError(400, 'invalid_input', 'limit must be a positive integer')
      return { status: 200, body: listBody(Math.min(limit, catalogSize)) }
    },
    '/devices/get': (params) => {
      if (!params.device_id) return apiError(400, 'invalid_input', 'device_id is required')
      const json = deviceJson.get(params.device_id)
      if (json === undefined) return apiError(404, 'device_not_found', 'Device not found')
      return { status: 200, body: `{"device":${json},"ok":true}` }
    },
    '/locks/unlock_door': (params) => {
      if (!deviceJson.has(params.device_id)) return apiError(404, 'device_not_found', 'Device not found')
      return { status: 200, body: attempt(`action_attempt_${nextAttempt++}`, 'pending') }
    },
    // Every attempt succeeds by its first poll, as in Seam's fake.
    '/action_attempts/get': (params) => {
      if (!params.action_attempt_id) return apiError(400, 'invalid_input', 'action_attempt_id is required')
      return { status: 200, body: attempt(params.action_attempt_id, 'success') }
    },
  }

  const authorized = (pathname, headers) =>
    pathname === '/client_sessions/get_or_create' || headers.authorization === `Bearer ${token}`

  return { routes, authorized }
}

// GET carries parameters in the query string, POST in a JSON body; the SDKs use both.
async function readParams(req, search) {
  if (req.method === 'GET') return Object.fromEntries(new URLSearchParams(search))
  const chunks = []
  for await (const chunk of req) chunks.push(chunk)
  const text = Buffer.concat(chunks).toString('utf8')
  return text ? JSON.parse(text) : {}
}

function sendJson(res, { status, body }) {
  res.writeHead(status, {
    'content-type': JSON_TYPE,
    'content-length': typeof body === 'string' ? Buffer.byteLength(body) : body.length,
  })
  res.end(body)
}

async function handleApi(api, handler, req, res, pathname, search) {
  if (req.method !== 'GET' && req.method !== 'POST') {
    return sendJson(res, apiError(405, 'method_not_allowed', `${req.method} is not allowed`))
  }
  if (!api.authorized(pathname, req.headers)) {
    return sendJson(res, apiError(401, 'unauthorized', 'Unauthorized'))
  }
  let params
  try {
    params = await readParams(req, search)
  } catch {
    return sendJson(res, apiError(400, 'invalid_input', 'The body is not JSON'))
  }
  sendJson(res, handler(params, req.headers))
}

// Files are read once: the page reloads them for every cold-start sample.
function createStatics() {
  const cache = new Map()
  return async (pathname, res) => {
    const clean = path.posix.normalize(pathname)
    const file = path.resolve(REPO_ROOT, '.' + clean)
    if (!STATIC_PREFIXES.some((p) => clean.startsWith(p)) || !file.startsWith(REPO_ROOT + path.sep)) {
      res.writeHead(404).end()
      return
    }
    try {
      if (!cache.has(file)) cache.set(file, await readFile(file))
      const body = cache.get(file)
      const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream'
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store', ...ISOLATION })
      res.end(body)
    } catch {
      res.writeHead(404).end()
    }
  }
}

export async function startBenchServer({ port = 0, host = '127.0.0.1', catalogSize = 5000, defaultListSize = 4 } = {}) {
  const api = createApi({ catalogSize, defaultListSize })
  const statics = createStatics()
  const server = createServer((req, res) => {
    const q = req.url.indexOf('?')
    const pathname = q === -1 ? req.url : req.url.slice(0, q)
    const handler = api.routes[pathname]
    if (handler) return handleApi(api, handler, req, res, pathname, q === -1 ? '' : req.url.slice(q + 1))
    if (req.method !== 'GET') return res.writeHead(405).end()
    return statics(pathname, res)
  })
  // The default keep-alive timeout (5 s) would drop idle sockets between phases.
  server.keepAliveTimeout = 60_000
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  return {
    origin: `http://${host}:${server.address().port}`,
    deviceIds: Array.from({ length: catalogSize }, (_, i) => deviceId(i)),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
