// Many calls in flight when the stored session turns out to be dead: they share one new
// bootstrap and all succeed.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useEnv, newUserIdentifierKey, DEAD_CST } from './support/harness.mjs'
import { GET_OR_CREATE, bootstrap, run, entries, expectOk } from './support/actions.mjs'

const env = useEnv()

// Swaps the stored token for one the API does not know and reloads, so that the next client
// restores the dead token without asking the API.
async function plantDeadToken(p) {
  await p.evaluate((dead) => {
    const [key] = window.__seamTest.sessionKeys()
    const value = JSON.parse(localStorage.getItem(key))
    value.token = dead
    value.expires_at = new Date(Date.now() + 86_400_000).toISOString()
    localStorage.setItem(key, JSON.stringify(value))
  }, DEAD_CST)
  await p.reload()
}

const hundredLists = (p, n) => run(p, async (c, n, t) => {
  const settled = await Promise.allSettled(Array.from({ length: n }, () => c.devices.list()))
  return settled.map((r) => (r.status === 'fulfilled'
    ? { ok: true, n: Array.isArray(r.value) ? r.value.length : -1 }
    : { ok: false, error: t.describe(r.reason) }))
}, n)

test('100 concurrent devices.list calls on a dead stored session: one get_or_create, all resolve', async () => {
  const uik = newUserIdentifierKey()
  await env.withPage(async (p) => {
    const first = expectOk(await bootstrap(p, uik))
    await plantDeadToken(p)
    const mark = p.requests.length
    const restored = expectOk(await bootstrap(p, uik))
    assert.equal(restored.token, DEAD_CST, 'the planted token was not restored')
    assert.equal(p.requests.slice(mark).length, 0)

    const results = expectOk(await hundredLists(p, 100))
    assert.equal(results.length, 100)
    const failed = results.filter((r) => !r.ok)
    assert.deepEqual(failed, [], `${failed.length} calls rejected`)
    for (const r of results) assert.ok(r.n >= 0, "a call did not resolve to an array")

    const sent = p.requests.slice(mark)
    assert.equal(sent.filter((r) => r.pathname === GET_OR_CREATE).length, 1)
    const lists = sent.filter((r) => r.pathname === '/devices/list')
    // Each call at most twice: once with the dead token, once with the new one.
    assert.ok(lists.length >= 100 && lists.length <= 200, `${lists.length} devices/list requests`)
    const tokens = new Set()
    for (const r of lists) tokens.add((await r.request.allHeaders())['client-session-token'])
    assert.deepEqual([...tokens].sort(), [DEAD_CST, first.token].sort())

    const stored = Object.values(await entries(p)).map((v) => JSON.parse(v)).filter((v) => 'token' in v).map((v) => v.token)
    assert.deepEqual(stored, [first.token])

    // The next round uses the new session straight away.
    const mark2 = p.requests.length
    const again = expectOk(await hundredLists(p, 100))
    assert.equal(again.filter((r) => r.ok).length, 100)
    const sent2 = p.requests.slice(mark2)
    assert.equal(sent2.filter((r) => r.pathname === GET_OR_CREATE).length, 0)
    assert.equal(sent2.filter((r) => r.pathname === '/devices/list').length, 100)
  })
})

test('100 concurrent calls on different routes share the one re-bootstrap too', async () => {
  const uik = newUserIdentifierKey()
  await env.withPage(async (p) => {
    expectOk(await bootstrap(p, uik))
    await plantDeadToken(p)
    const mark = p.requests.length
    expectOk(await bootstrap(p, uik))
    const results = expectOk(await run(p, async (c, _a, t) => {
      const calls = Array.from({ length: 100 }, (_, i) => [
        () => c.devices.list(),
        () => c.locks.list(),
        () => c.clientSessions.get(),
        () => c.locks.unlockDoor({ device_id: 'august_device_1' }, { waitForActionAttempt: false }),
      ][i % 4]())
      const settled = await Promise.allSettled(calls)
      return settled.map((r, i) => (r.status === 'fulfilled' ? { ok: true } : { ok: false, i, error: t.describe(r.reason) }))
    }))
    const failed = results.filter((r) => !r.ok)
    assert.deepEqual(failed, [], `${failed.length} calls rejected`)
    const sent = p.requests.slice(mark)
    assert.equal(sent.filter((r) => r.pathname === GET_OR_CREATE).length, 1)
    // A POST refused with 401 was not acted on, so sending it again with the new session is safe;
    // it must still reach the API at most twice per call.
    const unlocks = sent.filter((r) => r.pathname === '/locks/unlock_door').length
    assert.ok(unlocks >= 25 && unlocks <= 50, `${unlocks} unlock requests for 25 calls`)
  })
})
