// The demo app, served the way `make demo` serves it, in each engine: sign in, see the seeded
// devices, unlock one, stay signed in across a reload with no new session, sign out; and its error
// messages. The API calls are noted by a recorder in front of the fake.

import { after, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { ENGINES, appInject, launchEngine, openApp } from './support/harness.mjs'
import { REPO_ROOT } from './support/static-server.mjs'
import { startDemo } from './support/demo.mjs'
import { startPageRecorder } from './support/page-recorder.mjs'
import { GET_OR_CREATE } from './support/actions.mjs'

const ARTIFACTS = path.join(REPO_ROOT, 'tests', 'artifacts')
const SEEDED_USER = 'john_user_identifier_key'
const SEEDED_DEVICES = ['august_device_1', 'august_device_2', 'ecobee_device_1', 'minut_device_1']

// The app's DOM, read from inside the page (the same in every engine); clicks and typing are the
// engine's own (`page.click`, `page.fill`).
const dom = (page) => ({
  text: (sel) => page.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, sel),
  attr: (sel, name) => page.evaluate(([sel, name]) => document.querySelector(sel)?.getAttribute(name) ?? null, [sel, name]),
  visible: (sel) => page.evaluate((sel) => {
    const el = document.querySelector(sel)
    return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
  }, sel),
  count: (sel) => page.evaluate((sel) => document.querySelectorAll(sel).length, sel),
  deviceIds: () => page.evaluate(() => [...document.querySelectorAll('[data-device-id]')].map((el) => el.dataset.deviceId).sort()),
  errorShown: () => page.waitFor(() => document.getElementById('error').textContent.trim(), null, 'an error message'),
  settled: (id) => page.waitFor((id) => document.querySelector(`[data-device-id="${id}"] .progress`)?.dataset.state !== 'pending', id, 'the action attempt'),
})

for (const engine of ENGINES) {
  describe(engine, () => {
    let demo, recorder, browser
    const setup = async () => {
      // Any free ports: a developer may have the demo itself running on the default ones.
      demo ??= await startDemo({ fakePort: null, port: null, inject: appInject(engine) })
      recorder ??= await startPageRecorder(demo.fakeUrl)
      browser ??= await launchEngine(engine)
    }
    after(async () => {
      try {
        await browser?.close()
      } finally {
        await recorder?.close()
        await demo?.stop()
      }
    })

    // The demo in a fresh page, with the recorder as its endpoint.
    const open = async (params = {}) => {
      await setup()
      const url = new URL(demo.pageUrl)
      url.searchParams.set('endpoint', recorder.url)
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
      const calls = recorder.forPage(demo.origin)
      calls.length = 0
      const page = await openApp(browser, url.href)
      return { page, d: dom(page), calls: () => calls.map((r) => r.pathname), reset: () => { calls.length = 0 } }
    }
    const waitForDevices = async (page) => {
      await page.waitFor(() => document.querySelector('[data-device-id="august_device_1"]'), null, 'the devices').catch(async (e) => {
        throw new Error(`no device appeared; #error says: ${await dom(page).text('#error')}`, { cause: e })
      })
    }
    const signIn = async (page, userIdentifierKey = SEEDED_USER) => {
      await page.waitFor(() => !document.getElementById('sign-in').hidden, null, 'the sign-in form')
      await page.fill('#user-identifier-key', userIdentifierKey)
      await page.click('#sign-in-button')
    }

    test('sign in, see the seeded devices, unlock one, reload and stay signed in with no new session, sign out', async () => {
      const { page, d, calls, reset } = await open()
      try {
        assert.equal(await d.text('#endpoint'), recorder.url)
        assert.equal(await d.text('#publishable-key'), 'seam_pk1_token')
        await signIn(page)
        await waitForDevices(page)
        assert.deepEqual(await d.deviceIds(), SEEDED_DEVICES)
        assert.equal(calls().filter((p) => p === GET_OR_CREATE).length, 1)

        // A thermostat shows its readings; a lock its access codes.
        assert.match(await d.text('[data-device-id="ecobee_device_1"] .thermostat'), /Temperature|Mode|readings/)
        await page.click('[data-device-id="august_device_1"] [data-action="access-codes"]')
        await page.waitFor(() => document.querySelector('[data-device-id="august_device_1"] .panel[data-access-codes]'), null, 'the access codes')

        // Lock first, so that the unlock visibly changes the state.
        const lock = '[data-device-id="august_device_1"]'
        await page.click(`${lock} [data-action="lock"]`)
        await d.settled('august_device_1')
        assert.equal(await d.attr(`${lock} .lock`, 'data-locked'), 'true')
        await page.click(`${lock} [data-action="unlock"]`)
        assert.equal(await d.attr(`${lock} .progress`, 'data-state'), 'pending', 'no progress shown while the attempt runs')
        await d.settled('august_device_1')
        assert.equal(await d.attr(`${lock} .progress`, 'data-state'), 'success', await d.text(`${lock} .progress`))
        assert.match(await d.text(`${lock} .progress`), /Unlocked: action attempt success/)
        assert.equal(await d.attr(`${lock} .lock`, 'data-locked'), 'false')
        assert.ok(calls().includes('/locks/unlock_door') && calls().includes('/action_attempts/get'), calls().join(' '))
        await mkdir(ARTIFACTS, { recursive: true })
        await page.screenshot(path.join(ARTIFACTS, `demo-${engine}.png`))

        reset()
        await page.reload()
        await waitForDevices(page)
        assert.deepEqual(await d.deviceIds(), SEEDED_DEVICES)
        assert.equal(await d.visible('#sign-in'), false)
        assert.deepEqual(calls().filter((p) => p === GET_OR_CREATE), [], 'the reload made a new session')

        await page.click('#sign-out')
        await page.waitFor(() => !document.getElementById('sign-in').hidden, null, 'the sign-in form')
        assert.equal(await d.count('[data-device-id]'), 0)
        await page.reload()
        await page.waitFor(() => !document.getElementById('sign-in').hidden, null, 'the sign-in form')
        assert.equal(await d.count('[data-device-id]'), 0, 'still signed in after signing out')
        assert.equal(await d.text('#error'), '')
        assert.deepEqual(page.errors, [])
      } finally {
        await page.close()
      }
    })

    test('a bad publishable key, an unreachable API, an outage and an ended session each get a clear message', async () => {
      const message = async (params, { signingIn = true } = {}) => {
        const { page, d } = await open(params)
        try {
          if (signingIn) await signIn(page)
          await d.errorShown()
          return await d.text('#error')
        } finally {
          await page.close()
        }
      }
      // A key of the wrong kind is caught as the page loads, before anyone signs in.
      assert.match(await message({ publishableKey: 'seam_cst1_token' }, { signingIn: false }), /publishable key is not valid/)
      // Port 9 (discard) has no server here: the call fails before any response.
      assert.match(await message({ endpoint: 'http://127.0.0.1:9' }), /cannot be reached/)

      // A session the API no longer accepts: the app says so and asks to sign in again. Before
      // that, an outage of the workspace (the fake answers 503) is reported as the API's trouble.
      const { page, d } = await open()
      try {
        await signIn(page)
        await waitForDevices(page)
        await demo.control('simulateOutage', { routes: ['/devices/list'] })
        try {
          await page.click('#refresh')
          await d.errorShown()
          assert.match(await d.text('#error'), /having trouble \(HTTP 503\)/)
        } finally {
          await demo.control('simulateOutage', { routes: [] })
        }
        await page.evaluate(() => {
          for (const key of Object.keys(localStorage)) {
            const value = JSON.parse(localStorage.getItem(key))
            if ('token' in value) localStorage.setItem(key, JSON.stringify({ ...value, token: 'seam_cst1_ended' }))
          }
        })
        await page.reload()
        await d.errorShown()
        assert.match(await d.text('#error'), /session has ended/)
        assert.equal(await d.visible('#sign-in'), true)
      } finally {
        await page.close()
      }
    })
  })
}
