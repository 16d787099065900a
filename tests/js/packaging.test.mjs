// The package as users get it: `npm pack`, then the tarball installed into small apps that use it
// the ways users do: a page with no bundler, a Vite build, a webpack 5 build (each in Chromium,
// against the fake) and a Node ESM script.

import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { useEnv, SEED_CST } from './support/harness.mjs'
import { REPO_ROOT } from './support/static-server.mjs'

const run = promisify(execFile)
const env = useEnv()

const FIXTURES = path.join(REPO_ROOT, 'tests', 'packaging')
const WORK = path.join(REPO_ROOT, 'build', 'packaging')
const API_KEY = 'seam_apikey1_token'

let tarball

const npm = (args, cwd) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, maxBuffer: 1 << 24 })

before(async () => {
  await rm(WORK, { recursive: true, force: true })
  await mkdir(WORK, { recursive: true })
  const { stdout } = await npm(['pack', path.join(REPO_ROOT, 'pkg'), '--pack-destination', WORK, '--json'], WORK)
  tarball = path.join(WORK, JSON.parse(stdout)[0].filename)
})

// A copy of one fixture (plus the shared browser app) with the tarball installed, as `npm i` would.
async function fixture(name) {
  const dir = path.join(WORK, name)
  await cp(path.join(FIXTURES, name), dir, { recursive: true })
  await cp(path.join(FIXTURES, 'app.js'), path.join(dir, 'app.js'))
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: `fixture-${name}`, private: true, type: 'module' }))
  await npm(['install', tarball, '--offline', '--ignore-scripts'], dir)
  return dir
}

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

test('npm pack ships the .wasm, the declarations, and every file index.js loads', async () => {
  const { stdout } = await npm(['pack', path.join(REPO_ROOT, 'pkg'), '--dry-run', '--json'], WORK)
  const files = JSON.parse(stdout)[0].files.map((f) => f.path).sort()
  for (const file of ['index.js', 'seam_wasm_bg.wasm', 'index.d.ts', 'seam_wasm.d.ts', 'errors.d.ts', 'types.d.ts', 'package.json', 'README.md']) {
    assert.ok(files.includes(file), `${file} is not in the package: ${files.join(', ')}`)
  }
  // Whatever the entry imports, or loads with `new URL(..., import.meta.url)`, must be shipped
  // (snippets included).
  const entry = await readFile(path.join(REPO_ROOT, 'pkg', 'index.js'), 'utf8')
  const loads = /(?:new URL\(|\bfrom\s*|\bimport\s*\(?\s*)["'`](\.\.?\/[^"'`]+)["'`]/g
  const relative = [...entry.matchAll(loads)].map((m) => path.normalize(m[1]))
  assert.ok(relative.includes('seam_wasm_bg.wasm'))
  for (const file of relative) assert.ok(files.includes(file), `index.js refers to ${file}, which is not shipped`)
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

test('a Node 20 ESM script with an API key', async () => {
  const dir = await fixture('node')
  const { stdout } = await run(process.execPath, ['main.mjs', env.fakeUrl, API_KEY], { cwd: dir })
  const out = JSON.parse(stdout.trim().split('\n').at(-1))
  assert.ok(out.devices > 0, stdout)
  assert.equal(out.token, true, stdout)
})
