// A client made from the seeded client session token: the routes, how they are sent, and how
// each kind of failure comes back.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useEnv, closedPort, fakePost, SEED_CST, DEAD_CST, WORKSPACE_ID } from './support/harness.mjs'
import { fromToken, run, expectError, expectOk } from './support/actions.mjs'

const env = useEnv()

const SEEDED_DEVICES = ['august_device_1', 'august_device_2', 'ecobee_device_1', 'minut_device_1']

test('devices.list returns the seeded devices, sent as GET with both token headers', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const devices = expectOk(await run(p, (c) => c.devices.list()))
    assert.ok(Array.isArray(devices))
    assert.deepEqual(devices.map((d) => d.device_id).sort(), SEEDED_DEVICES)
    const list = p.sent('/devices/list')
    assert.equal(list.length, 1)
    assert.equal(list[0].method, 'GET')
    const h = await list[0].request.allHeaders()
    assert.equal(h.authorization, `Bearer ${SEED_CST}`)
    assert.equal(h['client-session-token'], SEED_CST)
    assert.ok(h['seam-sdk-name'])
    assert.ok(h['seam-sdk-version'])
  })
})

test('devices.list puts its parameters in the query string', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const devices = expectOk(await run(p, (c) => c.devices.list({ device_ids: ['august_device_1'] })))
    assert.deepEqual(devices.map((d) => d.device_id), ['august_device_1'])
    const list = p.sent('/devices/list')
    assert.equal(list.length, 1)
    assert.equal(list[0].method, 'GET')
    assert.equal(list[0].request.postData(), null)
    assert.deepEqual(new URLSearchParams(list[0].search).getAll('device_ids'), ['august_device_1'])
  })
})

test('query strings are sorted, typed and strict, as @seamapi/http sends them', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const devices = expectOk(await run(p, (c) => c.devices.list({ limit: 2, device_ids: ['august_device_1', 'august_device_2'], manufacturer: undefined, connected_account_id: '' })))
    assert.deepEqual(devices.map((d) => d.device_id).sort(), ['august_device_1', 'august_device_2'])
    const [list] = p.sent('/devices/list')
    assert.equal(list.search, '?device_ids=august_device_1&device_ids=august_device_2&limit=2&_strict=true')
  })
})

test('devices.get returns one device', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const device = expectOk(await run(p, (c) => c.devices.get({ device_id: 'august_device_1' })))
    assert.equal(device.device_id, 'august_device_1')
    assert.equal(device.device_type, 'august_lock')
  })
})

test('locks.list and locks.get return locks', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const locks = expectOk(await run(p, (c) => c.locks.list()))
    assert.ok(Array.isArray(locks))
    assert.ok(locks.some((d) => d.device_id === 'august_device_1'))
    const lock = expectOk(await run(p, (c) => c.locks.get({ device_id: 'august_device_1' })))
    assert.equal(lock.device_id, 'august_device_1')
  })
})

for (const [method, path, actionType] of [
  ['unlockDoor', '/locks/unlock_door', 'UNLOCK_DOOR'],
  ['lockDoor', '/locks/lock_door', 'LOCK_DOOR'],
]) {
  test(`locks.${method} sends one POST and returns the action attempt`, async () => {
    await env.withPage(async (p) => {
      expectOk(await fromToken(p, SEED_CST))
      const attempt = expectOk(await run(p, (c, method) => c.locks[method]({ device_id: 'august_device_1' }), method))
      assert.equal(attempt.action_type, actionType)
      assert.equal(typeof attempt.action_attempt_id, 'string')
      assert.ok(attempt.action_attempt_id.length > 0)
      const sent = p.sent(path)
      assert.equal(sent.length, 1)
      assert.equal(sent[0].method, 'POST')
      assert.deepEqual(JSON.parse(sent[0].request.postData()), { device_id: 'august_device_1' })
      const done = expectOk(await run(p, (c, id) => c.actionAttempts.get({ action_attempt_id: id }), attempt.action_attempt_id))
      assert.equal(done.action_attempt_id, attempt.action_attempt_id)
      assert.equal(done.action_type, actionType)
      assert.equal(done.status, 'success')
    })
  })
}

test('a parameter of the wrong type comes back as SeamHttpInvalidInputError with its validation errors', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const out = await run(p, async (c, _arg, t) => {
      try {
        // A number where the API wants a string passes the client's own checks (presence and
        // shape), so it is the API that refuses it.
        await c.locks.unlockDoor({ device_id: 123 })
        return { resolved: true }
      } catch (e) {
        return {
          error: t.describe(e),
          guard: t.m.isSeamHttpInvalidInputError(e),
          messages: typeof e.getValidationErrorMessages === 'function' ? e.getValidationErrorMessages('device_id') : 'missing',
          validationErrors: e.validationErrors,
        }
      }
    })
    const v = expectOk(out)
    assert.ok(!v.resolved, 'unlockDoor({ device_id: 123 }) resolved')
    const e = v.error
    assert.equal(e.name, 'SeamHttpInvalidInputError')
    assert.equal(e.instanceOf.SeamHttpInvalidInputError, true)
    assert.equal(e.instanceOf.SeamHttpApiError, true)
    assert.equal(e.instanceOfError, true)
    assert.equal(e.isApi, true)
    assert.equal(v.guard, true)
    assert.equal(e.code, 'invalid_input')
    assert.equal(e.statusCode, 400)
    assert.ok(Array.isArray(v.messages) && v.messages.length > 0, JSON.stringify(v.messages))
    assert.ok(v.messages.every((m) => typeof m === 'string' && m.length > 0), JSON.stringify(v.messages))
    assert.ok(Array.isArray(v.validationErrors))
    assert.ok(
      v.validationErrors.some((x) => x.parameterName === 'device_id' && JSON.stringify(x.errorMessages) === JSON.stringify(v.messages)),
      JSON.stringify(v.validationErrors),
    )
    assert.equal(p.sent('/locks/unlock_door').length, 1)
  })
})

test('an unknown device comes back as SeamHttpApiError device_not_found', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const e = expectError(await run(p, (c) => c.devices.get({ device_id: 'nope' })), 'SeamHttpApiError')
    assert.equal(e.isApi, true)
    assert.equal(e.code, 'device_not_found')
    assert.equal(e.statusCode, 404)
    assert.equal(e.instanceOf.SeamHttpUnauthorizedError, false)
    assert.equal(typeof e.message, 'string')
    assert.ok(e.message.length > 0)
  })
})

test("a dead client session token gives SeamHttpUnauthorizedError: code unauthorized, the API's message", async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, DEAD_CST, { options: { storage: 'memory' } }))
    const e = expectError(await run(p, (c) => c.devices.list()), 'SeamHttpUnauthorizedError')
    assert.equal(e.instanceOf.SeamHttpApiError, true)
    assert.equal(e.isApi, true)
    assert.equal(e.statusCode, 401)
    // The same request by hand, to learn which type the fake sends for it.
    const raw = await p.evaluate(async (token) => {
      const res = await fetch(`${window.__seamTest.fakeUrl}/devices/list`, {
        headers: { authorization: `Bearer ${token}`, 'client-session-token': token },
      })
      return { status: res.status, body: await res.json() }
    }, DEAD_CST)
    assert.equal(raw.status, 401)
    // As @seamapi/http reports a 401, whatever the API's type.
    assert.equal(e.code, 'unauthorized')
    assert.equal(e.message, raw.body.error.message)
    // A client session token client has no way to get a new session, so it asks only once.
    assert.equal(p.sent('/devices/list').length, 2)
  })
})

test('an endpoint with nothing listening gives SeamHttpNetworkError', async () => {
  const port = await closedPort()
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST, { options: { endpoint: `http://127.0.0.1:${port}`, storage: 'memory' } }))
    const result = await run(p, (c) => Promise.race([
      c.devices.list(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('devices.list() hung')), 10_000)),
    ]))
    const e = expectError(result, 'SeamHttpNetworkError')
    assert.equal(e.isApi, false)
  })
})

test('a 503 with an empty body gives SeamHttpInvalidResponseError', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    await fakePost(env.fakeUrl, '/_fake/simulate_workspace_outage', { workspace_id: WORKSPACE_ID, routes: ['/devices/list'] })
    try {
      const e = expectError(await run(p, (c) => c.devices.list()), 'SeamHttpInvalidResponseError')
      assert.equal(e.statusCode, 503)
      assert.equal(e.isApi, false)
    } finally {
      await fakePost(env.fakeUrl, '/_fake/simulate_workspace_outage', { workspace_id: WORKSPACE_ID, routes: [] })
    }
    const devices = expectOk(await run(p, (c) => c.devices.list()))
    assert.equal(devices.length, SEEDED_DEVICES.length)
  })
})
