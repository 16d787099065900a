// The demo app, served the way `make demo` serves it: sign in, see the seeded devices, unlock one,
// stay signed in across a reload with no new session, sign out; and its error messages.

import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS } from './support/harness.mjs'
import { REPO_ROOT } from './support/static-server.mjs'
import { startDemo } from './support/demo.mjs'
import { GET_OR_CREATE } from './support/actions.mjs'

const ARTIFACTS = path.join(REPO_ROOT, 'tests', 'artifacts')
const SEEDED_USER = 'john_user_identifier_key'
const SEEDED_DEVICES = ['august_device_1', 'august_device_2', 'ecobee_device_1', 'minut_device_1']

let demo
let browser
before(async () => {
  // Any free ports: a developer may have the demo itself running on the default ones.
  demo = await startDemo({ fakePort: null, port: null })
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
})
after(async () => {
  try {
    await browser?.close()
  } finally {
    await demo?.stop()
  }
})

// A page in a fresh context, recording the API paths it calls and any uncaught error.
async function open(url = demo.pageUrl) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } })
  const page = await context.newPage()
  const calls = []
  const pageErrors = []
  page.on('request', (r) => r.url().startsWith(demo.fakeUrl) && calls.push(new URL(r.url()).pathname))
  page.on('pageerror', (e) => pageErrors.push(e))
  await page.goto(url)
  return { context, page, calls, pageErrors }
}

const deviceIds = (page) => page.locator('[data-device-id]').evaluateAll((els) => els.map((el) => el.dataset.deviceId).sort())

async function waitForDevices(page) {
  await page.locator('[data-device-id="august_device_1"]').waitFor({ timeout: 15_000 }).catch(async (e) => {
    throw new Error(`no device appeared; #error says: ${await page.locator('#error').textContent()}`, { cause: e })
  })
}

async function signIn(page, userIdentifierKey = SEEDED_USER) {
  await page.locator('#sign-in').waitFor({ timeout: 15_000 })
  await page.fill('#user-identifier-key', userIdentifierKey)
  await page.click('#sign-in-button')
}

test('sign in, see the seeded devices, unlock one, reload and stay signed in with no new session, sign out', async () => {
  const { context, page, calls, pageErrors } = await open()
  try {
    assert.equal(await page.locator('#endpoint').textContent(), demo.fakeUrl)
    assert.equal(await page.locator('#publishable-key').textContent(), 'seam_pk1_token')
    await signIn(page)
    await waitForDevices(page)
    assert.deepEqual(await deviceIds(page), SEEDED_DEVICES)
    assert.equal(calls.filter((p) => p === GET_OR_CREATE).length, 1)

    // A thermostat shows its readings; a lock its access codes.
    assert.match(await page.locator('[data-device-id="ecobee_device_1"] .thermostat').textContent(), /Temperature|Mode|readings/)
    await page.click('[data-device-id="august_device_1"] [data-action="access-codes"]')
    await page.locator('[data-device-id="august_device_1"] .panel[data-access-codes]').waitFor({ timeout: 10_000 })

    // Lock first, so that the unlock visibly changes the state.
    const lock = page.locator('[data-device-id="august_device_1"]')
    await lock.locator('[data-action="lock"]').click()
    await page.waitForFunction(() => document.querySelector('[data-device-id="august_device_1"] .progress')?.dataset.state !== 'pending', null, { timeout: 15_000 })
    assert.equal(await lock.locator('.lock').getAttribute('data-locked'), 'true')
    await lock.locator('[data-action="unlock"]').click()
    assert.equal(await lock.locator('.progress').getAttribute('data-state'), 'pending', 'no progress shown while the attempt runs')
    await page.waitForFunction(() => document.querySelector('[data-device-id="august_device_1"] .progress')?.dataset.state !== 'pending', null, { timeout: 15_000 })
    assert.equal(await lock.locator('.progress').getAttribute('data-state'), 'success', await lock.locator('.progress').textContent())
    assert.match(await lock.locator('.progress').textContent(), /Unlocked: action attempt success/)
    assert.equal(await lock.locator('.lock').getAttribute('data-locked'), 'false')
    assert.ok(calls.includes('/locks/unlock_door') && calls.includes('/action_attempts/get'), calls.join(' '))
    await mkdir(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: path.join(ARTIFACTS, 'demo.png'), fullPage: true })

    calls.length = 0
    await page.reload()
    await waitForDevices(page)
    assert.deepEqual(await deviceIds(page), SEEDED_DEVICES)
    assert.equal(await page.locator('#sign-in').isHidden(), true)
    assert.deepEqual(calls.filter((p) => p === GET_OR_CREATE), [], 'the reload made a new session')

    await page.click('#sign-out')
    await page.locator('#sign-in').waitFor()
    assert.equal(await page.locator('[data-device-id]').count(), 0)
    await page.reload()
    await page.locator('#sign-in').waitFor({ timeout: 15_000 })
    assert.equal(await page.locator('[data-device-id]').count(), 0, 'still signed in after signing out')
    assert.equal(await page.locator('#error').textContent(), '')
    assert.deepEqual(pageErrors, [])
  } finally {
    await context.close()
  }
})

test('a bad publishable key, an unreachable API, an outage and an ended session each get a clear message', async () => {
  const withParams = (params) => `${demo.pageUrl}&${new URLSearchParams(params)}`
  const message = async (url, { signingIn = true } = {}) => {
    const { context, page } = await open(url)
    try {
      if (signingIn) await signIn(page)
      await page.waitForFunction(() => document.getElementById('error').textContent.trim() !== '', null, { timeout: 15_000 })
      return await page.locator('#error').textContent()
    } finally {
      await context.close()
    }
  }
  // A key of the wrong kind is caught as the page loads, before anyone signs in.
  assert.match(await message(withParams({ publishableKey: 'seam_cst1_token' }), { signingIn: false }), /publishable key is not valid/)
  // Port 9 (discard) has no server here: the call fails before any response.
  const unreachable = demo.pageUrl.replace(/endpoint=[^&]*/, 'endpoint=http%3A%2F%2F127.0.0.1%3A9')
  assert.match(await message(unreachable), /cannot be reached/)

  // A session the API no longer accepts: the app says so and asks to sign in again. Before that,
  // an outage of the workspace (the fake answers 503) is reported as the API's trouble.
  const { context, page } = await open()
  try {
    await signIn(page)
    await waitForDevices(page)
    await demo.control('simulateOutage', { routes: ['/devices/list'] })
    try {
      await page.click('#refresh')
      await page.waitForFunction(() => document.getElementById('error').textContent.trim() !== '', null, { timeout: 15_000 })
      assert.match(await page.locator('#error').textContent(), /having trouble \(HTTP 503\)/)
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
    await page.waitForFunction(() => document.getElementById('error').textContent.trim() !== '', null, { timeout: 15_000 })
    assert.match(await page.locator('#error').textContent(), /session has ended/)
    assert.equal(await page.locator('#sign-in').isVisible(), true)
  } finally {
    await context.close()
  }
})
