// The same calls through seam-wasm and through @seamapi/http, in one page against one fake:
// every route the fake serves to a client session token. Both SDKs must send the same request
// and end the same way: equal results (after removing the fields listed as legitimately
// different) or the same error.

import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { isDeepStrictEqual } from 'node:util'
import { startEnv, SEED_CST } from './support/harness.mjs'
import { bundleSeamHttp } from './support/bundle-http.mjs'
import { readFakeRoutes } from './support/fake-routes.mjs'
import { SDKS, loadBoth, callSdk, describeRequests } from './support/differential.mjs'

const LOCK = 'august_device_1'
const THERMOSTAT = 'ecobee_device_1'
const NOISE_SENSOR = 'minut_device_1'
const CONNECTED_ACCOUNT = 'john_connected_account_id'
const ACS_SYSTEM = 'visionline_acs_system_1'

// Each SDK keeps the ids of what it created in `ctx[sdk]`, so that a mutation never acts on the
// other SDK's object and a read compares one object seen by both.
const own = (name) => (ctx, sdk) => ctx[sdk][name]
const fromWasm = (name) => (ctx) => ctx.wasm[name]
const saveAs = (name, field) => (ctx, sdk, value) => {
  ctx[sdk][name] = value[field]
}

// The comparison table, in the order the calls are made; each row is called by seam-wasm, then
// at once by @seamapi/http, so no mutation falls between the two reads of a pair.
//   path      the route; the method called is its namespace path (`/acs/users/get` → acs.users.get)
//   params    the parameters (omitted: the method is called without any); values that are
//             functions are resolved per SDK from `ctx` just before the call
//   differs   result fields that legitimately differ between the two calls (new ids, times,
//             random values); removed from both results before comparing, and must be in both
//   expect    'ok', the API error type (or error class) the call should end with, or
//             { statusCode }, so a wrong table row cannot pass by making both SDKs fail alike
//   save      keeps something from each SDK's result for later rows
const ROUTES = [
  // Reads of the seeded state.
  { path: '/client_sessions/get', expect: 'ok' },
  { path: '/workspaces/get', expect: 'ok' },
  { path: '/workspaces/list', expect: 'ok' },
  // An array and a number in the query.
  { path: '/devices/list', params: { device_ids: [LOCK, THERMOSTAT, NOISE_SENSOR], limit: 10 }, expect: 'ok' },
  { path: '/devices/get', params: { device_id: LOCK }, expect: 'ok' },
  { path: '/devices/list_device_providers', expect: 'ok' },
  { path: '/locks/list', params: {}, expect: 'ok' },
  { path: '/locks/get', params: { device_id: LOCK }, expect: 'ok' },
  // The fake answers `{ thermostats }`, the API `{ devices }`: both SDKs report a response
  // without their key.
  { path: '/thermostats/list', expect: 'SeamHttpInvalidResponseError' },
  { path: '/connected_accounts/get', params: { connected_account_id: CONNECTED_ACCOUNT }, expect: 'ok' },
  { path: '/connected_accounts/list', expect: 'ok' },
  { path: '/acs/systems/list', expect: 'ok' },
  { path: '/acs/systems/get', params: { acs_system_id: ACS_SYSTEM }, expect: 'ok' },
  { path: '/acs/entrances/list', expect: 'ok' },
  // The seed has no entrances and a client session cannot make one.
  { path: '/acs/entrances/get', params: { acs_entrance_id: 'acs_entrance_missing' }, expect: 'acs_entrance_not_found' },
  { path: '/connect_webviews/list', expect: 'ok' },
  { path: '/noise_sensors/noise_thresholds/list', params: { device_id: NOISE_SENSOR }, expect: 'ok' },
  { path: '/noise_sensors/noise_thresholds/get', params: { noise_threshold_id: 'noise_threshold1' }, expect: 'ok' },
  { path: '/access_codes/generate_code', params: { device_id: LOCK }, differs: ['code'], expect: 'ok' },

  // Action attempts: both SDKs return the pending attempt as the POST answered it.
  { path: '/locks/unlock_door', params: { device_id: LOCK }, differs: ['action_attempt_id'], save: saveAs('unlock', 'action_attempt_id'), expect: 'ok' },
  { path: '/locks/lock_door', params: { device_id: LOCK }, differs: ['action_attempt_id'], save: saveAs('lock', 'action_attempt_id'), expect: 'ok' },
  { path: '/action_attempts/get', params: { action_attempt_id: fromWasm('unlock') }, expect: 'ok' },
  { path: '/action_attempts/list', params: { action_attempt_ids: (ctx) => [ctx.wasm.unlock, ctx.http.unlock, ctx.wasm.lock] }, expect: 'ok' },
  { path: '/thermostats/cool', params: { device_id: THERMOSTAT, cooling_set_point_celsius: 25 }, differs: ['action_attempt_id'], expect: 'ok' },
  { path: '/thermostats/heat', params: { device_id: THERMOSTAT, heating_set_point_fahrenheit: 68 }, differs: ['action_attempt_id'], expect: 'ok' },
  { path: '/thermostats/heat_cool', params: { device_id: THERMOSTAT, heating_set_point_celsius: 19.5, cooling_set_point_celsius: 24 }, differs: ['action_attempt_id'], expect: 'ok' },
  { path: '/thermostats/set_fan_mode', params: { device_id: THERMOSTAT, fan_mode_setting: 'auto' }, differs: ['action_attempt_id'], expect: 'ok' },
  { path: '/thermostats/off', params: { device_id: THERMOSTAT }, differs: ['action_attempt_id'], expect: 'ok' },
  // A date in the query; the locks above added events.
  { path: '/events/list', params: { since: '2000-01-01T00:00:00.000Z' }, expect: 'ok' },
  { path: '/events/get', params: { event_id: 'event1' }, expect: 'ok' },

  // Access codes.
  {
    path: '/access_codes/create',
    params: { device_id: LOCK, name: 'Differential', starts_at: '2030-01-01T00:00:00.000Z', ends_at: '2030-01-02T00:00:00.000Z' },
    differs: ['access_code_id', 'created_at', 'code'],
    save: saveAs('accessCode', 'access_code_id'),
    expect: 'ok',
  },
  { path: '/access_codes/get', params: { access_code_id: fromWasm('accessCode') }, expect: 'ok' },
  { path: '/access_codes/list', params: { device_id: LOCK }, expect: 'ok' },
  // The fake answers `{ backup_access_code }`, the API `{ access_code }`.
  { path: '/access_codes/pull_backup_access_code', params: { access_code_id: own('accessCode') }, expect: 'SeamHttpInvalidResponseError' },
  {
    path: '/access_codes/simulate/create_unmanaged_access_code',
    params: { device_id: LOCK, name: 'Differential unmanaged', code: '5678' },
    differs: ['access_code_id', 'created_at'],
    save: saveAs('unmanagedCode', 'access_code_id'),
    expect: 'ok',
  },
  { path: '/access_codes/unmanaged/list', params: { device_id: LOCK }, expect: 'ok' },
  { path: '/access_codes/unmanaged/update', params: { access_code_id: own('unmanagedCode'), is_managed: true }, expect: 'ok' },
  // The fake reads the parameters of this DELETE (and of the other DELETEs expecting a
  // `*_not_found` below) from a JSON body; both SDKs send them in the query, so it finds none.
  { path: '/access_codes/delete', params: { access_code_id: own('accessCode') }, expect: 'access_code_not_found' },
  { path: '/access_codes/update', params: { access_code_id: own('unmanagedCode'), name: 'Renamed' }, expect: 'method_not_allowed' },
  { path: '/access_codes/create_multiple', params: { device_ids: [LOCK], name: 'Differential linked' }, expect: 'method_not_allowed' },

  // Access control users.
  {
    path: '/acs/users/create',
    params: { acs_system_id: ACS_SYSTEM, full_name: 'Differential User' },
    // The fake makes up an address from a counter.
    differs: ['acs_user_id', 'created_at', 'email', 'email_address'],
    save: saveAs('acsUser', 'acs_user_id'),
    expect: 'ok',
  },
  { path: '/acs/users/get', params: { acs_user_id: fromWasm('acsUser') }, expect: 'ok' },
  { path: '/acs/users/list', params: { acs_system_id: ACS_SYSTEM }, expect: 'ok' },
  { path: '/acs/users/update', params: { acs_user_id: own('acsUser'), full_name: 'Differential User 2' }, expect: 'ok' },
  { path: '/acs/users/suspend', params: { acs_user_id: own('acsUser') }, expect: 'ok' },
  { path: '/acs/users/unsuspend', params: { acs_user_id: own('acsUser') }, expect: 'ok' },
  // No access groups or entrances exist, and a client session cannot make them.
  { path: '/acs/users/add_to_access_group', params: { acs_user_id: own('acsUser'), acs_access_group_id: 'acs_access_group_missing' }, expect: 'acs_access_group_not_found' },
  { path: '/acs/users/remove_from_access_group', params: { acs_user_id: own('acsUser'), acs_access_group_id: 'acs_access_group_missing' }, expect: 'acs_user_not_found' },
  { path: '/acs/entrances/grant_access', params: { acs_entrance_id: 'acs_entrance_missing', acs_user_id: own('acsUser') }, expect: 'acs_entrance_not_found' },
  // The fake wants UUIDs here; its seeded ids are not.
  { path: '/user_identities/add_acs_user', params: { user_identity_id: 'john_user_identity_id', acs_user_id: own('acsUser') }, expect: 'invalid_input' },
  { path: '/acs/users/delete', params: { acs_user_id: own('acsUser') }, expect: 'ok' },
  { path: '/user_identities/create', params: { user_identity_key: 'differential_user', full_name: 'Differential' }, expect: { statusCode: 500 } },

  // Connect webviews and webhooks.
  {
    path: '/connect_webviews/create',
    params: { accepted_providers: ['august'], custom_redirect_url: 'https://example.com/done' },
    // The URL carries the new id and a random host.
    differs: ['connect_webview_id', 'created_at', 'url'],
    save: saveAs('webview', 'connect_webview_id'),
    expect: 'ok',
  },
  { path: '/connect_webviews/get', params: { connect_webview_id: fromWasm('webview') }, expect: 'ok' },
  { path: '/webhooks/create', params: { url: 'https://example.com/differential', event_types: ['device.connected', 'lock.unlocked'] }, differs: ['webhook_id', 'secret', 'created_at'], save: saveAs('webhook', 'webhook_id'), expect: 'ok' },
  { path: '/webhooks/get', params: { webhook_id: fromWasm('webhook') }, expect: 'ok' },
  { path: '/webhooks/list', expect: 'ok' },
  { path: '/webhooks/delete', params: { webhook_id: own('webhook') }, expect: 'ok' },

  // Noise thresholds.
  {
    path: '/noise_sensors/noise_thresholds/create',
    params: { device_id: NOISE_SENSOR, name: 'Differential quiet hours', starts_daily_at: '22:00:00[America/Los_Angeles]', ends_daily_at: '06:00:00[America/Los_Angeles]', noise_threshold_decibels: 70 },
    differs: ['noise_threshold_id'],
    save: saveAs('noiseThreshold', 'noise_threshold_id'),
    expect: 'ok',
  },
  { path: '/noise_sensors/noise_thresholds/update', params: { device_id: NOISE_SENSOR, noise_threshold_id: own('noiseThreshold'), noise_threshold_decibels: 65 }, expect: 'ok' },
  { path: '/noise_sensors/noise_thresholds/delete', params: { device_id: NOISE_SENSOR, noise_threshold_id: own('noiseThreshold') }, expect: 'device_not_found' },

  // Managed and unmanaged devices, last: they take devices out of the lists above.
  { path: '/devices/update', params: { device_id: (ctx, sdk) => (sdk === 'wasm' ? NOISE_SENSOR : 'august_device_2'), is_managed: false }, expect: 'ok' },
  { path: '/devices/unmanaged/list', expect: 'ok' },
  { path: '/devices/unmanaged/get', params: { device_id: NOISE_SENSOR }, expect: 'ok' },
  { path: '/devices/unmanaged/update', params: { device_id: (ctx, sdk) => (sdk === 'wasm' ? NOISE_SENSOR : 'august_device_2'), is_managed: true }, expect: 'ok' },
  // Deleting the session's one connected account would empty every list; an unknown id
  // still goes through the route.
  { path: '/connected_accounts/delete', params: { connected_account_id: 'connected_account_missing' }, expect: 'connected_account_not_found' },
  { path: '/connected_accounts/update', params: { connected_account_id: CONNECTED_ACCOUNT, automatically_manage_new_devices: true }, expect: 'method_not_allowed' },

  // Routes the fake serves but not to a client session: both SDKs must be refused the same way.
  { path: '/client_sessions/create', params: { user_identifier_key: 'differential_user' }, expect: 'token_auth_not_accepted' },
  { path: '/client_sessions/get_or_create', params: { user_identifier_key: 'differential_user' }, expect: 'publishable_key_header_required' },
  { path: '/workspaces/create', params: { name: 'Differential', connect_partner_name: 'Differential', is_sandbox: true }, expect: 'unauthorized' },
  // Without parameters: a POST with nothing to send.
  { path: '/workspaces/reset_sandbox', expect: 'missing_workspace_id' },
]

// Routes the fake serves to a client session that are compared under a weaker rule, or not at
// all; each says why. The count is part of the summary line.
const EXCEPTIONS = {
  '/access_codes/create_multiple': {
    rule: 'same error',
    reason: 'the fake accepts only POST; both SDKs send PUT, as the spec says, and get 405 method_not_allowed',
  },
  '/access_codes/update': {
    rule: 'same error',
    reason: 'the fake accepts only POST; both SDKs send PATCH and get 405 method_not_allowed',
  },
  '/connected_accounts/update': {
    rule: 'same error',
    reason: 'the fake accepts only POST; both SDKs send PATCH and get 405 method_not_allowed',
  },
  '/user_identities/create': {
    rule: 'same status',
    reason:
      'the fake answers 500 with the text "Not implemented!"; seam-wasm throws SeamHttpInvalidResponseError, ' +
      '@seamapi/http rethrows the raw AxiosError for a body that is not Seam JSON, so only the status is compared',
  },
  '/devices/delete': {
    rule: 'not compared',
    reason: 'the fake serves it to a client session, but it is undocumented in the spec and neither SDK has a method for it',
  },
}

// The namespace path and method of a route, as both SDKs name them.
const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())
const keyOf = (path) => path.slice(1).split('/').map(camel).join('.')

const resolveParams = (params, ctx, sdk) => {
  if (params === undefined) return undefined
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'function' ? v(ctx, sdk) : v]))
}

const API_ERRORS = new Set(['SeamHttpApiError', 'SeamHttpUnauthorizedError', 'SeamHttpInvalidInputError'])

// What must match between the two SDKs' errors. For an API error: class, the API's error type,
// status and message. @seamapi/http sets `code` to `unauthorized` on every 401, so for a 401 its
// API type is read from the response it keeps as `cause`.
function errorIdentity(sdk, e) {
  if (API_ERRORS.has(e.name)) {
    const code = sdk === 'http' && e.name === 'SeamHttpUnauthorizedError' ? e.apiType : e.code
    return { name: e.name, code, statusCode: e.statusCode, message: e.message }
  }
  // Messages of client-side errors are each SDK's own wording.
  return { name: e.name }
}

// Drops the listed fields from a result (an object, or each object of an array).
function withoutFields(value, fields) {
  const strip = (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
    const out = { ...v }
    for (const f of fields) delete out[f]
    return out
  }
  return Array.isArray(value) ? value.map(strip) : strip(value)
}

const hasFields = (value, fields) =>
  (Array.isArray(value) ? value : [value]).every((v) => v !== null && typeof v === 'object' && fields.every((f) => f in v))

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v)

// An empty JSON object and no body tell the API the same: for a POST called without
// parameters seam-wasm sends `{}` (as JSON), @seamapi/http sends no body.
const isEmptyBody = (req) => req.body === null || (isPlainObject(req.body) && Object.keys(req.body).length === 0)

// A request with each per-SDK parameter replaced by a marker where it carries the value that
// SDK passed (anything else stays, and shows up as a difference), for comparing the two.
function maskRequest(req, ownKeys, params) {
  const passed = (k, v) => (Array.isArray(params[k]) ? params[k].map(String) : [String(params[k])]).includes(v)
  const query = [...new URLSearchParams(req.search)].map(([k, v]) => [k, ownKeys.includes(k) && passed(k, v) ? '<own>' : v])
  let body = req.body
  const headers = { ...req.headers }
  if (isEmptyBody(req)) {
    body = null
    delete headers['content-type']
  } else if (isPlainObject(body)) {
    body = { ...body }
    for (const k of ownKeys) if (k in body && isDeepStrictEqual(body[k], params[k])) body[k] = '<own>'
  }
  return { method: req.method, pathname: req.pathname, query, body, headers }
}

const outcomeOf = (r) => (r.ok ? 'ok' : r.error.apiType ?? (API_ERRORS.has(r.error.name) ? r.error.code : null) ?? r.error.name)

let env
before(async () => {
  await bundleSeamHttp()
  env = await startEnv()
})
after(async () => {
  await env?.close()
})

test('the table covers every route the fake serves to a client session', async () => {
  const fake = readFakeRoutes()
  const servedToSessions = fake.filter((r) => r.auth.includes('client_session')).map((r) => r.path)
  const inTable = ROUTES.map((r) => r.path)
  assert.deepEqual(inTable.filter((p, i) => inTable.indexOf(p) !== i), [], 'routes in the table twice')
  const notCompared = Object.keys(EXCEPTIONS).filter((p) => EXCEPTIONS[p].rule === 'not compared')
  assert.deepEqual(servedToSessions.filter((p) => !inTable.includes(p) && !notCompared.includes(p)), [], 'routes missing from the table')
  const served = new Set(fake.map((r) => r.path))
  assert.deepEqual(inTable.filter((p) => !served.has(p)), [], 'table routes the fake does not serve')
  for (const [path, e] of Object.entries(EXCEPTIONS)) {
    assert.ok(served.has(path), `exception ${path} is not a route of the fake`)
    assert.equal(inTable.includes(path), e.rule !== 'not compared', `${path}: in the table iff compared`)
  }
  // The fake's method lists behind the 405 exceptions.
  for (const path of ['/access_codes/create_multiple', '/access_codes/update', '/connected_accounts/update']) {
    assert.deepEqual(fake.find((r) => r.path === path).methods, ['POST'], path)
  }
})

test('seam-wasm and @seamapi/http send the same requests and get the same outcomes', async () => {
  await env.withPage(async (p) => {
    const loaded = await loadBoth(p, SEED_CST)
    assert.ok(loaded.wasm > 0 && loaded.http > 0)

    // The not-compared routes have no method in either SDK.
    for (const [path, e] of Object.entries(EXCEPTIONS)) {
      if (e.rule !== 'not compared') continue
      const present = await p.evaluate(({ path, key }) => {
        const { SeamClient } = window.__seamTest.m
        const { clients } = window.__diff
        const find = (client) => key.split('.').reduce((o, k) => o?.[k], client)
        return { describe: SeamClient.describeRoute(path), wasm: typeof find(clients.wasm), http: typeof find(clients.http) }
      }, { path, key: keyOf(path) })
      assert.deepEqual(present, { describe: null, wasm: 'undefined', http: 'undefined' }, path)
    }

    const servedToSessions = new Set(readFakeRoutes().filter((r) => r.auth.includes('client_session')).map((r) => r.path))
    const ctx = { wasm: {}, http: {} }
    const mismatches = []
    const unexpected = []
    const emptyBodies = []
    let equalResults = 0
    let equalErrors = 0
    let serverSideKeyRoutes = 0
    for (const row of ROUTES) {
      const key = keyOf(row.path)
      const exception = EXCEPTIONS[row.path]
      const description = await p.evaluate((path) => window.__seamTest.m.SeamClient.describeRoute(path), row.path)
      assert.ok(description, `describeRoute(${row.path}) is null`)
      if (!description.allowsClientSession && servedToSessions.has(row.path)) serverSideKeyRoutes += 1

      const params = {}
      const outcome = {}
      const sent = {}
      for (const sdk of SDKS) {
        params[sdk] = resolveParams(row.params, ctx, sdk)
        const before = p.requests.length
        outcome[sdk] = await callSdk(p, sdk, key, params[sdk])
        sent[sdk] = await describeRequests(p.requests.slice(before))
      }
      const problems = []
      const note = (what, details) => problems.push({ what, ...details })

      // The same request, apart from the parameters each SDK fills in with its own ids.
      const ownKeys = params.wasm
        ? Object.keys(params.wasm).filter((k) => !isDeepStrictEqual(params.wasm[k], params.http[k]))
        : []
      if (sent.wasm.length !== 1 || sent.http.length !== 1) {
        note('number of requests', { seamWasm: sent.wasm, seamapiHttp: sent.http })
      } else if (!isDeepStrictEqual(maskRequest(sent.wasm[0], ownKeys, params.wasm), maskRequest(sent.http[0], ownKeys, params.http))) {
        note('request', { seamWasm: sent.wasm[0], seamapiHttp: sent.http[0] })
      } else if (isEmptyBody(sent.wasm[0]) && !isDeepStrictEqual(sent.wasm[0].body, sent.http[0].body)) {
        emptyBodies.push(`${row.path} (seam-wasm ${JSON.stringify(sent.wasm[0].body)}, @seamapi/http ${JSON.stringify(sent.http[0].body)})`)
      }

      const [w, h] = [outcome.wasm, outcome.http]
      if (w.ok && h.ok) {
        const differs = row.differs ?? []
        if (w.isUndefined !== h.isUndefined) {
          note('result', { seamWasm: w.value, seamapiHttp: h.value })
        } else if (!w.isUndefined) {
          if (differs.length && !(hasFields(w.value, differs) && hasFields(h.value, differs))) {
            note(`fields ${differs.join(', ')} missing from a result`, { seamWasm: w.value, seamapiHttp: h.value })
          }
          if (!isDeepStrictEqual(withoutFields(w.value, differs), withoutFields(h.value, differs))) {
            note('result', { seamWasm: w.value, seamapiHttp: h.value })
          }
          // A created or changed object carries the values each SDK passed.
          if (description.method !== 'GET' && w.value !== null && typeof w.value === 'object' && !Array.isArray(w.value)) {
            for (const sdk of SDKS) {
              const value = outcome[sdk].value
              for (const [k, v] of Object.entries(params[sdk] ?? {})) {
                if (k in value && !isDeepStrictEqual(value[k], v)) note(`${sdk}: ${k} not as passed`, { passed: v, got: value[k] })
              }
            }
          }
        }
        if (!problems.length) equalResults += 1
      } else if (!w.ok && !h.ok) {
        const same = exception?.rule === 'same status'
          ? w.error.statusCode === h.error.statusCode
          : isDeepStrictEqual(errorIdentity('wasm', w.error), errorIdentity('http', h.error))
        if (!same) note('error', { seamWasm: w.error, seamapiHttp: h.error })
        else if (!problems.length) equalErrors += 1
      } else {
        note('one SDK failed', { seamWasm: w.ok ? w.value : w.error, seamapiHttp: h.ok ? h.value : h.error })
      }

      // Not an SDK difference, but the table row no longer tests what it says.
      for (const sdk of SDKS) {
        const got = typeof row.expect === 'string' ? outcomeOf(outcome[sdk]) : { statusCode: outcome[sdk].error?.statusCode }
        if (!isDeepStrictEqual(got, row.expect)) {
          unexpected.push(`${row.path} (${sdk}): expected ${JSON.stringify(row.expect)}, got ${JSON.stringify(got)}`)
        }
      }

      if (problems.length) mismatches.push({ path: row.path, key, params, problems })
      for (const sdk of SDKS) if (outcome[sdk].ok && row.save) row.save(ctx, sdk, outcome[sdk].value)
    }

    console.log(
      `differential: compared ${ROUTES.length} routes, ${equalResults} equal results, ${equalErrors} equal errors, ` +
        `${Object.keys(EXCEPTIONS).length} exceptions`,
    )
    for (const [path, e] of Object.entries(EXCEPTIONS)) console.log(`differential exception: ${path} (${e.rule}): ${e.reason}`)
    console.log(`differential: ${serverSideKeyRoutes} compared routes need a server-side key in the spec but take a client session in the fake`)
    if (emptyBodies.length) console.log(`differential: an empty body counted as none on ${emptyBodies.join('; ')}`)
    for (const m of mismatches) console.log(`differential mismatch: ${JSON.stringify(m)}`)
    assert.deepEqual(mismatches, [], 'seam-wasm and @seamapi/http differ')
    assert.deepEqual(unexpected, [], 'outcomes the table does not expect')
    assert.equal(equalResults + equalErrors, ROUTES.length)
  })
})
