// The demo page, served the way the demo script serves it, lists the seeded devices.

import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS } from './support/harness.mjs'
import { REPO_ROOT } from './support/static-server.mjs'
import { startDemo } from './support/demo.mjs'

const ARTIFACTS = path.join(REPO_ROOT, 'tests', 'artifacts')

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

test('the demo page lists the four seeded devices', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } })
  const pageErrors = []
  try {
    const page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(e))
    await page.goto(demo.pageUrl)
    const error = page.locator('#error')
    await page.locator('[data-device-id="august_device_1"]').waitFor({ timeout: 15_000 }).catch(async (e) => {
      throw new Error(`no device appeared; #error says: ${await error.textContent()}`, { cause: e })
    })
    const ids = await page.locator('[data-device-id]').evaluateAll((els) => els.map((el) => el.dataset.deviceId))
    assert.deepEqual(ids.sort(), ['august_device_1', 'august_device_2', 'ecobee_device_1', 'minut_device_1'])
    assert.equal(await page.locator('#endpoint').textContent(), demo.fakeUrl)
    assert.equal(await page.locator('[data-device-id="august_device_1"] [data-locked]').getAttribute('data-locked'), 'true')
    assert.equal((await error.textContent()).trim(), '')
    await mkdir(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: path.join(ARTIFACTS, 'demo.png'), fullPage: true })
    assert.deepEqual(pageErrors, [])
  } finally {
    await context.close()
  }
})

test('the demo page shows errors in #error', async () => {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    // Port 9 (discard) has no server here: the call fails before any response.
    await page.goto(demo.pageUrl.replace(/endpoint=[^&]*/, 'endpoint=http%3A%2F%2F127.0.0.1%3A9'))
    const error = page.locator('#error')
    await page.waitForFunction(() => document.getElementById('error').textContent.trim() !== '', null, { timeout: 15_000 })
    assert.match(await error.textContent(), /^SeamHttpNetworkError: /)
    assert.equal(await page.locator('[data-device-id]').count(), 0)
  } finally {
    await context.close()
  }
})
