// Response handling under random answers: with fetch replaced by a seeded generator of statuses,
// content types and bodies, every call must settle, and either resolve or reject with one of
// the package's own error classes; the module keeps working afterwards.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ENGINE, useEnv, SEED_CST, ALL_ERROR_CLASSES } from './support/harness.mjs'
import { fromToken, run, expectOk } from './support/actions.mjs'

// Firefox and WebKit answer 20,000: the decisions are the module's, the same in every engine.
const CASES = Number(process.env.FUZZ_CASES || (ENGINE === 'chromium' ? 100_000 : 20_000))
const BATCH = 1000
const CHUNK = 20_000 // calls per page.evaluate
const SEED = Number(process.env.FUZZ_SEED || 0x5eed)

const env = useEnv()

// Runs in the page: installs a fetch stub driven by a seeded PRNG and the state the chunks share.
function installFuzz({ seed, classes }) {
  // mulberry32
  let a = seed >>> 0
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n) => Math.floor(rand() * n)
  const pick = (xs) => xs[int(xs.length)]

  const KEYS = ['device', 'devices', 'error', 'type', 'message', 'ok', 'request_id', 'validation_errors', 'errors',
    'action_attempt', 'status', 'data', 'pagination', 'constructor', '__proto__', 'toString', '']
  const randomString = () => {
    const n = int(12)
    let s = ''
    for (let i = 0; i < n; i++) s += String.fromCodePoint(pick([int(128), 0x20 + int(95), 0xe9, 0x2028, 0xfeff, 0x1f600, 0xd800 + int(0x800)]))
    return s
  }
  const randomValue = (depth = 0) => {
    switch (int(depth > 3 ? 6 : 9)) {
      case 0: return null
      case 1: return rand() < 0.5
      case 2: return pick([0, -0, 1, -1, 1.5, 2 ** 53 + 1, 1e308, -1e308, 5e-324, 401, 429, 503])
      case 3: return randomString()
      case 4: return pick(['', 'device_not_found', 'invalid_input', 'unauthorized', 'success', 'error', 'pending'])
      case 5: return int(1000)
      case 6: return Array.from({ length: int(4) }, () => randomValue(depth + 1))
      default: {
        const o = {}
        for (let i = int(5); i > 0; i--) o[pick(KEYS)] = randomValue(depth + 1)
        return o
      }
    }
  }
  const jsonText = (v) => {
    // Numbers JSON.stringify cannot write.
    if (rand() < 0.05) return pick(['1e400', '-1e400', '123456789012345678901234567890', '{"device":1e999}', '{"error":{"type":"x","message":"y","status_code":1e400}}'])
    return JSON.stringify(v)
  }
  const bodies = [
    () => { const b = new Uint8Array(int(64)); for (let i = 0; i < b.length; i++) b[i] = int(256); return b },
    () => randomString(),
    () => { const t = JSON.stringify({ device: { device_id: 'x', properties: {} }, ok: true }); return t.slice(0, int(t.length)) },
    () => { const t = JSON.stringify(randomValue()); return t.slice(0, int(t.length + 1)) },
    () => jsonText(randomValue()),
    () => jsonText({ error: { type: randomValue(2), message: randomValue(2), ...(rand() < 0.3 ? { validation_errors: randomValue(2) } : {}) }, ok: false }),
    () => jsonText({ error: randomValue(1) }),
    () => jsonText({ device: randomValue(1), ok: randomValue(3) }),
    () => JSON.stringify({ device: { device_id: 'x', device_type: 'august_lock', properties: { name: 'x' } }, ok: true }),
    () => pick(['{}', '[]', 'null', '', ' ', 'true', '0', '"x"', 'NaN', '\ufeff{}', '{"__proto__":{"polluted":1}}', '<html>502</html>', '{"device":null}', '{"device":{}}']),
  ]
  const STATUSES = [200, 200, 201, 204, 400, 401, 401, 403, 404, 409, 422, 429, 429, 500, 502, 503, 504]
  const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/html', 'text/plain', '',
    'application/problem+json', 'application/octet-stream', null]

  const realFetch = globalThis.fetch
  const state = { calls: 0, outcomes: {}, foreign: [], statuses: {}, last: [] }
  const makeResponse = () => {
    let status = rand() < 0.5 ? pick(STATUSES) : 100 + int(500)
    let body = pick(bodies)()
    const headers = new Headers()
    const ct = pick(CONTENT_TYPES)
    if (ct !== null) headers.set('content-type', ct)
    if (rand() < 0.2) headers.set('seam-request-id', randomString().replace(/[^\x20-\x7e]/g, ''))
    if (rand() < 0.1) headers.set('retry-after', pick(['0', '1', '-1', 'soon', '99999999999']))
    state.statuses[Math.floor(status / 100) + 'xx'] = (state.statuses[Math.floor(status / 100) + 'xx'] ?? 0) + 1
    if ([204, 205, 304].includes(status)) body = null
    if (status < 200) {
      // Browsers never hand informational statuses to fetch, and Response refuses them, so this
      // is a Response whose status has been made to lie.
      const r = new Response(body, { status: 200, headers })
      Object.defineProperty(r, 'status', { value: status })
      Object.defineProperty(r, 'ok', { value: false })
      return r
    }
    return new Response(body, { status, headers })
  }
  state.urls = {}
  globalThis.fetch = async (input, init) => {
    state.calls += 1
    const url = new URL(typeof input === 'string' ? input : input.url)
    const key = `${init?.method ?? input?.method ?? 'GET'} ${url.pathname}`
    state.urls[key] = (state.urls[key] ?? 0) + 1
    const r = makeResponse()
    state.last.push(r.status)
    if (state.last.length > 3) state.last.shift()
    return r
  }
  const t = window.__seamTest
  const errorClasses = classes.map((name) => t.m[name]).filter((C) => typeof C === 'function')
  state.classify = (settled) => {
    if (settled.status === 'fulfilled') return `resolved (${settled.value === null ? 'null' : typeof settled.value})`
    const e = settled.reason
    const own = errorClasses.some((C) => e instanceof C)
    if (!own) {
      if (state.foreign.length < 20) state.foreign.push({ name: e?.name, message: String(e?.message ?? e).slice(0, 200) })
      return `FOREIGN ${e?.name ?? typeof e}`
    }
    return e.name
  }
  state.restore = () => { globalThis.fetch = realFetch }
  window.__fuzz = state
  return { stubbed: globalThis.fetch !== realFetch, errorClasses: errorClasses.length }
}

test(`${CASES} random responses: each call settles with a value or one of the package's errors`, async () => {
  await env.withPage(async (p) => {
    await p.evaluate(() => window.__seamTest.load())
    const installed = await p.evaluate(installFuzz, { seed: SEED, classes: ALL_ERROR_CLASSES })
    assert.equal(installed.stubbed, true)
    assert.equal(installed.errorClasses, ALL_ERROR_CLASSES.length)
    // The client is made after fetch was replaced.
    expectOk(await fromToken(p, SEED_CST, { options: { retries: 0, waitForActionAttempt: false }, name: 'fuzzClient' }))

    const started = Date.now()
    let done = 0
    while (done < CASES) {
      const n = Math.min(CHUNK, CASES - done)
      const chunk = expectOk(await run(p, async (c, { n, batch }) => {
        const s = window.__fuzz
        let hung = 0
        for (let i = 0; i < n; i += batch) {
          const calls = Array.from({ length: Math.min(batch, n - i) }, () => c.devices.get({ device_id: 'x' }))
          let timer
          const limit = new Promise((resolve) => { timer = setTimeout(() => resolve('hung'), 10_000) })
          const settled = await Promise.race([Promise.allSettled(calls), limit])
          clearTimeout(timer)
          if (settled === 'hung') {
            hung += calls.length
            break
          }
          for (const r of settled) {
            const k = s.classify(r)
            s.outcomes[k] = (s.outcomes[k] ?? 0) + 1
          }
        }
        return { hung }
      }, { n, batch: BATCH }, { name: 'fuzzClient' }))
      assert.equal(chunk.hung, 0, 'a batch of calls did not settle within 10 s')
      done += n
    }
    const ms = Date.now() - started

    const state = await p.evaluate(() => {
      const s = window.__fuzz
      s.restore()
      return { calls: s.calls, outcomes: s.outcomes, foreign: s.foreign, statuses: s.statuses, urls: s.urls }
    })
    const total = Object.values(state.outcomes).reduce((x, y) => x + y, 0)
    console.log(`fuzz: ${total} cases in ${ms} ms (${Math.round(total / (ms / 1000))} calls/s), seed ${SEED}`)
    console.log(`statuses: ${JSON.stringify(state.statuses)}; requests: ${JSON.stringify(state.urls)}`)
    for (const [k, v] of Object.entries(state.outcomes).sort((x, y) => y[1] - x[1])) console.log(`  ${k.padEnd(36)} ${v}`)
    if (state.foreign.length) console.log('foreign errors (first 20):', JSON.stringify(state.foreign, null, 1))

    assert.equal(total, CASES)
    // retries: 0, so each call fetched its route exactly once.
    assert.equal(state.urls['GET /devices/get'], CASES)
    const foreign = Object.entries(state.outcomes).filter(([k]) => k.startsWith('FOREIGN'))
    assert.deepEqual(foreign, [], `errors that are not the package's: ${JSON.stringify(state.foreign.slice(0, 5))}`)
    // The generator produces both good answers and every kind of bad one.
    assert.ok(Object.keys(state.outcomes).some((k) => k.startsWith('resolved')), 'no call resolved')
    for (const cls of ['SeamHttpApiError', 'SeamHttpUnauthorizedError', 'SeamHttpInvalidResponseError']) {
      assert.ok(state.outcomes[cls] > 0, `no ${cls} among the outcomes`)
    }

    // The module still works with the real fetch.
    expectOk(await fromToken(p, SEED_CST))
    const devices = expectOk(await run(p, (c) => c.devices.list()))
    assert.equal(devices.length, 4)
    assert.equal(p.sent('/devices/list').length, 1)
  })
})
