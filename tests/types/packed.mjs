// The shipped declarations where users compile: the tarball `npm pack` makes of pkg/, installed
// into an application (tests/packaging/types/), whose files tsc checks under each setting below
// with `strict` on and `skipLibCheck` off, so every declaration file of the package is checked
// too. app.ts is checked a second time with its imports from 'seam-wasm/connect'. Prints each
// setting and the files it checked; on an error prints tsc's output and exits non-zero.
//
//   node tests/types/packed.mjs

import { spawnSync } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { installFixture, packInto } from '../js/support/packaging.mjs'
import { REPO_ROOT } from '../js/support/static-server.mjs'

const tsc = path.join(REPO_ROOT, 'node_modules/.bin/tsc')

// `types` is always given: the app has @types/node installed, which only the settings that name
// it may see.
const bundler = { module: 'ESNext', moduleResolution: 'bundler', types: [] }
const node16 = { module: 'Node16', moduleResolution: 'Node16', types: [] }
// `cjs`: the setting compiles CommonJS too, so the CommonJS file is checked; `dispose`: the lib
// declares `Symbol.dispose`, so `using` a client or a request is checked.
const SETTINGS = [
  { target: 'ES2020', lib: ['ES2020', 'DOM'], ...bundler },
  { target: 'ES2020', lib: ['ES2020', 'DOM'], ...node16, cjs: true },
  { target: 'ES2022', lib: ['ES2022', 'DOM'], ...bundler },
  { target: 'ES2022', lib: ['ES2022', 'DOM'], ...node16, cjs: true },
  { target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], ...bundler },
  { target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], ...node16, cjs: true },
  { target: 'ES2022', lib: ['ESNext', 'DOM'], ...bundler, dispose: true },
  { target: 'ES2022', lib: ['ESNext', 'DOM'], ...node16, cjs: true, dispose: true },
  // A server (fromApiKey) compiled with Node's types and no DOM.
  { target: 'ES2022', lib: ['ES2022'], ...node16, types: ['node'], cjs: true, dispose: true },
  // Next.js's tsconfig: Node's types and the ESNext lib both declare `Symbol.dispose`.
  { target: 'ES2017', lib: ['DOM', 'DOM.Iterable', 'ESNext'], ...bundler, types: ['node'], dispose: true },
]

const describe = ({ lib, module, moduleResolution, types }) =>
  `lib ${lib.join('+')}, module ${module}/${moduleResolution}${types.length ? `, types ${types.join('+')}` : ''}`

// Outside the repository, so that nothing the package's declarations import can be found in the
// repository's node_modules instead of the package's own.
const work = await mkdtemp(path.join(os.tmpdir(), 'seam-wasm-types-'))
let failed = 0
try {
  const tarball = await packInto(work)
  const dir = await installFixture(work, 'types', tarball)
  // The user's own @types/node, as `npm install @types/node` would lay it out.
  for (const name of ['@types/node', 'undici-types']) {
    await cp(path.join(REPO_ROOT, 'node_modules', name), path.join(dir, 'node_modules', name), { recursive: true })
  }
  const app = await readFile(path.join(dir, 'app.ts'), 'utf8')
  const connect = app.replaceAll(/(from\s+)'seam-wasm'/g, "$1'seam-wasm/connect'")
  if (connect === app) throw new Error("tests/packaging/types/app.ts imports nothing from 'seam-wasm'")
  await writeFile(path.join(dir, 'app-connect.ts'), connect)

  const { version } = JSON.parse(await readFile(path.join(dir, 'node_modules/seam-wasm/package.json'), 'utf8'))
  const tscVersion = spawnSync(tsc, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^Version /, 'tsc ')
  console.log(`seam-wasm ${version} packed and installed; ${tscVersion}; strict, skipLibCheck false`)
  for (const [i, { cjs, dispose, ...compilerOptions }] of SETTINGS.entries()) {
    const files = ['app.ts', 'app-connect.ts', ...(cjs ? ['app.cts'] : []), ...(dispose ? ['dispose.ts'] : [])]
    const config = `tsconfig.${i}.json`
    const options = { strict: true, skipLibCheck: false, noEmit: true, ...compilerOptions }
    await writeFile(path.join(dir, config), JSON.stringify({ compilerOptions: options, files }, null, 2))
    const started = Date.now()
    const run = spawnSync(tsc, ['-p', config, '--pretty', 'false'], { cwd: dir, encoding: 'utf8' })
    if (run.error) throw run.error
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    const ok = run.status === 0
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${describe(compilerOptions)}: ${files.join(', ')} (${seconds} s)`)
    if (!ok) {
      failed++
      const lines = `${run.stdout}${run.stderr}`.trim().split('\n')
      const shown = lines.slice(0, 60).map((l) => `     ${l}`)
      if (lines.length > shown.length) shown.push(`     ... ${lines.length - shown.length} more lines`)
      console.log(shown.join('\n'))
    }
  }
} finally {
  await rm(work, { recursive: true, force: true })
}
console.log(`declarations: ${SETTINGS.length - failed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
