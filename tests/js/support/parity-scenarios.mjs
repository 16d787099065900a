// The parity scenarios: each is run once through seam-wasm and once through @seamapi/http 2.32.0,
// in Node, in Chromium or both, and their outcomes are compared field by field.
//
// A row: { id, group, envs, run, args, env, uses }
//   envs  where it runs: 'node', 'browser' (a page), 'worker' (a module worker of a page)
//   run   one of the RUN functions below: it is sent as source text and evaluated next to the SDK
//         (parity-runtime.mjs), so it may use only its two arguments: `t`, the runtime, and `a`,
//         the row's args (JSON; '$endpoint' is the SDK's own recording endpoint, '$platform'
//         where it runs, so that users made in one place are not met in another)
//   env   (Node only) SEAM_* variables set while the row runs; null unsets one
//   uses  what the row hands the SDK (credential kinds, option kinds): the deliberate
//         differences are matched on it

export const API_KEY = 'seam_apikey1_token'
export const CST = 'seam_cst1_token'
export const PK = 'seam_pk1_token'
export const PAT = 'seam_at1_longtoken'
// A console session token is a JWT; the fake accepts none, so both SDKs get its 401.
export const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwYXJpdHkifQ.c2lnbmF0dXJl'
export const WORKSPACE = 'seed_workspace_1'

// One of each kind of token the factories are handed.
export const TOKENS = {
  'API key': API_KEY,
  'client session token': CST,
  'publishable key': PK,
  'personal access token': PAT,
  JWT,
  'non-Seam string': 'not_a_seam_token',
  'empty string': '',
}

// The runners. Each resolves with a JSON outcome; the two SDKs' outcomes must be equal.
export const RUN = {
  // new Class(...args), then the first request the client makes.
  construct: async (t, a) => t.client(() => new (t.cls(a.cls))(...t.fill(a.args)), a.first, a.firstArgs),

  // Class.factory(...args), then the first request.
  factory: async (t, a) => t.client(() => t.member(a.cls, a.factory)(...t.fill(a.args)), a.first, a.firstArgs),

  // A factory twice with the same arguments: what each call sends.
  factoryTwice: async (t, a) => ({
    first: await t.client(() => t.member(a.cls, a.factory)(...t.fill(a.args)), a.first),
    second: await t.client(() => t.member(a.cls, a.factory)(...t.fill(a.args)), a.first),
  }),

  // A client from a client session token with these options; the requests are inspected before
  // (and, when `send`, after) they go out.
  inspect: async (t, a) => {
    const made = t.sync(() => t.cls('SeamHttp').fromClientSessionToken(a.token, t.fill(a.options)))
    const out = { create: made.outcome }
    if (!made.ok) return out
    for (const [label, key, args] of a.requests) {
      const r = t.sync(() => t.route(made.value, key)(...args))
      out[label] = r.ok ? t.inspectRequest(r.value) : r.outcome
    }
    if (a.send) out.sent = await t.send(() => t.route(made.value, a.send[0])(...a.send[1]))
    return out
  },

  // SeamHttpEndpoints (or ...WithoutWorkspace): the endpoint function called with (params, options).
  endpoints: async (t, a) => {
    const made = t.sync(() => (a.factory ? t.member(a.cls, a.factory)(...t.fill(a.args)) : new (t.cls(a.cls))(...t.fill(a.args))))
    const out = { create: made.outcome }
    if (!made.ok) return out
    const endpoint = t.sync(() => made.value[a.path])
    out.member = endpoint.outcome
    if (typeof endpoint.value !== 'function') return out
    const made2 = t.sync(() => endpoint.value.apply(made.value, a.callArgs))
    out.request = made2.ok ? t.inspectRequest(made2.value) : made2.outcome
    if (made2.ok) out.sent = await t.send(() => made2.value)
    return out
  },

  // Paginators over the fake's devices (john's client session sees several), two per page.
  paginator: async (t, a) => {
    const seam = t.cls('SeamHttp').fromClientSessionToken(a.token, { endpoint: t.endpoint })
    const before = await t.count()
    const out = {}
    const request = a.route === 'devices.get' ? seam.devices.get({ device_id: 'august_device_1' }) : seam.devices.list({ limit: 2 })
    const made = t.sync(() => {
      if (a.how === 'new') return new (t.cls('SeamPaginator'))(request)
      if (a.how === 'notARequest') return seam.createPaginator({})
      return seam.createPaginator(request)
    })
    out.create = made.outcome
    if (!made.ok) return out
    const p = made.value
    out.isSeamPaginator = t.sync(() => p instanceof t.cls('SeamPaginator')).outcome
    for (const step of a.steps) {
      if (step === 'firstPage' || step === 'secondPage' || step === 'nextPageNull' || step === 'nextPageUndefined') {
        const call = t.sync(() => {
          if (step === 'firstPage') return p.firstPage()
          if (step === 'nextPageNull') return p.nextPage(null)
          if (step === 'nextPageUndefined') return p.nextPage()
          return p.nextPage(out.firstPage?.resolved?.[1]?.nextPageCursor)
        })
        out[step] = call.ok ? (await t.settle(call.value)).outcome : call.outcome
      } else if (step === 'flattenToArray') {
        const call = t.sync(() => p.flattenToArray())
        out.flattenToArray = call.ok ? (await t.settle(call.value)).outcome : call.outcome
      } else if (step === 'flatten') {
        const items = []
        const r = await t.settle((async () => {
          for await (const item of p.flatten()) items.push(item.device_id)
        })())
        out.flatten = { items, end: r.outcome }
      } else if (step === 'forAwait') {
        const pages = []
        const r = await t.settle((async () => {
          for await (const page of p) pages.push(page.map((d) => d.device_id))
        })())
        out.forAwait = { pages, end: r.outcome }
      }
    }
    out.wire = await t.wire(before)
    return out
  },

  // The exported value of this name in the package's main entry and its /connect entry.
  exportKind: async (t, a) => {
    const kind = (mod) => {
      if (!(a.name in mod)) return 'missing'
      const v = mod[a.name]
      if (typeof v !== 'function') return typeof v
      return /^class[\s{]/.test(Function.prototype.toString.call(v)) ? 'class' : 'function'
    }
    return { main: kind(t.m), connect: kind(t.connect) }
  },

  // Two exports that must be the very same value.
  sameExport: async (t, a) => ({ same: t.sync(() => t.cls(a.names[0]) === t.cls(a.names[1])).outcome }),

  // A function of the package over a corpus of arguments: what each call returns or throws.
  corpus: async (t, a) => {
    const fn = t.sync(() => t.cls(a.fn))
    if (!fn.ok) return fn.outcome
    const build = (spec) => {
      // Arguments JSON cannot carry: undefined, dates, search params.
      if (spec && typeof spec === 'object' && '$undefined' in spec) return undefined
      if (spec && typeof spec === 'object' && '$date' in spec) return new Date(spec.$date)
      if (spec && typeof spec === 'object' && '$search' in spec) return new URLSearchParams(spec.$search)
      if (spec && typeof spec === 'object' && '$nan' in spec) return NaN
      if (Array.isArray(spec)) return spec.map(build)
      if (spec && typeof spec === 'object') return Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, build(v)]))
      return spec
    }
    const out = {}
    for (const [label, args] of a.cases) {
      const built = args.map(build)
      const r = t.sync(() => fn.value(...built))
      // updateUrlSearchParams changes its first argument and returns nothing.
      if (a.showFirstArg && r.ok) out[label] = { ...r.outcome, firstArg: String(built[0]) }
      else out[label] = r.outcome
    }
    return out
  },

  // getOpenapiSchema against the recording endpoint (the fake has no /openapi.json).
  openapi: async (t) => t.send(() => t.cls('getOpenapiSchema')(t.endpoint)),

  // One request made and used in the ways @seamapi/http allows: `steps` in order.
  request: async (t, a) => {
    const seam = t.cls('SeamHttp').fromClientSessionToken(a.token, { endpoint: t.endpoint, ...(a.options ?? {}) })
    const before = await t.count()
    const made = t.sync(() => t.route(seam, a.route)(...a.args))
    const out = { create: made.outcome }
    if (!made.ok) return out
    const r = made.value
    for (const step of a.steps) {
      if (step === 'toStringTag') out.toStringTag = t.sync(() => Object.prototype.toString.call(r)).outcome
      else if (step === 'withPageCursor') {
        const w = t.sync(() => r.withPageCursor('cursor_1'))
        out.withPageCursor = w.ok ? { ...w.outcome, request: t.inspectRequest(w.value) } : w.outcome
      } else if (step === 'sentBeforeAwait') {
        await t.sleep(50)
        out.sentBeforeAwait = (await t.count()) - before
      } else if (step === 'then') {
        out.then = await new Promise((resolve) => {
          const got = t.sync(() => r.then((value) => resolve({ resolved: t.describe(value) }), (e) => resolve({ rejected: t.describeError(e) })))
          if (!got.ok) resolve(got.outcome)
        })
      } else {
        // await, execute, fetchResponse, catch, finally
        const call = t.sync(() => (step === 'await' ? r : step === 'catch' ? r.catch((e) => ({ caught: t.describeError(e) })) : step === 'finally' ? r.finally(() => {}) : r[step]()))
        out[step] = call.ok ? (await t.settle(call.value)).outcome : call.outcome
      }
    }
    out.wire = await t.wire(before)
    return out
  },

  // updateClientSessionToken on a client of this kind.
  updateToken: async (t, a) => {
    const made = t.sync(() => t.member('SeamHttp', a.factory)(...t.fill(a.args)))
    const out = { create: made.outcome }
    if (!made.ok) return out
    out.update = await t.send(() => made.value.updateClientSessionToken(a.token))
    if (a.then) out.after = await t.send(() => t.route(made.value, a.then)())
    return out
  },

  // A route-namespace class used on its own.
  namespace: async (t, a) => t.client(() => t.member(a.cls, 'fromClientSessionToken')(...t.fill(a.args)), a.first, a.firstArgs),
}

const both = ['node', 'browser']
const EP = { endpoint: '$endpoint' }
const rows = []
const add = (row) => rows.push({ envs: both, uses: [], ...row })

// Which option names carry which kind of credential.
const CREDENTIAL_OPTIONS = {
  apiKey: API_KEY,
  clientSessionToken: CST,
  personalAccessToken: PAT,
  consoleSessionToken: JWT,
}

// ---- The first client made where the SDKs run: what is said once, on first use, lands here ----
add({ id: 'the first client made here', group: 'construction', run: RUN.factory, uses: ['clientSessionToken'], args: { cls: 'SeamHttp', factory: 'fromClientSessionToken', args: [CST, EP], first: null } })

// ---- Construction: new SeamHttp(x), then devices.list() ----
add({ id: 'new SeamHttp(api key string)', group: 'construction', run: RUN.construct, uses: ['apiKey'], args: { cls: 'SeamHttp', args: [API_KEY], first: 'devices.list' }, env: { SEAM_ENDPOINT: '$endpoint' } })
for (const [label, options, uses] of [
  ['{ apiKey }', { apiKey: API_KEY }, ['apiKey']],
  ['{ clientSessionToken }', { clientSessionToken: CST }, ['clientSessionToken']],
  ['{ personalAccessToken, workspaceId }', { personalAccessToken: PAT, workspaceId: WORKSPACE }, ['personalAccessToken']],
  ['{ consoleSessionToken, workspaceId }', { consoleSessionToken: JWT, workspaceId: WORKSPACE }, ['consoleSessionToken']],
  ['{ personalAccessToken } without workspaceId', { personalAccessToken: PAT }, ['personalAccessToken']],
  ['{ consoleSessionToken } without workspaceId', { consoleSessionToken: JWT }, ['consoleSessionToken']],
  ['{} (endpoint only)', {}, []],
]) {
  add({ id: `new SeamHttp(${label})`, group: 'construction', run: RUN.construct, uses, args: { cls: 'SeamHttp', args: [{ ...options, ...EP }], first: 'devices.list' } })
}
// Every pair of credentials, with a workspace so that only the pair is wrong.
const credentialNames = Object.keys(CREDENTIAL_OPTIONS)
for (let i = 0; i < credentialNames.length; i++) {
  for (let j = i + 1; j < credentialNames.length; j++) {
    const [x, y] = [credentialNames[i], credentialNames[j]]
    add({
      id: `new SeamHttp({ ${x}, ${y}, workspaceId })`,
      group: 'construction',
      run: RUN.construct,
      uses: [x, y],
      args: { cls: 'SeamHttp', args: [{ [x]: CREDENTIAL_OPTIONS[x], [y]: CREDENTIAL_OPTIONS[y], workspaceId: WORKSPACE, ...EP }], first: 'devices.list' },
    })
  }
}
add({ id: 'new SeamHttp()', group: 'construction', run: RUN.construct, args: { cls: 'SeamHttp', args: [], first: 'devices.list' }, env: { SEAM_API_KEY: null } })
add({ id: 'new SeamHttp({})', group: 'construction', run: RUN.construct, args: { cls: 'SeamHttp', args: [{}], first: 'devices.list' }, env: { SEAM_API_KEY: null } })
// With SEAM_API_KEY (and SEAM_ENDPOINT, so that nothing goes to the default endpoint).
add({ id: 'new SeamHttp() with SEAM_API_KEY', group: 'construction', envs: ['node'], run: RUN.construct, uses: ['apiKey'], args: { cls: 'SeamHttp', args: [], first: 'devices.list' }, env: { SEAM_API_KEY: API_KEY, SEAM_ENDPOINT: '$endpoint' } })
add({ id: 'new SeamHttp({}) with SEAM_API_KEY', group: 'construction', envs: ['node'], run: RUN.construct, uses: ['apiKey'], args: { cls: 'SeamHttp', args: [{}], first: 'devices.list' }, env: { SEAM_API_KEY: API_KEY, SEAM_ENDPOINT: '$endpoint' } })

// Options that are not credentials.
for (const [label, extra, uses] of [
  ['an unknown option', { colour: 'blue' }, ['unknownOption']],
  ['axiosOptions', { axiosOptions: { headers: { 'x-parity': '1' } } }, ['axiosOption']],
  ['axiosRetryOptions', { axiosRetryOptions: { retries: 0 } }, ['axiosOption']],
  ['client', { client: {} }, ['axiosOption']],
  ['waitForActionAttempt: false', { waitForActionAttempt: false }, []],
  ['timeout: 1000', { timeout: 1000 }, []],
]) {
  add({ id: `SeamHttp.fromClientSessionToken(token, { endpoint, ${label} })`, group: 'options', run: RUN.factory, uses: ['clientSessionToken', ...uses], args: { cls: 'SeamHttp', factory: 'fromClientSessionToken', args: [CST, { ...EP, ...extra }], first: 'devices.list' } })
}
add({ id: 'new SeamHttp({ clientSessionToken, endpoint, an unknown option })', group: 'options', run: RUN.construct, uses: ['clientSessionToken', 'unknownOption'], args: { cls: 'SeamHttp', args: [{ clientSessionToken: CST, ...EP, colour: 'blue' }], first: 'devices.list' } })
add({ id: 'new SeamHttp({ client })', group: 'options', run: RUN.construct, uses: ['axiosOption'], args: { cls: 'SeamHttp', args: [{ client: {} }], first: 'devices.list' } })

// ---- Factories, each with every kind of token ----
const FACTORIES = {
  fromApiKey: { uses: 'apiKey', good: 'API key', args: (token) => [token, EP] },
  fromClientSessionToken: { uses: 'clientSessionToken', good: 'client session token', args: (token) => [token, EP] },
  fromPublishableKey: { uses: 'publishableKey', good: 'publishable key', args: (token, id) => [token, `parity_${id}_$platform`, EP] },
  fromPersonalAccessToken: { uses: 'personalAccessToken', good: 'personal access token', args: (token) => [token, WORKSPACE, EP] },
  fromConsoleSessionToken: { uses: 'consoleSessionToken', good: 'JWT', args: (token) => [token, WORKSPACE, EP] },
}
let userCounter = 0
for (const [factory, spec] of Object.entries(FACTORIES)) {
  for (const [kind, token] of Object.entries(TOKENS)) {
    add({
      id: `SeamHttp.${factory}(${kind})`,
      group: 'factories',
      run: RUN.factory,
      uses: [spec.uses],
      args: { cls: 'SeamHttp', factory, args: spec.args(token, ++userCounter), first: 'devices.list' },
    })
  }
}
// Characters that cannot go in a header: @seamapi/http builds the client and fails on the request.
for (const [factory, token] of [
  ['fromApiKey', 'seam_apikey1_\ntoken'],
  ['fromClientSessionToken', 'seam_cst1_\ntoken'],
  ['fromPublishableKey', 'seam_pk1_\ntoken'],
  ['fromPersonalAccessToken', 'seam_at1_\ntoken'],
]) {
  add({
    id: `SeamHttp.${factory}(a token with a newline)`,
    group: 'factories',
    run: RUN.factory,
    uses: [FACTORIES[factory].uses, 'headerInvalidToken'],
    args: { cls: 'SeamHttp', factory, args: FACTORIES[factory].args(token, ++userCounter), first: 'devices.list' },
  })
}
// fromPublishableKey twice for one user: a second get_or_create, or none.
add({ id: 'SeamHttp.fromPublishableKey twice for one user', group: 'factories', run: RUN.factoryTwice, uses: ['publishableKey', 'publishableKeyTwice'], args: { cls: 'SeamHttp', factory: 'fromPublishableKey', args: [PK, 'parity_twice_$platform', EP], first: 'devices.list' } })
add({ id: 'SeamHttp.fromPublishableKey with an email as the user identifier key', group: 'factories', run: RUN.factory, uses: ['publishableKey'], args: { cls: 'SeamHttp', factory: 'fromPublishableKey', args: [PK, 'parity_$platform@example.com', EP], first: 'devices.list' } })

// ---- Without a workspace ----
for (const cls of ['SeamHttpWithoutWorkspace', 'SeamHttpMultiWorkspace']) {
  for (const [label, options, uses] of [
    ['{ consoleSessionToken }', { consoleSessionToken: JWT }, ['consoleSessionToken']],
    ['{ personalAccessToken }', { personalAccessToken: PAT }, ['personalAccessToken']],
    ['{ apiKey }', { apiKey: API_KEY }, ['apiKey']],
    ['{ clientSessionToken }', { clientSessionToken: CST }, ['clientSessionToken']],
    ['{}', {}, []],
  ]) {
    add({ id: `new ${cls}(${label})`, group: 'without workspace', run: RUN.construct, uses, args: { cls, args: [{ ...options, ...EP }], first: 'workspaces.list' }, env: { SEAM_PERSONAL_ACCESS_TOKEN: null, SEAM_API_KEY: null } })
  }
}
for (const [factory, uses, goodToken] of [['fromConsoleSessionToken', 'consoleSessionToken', JWT], ['fromPersonalAccessToken', 'personalAccessToken', PAT]]) {
  for (const [kind, token] of Object.entries(TOKENS)) {
    if (token !== goodToken && !['API key', 'client session token', 'empty string'].includes(kind)) continue
    add({ id: `SeamHttpWithoutWorkspace.${factory}(${kind})`, group: 'without workspace', run: RUN.factory, uses: [uses], args: { cls: 'SeamHttpWithoutWorkspace', factory, args: [token, EP], first: 'workspaces.list' } })
  }
}
add({ id: 'SeamHttpWithoutWorkspace.fromPersonalAccessToken: workspaces.create', group: 'without workspace', run: RUN.factory, uses: ['personalAccessToken'], args: { cls: 'SeamHttpWithoutWorkspace', factory: 'fromPersonalAccessToken', args: [PAT, EP], first: 'workspaces.create', firstArgs: [{ name: 'Parity', company_name: 'Parity Inc.' }] } })
add({ id: 'SeamHttpWithoutWorkspace.fromPersonalAccessToken: workspaces.get is not there', group: 'without workspace', run: RUN.factory, uses: ['personalAccessToken'], args: { cls: 'SeamHttpWithoutWorkspace', factory: 'fromPersonalAccessToken', args: [PAT, EP], first: 'workspaces.get' } })
add({ id: 'SeamHttpMultiWorkspace is SeamHttpWithoutWorkspace', group: 'without workspace', run: RUN.sameExport, args: { names: ['SeamHttpMultiWorkspace', 'SeamHttpWithoutWorkspace'] } })

// ---- SeamHttpEndpoints ----
for (const [label, spec, uses] of [
  ['new SeamHttpEndpoints({ clientSessionToken })', { args: [{ clientSessionToken: CST, ...EP }] }, ['clientSessionToken']],
  ['SeamHttpEndpoints.fromClientSessionToken', { factory: 'fromClientSessionToken', args: [CST, EP] }, ['clientSessionToken']],
  ['SeamHttpEndpoints.fromApiKey', { factory: 'fromApiKey', args: [API_KEY, EP] }, ['apiKey']],
  ['SeamHttpEndpoints.fromPublishableKey', { factory: 'fromPublishableKey', args: [PK, 'parity_endpoints_$platform', EP] }, ['publishableKey']],
  ['SeamHttpEndpoints.fromPersonalAccessToken', { factory: 'fromPersonalAccessToken', args: [PAT, WORKSPACE, EP] }, ['personalAccessToken']],
  ['SeamHttpEndpoints.fromConsoleSessionToken', { factory: 'fromConsoleSessionToken', args: [JWT, WORKSPACE, EP] }, ['consoleSessionToken']],
  ['SeamHttpEndpoints.fromApiKey(client session token)', { factory: 'fromApiKey', args: [CST, EP] }, ['apiKey']],
]) {
  if (spec.factory === 'fromPublishableKey') {
    // Asynchronous: a promise of the endpoints client.
    add({ id: `${label}: /devices/list`, group: 'endpoints', run: RUN.factory, uses, args: { cls: 'SeamHttpEndpoints', factory: spec.factory, args: spec.args, first: null } })
    continue
  }
  add({ id: `${label}: /devices/list`, group: 'endpoints', run: RUN.endpoints, uses, args: { cls: 'SeamHttpEndpoints', ...spec, path: '/devices/list', callArgs: [{ limit: 1 }, { waitForActionAttempt: false }] } })
}
add({ id: "SeamHttpEndpoints: '/locks/unlock_door'(params, { waitForActionAttempt: false })", group: 'endpoints', run: RUN.endpoints, uses: ['clientSessionToken'], args: { cls: 'SeamHttpEndpoints', factory: 'fromClientSessionToken', args: [CST, EP], path: '/locks/unlock_door', callArgs: [{ device_id: 'august_device_1' }, { waitForActionAttempt: false }] } })
add({ id: 'SeamHttpEndpoints: an unknown path', group: 'endpoints', run: RUN.endpoints, uses: ['clientSessionToken'], args: { cls: 'SeamHttpEndpoints', factory: 'fromClientSessionToken', args: [CST, EP], path: '/devices/nope', callArgs: [] } })
for (const [label, spec, uses] of [
  ['new SeamHttpEndpointsWithoutWorkspace({ personalAccessToken })', { args: [{ personalAccessToken: PAT, ...EP }] }, ['personalAccessToken']],
  ['SeamHttpEndpointsWithoutWorkspace.fromPersonalAccessToken', { factory: 'fromPersonalAccessToken', args: [PAT, EP] }, ['personalAccessToken']],
  ['SeamHttpEndpointsWithoutWorkspace.fromConsoleSessionToken', { factory: 'fromConsoleSessionToken', args: [JWT, EP] }, ['consoleSessionToken']],
]) {
  add({ id: `${label}: /workspaces/list`, group: 'endpoints', run: RUN.endpoints, uses, args: { cls: 'SeamHttpEndpointsWithoutWorkspace', ...spec, path: '/workspaces/list', callArgs: [] } })
}

// ---- Route-namespace classes on their own ----
add({ id: 'SeamHttpDevices.fromClientSessionToken: list()', group: 'namespaces', run: RUN.namespace, uses: ['clientSessionToken'], args: { cls: 'SeamHttpDevices', args: [CST, EP], first: 'list' } })
add({ id: 'SeamHttpAcsUsers.fromClientSessionToken: list()', group: 'namespaces', run: RUN.namespace, uses: ['clientSessionToken'], args: { cls: 'SeamHttpAcsUsers', args: [CST, EP], first: 'list' } })

// ---- Endpoints: what a request shows before it is sent ----
const INSPECTED = [
  ['devices.list()', 'devices.list', []],
  ['devices.list(params)', 'devices.list', [{ limit: 2, device_ids: ['b', 'a'], manufacturer: undefined }]],
  ['locks.unlockDoor(params)', 'locks.unlockDoor', [{ device_id: 'august_device_1' }, { waitForActionAttempt: false }]],
  ['accessCodes.delete(params)', 'accessCodes.delete', [{ access_code_id: 'code_1' }]],
]
for (const [label, endpoint, send] of [
  ['absolute', '$endpoint', true],
  ['absolute with a trailing slash', '$endpoint/', true],
  ['absolute with a path', '$endpoint/~prefix', true],
  ['absolute with a path and a trailing slash', '$endpoint/~prefix/', true],
  ["relative '/api'", '/api', false],
  ["relative 'api'", 'api', false],
  ["empty ''", '', false],
  ["no scheme 'localhost:3000'", 'localhost:3000', false],
]) {
  add({
    id: `endpoint ${label}`,
    group: 'endpoint',
    run: RUN.inspect,
    uses: ['clientSessionToken'],
    args: { token: CST, options: { endpoint }, requests: INSPECTED, send: send ? ['devices.list', [{ limit: 1 }]] : null },
  })
}
add({ id: 'endpoint: the default', group: 'endpoint', run: RUN.inspect, uses: ['clientSessionToken'], args: { token: CST, options: {}, requests: INSPECTED, send: null }, env: { SEAM_ENDPOINT: null, SEAM_API_URL: null } })

// ---- Environment (Node only) ----
const envRow = (id, env, run, args, uses = []) => add({ id: `env: ${id}`, group: 'environment', envs: ['node'], env: { SEAM_API_KEY: null, SEAM_ENDPOINT: null, SEAM_API_URL: null, SEAM_PERSONAL_ACCESS_TOKEN: null, SEAM_WORKSPACE_ID: null, ...env }, run, args, uses })
const newSeam = (args, first = 'devices.list') => ({ cls: 'SeamHttp', args, first })
envRow('SEAM_API_KEY and SEAM_ENDPOINT, new SeamHttp()', { SEAM_API_KEY: API_KEY, SEAM_ENDPOINT: '$endpoint/~env' }, RUN.construct, newSeam([]), ['apiKey'])
envRow('SEAM_API_KEY, an endpoint option over SEAM_ENDPOINT', { SEAM_API_KEY: API_KEY, SEAM_ENDPOINT: '$endpoint/~env' }, RUN.construct, newSeam([{ endpoint: '$endpoint/~option' }]), ['apiKey'])
envRow('SEAM_API_KEY, an apiKey option over it', { SEAM_API_KEY: 'seam_apikey_from_env', SEAM_ENDPOINT: '$endpoint/~env' }, RUN.construct, newSeam([{ apiKey: API_KEY }]), ['apiKey'])
envRow('SEAM_API_KEY, an api key string over it', { SEAM_API_KEY: 'seam_apikey_from_env', SEAM_ENDPOINT: '$endpoint/~env' }, RUN.construct, newSeam([API_KEY]), ['apiKey'])
envRow('SEAM_API_KEY, a clientSessionToken option', { SEAM_API_KEY: API_KEY, SEAM_ENDPOINT: '$endpoint/~env' }, RUN.construct, newSeam([{ clientSessionToken: CST }]), ['clientSessionToken'])
envRow('SEAM_API_KEY, fromClientSessionToken', { SEAM_API_KEY: API_KEY }, RUN.factory, { cls: 'SeamHttp', factory: 'fromClientSessionToken', args: [CST, EP], first: 'devices.list' }, ['clientSessionToken'])
envRow('SEAM_API_KEY, fromPersonalAccessToken', { SEAM_API_KEY: API_KEY }, RUN.factory, { cls: 'SeamHttp', factory: 'fromPersonalAccessToken', args: [PAT, WORKSPACE, EP], first: 'devices.list' }, ['personalAccessToken'])
envRow('SEAM_API_KEY that is not an API key', { SEAM_API_KEY: CST, SEAM_ENDPOINT: '$endpoint/~env' }, RUN.construct, newSeam([]), ['apiKey'])
envRow('SEAM_API_KEY empty', { SEAM_API_KEY: '', SEAM_ENDPOINT: '$endpoint/~env' }, RUN.construct, newSeam([]), ['apiKey'])
envRow('SEAM_API_KEY and SEAM_PERSONAL_ACCESS_TOKEN', { SEAM_API_KEY: API_KEY, SEAM_PERSONAL_ACCESS_TOKEN: PAT, SEAM_ENDPOINT: '$endpoint/~env' }, RUN.construct, newSeam([]), ['apiKey', 'personalAccessToken'])
envRow('SEAM_API_KEY and SEAM_PERSONAL_ACCESS_TOKEN, an apiKey option', { SEAM_API_KEY: API_KEY, SEAM_PERSONAL_ACCESS_TOKEN: PAT, SEAM_ENDPOINT: '$endpoint/~env' }, RUN.construct, newSeam([{ apiKey: API_KEY }]), ['apiKey'])
envRow('SEAM_PERSONAL_ACCESS_TOKEN and SEAM_WORKSPACE_ID, new SeamHttp()', { SEAM_PERSONAL_ACCESS_TOKEN: PAT, SEAM_WORKSPACE_ID: WORKSPACE, SEAM_ENDPOINT: '$endpoint/~env' }, RUN.construct, newSeam([]), ['personalAccessToken'])
envRow('SEAM_PERSONAL_ACCESS_TOKEN without SEAM_WORKSPACE_ID', { SEAM_PERSONAL_ACCESS_TOKEN: PAT, SEAM_ENDPOINT: '$endpoint/~env' }, RUN.construct, newSeam([]), ['personalAccessToken'])
envRow('SEAM_WORKSPACE_ID, a personalAccessToken option', { SEAM_WORKSPACE_ID: WORKSPACE }, RUN.construct, newSeam([{ personalAccessToken: PAT, ...EP }]), ['personalAccessToken'])
envRow('SEAM_WORKSPACE_ID, a workspaceId option over it', { SEAM_WORKSPACE_ID: 'workspace_from_env' }, RUN.construct, newSeam([{ personalAccessToken: PAT, workspaceId: WORKSPACE, ...EP }]), ['personalAccessToken'])
envRow('SEAM_WORKSPACE_ID with an apiKey option', { SEAM_WORKSPACE_ID: WORKSPACE }, RUN.construct, newSeam([{ apiKey: API_KEY, ...EP }]), ['apiKey'])
envRow('SEAM_WORKSPACE_ID with a consoleSessionToken option', { SEAM_WORKSPACE_ID: WORKSPACE }, RUN.construct, newSeam([{ consoleSessionToken: JWT, ...EP }]), ['consoleSessionToken'])
envRow('SEAM_PERSONAL_ACCESS_TOKEN, new SeamHttpWithoutWorkspace()', { SEAM_PERSONAL_ACCESS_TOKEN: PAT, SEAM_ENDPOINT: '$endpoint/~env' }, RUN.construct, { cls: 'SeamHttpWithoutWorkspace', args: [], first: 'workspaces.list' }, ['personalAccessToken'])
envRow('SEAM_API_URL only', { SEAM_API_KEY: API_KEY, SEAM_API_URL: '$endpoint/~apiurl' }, RUN.construct, newSeam([]), ['apiKey'])
envRow('SEAM_API_URL and SEAM_ENDPOINT', { SEAM_API_KEY: API_KEY, SEAM_API_URL: '$endpoint/~apiurl', SEAM_ENDPOINT: '$endpoint/~env' }, RUN.construct, newSeam([]), ['apiKey'])
envRow('SEAM_API_URL, an endpoint option', { SEAM_API_KEY: API_KEY, SEAM_API_URL: '$endpoint/~apiurl' }, RUN.construct, newSeam([{ endpoint: '$endpoint/~option' }]), ['apiKey'])
envRow('SEAM_ENDPOINT, fromClientSessionToken without an endpoint', { SEAM_ENDPOINT: '$endpoint/~env' }, RUN.factory, { cls: 'SeamHttp', factory: 'fromClientSessionToken', args: [CST], first: 'devices.list' }, ['clientSessionToken'])
envRow('SEAM_ENDPOINT, fromPublishableKey without an endpoint', { SEAM_ENDPOINT: '$endpoint/~env' }, RUN.factory, { cls: 'SeamHttp', factory: 'fromPublishableKey', args: [PK, 'parity_env_user_$platform'], first: 'devices.list' }, ['publishableKey'])
envRow('SEAM_ENDPOINT empty', { SEAM_API_KEY: API_KEY, SEAM_ENDPOINT: '' }, RUN.construct, newSeam([]), ['apiKey'])
envRow('nothing set, new SeamHttp()', {}, RUN.construct, newSeam([]))
envRow('nothing set, new SeamHttp({ endpoint })', {}, RUN.construct, newSeam([EP]))
envRow('SEAM_API_KEY, SeamHttpEndpoints', { SEAM_API_KEY: API_KEY, SEAM_ENDPOINT: '$endpoint/~env' }, RUN.endpoints, { cls: 'SeamHttpEndpoints', args: [], path: '/devices/list', callArgs: [] }, ['apiKey'])

// ---- Paginators ----
for (const [label, how, steps, route] of [
  ['createPaginator: firstPage, nextPage(cursor)', 'create', ['firstPage', 'secondPage'], 'devices.list'],
  ['createPaginator: nextPage(null)', 'create', ['nextPageNull'], 'devices.list'],
  ['createPaginator: nextPage()', 'create', ['nextPageUndefined'], 'devices.list'],
  ['createPaginator: flattenToArray', 'create', ['flattenToArray'], 'devices.list'],
  ['createPaginator: flatten', 'create', ['flatten'], 'devices.list'],
  ['createPaginator: for await', 'create', ['forAwait'], 'devices.list'],
  ['createPaginator on a route without pages', 'create', ['firstPage'], 'devices.get'],
  ['createPaginator({})', 'notARequest', ['firstPage'], 'devices.list'],
  ['new SeamPaginator(request): firstPage', 'new', ['firstPage'], 'devices.list'],
  ['new SeamPaginator on a route without pages', 'new', ['firstPage'], 'devices.get'],
]) {
  add({ id: `paginator: ${label}`, group: 'paginators', run: RUN.paginator, uses: ['clientSessionToken'], args: { token: CST, how, steps, route } })
}

// ---- Requests: lazy, sent once, and what they resolve or reject with ----
const DEVICE = 'august_device_1'
for (const [label, route, args, steps] of [
  ['not sent before it is awaited, sent once when awaited twice', 'devices.get', [{ device_id: DEVICE }], ['sentBeforeAwait', 'await', 'await']],
  ['execute() then await', 'devices.get', [{ device_id: DEVICE }], ['execute', 'await']],
  ['fetchResponse() gives the whole body', 'devices.get', [{ device_id: DEVICE }], ['fetchResponse', 'execute']],
  ['then(onfulfilled, onrejected)', 'devices.get', [{ device_id: DEVICE }], ['then']],
  ['catch and finally', 'devices.get', [{ device_id: 'no_such_device' }], ['catch', 'finally']],
  ['Symbol.toStringTag', 'devices.list', [], ['toStringTag']],
  ['withPageCursor on a GET', 'devices.list', [{ limit: 1 }], ['withPageCursor']],
  ['withPageCursor on a POST', 'locks.unlockDoor', [{ device_id: DEVICE }], ['withPageCursor']],
  ['an API error (not found)', 'devices.get', [{ device_id: 'no_such_device' }], ['await']],
  ['a response without its key', 'thermostats.list', [], ['await']],
  ['a route that answers only ok', 'devices.update', [{ device_id: DEVICE, name: 'Front door' }], ['await', 'fetchResponse']],
  ['an action attempt, not waited for', 'locks.unlockDoor', [{ device_id: DEVICE }, { waitForActionAttempt: false }], ['await']],
]) {
  add({ id: `request: ${label}`, group: 'requests', run: RUN.request, uses: ['clientSessionToken'], args: { token: CST, route, args, steps } })
}
add({ id: 'request: a 401 (an unknown client session token)', group: 'requests', run: RUN.request, uses: ['clientSessionToken'], args: { token: 'seam_cst1_doesnotexist', route: 'devices.list', args: [], steps: ['await'] } })
add({ id: 'updateClientSessionToken on a client session client', group: 'requests', run: RUN.updateToken, uses: ['clientSessionToken'], args: { factory: 'fromClientSessionToken', args: [CST, EP], token: CST, then: 'devices.list' } })
add({ id: 'updateClientSessionToken with a token of another kind', group: 'requests', run: RUN.updateToken, uses: ['clientSessionToken'], args: { factory: 'fromClientSessionToken', args: [CST, EP], token: PK } })
add({ id: 'updateClientSessionToken on an API key client', group: 'requests', run: RUN.updateToken, uses: ['apiKey'], args: { factory: 'fromApiKey', args: [API_KEY, EP], token: CST } })

// ---- Utilities over a corpus ----
const TOKEN_CORPUS = [
  ...Object.entries(TOKENS).map(([label, token]) => [label, [token]]),
  ['seam_', ['seam_']], ['seam', ['seam']], ['seam_cst', ['seam_cst']], ['seam_pk', ['seam_pk']], ['seam_at', ['seam_at']],
  ['ey', ['ey']], ['SEAM_APIKEY', ['SEAM_APIKEY1_TOKEN']], ['leading space', [' seam_apikey1_token']],
  ['seam_atx', ['seam_atx_token']], ['seam_cstx', ['seam_cstx']], ['seam_pkx', ['seam_pkx']],
  ['undefined', [{ $undefined: true }]], ['null', [null]], ['number', [42]], ['object', [{}]],
]
for (const fn of ['isApiKey', 'isClientSessionToken', 'isConsoleSessionToken', 'isPersonalAccessToken', 'isPublishableKey']) {
  add({ id: `${fn} over tokens`, group: 'utilities', run: RUN.corpus, args: { fn, cases: TOKEN_CORPUS } })
}
const OPTIONS_CORPUS = [
  ['{}', [{}]],
  ['{ apiKey }', [{ apiKey: API_KEY }]],
  ['{ apiKey: null }', [{ apiKey: null }]],
  ['{ apiKey: undefined }', [{ apiKey: { $undefined: true } }]],
  ['{ clientSessionToken }', [{ clientSessionToken: CST }]],
  ['{ consoleSessionToken }', [{ consoleSessionToken: JWT }]],
  ['{ consoleSessionToken, workspaceId }', [{ consoleSessionToken: JWT, workspaceId: WORKSPACE }]],
  ['{ consoleSessionToken, workspaceId: null }', [{ consoleSessionToken: JWT, workspaceId: null }]],
  ['{ personalAccessToken }', [{ personalAccessToken: PAT }]],
  ['{ personalAccessToken, workspaceId }', [{ personalAccessToken: PAT, workspaceId: WORKSPACE }]],
  ['{ client }', [{ client: {} }]],
  ['{ client: null }', [{ client: null }]],
  ['{ client, waitForActionAttempt }', [{ client: {}, waitForActionAttempt: false }]],
  ['{ client, endpoint }', [{ client: {}, endpoint: 'http://127.0.0.1:1' }]],
  ['{ workspaceId }', [{ workspaceId: WORKSPACE }]],
]
for (let i = 0; i < credentialNames.length; i++) {
  for (let j = 0; j < credentialNames.length; j++) {
    if (i === j) continue
    const [x, y] = [credentialNames[i], credentialNames[j]]
    OPTIONS_CORPUS.push([`{ ${x}, ${y}, workspaceId }`, [{ [x]: CREDENTIAL_OPTIONS[x], [y]: CREDENTIAL_OPTIONS[y], workspaceId: WORKSPACE }]])
  }
}
for (const fn of [
  'isSeamHttpOptionsWithApiKey',
  'isSeamHttpOptionsWithClientSessionToken',
  'isSeamHttpOptionsWithConsoleSessionToken',
  'isSeamHttpOptionsWithPersonalAccessToken',
  'isSeamHttpOptionsWithClient',
  'isSeamHttpWithoutWorkspaceOptionsWithClient',
  'isSeamHttpWithoutWorkspaceOptionsWithConsoleSessionToken',
  'isSeamHttpWithoutWorkspaceOptionsWithPersonalAccessToken',
]) {
  add({ id: `${fn} over options`, group: 'utilities', run: RUN.corpus, args: { fn, cases: OPTIONS_CORPUS } })
}
const PARAMS_CORPUS = [
  ['{}', {}],
  ['one key', { a: 'x' }],
  ['unsorted keys', { b: 'y', a: 'x', c: 'z' }],
  ['numbers', { n: 1, f: 1.5, z: 0, neg: -2 }],
  ['booleans', { t: true, f: false }],
  ['null', { n: null }],
  ['undefined', { u: { $undefined: true } }],
  ['empty string', { s: '' }],
  ['array', { ids: ['b', 'a'] }],
  ['empty array', { ids: [] }],
  ['array with empty string', { ids: ['a', ''] }],
  ['date', { since: { $date: '2024-01-02T03:04:05.006Z' } }],
  ['nested object', { o: { x: 1, y: 'z' } }],
  ['array of objects', { list: [{ a: 1 }] }],
  ['nested array', { list: [['a']] }],
  ['special characters', { q: 'a b&c=d/é?' }],
  ['NaN', { n: { $nan: true } }],
  ['array with null', { ids: ['a', null] }],
]
add({ id: 'serializeUrlSearchParams over params', group: 'utilities', run: RUN.corpus, args: { fn: 'serializeUrlSearchParams', cases: PARAMS_CORPUS.map(([label, p]) => [label, [p]]) } })
add({
  id: 'updateUrlSearchParams over params',
  group: 'utilities',
  run: RUN.corpus,
  args: {
    fn: 'updateUrlSearchParams',
    showFirstArg: true,
    cases: [
      ...PARAMS_CORPUS.map(([label, p]) => [label, [{ $search: '' }, p]]),
      ...PARAMS_CORPUS.map(([label, p]) => [`${label} into z=1&a=0`, [{ $search: 'z=1&a=0' }, p]]),
    ],
  },
})
add({
  id: 'readResponseData over responses',
  group: 'utilities',
  run: RUN.corpus,
  args: {
    fn: 'readResponseData',
    cases: [
      ['has the key', [{ devices: [1] }, 'devices', '/devices/list']],
      ['key is null', [{ device: null }, 'device', '/devices/get']],
      ['key is undefined', [{ device: { $undefined: true } }, 'device', '/devices/get']],
      ['lacks the key', [{ ok: true }, 'devices', '/devices/list']],
      ['null', [null, 'devices', '/devices/list']],
      ['undefined', [{ $undefined: true }, 'devices', '/devices/list']],
      ['a string', ['devices', 'devices', '/devices/list']],
      ['a number', [42, 'devices', '/devices/list']],
      ['an array', [[], 'length', '/devices/list']],
    ],
  },
})
add({ id: 'getOpenapiSchema(endpoint)', group: 'utilities', run: RUN.openapi, args: {} })

// In a page's worker: the scenarios about credentials and options, where a worker may differ
// from its page.
for (const row of rows) {
  if (row.envs.includes('browser') && ['construction', 'options', 'factories', 'without workspace', 'endpoints'].includes(row.group)) {
    row.envs = [...row.envs, 'worker']
  }
}

// Kept in table order; ids are unique.
export const SCENARIOS = rows

// The export rows are made from @seamapi/http's own list, which the test reads first.
export function exportScenarios(httpExportNames, axiosOnly) {
  return httpExportNames
    .filter((name) => !axiosOnly.includes(name))
    .map((name) => ({ id: `export ${name}`, group: 'exports', envs: both, uses: [], run: RUN.exportKind, args: { name } }))
}
