// seam-wasm against @seamapi/http 2.32.0, scenario by scenario, in Node and in a browser
// (SEAM_ENGINE). The package promises to be a drop-in replacement: every observable behaviour of @seamapi/http that
// does not depend on axios must be the same, unless the README's "Migrating from @seamapi/http"
// section lists it as a deliberate difference (DELIBERATE below, each entry citing that section).
//
// Observable: what a call returns or throws (the exported classes it is an instance of, `name`,
// `message`, `code`, `statusCode`), what goes on the wire (method, path, sorted query, JSON body,
// headers but the SDK's own name and version and what the transport adds), and when (a
// synchronous throw, a rejection, a request sent before it is awaited), plus console warnings.
//
// Both SDKs talk to Seam's fake (seeded) through a recording proxy on 127.0.0.1, one per SDK and
// environment, so each request is attributed to the SDK that sent it and seen exactly as sent.
// The proxy answers a few routes itself (support/parity-recorder.mjs says which and why). Nothing
// is sent anywhere but 127.0.0.1: Node's fetch and the page refuse it. What a scenario changes in
// the fake (the client sessions of its own users) no other environment reads, so the three
// environments run at once.
//
// Every scenario is in support/parity-scenarios.mjs; each is run by one runner per environment.
// SEAM_PARITY_ONLY=<substring> runs only the scenarios whose id contains it.
// SEAM_PARITY_AGAINST_ITSELF=1 puts @seamapi/http on both sides: every scenario must then be
// equal, which shows that the harness itself finds no difference where there is none.

import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { pathToFileURL } from 'node:url'
import { ENGINE, ONCE, startEnv } from './support/harness.mjs'
import { REPO_ROOT } from './support/static-server.mjs'
import { startRecorder } from './support/parity-recorder.mjs'
import { bundleParity, PARITY_BUNDLES } from './support/parity-bundle.mjs'
import { SCENARIOS, exportScenarios } from './support/parity-scenarios.mjs'
import { runScenario } from './support/parity-runtime.mjs'

// Installed before either SDK is loaded, so that no transport captures the unguarded fetch.
const realFetch = globalThis.fetch
globalThis.fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input?.url
  if (!/^http:\/\/127\.0\.0\.1:\d+(\/|$)/.test(String(url))) {
    return Promise.reject(new TypeError(`parity: refused to send to ${url} (only 127.0.0.1)`))
  }
  return realFetch(input, init)
}

const SDKS = ['wasm', 'http']
const ENVS = ['node', 'browser', 'worker']
// @seamapi/http exports that exist only for axios.
const AXIOS_ONLY = ['errorInterceptor']
// Headers that the transport (Node's fetch, Chromium, axios's defaults) adds, and the SDK's own
// name and version; `sec-*` is left out too.
const HEADERS_IGNORED = [
  'host', 'connection', 'content-length', 'transfer-encoding', 'user-agent', 'accept', 'accept-encoding',
  'accept-language', 'origin', 'referer', 'pragma', 'cache-control', 'priority', 'seam-sdk-name', 'seam-sdk-version',
]
const AGAINST_ITSELF = process.env.SEAM_PARITY_AGAINST_ITSELF === '1'
const SEAM_ENV = ['SEAM_API_KEY', 'SEAM_ENDPOINT', 'SEAM_API_URL', 'SEAM_PERSONAL_ACCESS_TOKEN', 'SEAM_WORKSPACE_ID']

// ---- Deliberate differences ----
// Each: what differs, the phrase of the README's "Migrating from @seamapi/http" section that says
// so, where it applies, which scenarios it covers (by what they hand the SDK), what seam-wasm
// does instead and, where the rest of the scenario must still match, a mask that removes the
// deliberate part from both outcomes. A difference is deliberate only if a covering entry
// recognises seam-wasm's outcome (and the masked outcomes are equal); an entry that matches no
// difference in an environment it lists fails the test.
const errorsIn = (outcome) => {
  const found = []
  const walk = (v) => {
    if (v == null || typeof v !== 'object') return
    if (v.error === true) found.push(v)
    for (const x of Object.values(v)) walk(x)
  }
  walk(outcome)
  return found
}
const threwSync = (outcome, cls, pattern) =>
  errorsIn(outcome.create?.threw ?? outcome.first?.call?.threw ?? null).some((e) => e.instanceOf.includes(cls) && pattern.test(e.message))

const DELIBERATE = [
  {
    what: 'API keys and personal access tokens are refused in a browser page or its workers (SeamHttpInvalidOptionsError)',
    readme: 'An API key or a personal access token is refused in a page or its workers',
    envs: ['browser', 'worker'],
    covers: (s) => s.uses.includes('apiKey') || s.uses.includes('personalAccessToken'),
    wasm: (o) => errorsIn(o).some((e) => e.instanceOf.includes('SeamHttpInvalidOptionsError') && /browser/i.test(e.message)),
  },
  {
    what: 'unknown options are refused (SeamHttpInvalidOptionsError)',
    readme: 'Unknown options are refused',
    envs: ['node', 'browser', 'worker'],
    covers: (s) => s.uses.includes('unknownOption'),
    wasm: (o) => threwSync(o, 'SeamHttpInvalidOptionsError', /\bcolour\b/),
  },
  {
    what: 'axios options (client, axiosOptions, axiosRetryOptions) are refused (SeamHttpInvalidOptionsError)',
    readme: '`axiosOptions`, `axiosRetryOptions` and `client` are refused',
    envs: ['node', 'browser', 'worker'],
    covers: (s) => s.uses.includes('axiosOption'),
    // The option by its name (`clientSessionToken` is not `client`).
    wasm: (o) => threwSync(o, 'SeamHttpInvalidOptionsError', /\b(client|axiosOptions|axiosRetryOptions)\b/),
  },
  {
    what: 'fromPublishableKey stores and resumes the session: no get_or_create while a stored session is alive',
    readme: '`fromPublishableKey` stores the session and resumes it with no request',
    envs: ['node', 'browser', 'worker'],
    covers: (s) => s.uses.includes('publishableKeyTwice'),
    wasm: (o) =>
      (o.first?.createWire ?? []).some((r) => r.pathname.endsWith('/client_sessions/get_or_create')) &&
      Array.isArray(o.second?.createWire) &&
      !o.second.createWire.some((r) => r.pathname.endsWith('/client_sessions/get_or_create')),
    // All else (the first sign-in, the client the second call gives, its requests) must match.
    mask: (o) => ({ ...o, second: { ...o.second, createWire: null } }),
  },
  {
    what: 'a token with characters that cannot go in a header is refused up front (SeamHttpInvalidTokenError)',
    readme: 'tokens, keys and workspace ids with characters that cannot go in an HTTP header',
    envs: ['node', 'browser', 'worker'],
    covers: (s) => s.uses.includes('headerInvalidToken'),
    wasm: (o) =>
      errorsIn(o.create?.threw ?? o.created?.rejected ?? null).some((e) => e.instanceOf.includes('SeamHttpInvalidTokenError') && /header/i.test(e.message)),
  },
  {
    what: 'a paginator of something that is not a request is a TypeError saying so',
    readme: 'throws a `TypeError` saying so (`@seamapi/http` says `The undefined endpoint',
    envs: ['node', 'browser'],
    covers: (s) => s.id === 'paginator: createPaginator({})',
    wasm: (o) => threwSync(o, 'TypeError', /needs a request/),
  },
  {
    what: 'the token guards answer false for what is not a string, where @seamapi/http throws a TypeError',
    readme: 'The token guards answer `false` for what is not a string',
    envs: ['node', 'browser'],
    covers: (s) => / over tokens$/.test(s.id),
    wasm: (o) => NOT_STRINGS.every((label) => o[label]?.returned === false),
    mask: (o) => Object.fromEntries(Object.entries(o).filter(([label]) => !NOT_STRINGS.includes(label))),
  },
  {
    what: 'an endpoint of another scheme, or a host without its scheme, is refused (SeamHttpInvalidOptionsError)',
    readme: 'an endpoint with a user name or password, a query, a fragment or another scheme',
    envs: ['node', 'browser'],
    covers: (s) => s.id === "endpoint no scheme 'localhost:3000'",
    wasm: (o) => threwSync(o, 'SeamHttpInvalidOptionsError', /http:\/\/ or https:\/\/ URL or a path/),
  },
  {
    what: "outside a browser, a request to an endpoint that is a path rejects with its url's error, where axios fails inside fetch",
    readme: 'fails each request with the error its url throws',
    envs: ['node'],
    covers: (s) => s.id === 'env: SEAM_ENDPOINT empty',
    wasm: (o) => errorsIn(o.first?.settled ?? null).some((e) => e.name === 'Error' && /^Cannot resolve origin from /.test(e.message)),
    mask: (o) => ({ ...o, first: { ...o.first, settled: null } }),
  },
  {
    what: 'after a 401, a client with a client session asks GET /client_sessions/get whether its session has ended',
    readme: 'asks `GET /client_sessions/get` whether its session has ended',
    envs: ['node', 'browser'],
    covers: (s) => s.id === 'request: a 401 (an unknown client session token)',
    wasm: (o) => (o.wire ?? []).some((r) => r.method === 'GET' && r.pathname.endsWith('/client_sessions/get')),
    mask: (o) => ({ ...o, wire: (o.wire ?? []).filter((r) => !r.pathname.endsWith('/client_sessions/get')) }),
  },
]
// The token corpus's values that are not strings.
const NOT_STRINGS = ['undefined', 'null', 'number', 'object']

// ---- Comparing ----

// The paths at which two outcomes differ, with both values.
function diffPaths(a, b, at = '', out = []) {
  if (isDeepStrictEqual(a, b)) return out
  const isObj = (v) => v !== null && typeof v === 'object'
  // Two objects with no key in common (a throw against a value, say) are shown whole.
  const shareKeys = isObj(a) && isObj(b) && (Array.isArray(a) || Object.keys(a).some((k) => k in b))
  if (shareKeys && Array.isArray(a) === Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      diffPaths(a[key], b[key], Array.isArray(a) ? `${at}[${key}]` : `${at}.${key}`, out)
    }
    return out
  }
  out.push({ path: at || '(outcome)', wasm: a, http: b })
  return out
}

const short = (v, max = 300) => {
  const s = v === undefined ? '(absent)' : JSON.stringify(v)
  return s.length > max ? s.slice(0, max) + '…' : s
}

function compare(env, scenarios, outcomes) {
  const rows = []
  for (const s of scenarios) {
    const { wasm, http } = outcomes.get(s.id)
    const equal = isDeepStrictEqual(wasm, http)
    let deliberate = null
    if (!equal) {
      deliberate = DELIBERATE.find((d) => d.envs.includes(env) && d.covers(s) && d.wasm(wasm) && (!d.mask || isDeepStrictEqual(d.mask(wasm), d.mask(http)))) ?? null
    }
    rows.push({ id: s.id, group: s.group, equal, deliberate, wasm, http })
  }
  const unexpected = rows.filter((r) => !r.equal && !r.deliberate)
  const deliberate = rows.filter((r) => !r.equal && r.deliberate)
  // Only a run of the whole table against seam-wasm can tell that a listed difference is gone.
  const stale = process.env.SEAM_PARITY_ONLY || AGAINST_ITSELF
    ? []
    : DELIBERATE.filter((d) => d.envs.includes(env) && !deliberate.some((r) => r.deliberate === d))
  return { rows, unexpected, deliberate, stale }
}

function report(env, { rows, unexpected, deliberate, stale }) {
  const lines = []
  lines.push(`parity (${env}): ${rows.length} scenarios compared, ${rows.length - unexpected.length - deliberate.length} equal, ${deliberate.length} deliberate differences, ${unexpected.length} unexpected differences`)
  for (const r of unexpected) {
    lines.push(`  DIFFERENT [${r.group}] ${r.id}`)
    for (const d of diffPaths(r.wasm, r.http).slice(0, 6)) {
      lines.push(`      at ${d.path}`)
      lines.push(`        seam-wasm:     ${short(d.wasm)}`)
      lines.push(`        @seamapi/http: ${short(d.http)}`)
    }
  }
  for (const r of deliberate) lines.push(`  deliberate [${r.group}] ${r.id}: ${r.deliberate.what}`)
  for (const d of stale) lines.push(`  LISTED BUT NOT SEEN: ${d.what}`)
  return lines.join('\n')
}

// Replaces this run's ports with names, so outcomes compare across SDKs and runs.
function normalizer(names) {
  return (outcome) => {
    let s = JSON.stringify(outcome)
    for (const [from, to] of names) s = s.split(from).join(to)
    return JSON.parse(s)
  }
}

// Every outcome of a run, for reading a difference in full: tests/artifacts/parity-<env>.json.
async function saveArtifact(env, result) {
  const dir = path.join(REPO_ROOT, 'tests', 'artifacts')
  await mkdir(dir, { recursive: true })
  const rows = result.rows.map(({ id, group, equal, deliberate, wasm, http }) => ({ id, group, equal, deliberate: deliberate?.what ?? null, wasm, http }))
  await writeFile(path.join(dir, `parity-${env}${AGAINST_ITSELF ? '-itself' : ''}.json`), JSON.stringify(rows, null, 1))
}

// ---- Set-up ----

// One hook for all of the set-up: node runs a file's `before` hooks at once, not in turn.
const env = {}
const recorders = {}
let httpExportNames = []
let scenarios = []
const savedEnv = {}

before(async () => {
  for (const name of SEAM_ENV) {
    savedEnv[name] = process.env[name]
    delete process.env[name]
  }
  await bundleParity()
  Object.assign(env, await startEnv())
  // A pair of recorders per environment: the three run at once.
  for (const envName of ENVS) {
    recorders[envName] = {}
    for (const sdk of SDKS) recorders[envName][sdk] = await startRecorder({ target: env.fakeUrl })
  }
  const http = await import('@seamapi/http')
  httpExportNames = Object.keys(http)
  const only = process.env.SEAM_PARITY_ONLY
  scenarios = [...SCENARIOS, ...exportScenarios(httpExportNames, AXIOS_ONLY)].filter((s) => !only || s.id.includes(only))
  const ids = new Set()
  for (const s of scenarios) {
    assert.ok(!ids.has(s.id), `two scenarios are named ${s.id}`)
    ids.add(s.id)
  }
})

after(async () => {
  for (const pair of Object.values(recorders)) for (const recorder of Object.values(pair)) await recorder.close()
  await env.close?.()
  for (const name of SEAM_ENV) {
    if (savedEnv[name] === undefined) delete process.env[name]
    else process.env[name] = savedEnv[name]
  }
})

const classNamesOf = (names, mod) => names.filter((n) => /^[A-Z]/.test(n) && typeof mod[n] === 'function')

const contextFor = (envName, sdk, classNames) => ({ sdk, endpoint: recorders[envName][sdk].url, classNames, headersIgnored: HEADERS_IGNORED })

const namesFor = (envName, sdk, extra = []) => {
  const fakePort = new URL(env.fakeUrl).port
  return [
    [recorders[envName][sdk].url, '{endpoint}'],
    [env.fakeUrl, '{fake}'],
    [`http://localhost:${fakePort}`, '{fake}'],
    ...extra,
  ]
}

// The package's own entry for a subpath and a condition, as its package.json `exports` says.
async function packageEntry(subpath, condition) {
  const pkgDir = path.resolve(REPO_ROOT, process.env.SEAM_PKG || 'pkg')
  const manifest = JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8'))
  const target = manifest.exports?.[subpath]
  const file = typeof target === 'string' ? target : target?.[condition] ?? target?.default
  assert.ok(file, `pkg/package.json has no export ${subpath} for ${condition}`)
  return path.join(pkgDir, file)
}

// ---- Node ----

// Runs the Node scenarios one after another: they set and clear process.env around each SDK.
async function runNode() {
  const http = { m: await import('@seamapi/http'), connect: await import('@seamapi/http/connect') }
  const modules = {
    wasm: AGAINST_ITSELF
      ? http
      : {
          m: await import(pathToFileURL(await packageEntry('.', 'node')).href),
          connect: await import(pathToFileURL(await packageEntry('./connect', 'node')).href),
        },
    http,
  }
  const classNames = classNamesOf(httpExportNames, modules.http.m)
  const mine = scenarios.filter((s) => s.envs.includes('node'))
  const outcomes = new Map()
  const started = performance.now()
  for (const s of mine) {
    const pair = {}
    for (const sdk of SDKS) {
      const endpoint = recorders.node[sdk].url
      for (const name of SEAM_ENV) delete process.env[name]
      for (const [name, value] of Object.entries(s.env ?? {})) {
        if (value !== null) process.env[name] = value.replaceAll('$endpoint', endpoint)
      }
      try {
        const args = JSON.parse(JSON.stringify(s.args))
        const raw = await runScenario(s.run.toString(), args, { ...contextFor('node', sdk, classNames), platform: 'node', m: modules[sdk].m, connect: modules[sdk].connect })
        pair[sdk] = normalizer(namesFor('node', sdk))(raw)
      } finally {
        for (const name of SEAM_ENV) delete process.env[name]
      }
    }
    outcomes.set(s.id, pair)
  }
  return finish('node', mine, outcomes, started)
}

// ---- A browser (SEAM_ENGINE): a page, and a module worker of that page ----

// Runs the scenarios for `envName` in one page ('browser') or in a module worker it starts
// ('worker'); both SDKs are loaded side by side in the same place.
async function runInBrowser(envName) {
  const mine = scenarios.filter((s) => s.envs.includes(envName))
  const outcomes = new Map()
  const started = performance.now()
  const connectEntry = path.relative(REPO_ROOT, await packageEntry('./connect', 'browser')).split(path.sep).join('/')
  const load = { pkgUrl: env.pkgUrl, connectUrl: '/' + connectEntry, bundles: PARITY_BUNDLES, againstItself: AGAINST_ITSELF }
  await env.withPage(async (p) => {
    // `window.__parity.ask(message)` runs a step where the SDKs are: in the page or in the worker.
    const classNames = await p.evaluate(async ({ load, runtimeUrl, workerUrl, inWorker }) => {
      if (inWorker) {
        const worker = new Worker(workerUrl, { type: 'module' })
        const pending = new Map()
        let next = 1
        worker.onmessage = ({ data }) => {
          const { resolve, reject } = pending.get(data.id)
          pending.delete(data.id)
          if (data.error) reject(new Error(data.error))
          else resolve(data.result)
        }
        worker.onerror = (event) => {
          for (const { reject } of pending.values()) reject(new Error(`worker: ${event.message}`))
          pending.clear()
        }
        const ask = (message) => new Promise((resolve, reject) => {
          const id = next++
          pending.set(id, { resolve, reject })
          worker.postMessage({ ...message, id })
        })
        window.__parity = { ask }
        return ask({ type: 'load', ...load })
      }
      const [http, httpConnect, runtime] = await Promise.all([import(load.bundles.main.url), import(load.bundles.connect.url), import(runtimeUrl)])
      const [wasm, wasmConnect] = load.againstItself ? [http, httpConnect] : await Promise.all([import(load.pkgUrl), import(load.connectUrl)])
      const modules = { wasm: { m: wasm, connect: wasmConnect }, http: { m: http, connect: httpConnect } }
      const ask = ({ source, args, ctx }) =>
        runtime.runScenario(source, args, { ...ctx, platform: 'browser', m: modules[ctx.sdk].m, connect: modules[ctx.sdk].connect })
      window.__parity = { ask }
      return Object.keys(http).filter((n) => /^[A-Z]/.test(n) && typeof http[n] === 'function')
    }, { load, runtimeUrl: '/tests/js/support/parity-runtime.mjs', workerUrl: '/tests/js/support/parity-worker.mjs', inWorker: envName === 'worker' })

    for (const s of mine) {
      const pair = {}
      for (const sdk of SDKS) {
        const raw = await p.evaluate(
          (message) => window.__parity.ask({ type: 'run', ...message }),
          { source: s.run.toString(), args: JSON.parse(JSON.stringify(s.args)), ctx: contextFor(envName, sdk, classNames) },
        )
        pair[sdk] = normalizer(namesFor(envName, sdk, [[env.origin, '{origin}']]))(raw)
      }
      outcomes.set(s.id, pair)
    }
  })
  return finish(envName, mine, outcomes, started)
}

async function finish(envName, mine, outcomes, started) {
  const result = compare(envName, mine, outcomes)
  result.ms = Math.round(performance.now() - started)
  await saveArtifact(envName, result)
  return result
}

// ---- The three environments, run at once (their waits overlap), each checked in its own test ----

let runs = null
const startRuns = () => {
  if (!runs) {
    // Node's run is the Chromium pass's.
    runs = { node: ENGINE === 'chromium' ? runNode() : Promise.resolve(null), browser: runInBrowser('browser'), worker: runInBrowser('worker') }
    // Each is awaited by its test; until then a failure must not count as unhandled.
    for (const p of Object.values(runs)) p.catch(() => {})
  }
  return runs
}

async function check(envName) {
  const result = await startRuns()[envName]
  console.log(report(envName, result))
  console.log(`parity (${envName}): ${result.ms} ms`)
  assertClean(envName, result)
}

test('parity in Node: seam-wasm (node entry) against @seamapi/http 2.32.0', ONCE, () => check('node'))

test(`parity in ${ENGINE}: seam-wasm (browser entry) against @seamapi/http 2.32.0, both in one page`, () => check('browser'))

test(`parity in a ${ENGINE} page's module worker: both SDKs loaded in the worker`, () => check('worker'))

function assertClean(envName, { unexpected, stale }) {
  const problems = []
  if (unexpected.length) {
    const some = unexpected.slice(0, 10).map((r) => r.id).join('; ')
    problems.push(`${unexpected.length} unexpected differences, each listed above with both outcomes (the first: ${some})`)
  }
  for (const d of stale) problems.push(`a deliberate difference no longer occurs, so it must leave the list: ${d.what}`)
  assert.equal(problems.length, 0, `parity (${envName}):\n${problems.join('\n')}`)
}

// ---- The list of deliberate differences is the README's ----

test("every deliberate difference is documented in the README's Migrating from @seamapi/http section", ONCE, async () => {
  const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8')
  const start = readme.indexOf('### Migrating from @seamapi/http')
  assert.ok(start >= 0, 'the README has no "Migrating from @seamapi/http" section')
  const end = readme.indexOf('\n#', start + 1)
  const normalize = (s) => s.replaceAll('`', '').replace(/\s+/g, ' ').toLowerCase()
  const section = normalize(readme.slice(start, end < 0 ? undefined : end))
  const missing = DELIBERATE.filter((d) => !section.includes(normalize(d.readme)))
  assert.deepEqual(missing.map((d) => d.readme), [], 'phrases the deliberate differences cite but the section does not say')
})
