// Random JS values into every route and every factory: primitives (huge and odd strings, NaN,
// -0, BigInt, symbols), arrays and objects nested at random (sometimes 50+ deep), cycles, throwing
// getters, proxies with throwing traps, revoked proxies, fake and invalid Dates, functions, objects
// whose toJSON / toString / valueOf / Symbol.toPrimitive throw, class instances, Maps, Sets and
// typed arrays. Every outcome must be a value or a typed error (one of the package's classes, or
// TypeError), never a WebAssembly.RuntimeError or a hang, and the page must stay healthy.
//
// Each case draws from its own generator, seeded by (seed, case number), so a failing case can
// be replayed alone: SEAM_FUZZ_SEED=<seed> SEAM_FUZZ_CASES=<n>. A page whose wasm instance
// trapped or hung is reloaded and the run goes on (up to MAX_RELOADS), so one trap does not hide
// the rest; any trap still fails the test.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ENGINE, useEnv, PUBLISHABLE_KEY } from './support/harness.mjs'
import { withProbe, inPage, healthCheck } from './support/hostile.mjs'

const SEED = Number(process.env.SEAM_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32))
// Firefox and WebKit run 2,000 parameter cases (they get through 55 to 65 a second here) and the
// same 1,000 option cases.
const CASES = Number(process.env.SEAM_FUZZ_CASES ?? (ENGINE === 'chromium' ? 10_000 : 2_000))
const OPTION_CASES = Math.max(1, Math.round((process.env.SEAM_FUZZ_CASES ? CASES : 10_000) / 10))
// One case in AWAIT_EVERY is sent to the fake; the others are only built.
const AWAIT_EVERY = 25
const BATCH = 1000
// Wall-clock budgets, so that a run full of hangs still ends. The parameters' budget leaves room
// for a busy 2-core machine: a case reads its parameters as @seamapi/http's serializer does (the
// checks when it is made, the query when its url is read), up to 10,000 values each time.
const PARAMS_BUDGET_MS = 150_000
const OPTIONS_BUDGET_MS = 20_000
const MAX_RELOADS = 100
const AWAIT_TIMEOUT_MS = 10_000
const DEFAULT_ENDPOINT = 'https://connect.getseam.com'

console.log(`fuzz-params: SEAM_FUZZ_SEED=${SEED} SEAM_FUZZ_CASES=${CASES} (factory options: ${OPTION_CASES} cases)`)

const env = useEnv()

// Runs in the page once the package is loaded: the route list, the value generators and the
// case runners, on `window.__paramFuzz`.
function installFuzz({ seed, awaitEvery, awaitTimeoutMs, publishableKey }) {
  const h = window.__hostile
  const t = window.__seamTest
  const m = t.m
  const S = m.SeamClient
  const fakeUrl = t.fakeUrl

  // Every route method's path: the namespaces are getters on the class, and each method is named
  // after its path (route-table.test.mjs checks that).
  const snake = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
  const paths = []
  const builder = h.client()
  const walk = (ns, prefix) => {
    for (const [name, value] of Object.entries(ns)) {
      if (typeof value === 'function') paths.push('/' + [...prefix, name].map(snake).join('/'))
      else if (value && typeof value === 'object') walk(value, [...prefix, name])
    }
  }
  for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(S.prototype))) {
    if (d.get && name !== 'clientSessionToken') walk(builder[name], [name])
  }
  const routes = paths.map((path) => S.describeRoute(path))
  const unknown = paths.filter((path, i) => !routes[i])

  // mulberry32, one stream per case.
  const makeRng = (s) => {
    let a = s >>> 0
    return () => {
      a = (a + 0x6d2b79f5) >>> 0
      let x = a
      x = Math.imul(x ^ (x >>> 15), x | 1)
      x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296
    }
  }
  const caseSeed = (stream, i) => (seed ^ stream ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0

  const ODD_STRINGS = [
    '', ' ', 'a', 'é', '\u0000', '\ud800', '\udfff', 'a\ud800b', '\u202e', '\ufeff', '\u2028', '😀', '🏳️‍🌈', '𝔘𝔫𝔦',
    '\u{10ffff}', 'a.b', '.', '..', '__proto__', 'constructor', 'prototype', 'toString', 'then', '&', '=', '?', '#',
    '%', '%zz', '+', ' x ', '\r\n', '\t', 'null', 'undefined', 'NaN', '[]', '{}', 'seam_cst1_token', 'august_device_1',
  ]
  const BASE_KEYS = [
    'device_id', 'device_ids', 'limit', 'page_cursor', 'created_before', 'name', 'a', 'a.b', '', '__proto__',
    'constructor', 'toJSON', 'then', '😀', '0', '1e3', 'x'.repeat(300), '_strict',
  ]

  // The generators of one case, drawing from `rand`; `trail` names what was built, for reports.
  function generators(rand, trail) {
    const int = (n) => Math.floor(rand() * n)
    const chance = (p) => rand() < p
    const pick = (xs) => xs[int(xs.length)]
    const tag = (s) => {
      if (trail.length < 30) trail.push(s)
    }
    let budget = 300
    // What a hostile getter or trap throws: not always an Error, sometimes hostile itself.
    const thrownValue = () => pick([
      () => new Error('hostile'),
      () => 42,
      () => undefined,
      () => Symbol('thrown'),
      () => new Proxy({}, { get() { throw new Error('thrown proxy get') }, getPrototypeOf() { throw new Error('thrown proxy prototype') } }),
    ])()

    const string = () => {
      const r = rand()
      if (r < 0.45) return pick(ODD_STRINGS)
      if (r < 0.9) {
        let s = ''
        for (let n = int(16); n > 0; n--) {
          s += String.fromCodePoint(pick([int(0x80), 0x20 + int(0x5f), 0xa0 + int(0x700), 0xd800 + int(0x800), 0x1f300 + int(0x300), int(0x110000)]))
        }
        return s
      }
      if (r < 0.9995) {
        tag('long string')
        return pick(['x', 'é', '😀']).repeat(int(50_000))
      }
      tag('huge string')
      return pick(['y', 'é', '😀']).repeat(1_000_000 + int(1_000_000))
    }
    const number = () => pick([
      0, -0, 1, -1, 0.5, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2,
      -(2 ** 63), 1e21, 1e-7, 2 ** 31, 2 ** 32, int(1000), rand() * 1e6 - 5e5,
    ])
    const primitive = () => {
      switch (int(10)) {
        case 0: case 1: case 2: return string()
        case 3: case 4: return number()
        case 5: tag('bigint'); return chance(0.5) ? BigInt(int(1e9)) : -(10n ** 40n)
        case 6: tag('symbol'); return chance(0.5) ? Symbol('s') : Symbol.iterator
        case 7: return chance(0.5)
        case 8: return null
        default: return undefined
      }
    }
    // An own, enumerable property whatever the key (`__proto__` included), never a prototype.
    const put = (o, key, v) => Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true })
    const object = (depth, keys) => {
      const o = {}
      for (let n = int(5); n > 0; n--) put(o, pick(keys), value(depth + 1, keys))
      if (chance(0.02)) {
        tag('odd prototype')
        Object.setPrototypeOf(o, pick([null, [], new Date(0), Object.create(Date.prototype), { device_id: 'inherited' }]))
      }
      return o
    }
    const hostileProxy = (target) => {
      const trap = pick(['ownKeys', 'get', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'has'])
      tag(`proxy:${trap}`)
      const thrown = thrownValue()
      return new Proxy(target, { [trap]() { throw thrown } })
    }
    const revoked = () => {
      tag('revoked proxy')
      const { proxy, revoke } = Proxy.revocable(chance(0.5) ? {} : [], {})
      revoke()
      return proxy
    }
    const value = (depth, keys, maxDepth = 6) => {
      budget -= 1
      if (budget <= 0 || depth > maxDepth || chance(depth === 0 ? 0.2 : 0.45)) return primitive()
      switch (int(22)) {
        case 0: case 1: case 2: return Array.from({ length: int(5) }, () => value(depth + 1, keys, maxDepth))
        case 3: case 4: case 5: case 6: return object(depth, keys)
        case 7: {
          const d = chance(0.05) ? 5000 : chance(0.4) ? 50 + int(150) : 10 + int(40)
          tag(`nested ${d}`)
          let o = chance(0.5) ? primitive() : {}
          for (let i = 0; i < d; i++) o = chance(0.85) ? put({}, pick(keys), o) : [o]
          return o
        }
        case 8: {
          tag('cycle')
          const o = object(depth, keys)
          put(o, pick(keys), chance(0.5) ? o : [{ back: o }])
          return o
        }
        case 9: {
          tag('throwing getter')
          const o = object(depth, keys)
          const thrown = thrownValue()
          Object.defineProperty(o, pick(keys), { get() { throw thrown }, enumerable: chance(0.8), configurable: true })
          return o
        }
        case 10: return hostileProxy(object(depth, keys))
        case 11: return revoked()
        case 12: tag('Object.create(Date.prototype)'); return Object.create(Date.prototype)
        case 13: tag('date'); return pick([() => new Date(int(2e12)), () => new Date(NaN), () => new Date(8.64e15)])()
        case 14: tag('function'); return pick([() => 1, function named() {}, class K {}, async () => {}, Math.max])
        case 15: {
          const method = pick(['toJSON', 'toString', 'valueOf', Symbol.toPrimitive])
          tag(`throwing ${String(method)}`)
          const thrown = thrownValue()
          const o = object(depth, keys)
          put(o, method, () => { throw thrown })
          return o
        }
        case 16: {
          tag('class instance')
          class Thing {
            constructor(v) { this.device_id = v }
            get computed() { return 1 }
          }
          return new Thing(string())
        }
        case 17: tag('map/set'); return chance(0.5) ? new Map([[string(), value(depth + 1, keys, maxDepth)]]) : new Set([primitive()])
        case 18: {
          tag('typed array')
          return pick([() => new Uint8Array(int(8)), () => new Float64Array([NaN, 1]), () => new BigInt64Array(2), () => new ArrayBuffer(4), () => new DataView(new ArrayBuffer(2))])()
        }
        case 19: {
          tag('null prototype')
          const o = Object.create(null)
          put(o, pick(keys), primitive())
          return o
        }
        case 20: {
          tag('symbol key')
          const o = object(depth, keys)
          o[Symbol('k')] = primitive()
          return o
        }
        default: tag('frozen'); return Object.freeze(object(depth, keys))
      }
    }

    // Parameters for `route`: anything at all, or its own parameter names with hostile values.
    const params = (route) => {
      const names = route ? [...route.requiredParameters, ...route.atLeastOneParameters] : []
      const keys = [...BASE_KEYS, ...names]
      const maxDepth = chance(0.1) ? 60 : 6
      const r = rand()
      if (r < 0.1) {
        tag('no params')
        return pick([undefined, null, {}])
      }
      if (r < 0.35) {
        tag('any params')
        return value(0, keys, maxDepth)
      }
      const o = {}
      for (const name of names) if (chance(0.8)) put(o, name, chance(0.5) ? string() : value(1, keys, maxDepth))
      for (let n = int(3); n > 0; n--) put(o, pick(keys), value(1, keys, maxDepth))
      if (chance(0.05)) return hostileProxy(o)
      if (chance(0.02)) return revoked()
      return o
    }

    // Per-call options. `sendable` ones keep any wait for an action attempt short, since those
    // calls are really sent.
    const requestOptions = (sendable) => {
      if (chance(0.6)) return undefined
      tag('call options')
      const choices = [
        () => ({}),
        () => ({ waitForActionAttempt: false }),
        () => ({ waitForActionAttempt: { timeout: 500, pollingInterval: 50 } }),
        () => ({ waitForActionAttempt: primitive() }),
        () => ({ waitForActionAttempt: { timeout: number(), pollingInterval: 50 } }),
        () => ({ waitForActionAttempt: { timeout: 300, pollingInterval: number() } }),
        () => ({ retries: 1 }),
        () => string(),
        () => number(),
        () => [],
        revoked,
        () => hostileProxy({ waitForActionAttempt: false }),
      ]
      if (!sendable) {
        choices.push(
          () => value(0, ['waitForActionAttempt', 'timeout', 'pollingInterval', 'retries']),
          () => ({ waitForActionAttempt: { timeout: number(), pollingInterval: number() } }),
        )
      }
      return pick(choices)()
    }

    // Options for a factory; `plain` when they are a plain object built here (not a proxy), so the
    // caller may point them at the fake.
    const factoryOptions = () => {
      const r = rand()
      if (r < 0.1) return { options: pick([undefined, null]), plain: false, absent: true }
      if (r < 0.3) {
        tag('any options')
        return { options: value(0, ['endpoint', 'storage', 'timeout', 'retries', 'waitForActionAttempt']), plain: false }
      }
      const o = {}
      if (chance(0.9)) {
        o.endpoint = chance(0.6) ? fakeUrl : pick([
          `${fakeUrl}/`, ` ${fakeUrl} `, 'ftp://x', 'http://user:pass@127.0.0.1:1', 'http://user@127.0.0.1:1', 'http://', '',
          'http://[::1', `${fakeUrl}?a=1`, `${fakeUrl}#f`, 'javascript:alert(1)', 'http://exa mple.com', '//evil.example', 5, null, {},
        ])
        if (typeof o.endpoint === 'string' && o.endpoint !== fakeUrl) tag(`endpoint ${JSON.stringify(o.endpoint)}`)
      }
      if (chance(0.5)) o.storage = pick(['memory', 'localStorage', 'sessionStorage', 'cookies', '', 5, null, undefined, {}])
      if (chance(0.4)) o.timeout = pick([0, 30_000, 5000, -1, NaN, Infinity, '100', 1e20, 2 ** 31, 2 ** 31 - 1, 1.5, null])
      if (chance(0.4)) o.retries = pick([0, 2, 10, 11, -1, 2.5, NaN, '2', null, 1e9])
      if (chance(0.3)) {
        o.waitForActionAttempt = pick([true, false, {}, { timeout: -1 }, { pollingInterval: 0 }, { timeout: NaN }, 'yes', null, { timeout: 1, pollingInterval: 1, extra: 1 }])
      }
      if (chance(0.1)) o[pick(['endpiont', 'Endpoint', 'storage ', 'toString'])] = primitive()
      if ('timeout' in o) tag(`timeout ${String(o.timeout)}`)
      if (chance(0.05)) return { options: hostileProxy(o), plain: false }
      if (chance(0.05)) {
        tag('throwing getter')
        const thrown = thrownValue()
        Object.defineProperty(o, pick(['endpoint', 'storage', 'timeout']), { get() { throw thrown }, enumerable: true })
        return { options: o, plain: false }
      }
      return { options: o, plain: true }
    }

    return { int, chance, pick, string, primitive, value, params, requestOptions, factoryOptions }
  }

  const classify = (out) => {
    if (out.pending) return 'hang'
    if (out.ok) return 'value'
    if (out.error.runtime) return `trap: ${out.error.message}`
    if (out.error.typed) return `typed: ${out.error.name}`
    return `untyped: ${out.error.ctor} (${out.error.name}): ${out.error.message.slice(0, 100)}`
  }
  const bad = (kind) => !(kind.startsWith('value') || kind.startsWith('typed: '))

  // One parameter case: returns its outcome's kind and what was built.
  async function paramCase(i) {
    const trail = []
    const g = generators(makeRng(caseSeed(0x9a4a, i)), trail)
    let route = g.pick(routes)
    let path = route.path
    if (g.chance(0.03)) {
      trail.push('odd path')
      path = g.pick([() => g.string(), () => g.primitive(), () => g.value(0, ['a']), () => '/devices/list/', () => '/DEVICES/LIST', () => 'devices/list', () => '/devices/list?x=1'])()
      route = null
    }
    // Workspace and client-session routes are only built: sent with the seed token, a lucky
    // draw could reset the workspace or end the session the health check relies on.
    const sent = i % awaitEvery === 0 && route !== null && !/^\/(workspaces|client_sessions)\//.test(path)
    let params
    let options
    try {
      params = g.params(route)
      options = g.requestOptions(sent)
    } catch (e) {
      // A fault of this file, not of the package: reported as such.
      return { i, kind: `generator failed: ${e}`, path, sent, trail, ms: 0 }
    }
    const client = sent ? h.client() : builder
    const out = await h.settle(() => {
      const request = client.request(path, params, options)
      if (!(request instanceof m.SeamHttpRequest)) {
        // An unknown route is a promise that rejects at once.
        if (typeof request?.then !== 'function') throw new Error(`request() returned ${typeof request}`)
        return request
      }
      // A URL; or, as @seamapi/http's getter, UnserializableParamError for parameters that
      // cannot go in a query, or what the parameters' own getters threw. Never a trap.
      let url
      try {
        url = request.url
      } catch (e) {
        // What a getter threw may itself be a hostile Proxy, whose traps `instanceof` runs.
        let trapped = false
        try {
          trapped = e instanceof WebAssembly.RuntimeError
        } catch {}
        if (trapped) throw e
      }
      const prefix = route ? fakeUrl + path : fakeUrl + '/'
      if (url !== undefined && !(url instanceof URL && url.href.startsWith(prefix))) {
        throw new Error(`request.url is ${url instanceof URL ? url.href.slice(0, 100) : typeof url}`)
      }
      return sent ? request : { built: url === undefined ? 'refused' : 'url' }
    }, awaitTimeoutMs)
    return { i, kind: classify(out), path: typeof path === 'string' ? path.slice(0, 60) : typeof path, sent, trail, ms: out.ms }
  }

  const FACTORIES = ['fromClientSessionToken', 'fromPublishableKey', 'fromStoredClientSessionToken', 'fromStoredPublishableKeySession', 'fromApiKey']
  // One factory-options case. Valid options that would reach the network point at the fake.
  async function optionCase(i) {
    const trail = []
    const g = generators(makeRng(caseSeed(0x0f7c, i)), trail)
    const factory = g.pick(FACTORIES)
    let { options, plain, absent } = g.factoryOptions()
    if (factory === 'fromPublishableKey') {
      if (absent) options = { endpoint: fakeUrl }
      else if (plain && options.endpoint === undefined) options.endpoint = fakeUrl
    }
    const call = {
      fromClientSessionToken: () => S.fromClientSessionToken(h.seed, options),
      fromPublishableKey: () => S.fromPublishableKey(publishableKey, 'user_fuzzed_options', options),
      fromStoredClientSessionToken: () => S.fromStoredClientSessionToken(options),
      fromStoredPublishableKeySession: () => S.fromStoredPublishableKeySession(publishableKey, options),
      fromApiKey: () => S.fromApiKey('seam_apikey1_token', options),
    }[factory]
    let made = null
    const out = await h.settle(async () => {
      const client = await call()
      made = client === null ? 'null' : client instanceof S ? 'client' : typeof client
      return made
    }, awaitTimeoutMs)
    let kind
    if (out.pending) kind = 'hang'
    else if (out.ok) kind = made === 'client' || (made === 'null' && factory.startsWith('fromStored')) ? `value: ${made}` : `untyped: resolved ${made}`
    else if (out.error.runtime) kind = `trap: ${out.error.message}`
    else if (out.error.instanceOf.SeamHttpInvalidOptionsError || out.error.instanceOf.SeamHttpInvalidTokenError) kind = `typed: ${out.error.name}`
    // Valid random options can still fail the bootstrap they let run: a timeout of a few
    // milliseconds, an endpoint that is a path on the test page's server. That ends as one of
    // the package's errors.
    else if (factory === 'fromPublishableKey' && out.error.typed && !out.error.typeError) kind = `typed: ${out.error.name}`
    else kind = `untyped: ${out.error.ctor} (${out.error.name}): ${out.error.message.slice(0, 100)}`
    return { i, kind, factory, trail, ms: out.ms }
  }

  // Runs cases [from, to) until done, a trap or a hang (the page is then reloaded), or the
  // deadline (Date.now()).
  async function run(which, { from, to, deadline }) {
    const one = which === 'params' ? paramCase : optionCase
    const counts = {}
    const failures = []
    let i = from
    let stoppedBy = null
    for (; i < to && Date.now() < deadline; i++) {
      const r = await one(i)
      const key = r.kind.startsWith('untyped') ? r.kind.replace(/\d+/g, '#') : r.kind
      counts[key] = (counts[key] ?? 0) + 1
      if (bad(r.kind)) {
        failures.push(r)
        if (r.kind === 'hang' || r.kind.startsWith('trap')) {
          stoppedBy = r.kind
          i += 1
          break
        }
      }
    }
    return { next: i, counts, failures: failures.slice(0, 20), failureCount: failures.length, stoppedBy }
  }

  Object.defineProperty(window, '__paramFuzz', { value: { paths, unknown, run }, configurable: true })
  return { routes: paths.length, unknown }
}

const install = async (p) => {
  await inPage(p, () => null)
  return p.evaluate(installFuzz, { seed: SEED, awaitEvery: AWAIT_EVERY, awaitTimeoutMs: AWAIT_TIMEOUT_MS, publishableKey: PUBLISHABLE_KEY })
}

// Drives `which` cases through the page in batches, reloading it after a trap or a hang.
async function drive(p, which, total, budgetMs) {
  const deadline = Date.now() + budgetMs
  const counts = {}
  const failures = []
  let failureCount = 0
  let reloads = 0
  let next = 0
  while (next < total && Date.now() < deadline) {
    const r = await inPage(p, (m, { which, range }) => window.__paramFuzz.run(which, range), {
      which, range: { from: next, to: Math.min(total, next + BATCH), deadline },
    })
    for (const [k, n] of Object.entries(r.counts)) counts[k] = (counts[k] ?? 0) + n
    failures.push(...r.failures)
    failureCount += r.failureCount
    next = r.next
    if (r.stoppedBy) {
      if (reloads >= MAX_RELOADS) break
      reloads += 1
      await p.reload()
      await install(p)
    }
  }
  return { run: next, counts, failures, failureCount, reloads }
}

const report = (label, r, total) => {
  console.log(`\n${label}: ${r.run} of ${total} cases, seed ${SEED}, ${r.reloads} reload(s) after a trap or a hang`)
  for (const [k, n] of Object.entries(r.counts).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)}  ${k}`)
  for (const f of r.failures.slice(0, 12)) {
    console.log(`  case ${f.i}: ${f.kind} — ${f.path ?? f.factory}${f.sent ? ' (sent)' : ''} [${f.trail.join(', ')}]`)
  }
}

test(`random parameters into every route (${CASES} cases, 1 in ${AWAIT_EVERY} sent): values or typed errors, no trap, no hang`, async () => {
  await withProbe(env, async (p) => {
    const routes = await install(p)
    assert.deepEqual(routes.unknown, [], 'route methods that describeRoute does not know')
    assert.ok(routes.routes > 150, `only ${routes.routes} routes found`)
    const r = await drive(p, 'params', CASES, PARAMS_BUDGET_MS)
    report('parameter fuzz', r, CASES)
    const shown = r.failures.slice(0, 5).map((f) => `case ${f.i}: ${f.kind} — ${f.path} [${f.trail.join(', ')}]`)
    assert.deepEqual(shown, [], `${r.failureCount} case(s) ended badly (seed ${SEED}); first ones`)
    assert.equal(r.run, CASES, `only ${r.run} of ${CASES} cases ran within ${PARAMS_BUDGET_MS / 1000} s`)
    await healthCheck(p, 'after the parameter fuzz')
  })
})

test(`random options to every factory (${OPTION_CASES} cases): a client or SeamHttpInvalidOptionsError / SeamHttpInvalidTokenError`, async () => {
  await withProbe(env, async (p) => {
    // Options the package accepts without an endpoint (an empty Map, say) send the bootstrap to
    // the default endpoint, which this machine cannot reach: the page gets the fake's answer
    // instead, so that such a case ends with a client, as it would against Seam. The engines driven
    // over WebDriver cannot answer for another host: there the browser refuses it (nothing leaves
    // this machine) and such a case ends in SeamHttpNetworkError, typed as well.
    let defaultEndpointRequests = 0
    if (p.page) await p.page.route(`${DEFAULT_ENDPOINT}/**`, async (route) => {
      defaultEndpointRequests += 1
      const url = new URL(route.request().url())
      const response = await route.fetch({ url: env.fakeUrl + url.pathname + url.search })
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'access-control-allow-origin': env.origin, 'access-control-allow-credentials': 'true' },
      })
    })
    await install(p)
    const r = await drive(p, 'options', OPTION_CASES, OPTIONS_BUDGET_MS)
    report('factory options fuzz', r, OPTION_CASES)
    console.log(`  ${defaultEndpointRequests} request(s) went to the default endpoint (answered by the fake)`)
    const shown = r.failures.slice(0, 5).map((f) => `case ${f.i}: ${f.kind} — ${f.factory} [${f.trail.join(', ')}]`)
    assert.deepEqual(shown, [], `${r.failureCount} case(s) ended badly (seed ${SEED}); first ones`)
    assert.equal(r.run, OPTION_CASES, `only ${r.run} of ${OPTION_CASES} cases ran within ${OPTIONS_BUDGET_MS / 1000} s`)
    await healthCheck(p, 'after the options fuzz')
  })
})
