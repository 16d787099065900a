// Page-side steps shared by the test files. Each runs inside the page through page.evaluate
// and returns plain JSON; the client under test is kept on `window.client` between steps.

import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { PUBLISHABLE_KEY } from './harness.mjs'

export const GET_OR_CREATE = '/client_sessions/get_or_create'
export const TOKEN_ERROR_PREFIX = 'SeamHttp received an invalid token: '

export const sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex')

// The user's tag, as the package documents it: SHA-256 of the salt (its 16 hex digits, as
// text) and the user identifier key, then 10,000 rounds of SHA-256 of the digest and the salt;
// hex.
export function userTag(userIdentifierKey, salt) {
  let digest = createHash('sha256').update(salt + userIdentifierKey, 'utf8').digest()
  for (let i = 0; i < 10_000; i++) digest = createHash('sha256').update(digest).update(salt, 'utf8').digest()
  return digest.toString('hex')
}

// The storage keys the package documents.
export const saltStorageKey = (endpoint, publishableKey = PUBLISHABLE_KEY) => `seam-wasm:v1:${endpoint}:${publishableKey}:salt`
// The salt of a key's users in a storage area's entries (see `entries`).
export const saltOf = (stored, endpoint, publishableKey = PUBLISHABLE_KEY) => JSON.parse(stored[saltStorageKey(endpoint, publishableKey)]).salt
export const publishableKeyStorageKey = (endpoint, userIdentifierKey, salt, publishableKey = PUBLISHABLE_KEY) =>
  `seam-wasm:v1:${endpoint}:${publishableKey}:${userTag(userIdentifierKey, salt)}`
export const clientSessionTokenStorageKey = (endpoint) => `seam-wasm:v1:${endpoint}:client-session-token`
// Which user of a publishable key signed in last: `{ "user": <the user's tag> }`.
export const lastUserStorageKey = (endpoint, publishableKey = PUBLISHABLE_KEY) => `seam-wasm:v1:${endpoint}:${publishableKey}`

// fromPublishableKey against the fake; `window[name]` holds the client afterwards.
export const bootstrap = (p, userIdentifierKey, { options = {}, publishableKey = PUBLISHABLE_KEY, name = 'client' } = {}) =>
  p.evaluate(async ({ publishableKey, userIdentifierKey, options, name }) => {
    const t = window.__seamTest
    const { SeamClient } = await t.load()
    // The factory is async: failures should come back as a rejection, which `sync` tells apart.
    let pending
    try {
      pending = SeamClient.fromPublishableKey(publishableKey, userIdentifierKey, { endpoint: t.fakeUrl, ...options })
    } catch (e) {
      return { ok: false, sync: true, error: t.describe(e) }
    }
    return t.capture(async () => {
      const client = await pending
      window[name] = client
      return { token: client.clientSessionToken }
    })
  }, { publishableKey, userIdentifierKey, options, name })

// fromClientSessionToken against the fake (or options.endpoint); `window[name]` holds the client.
export const fromToken = (p, token, { options = {}, name = 'client' } = {}) =>
  p.evaluate(async ({ token, options, name }) => {
    const t = window.__seamTest
    const { SeamClient } = await t.load()
    return t.capture(() => {
      const client = SeamClient.fromClientSessionToken(token, { endpoint: t.fakeUrl, ...options })
      window[name] = client
      return { token: client.clientSessionToken }
    })
  }, { token, options, name })

// Runs `fn(client, arg, helpers)` in the page against `window[name]`; returns the capture
// result ({ ok, value } or { ok: false, error }). `fn` must not close over test variables.
export const run = (p, fn, arg, { name = 'client' } = {}) =>
  p.evaluate(async ({ src, arg, name }) => {
    const t = window.__seamTest
    if (!t.m) await t.load()
    const f = (0, eval)(`(${src})`)
    return t.capture(() => f(window[name], arg, t))
  }, { src: fn.toString(), arg, name })

// A new session straight from the fake with a raw fetch in the page, for a good token the
// client has not seen.
export const rawGetOrCreate = (p, userIdentifierKey, publishableKey = PUBLISHABLE_KEY) =>
  p.evaluate(async ({ userIdentifierKey, publishableKey }) => {
    const res = await fetch(`${window.__seamTest.fakeUrl}/client_sessions/get_or_create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'seam-publishable-key': publishableKey },
      body: JSON.stringify({ user_identifier_key: userIdentifierKey }),
    })
    const body = await res.json()
    if (!res.ok) throw new Error(`get_or_create: ${res.status} ${JSON.stringify(body)}`)
    return body.client_session
  }, { userIdentifierKey, publishableKey })

export const entries = (p, area = 'localStorage') => p.evaluate((area) => window.__seamTest.entries(area), area)

// Asserts a capture result failed with `className`, and returns the error description.
export function expectError(result, className, context = '') {
  assert.equal(result.ok, false, `${context} expected ${className}, but it resolved with ${JSON.stringify(result.value)}`)
  const e = result.error
  assert.equal(e.name, className, `${context} error was ${JSON.stringify(e)}`)
  assert.equal(e.instanceOf[className], true, `${context} not instanceof ${className}: ${JSON.stringify(e)}`)
  assert.equal(e.instanceOfError, true, `${context} not instanceof Error`)
  return e
}

export function expectOk(result, context = '') {
  assert.equal(result.ok, true, `${context} rejected: ${JSON.stringify(result.error)}`)
  return result.value
}
