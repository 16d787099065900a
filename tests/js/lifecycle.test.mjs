// The session's life beyond a single call: renewal before it ends (`renewBefore`), the page's
// own `fetch`, and what `onSessionChange` listeners hear.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useEnv, newUserIdentifierKey, SEED_CST, DEAD_CST } from './support/harness.mjs'
import { GET_OR_CREATE, bootstrap, fromToken, run, entries, expectError, expectOk } from './support/actions.mjs'

const env = useEnv()

// Sets the stored session's expiry to `ms` from now, as a session near its end would be stored.
const expireStoredIn = (p, ms) =>
  p.evaluate((ms) => {
    const [key] = window.__seamTest.sessionKeys()
    const value = JSON.parse(localStorage.getItem(key))
    value.expires_at = new Date(Date.now() + ms).toISOString()
    localStorage.setItem(key, JSON.stringify(value))
    return value.token
  }, ms)

// Signs `uik` in, stores the session as ending `ms` from now, and reloads the page: the next
// sign-in finds it. Returns its token and how many requests came before the reload.
async function storedEndingIn(p, uik, ms) {
  expectOk(await bootstrap(p, uik))
  const token = await expireStoredIn(p, ms)
  await p.reload()
  return { token, mark: p.requests.length }
}

const storedSession = async (p) => Object.values(await entries(p)).map((v) => JSON.parse(v)).find((v) => 'token' in v)

test('a stored session 60 s from its end is renewed as the user signs in: one get_or_create, then no call refused', async () => {
  const uik = newUserIdentifierKey()
  await env.withPage(async (p) => {
    const { mark } = await storedEndingIn(p, uik, 60_000)
    expectOk(await bootstrap(p, uik))
    const devices = expectOk(await run(p, (c) => c.devices.list()))
    assert.ok(Array.isArray(devices))
    // One request per call: none was refused and sent again.
    assert.deepEqual(p.requests.slice(mark).map((r) => r.pathname), [GET_OR_CREATE, '/devices/list'])
    // The fake's session runs for a year: that is what is stored now.
    assert.ok(new Date((await storedSession(p)).expires_at).getTime() > Date.now() + 86_400_000)
  })
})

test('a call that starts when the session ends within renewBefore renews it first, once for all calls, and says so', async () => {
  const uik = newUserIdentifierKey()
  await env.withPage(async (p) => {
    const { mark } = await storedEndingIn(p, uik, 8_000)
    // 8 s left, 5 s of margin: resumed as it is.
    expectOk(await bootstrap(p, uik, { options: { renewBefore: 5_000 } }))
    assert.equal(p.requests.slice(mark).length, 0)
    expectOk(await run(p, (c) => {
      window.changes = []
      c.onSessionChange((change) => window.changes.push(change))
    }))
    await p.wait(3_500)
    const results = expectOk(await run(p, async (c) => (await Promise.allSettled([c.devices.list(), c.devices.list(), c.locks.list()])).map((r) => r.status)))
    assert.deepEqual(results, ['fulfilled', 'fulfilled', 'fulfilled'])
    // The renewal first, then one request per call: none was refused and sent again.
    const sent = p.requests.slice(mark).map((r) => r.pathname)
    assert.deepEqual([sent[0], ...sent.slice(1).sort()], [GET_OR_CREATE, '/devices/list', '/devices/list', '/locks/list'])
    const changes = await p.evaluate(() => window.changes)
    const stored = await storedSession(p)
    assert.deepEqual(changes, [{ type: 'renewed', expiresAt: stored.expires_at, clientSessionId: stored.client_session_id }])
    assert.ok(!JSON.stringify(changes).includes('seam_cst'), 'a token reached the listener')
  })
})

test('renewBefore: 0 resumes a session near its end and renews only once the API refuses it', async () => {
  const uik = newUserIdentifierKey()
  await env.withPage(async (p) => {
    const { token, mark } = await storedEndingIn(p, uik, 60_000)
    assert.equal(expectOk(await bootstrap(p, uik, { options: { renewBefore: 0 } })).token, token)
    expectOk(await run(p, (c) => c.devices.list()))
    assert.deepEqual(p.requests.slice(mark).map((r) => r.pathname), ['/devices/list'])
  })
})

test('options refuse a renewBefore that is not a duration and a fetch that is not a function', async () => {
  await env.withPage(async (p) => {
    for (const options of [{ renewBefore: -1 }, { renewBefore: '5m' }, { renewBefore: Infinity }, { fetch: 'fetch' }, { fetch: {} }]) {
      expectError(await fromToken(p, SEED_CST, { options }), 'SeamHttpInvalidOptionsError', JSON.stringify(options))
    }
  })
})

test('the fetch option carries every request, sign-in included, and what it throws rejects the call with SeamHttpNetworkError', async () => {
  const uik = newUserIdentifierKey()
  await env.withPage(async (p) => {
    const seen = expectOk(await p.evaluate(async (uik) => {
      const t = window.__seamTest
      const { SeamClient } = await t.load()
      return t.capture(async () => {
        const seen = []
        const client = await SeamClient.fromPublishableKey('seam_pk1_token', uik, {
          endpoint: t.fakeUrl,
          fetch: (url, init) => {
            seen.push(`${init.method} ${new URL(url).pathname}`)
            return fetch(url, init)
          },
        })
        await client.devices.list()
        return seen
      })
    }, uik))
    assert.deepEqual(seen, [`POST ${GET_OR_CREATE}`, 'GET /devices/list'])

    const mark = p.requests.length
    const failed = await p.evaluate(async () => {
      const t = window.__seamTest
      const { SeamClient } = await t.load()
      const cause = new Error('offline')
      const client = SeamClient.fromClientSessionToken('seam_cst1_token', { endpoint: t.fakeUrl, storage: 'memory', fetch: () => { throw cause } })
      const rejecting = SeamClient.fromClientSessionToken('seam_cst1_token', { endpoint: t.fakeUrl, storage: 'memory', fetch: async () => Promise.reject(cause) })
      const results = []
      for (const c of [client, rejecting]) {
        try {
          await c.devices.list()
          results.push({ resolved: true })
        } catch (e) {
          results.push({ ...t.describe(e), causeIsIt: e.cause === cause })
        }
      }
      return results
    })
    for (const result of failed) {
      assert.equal(result.name, 'SeamHttpNetworkError', JSON.stringify(result))
      assert.equal(result.causeIsIt, true)
    }
    assert.equal(p.requests.length, mark, 'the global fetch was used')

    // A fetch that never answers and ignores the abort signal still times out.
    const stuck = await p.evaluate(async () => {
      const t = window.__seamTest
      const { SeamClient } = await t.load()
      const client = SeamClient.fromClientSessionToken('seam_cst1_token', { endpoint: t.fakeUrl, storage: 'memory', timeout: 300, retries: 0, fetch: () => new Promise(() => {}) })
      return t.capture(() => client.devices.list())
    })
    expectError(stuck, 'SeamHttpTimeoutError')
  })
})

test('onSessionChange: replaced by another tab or a new token, signed out, ended; a listener that throws breaks nothing', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    expectOk(await run(p, (c) => {
      window.changes = []
      c.onSessionChange(() => {
        throw new Error('a listener that throws')
      })
      const stop = c.onSessionChange((change) => window.changes.push(change))
      window.stopListening = stop
    }))
    // Another tab stores another session for this endpoint.
    await p.evaluate(() => {
      const [key] = window.__seamTest.sessionKeys()
      const value = JSON.stringify({ token: 'seam_cst1_other', expires_at: '2099-01-01T00:00:00.000Z', client_session_id: 'cs_other' })
      localStorage.setItem(key, value)
      window.dispatchEvent(new StorageEvent('storage', { key, newValue: value, storageArea: localStorage }))
    })
    expectOk(await run(p, (c, token) => c.updateClientSessionToken(token), SEED_CST))
    expectOk(await run(p, (c) => c.signOut()))
    await p.wait(50)
    const changes = await p.evaluate(() => window.changes)
    assert.deepEqual(changes.map((c) => c.type), ['replaced', 'replaced', 'signedOut'])
    assert.deepEqual(changes[0], { type: 'replaced', expiresAt: '2099-01-01T00:00:00.000Z', clientSessionId: 'cs_other' })
    assert.deepEqual(changes[2], { type: 'signedOut', expiresAt: null, clientSessionId: null })
    expectError(await run(p, (c) => c.devices.list()), 'SeamHttpSignedOutError')
    // The throwing listener's errors reach the page as uncaught errors do, one per change.
    assert.deepEqual(p.pageErrors.map((e) => String(e?.message ?? e)), Array(3).fill('a listener that throws'))
    p.pageErrors.length = 0

    // A token the API has no session for ends, once, however many calls find it so.
    expectOk(await fromToken(p, DEAD_CST, { name: 'dead' }))
    expectOk(await run(p, (c) => {
      window.ended = []
      c.onSessionChange((change) => window.ended.push(change.type))
    }, null, { name: 'dead' }))
    for (let i = 0; i < 2; i++) expectError(await run(p, (c) => c.devices.list(), null, { name: 'dead' }), 'SeamHttpUnauthorizedError')
    await p.wait(50)
    assert.deepEqual(await p.evaluate(() => window.ended), ['ended'])

    // Removed listeners hear nothing more; a listener must be a function.
    expectOk(await fromToken(p, SEED_CST))
    expectOk(await run(p, (c) => {
      window.changes = []
      const stop = c.onSessionChange((change) => window.changes.push(change))
      stop()
      stop()
      c.signOut()
    }))
    await p.wait(50)
    assert.deepEqual(await p.evaluate(() => window.changes), [])
    const refusedListener = await run(p, (c) => c.onSessionChange('not a function'))
    assert.equal(refusedListener.ok, false)
  })
})

// A storage adapter over a Map the test can see: `delay` ms for each answer (0: at once), and
// `subscribe` when `listeners` is given.
const adapterSource = `(backing, { delay = 0, listeners = null, fail = null } = {}) => {
  const answer = (value) => (delay ? new Promise((resolve) => setTimeout(() => resolve(value), delay)) : value)
  const adapter = {
    getItem: (key) => { if (fail === 'throw') throw new Error('adapter down'); if (fail === 'reject') return Promise.reject(new Error('adapter down')); return answer(backing.has(key) ? backing.get(key) : null) },
    setItem: (key, value) => { if (fail === 'throw') throw new Error('adapter down'); if (fail === 'reject') return Promise.reject(new Error('adapter down')); backing.set(key, value); return answer(undefined) },
    removeItem: (key) => { backing.delete(key); return answer(undefined) },
  }
  if (listeners) adapter.subscribe = (listener) => { listeners.add(listener); return () => listeners.delete(listener) }
  return adapter
}`

// fromPublishableKey with an adapter made in the page by `adapterSource` over `window.backing`.
const withAdapter = (p, uik, adapterOptions = {}, name = 'client') =>
  p.evaluate(async ({ uik, src, adapterOptions, name }) => {
    const t = window.__seamTest
    const { SeamClient } = await t.load()
    window.backing ??= new Map()
    window.listeners ??= new Set()
    const make = (0, eval)(`(${src})`)
    const options = { ...adapterOptions, listeners: adapterOptions.listeners ? window.listeners : null }
    return t.capture(async () => {
      const client = await SeamClient.fromPublishableKey('seam_pk1_token', uik, { endpoint: t.fakeUrl, storage: make(window.backing, options) })
      window[name] = client
      return { token: client.clientSessionToken }
    })
  }, { uik, src: adapterSource, adapterOptions, name })

const backing = (p) => p.evaluate(() => Object.fromEntries(window.backing))

for (const delay of [0, 20]) {
  test(`a storage adapter answering ${delay ? 'with promises' : 'at once'} keeps the session: stored as documented, resumed with no request, removed at sign-out`, async () => {
    const uik = newUserIdentifierKey()
    await env.withPage(async (p) => {
      const { token } = expectOk(await withAdapter(p, uik, { delay }))
      assert.deepEqual(await entries(p), {}, 'localStorage was written')
      const stored = Object.values(await backing(p)).map((v) => JSON.parse(v))
      const session = stored.find((v) => 'token' in v)
      assert.deepEqual(Object.keys(session).sort(), ['client_session_id', 'expires_at', 'token'])
      assert.equal(session.token, token)
      assert.ok(!JSON.stringify(stored).includes(uik), 'the user identifier key was stored')

      // Another page load: a new client over the same backing store.
      const mark = p.requests.length
      assert.equal(expectOk(await withAdapter(p, uik, { delay }, 'again')).token, token)
      assert.deepEqual(p.requests.slice(mark).map((r) => r.pathname), [], 'resuming sent a request')

      // A session the API refuses is renewed through the adapter: one get_or_create.
      await p.evaluate((dead) => {
        for (const [key, value] of window.backing) {
          if (value.includes('"token"')) window.backing.set(key, JSON.stringify({ ...JSON.parse(value), token: dead }))
        }
      }, DEAD_CST)
      expectOk(await withAdapter(p, uik, { delay }, 'third'))
      const listed = expectOk(await run(p, (c) => c.devices.list(), null, { name: 'third' }))
      assert.ok(Array.isArray(listed))
      assert.equal(p.sent(GET_OR_CREATE).length, 2)

      const sync = await p.evaluate(async (src) => {
        const t = window.__seamTest
        const { SeamClient } = await t.load()
        const make = (0, eval)(`(${src})`)
        return t.capture(() => {
          const client = SeamClient.fromStoredPublishableKeySession('seam_pk1_token', { endpoint: t.fakeUrl, storage: make(window.backing, { delay: window.delay }) })
          return client === null ? 'null' : 'client'
        })
      }, adapterSource.replace('{ delay = 0', `{ delay = ${delay}`))
      if (delay) expectError(sync, 'SeamHttpInvalidOptionsError')
      else assert.equal(expectOk(sync), 'client')

      expectOk(await run(p, (c) => c.signOut(), null, { name: 'third' }))
      await p.wait(100)
      assert.deepEqual(Object.values(await backing(p)).filter((v) => v.includes('"token"')), [])
    })
  })
}

for (const fail of ['throw', 'reject']) {
  test(`a storage adapter that ${fail}s falls back to memory with one warning, and loses nothing`, async () => {
    const uik = newUserIdentifierKey()
    await env.withPage(async (p) => {
      // Two sign-ins of one user on this page with the failing adapter: the second finds the
      // session the first kept in memory.
      const result = expectOk(await p.evaluate(async ({ uik, src, fail }) => {
        const t = window.__seamTest
        const { SeamClient } = await t.load()
        const adapter = (0, eval)(`(${src})`)(new Map(), { fail })
        return t.capture(async () => {
          const options = { endpoint: t.fakeUrl, storage: adapter }
          const first = await SeamClient.fromPublishableKey('seam_pk1_token', uik, options)
          const devices = await first.devices.list()
          const second = await SeamClient.fromPublishableKey('seam_pk1_token', uik, options)
          return { listed: Array.isArray(devices), same: first.clientSessionToken === second.clientSessionToken }
        })
      }, { uik, src: adapterSource, fail }))
      assert.deepEqual(result, { listed: true, same: true })
      assert.equal(p.sent(GET_OR_CREATE).length, 1, 'the second sign-in did not find the session in memory')
      const storageWarnings = p.warnings().filter((w) => /storage adapter/i.test(w))
      assert.equal(storageWarnings.length, 1, `warnings: ${JSON.stringify(p.warnings())}`)
    })
  })
}

test('a storage adapter whose getItem never answers is given up after 5 s: the sign-in goes on in memory', async () => {
  const uik = newUserIdentifierKey()
  await env.withPage(async (p) => {
    const result = expectOk(await p.evaluate(async (uik) => {
      const t = window.__seamTest
      const { SeamClient } = await t.load()
      const storage = { getItem: () => new Promise(() => {}), setItem: () => {}, removeItem: () => {} }
      return t.capture(async () => {
        const started = performance.now()
        const client = await SeamClient.fromPublishableKey('seam_pk1_token', uik, { endpoint: t.fakeUrl, storage })
        return { signedIn: typeof client.clientSessionToken === 'string', seconds: Math.round((performance.now() - started) / 1000) }
      })
    }, uik))
    assert.equal(result.signedIn, true)
    assert.equal(p.sent(GET_OR_CREATE).length, 1)
    assert.equal(p.warnings().filter((w) => /storage adapter/i.test(w)).length, 1)
  })
})

test("an adapter's subscribe tells the client of changes made elsewhere", async () => {
  const uik = newUserIdentifierKey()
  await env.withPage(async (p) => {
    expectOk(await withAdapter(p, uik, { listeners: true }))
    expectOk(await run(p, (c) => {
      window.changes = []
      c.onSessionChange((change) => window.changes.push(change.type))
    }))
    await p.evaluate(async () => {
      const key = [...window.backing.keys()].find((k) => window.backing.get(k).includes('"token"'))
      window.backing.set(key, JSON.stringify({ token: 'seam_cst1_elsewhere', expires_at: '2099-01-01T00:00:00.000Z', client_session_id: 'cs_x' }))
      for (const listener of window.listeners) listener(key)
      await new Promise((resolve) => setTimeout(resolve, 20))
      window.backing.delete(key)
      for (const listener of window.listeners) listener(key)
    })
    await p.wait(50)
    assert.deepEqual(await p.evaluate(() => window.changes), ['replaced', 'signedOut'])

    // An adapter that reports the client's own writes back: nothing changes for the client.
    const echoed = expectOk(await p.evaluate(async ({ uik, src }) => {
      const t = window.__seamTest
      const { SeamClient } = await t.load()
      const listeners = new Set()
      const backing = new Map()
      const base = (0, eval)(`(${src})`)(backing, { delay: 10, listeners })
      const storage = { ...base, setItem: async (key, value) => { await base.setItem(key, value); for (const l of listeners) l(key) }, removeItem: async (key) => { await base.removeItem(key); for (const l of listeners) l(key) } }
      return t.capture(async () => {
        const client = await SeamClient.fromPublishableKey('seam_pk1_token', uik, { endpoint: t.fakeUrl, storage })
        const changes = []
        client.onSessionChange((change) => changes.push(change.type))
        await new Promise((resolve) => setTimeout(resolve, 100))
        const listed = await client.devices.list()
        return { changes, listed: Array.isArray(listed) }
      })
    }, { uik: newUserIdentifierKey(), src: adapterSource }))
    assert.deepEqual(echoed, { changes: [], listed: true })
    expectError(await run(p, (c) => c.devices.list()), 'SeamHttpSignedOutError')
  })
})

test('an adapter without its three functions is refused', async () => {
  await env.withPage(async (p) => {
    for (const storage of ['{ getItem() {} }', '{ getItem() {}, setItem() {}, removeItem: 1 }', '{ getItem() {}, setItem() {}, removeItem() {}, subscribe: true }', '[]']) {
      const result = await p.evaluate(async (storage) => {
        const t = window.__seamTest
        const { SeamClient } = await t.load()
        return t.capture(() => SeamClient.fromClientSessionToken('seam_cst1_token', { endpoint: t.fakeUrl, storage: (0, eval)(`(${storage})`) }))
      }, storage)
      expectError(result, 'SeamHttpInvalidOptionsError', storage)
    }
  })
})

// `tabs` pages of one origin signed in as one user; the stored session is then swapped for one
// the API refuses as dead (every tab follows the storage event), and every tab calls at once,
// deaf to the others' storage events. Returns the get_or_create requests of all tabs together.
// An init script: a storage listener ahead of the client's, which stops the event once the
// test sets `window.deaf`.
const deafTabs = () => {
  window.addEventListener('storage', (event) => {
    if (window.deaf) event.stopImmediatePropagation()
  })
}

async function tabsFindTheSessionDead(p, tabs) {
  // Counts, in each tab, the renewal locks asked for.
  const countLocks = async (page) => page.evaluate(() => {
    const request = LockManager.prototype.request
    window.renewalLocks = 0
    LockManager.prototype.request = function (name, ...rest) {
      if (String(name).startsWith('seam-wasm renewal ')) window.renewalLocks++
      return request.call(this, name, ...rest)
    }
  })
  const uik = newUserIdentifierKey()
  const pages = [p]
  for (let i = 1; i < tabs; i++) pages.push(await p.openPage())
  for (const page of pages) expectOk(await bootstrap(page, uik))
  const before = pages.reduce((n, page) => n + page.sent(GET_OR_CREATE).length, 0)
  await p.evaluate((dead) => {
    const [key] = window.__seamTest.sessionKeys()
    localStorage.setItem(key, JSON.stringify({ ...JSON.parse(localStorage.getItem(key)), token: dead }))
  }, DEAD_CST)
  // Every tab has taken the dead token (the first tab's client wrote nothing: it is told too).
  await p.evaluate((dead) => {
    const [key] = window.__seamTest.sessionKeys()
    window.dispatchEvent(new StorageEvent('storage', { key, storageArea: localStorage, newValue: localStorage.getItem(key) }))
  }, DEAD_CST)
  for (const page of pages) {
    for (let i = 0; i < 50 && expectOk(await run(page, (c) => c.clientSessionToken)) !== DEAD_CST; i++) await page.wait(20)
    assert.equal(expectOk(await run(page, (c) => c.clientSessionToken)), DEAD_CST)
  }
  // From now on no tab hears of another's writes (see `deafTabs`): only the lock, and reading
  // storage under it, keep the tabs to one renewal.
  for (const page of pages) {
    await countLocks(page)
    await page.evaluate(() => { window.deaf = true })
  }
  const results = await Promise.all(pages.map((page) => run(page, (c) => c.devices.list())))
  for (const result of results) assert.ok(Array.isArray(expectOk(result)))
  const tokens = new Set()
  for (const page of pages) tokens.add(expectOk(await run(page, (c) => c.clientSessionToken)))
  assert.equal(tokens.size, 1, 'the tabs ended with different sessions')
  // Every tab found the session dead and took its turn under the lock.
  const asked = []
  for (const page of pages) asked.push(await page.evaluate(() => window.renewalLocks))
  assert.ok(asked.every((n) => n >= 1), `a tab renewed without the lock: ${asked} ${pages.map((page) => page.sent().map((r) => r.pathname).join(','))}`)
  return pages.reduce((n, page) => n + page.sent(GET_OR_CREATE).length, 0) - before
}

for (const tabs of [3, 10]) {
  test(`${tabs} tabs that find the session dead at once make one get_or_create`, async (t) => {
    await env.withPage({ initScript: deafTabs }, async (p) => {
      const renewals = await tabsFindTheSessionDead(p, tabs)
      t.diagnostic(`${tabs} tabs, with the lock: ${renewals} get_or_create`)
      assert.equal(renewals, 1)
    })
  })
}
