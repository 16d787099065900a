// Routes that answer with an action attempt wait for it: they poll /action_attempts/get until it
// succeeds, fails or runs out of time, unless told not to.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useEnv, SEED_CST, fakePost } from './support/harness.mjs'
import { fromToken, run, expectError, expectOk } from './support/actions.mjs'

const UNLOCK = '/locks/unlock_door'
const POLL = '/action_attempts/get'

const env = useEnv({ faultProxy: true })

// Unlocks august_device_1 with optional per-call options; on failure also reports the error's
// actionAttempt and what the guards say about it.
const unlock = (p, options, name = 'client') => run(p, async (c, options, t) => {
  try {
    const value = await (options === undefined
      ? c.locks.unlockDoor({ device_id: 'august_device_1' })
      : c.locks.unlockDoor({ device_id: 'august_device_1' }, options))
    return { ok: true, value }
  } catch (e) {
    const m = t.m
    return {
      ok: false,
      error: t.describe(e),
      actionAttempt: e?.actionAttempt ?? null,
      guards: {
        any: m.isSeamActionAttemptError(e),
        failed: m.isSeamActionAttemptFailedError(e),
        timeout: m.isSeamActionAttemptTimeoutError(e),
      },
    }
  }
}, options, { name })

// The fake marks an unlock as succeeded at once; this makes the next one through the proxy end
// up in `patch` instead (status pending or error), before the browser sees the answer.
function nextUnlockBecomes(patch) {
  env.proxy.clear()
  env.proxy.set(UNLOCK, {
    kind: 'rewrite',
    once: true,
    rewrite: (json) => json,
    onForwarded: (json) => fakePost(env.fakeUrl, '/_fake/update_action_attempt', {
      action_attempt_id: json.action_attempt.action_attempt_id,
      ...patch,
    }),
  })
}

test('unlockDoor waits for the attempt and resolves with it once it succeeded', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const out = expectOk(await unlock(p))
    assert.equal(out.ok, true, JSON.stringify(out.error))
    const attempt = out.value
    assert.equal(attempt.status, 'success')
    assert.equal(attempt.action_type, 'UNLOCK_DOOR')
    const polls = p.sent(POLL)
    assert.ok(polls.length >= 1, 'the attempt was not polled')
    for (const r of polls) {
      assert.equal(r.method, 'GET')
      assert.equal(new URLSearchParams(r.search).get('action_attempt_id'), attempt.action_attempt_id)
    }
    assert.equal(p.sent(UNLOCK).length, 1)
  })
})

test('waitForActionAttempt: false resolves with the pending attempt and never polls', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const out = expectOk(await unlock(p, { waitForActionAttempt: false }))
    assert.equal(out.ok, true, JSON.stringify(out.error))
    assert.equal(out.value.status, 'pending')
    assert.equal(out.value.action_type, 'UNLOCK_DOOR')
    await p.wait(1300)
    assert.equal(p.sent(POLL).length, 0)
    assert.equal(p.sent(UNLOCK).length, 1)
  })
})

test('an attempt that fails rejects with SeamActionAttemptFailedError carrying its code and the attempt', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST, { options: { endpoint: env.proxy.url } }))
    nextUnlockBecomes({ status: 'error', error: { type: 'device_offline', message: 'Device is offline' } })
    const out = expectOk(await unlock(p, { waitForActionAttempt: { pollingInterval: 100, timeout: 3000 } }))
    assert.equal(out.ok, false, `resolved with ${JSON.stringify(out.value)}`)
    assert.equal(out.error.name, 'SeamActionAttemptFailedError', JSON.stringify(out.error))
    assert.equal(out.error.instanceOf.SeamActionAttemptFailedError, true)
    assert.equal(out.error.instanceOf.SeamActionAttemptError, true)
    assert.equal(out.error.instanceOf.SeamActionAttemptTimeoutError, false)
    assert.equal(out.error.instanceOfError, true)
    assert.deepEqual(out.guards, { any: true, failed: true, timeout: false })
    assert.equal(out.error.code, 'device_offline')
    assert.equal(out.actionAttempt?.status, 'error')
    assert.equal(out.actionAttempt?.action_type, 'UNLOCK_DOOR')
    assert.deepEqual(out.actionAttempt?.error, { type: 'device_offline', message: 'Device is offline' })
    assert.ok(env.proxy.count(POLL) >= 1)
    assert.equal(env.proxy.count(UNLOCK), 1)
  })
})

test('an attempt that never finishes rejects with SeamActionAttemptTimeoutError after its timeout', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST, { options: { endpoint: env.proxy.url } }))
    nextUnlockBecomes({ status: 'pending' })
    const out = expectOk(await unlock(p, { waitForActionAttempt: { timeout: 300, pollingInterval: 100 } }))
    assert.equal(out.ok, false, `resolved with ${JSON.stringify(out.value)}`)
    assert.equal(out.error.name, 'SeamActionAttemptTimeoutError', JSON.stringify(out.error))
    assert.equal(out.error.instanceOf.SeamActionAttemptTimeoutError, true)
    assert.equal(out.error.instanceOf.SeamActionAttemptError, true)
    assert.equal(out.error.instanceOf.SeamActionAttemptFailedError, false)
    assert.deepEqual(out.guards, { any: true, failed: false, timeout: true })
    assert.equal(out.actionAttempt?.status, 'pending')
    assert.equal(out.actionAttempt?.action_type, 'UNLOCK_DOOR')
    const polls = env.proxy.count(POLL)
    assert.ok(polls >= 2 && polls <= 5, `${polls} polls in 300 ms at 100 ms intervals`)
    // Nothing keeps polling after the rejection.
    await p.wait(400)
    assert.equal(env.proxy.count(POLL), polls)
  })
})

test('the timeout of a never-finishing attempt is kept to (rejects within about 1 s)', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST, { options: { endpoint: env.proxy.url } }))
    nextUnlockBecomes({ status: 'pending' })
    const out = await run(p, async (c) => {
      const start = performance.now()
      try {
        await c.locks.unlockDoor({ device_id: 'august_device_1' }, { waitForActionAttempt: { timeout: 300, pollingInterval: 100 } })
        return { resolved: true }
      } catch (e) {
        return { name: e.name, ms: performance.now() - start }
      }
    })
    const v = expectOk(out)
    assert.equal(v.name, 'SeamActionAttemptTimeoutError')
    assert.ok(v.ms >= 280, `gave up after ${Math.round(v.ms)} ms`)
    assert.ok(v.ms < 1000, `gave up after ${Math.round(v.ms)} ms`)
  })
})

test('client option waitForActionAttempt: false, overridden per call', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST, { options: { waitForActionAttempt: false } }))
    const noWait = expectOk(await unlock(p))
    assert.equal(noWait.ok, true)
    assert.equal(noWait.value.status, 'pending')
    await p.wait(300)
    assert.equal(p.sent(POLL).length, 0)

    const wait = expectOk(await unlock(p, { waitForActionAttempt: { pollingInterval: 100, timeout: 3000 } }))
    assert.equal(wait.ok, true, JSON.stringify(wait.error))
    assert.equal(wait.value.status, 'success')
    assert.ok(p.sent(POLL).length >= 1)

    const waitTrue = expectOk(await unlock(p, { waitForActionAttempt: true }))
    assert.equal(waitTrue.value.status, 'success')
  })
})

test('client option {pollingInterval, timeout} is used when the call gives none', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST, { options: { endpoint: env.proxy.url, waitForActionAttempt: { timeout: 300, pollingInterval: 100 } } }))
    nextUnlockBecomes({ status: 'pending' })
    const out = expectOk(await unlock(p))
    assert.equal(out.error?.name, 'SeamActionAttemptTimeoutError', JSON.stringify(out))
    env.proxy.clear()

    // A short interval finishes well before the default 1000 ms one could have polled once.
    const quick = await run(p, async (c) => {
      const start = performance.now()
      const a = await c.locks.unlockDoor({ device_id: 'august_device_1' })
      return { status: a.status, ms: performance.now() - start }
    })
    const q = expectOk(quick)
    assert.equal(q.status, 'success')
    assert.ok(q.ms < 700, `took ${Math.round(q.ms)} ms with pollingInterval 100`)
    assert.ok(env.proxy.count(POLL) >= 1)
  })
})

test('the default polling interval is about 1 s', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const out = expectOk(await run(p, async (c) => {
      const start = performance.now()
      const a = await c.locks.unlockDoor({ device_id: 'august_device_1' })
      return { status: a.status, ms: performance.now() - start }
    }))
    assert.equal(out.status, 'success')
    assert.ok(out.ms >= 900 && out.ms < 2500, `took ${Math.round(out.ms)} ms`)
    assert.equal(p.sent(POLL).length, 1)
  })
})

// Values that are not valid for waitForActionAttempt, as a client option and per call.
const BAD_WAIT = [
  ['negative timeout', { timeout: -1 }],
  ['zero interval', { pollingInterval: 0 }],
  ['negative interval', { pollingInterval: -100 }],
  ['NaN timeout', { timeout: NaN }],
  ['NaN interval', { pollingInterval: NaN }],
  ['string timeout', { timeout: '300' }],
  ['string interval', { pollingInterval: '100' }],
  ['unknown key', { timeout: 300, interval: 100 }],
  ['a string', 'yes'],
  ['a number', 1],
]
// Other client options with values out of range.
const BAD_CLIENT = [
  ['timeout -1', { timeout: -1 }],
  ['timeout NaN', { timeout: NaN }],
  ['timeout string', { timeout: '1000' }],
  ['retries -1', { retries: -1 }],
  ['retries 11', { retries: 11 }],
  ['retries 1.5', { retries: 1.5 }],
  ['retries string', { retries: 'two' }],
]

test('invalid waitForActionAttempt and timing options: SeamHttpInvalidOptionsError, nothing sent', async () => {
  await env.withPage(async (p) => {
    const rows = []
    const clientCases = [
      ...BAD_WAIT.map(([label, v]) => [`client waitForActionAttempt ${label}`, { waitForActionAttempt: v }]),
      ...BAD_CLIENT.map(([label, v]) => [`client ${label}`, v]),
    ]
    for (const [label, options] of clientCases) {
      // page.evaluate carries NaN across as NaN.
      const out = await p.evaluate(async ({ token, options }) => {
        const t = window.__seamTest
        const { SeamClient } = await t.load()
        return t.capture(() => SeamClient.fromClientSessionToken(token, { endpoint: t.fakeUrl, ...options }))
      }, { token: SEED_CST, options })
      rows.push([label, out.ok ? 'accepted' : out.error.name])
      expectError(out, 'SeamHttpInvalidOptionsError', label)
    }
    assert.equal(p.requests.length, 0, 'a request was sent')

    expectOk(await fromToken(p, SEED_CST))
    for (const [label, v] of BAD_WAIT) {
      const out = await run(p, (c, v) => c.locks.unlockDoor({ device_id: 'august_device_1' }, { waitForActionAttempt: v }), v)
      rows.push([`per call waitForActionAttempt ${label}`, out.ok ? 'accepted' : out.error.name])
      expectError(out, 'SeamHttpInvalidOptionsError', `per call ${label}`)
    }
    const unknownOption = await run(p, (c) => c.locks.unlockDoor({ device_id: 'august_device_1' }, { waitForActionAttemp: false }))
    rows.push(['per call unknown option key', unknownOption.ok ? 'accepted' : unknownOption.error.name])
    expectError(unknownOption, 'SeamHttpInvalidOptionsError', 'per call unknown option key')
    assert.equal(p.sent(UNLOCK).length, 0, 'an unlock was sent with invalid options')
    assert.equal(p.requests.length, 0)
    console.log(rows.map(([l, r]) => `${l.padEnd(48)} ${r}`).join('\n'))
  })
})
