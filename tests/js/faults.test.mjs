// Network and server faults between the browser and the API, made by a proxy in front of the fake:
// which error each one surfaces, how many attempts it costs, and that POSTs are never repeated.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ENGINE, useEnv, SEED_CST, WORKSPACE_ID, fakePost, newUserIdentifierKey } from './support/harness.mjs'
import { GET_OR_CREATE, fromToken, run, expectError, expectOk } from './support/actions.mjs'

const GET_PATH = '/devices/list'
const POST_PATH = '/locks/unlock_door'
const TIMEOUT = 1500

const env = useEnv({ faultProxy: true })

// A client through the proxy, kept on window[name].
const viaProxy = (p, options = {}, name = 'client') =>
  fromToken(p, SEED_CST, { options: { endpoint: env.proxy.url, timeout: TIMEOUT, ...options }, name })

const call = (p, route, name = 'client') => run(p, (c, route) => (route === 'GET'
  ? c.devices.list()
  : c.locks.unlockDoor({ device_id: 'august_device_1' }, { waitForActionAttempt: false })), route, { name })

const pathOf = (route) => (route === 'GET' ? GET_PATH : POST_PATH)

// Each row: the fault, the route, and what must come of it. `forwarded` is how many of the
// attempts the fake itself received.
const CASES = [
  { fault: { kind: 'reset' }, route: 'GET', error: 'SeamHttpNetworkError', attempts: 3, forwarded: 0 },
  { fault: { kind: 'reset' }, route: 'POST', error: 'SeamHttpNetworkError', attempts: 1, forwarded: 0 },
  { fault: { kind: 'reset', forwardFirst: true }, route: 'POST', error: 'SeamHttpNetworkError', attempts: 1, forwarded: 1 },
  { fault: { kind: 'hang' }, route: 'GET', error: 'SeamHttpTimeoutError', attempts: 1, forwarded: 0, bounded: true },
  { fault: { kind: 'hang', forwardFirst: true }, route: 'POST', error: 'SeamHttpTimeoutError', attempts: 1, forwarded: 1, bounded: true },
  { fault: { kind: 'empty503' }, route: 'GET', error: 'SeamHttpInvalidResponseError', statusCode: 503, attempts: 3, forwarded: 0 },
  { fault: { kind: 'empty503', forwardFirst: true }, route: 'POST', error: 'SeamHttpInvalidResponseError', statusCode: 503, attempts: 1, forwarded: 1 },
  { fault: { kind: 'html502' }, route: 'GET', error: 'SeamHttpInvalidResponseError', statusCode: 502, attempts: 3, forwarded: 0 },
  { fault: { kind: 'html502' }, route: 'POST', error: 'SeamHttpInvalidResponseError', statusCode: 502, attempts: 1, forwarded: 0 },
  { fault: { kind: 'status429', retryAfter: 1 }, route: 'GET', error: 'SeamHttpApiError', statusCode: 429, attempts: 3, forwarded: 0, minMs: 2000 },
  { fault: { kind: 'status429', retryAfter: 1 }, route: 'POST', error: 'SeamHttpApiError', statusCode: 429, attempts: 1, forwarded: 0 },
  { fault: { kind: 'truncatedJson', forwardFirst: true }, route: 'GET', error: 'SeamHttpInvalidResponseError', statusCode: 200, attempts: 1, forwarded: 1 },
  { fault: { kind: 'truncatedJson', forwardFirst: true }, route: 'POST', error: 'SeamHttpInvalidResponseError', statusCode: 200, attempts: 1, forwarded: 1 },
  { fault: { kind: 'slowDrip', dripMs: 100, dripBytes: 40 }, route: 'GET', error: 'SeamHttpTimeoutError', attempts: 1, forwarded: 0, bounded: true },
  { fault: { kind: 'slowDrip', dripMs: 100, dripBytes: 40 }, route: 'POST', error: 'SeamHttpTimeoutError', attempts: 1, forwarded: 0, bounded: true },
]

// Requests the engine's network layer sends again by itself, beneath fetch, when a connection is
// reset before any answer (README, "Browser engines"): WebKit a GET once more; Firefox a GET up
// to 10 times in all (`network.http.request.max-attempts`) and a POST once more when the
// connection was a reused one, even after the server took it (so 1 or 2, as the pool has it).
// No page script can see or stop these. Each is [fewest, most] copies on the wire of each of the
// package's own attempts, which are the counts in CASES; the fault table shows both. (So in
// Firefox a POST the package itself sent twice would pass here; Chromium and WebKit, which never
// repeat a POST, would catch it.)
const WIRE_COPIES = {
  webkit: { 'reset GET': [2, 2] },
  firefox: { 'reset GET': [10, 10], 'reset POST': [1, 2], 'reset (after the fake) POST': [1, 2] },
}
const copiesRange = (row) => WIRE_COPIES[ENGINE]?.[`${label(row.fault)} ${row.route}`] ?? [1, 1]

// How many copies of each of the package's attempts reached the proxy.
function copiesOf(row, attempts, context) {
  const [fewest, most] = copiesRange(row)
  const copies = attempts / row.attempts
  assert.ok(Number.isInteger(copies) && copies >= fewest && copies <= most,
    `${context} attempts: ${attempts}, expected ${row.attempts} × ${fewest === most ? fewest : `${fewest} to ${most}`}`)
  return copies
}

const table = []
const label = (f) => f.kind + (f.forwardFirst ? ' (after the fake)' : '') + (f.retryAfter != null ? ` Retry-After: ${f.retryAfter}` : '')

function check(row, out, attempts, forwarded, context) {
  const e = expectError(out, row.error, context)
  if (row.statusCode != null) assert.equal(e.statusCode, row.statusCode, `${context} statusCode`)
  const copies = copiesOf(row, attempts, context)
  assert.equal(forwarded, row.forwarded * copies, `${context} requests the fake received`)
  if (row.bounded) assert.ok(out.ms <= TIMEOUT + 1000, `${context} took ${Math.round(out.ms)} ms`)
  if (row.bounded) assert.ok(out.ms >= TIMEOUT - 50, `${context} gave up early, after ${Math.round(out.ms)} ms`)
  if (row.minMs) assert.ok(out.ms >= row.minMs, `${context} did not wait for Retry-After: ${Math.round(out.ms)} ms`)
  return e
}

const duplicatesOf = (route, attempts, forwarded) => (route === 'POST'
  ? Math.max(0, attempts - 1) + Math.max(0, forwarded - 1)
  : Math.max(0, attempts - 3))

for (const row of CASES) {
  test(`${label(row.fault)} on ${row.route}: ${row.error}${row.statusCode ? ' ' + row.statusCode : ''} after ${row.attempts} attempt(s)`, async () => {
    await env.withPage(async (p) => {
      expectOk(await viaProxy(p))
      const path = pathOf(row.route)
      env.proxy.clear()
      env.proxy.set(path, row.fault)
      const out = await call(p, row.route)
      const attempts = env.proxy.count(path)
      const forwarded = env.proxy.forwarded(path)
      const copies = Math.max(1, Math.round(attempts / row.attempts))
      table.push({
        fault: label(row.fault),
        route: `${row.route} ${path}`,
        attempts,
        fakeSaw: forwarded,
        error: out.ok ? 'resolved' : `${out.error.name}${out.error.statusCode != null ? ' ' + out.error.statusCode : ''}`,
        ms: Math.round(out.ms),
        duplicates: duplicatesOf(row.route, attempts / copies, forwarded / copies),
        engineResent: attempts - attempts / copies,
      })
      check(row, out, attempts, forwarded, `${label(row.fault)} ${row.route}:`)

      // Nothing more arrives later (no retry left running in the background).
      await p.wait(300)
      assert.equal(env.proxy.count(path), attempts, 'requests kept coming after the rejection')

      env.proxy.clear(path)
      const next = await call(p, row.route)
      expectOk(next, 'the call after the fault was cleared')
      assert.equal(env.proxy.count(path), attempts + 1)
    })
  })
}

test("the fake's simulated workspace outage (503, empty body): 3 attempts for GET, 1 for POST", async () => {
  await env.withPage(async (p) => {
    expectOk(await viaProxy(p))
    env.proxy.clear()
    await fakePost(env.fakeUrl, '/_fake/simulate_workspace_outage', { workspace_id: WORKSPACE_ID, routes: [GET_PATH, POST_PATH] })
    try {
      for (const [route, attempts] of [['GET', 3], ['POST', 1]]) {
        const path = pathOf(route)
        const out = await call(p, route)
        const seen = env.proxy.count(path)
        table.push({
          fault: 'fake workspace outage',
          route: `${route} ${path}`,
          attempts: seen,
          fakeSaw: env.proxy.forwarded(path),
          error: out.ok ? 'resolved' : `${out.error.name} ${out.error.statusCode}`,
          ms: Math.round(out.ms),
          duplicates: duplicatesOf(route, seen, env.proxy.forwarded(path)),
        })
        const e = expectError(out, 'SeamHttpInvalidResponseError', `outage ${route}:`)
        assert.equal(e.statusCode, 503)
        assert.equal(seen, attempts, `outage ${route}: attempts`)
        assert.equal(env.proxy.forwarded(path), attempts)
      }
    } finally {
      await fakePost(env.fakeUrl, '/_fake/simulate_workspace_outage', { workspace_id: WORKSPACE_ID, routes: [] })
    }
    expectOk(await call(p, 'GET'), 'after the outage')
    expectOk(await call(p, 'POST'), 'after the outage')
  })
})

test('one 503 then success: the GET is retried after about 200 ms and resolves', async () => {
  await env.withPage(async (p) => {
    expectOk(await viaProxy(p))
    env.proxy.clear()
    env.proxy.set(GET_PATH, { kind: 'empty503', once: true })
    const out = await call(p, 'GET')
    const devices = expectOk(out)
    assert.equal(devices.length, 4)
    assert.equal(env.proxy.count(GET_PATH), 2)
    assert.ok(out.ms >= 190, `retried after ${Math.round(out.ms)} ms`)
    assert.ok(out.ms < 1500, `took ${Math.round(out.ms)} ms`)
  })
})

test('a 200 whose resource is not an object gives SeamHttpInvalidResponseError, not the value', async () => {
  await env.withPage(async (p) => {
    expectOk(await viaProxy(p))
    for (const devices of [null, 42, 'x', true]) {
      env.proxy.clear()
      env.proxy.set(GET_PATH, { kind: 'rewrite', rewrite: (json) => ({ ...json, devices }) })
      const e = expectError(await call(p, 'GET'), 'SeamHttpInvalidResponseError', JSON.stringify(devices))
      const type = devices === null ? 'null' : typeof devices
      assert.equal(e.message, `Seam returned an invalid response for ${GET_PATH}: expected "devices", got ${type} instead of an object`)
      // A 200 is not retried.
      assert.equal(env.proxy.count(GET_PATH), 1)
    }
    env.proxy.clear()
    assert.equal(expectOk(await call(p, 'GET')).length, 4)
  })
})

test('two 503s then success: backoff of about 200 ms and then 400 ms', async () => {
  await env.withPage(async (p) => {
    expectOk(await viaProxy(p))
    env.proxy.clear()
    env.proxy.set(GET_PATH, { kind: 'html502', times: 2 })
    const out = await call(p, 'GET')
    expectOk(out)
    assert.equal(env.proxy.count(GET_PATH), 3)
    const [a, b, c] = env.proxy.log.filter((r) => r.pathname === GET_PATH).map((r) => r.at)
    // Server-side arrival times; the client adds its own 0-20 % on top.
    assert.ok(b - a >= 180 && b - a < 600, `first wait ${b - a} ms`)
    assert.ok(c - b >= 380 && c - b < 1000, `second wait ${c - b} ms`)
  })
})

test('retries: 0 makes a single attempt', async () => {
  await env.withPage(async (p) => {
    expectOk(await viaProxy(p, { retries: 0 }))
    env.proxy.clear()
    env.proxy.set(GET_PATH, { kind: 'empty503' })
    const e = expectError(await call(p, 'GET'), 'SeamHttpInvalidResponseError')
    assert.equal(e.statusCode, 503)
    assert.equal(env.proxy.count(GET_PATH), 1)
  })
})

test('Retry-After in seconds is waited for, then the GET succeeds', async () => {
  await env.withPage(async (p) => {
    expectOk(await viaProxy(p))
    env.proxy.clear()
    env.proxy.set(GET_PATH, { kind: 'status429', retryAfter: 1, once: true })
    const out = await call(p, 'GET')
    expectOk(out)
    assert.equal(env.proxy.count(GET_PATH), 2)
    assert.ok(out.ms >= 1000, `Retry-After: 1 but retried after ${Math.round(out.ms)} ms`)
    assert.ok(out.ms < 2500, `took ${Math.round(out.ms)} ms`)
  })
})

test('Retry-After as an HTTP date is waited for', async () => {
  await env.withPage(async (p) => {
    expectOk(await viaProxy(p, { timeout: 6000 }))
    env.proxy.clear()
    // HTTP dates have whole seconds, so 3 s ahead is at least 2 s ahead.
    env.proxy.set(GET_PATH, { kind: 'status429', retryAfter: () => new Date(Date.now() + 3000).toUTCString(), once: true })
    const out = await call(p, 'GET')
    expectOk(out)
    assert.equal(env.proxy.count(GET_PATH), 2)
    assert.ok(out.ms >= 1900, `Retry-After (date) but retried after ${Math.round(out.ms)} ms`)
    assert.ok(out.ms < 5000, `took ${Math.round(out.ms)} ms`)
  })
})

test('a Retry-After longer than the timeout ends the call with the answer, at once', async () => {
  await env.withPage(async (p) => {
    expectOk(await viaProxy(p))
    env.proxy.clear()
    env.proxy.set(GET_PATH, { kind: 'status429', retryAfter: 120, once: true })
    const out = await call(p, 'GET')
    assert.equal(expectError(out, 'SeamHttpApiError').statusCode, 429)
    assert.equal(env.proxy.count(GET_PATH), 1)
    assert.ok(out.ms < 1000, `took ${Math.round(out.ms)} ms`)
  })
})

test('with no timeout, a Retry-After of 25 days is not a retry at once: the answer stands', async () => {
  await env.withPage(async (p) => {
    expectOk(await viaProxy(p, { timeout: 0 }))
    env.proxy.clear()
    // Over 2^31 - 1 ms, which a browser's timer would run at once.
    env.proxy.set(GET_PATH, { kind: 'status429', retryAfter: 25 * 86_400 })
    const out = await call(p, 'GET')
    assert.equal(expectError(out, 'SeamHttpApiError').statusCode, 429)
    assert.equal(env.proxy.count(GET_PATH), 1)
  })
})

test('timeout: 0 means no timeout: a slow answer is waited for', async () => {
  await env.withPage(async (p) => {
    expectOk(await viaProxy(p, { timeout: 0 }))
    env.proxy.clear()
    env.proxy.set(GET_PATH, { kind: 'slowDrip', dripMs: 100, dripBytes: 20 })
    const out = await call(p, 'GET')
    assert.deepEqual(expectOk(out), [])
    assert.ok(out.ms >= 1900, `answered after ${Math.round(out.ms)} ms`)
    assert.equal(env.proxy.count(GET_PATH), 1)
  })
})

test('SeamHttpTimeoutError is a SeamHttpNetworkError, and a shorter timeout ends a hang sooner', async () => {
  await env.withPage(async (p) => {
    expectOk(await viaProxy(p, { timeout: 800 }))
    env.proxy.clear()
    env.proxy.set(GET_PATH, { kind: 'empty503', once: true })
    const first = await call(p, 'GET')
    expectOk(first)
    env.proxy.clear()
    env.proxy.set(GET_PATH, { kind: 'hang' })
    const out = await call(p, 'GET')
    expectError(out, 'SeamHttpTimeoutError')
    assert.equal(out.error.instanceOf.SeamHttpNetworkError, true, 'SeamHttpTimeoutError is not a SeamHttpNetworkError')
    assert.ok(out.ms < 800 + 1000, `took ${Math.round(out.ms)} ms`)
    assert.equal(env.proxy.count(GET_PATH), 1)
  })
})

test('fault table', () => {
  console.log(`\nfault table (${ENGINE})`)
  console.log('fault                          | route                    | attempts | fake saw | error surfaced                      | ms    | duplicates | engine re-sent')
  for (const r of table) {
    console.log(`${r.fault.padEnd(30)} | ${r.route.padEnd(24)} | ${String(r.attempts).padEnd(8)} | ${String(r.fakeSaw).padEnd(8)} | ${r.error.padEnd(35)} | ${String(r.ms).padEnd(5)} | ${String(r.duplicates).padEnd(10)} | ${r.engineResent}`)
  }
  assert.ok(table.length >= CASES.length, 'fault rows missing')
  assert.deepEqual(table.filter((r) => r.duplicates !== 0), [])
})

test('sign-ins of one user that start together, the first refused: the next makes its own get_or_create, a later one resumes', async () => {
  await env.withPage(async (p) => {
    env.proxy.clear()
    env.proxy.set(GET_OR_CREATE, { kind: 'empty503', once: true })
    const out = await p.evaluate(async ({ endpoint, uik }) => {
      const t = window.__seamTest
      const { SeamClient } = await t.load()
      const signIn = () => SeamClient.fromPublishableKey('seam_pk1_token', uik, { endpoint })
      const settled = await Promise.allSettled([signIn(), signIn()])
      const later = await signIn()
      return {
        first: settled[0].status === 'rejected' ? `${settled[0].reason.name} ${settled[0].reason.statusCode}` : 'resolved',
        second: settled[1].value?.clientSessionToken ?? String(settled[1].reason),
        later: later.clientSessionToken,
      }
    }, { endpoint: env.proxy.url, uik: newUserIdentifierKey() })
    assert.equal(out.first, 'SeamHttpInvalidResponseError 503')
    assert.match(out.second, /^seam_cst/)
    assert.equal(out.later, out.second, 'the later sign-in resumed the stored session')
    assert.equal(env.proxy.count(GET_OR_CREATE), 2)
  })
})
