// Bad input of every kind through the public API: a typed error with a clear message, no panic,
// and nothing sent.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useEnv, SEED_CST } from './support/harness.mjs'

const env = useEnv()

// Each case runs in the page as `(SeamClient, client, fakeUrl) => …` and must throw or reject.
const cases = [
  ['a number as client session token', 'SeamHttpInvalidTokenError', /seam_cst/, (S, c, url) => S.fromClientSessionToken(42, { endpoint: url })],
  // As @seamapi/http: a missing token is a missing option, not a token of the wrong kind.
  ['no client session token', 'SeamHttpInvalidOptionsError', /Missing clientSessionToken/, (S, c, url) => S.fromClientSessionToken(undefined, { endpoint: url })],
  ['an object as publishable key', 'SeamHttpInvalidTokenError', /seam_pk/, (S, c, url) => S.fromPublishableKey({}, 'user_1', { endpoint: url })],
  ['a number as user identifier key', 'SeamHttpInvalidOptionsError', /userIdentifierKey/, (S, c, url) => S.fromPublishableKey('seam_pk1_token', 7, { endpoint: url })],
  ['a blank user identifier key', 'SeamHttpInvalidOptionsError', /userIdentifierKey/, (S, c, url) => S.fromPublishableKey('seam_pk1_token', '   ', { endpoint: url })],
  ['options that are a string', 'SeamHttpInvalidOptionsError', /options must be an object/, (S) => S.fromClientSessionToken('seam_cst1_token', 'http://x')],
  ['an unknown option', 'SeamHttpInvalidOptionsError', /unknown option "endpiont"/, (S) => S.fromClientSessionToken('seam_cst1_token', { endpiont: 'http://x' })],
  ['an endpoint that is not http(s)', 'SeamHttpInvalidOptionsError', /http/, (S) => S.fromClientSessionToken('seam_cst1_token', { endpoint: 'ftp://x' })],
  ['an endpoint with a query', 'SeamHttpInvalidOptionsError', /query/, (S) => S.fromClientSessionToken('seam_cst1_token', { endpoint: 'http://127.0.0.1:1/?a=1' })],
  ['an endpoint that is a number', 'SeamHttpInvalidOptionsError', /endpoint must be a string/, (S) => S.fromClientSessionToken('seam_cst1_token', { endpoint: 1 })],
  ['a storage that is not one of the three', 'SeamHttpInvalidOptionsError', /storage/, (S) => S.fromClientSessionToken('seam_cst1_token', { storage: 'cookies' })],
  ['parameters that are a string', 'TypeError', /Parameters for \/devices\/get must be an object/, (S, c) => c.devices.get('august_device_1')],
  ['parameters that are an array', 'TypeError', /Parameters for \/devices\/list must be an object/, (S, c) => c.devices.list(['a'])],
  ['a BigInt in a JSON body', 'TypeError', /Parameters for \/locks\/unlock_door could not be serialized/, (S, c) => c.locks.unlockDoor({ device_id: 1n })],
  ['a circular JSON body', 'TypeError', /could not be serialized/, (S, c) => { const p = { device_id: 'x' }; p.self = p; return c.locks.lockDoor(p) }],
  ['a toJSON that returns nothing', 'TypeError', /serialize to nothing/, (S, c) => c.locks.unlockDoor({ device_id: 'x', toJSON: () => undefined })],
  ['a missing required parameter', 'TypeError', /^Required parameters missing for \/locks\/unlock_door: device_id$/, (S, c) => c.locks.unlockDoor({})],
  ['no parameters where some are required', 'TypeError', /^Parameters are required for \/locks\/unlock_door$/, (S, c) => c.locks.unlockDoor()],
  ['null as parameters', 'TypeError', /^Parameters for \/devices\/list must be an object$/, (S, c) => c.devices.list(null)],
  ['none of the "at least one" parameters', 'TypeError', /^At least one parameter is required for \/devices\/get$/, (S, c) => c.devices.get({ name: undefined })],
  ['no parameters where one of several is required', 'TypeError', /^Parameters are required for \/events\/list$/, (S, c) => c.events.list()],
  ['a required parameter set to undefined', 'TypeError', /^Required parameters missing for \/locks\/unlock_door: device_id$/, (S, c) => c.request('/locks/unlock_door', { device_id: undefined })],
  ['an unknown route path', 'TypeError', /Unknown Seam API route: \/devices\/nope/, (S, c) => c.request('/devices/nope')],
  ['request options that are not an object', 'SeamHttpInvalidOptionsError', /request options must be an object/, (S, c) => c.devices.list({}, 'fast')],
  ['an unknown request option', 'SeamHttpInvalidOptionsError', /unknown request option "retries"/, (S, c) => c.devices.list({}, { retries: 5 })],
  ['NaN in a query', 'TypeError', /cannot be sent: UnserializableParamError: Could not serialize parameter: 'limit' is NaN$/, (S, c) => c.devices.list({ limit: NaN })],
  ['a nested array in a query', 'TypeError', /'device_ids' is a object$/, (S, c) => c.devices.list({ device_ids: [['a']] })],
  ['null in an array in a query', 'TypeError', /'device_ids' is an array containing null or undefined values/, (S, c) => c.devices.list({ device_ids: ['a', null] })],
  ['a dotted key in a query', 'TypeError', /'a\.b' contains one or more dots/, (S, c) => c.devices.list({ 'a.b': 1 })],
  ['a function in a query', 'TypeError', /cannot be sent: .*'device_ids' is a function$/, (S, c) => c.devices.list({ device_ids: () => 1 })],
  // The engine's own RangeError message: V8 says "Invalid time value", Firefox "invalid date", WebKit "Invalid Date".
  ['an invalid Date in a query', 'TypeError', /cannot be sent: RangeError: (Invalid time value|invalid date|Invalid Date)$/, (S, c) => c.devices.list({ created_before: new Date('nope') })],
  ['a new token of the wrong kind', 'SeamHttpInvalidTokenError', /Publishable Key/, (S, c) => c.updateClientSessionToken('seam_pk1_token')],
]

test('bad input is refused with a typed error and sends nothing', async () => {
  await env.withPage(async (p) => {
    for (const [label, className, message, fn] of cases) {
      const mark = p.requests.length
      const out = await p.evaluate(async ({ src, token }) => {
        const t = window.__seamTest
        const { SeamClient } = await t.load()
        const client = SeamClient.fromClientSessionToken(token, { endpoint: t.fakeUrl, storage: 'memory' })
        try {
          await (0, eval)(`(${src})`)(SeamClient, client, t.fakeUrl)
          return { ok: true }
        } catch (e) {
          return { ok: false, name: e?.name, message: e?.message, isError: e instanceof Error }
        }
      }, { src: fn.toString(), token: SEED_CST })
      assert.equal(out.ok, false, `${label}: resolved`)
      assert.equal(out.name, className, `${label}: ${JSON.stringify(out)}`)
      assert.equal(out.isError, true, label)
      assert.match(out.message, message, label)
      await p.wait(20)
      assert.deepEqual(p.requests.slice(mark).map((r) => r.pathname), [], `${label}: sent a request`)
    }
    // The module is still healthy after all of that.
    const devices = await p.evaluate(async (token) => {
      const { SeamClient } = await window.__seamTest.load()
      return (await SeamClient.fromClientSessionToken(token, { endpoint: window.__seamTest.fakeUrl }).devices.list()).length
    }, SEED_CST)
    assert.equal(devices, 4)
  })
})
