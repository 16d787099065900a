// The packed tarball in a Next.js App Router app, with no configuration: a server component that
// lists devices with an API key, a route handler that makes a client session, and a client
// component that signs in with a publishable key. Built with Turbopack and with webpack, served
// by `next start` and opened in Chromium, Firefox and WebKit against the fake; and `next dev`,
// whose StrictMode runs the sign-in effect twice, which must still make one get_or_create. The
// pages reach the fake through a recorder, which counts their get_or_create calls.

import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { ENGINES, appInject, closedPort, launchEngine, openApp, startEnv, PUBLISHABLE_KEY, newUserIdentifierKey } from './support/harness.mjs'
import { startForwarder, startPageRecorder } from './support/page-recorder.mjs'
import { spawnGroup } from './support/webdriver.mjs'
import { GET_OR_CREATE } from './support/actions.mjs'
import { REPO_ROOT } from './support/static-server.mjs'
import { BIN, installFixture, packInto } from './support/packaging.mjs'

let env

const WORK = path.join(REPO_ROOT, 'build', 'nextjs')
const API_KEY = 'seam_apikey1_token'
const SEEDED_USER = 'john_user_identifier_key'
const SEEDED_DEVICES = ['august_device_1', 'august_device_2', 'ecobee_device_1', 'minut_device_1', 'schlage_device_id']

let app
let recorder

before(async () => {
  env = await startEnv({ launchBrowser: false })
  recorder = await startPageRecorder(env.fakeUrl)
  app = await installFixture(WORK, 'next', await packInto(WORK))
})
after(async () => {
  await recorder?.close()
  await env?.close()
})

const nextEnv = () => ({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
  SEAM_ENDPOINT: env.fakeUrl,
  SEAM_API_KEY: API_KEY,
  NEXT_PUBLIC_SEAM_ENDPOINT: recorder.url,
  NEXT_PUBLIC_SEAM_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
})

// A build, or a server's start, may take minutes on a busy 2-core machine; nothing takes ten.
const LIMIT_MS = 600_000

// Runs `next <args>` to its end; resolves with its whole output.
function next(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(BIN, 'next'), args, { cwd: app, env: nextEnv(), stdio: ['ignore', 'pipe', 'pipe'], timeout: LIMIT_MS })
    let output = ''
    child.stdout.on('data', (d) => { output += d })
    child.stderr.on('data', (d) => { output += d })
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`next ${args.join(' ')} exited with ${code}:\n${output}`))))
  })
}

// `next start` or `next dev` on a free port of 127.0.0.1, until `fn` is done with its URL.
async function serve(command, fn) {
  const port = await closedPort()
  // In a group of its own: next starts workers, and all of them are stopped.
  const server = spawnGroup(path.join(BIN, 'next'), [command, '-H', '127.0.0.1', '-p', String(port)], {
    cwd: app, env: nextEnv(), stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  server.child.stdout.on('data', (d) => { output += d })
  server.child.stderr.on('data', (d) => { output += d })
  server.child.on('error', (e) => { output += String(e) })
  const url = `http://127.0.0.1:${port}`
  try {
    // `next dev` compiles a page on its first request: up to a minute on 2 cores.
    let home
    for (let i = 0; i < 600 && !home; i++) {
      home = await fetch(url).catch(() => null)
      if (!home) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    assert.ok(home, `next ${command} did not answer:\n${output}`)
    return await fn(url, home, () => output)
  } finally {
    await server.stop({ graceMs: 10_000 })
  }
}

// Opens the client component's page for `userIdentifierKey` in each engine (a fresh browser, so
// fresh storage), reloads it `reloads` times, and tells what it showed and how many get_or_create
// calls reached the fake.
async function openClientPage(url, userIdentifierKey, reloads = 0) {
  const results = []
  for (const engine of ENGINES) {
    // The WebDriver engines see the app through a proxy that puts their runtime in its pages.
    const site = appInject(engine) ? await startForwarder(url, { inject: appInject(engine) }) : null
    const origin = site?.url ?? url
    const browser = await launchEngine(engine)
    try {
      const calls = recorder.forPage(origin)
      calls.length = 0
      const page = await openApp(browser, `${origin}/client?uik=${encodeURIComponent(userIdentifierKey)}`, { timeoutMs: 60_000 })
      const shown = []
      const read = async () => shown.push(JSON.parse(await page.waitFor(() => document.querySelector('#out')?.textContent, null, `${engine}: #out`)))
      await read()
      for (let i = 0; i < reloads; i++) {
        await page.reload()
        await read()
      }
      const signIns = await page.evaluate(() => window.__seamSignIns)
      const bootstraps = calls.filter((r) => r.method === 'POST' && r.pathname === GET_OR_CREATE).length
      results.push({ engine, shown, bootstraps, errors: page.errors, signIns })
      await page.close()
    } finally {
      await browser.close()
      await site?.close()
    }
  }
  return results
}

// What the server component rendered: the device ids in the page.
const devicesIn = (html) => SEEDED_DEVICES.filter((id) => html.includes(id))

for (const [bundler, flags] of [['Turbopack', []], ['webpack', ['--webpack']]]) {
  test(`next build (${bundler}) and next start: server component, route handler, client component with a resumed session`, { timeout: 2 * LIMIT_MS }, async () => {
    await rm(path.join(app, '.next'), { recursive: true, force: true })
    // Next advises a CI (CI set, no .next/cache) to keep its build cache: about the user's CI, not this package.
    const output = (await next(['build', ...flags]))
      .split('\n').filter((line) => !line.includes('No build cache found. Please configure build caching')).join('\n')
    if (bundler === 'webpack') {
      // webpack cannot tell that Next's browser targets run top-level await, which the browser
      // entry needs (README, "Next.js"). That block, word for word, is the only warning.
      const section = output.slice(output.indexOf('⚠'), output.indexOf('✓ Compiled successfully'))
      const lines = section.split('\n').map((line) => line.trim()).filter(Boolean)
      assert.deepEqual(lines.slice(1), [
        './node_modules/seam-wasm/index.js',
        'The generated code contains \'async/await\' because this module is using "topLevelAwait".',
        'However, your target environment does not appear to support \'async/await\'.',
        'As a result, the code may not run as expected or may cause runtime errors.',
        'Import trace for requested module:',
        './node_modules/seam-wasm/index.js',
        './app/client/devices.js',
      ], output)
      assert.match(lines[0], /^⚠ Compiled with warnings/)
      assert.equal(output.split('⚠').length, 2, output)
    } else {
      assert.deepEqual(output.split('\n').filter((line) => /⚠|warn/i.test(line)), [], output)
    }
    await serve('start', async (url, home) => {
      assert.equal(home.status, 200)
      assert.deepEqual(devicesIn(await home.text()), SEEDED_DEVICES)
      const made = await fetch(`${url}/api/session`, { method: 'POST', body: JSON.stringify({ userIdentifierKey: newUserIdentifierKey() }) })
      assert.equal(made.status, 200)
      assert.match((await made.json()).token, /^seam_cst/)
      for (const client of await openClientPage(url, SEEDED_USER, 1)) {
        assert.deepEqual(client.errors, [], client.engine)
        assert.equal(client.shown.length, 2, client.engine)
        for (const shown of client.shown) assert.equal(shown.devices?.length, 4, `${client.engine}: ${JSON.stringify(shown)}`)
        assert.equal(client.bootstraps, 1, `${client.engine}: the reload made a new get_or_create`)
      }
    })
  })
}

test('next dev: pages answer 200, and StrictMode’s double sign-in makes one get_or_create', { timeout: LIMIT_MS }, async () => {
  await serve('dev', async (url, home, output) => {
    assert.equal(home.status, 200, output())
    assert.deepEqual(devicesIn(await home.text()), SEEDED_DEVICES)
    for (const client of await openClientPage(url, newUserIdentifierKey())) {
      assert.deepEqual(client.errors, [], client.engine)
      assert.equal(client.signIns, 2, `${client.engine}: StrictMode ran the effect twice`)
      assert.deepEqual(client.shown, [{ devices: [] }], client.engine)
      assert.equal(client.bootstraps, 1, client.engine)
    }
  })
})
