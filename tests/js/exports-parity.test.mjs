// The package's exports beside the client, against @seamapi/http 2.32.0's in one page (a browser
// bundle of it): SeamPaginator on paged and unpaged routes of Seam's fake, nextPage(null) and
// instanceof; pages the fake cannot give, from a recording server on 127.0.0.1; the query-string
// serializers over a fixed corpus and a random one, and on the wire; readResponseData; and
// getOpenapiSchema, from a recording server (the fake does not serve /openapi.json).
// The random corpus is seeded: SEAM_FUZZ_SEED=<seed> SEAM_FUZZ_CASES=<n> replays it.

import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { ENGINE, startEnv, SEED_CST } from './support/harness.mjs'
import { bundleSeamHttp } from './support/bundle-http.mjs'
import { SDKS, loadBoth } from './support/differential.mjs'
import { answerPreflight, sendJson, startRecordingServer } from './support/hostile.mjs'
import { FIXED, READS, randomParams, readOutcome, serializerOutcomes } from './support/exports-corpus.mjs'

const SEED = Number(process.env.SEAM_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32))
// Firefox and WebKit compare 5,000 random parameter sets.
const CASES = Number(process.env.SEAM_FUZZ_CASES ?? (ENGINE === 'chromium' ? 20_000 : 5_000))
const LIST = '/devices/list'
// What a URLSearchParams holds before updateUrlSearchParams writes into it.
const INITIAL = 'z=1&a=0&_strict=false'

let env
before(async () => {
  await bundleSeamHttp()
  env = await startEnv()
})
after(async () => {
  await env?.close()
})

// Runs `fn(lib, client, arg, t)` in the page with each SDK in turn; resolves `{ wasm, http }`, each
// `{ value, sent }`: what it returned (or threw), and the requests it sent to the fake.
async function each(p, fn, arg) {
  const out = {}
  for (const sdk of SDKS) {
    const mark = p.requests.length
    const value = await p.evaluate(async ({ sdk, src, arg }) => {
      const t = window.__seamTest
      const lib = sdk === 'wasm' ? t.m : window.__diff.http
      try {
        return await (0, eval)(`(${src})`)(lib, window.__diff.clients[sdk], arg, t)
      } catch (e) {
        return { threw: t.describe(e) }
      }
    }, { sdk, src: fn.toString(), arg })
    out[sdk] = { value, sent: p.requests.slice(mark).map((r) => `${r.method} ${r.pathname}${r.search}`) }
  }
  return out
}

// A page with both SDKs, clients of the seeded client session token.
const withBoth = (fn) => env.withPage(async (p) => {
  await loadBoth(p, SEED_CST)
  return fn(p)
})

test('a paginator of a paged route: instanceof SeamPaginator, and the same pages and requests as @seamapi/http', async () => {
  await withBoth(async (p) => {
    const out = await each(p, async (lib, client) => {
      const ids = (items) => items.map((d) => d.device_id)
      const made = client.createPaginator(client.devices.list({ limit: 1 }))
      const built = new lib.SeamPaginator(client.devices.list({ limit: 1 }))
      const pages = []
      for await (const page of made) pages.push(ids(page))
      const all = ids(await built.flattenToArray())
      const items = []
      for await (const device of client.createPaginator(client.devices.list({ limit: 3 })).flatten()) items.push(device.device_id)
      const [first, pagination] = await built.firstPage()
      const [second, next] = await built.nextPage(pagination.nextPageCursor)
      return {
        instanceOf: [made instanceof lib.SeamPaginator, built instanceof lib.SeamPaginator],
        pages,
        all,
        items,
        first: ids(first),
        second: ids(second),
        pagination: Object.keys(pagination).map((key) => [key, typeof pagination[key]]),
        hasNextPage: [pagination.hasNextPage, next.hasNextPage],
      }
    })
    assert.deepEqual(out.wasm.value, out.http.value)
    assert.deepEqual(out.wasm.value.instanceOf, [true, true])
    assert.equal(out.wasm.value.pages.length, 4, JSON.stringify(out.wasm.value.pages))
    assert.deepEqual(out.wasm.value.pagination, [['hasNextPage', 'boolean'], ['nextPageCursor', 'string'], ['nextPageUrl', 'string']])
    // The fake's cursors name where a page starts, so both SDKs send the same ones.
    assert.equal(out.wasm.sent.length, 4 + 4 + 2 + 2)
    assert.deepEqual(out.wasm.sent, out.http.sent)
    assert.ok(out.wasm.sent[1].includes('page_cursor='), out.wasm.sent[1])
  })
})

test("a paginator of a route without pagination: @seamapi/http's Error, thrown at once, nothing sent", async () => {
  await withBoth(async (p) => {
    const out = await each(p, (lib, client, _, t) => {
      const attempts = {
        createPaginator: () => client.createPaginator(client.devices.get({ device_id: 'august_device_1' })),
        newSeamPaginator: () => new lib.SeamPaginator(client.locks.unlockDoor({ device_id: 'august_device_1' })),
      }
      const out = {}
      for (const [name, attempt] of Object.entries(attempts)) {
        try {
          attempt()
          out[name] = 'did not throw'
        } catch (e) {
          out[name] = { exactlyError: Object.getPrototypeOf(e) === Error.prototype, message: e.message }
        }
      }
      return out
    })
    assert.deepEqual(out.wasm.value, out.http.value)
    assert.deepEqual(out.wasm.value.createPaginator, { exactlyError: true, message: 'The /devices/get endpoint does not support pagination' })
    assert.deepEqual(out.wasm.value.newSeamPaginator, { exactlyError: true, message: 'The /locks/unlock_door endpoint does not support pagination' })
    assert.deepEqual([out.wasm.sent, out.http.sent], [[], []])
  })
})

test("nextPage(null) and nextPage(undefined) reject with @seamapi/http's Error and send nothing", async () => {
  await withBoth(async (p) => {
    const out = await each(p, async (lib, client) => {
      const paginator = client.createPaginator(client.devices.list())
      const out = []
      for (const cursor of [null, undefined]) {
        let pending
        try {
          pending = paginator.nextPage(cursor)
        } catch (e) {
          out.push({ threw: e.message })
          continue
        }
        out.push(await pending.then(() => 'resolved', (e) => ({ rejected: e.message, exactlyError: Object.getPrototypeOf(e) === Error.prototype })))
      }
      return out
    })
    assert.deepEqual(out.wasm.value, out.http.value)
    const rejection = { rejected: 'Cannot get the next page with a null nextPageCursor', exactlyError: true }
    assert.deepEqual(out.wasm.value, [rejection, rejection])
    assert.deepEqual([out.wasm.sent, out.http.sent], [[], []])
  })
})

test('createPaginator of something that is not a request is a TypeError (beyond @seamapi/http, which fails later)', async () => {
  await withBoth(async (p) => {
    const out = await p.evaluate(() => {
      const { SeamPaginator } = window.__seamTest.m
      const client = window.__diff.clients.wasm
      return [undefined, null, {}, { hasPagination: true, pathname: '/devices/list' }, [], { then() {} }].map((request) => {
        for (const make of [() => client.createPaginator(request), () => new SeamPaginator(request)]) {
          try {
            make()
            return 'did not throw'
          } catch (e) {
            if (!(e instanceof TypeError)) return `${e.name}: ${e.message}`
          }
        }
        return 'TypeError'
      })
    })
    assert.deepEqual(out, Array(6).fill('TypeError'))
  })
})

// Bodies the fake never answers, by the `manufacturer` the test asks for.
const PAGES = {
  'no devices': { ok: true, pagination: { has_next_page: false } },
  'devices an object': { devices: {}, pagination: {} },
  'devices null': { devices: null, pagination: {} },
  'devices a string': { devices: 'x', pagination: {} },
  'no pagination': { devices: [] },
  'pagination null': { devices: [], pagination: null },
  'pagination a number': { devices: [], pagination: 5 },
  'pagination an array': { devices: [], pagination: [] },
  'pagination empty': { devices: [{ device_id: 'a' }], pagination: {} },
  'pagination of other types': { devices: [], pagination: { has_next_page: 'yes', next_page_cursor: 0, next_page_url: false } },
  'a next page without a cursor': { devices: [], pagination: { has_next_page: true, next_page_cursor: null } },
}

test('pages the fake never gives (recording server on 127.0.0.1): the same pages and errors as @seamapi/http, and the same stop on a cursor loop', async () => {
  const NEXT_IN_CYCLE = { '': 'A', A: 'B', B: 'A' }
  const server = await startRecordingServer((req, res, record) => {
    if (answerPreflight(req, res)) return
    const { manufacturer, page_cursor: cursor = '' } = record.searchParams
    const body = manufacturer === 'cycle'
      ? { devices: [{ device_id: `after ${cursor}` }], pagination: { has_next_page: true, next_page_cursor: NEXT_IN_CYCLE[cursor], next_page_url: null } }
      : PAGES[manufacturer]
    sendJson(req, res, 200, body ?? { error: { type: 'unknown_case', message: manufacturer } })
  })
  try {
    await withBoth(async (p) => {
      const out = await each(p, async (lib, _, { endpoint, cases }) => {
        const client = lib.SeamHttp
          ? lib.SeamHttp.fromClientSessionToken('seam_cst1_token', { endpoint })
          : lib.SeamClient.fromClientSessionToken('seam_cst1_token', { endpoint, storage: 'memory' })
        const outcome = (promise) => promise.then(
          (value) => ({ value: JSON.stringify(value) }),
          (e) => ({
            invalidResponse: e instanceof lib.SeamHttpInvalidResponseError,
            name: e.name,
            message: e.message,
            path: e.path,
            responseKey: e.responseKey,
          }),
        )
        const out = {}
        for (const manufacturer of cases) out[manufacturer] = await outcome(client.createPaginator(client.devices.list({ manufacturer })).firstPage())
        const pages = async (manufacturer) => {
          const seen = []
          for await (const items of client.createPaginator(client.devices.list({ manufacturer }))) {
            seen.push(items.map((d) => d.device_id))
            if (seen.length > 20) break
          }
          return seen
        }
        out.cycle = await pages('cycle')
        out.noCursor = await pages('a next page without a cursor')
        return out
      }, { endpoint: server.url, cases: Object.keys(PAGES) })
      assert.deepEqual(out.wasm.value, out.http.value)
      const v = out.wasm.value
      assert.deepEqual(v['no devices'], {
        invalidResponse: true,
        name: 'SeamHttpInvalidResponseError',
        message: `Seam returned an invalid response for ${LIST}: expected "devices", which the response does not contain`,
        path: LIST,
        responseKey: 'devices',
      })
      assert.equal(v['devices an object'].message, `Seam returned an invalid response for ${LIST}: expected "devices", got object instead of a list`)
      assert.equal(v['pagination null'].message, `Seam returned an invalid response for ${LIST}: expected "pagination", got null instead of a pagination object`)
      assert.deepEqual(JSON.parse(v['pagination empty'].value), [[{ device_id: 'a' }], { hasNextPage: false, nextPageCursor: null, nextPageUrl: null }])
      assert.deepEqual(v.cycle, [['after '], ['after A'], ['after B']])
      assert.deepEqual(v.noCursor, [[]])
    })
  } finally {
    await server.close()
  }
})

test(`the query-string serializers: the same string, the same URLSearchParams and the same errors as @seamapi/http for ${FIXED.length} fixed and ${CASES} random parameters (SEAM_FUZZ_SEED=${SEED})`, async () => {
  await withBoth(async (p) => {
    const out = await p.evaluate(({ fixed, random, outcomes, seed, cases, initial }) => {
      const libs = { wasm: window.__seamTest.m, http: window.__diff.http }
      const run = (0, eval)(`(${outcomes})`)
      const mismatches = []
      const kinds = {}
      const compare = (label, make) => {
        const [wasm, http] = [run(libs.wasm, make, initial), run(libs.http, make, initial)]
        const kind = http.serialized.error?.kind ?? 'value'
        kinds[kind] = (kinds[kind] ?? 0) + 1
        if (JSON.stringify(wasm) !== JSON.stringify(http) && mismatches.length < 10) mismatches.push({ label, wasm, http })
      }
      for (const [label, src] of fixed) compare(label, (0, eval)(`(${src})`))
      const generate = (0, eval)(`(${random})`)
      for (let i = 0; i < cases; i++) compare(`random case ${seed + i}`, () => generate(seed + i))
      return { mismatches, kinds }
    }, {
      fixed: FIXED.map(([label, make]) => [label, make.toString()]),
      random: randomParams.toString(),
      outcomes: serializerOutcomes.toString(),
      seed: SEED,
      cases: CASES,
      initial: INITIAL,
    })
    console.log(`serializers: ${FIXED.length + CASES} cases compared, by @seamapi/http's outcome: ${JSON.stringify(out.kinds)}`)
    assert.deepEqual(out.mismatches, [])
    // The corpus reaches every kind of outcome.
    for (const kind of ['value', 'UnserializableParamError', 'RangeError', 'TypeError', 'Error']) assert.ok(out.kinds[kind] > 0, kind)
  })
})

// Sent otherwise by @seamapi/http, for a reason of axios's, not of the serializer's: axios copies
// the parameters, and the copy's own `__proto__` key becomes its prototype, so @seamapi/http sends
// no query at all. seam-wasm sends what both serializers write. Listed cases must still differ.
const WIRE_EXCEPTIONS = ['__proto__ as a key']

test('parameters of a GET route go on the wire as @seamapi/http sends them', async () => {
  await withBoth(async (p) => {
    // Those that serialize: an object with something to send.
    const sendable = FIXED.filter(([, make]) => {
      const params = make()
      return params !== null && typeof params === 'object' && !Array.isArray(params) && !(params instanceof Date)
    })
    let compared = 0
    const differ = []
    for (const [label, make] of sendable) {
      const out = await each(p, async (lib, client, src) => {
        let params = (0, eval)(`(${src})`)()
        try {
          lib.serializeUrlSearchParams(params)
        } catch {
          return 'refused'
        }
        params = (0, eval)(`(${src})`)()
        await client.devices.list(params).catch(() => {})
        return 'sent'
      }, make.toString())
      if (out.wasm.value !== out.http.value || JSON.stringify(out.wasm.sent) !== JSON.stringify(out.http.sent)) differ.push({ label, ...out })
      if (out.wasm.value === 'sent') compared += 1
    }
    assert.deepEqual(differ.map(({ label }) => label), WIRE_EXCEPTIONS, JSON.stringify(differ))
    assert.ok(compared >= 15, `${compared} sent`)
  })
})

test('readResponseData: the same value or the same SeamHttpInvalidResponseError as @seamapi/http', async () => {
  await withBoth(async (p) => {
    const out = await p.evaluate(({ reads, outcome }) => {
      const libs = { wasm: window.__seamTest.m, http: window.__diff.http }
      const run = (0, eval)(`(${outcome})`)
      return reads.map(([label, src]) => {
        const make = (0, eval)(`(${src})`)
        return { label, wasm: run(libs.wasm, make), http: run(libs.http, make) }
      })
    }, { reads: READS.map(([label, make]) => [label, make.toString()]), outcome: readOutcome.toString() })
    for (const { label, wasm, http } of out) assert.deepEqual(wasm, http, label)
    assert.ok(out.some(({ wasm }) => wasm.kind === 'SeamHttpInvalidResponseError'))
  })
})

test('getOpenapiSchema (recording server on 127.0.0.1: the fake does not serve /openapi.json): the same body and request as @seamapi/http, and an API error typed the same', async () => {
  const SPEC = { openapi: '3.0.0', info: { title: 'Seam Connect', version: '1.0.0' }, paths: { '/devices/list': {} } }
  const server = await startRecordingServer((req, res, record) => {
    if (answerPreflight(req, res)) return
    if (record.pathname === '/openapi.json') sendJson(req, res, 200, SPEC)
    else sendJson(req, res, 404, { error: { type: 'not_found', message: 'No spec here' } })
  })
  try {
    await withBoth(async (p) => {
      const out = await each(p, async (lib, _, endpoint) => {
        const outcome = (promise) => promise.then(
          (value) => ({ value }),
          (e) => ({ name: e.name, code: e.code, statusCode: e.statusCode, message: e.message, api: e instanceof lib.SeamHttpApiError }),
        )
        return { spec: await outcome(lib.getOpenapiSchema(endpoint)), missing: await outcome(lib.getOpenapiSchema(`${endpoint}/nowhere`)) }
      }, server.url)
      assert.deepEqual(out.wasm.value, out.http.value)
      assert.deepEqual(out.wasm.value.spec, { value: SPEC })
      assert.deepEqual(out.wasm.value.missing, { name: 'SeamHttpApiError', code: 'not_found', statusCode: 404, message: 'No spec here', api: true })
      const calls = server.calls()
      assert.deepEqual(calls.map((r) => `${r.method} ${r.pathname}`), Array(2).fill(['GET /openapi.json', 'GET /nowhere/openapi.json']).flat())
      for (const [i, sdkName] of [[0, 'seam-wasm'], [2, 'seamapi/javascript-http']]) {
        const { headers } = calls[i]
        assert.equal(headers['seam-sdk-name'], sdkName)
        assert.ok(headers['seam-sdk-version'])
        assert.equal(headers.authorization, undefined)
        assert.equal(headers.cookie, undefined)
      }
    })
  } finally {
    await server.close()
  }
})
