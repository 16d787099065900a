// The parameter checks of every route, through seam-wasm and through @seamapi/http (bundled for
// the browser) in one page against the fake: each route method called with no argument, with
// `{}`, with `null`, with each required name `undefined` (the others given), and with each
// "at least one" case. Both SDKs must create the request without throwing, then end the same
// way (resolved or rejected; the error's class, `name` and `message`) and send as many
// requests; a call refused by a check must send nothing. A call that passes the checks goes to
// the fake when it serves the route; otherwise the page answers it as the API answers an unknown
// route (the fake's own answer, a 404 page without CORS headers, is a network error in the
// browser, which the two SDKs report each their own way).

import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { isDeepStrictEqual } from 'node:util'
import { setTimeout as sleep } from 'node:timers/promises'
import { startEnv, SEED_CST } from './support/harness.mjs'
import { bundleSeamHttp } from './support/bundle-http.mjs'
import { SDKS, loadBoth } from './support/differential.mjs'
import { readFakeRoutes } from './support/fake-routes.mjs'
import { answerPreflight, sendJson, startRecordingServer } from './support/hostile.mjs'

// @seamapi/http 2.32.0 is made from a later spec than seam-wasm; this route came with it.
const MISSING_FROM_SEAM_WASM = ['userIdentities.merge']

// Routes whose answer from the fake the two SDKs report differently, whatever the parameters:
// a call that passes the checks is compared there on whether it resolved, and the difference
// must still be there.
const ANSWER_DIFFERENCES = {
  '/user_identities/create':
    'the fake answers 500 with a text body: seam-wasm throws SeamHttpInvalidResponseError, @seamapi/http the raw AxiosError',
}

// The messages of @seamapi/http's checks, and of nothing else.
const CHECKS = [
  /^Parameters are required for \S+$/,
  /^Parameters for \S+ must be an object$/,
  /^Required parameters missing for \S+: .+$/,
  /^At least one parameter is required for \S+$/,
]
const refusedByCheck = (outcome) => !outcome.ok && outcome.className === 'TypeError' && CHECKS.some((re) => re.test(outcome.message))

// What a value stands for when a parameter is given: any string passes every check.
const GIVEN = 'x'

let env
before(async () => {
  await bundleSeamHttp()
  env = await startEnv()
})
after(async () => {
  await env?.close()
})

// Every route method of the @seamapi/http client, as `{ key, path }`: namespaces are getters
// on each class's prototype; a method's request, made and never sent, tells its path.
const httpRoutes = (p) =>
  p.evaluate(() => {
    const NOT_ROUTES = new Set(['constructor', 'createPaginator', 'updateClientSessionToken'])
    const out = []
    const walk = (ns, prefix) => {
      for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(Object.getPrototypeOf(ns)))) {
        if (NOT_ROUTES.has(name)) continue
        if (d.get) walk(ns[name], [...prefix, name])
        else if (typeof d.value === 'function') out.push({ key: [...prefix, name].join('.'), path: ns[name]().pathname })
      }
    }
    walk(window.__diff.clients.http, [])
    return out
  })

// The number of route methods of the seam-wasm client: top-level namespaces are getters on the
// class; below them, plain objects.
const wasmRouteCount = (p) =>
  p.evaluate(() => {
    const { SeamClient } = window.__seamTest.m
    const client = window.__diff.clients.wasm
    let count = 0
    const walk = (ns) => {
      for (const value of Object.values(ns)) {
        if (typeof value === 'function') count += 1
        else walk(value)
      }
    }
    for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(SeamClient.prototype))) {
      if (d.get && name !== 'clientSessionToken') walk(client[name])
    }
    return count
  })

// Calls `key` on one SDK's client with the scenario's arguments, built in the page so that a
// name set to `undefined` stays in the object. Making the request and awaiting it are told
// apart: making it must not throw.
const callSdk = (p, sdk, key, args) =>
  p.evaluate(async ({ sdk, key, args, exports }) => {
    const { clients, http } = window.__diff
    const sdkExports = sdk === 'http' ? http : window.__seamTest.m
    const names = key.split('.')
    const method = names.pop()
    const ns = names.reduce((o, name) => o[name], clients[sdk])
    let params
    if (args.kind === 'null') params = null
    else if (args.kind === 'object') {
      params = {}
      for (const name of args.given) params[name] = exports.GIVEN
      for (const name of args.undefined) params[name] = undefined
      for (const name of args.null) params[name] = null
    }
    // The exported class the error is an instance of, by name (minifying renames classes), or
    // the built-in one.
    const className = (e) => {
      const ctor = e?.constructor
      const exported = Object.entries(sdkExports).find(([, value]) => value === ctor)
      if (exported) return exported[0]
      return typeof ctor === 'function' && globalThis[ctor.name] === ctor ? ctor.name : `other: ${ctor?.name}`
    }
    let request
    try {
      request = args.kind === 'none' ? ns[method]() : ns[method](params)
    } catch (e) {
      return { created: false, className: className(e), name: e?.name, message: e?.message }
    }
    try {
      await request
      return { created: true, ok: true }
    } catch (e) {
      return { created: true, ok: false, className: className(e), name: e?.name, message: e?.message }
    }
  }, { sdk, key, args, exports: { GIVEN } })

const object = (label, { given = [], undef = [], nul = [] }) => ({ label, args: { kind: 'object', given, undefined: undef, null: nul } })

// The scenarios every route has.
const BASIC = [{ label: 'no argument', args: { kind: 'none' } }, object('{}', {}), { label: 'null', args: { kind: 'null' } }]

// The scenarios of the names a route checks: @seamapi/http's required names (from its message
// for `{}`) with seam-wasm's, and seam-wasm's "at least one" names. A name either SDK lacks
// shows up as a difference in the scenarios of the other's names.
function scenariosOf(required, atLeastOne) {
  const first = atLeastOne.slice(0, 1)
  const out = []
  for (const name of required) {
    out.push(object(`${name} undefined, the others given`, { given: [...required.filter((n) => n !== name), ...first], undef: [name] }))
  }
  if (required.length) out.push(object('every required name null (null counts as given)', { nul: required, given: first }))
  if (atLeastOne.length) {
    out.push(object('every "at least one" name undefined', { given: required, undef: atLeastOne }))
    for (const name of atLeastOne) out.push(object(`only ${name} of the "at least one" names`, { given: [...required, name] }))
    out.push(object(`${first[0]} null, the only "at least one" name (null counts as given)`, { given: required, nul: first }))
  }
  return out
}

test('every route refuses the same parameters as @seamapi/http, with the same error, at the same time, sending nothing', async () => {
  let front
  await env.withPage(async (p) => {
    // In front of the fake: a route it does not serve answers a Seam 404.
    const served = new Set(readFakeRoutes().map((r) => r.path))
    front = await startRecordingServer(async (req, res, record) => {
      if (answerPreflight(req, res)) return
      if (!served.has(record.pathname)) {
        return sendJson(req, res, 404, { error: { type: 'not_found', message: 'Not served by the fake' } })
      }
      const body = ['GET', 'HEAD'].includes(req.method) ? undefined : record.body
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length', 'origin'].includes(k)))
      const answer = await fetch(env.fakeUrl + record.url, { method: req.method, headers, body })
      sendJson(req, res, answer.status, Buffer.from(await answer.arrayBuffer()), { 'seam-request-id': answer.headers.get('seam-request-id') ?? '' })
    })
    await loadBoth(p, SEED_CST, front.url)
    const routes = await httpRoutes(p)
    assert.ok(routes.length > 150, `only ${routes.length} routes found`)
    const keys = routes.map((r) => r.key)
    assert.deepEqual(keys.filter((k) => MISSING_FROM_SEAM_WASM.includes(k)), MISSING_FROM_SEAM_WASM, 'routes listed as missing')
    assert.equal(await wasmRouteCount(p), routes.length - MISSING_FROM_SEAM_WASM.length, 'seam-wasm has other routes than @seamapi/http')

    const mismatches = []
    let count = 0
    let equal = 0
    let refused = 0
    let passed = 0
    let attributed = 0
    const answersThatDiffer = new Set()
    const at = front.calls().length
    // Calls both SDKs in one scenario and notes how they differ; resolves with the outcomes.
    const compare = async (route, scenario) => {
      const outcome = {}
      const sent = {}
      for (const sdk of SDKS) {
        const mark = front.calls().length
        outcome[sdk] = await callSdk(p, sdk, route.key, scenario.args)
        sent[sdk] = front.calls().slice(mark).map((r) => r.pathname)
        attributed += sent[sdk].length
      }
      count += 1
      const problems = []
      for (const sdk of SDKS) {
        if (!outcome[sdk].created) problems.push(`${sdk}: making the request threw`)
        if (refusedByCheck(outcome[sdk]) && sent[sdk].length) problems.push(`${sdk}: refused, yet sent ${sent[sdk].join(', ')}`)
        if (sent[sdk].some((pathname) => pathname !== route.path)) problems.push(`${sdk}: sent ${sent[sdk].join(', ')}`)
      }
      const answerDiffers = ANSWER_DIFFERENCES[route.path] && !SDKS.some((sdk) => refusedByCheck(outcome[sdk]))
      const shown = answerDiffers ? ({ created, ok }) => ({ created, ok }) : (o) => o
      if (!isDeepStrictEqual(shown(outcome.wasm), shown(outcome.http))) problems.push('outcomes differ')
      if (answerDiffers && !isDeepStrictEqual(outcome.wasm, outcome.http)) answersThatDiffer.add(route.path)
      if (sent.wasm.length !== sent.http.length) problems.push('numbers of requests differ')
      if (problems.length) {
        mismatches.push({ route: route.key, path: route.path, scenario: scenario.label, problems, seamWasm: outcome.wasm, seamapiHttp: outcome.http, sent })
      } else {
        equal += 1
        if (refusedByCheck(outcome.wasm)) refused += 1
        else passed += 1
      }
      return outcome
    }

    for (const route of routes) {
      if (MISSING_FROM_SEAM_WASM.includes(route.key)) continue
      const description = await p.evaluate((path) => window.__seamTest.m.SeamClient.describeRoute(path), route.path)
      assert.ok(description, `seam-wasm has no route ${route.path} (${route.key})`)
      let httpRequired = []
      for (const scenario of BASIC) {
        const outcome = await compare(route, scenario)
        // @seamapi/http names what `{}` lacks.
        if (scenario.label === '{}') httpRequired = outcome.http.message?.match(/^Required parameters missing for \S+: (.+)$/)?.[1].split(', ') ?? []
      }
      const required = [...new Set([...httpRequired, ...description.requiredParameters])]
      for (const scenario of scenariosOf(required, description.atLeastOneParameters)) await compare(route, scenario)
    }
    // Time for a late request to arrive: a refused call's would be one too many.
    await sleep(200)
    const stray = front.calls().length - at - attributed

    console.log(
      `parameter rules: ${routes.length - MISSING_FROM_SEAM_WASM.length} routes, ${count} scenarios compared, ${equal} equal ` +
        `(${refused} refused by a check with nothing sent, ${passed} passed the checks in both), ${mismatches.length} differ`,
    )
    for (const [path, why] of Object.entries(ANSWER_DIFFERENCES)) console.log(`parameter rules: ${path} compared on resolving only once sent: ${why}`)
    for (const m of mismatches.slice(0, 40)) console.log(`parameter rules mismatch: ${JSON.stringify(m)}`)
    assert.deepEqual(mismatches, [], 'seam-wasm and @seamapi/http differ')
    assert.deepEqual([...answersThatDiffer].sort(), Object.keys(ANSWER_DIFFERENCES).sort(), 'answer differences that are no longer there')
    assert.equal(stray, 0, 'requests sent outside the calls')
    assert.equal(attributed, 2 * passed, 'requests sent: one by each SDK for each call that passed the checks')
    assert.equal(equal, count)
  }).finally(() => front?.close())
})
