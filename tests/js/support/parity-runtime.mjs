// The side of the parity test that runs next to the SDKs: the same file is imported by Node and
// by the Chromium page, so a scenario is run by the same code in both places. It reduces what a
// scenario saw (values, errors, requests on the wire, console warnings) to plain JSON.
//
// Scenarios arrive as source text and are evaluated here, in Node as in the page, so a scenario
// that leans on anything but its arguments fails in both places alike.

const BUILTIN_ERRORS = ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError']
// How long a scenario's call may stay pending before it is reported as such (nothing here should
// hang; the margin is for a loaded machine).
const SETTLE_MS = 10_000
// How long a request that has not been awaited is given to reach the recorder anyway.
const LAZY_MS = 30

class MissingExport extends Error {
  constructor(name) {
    super(`no export named ${name}`)
    this.missingExport = name
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const isThenable = (v) => v != null && (typeof v === 'object' || typeof v === 'function') && typeof v.then === 'function'
const isLocal = (url) => typeof url === 'string' && /^http:\/\/127\.0\.0\.1:\d+(\/|$)/.test(url)
const safe = (f, fallback) => {
  try {
    return f()
  } catch {
    return fallback
  }
}

// ctx: { sdk, platform, m, connect, endpoint, classNames, headersIgnored }
export function createRuntime(ctx) {
  const { sdk, m } = ctx

  const cls = (name) => {
    const value = m[name] ?? (sdk === 'wasm' && name === 'SeamHttp' ? m.SeamClient : undefined)
    if (value === undefined) throw new MissingExport(name)
    return value
  }

  // The exported classes (by @seamapi/http's names) that v is an instance of.
  const classesOf = (v) => {
    const out = []
    for (const name of ctx.classNames) {
      const C = safe(() => cls(name), null)
      if (typeof C === 'function' && safe(() => v instanceof C, false)) out.push(name)
    }
    return out
  }

  const describeError = (e) => {
    if (e instanceof MissingExport) return { missingExport: e.missingExport }
    const out = { error: true }
    const classes = classesOf(e)
    for (const name of BUILTIN_ERRORS) if (safe(() => e instanceof globalThis[name], false)) classes.push(name)
    out.instanceOf = classes
    out.name = safe(() => e?.name, undefined)
    out.message = safe(() => (e?.message === undefined ? String(e) : e.message), '(unreadable)')
    for (const key of ['code', 'statusCode', 'path', 'responseKey']) {
      const value = safe(() => e?.[key], undefined)
      if (value !== undefined) out[key] = value
    }
    return out
  }

  const describe = (v, depth = 0) => {
    if (v === undefined) return { undefined: true }
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
    if (typeof v === 'number') return Number.isFinite(v) ? v : { number: String(v) }
    if (typeof v === 'bigint' || typeof v === 'symbol') return { [typeof v]: String(v) }
    if (typeof v === 'function') return { function: true }
    if (depth > 12) return { deep: true }
    if (v instanceof URL) return { URL: v.href }
    if (v instanceof Date) return { Date: v.toISOString() }
    if (Array.isArray(v)) return v.map((x) => describe(x, depth + 1))
    const classes = classesOf(v)
    if (classes.length) return { instanceOf: classes, thenable: isThenable(v) }
    if (isThenable(v)) return { thenable: true }
    const out = {}
    for (const key of Object.keys(v)) out[key] = describe(safe(() => v[key], '(unreadable)'), depth + 1)
    return out
  }

  // Calls fn; returns the outcome as JSON and, apart, the raw value for later steps.
  const sync = (fn) => {
    try {
      const value = fn()
      return { ok: true, value, outcome: { returned: describe(value) } }
    } catch (e) {
      return { ok: false, value: undefined, outcome: { threw: describeError(e) } }
    }
  }

  // Awaits a thenable; a call still pending after SETTLE_MS is reported as such.
  const settle = async (p) => {
    let timer
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, outcome: { pending: true } }), SETTLE_MS)
    })
    const done = (async () => {
      try {
        const value = await p
        return { ok: true, value, outcome: { resolved: describe(value) } }
      } catch (e) {
        return { ok: false, value: undefined, outcome: { rejected: describeError(e) } }
      }
    })()
    try {
      return await Promise.race([done, timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  const control = async (what, query = '') => (await fetch(`${ctx.endpoint}/__parity/${what}${query}`)).json()
  const count = () => control('count')

  // What reached the recorder since `since`, reduced to what must match between SDKs.
  const wire = async (since) => {
    const log = await control('log', `?since=${since}`)
    return log.map((r) => {
      const headers = {}
      for (const key of Object.keys(r.headers).sort()) {
        if (ctx.headersIgnored.includes(key) || key.startsWith('sec-')) continue
        headers[key] = r.headers[key]
      }
      const out = { method: r.method, pathname: r.pathname, query: r.query, headers }
      if (r.body !== undefined) out.body = r.body
      return out
    })
  }

  // Scenario arguments name the per-SDK endpoint as '$endpoint' ('$endpoint/~tag' for a tagged
  // one) and where they run as '$platform'.
  const fill = (v) => {
    if (typeof v === 'string') return v.replaceAll('$endpoint', ctx.endpoint).replaceAll('$platform', ctx.platform)
    if (Array.isArray(v)) return v.map(fill)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]))
    return v
  }

  // A route method by its dotted name (`acs.users.list`), called on its namespace, as
  // @seamapi/http's methods need.
  const route = (client, key) => {
    const names = key.split('.')
    const method = names.pop()
    const ns = names.reduce((o, name) => o?.[name], client)
    if (typeof ns?.[method] !== 'function') throw new MissingExport(`${key} on the client`)
    return (...args) => ns[method](...args)
  }

  // The request's URL as a string, or null when it cannot be read.
  const urlOf = (request) => safe(() => {
    const url = request.url
    return url == null ? null : String(url)
  }, null)

  // Makes one request and reports when it went (lazily or at once), how it settled and what was
  // sent. A request for anywhere but this machine is not awaited.
  const send = async (makeRequest) => {
    const before = await count()
    const made = sync(makeRequest)
    const out = { call: made.outcome }
    if (!made.ok) return out
    const request = made.value
    let settling = null
    if (isThenable(request)) {
      const url = urlOf(request)
      if (url != null && !isLocal(url)) {
        out.notSent = url
        return out
      }
      if (request instanceof Promise) {
        // A native promise is under way already (its timing is not compared): its outcome is taken
        // at once, so that a rejection is never unhandled.
        settling = settle(request)
      } else {
        // A lazy request is left alone for a while: anything that reaches the recorder meanwhile
        // was sent before it was awaited. (A slow eager send can only look lazy, never the other
        // way round, and @seamapi/http's requests are lazy: no false difference comes of it.)
        await sleep(LAZY_MS)
        out.sentBeforeAwait = (await count()) - before
      }
    }
    const settled = await (settling ?? settle(request))
    out.settled = settled.outcome
    out.wire = await wire(before)
    out.value = settled.value
    Object.defineProperty(out, 'value', { enumerable: false })
    return out
  }

  // The properties a request shows before it is sent.
  const inspectRequest = (request) => {
    const out = {}
    for (const key of ['url', 'pathname', 'method', 'params', 'body', 'responseKey', 'hasPagination']) {
      const got = sync(() => request[key])
      out[key] = got.outcome
      if (key === 'url' && got.ok) {
        out.urlIsURL = got.value instanceof URL
        out.urlHref = got.value == null ? null : String(got.value)
      }
    }
    return out
  }

  // A static member (a factory) of an exported class.
  const member = (name, key) => {
    const C = cls(name)
    if (typeof C[key] !== 'function') throw new MissingExport(`${name}.${key}`)
    return (...args) => C[key](...args)
  }

  // Makes a client (synchronously, or through a promise as fromPublishableKey does), then makes
  // its first request, `first` (a dotted route name), and reports all of it.
  const client = async (make, first, firstArgs = []) => {
    const before = await count()
    const made = sync(make)
    const out = { create: made.outcome }
    if (!made.ok) return out
    let value = made.value
    if (isThenable(value)) {
      const settled = await settle(value)
      out.created = settled.outcome
      out.createWire = await wire(before)
      if (!settled.ok) return out
      value = settled.value
    }
    if (first) out.first = await send(() => route(value, first)(...firstArgs))
    return out
  }

  return { sdk, platform: ctx.platform, member, client, m, connect: ctx.connect, endpoint: ctx.endpoint, cls, classesOf, describe, describeError, sync, settle, send, wire, count, fill, route, inspectRequest, sleep, isLocal }
}

// Runs one scenario for one SDK, with console.warn captured.
export async function runScenario(source, args, ctx) {
  const t = createRuntime(ctx)
  const warnings = []
  const original = console.warn
  // Each call's arguments as given: @seamapi/http passes its warnings as several strings.
  console.warn = (...xs) => warnings.push(xs.map((x) => (typeof x === 'string' ? x : t.describe(x))))
  let out
  try {
    // Indirect eval: the scenario sees only globals and its arguments.
    const fn = (0, eval)(`(${source})`)
    out = await fn(t, args)
  } catch (e) {
    out = { scenarioFailed: t.describeError(e) }
  } finally {
    console.warn = original
  }
  out = out === undefined ? {} : out
  if (warnings.length) out = { ...out, warnings }
  // Only JSON leaves the page.
  return JSON.parse(JSON.stringify(out))
}
