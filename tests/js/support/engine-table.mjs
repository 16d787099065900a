// Prints the tests of each file that passed in each engine, from the counts that
// support/counts-reporter.mjs wrote to build/test-js-<engine>.counts.json.

import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ENGINES } from './harness.mjs'
import { REPO_ROOT } from './static-server.mjs'

const read = (engine) => {
  try {
    return JSON.parse(readFileSync(path.join(REPO_ROOT, 'build', `test-js-${engine}.counts.json`), 'utf8'))
  } catch {
    return {}
  }
}
const counts = ENGINES.map(read)
const files = [...new Set(counts.flatMap(Object.keys))].sort()
const cell = (c) => (c ? `${c.pass}${c.fail ? ` (${c.fail} failed)` : ''}${c.skip ? ` (+${c.skip} once)` : ''}` : '—')
const total = (i) => files.reduce((sum, f) => {
  const c = counts[i][f]
  return c ? { pass: sum.pass + c.pass, fail: sum.fail + c.fail, skip: sum.skip + c.skip } : sum
}, { pass: 0, fail: 0, skip: 0 })
console.log(`\n| test file | ${ENGINES.join(' | ')} |\n|---|${ENGINES.map(() => '---:').join('|')}|`)
for (const f of files) console.log(`| ${f} | ${counts.map((c) => cell(c[f])).join(' | ')} |`)
console.log(`| all | ${ENGINES.map((_, i) => cell(total(i))).join(' | ')} |`)
console.log('(passed tests; "+n once": tests that use no browser, run in the chromium pass only; demo, packaging')
console.log('and nextjs open their apps in all three engines from the chromium pass)')
