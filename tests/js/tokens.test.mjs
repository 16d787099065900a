// Tokens and keys of the wrong kind are refused before anything goes over the network.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useEnv, newUserIdentifierKey } from './support/harness.mjs'
import { GET_OR_CREATE, TOKEN_ERROR_PREFIX, bootstrap, expectError } from './support/actions.mjs'

const env = useEnv()

const UNKNOWN_CST = 'Unknown or invalid clientSessionToken format, expected token to start with seam_cst'

const badClientSessionTokens = [
  ['a publishable key', 'seam_pk1_token', 'A Publishable Key cannot be used as a clientSessionToken'],
  ['an API key', 'seam_apikey1_token', UNKNOWN_CST],
  ['a non-Seam string', 'foo', UNKNOWN_CST],
  ['a JWT', 'eyJhbGciOi.x.y', 'A JWT cannot be used as a clientSessionToken'],
  ['an access token', 'seam_at1_longtoken', 'An Access Token cannot be used as a clientSessionToken'],
]

// Lets any request the package might still send show up before counting.
const settle = (p) => p.wait(100)

for (const [label, token, text] of badClientSessionTokens) {
  test(`fromClientSessionToken refuses ${label} synchronously`, async () => {
    await env.withPage(async (p) => {
      const out = await p.evaluate(async (token) => {
        const t = window.__seamTest
        const { SeamClient } = await t.load()
        let returned
        try {
          returned = SeamClient.fromClientSessionToken(token, { endpoint: t.fakeUrl })
        } catch (e) {
          return { threw: t.describe(e) }
        }
        // A promise here would mean the error is not synchronous; keep it from going unhandled.
        const isPromise = typeof returned?.then === 'function'
        if (isPromise) returned.then(() => {}, () => {})
        return { threw: null, returned: isPromise ? 'a promise' : typeof returned }
      }, token)
      assert.ok(out.threw, `did not throw synchronously; returned ${out.returned}`)
      const e = out.threw
      assert.equal(e.name, 'SeamHttpInvalidTokenError')
      assert.equal(e.instanceOf.SeamHttpInvalidTokenError, true)
      assert.equal(e.instanceOfError, true)
      assert.ok(e.message.startsWith(TOKEN_ERROR_PREFIX), e.message)
      assert.ok(e.message.includes(text), e.message)
      await settle(p)
      assert.equal(p.requests.length, 0)
    })
  })
}

const badPublishableKeys = [
  ['a client session token', 'seam_cst1_token', 'A Client Session Token Key cannot be used as a publishableKey'],
  ['a non-Seam string', 'nope', 'Unknown or invalid publishableKey format, expected token to start with seam_pk'],
]

for (const [label, publishableKey, text] of badPublishableKeys) {
  test(`fromPublishableKey refuses ${label}`, async () => {
    await env.withPage(async (p) => {
      const result = await bootstrap(p, newUserIdentifierKey(), { publishableKey })
      const e = expectError(result, 'SeamHttpInvalidTokenError')
      assert.notEqual(result.sync, true, 'threw synchronously instead of rejecting')
      assert.ok(e.message.startsWith(TOKEN_ERROR_PREFIX), e.message)
      assert.ok(e.message.includes(text), e.message)
      await settle(p)
      assert.equal(p.requests.length, 0)
    })
  })
}

test('fromPublishableKey refuses an empty user identifier key', async () => {
  await env.withPage(async (p) => {
    const result = await bootstrap(p, '')
    expectError(result, 'SeamHttpInvalidOptionsError')
    assert.notEqual(result.sync, true, 'threw synchronously instead of rejecting')
    await settle(p)
    assert.equal(p.requests.length, 0)
  })
})

test('an unknown publishable key comes back as the API error workspace_not_found', async () => {
  await env.withPage(async (p) => {
    const e = expectError(await bootstrap(p, newUserIdentifierKey(), { publishableKey: 'seam_pk_unknown' }), 'SeamHttpApiError')
    assert.equal(e.isApi, true)
    assert.equal(e.code, 'workspace_not_found')
    assert.equal(e.statusCode, 400)
    assert.equal(p.sent(GET_OR_CREATE).length, 1)
    assert.deepEqual(await p.evaluate(() => window.__seamTest.entries()), {})
  })
})
