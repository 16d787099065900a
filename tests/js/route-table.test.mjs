// seam-wasm's routes against @seamapi/http's: the same namespaces and method names, and for
// each the same path, HTTP method, response key, pagination flag and required parameters.
// @seamapi/http is read in node from the lazy requests its methods return; seam-wasm in a page,
// from `SeamClient.describeRoute` and from the request each namespace method really sends.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { isDeepStrictEqual } from 'node:util'
import { SeamHttp, SeamHttpEndpoints, SeamHttpRequest } from '@seamapi/http'
import { openapi } from '@seamapi/types/connect'
import { ONCE, useEnv, SEED_CST } from './support/harness.mjs'
import { answerPreflight, sendJson, startRecordingServer } from './support/hostile.mjs'
import { fromToken, run, expectOk } from './support/actions.mjs'

// seam-wasm is generated from the OpenAPI spec of @seamapi/types 1.977.0; @seamapi/http 2.32.0
// from a newer one (1.1078.1). Where the two specs differ the SDKs may too. Each entry says
// how, and `specCheck` confirms the older spec really says so.
const responseSchema = (path) => {
  const ops = openapi.paths[path]
  const op = ops.get ?? ops.delete ?? ops.patch ?? ops.put ?? ops.post
  return op.responses['200'].content['application/json'].schema
}
const SPEC_DIFFERENCES = {
  'userIdentities.merge': {
    path: '/user_identities/merge',
    missing: true,
    reason: 'not in the spec seam-wasm is generated from',
    specCheck: () => !('/user_identities/merge' in openapi.paths),
  },
  'accessMethods.list': {
    path: '/access_methods/list',
    fields: { hasPagination: { seamWasm: false, seamapiHttp: true } },
    reason: "the spec's response has no `pagination`, so the route is not paginated there",
    specCheck: () => !('pagination' in (responseSchema('/access_methods/list').properties ?? {})),
  },
}

// @seamapi/http refuses `{}` on these routes with "At least one parameter is required" (one of
// several ids, or `since`/`between` for events); seam-wasm makes the same check on each it has.
// Listed so the set cannot change unnoticed.
const AT_LEAST_ONE_PARAMETER = [
  'accessCodes.get', 'accessCodes.list', 'accessCodes.unmanaged.get',
  'accessGrants.get', 'accessGrants.getRelated', 'accessGrants.update',
  'accessMethods.delete', 'accessMethods.list',
  'acs.users.delete', 'acs.users.get', 'acs.users.listAccessibleEntrances', 'acs.users.revokeAccessToAllEntrances',
  'acs.users.suspend', 'acs.users.unsuspend', 'acs.users.update',
  'clientSessions.grantAccess', 'connectedAccounts.get',
  'devices.get', 'devices.unmanaged.get', 'events.get', 'events.list', 'instantKeys.get', 'locks.get',
  'spaces.get', 'spaces.getRelated', 'userIdentities.get', 'userIdentities.merge',
]

// Methods of every @seamapi/http route class that are not routes.
const HTTP_CLIENT_METHODS = new Set(['constructor', 'createPaginator', 'updateClientSessionToken'])

const byKey = (a, b) => a.key.localeCompare(b.key)

const env = useEnv()

// A server that answers every request with `{"ok":true}` and records it: the endpoint of the
// @seamapi/http client, to show that building requests sends nothing.
async function startRecorder() {
  const requests = []
  const server = createServer((req, res) => {
    requests.push({ method: req.method, url: req.url })
    req.resume()
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{"ok":true}')
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

// Every route method of a @seamapi/http client: namespaces are getters on each class's
// prototype, and each method returns a lazy SeamHttpRequest.
function walkHttp(ns, prefix = []) {
  const out = []
  for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(Object.getPrototypeOf(ns)))) {
    if (HTTP_CLIENT_METHODS.has(name)) continue
    if (d.get) {
      out.push(...walkHttp(ns[name], [...prefix, name]))
      continue
    }
    if (typeof d.value !== 'function') continue
    const key = [...prefix, name].join('.')
    // No parameters: @seamapi/http checks them only when the request is sent.
    const request = ns[name]()
    assert.ok(request instanceof SeamHttpRequest, `${key} did not return a SeamHttpRequest`)
    out.push({
      key,
      path: request.pathname,
      method: request.method,
      responseKey: request.responseKey ?? null,
      hasPagination: request.hasPagination,
    })
  }
  return out
}

const callByKey = (client, key, ...args) => {
  const names = key.split('.')
  const method = names.pop()
  // Called on its namespace object: @seamapi/http's methods need it as `this`.
  return names.reduce((o, name) => o[name], client)[method](...args)
}

let httpRoutesPromise
const httpRoutes = () => (httpRoutesPromise ??= (async () => {
  const recorder = await startRecorder()
  try {
    const seam = SeamHttp.fromClientSessionToken(SEED_CST, { endpoint: recorder.url, waitForActionAttempt: false })
    const routes = walkHttp(seam)
    // Time for a stray request to arrive before concluding none was sent.
    await sleep(200)
    const sentWhileBuilding = recorder.requests.slice()
    // Sending `{}` runs the client-side checks: their TypeError names what is missing;
    // otherwise the request goes to the recorder.
    for (const r of routes) {
      try {
        await callByKey(seam, r.key, {})
        r.emptyCheck = null
      } catch (e) {
        r.emptyCheck = e instanceof TypeError ? e.message : null
      }
    }
    return { routes, sentWhileBuilding }
  } finally {
    await recorder.close()
  }
})())

// seam-wasm's namespace methods as `{ key, path, description, emptyCheck, sent }`. The path
// comes from calling the method: without parameters it either sends its request or names its
// path in the TypeError for missing parameters; then `{}` is sent or refused (`emptyCheck`, the
// TypeError's message), and a call with placeholders for the required parameters must send it.
// Requests go to an endpoint the page answers itself.
let wasmRoutesPromise
const wasmRoutes = () => (wasmRoutesPromise ??= (async () => {
  const server = await startRecordingServer((req, res) => answerPreflight(req, res) || sendJson(req, res, 200, { ok: true }))
  const endpoint = server.url
  const seen = {
    get length() { return server.calls().length },
    at: (i) => { const r = server.calls()[i]; return { method: r.method, url: new URL(r.url, endpoint) } },
  }
  return env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST, { options: { endpoint, storage: 'memory' } }))
    const keys = expectOk(await run(p, (c, _arg, t) => {
      // The top-level namespaces are getters on the class; below them, plain objects.
      const getters = Object.entries(Object.getOwnPropertyDescriptors(t.m.SeamClient.prototype))
        .filter(([name, d]) => d.get && name !== 'clientSessionToken')
        .map(([name]) => name)
      const out = []
      const walk = (ns, prefix) => {
        for (const [name, value] of Object.entries(ns)) {
          if (typeof value === 'function') out.push([...prefix, name].join('.'))
          else if (value !== null && typeof value === 'object') walk(value, [...prefix, name])
          else out.push(`not a route: ${[...prefix, name].join('.')}`)
        }
      }
      for (const name of getters) walk(c[name], [name])
      return out
    }))

    const call = (key, params) => run(p, async (c, { key, params }, t) => {
      const names = key.split('.')
      const method = names.pop()
      const ns = names.reduce((o, name) => o[name], c)
      try {
        await (params === null ? ns[method]() : ns[method](params))
        return { sent: true }
      } catch (e) {
        // Anything but a parameter check comes after the request went out.
        return e instanceof TypeError ? { typeError: e.message } : { sent: true, error: t.describe(e) }
      }
    }, { key, params })

    const routes = []
    for (const key of keys) {
      assert.ok(!key.startsWith('not a route'), key)
      const before = seen.length
      const bare = expectOk(await call(key, null))
      let path
      if (bare.sent) {
        assert.equal(seen.length, before + 1, `${key}() sent ${seen.length - before} requests`)
        path = seen.at(before).url.pathname
      } else {
        path = bare.typeError.match(/ for (\/[a-z0-9_/]+)/)?.[1]
        assert.ok(path, `${key}(): unexpected TypeError: ${bare.typeError}`)
      }
      const description = expectOk(await run(p, (c, path, t) => t.m.SeamClient.describeRoute(path), path))
      assert.ok(description, `describeRoute(${path}) is null, but ${key} calls it`)
      const empty = expectOk(await call(key, {}))
      const placeholders = Object.fromEntries(
        [...description.requiredParameters, ...description.atLeastOneParameters.slice(0, 1)].map((name) => [name, 'x']),
      )
      const at = seen.length
      const filled = expectOk(await call(key, placeholders))
      assert.ok(filled.sent, `${key}(${JSON.stringify(placeholders)}) sent nothing: ${filled.typeError}`)
      assert.equal(seen.length, at + 1, `${key}(placeholders) sent ${seen.length - at} requests`)
      routes.push({
        key,
        path,
        description,
        emptyCheck: empty.typeError ?? null,
        sent: { method: seen.at(at).method, pathname: seen.at(at).url.pathname },
      })
    }
    return routes
  }).finally(() => server.close())
})())

test('@seamapi/http: every route method returns a lazy request, and building it sends nothing', ONCE, async () => {
  const { routes, sentWhileBuilding } = await httpRoutes()
  assert.deepEqual(sentWhileBuilding, [], 'building requests sent some')
  assert.ok(routes.length > 100, `only ${routes.length} routes found`)
  const keys = routes.map((r) => r.key)
  assert.equal(new Set(keys).size, keys.length, 'a namespace method is listed twice')
  const paths = routes.map((r) => r.path)
  assert.equal(new Set(paths).size, paths.length, 'two methods share a path')
  // The walk finds what the path-keyed interface lists, and the same requests.
  const endpoints = SeamHttpEndpoints.fromClientSessionToken(SEED_CST, { endpoint: 'http://127.0.0.1:9' })
  const endpointPaths = Object.keys(Object.getOwnPropertyDescriptors(SeamHttpEndpoints.prototype))
    .filter((name) => name.startsWith('/'))
  assert.deepEqual([...endpointPaths].sort(), [...paths].sort())
  for (const r of routes) {
    const request = endpoints[r.path]()
    assert.deepEqual(
      { path: request.pathname, method: request.method, responseKey: request.responseKey ?? null, hasPagination: request.hasPagination },
      { path: r.path, method: r.method, responseKey: r.responseKey, hasPagination: r.hasPagination },
      r.path,
    )
  }
})

test('seam-wasm: each namespace method sends the route describeRoute describes, named after its path', async () => {
  const wasm = await wasmRoutes()
  const snake = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
  for (const w of wasm) {
    assert.equal(w.sent.pathname, w.path, `${w.key} sent ${w.sent.pathname}`)
    assert.equal(w.sent.method, w.description.method, `${w.key}: sent ${w.sent.method}, describeRoute says ${w.description.method}`)
    assert.equal(w.description.path, w.path)
    assert.equal(`/${w.key.split('.').map(snake).join('/')}`, w.path, `${w.key} is not named after its path`)
  }
  const paths = wasm.map((w) => w.path)
  assert.equal(new Set(paths).size, paths.length, 'two methods share a path')
})

test('seam-wasm has every @seamapi/http route under the same name, with the same path, method, response key and pagination', async () => {
  const { routes: http } = await httpRoutes()
  const wasm = await wasmRoutes()
  const wasmByKey = new Map(wasm.map((w) => [w.key, w]))
  const httpByKey = new Map(http.map((h) => [h.key, h]))

  for (const [key, d] of Object.entries(SPEC_DIFFERENCES)) {
    assert.equal(d.specCheck(), true, `${key}: the spec no longer differs (${d.reason}); drop the exception`)
    assert.equal(httpByKey.get(key)?.path, d.path, `${key} is not ${d.path} in @seamapi/http`)
  }

  // The routes missing from seam-wasm are exactly the documented ones.
  const missing = http.filter((h) => !wasmByKey.has(h.key))
  assert.deepEqual(
    missing.map((h) => h.key).sort(),
    Object.keys(SPEC_DIFFERENCES).filter((key) => SPEC_DIFFERENCES[key].missing).sort(),
    'routes of @seamapi/http missing from seam-wasm',
  )
  const extra = wasm.filter((w) => !httpByKey.has(w.key))
  assert.deepEqual(extra.map((w) => `${w.key} ${w.path}`), [], 'routes of seam-wasm that @seamapi/http lacks')

  const mismatches = []
  let matched = 0
  for (const h of http) {
    const w = wasmByKey.get(h.key)
    if (!w) continue
    const seamWasm = {
      path: w.path,
      method: w.description.method,
      responseKey: w.description.responseKey,
      hasPagination: w.description.hasPagination,
    }
    const seamapiHttp = { path: h.path, method: h.method, responseKey: h.responseKey, hasPagination: h.hasPagination }
    // A documented spec difference replaces the expected value of its field only.
    const expected = { ...seamapiHttp }
    for (const [field, values] of Object.entries(SPEC_DIFFERENCES[h.key]?.fields ?? {})) {
      assert.equal(seamapiHttp[field], values.seamapiHttp, `${h.key}.${field} in @seamapi/http`)
      expected[field] = values.seamWasm
    }
    try {
      assert.deepEqual(seamWasm, expected)
      matched += 1
    } catch {
      mismatches.push({ key: h.key, seamWasm, seamapiHttp })
    }
  }
  const withDifference = Object.values(SPEC_DIFFERENCES).filter((d) => d.fields).length
  console.log(
    `route table: ${http.length} routes in @seamapi/http, ${wasm.length} in seam-wasm, ${matched} matched ` +
      `(${withDifference} of them with a documented spec difference)`,
  )
  assert.deepEqual(mismatches.sort(byKey), [])
  assert.equal(matched, http.length - missing.length)
})

test('seam-wasm requires the same parameters as @seamapi/http, with the same TypeError', async () => {
  const { routes: http } = await httpRoutes()
  const wasmByKey = new Map((await wasmRoutes()).map((w) => [w.key, w]))
  const REQUIRED = /^Required parameters missing for (\S+): (.+)$/
  const atLeastOne = []
  const wasmAtLeastOne = []
  const mismatches = []
  for (const h of http) {
    if (h.emptyCheck?.startsWith('At least one parameter is required for ')) atLeastOne.push(h.key)
    const w = wasmByKey.get(h.key)
    if (!w) continue
    if (w.description.atLeastOneParameters.length > 0) wasmAtLeastOne.push(w.key)
    // The names @seamapi/http lists for `{}`, in its order, are those seam-wasm requires.
    const names = h.emptyCheck?.match(REQUIRED)?.[2].split(', ') ?? []
    const seamWasm = { requiredParameters: w.description.requiredParameters, check: w.emptyCheck }
    const seamapiHttp = { requiredParameters: names, check: h.emptyCheck }
    if (!isDeepStrictEqual(seamWasm, seamapiHttp)) {
      mismatches.push(
        `${h.key} (${h.method} ${h.path}): seam-wasm requires [${seamWasm.requiredParameters.join(', ')}] ` +
          `and ${seamWasm.check === null ? 'sends `{}`' : `says "${seamWasm.check}"`}; ` +
          `@seamapi/http requires [${names.join(', ')}] and ${h.emptyCheck === null ? 'sends `{}`' : `says "${h.emptyCheck}"`}`,
      )
    }
  }
  const missing = Object.keys(SPEC_DIFFERENCES).filter((key) => SPEC_DIFFERENCES[key].missing)
  assert.deepEqual(atLeastOne.sort(), [...AT_LEAST_ONE_PARAMETER].sort(), 'routes where @seamapi/http wants at least one parameter')
  assert.deepEqual(
    wasmAtLeastOne.sort(),
    AT_LEAST_ONE_PARAMETER.filter((key) => !missing.includes(key)).sort(),
    'routes where seam-wasm wants at least one parameter',
  )
  assert.deepEqual(mismatches.sort(), [], 'required parameters differ')
})
