// Checks the test setup itself, without the package: if these fail, the other files'
// failures say nothing about the package.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ONCE, useEnv, SEED_CST, newUserIdentifierKey } from './support/harness.mjs'
import { resolveUnder, REPO_ROOT } from './support/static-server.mjs'

const env = useEnv()

test('the fake answers over IPC and serves the seed', ONCE, async () => {
  assert.equal(await env.control('ping'), 'pong')
  const res = await fetch(`${env.fakeUrl}/devices/list`, { headers: { 'client-session-token': SEED_CST } })
  assert.equal(res.status, 200)
  const body = await res.json()
  assert.ok(body.devices.some((d) => d.device_id === 'august_device_1'))
})

test('the fake can hold an expired session for a user', ONCE, async () => {
  const uik = newUserIdentifierKey()
  const expiresAt = new Date(Date.now() - 3_600_000).toISOString()
  const session = await env.control('addClientSession', { user_identifier_key: uik, expires_at: expiresAt })
  assert.equal(session.user_identifier_key, uik)
  assert.match(session.token, /^seam_cst1/)
  const res = await fetch(`${env.fakeUrl}/client_sessions/get_or_create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'seam-publishable-key': 'seam_pk1_token' },
    body: JSON.stringify({ user_identifier_key: uik }),
  })
  const { client_session } = await res.json()
  assert.equal(client_session.token, session.token)
  const get = await fetch(`${env.fakeUrl}/client_sessions/get`, { headers: { 'client-session-token': session.token } })
  // Which 401 type comes back depends on the route's auth order; only the status is ours to check.
  assert.equal(get.status, 401)
})

test('the static server serves files with their types and nothing outside the repository', ONCE, async () => {
  const html = await fetch(`${env.origin}/tests/js/pages/blank.html`)
  assert.equal(html.status, 200)
  assert.match(html.headers.get('content-type'), /^text\/html/)
  const js = await fetch(`${env.origin}/tests/js/support/harness.mjs`)
  assert.match(js.headers.get('content-type'), /^text\/javascript/)
  assert.equal((await fetch(`${env.origin}/`)).status, 404)
  assert.equal((await fetch(`${env.origin}/no/such/file.js`)).status, 404)
  assert.equal((await fetch(`${env.origin}/%2e%2e/%2e%2e/etc/passwd`)).status, 404)
  // Dot segments are clamped at the root rather than refused.
  for (const p of ['/../../etc/passwd', '/..%2f..%2fetc/passwd', '/a/%2e%2e/%2e%2e/%2e%2e/x']) {
    assert.ok(resolveUnder(REPO_ROOT, p).startsWith(REPO_ROOT + '/'), p)
  }
  assert.equal(resolveUnder(REPO_ROOT, '/a%00b'), null)
  assert.equal(resolveUnder(REPO_ROOT, '/'), null)
})

test('a page records its cross-origin requests to the fake, and its console', async () => {
  await env.withPage(async (p) => {
    const out = await p.evaluate(async ({ fakeUrl, cst }) => {
      console.warn('hello from the page')
      const res = await fetch(`${fakeUrl}/devices/list?device_ids=august_device_1`, {
        headers: { 'client-session-token': cst },
        credentials: 'include',
      })
      return { origin: location.origin, status: res.status, body: await res.json() }
    }, { fakeUrl: env.fakeUrl, cst: SEED_CST })
    assert.notEqual(out.origin, new URL(env.fakeUrl).origin)
    assert.equal(out.status, 200)
    assert.deepEqual(out.body.devices.map((d) => d.device_id), ['august_device_1'])
    // The custom header forces a preflight, which is not recorded.
    assert.deepEqual(p.requests.map((r) => `${r.method} ${r.pathname}`), ['GET /devices/list'])
    assert.equal(p.requests[0].search, '?device_ids=august_device_1')
    const headers = await p.requests[0].request.allHeaders()
    assert.equal(headers['client-session-token'], SEED_CST)
    assert.deepEqual(p.warnings(), ['hello from the page'])
  })
})

test('an uncaught page error fails the page', async () => {
  await assert.rejects(
    env.withPage({ quietPageErrors: true }, async (p) => {
      await p.evaluate(() => { setTimeout(() => { throw new Error('boom') }, 0) })
      await p.wait(100)
    }),
    /uncaught error\(s\) in the page[\s\S]*boom/,
  )
})

test('fresh pages have fresh storage', async () => {
  await env.withPage(async (p) => {
    await p.evaluate(() => localStorage.setItem('seam-wasm:probe', '1'))
  })
  await env.withPage(async (p) => {
    assert.deepEqual(await p.evaluate(() => window.__seamTest.entries()), {})
  })
})

test('the storage-blocking init scripts do what the storage tests expect', async () => {
  await env.withPage({ initScript: () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('blocked', 'SecurityError') },
    })
  } }, async (p) => {
    const out = await p.evaluate(() => { try { return String(window.localStorage) } catch (e) { return e.name } })
    assert.equal(out, 'SecurityError')
  })
})
