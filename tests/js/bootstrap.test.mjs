// fromPublishableKey: the bootstrap request, what gets stored where, reuse after a reload,
// storage options and fallbacks, and the package's exports.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useEnv, newUserIdentifierKey, PUBLISHABLE_KEY, ERROR_CLASSES } from './support/harness.mjs'
import {
  GET_OR_CREATE, bootstrap, run, entries, expectError, expectOk, publishableKeyStorageKey, lastUserStorageKey, sha256Hex,
  saltStorageKey, saltOf, userTag,
} from './support/actions.mjs'

const env = useEnv()

test('fromPublishableKey sends one get_or_create and then uses the client session token', async () => {
  const uik = newUserIdentifierKey()
  await env.withPage(async (p) => {
    const { token } = expectOk(await bootstrap(p, uik))
    const session = expectOk(await run(p, (c) => c.clientSessions.get()))

    const gocs = p.sent(GET_OR_CREATE)
    assert.equal(gocs.length, 1)
    assert.equal(gocs[0].method, 'POST')
    const gocHeaders = await gocs[0].request.allHeaders()
    assert.equal(gocHeaders['seam-publishable-key'], PUBLISHABLE_KEY)
    assert.equal(gocHeaders.authorization, undefined)
    assert.deepEqual(JSON.parse(gocs[0].request.postData()), { user_identifier_key: uik })

    assert.match(token, /^seam_cst1/)
    const [fakeSession] = await env.control('getClientSessions', { userIdentifierKey: uik })
    assert.equal(token, fakeSession.token)
    assert.equal(session.user_identifier_key, uik)

    const later = p.requests.filter((r) => r.pathname !== GET_OR_CREATE)
    assert.ok(later.length >= 1, 'clientSessions.get() sent no request')
    for (const r of later) {
      const h = await r.request.allHeaders()
      assert.equal(h.authorization, `Bearer ${token}`, r.pathname)
      assert.equal(h['client-session-token'], token, r.pathname)
      assert.ok(h['seam-sdk-name'], `${r.pathname} lacks seam-sdk-name`)
      assert.ok(h['seam-sdk-version'], `${r.pathname} lacks seam-sdk-version`)
    }
    assert.deepEqual(p.warnings().filter((w) => /email/i.test(w)), [])
  })
})

test('the session is stored under one hashed key, with token, expiry and id', async () => {
  const uik = newUserIdentifierKey()
  await env.withPage(async (p) => {
    const { token } = expectOk(await bootstrap(p, uik))
    const stored = await entries(p)
    const pointer = lastUserStorageKey(env.fakeUrl)
    const keys = Object.keys(stored).filter((k) => k !== pointer && k !== saltStorageKey(env.fakeUrl))
    assert.equal(keys.length, 1, `keys: ${keys}`)
    const [key] = keys
    assert.ok(key.startsWith('seam-wasm:'))
    // Neither the key nor its plain hash, which a table of hashes of likely keys would reverse.
    for (const [k, v] of Object.entries(stored)) {
      for (const secret of [uik, sha256Hex(uik)]) {
        assert.ok(!k.includes(secret), `a key holds ${secret}`)
        assert.ok(!v.includes(secret), `a value holds ${secret}`)
      }
    }
    assert.match(saltOf(stored, env.fakeUrl), /^[0-9a-f]{16}$/)
    assert.deepEqual(JSON.parse(stored[pointer]), { user: userTag(uik, saltOf(stored, env.fakeUrl)) })
    const value = JSON.parse(stored[key])
    assert.ok('token' in value && 'expires_at' in value && 'client_session_id' in value, stored[key])
    assert.equal(value.token, token)
    const [fakeSession] = await env.control('getClientSessions', { userIdentifierKey: uik })
    assert.equal(value.client_session_id, fakeSession.client_session_id)
    // The format of the stored expiry is the package's choice; the instant is not.
    assert.equal(new Date(value.expires_at).getTime(), new Date(fakeSession.expires_at).getTime())
    assert.deepEqual(await entries(p, 'sessionStorage'), {})
  })
})

test('the storage key has the documented format', async () => {
  const uik = newUserIdentifierKey()
  await env.withPage(async (p) => {
    expectOk(await bootstrap(p, uik))
    const stored = await entries(p)
    const salt = saltOf(stored, env.fakeUrl)
    assert.deepEqual(Object.keys(stored).sort(), [lastUserStorageKey(env.fakeUrl), saltStorageKey(env.fakeUrl), publishableKeyStorageKey(env.fakeUrl, uik, salt)].sort())
  })
})

test('the salt differs between browsers, and so does the key of the same user', async () => {
  const uik = newUserIdentifierKey()
  const keys = []
  for (let i = 0; i < 2; i++) {
    await env.withPage(async (p) => {
      expectOk(await bootstrap(p, uik))
      keys.push(Object.keys(await entries(p)).sort())
    })
  }
  assert.notDeepEqual(keys[0], keys[1])
})

test('after a reload the stored session is reused without a new get_or_create', async () => {
  const uik = newUserIdentifierKey()
  await env.withPage(async (p) => {
    const first = expectOk(await bootstrap(p, uik))
    assert.equal(p.sent(GET_OR_CREATE).length, 1)
    const mark = p.requests.length
    await p.reload()
    const second = expectOk(await bootstrap(p, uik))
    const devices = expectOk(await run(p, (c) => c.devices.list()))
    const afterReload = p.requests.slice(mark)
    assert.equal(afterReload.filter((r) => r.pathname === GET_OR_CREATE).length, 0)
    assert.equal(second.token, first.token)
    // A fresh user has no connected accounts, hence no devices.
    assert.deepEqual(devices, [])
    const list = afterReload.filter((r) => r.pathname === '/devices/list')
    assert.equal(list.length, 1)
    assert.equal((await list[0].request.allHeaders())['client-session-token'], first.token)
  })
})

test('sign-ins of one user that start together share one get_or_create (StrictMode, double clicks)', async () => {
  const [a, b] = [newUserIdentifierKey(), newUserIdentifierKey()]
  await env.withPage(async (p) => {
    const out = await p.evaluate(async ({ a, b }) => {
      const t = window.__seamTest
      const { SeamClient } = await t.load()
      const signIn = (uik, storage) => SeamClient.fromPublishableKey('seam_pk1_token', uik, { endpoint: t.fakeUrl, storage })
      const together = await Promise.all([signIn(a), signIn(a), signIn(a), signIn(b), signIn(a, 'memory')])
      const later = await signIn(a)
      return { tokens: together.map((c) => c.clientSessionToken), later: later.clientSessionToken }
    }, { a, b })
    const [a1, a2, a3, b1, aMemory] = out.tokens
    assert.equal(a2, a1)
    assert.equal(a3, a1)
    assert.notEqual(b1, a1)
    assert.equal(out.later, a1, 'the stored session is resumed afterwards')
    // One for user a in localStorage, one for user b, one for user a in memory (another scope).
    assert.equal(p.sent(GET_OR_CREATE).length, 3)
    assert.ok(aMemory)
  })
})

test('two user identifier keys get two sessions and two storage keys', async () => {
  const [a, b] = [newUserIdentifierKey(), newUserIdentifierKey()]
  await env.withPage(async (p) => {
    const ta = expectOk(await bootstrap(p, a, { name: 'clientA' })).token
    const tb = expectOk(await bootstrap(p, b, { name: 'clientB' })).token
    assert.notEqual(ta, tb)
    const { [lastUserStorageKey(env.fakeUrl)]: pointer, [saltStorageKey(env.fakeUrl)]: salt, ...stored } = await entries(p)
    assert.equal(Object.keys(stored).length, 2)
    assert.deepEqual(Object.values(stored).map((v) => JSON.parse(v).token).sort(), [ta, tb].sort())
    assert.deepEqual(JSON.parse(pointer), { user: userTag(b, JSON.parse(salt).salt) }, 'the last user to sign in')
    assert.equal(p.sent(GET_OR_CREATE).length, 2)
  })
})

test("storage: 'sessionStorage' keeps the session in sessionStorage only", async () => {
  await env.withPage(async (p) => {
    const { token } = expectOk(await bootstrap(p, newUserIdentifierKey(), { options: { storage: 'sessionStorage' } }))
    const { [lastUserStorageKey(env.fakeUrl)]: pointer, [saltStorageKey(env.fakeUrl)]: salt, ...session } = await entries(p, 'sessionStorage')
    assert.ok(pointer && salt, 'the last user and the salt are kept beside the session')
    assert.equal(Object.keys(session).length, 1)
    assert.equal(JSON.parse(Object.values(session)[0]).token, token)
    assert.deepEqual(await entries(p, 'localStorage'), {})
  })
})

test("storage: 'memory' stores nothing in the browser", async () => {
  await env.withPage(async (p) => {
    expectOk(await bootstrap(p, newUserIdentifierKey(), { options: { storage: 'memory' } }))
    expectOk(await run(p, (c) => c.devices.list()))
    assert.deepEqual(await entries(p, 'localStorage'), {})
    assert.deepEqual(await entries(p, 'sessionStorage'), {})
  })
})

test('an unknown storage option is refused before any request', async () => {
  await env.withPage(async (p) => {
    const result = await bootstrap(p, newUserIdentifierKey(), { options: { storage: 'bogus' } })
    expectError(result, 'SeamHttpInvalidOptionsError')
    assert.notEqual(result.sync, true, 'threw synchronously instead of rejecting')
    await p.wait(50)
    assert.equal(p.requests.length, 0)
  })
})

// Two ways a browser refuses storage: the methods throw (blocked cookies/site data), or the
// `localStorage` getter itself throws (sandboxed frames, some privacy modes).
const blockedStorage = {
  'Storage methods throw': () => {
    const deny = function () { throw new DOMException('The operation is insecure.', 'SecurityError') }
    Storage.prototype.setItem = deny
    Storage.prototype.getItem = deny
  },
  'the localStorage getter throws': () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('Access is denied for this document.', 'SecurityError') },
    })
  },
}

for (const [label, initScript] of Object.entries(blockedStorage)) {
  test(`when ${label}, the client falls back to memory and warns once`, async () => {
    await env.withPage({ initScript }, async (p) => {
      expectOk(await bootstrap(p, newUserIdentifierKey(), { name: 'clientA' }), 'first bootstrap')
      expectOk(await bootstrap(p, newUserIdentifierKey(), { name: 'clientB' }), 'second bootstrap')
      const a = expectOk(await run(p, (c) => c.devices.list(), null, { name: 'clientA' }))
      const b = expectOk(await run(p, (c) => c.clientSessions.get(), null, { name: 'clientB' }))
      assert.ok(Array.isArray(a))
      assert.equal(typeof b.client_session_id, 'string')
      const storageWarnings = p.warnings().filter((w) => /storage/i.test(w))
      assert.equal(storageWarnings.length, 1, `warnings: ${JSON.stringify(p.warnings())}`)
    })
  })
}

test('an email-like user identifier key gets one warning', async () => {
  await env.withPage(async (p) => {
    expectOk(await bootstrap(p, 'jane@example.com', { options: { storage: 'memory' } }))
    const emailWarnings = p.warnings().filter((w) => /email/i.test(w))
    assert.equal(emailWarnings.length, 1, `warnings: ${JSON.stringify(p.warnings())}`)
  })
})

test('new SeamClient(apiKeyOrOptions) in a page: a client session token or a console session, never a server key', async () => {
  await env.withPage(async (p) => {
    const result = await p.evaluate(async () => {
      const t = window.__seamTest
      const { SeamClient, SeamHttp } = await t.load()
      const endpoint = t.fakeUrl
      const made = new SeamHttp({ clientSessionToken: 'seam_cst1_token', endpoint, storage: 'memory' })
      const console = SeamClient.fromConsoleSessionToken('eyJhbGciOiJub25lIn0.e30.', 'seed_workspace_1', { endpoint })
      return {
        same: SeamHttp === SeamClient,
        none: await t.capture(() => new SeamClient()),
        apiKey: await t.capture(() => new SeamClient('seam_apikey1_token')),
        personal: await t.capture(() => new SeamClient({ personalAccessToken: 'seam_at1_longtoken', workspaceId: 'seed_workspace_1' })),
        devices: (await made.devices.list()).length,
        console: console instanceof SeamClient && console.clientSessionToken === null,
      }
    })
    assert.equal(result.same, true)
    assert.equal(result.none.error?.name, 'SeamHttpInvalidOptionsError')
    assert.match(result.none.error.message, /^SeamHttp received invalid options: Must specify an apiKey, clientSessionToken, publishableKey, consoleSessionToken or personalAccessToken\./)
    for (const refused of [result.apiKey, result.personal]) {
      assert.equal(refused.error?.name, 'SeamHttpInvalidOptionsError')
      assert.match(refused.error.message, /cannot be used in a browser/)
    }
    assert.equal(result.devices, 4)
    assert.equal(result.console, true)
  })
})

test('the error classes and guards are exported and named after their class', async () => {
  await env.withPage(async (p) => {
    const out = await p.evaluate(async (classes) => {
      const m = await window.__seamTest.load()
      const report = {}
      for (const cls of classes) {
        const C = m[cls]
        const guard = m[`is${cls}`]
        const r = { exported: typeof C === 'function', guard: typeof guard }
        if (r.exported) {
          const e = new C('probe')
          r.name = e.name
          r.className = C.name
          r.isError = e instanceof Error
          r.isApiError = e instanceof m.SeamHttpApiError
          r.message = e.message
          if (typeof guard === 'function') {
            r.guardTrue = guard(e)
            r.guardFalse = guard(new Error('plain'))
          }
        }
        report[cls] = r
      }
      return report
    }, ERROR_CLASSES)
    for (const cls of ERROR_CLASSES) {
      const r = out[cls]
      assert.equal(r.exported, true, `${cls} is not exported`)
      assert.equal(r.guard, 'function', `is${cls} is not exported`)
      assert.equal(r.name, cls)
      assert.equal(r.className, cls)
      assert.equal(r.isError, true, `${cls} is not an Error`)
      assert.equal(r.message, 'probe')
      assert.equal(r.guardTrue, true, `is${cls} rejects its own class`)
      assert.equal(r.guardFalse, false, `is${cls} accepts a plain Error`)
    }
    assert.equal(out.SeamHttpUnauthorizedError.isApiError, true)
    assert.equal(out.SeamHttpInvalidInputError.isApiError, true)
    assert.equal(out.SeamHttpInvalidTokenError.isApiError, false)
  })
})
