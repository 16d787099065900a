// The server half: the package imported by Node itself, with the workspace's API key. A backend
// creates a client session for a user and hands the token to a page, which lists that user's
// devices. The fake lacks `client_sessions/{list,grant_access,revoke,delete}`; those are checked
// against a local recording server for the exact request sent.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { useEnv, newUserIdentifierKey } from './support/harness.mjs'
import { fromToken, run, TOKEN_ERROR_PREFIX } from './support/actions.mjs'

const env = useEnv()

const API_KEY = 'seam_apikey1_token'
const CONNECTED_ACCOUNT = 'john_connected_account_id'

// Node's own entry (package.json `exports`, condition `node`).
const load = () => import(new URL('../../pkg/node.js', import.meta.url))

test('Node: fromApiKey creates a session for a user with a connected account; a page lists their devices with its token', async () => {
  const { SeamClient } = await load()
  const seam = SeamClient.fromApiKey(API_KEY, { endpoint: env.fakeUrl })
  assert.equal(seam.clientSessionToken, null, 'an API-key client has no client session token')

  const userIdentifierKey = newUserIdentifierKey()
  const session = await seam.clientSessions.create({ user_identifier_key: userIdentifierKey, connected_account_ids: [CONNECTED_ACCOUNT] })
  assert.match(session.token, /^seam_cst/)
  assert.equal(session.user_identifier_key, userIdentifierKey)
  assert.deepEqual(session.connected_account_ids, [CONNECTED_ACCOUNT])

  const got = await seam.clientSessions.get({ client_session_id: session.client_session_id })
  assert.equal(got.client_session_id, session.client_session_id)

  const expected = (await seam.devices.list({ connected_account_id: CONNECTED_ACCOUNT })).map((d) => d.device_id).sort()
  assert.ok(expected.length > 0, 'the seeded connected account has devices')

  await env.withPage(async (p) => {
    const made = await fromToken(p, session.token)
    assert.equal(made.ok, true, JSON.stringify(made.error))
    const listed = await run(p, async (client) => (await client.devices.list()).map((d) => d.device_id).sort())
    assert.equal(listed.ok, true, JSON.stringify(listed.error))
    assert.deepEqual(listed.value, expected)
  })
})

test('Node: fromApiKey refuses tokens of other kinds with the messages of @seamapi/http', async () => {
  const { SeamClient, SeamHttpInvalidTokenError } = await load()
  const cases = [
    ['seam_cst1_token', 'A Client Session Token cannot be used as an apiKey'],
    ['seam_pk1_token', 'A Publishable Key cannot be used as an apiKey'],
    ['seam_at1_token', 'An Access Token cannot be used as an apiKey'],
    ['eyJhbGciOi.x.y', 'A JWT cannot be used as an apiKey'],
    ['foo', 'Unknown or invalid apiKey format, expected token to start with seam_'],
    ['seam_apikey1_\ntoken', 'apiKey has characters that cannot be sent in an HTTP header'],
    [42, 'Unknown or invalid apiKey format, expected token to start with seam_'],
  ]
  for (const [key, message] of cases) {
    assert.throws(() => SeamClient.fromApiKey(key, { endpoint: env.fakeUrl }), (e) => {
      assert.ok(e instanceof SeamHttpInvalidTokenError, `${JSON.stringify(key)}: ${e}`)
      assert.equal(e.message, TOKEN_ERROR_PREFIX + message)
      return true
    })
  }
})

test('Node: an API-key client cannot take a client session token, and API errors keep their type', async () => {
  const { SeamClient, SeamHttpApiError } = await load()
  const seam = SeamClient.fromApiKey(API_KEY, { endpoint: env.fakeUrl })
  // A plain Error with @seamapi/http's message.
  await assert.rejects(seam.updateClientSessionToken('seam_cst1_token'), (e) => e.name === 'Error' && e.message === 'Cannot update a clientSessionToken on a client created without a clientSessionToken')
  await assert.rejects(seam.devices.get({ device_id: 'no_such_device' }), (e) => e instanceof SeamHttpApiError && e.code === 'device_not_found')
  const other = SeamClient.fromApiKey('seam_apikey_unknown', { endpoint: env.fakeUrl })
  await assert.rejects(other.devices.list(), (e) => e.statusCode === 401)
})

test('a browser page cannot use fromApiKey: SeamHttpInvalidOptionsError pointing to the page-side factories, nothing sent', async () => {
  await env.withPage(async (p) => {
    const sent = []
    p.page.on('request', (r) => sent.push(r.url()))
    const out = await p.evaluate(async (key) => {
      const t = window.__seamTest
      const { SeamClient } = await t.load()
      try {
        SeamClient.fromApiKey(key, { endpoint: t.fakeUrl })
        return { threw: null }
      } catch (e) {
        return { threw: t.describe(e), isOptions: e instanceof t.m.SeamHttpInvalidOptionsError }
      }
    }, API_KEY)
    assert.ok(out.threw, 'fromApiKey did not throw in a page')
    assert.equal(out.isOptions, true, JSON.stringify(out.threw))
    assert.match(out.threw.message, /publishable key|fromPublishableKey/i)
    assert.match(out.threw.message, /client session token|fromClientSessionToken/i)
    assert.ok(!out.threw.message.includes(API_KEY), 'the message repeats the key')
    await p.page.waitForTimeout(100)
    assert.deepEqual(sent.filter((url) => url.startsWith(env.fakeUrl)), [])
  })
})

test("a browser page's worker cannot use fromApiKey either", async () => {
  await env.withPage(async (p) => {
    const out = await p.evaluate(async ({ pkgUrl, key }) => {
      const source = `
        const { SeamClient, SeamHttpInvalidOptionsError } = await import(${JSON.stringify(new URL(pkgUrl, location.href).href)})
        try {
          SeamClient.fromApiKey(${JSON.stringify(key)})
          postMessage({ threw: false })
        } catch (e) {
          postMessage({ threw: true, isOptions: e instanceof SeamHttpInvalidOptionsError, message: e.message })
        }`
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' })
      return new Promise((resolve, reject) => {
        worker.onmessage = (event) => resolve(event.data)
        worker.onerror = (event) => reject(new Error(event.message))
      })
    }, { pkgUrl: env.pkgUrl, key: API_KEY })
    assert.deepEqual({ threw: out.threw, isOptions: out.isOptions }, { threw: true, isOptions: true }, JSON.stringify(out))
    assert.match(out.message, /cannot be used in a browser/)
  })
})

// A server that records each request and answers as the API would.
async function startRecorder() {
  const requests = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      const url = new URL(req.url, 'http://recorder')
      requests.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body: body ? JSON.parse(body) : undefined })
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(url.pathname === '/client_sessions/list' ? { client_sessions: [], ok: true } : { ok: true }))
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((resolve) => server.close(resolve)) }
}

test('Node: clientSessions.list, grantAccess, revoke and delete send the exact requests (recording server: the fake lacks these routes)', async () => {
  const { SeamClient } = await load()
  const recorder = await startRecorder()
  try {
    const seam = SeamClient.fromApiKey(API_KEY, { endpoint: recorder.url })
    assert.deepEqual(await seam.clientSessions.list({ user_identifier_key: 'user_1' }), [])
    await seam.clientSessions.grantAccess({ client_session_id: 'cs_1', user_identity_ids: ['ui_1'], connected_account_ids: ['ca_1'] })
    await seam.clientSessions.revoke({ client_session_id: 'cs_1' })
    await seam.clientSessions.delete({ client_session_id: 'cs_1' })

    const seen = recorder.requests.map(({ method, path, query, body }) => ({ method, path, query, body }))
    assert.deepEqual(seen, [
      { method: 'GET', path: '/client_sessions/list', query: { user_identifier_key: 'user_1', _strict: 'true' }, body: undefined },
      { method: 'PATCH', path: '/client_sessions/grant_access', query: {}, body: { client_session_id: 'cs_1', user_identity_ids: ['ui_1'], connected_account_ids: ['ca_1'] } },
      { method: 'POST', path: '/client_sessions/revoke', query: {}, body: { client_session_id: 'cs_1' } },
      { method: 'DELETE', path: '/client_sessions/delete', query: { client_session_id: 'cs_1', _strict: 'true' }, body: undefined },
    ])
    for (const { headers } of recorder.requests) {
      assert.equal(headers.authorization, `Bearer ${API_KEY}`)
      assert.equal(headers['client-session-token'], undefined, 'an API key is not a client session token')
      assert.equal(headers['seam-sdk-name'], 'seam-wasm')
      assert.equal(headers.cookie, undefined)
    }
  } finally {
    await recorder.close()
  }
})
