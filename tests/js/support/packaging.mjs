// The package as users get it: the tarball `npm pack` makes of pkg/, installed into a copy of a
// fixture app under build/, as `npm install <tarball>` would (no lockfile, no install scripts).

import { execFile } from 'node:child_process'
import { cp, mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { REPO_ROOT } from './static-server.mjs'

export const run = promisify(execFile)
export const FIXTURES = path.join(REPO_ROOT, 'tests', 'packaging')
export const BIN = path.join(REPO_ROOT, 'node_modules', '.bin')

export const npm = (args, cwd) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, maxBuffer: 1 << 24 })

// A fresh `work` directory with the packed tarball in it; returns the tarball's path.
export async function packInto(work) {
  await rm(work, { recursive: true, force: true })
  await mkdir(work, { recursive: true })
  const { stdout } = await npm(['pack', path.join(REPO_ROOT, 'pkg'), '--pack-destination', work, '--json'], work)
  return path.join(work, JSON.parse(stdout)[0].filename)
}

// A copy of fixture `name` in `work`, with `extra` files copied beside it and the tarball installed.
export async function installFixture(work, name, tarball, extra = []) {
  const dir = path.join(work, name)
  await cp(path.join(FIXTURES, name), dir, { recursive: true })
  for (const file of extra) await cp(path.join(FIXTURES, file), path.join(dir, file))
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: `fixture-${name}`, private: true, type: 'module' }))
  await npm(['install', tarball, '--offline', '--ignore-scripts', '--no-package-lock'], dir)
  return dir
}
