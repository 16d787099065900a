// Shared by the hostile-input tests: a page probe that notes the package's wasm memory and every
// error the page sees, a health check run after each case, and small local servers that record
// what reaches them.

import assert from 'node:assert/strict'
import http from 'node:http'
import { PUBLISHABLE_KEY, SEED_CST } from './harness.mjs'

// Runs in the page before any of its scripts (an init script). The package keeps its wasm
// instance private, so instantiation is wrapped to keep a handle on its memory, as bench/page.mjs
// does. `window.__hostile` also describes errors without trusting them (a thrown value may be a
// hostile object itself), settles calls against a timer, and repeats a case many times.
function probePage({ seed, publishableKey }) {
  const PACKAGE_CLASSES = [
    'SeamHttpApiError', 'SeamHttpUnauthorizedError', 'SeamHttpInvalidInputError', 'SeamHttpInvalidTokenError',
    'SeamHttpInvalidOptionsError', 'SeamHttpInvalidResponseError', 'SeamHttpNetworkError', 'SeamHttpTimeoutError',
    'SeamHttpSignedOutError', 'SeamActionAttemptError', 'SeamActionAttemptFailedError', 'SeamActionAttemptTimeoutError',
  ]
  const safe = (f, fallback) => {
    try {
      return f()
    } catch {
      return fallback
    }
  }
  const h = {
    seed,
    publishableKey,
    memory: null,
    // Constructor names of every error described in this page, caught or not.
    caught: [],
    // Uncaught errors and unhandled rejections.
    pageErrors: [],
    memoryBytes: () => safe(() => h.memory.buffer.byteLength, null),
    m: () => window.__seamTest.m,
    client(options = {}) {
      return h.m().SeamClient.fromClientSessionToken(seed, { endpoint: window.__seamTest.fakeUrl, storage: 'memory', ...options })
    },
    describe(e, { record = true } = {}) {
      const m = h.m() ?? {}
      const ctor = safe(() => e?.constructor?.name, '(unreadable)')
      const message = safe(() => String(e?.message ?? e), '(unreadable)')
      const out = {
        ctor: ctor ?? null,
        name: safe(() => e?.name, null) ?? null,
        message: message.slice(0, 400),
        messageLength: message.length,
        codeLength: safe(() => (typeof e?.code === 'string' ? e.code.length : null), null),
        code: safe(() => (typeof e?.code === 'string' ? e.code.slice(0, 80) : null), null),
        statusCode: safe(() => e?.statusCode ?? null, null),
        runtime: safe(() => e instanceof WebAssembly.RuntimeError, false),
        typeError: safe(() => e instanceof TypeError, false),
        instanceOf: {},
        causeCtor: safe(() => e?.cause?.constructor?.name ?? null, null),
        causeMessage: safe(() => (e?.cause?.message == null ? null : String(e.cause.message).slice(0, 200)), null),
      }
      for (const cls of PACKAGE_CLASSES) out.instanceOf[cls] = safe(() => typeof m[cls] === 'function' && e instanceof m[cls], false)
      // A typed outcome: one of the package's classes, or the TypeError it documents for bad parameters.
      out.typed = out.typeError || Object.values(out.instanceOf).some(Boolean)
      if (record) h.caught.push(out.ctor)
      return out
    },
    summary(v) {
      return safe(() => {
        if (Array.isArray(v)) return { array: v.length }
        if (v === undefined) return { undefined: true }
        if (v === null) return { null: true }
        if (typeof v === 'object') return { object: Object.keys(v).slice(0, 8) }
        return { [typeof v]: String(v).slice(0, 80) }
      }, { unreadable: true })
    },
    // Calls fn and waits at most `ms` for what it returns: { ok, value } | { ok: false, error,
    // sync } | { pending: true }, with how long it took. `sync` is a throw rather than a rejection.
    // The value is summarized (its shape), or passed as is with `raw` (it must be plain JSON).
    async settle(fn, ms = 5000, { raw = false } = {}) {
      const start = performance.now()
      const PENDING = {}
      let timer
      let sync = false
      try {
        let result
        try {
          result = fn()
        } catch (e) {
          sync = true
          throw e
        }
        const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve(PENDING), ms) })
        const value = await Promise.race([result, timeout])
        if (value === PENDING) return { pending: true, ms: performance.now() - start }
        return { ok: true, value: raw ? value : h.summary(value), ms: performance.now() - start }
      } catch (e) {
        return { ok: false, error: h.describe(e), sync, ms: performance.now() - start }
      } finally {
        clearTimeout(timer)
      }
    },
    kindOf(out) {
      if (out.pending) return 'pending'
      if (out.ok) return `value ${JSON.stringify(out.value)}`
      return `${out.error.ctor}${out.sync ? ' (thrown)' : ''}: ${out.error.message.replace(/\d+/g, '#').slice(0, 120)}`
    },
    // `expect`: { cls, includes, sync } for one error class, or { typedOrValue: true }.
    matches(out, expect) {
      if (out.pending) return false
      if (expect.typedOrValue) return out.ok || out.error.typed
      if (out.ok) return false
      const e = out.error
      const isClass = expect.cls === 'TypeError' ? e.typeError && e.ctor === 'TypeError' : e.instanceOf[expect.cls] === true
      if (!isClass) return false
      if (expect.includes && !e.message.includes(expect.includes)) return false
      if (expect.sync != null && out.sync !== expect.sync) return false
      return true
    },
    // Runs `make(i)` n times. Keeps going after an unexpected error (a leak shows only after many
    // repetitions) but stops at a trap, a hang or a call that went through.
    async repeat(n, make, expect, ms = 5000) {
      const kinds = {}
      let firstBad = null
      let i = 0
      for (; i < n; i++) {
        const out = await h.settle(() => make(i), ms)
        const kind = h.kindOf(out)
        kinds[kind] = (kinds[kind] ?? 0) + 1
        if (h.matches(out, expect)) continue
        firstBad ??= { iteration: i, kind, out }
        if (out.pending || out.ok || out.error.runtime) {
          i += 1
          break
        }
      }
      return { iterations: i, firstBad, kinds, runtimeErrors: h.caught.filter((c) => c === 'RuntimeError').length }
    },
  }
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name]
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(WebAssembly, args)
      const instance = result instanceof WebAssembly.Instance ? result : result?.instance
      if (instance?.exports?.memory instanceof WebAssembly.Memory) h.memory = instance.exports.memory
      return result
    }
  }
  window.addEventListener('error', (event) => h.pageErrors.push(h.describe(event.error ?? event.message)))
  window.addEventListener('unhandledrejection', (event) => h.pageErrors.push(h.describe(event.reason)))
  Object.defineProperty(window, '__hostile', { value: h })
}

// A page with the probe, closed afterwards. Page errors are reported by the health check (some
// cases provoke thousands of them on the code as it was), not printed one by one.
export const withProbe = (env, fn) =>
  env.withPage({ initScript: probePage, initArg: { seed: SEED_CST, publishableKey: PUBLISHABLE_KEY }, quietPageErrors: true }, fn)

// Runs `fn(module, arg, __hostile, __seamTest)` in the page (the package loaded first) and
// returns its JSON result. `fn` must not close over test variables.
export const inPage = (p, fn, arg) =>
  p.evaluate(async ({ src, arg }) => {
    const t = window.__seamTest
    const m = t.m ?? (await t.load())
    return (0, eval)(`(${src})`)(m, arg, window.__hostile, t)
  }, { src: fn.toString(), arg })

// The wasm memory of the page's package, in bytes.
export const wasmMemory = (p) => inPage(p, (m, arg, h) => h.memoryBytes())

// After every case: a fresh client in the same page lists the seeded devices, and nothing in the
// page (caught, uncaught, or rejected unhandled) was a WebAssembly.RuntimeError. Returns the
// page's wasm memory in bytes.
export async function healthCheck(p, label) {
  const out = await inPage(p, async (m, arg, h) => {
    let listed
    try {
      listed = await h.settle(() => h.client().devices.list(), 10_000)
    } catch (e) {
      listed = { ok: false, error: h.describe(e) }
    }
    return {
      listed,
      runtimeCaught: h.caught.filter((c) => c === 'RuntimeError').length,
      pageErrorCount: h.pageErrors.length,
      pageErrors: h.pageErrors.slice(0, 3),
      memory: h.memoryBytes(),
    }
  })
  const uncaught = p.pageErrors.map((e) => `${e?.name}: ${e?.message}`)
  const runtimeUncaught = uncaught.filter((text) => text.startsWith('RuntimeError'))
  assert.equal(out.runtimeCaught, 0, `${label}: the page caught ${out.runtimeCaught} WebAssembly.RuntimeError(s)`)
  assert.deepEqual(runtimeUncaught.slice(0, 3), [], `${label}: uncaught WebAssembly.RuntimeError in the page`)
  assert.equal(out.pageErrorCount, 0, `${label}: ${out.pageErrorCount} uncaught error(s) in the page, first: ${JSON.stringify(out.pageErrors)}`)
  assert.deepEqual(uncaught.slice(0, 3), [], `${label}: uncaught error(s) in the page (${uncaught.length})`)
  assert.equal(out.listed.ok, true, `${label}: health check devices.list did not resolve: ${JSON.stringify(out.listed)}`)
  assert.deepEqual(out.listed.value, { array: 4 }, `${label}: health check listed ${JSON.stringify(out.listed.value)}`)
  return out.memory
}

// CORS headers that let the test page (any origin, credentials included) read the answer.
export const corsHeaders = (req) => ({
  'access-control-allow-origin': req.headers.origin ?? '*',
  'access-control-allow-credentials': 'true',
  'access-control-expose-headers': 'retry-after, seam-request-id',
  vary: 'Origin',
})

// Answers a CORS preflight allowing any method and header; false when `req` is not one.
export function answerPreflight(req, res) {
  if (req.method !== 'OPTIONS') return false
  res.writeHead(204, {
    ...corsHeaders(req),
    'access-control-allow-methods': req.headers['access-control-request-method'] ?? 'GET, POST, PUT, PATCH, DELETE',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
    'access-control-max-age': '0',
    'content-length': '0',
  })
  res.end()
  return true
}

export function sendJson(req, res, status, body, headers = {}) {
  const data = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body))
  res.writeHead(status, { ...corsHeaders(req), 'content-type': 'application/json', 'content-length': String(data.length), ...headers })
  res.end(data)
}

// A server on 127.0.0.1 that records every request (preflights included) with its headers and
// body, then lets `answer(req, res, record)` reply.
export async function startRecordingServer(answer) {
  const requests = []
  const sockets = new Set()
  const server = http.createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', async () => {
      const url = new URL(req.url, 'http://recorder')
      const record = {
        method: req.method,
        url: req.url,
        pathname: url.pathname,
        searchParams: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      }
      requests.push(record)
      try {
        await answer(req, res, record)
      } catch (error) {
        process.stderr.write(`[recording server] ${req.method} ${req.url}: ${error?.stack ?? error}\n`)
        res.destroy()
      }
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = server.address().port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    // Requests other than preflights, optionally to one path.
    calls: (pathname) => requests.filter((r) => r.method !== 'OPTIONS' && (!pathname || r.pathname === pathname)),
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
