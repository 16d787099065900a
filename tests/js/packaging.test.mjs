// The package as users get it: `npm pack`, then the tarball installed into small apps that use it
// the ways users do in a browser: a page with no bundler, a Vite build and a webpack 5 build, each
// in Chromium against the fake. Servers and edge runtimes: runtimes.test.mjs; Next.js:
// nextjs.test.mjs.

import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { useEnv, SEED_CST } from './support/harness.mjs'
import { REPO_ROOT } from './support/static-server.mjs'
import { installFixture, npm, packInto } from './support/packaging.mjs'

const env = useEnv()

const WORK = path.join(REPO_ROOT, 'build', 'packaging')

let tarball

before(async () => {
  tarball = await packInto(WORK)
})

// A copy of one fixture (plus the shared browser app) with the tarball installed.
const fixture = (name) => installFixture(WORK, name, tarball, ['app.js'])

// Opens the fixture's page against the fake with the seeded token and reads what the app wrote.
async function runInChromium(dir) {
  const context = await env.browser.newContext()
  try {
    const page = await context.newPage()
    const errors = []
    page.on('pageerror', (e) => errors.push(String(e)))
    const url = new URL(`${env.origin}/${path.relative(REPO_ROOT, dir)}/index.html`)
    url.search = new URLSearchParams({ endpoint: env.fakeUrl, token: SEED_CST })
    await page.goto(url.href)
    await page.waitForFunction(() => document.querySelector('#out')?.textContent, null, { timeout: 15_000 }).catch(() => {})
    const text = await page.textContent('#out')
    assert.deepEqual(errors, [], 'errors in the page')
    assert.ok(text, 'the app wrote nothing')
    return JSON.parse(text)
  } finally {
    await context.close()
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
  assertSeedDevices(await runInChromium(await fixture('plain')))
})

test('a Vite build', async () => {
  const dir = await fixture('vite')
  const { build } = await import('vite')
  // Relative asset URLs, as for an app served under a path (here, the test server's).
  await build({ root: dir, base: './', logLevel: 'error', build: { outDir: 'dist', emptyOutDir: true } })
  assertSeedDevices(await runInChromium(path.join(dir, 'dist')))
})

test('a webpack 5 build', async () => {
  const dir = await fixture('webpack')
  const { default: webpack } = await import('webpack')
  const stats = await new Promise((resolve, reject) =>
    webpack({ mode: 'production', context: dir, entry: './app.js', output: { path: path.join(dir, 'dist'), filename: 'main.js' } }, (e, s) => (e ? reject(e) : resolve(s))),
  )
  assert.equal(stats.hasErrors(), false, stats.toString('errors-only'))
  assertSeedDevices(await runInChromium(dir))
})
