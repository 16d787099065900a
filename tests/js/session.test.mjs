// The stored session over time: restoring a client session token, swapping tokens, signing
// out, and another tab changing the session.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useEnv, newUserIdentifierKey, SEED_CST, DEAD_CST } from './support/harness.mjs'
import {
  GET_OR_CREATE, bootstrap, fromToken, run, rawGetOrCreate, entries, expectError, expectOk,
  clientSessionTokenStorageKey, saltStorageKey,
} from './support/actions.mjs'

const env = useEnv()

const fromStored = (p, endpoint) =>
  p.evaluate(async (endpoint) => {
    const t = window.__seamTest
    const { SeamClient } = await t.load()
    return t.capture(() => {
      const client = SeamClient.fromStoredClientSessionToken({ endpoint: endpoint ?? t.fakeUrl })
      // Distinguishes null (the documented "nothing stored") from undefined.
      if (client === null || client === undefined) return { returned: String(client) }
      window.client = client
      return { returned: 'client', token: client.clientSessionToken }
    })
  }, endpoint)

test('fromClientSessionToken stores its token per endpoint, until signOut', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const key = clientSessionTokenStorageKey(env.fakeUrl)
    const stored = await entries(p)
    assert.deepEqual(Object.keys(stored), [key])
    assert.equal(JSON.parse(stored[key]).token, SEED_CST)

    await p.reload()
    const restored = expectOk(await fromStored(p))
    assert.equal(restored.returned, 'client', 'nothing was restored for the endpoint')
    assert.equal(restored.token, SEED_CST)
    const devices = expectOk(await run(p, (c) => c.devices.list()))
    assert.ok(devices.some((d) => d.device_id === 'august_device_1'))

    assert.deepEqual(expectOk(await fromStored(p, 'http://127.0.0.1:9')), { returned: 'null' })

    expectOk(await run(p, (c) => { c.signOut() }))
    assert.deepEqual(expectOk(await fromStored(p)), { returned: 'null' })
    assert.deepEqual(await entries(p), {})
  })
})

const fromStoredPk = (p, endpoint, publishableKey = 'seam_pk1_token') =>
  p.evaluate(async ({ endpoint, publishableKey }) => {
    const t = window.__seamTest
    const { SeamClient } = await t.load()
    return t.capture(() => {
      const client = SeamClient.fromStoredPublishableKeySession(publishableKey, { endpoint: endpoint ?? t.fakeUrl })
      if (client === null || client === undefined) return { returned: String(client) }
      window.client = client
      return { returned: 'client', token: client.clientSessionToken }
    })
  }, { endpoint, publishableKey })

test('fromStoredPublishableKeySession keeps a signed-in user across a reload, with no request, until signOut', async () => {
  await env.withPage(async (p) => {
    assert.deepEqual(expectOk(await fromStoredPk(p)), { returned: 'null' }, 'a client from an empty storage')
    // Two users signed in on this browser; the later one is resumed.
    expectOk(await bootstrap(p, newUserIdentifierKey()))
    await p.wait(20)
    const { token } = expectOk(await bootstrap(p, 'john_user_identifier_key'))
    const stored = Object.values(await entries(p)).join('\n')
    assert.ok(!stored.includes('john_user_identifier_key'), 'the user identifier key was stored')

    await p.reload()
    const mark = p.requests.length
    const resumed = expectOk(await fromStoredPk(p))
    assert.deepEqual(resumed, { returned: 'client', token })
    assert.deepEqual(p.requests.slice(mark).map((r) => r.pathname), [], 'resuming sent a request')
    const devices = expectOk(await run(p, (c) => c.devices.list()))
    assert.equal(devices.length, 4)
    assert.deepEqual(p.requests.slice(mark).filter((r) => r.pathname === GET_OR_CREATE), [])

    assert.deepEqual(expectOk(await fromStoredPk(p, 'http://127.0.0.1:9')), { returned: 'null' }, 'another endpoint')
    assert.deepEqual(expectOk(await fromStoredPk(p, undefined, 'seam_pk1_other')), { returned: 'null' }, 'another key')
    expectError(await fromStoredPk(p, undefined, SEED_CST), 'SeamHttpInvalidTokenError')

    expectOk(await run(p, (c) => { c.signOut() }))
    assert.deepEqual(expectOk(await fromStoredPk(p)), { returned: 'null' }, 'a user was resumed after signing out')
  })
})

test('updateClientSessionToken keeps the old token when the new one is rejected by the API', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const e = expectError(await run(p, (c, t) => c.updateClientSessionToken(t), DEAD_CST), 'SeamHttpUnauthorizedError')
    assert.equal(e.statusCode, 401)
    assert.equal(expectOk(await run(p, (c) => c.clientSessionToken)), SEED_CST)
    const mark = p.requests.length
    const devices = expectOk(await run(p, (c) => c.devices.list()))
    assert.equal(devices.length, 4)
    const list = p.requests.slice(mark).filter((r) => r.pathname === '/devices/list')
    assert.equal((await list[0].request.allHeaders())['client-session-token'], SEED_CST)
    assert.equal(JSON.parse((await entries(p))[clientSessionTokenStorageKey(env.fakeUrl)]).token, SEED_CST)
  })
})

test('updateClientSessionToken refuses a malformed token without a request', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const mark = p.requests.length
    expectError(await run(p, (c) => c.updateClientSessionToken('seam_pk1_token')), 'SeamHttpInvalidTokenError')
    await p.wait(100)
    assert.equal(p.requests.length, mark)
    assert.equal(expectOk(await run(p, (c) => c.clientSessionToken)), SEED_CST)
  })
})

test('updateClientSessionToken checks a good token, then uses it', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const session = await rawGetOrCreate(p, newUserIdentifierKey())
    const mark = p.requests.length
    expectOk(await run(p, (c, t) => c.updateClientSessionToken(t), session.token))
    const checks = p.requests.slice(mark).filter((r) => r.pathname === '/client_sessions/get')
    assert.equal(checks.length, 1, 'the new token was not checked with /client_sessions/get')
    assert.equal(checks[0].method, 'GET')
    assert.equal((await checks[0].request.allHeaders())['client-session-token'], session.token)
    assert.equal(expectOk(await run(p, (c) => c.clientSessionToken)), session.token)

    const next = p.requests.length
    // The new session belongs to a fresh user, who has no devices.
    assert.deepEqual(expectOk(await run(p, (c) => c.devices.list())), [])
    const [list] = p.requests.slice(next)
    assert.equal(list.pathname, '/devices/list')
    assert.equal((await list.request.allHeaders()).authorization, `Bearer ${session.token}`)
  })
})

test('signOut forgets the session and later calls reject with SeamHttpSignedOutError', async () => {
  const uik = newUserIdentifierKey()
  await env.withPage(async (p) => {
    expectOk(await bootstrap(p, uik))
    assert.equal(Object.keys(await entries(p)).length, 3, 'the session, the record of its user and the salt')
    expectOk(await run(p, (c) => { c.signOut() }))
    // The salt stays: it names no one, and the other users' stored sessions are found by it.
    assert.deepEqual(Object.keys(await entries(p)), [saltStorageKey(env.fakeUrl)])
    assert.equal(expectOk(await run(p, (c) => c.clientSessionToken)), null)
    const mark = p.requests.length
    expectError(await run(p, (c) => c.devices.list()), 'SeamHttpSignedOutError')
    await p.wait(100)
    assert.equal(p.requests.length, mark, 'a signed-out client still sent a request')
    assert.equal(p.sent(GET_OR_CREATE).length, 1)
  })
})

test('another tab updating or removing the session is followed', async () => {
  const uik = newUserIdentifierKey()
  await env.withPage(async (a) => {
    const b = await a.openPage()
    const { token } = expectOk(await bootstrap(a, uik))
    const second = expectOk(await bootstrap(b, uik))
    assert.equal(second.token, token)
    assert.equal(b.sent(GET_OR_CREATE).length, 0, 'the second tab did not reuse the stored session')

    // A valid token of another session, so that the change is visible.
    const other = await rawGetOrCreate(a, newUserIdentifierKey())
    assert.notEqual(other.token, token)
    expectOk(await run(a, (c, t) => c.updateClientSessionToken(t), other.token))
    assert.equal(expectOk(await run(a, (c) => c.clientSessionToken)), other.token)

    // Storage events arrive asynchronously in the other tab.
    const adopted = await b.evaluate(
      (t) => window.__seamTest.waitFor(() => window.client.clientSessionToken === t, 3000),
      other.token,
    )
    assert.equal(adopted, true, `tab B still has ${await b.evaluate(() => window.client.clientSessionToken)}`)

    expectOk(await run(a, (c) => { c.signOut() }))
    await b.evaluate(() => window.__seamTest.waitFor(() => window.client.clientSessionToken === null, 3000))
    const mark = b.requests.length
    expectError(await run(b, (c) => c.devices.list()), 'SeamHttpSignedOutError')
    assert.equal(expectOk(await run(b, (c) => c.clientSessionToken)), null)
    assert.equal(b.requests.length, mark)
  })
})
