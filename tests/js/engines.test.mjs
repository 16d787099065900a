// Where the engines differ under the package (run in each engine, SEAM_ENGINE): pages of one
// origin sharing and following one session, and site storage turned off by the browser's own
// setting (Firefox's `dom.storage.enabled`, MiniBrowser's `--enable-html5-local-storage=false`,
// Chromium's blocked site data), which each engine shows the page differently.

import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ENGINE, newUserIdentifierKey, startEnv, useEnv } from './support/harness.mjs'
import { GET_OR_CREATE, bootstrap, expectError, expectOk, rawGetOrCreate, run } from './support/actions.mjs'

// What each engine does to a page when site storage is turned off (seen on this machine).
const STORAGE_OFF = {
  chromium: { localStorage: 'throws SecurityError', sessionStorage: 'throws SecurityError' },
  firefox: { localStorage: 'null', sessionStorage: 'null' },
  webkit: { localStorage: 'null', sessionStorage: 'works' },
}

describe('three pages of one origin', () => {
  const env = useEnv()

  test('share one sign-in, and follow a replaced session and a sign-out made in another page', async () => {
    const uik = newUserIdentifierKey()
    await env.withPage(async (a) => {
      const b = await a.openPage()
      const c = await a.openPage()
      const first = expectOk(await bootstrap(a, uik))
      for (const p of [b, c]) assert.equal(expectOk(await bootstrap(p, uik)).token, first.token)
      assert.equal(a.sent(GET_OR_CREATE).length, 1)
      assert.deepEqual([b.sent(GET_OR_CREATE).length, c.sent(GET_OR_CREATE).length], [0, 0], 'a page made its own session')

      // Page C replaces the session with one the API gives it; A and B follow.
      const other = (await rawGetOrCreate(c, newUserIdentifierKey())).token
      expectOk(await run(c, (client, token) => client.updateClientSessionToken(token), other))
      for (const p of [a, b]) {
        const followed = await p.evaluate((token) => window.__seamTest.waitFor(() => window.client.clientSessionToken === token, 5000), other)
        assert.equal(followed, true, `${p === a ? 'A' : 'B'} kept the old session`)
        assert.ok(Array.isArray(expectOk(await run(p, (client) => client.devices.list()))))
      }

      // Page B signs out; A and C find themselves signed out without sending anything.
      expectOk(await run(b, (client) => { client.signOut() }))
      for (const p of [a, c]) {
        assert.equal(await p.evaluate(() => window.__seamTest.waitFor(() => window.client.clientSessionToken === null, 5000)), true)
        const mark = p.requests.length
        expectError(await run(p, (client) => client.devices.list()), 'SeamHttpSignedOutError')
        assert.equal(p.requests.length, mark)
      }
    })
  })
})

describe('site storage turned off by the browser', () => {
  let env
  before(async () => {
    env = await startEnv({ storage: false })
  })
  after(() => env?.close())

  test(`the page sees ${JSON.stringify(STORAGE_OFF[ENGINE])}; the client keeps its session in memory, warns once, stores nothing, and works`, async () => {
    await env.withPage(async (p) => {
      const seen = await p.evaluate(() => {
        const probe = (name) => {
          try {
            const area = window[name]
            if (area === null) return 'null'
            area.setItem('seam-probe', '1')
            area.removeItem('seam-probe')
            return 'works'
          } catch (e) {
            return `throws ${e.name}`
          }
        }
        return { localStorage: probe('localStorage'), sessionStorage: probe('sessionStorage') }
      })
      assert.deepEqual(seen, STORAGE_OFF[ENGINE])

      const uik = newUserIdentifierKey()
      expectOk(await bootstrap(p, uik, { name: 'first' }))
      expectOk(await bootstrap(p, newUserIdentifierKey(), { name: 'second' }))
      assert.ok(Array.isArray(expectOk(await run(p, (c) => c.devices.list(), null, { name: 'first' }))))
      const storageWarnings = p.warnings().filter((w) => /storage/i.test(w))
      assert.equal(storageWarnings.length, 1, `warnings: ${JSON.stringify(p.warnings())}`)
      assert.match(storageWarnings[0], /kept in memory/)
      // Where sessionStorage still works (WebKit), the default 'localStorage' does not move there.
      const stored = await p.evaluate(() => ({ local: window.__seamTest.entries('localStorage'), session: window.__seamTest.entries('sessionStorage') }))
      assert.ok(stored.local === null || Object.keys(stored.local).length === 0, JSON.stringify(stored))
      assert.ok(stored.session === null || Object.keys(stored.session).length === 0, JSON.stringify(stored))

      // A reload keeps nothing: the next sign-in asks for its session again.
      await p.reload()
      const before = p.sent(GET_OR_CREATE).length
      expectOk(await bootstrap(p, uik))
      assert.equal(p.sent(GET_OR_CREATE).length, before + 1)
    })
  })

  test("storage: 'sessionStorage' uses it where the engine still gives it, else memory with the warning", async () => {
    await env.withPage(async (p) => {
      expectOk(await bootstrap(p, newUserIdentifierKey(), { options: { storage: 'sessionStorage' } }))
      const session = await p.evaluate(() => window.__seamTest.sessionKeys('sessionStorage'))
      const storageWarnings = p.warnings().filter((w) => /storage/i.test(w))
      if (STORAGE_OFF[ENGINE].sessionStorage === 'works') {
        assert.equal(session.length, 1)
        assert.deepEqual(storageWarnings, [])
      } else {
        assert.deepEqual(session, [])
        assert.equal(storageWarnings.length, 1, `warnings: ${JSON.stringify(p.warnings())}`)
      }
    })
  })
})
