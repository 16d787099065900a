// The packed tarball on servers and at the edge, with no configuration: the same backend script
// in Node 20, Deno and Bun (each picks the package's server entry through `exports`), and a
// Cloudflare worker in workerd (the edge entry, which imports the .wasm as a module). Each
// against the fake; nothing may be printed but the script's own answer.

import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { closedPort, useEnv } from './support/harness.mjs'
import { REPO_ROOT } from './support/static-server.mjs'
import { BIN, installFixture, packInto, run } from './support/packaging.mjs'

const env = useEnv({ launchBrowser: false })

const WORK = path.join(REPO_ROOT, 'build', 'runtimes')
const API_KEY = 'seam_apikey1_token'
const PUBLISHABLE_KEY = 'seam_pk1_token'
// The fake's seeded user, whose session has the 4 seeded devices of its connected account.
const SEEDED_USER = 'john_user_identifier_key'

let tarball
let server

before(async () => {
  tarball = await packInto(WORK)
  server = await installFixture(WORK, 'server', tarball)
})

const RUNTIMES = [
  ['Node', process.execPath, []],
  ['Deno', path.join(BIN, 'deno'), ['run', '--allow-net=127.0.0.1', '--allow-read', '--allow-env']],
  ['Bun', path.join(BIN, 'bun'), []],
]

for (const [name, binary, flags] of RUNTIMES) {
  test(`${name}: the server entry, with an API key and with a publishable key`, async () => {
    const { stdout, stderr } = await run(binary, [...flags, 'main.mjs', env.fakeUrl, API_KEY, PUBLISHABLE_KEY, SEEDED_USER], {
      cwd: server,
      env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
      timeout: 60_000,
    })
    assert.equal(stderr, '', `${name} printed on stderr`)
    const out = JSON.parse(stdout.trim())
    assert.ok(out.devices > 0, stdout)
    assert.equal(out.token, true, stdout)
    assert.equal(out.userDevices, 4, stdout)
    const { stdout: resolved } = await run(binary, [...flags, 'resolve.mjs'], { cwd: server, timeout: 60_000 })
    assert.match(resolved.trim(), /\/node_modules\/seam-wasm\/node\.js$/, `${name} resolves the package to ${resolved}`)
  })
}

test('workerd: a worker bundled as wrangler does lists the devices through the edge entry', async () => {
  const dir = await installFixture(WORK, 'workerd', tarball)
  // What wrangler does: bundle with the worker conditions, the .wasm left to workerd as a module.
  await run(path.join(BIN, 'esbuild'), ['worker.mjs', '--bundle', '--format=esm', '--platform=neutral',
    '--conditions=workerd,worker,browser', '--external:*.wasm', '--outfile=dist/worker.js', '--log-level=warning'], { cwd: dir })
  const bundle = await readFile(path.join(dir, 'dist', 'worker.js'), 'utf8')
  assert.match(bundle, /from\s*"\.\/seam_wasm_bg\.wasm"/, 'the bundle imports the .wasm as a module')
  const port = await closedPort()
  const config = (await readFile(path.join(dir, 'config.capnp'), 'utf8'))
    .replaceAll('@PORT@', String(port)).replaceAll('@ENDPOINT@', env.fakeUrl).replaceAll('@API_KEY@', API_KEY)
  await mkdir(path.join(dir, 'dist'), { recursive: true })
  await writeFile(path.join(dir, 'run.capnp'), config)
  const workerd = spawn(path.join(BIN, 'workerd'), ['serve', 'run.capnp'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  workerd.stdout.on('data', (d) => { output += d })
  workerd.stderr.on('data', (d) => { output += d })
  try {
    let answer
    for (let i = 0; i < 100 && !answer; i++) {
      answer = await fetch(`http://127.0.0.1:${port}/`).catch(() => null)
      if (!answer) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    assert.ok(answer, `workerd did not answer: ${output}`)
    const body = await answer.text()
    assert.equal(answer.status, 200, body)
    assert.deepEqual(JSON.parse(body).devices.length, 5, body)
    assert.deepEqual(output.split('\n').filter((l) => l && !l.startsWith('Listening on http://127.0.0.1:')), [], 'workerd printed')
  } finally {
    const exited = new Promise((resolve) => workerd.on('exit', resolve))
    workerd.kill('SIGKILL')
    await exited
  }
})

