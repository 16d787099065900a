// The package as users get it: `npm pack`, then the tarball installed into small apps that use it
// the ways users do in a browser: a page with no bundler, a Vite build and a webpack 5 build, each
// built once and opened in Chromium, Firefox and WebKit against the fake. Servers and edge runtimes: runtimes.test.mjs; Next.js:
// nextjs.test.mjs.

import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { ENGINES, appInject, launchEngine, openApp, useEnv, SEED_CST } from './support/harness.mjs'
import { REPO_ROOT, startStaticServer } from './support/static-server.mjs'
import { installFixture, npm, packInto } from './support/packaging.mjs'

const env = useEnv({ launchBrowser: false })

const WORK = path.join(REPO_ROOT, 'build', 'packaging')

let tarball

before(async () => {
  tarball = await packInto(WORK)
})

// A copy of one fixture (plus the shared browser app) with the tarball installed.
const fixture = (name) => installFixture(WORK, name, tarball, ['app.js'])

// Per engine, started when first needed: its browser and a server for the apps' pages.
const engines = new Map()
const engine = async (name) => {
  if (!engines.has(name)) {
    const site = await startStaticServer({ inject: appInject(name) })
    engines.set(name, { site, browser: null })
    engines.get(name).browser = await launchEngine(name)
  }
  return engines.get(name)
}
after(async () => {
  for (const { site, browser } of engines.values()) {
    await browser?.close()
    await site.close()
  }
})

// Opens the fixture's page in each engine against the fake with the seeded token and reads what
// the app wrote; each engine's result must show the seeded devices.
async function runInEngines(dir) {
  for (const name of ENGINES) {
    const { site, browser } = await engine(name)
    const url = new URL(`${site.origin}/${path.relative(REPO_ROOT, dir)}/index.html`)
    url.search = new URLSearchParams({ endpoint: env.fakeUrl, token: SEED_CST })
    const page = await openApp(browser, url.href)
    try {
      const text = await page.waitFor(() => document.querySelector('#out')?.textContent, null, `${name}: the app's output`)
      assert.deepEqual(page.errors, [], `${name}: errors in the page`)
      const out = JSON.parse(text)
      assert.equal(out.error, undefined, `${name}: ${out.error}`)
      assertSeedDevices(out)
    } finally {
      await page.close()
    }
  }
}

function assertSeedDevices(out) {
  assert.equal(out.error, undefined, out.error)
  assert.equal(out.devices.length, 4, `the seeded session has 4 devices: ${out.devices}`)
  assert.equal(out.unknown, 'device_not_found')
}

test('npm pack ships the .wasm, the declarations, every entry of exports and every file they load', async () => {
  const { stdout } = await npm(['pack', path.join(REPO_ROOT, 'pkg'), '--dry-run', '--json'], WORK)
  const files = JSON.parse(stdout)[0].files.map((f) => f.path).sort()
  for (const file of ['index.js', 'node.js', 'edge.js', 'seam_wasm_bg.wasm', 'index.d.ts', 'seam_wasm.d.ts', 'errors.d.ts', 'types.d.ts', 'package.json', 'README.md']) {
    assert.ok(files.includes(file), `${file} is not in the package: ${files.join(', ')}`)
  }
  // Whatever the entry imports, or loads with `new URL(..., import.meta.url)`, must be shipped
  // (snippets included). The browser and edge entries load the .wasm beside them; the server
  // entry carries its bytes and loads nothing.
  const loads = /(?:new URL\(|\bfrom\s*|\bimport\s*\(?\s*)["'`](\.\.?\/[^"'`]+)["'`]/g
  for (const [name, wasm] of [['index.js', true], ['edge.js', true], ['node.js', false]]) {
    const entry = await readFile(path.join(REPO_ROOT, 'pkg', name), 'utf8')
    const relative = [...entry.matchAll(loads)].map((m) => path.normalize(m[1]))
    assert.equal(relative.includes('seam_wasm_bg.wasm'), wasm, `${name} loads: ${relative}`)
    for (const file of relative) assert.ok(files.includes(file), `${name} refers to ${file}, which is not shipped`)
  }
  // Every entry of `exports` is shipped.
  const { exports } = JSON.parse(await readFile(path.join(REPO_ROOT, 'pkg', 'package.json'), 'utf8'))
  for (const target of Object.values(exports['.'])) assert.ok(files.includes(path.normalize(target)), `exports names ${target}, which is not shipped`)
  // The declarations refer only to shipped files too.
  for (const dts of files.filter((f) => f.endsWith('.d.ts'))) {
    const text = await readFile(path.join(REPO_ROOT, 'pkg', dts), 'utf8')
    for (const m of text.matchAll(/from ['"](\.\/[^'"]+)['"]/g)) {
      const target = path.normalize(m[1]).replace(/\.js$/, '.d.ts')
      assert.ok(files.includes(target), `${dts} imports ${m[1]}, but ${target} is not shipped`)
    }
  }
})

test('a page with no bundler: <script type="module"> and an import map', async () => {
  await runInEngines(await fixture('plain'))
})

test('a Vite build', async () => {
  const dir = await fixture('vite')
  const { build } = await import('vite')
  // Relative asset URLs, as for an app served under a path (here, the test server's).
  await build({ root: dir, base: './', logLevel: 'error', build: { outDir: 'dist', emptyOutDir: true } })
  await runInEngines(path.join(dir, 'dist'))
})

test('a webpack 5 build', async () => {
  const dir = await fixture('webpack')
  const { default: webpack } = await import('webpack')
  const stats = await new Promise((resolve, reject) =>
    webpack({ mode: 'production', context: dir, entry: './app.js', output: { path: path.join(dir, 'dist'), filename: 'main.js' } }, (e, s) => (e ? reject(e) : resolve(s))),
  )
  assert.equal(stats.hasErrors(), false, stats.toString('errors-only'))
  await runInEngines(dir)
})
