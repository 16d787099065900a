// Runs the type tests: writes the parity test, then type-checks every test file with tsc.
// Exits non-zero when tsc reports an error; the last line counts assertions.
//
//   node tests/types/run.mjs

import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

import { generate } from './gen-parity.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '../..')
const tsc = path.join(root, 'node_modules/.bin/tsc')
const tsconfig = path.join(here, 'tsconfig.json')

for (const f of ['pkg/index.d.ts', 'pkg/types.d.ts', 'node_modules/.bin/tsc']) {
  if (!fs.existsSync(path.join(root, f))) {
    console.error(`${f} is missing: run \`make pkg\` first`)
    process.exit(2)
  }
}

await generate()

const started = Date.now()
const run = spawnSync(tsc, ['-p', tsconfig, '--pretty', 'false'], { cwd: root, encoding: 'utf8' })
const seconds = ((Date.now() - started) / 1000).toFixed(1)
if (run.error) throw run.error
const output = `${run.stdout}${run.stderr}`

// Each `expectTypeOf` statement and each `@ts-expect-error` is one assertion; an error inside one
// fails it, and an error anywhere else (in a declaration file, say) counts as one more failure.
const { fileNames } = ts.parseJsonConfigFileContent(ts.readConfigFile(tsconfig, ts.sys.readFile).config, ts.sys, here)
const assertions = []
for (const file of fileNames.filter((f) => f.endsWith('.test-d.ts'))) {
  const text = fs.readFileSync(file, 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const line = (pos) => source.getLineAndCharacterOfPosition(pos).line + 1
  const visit = (node) => {
    if (ts.isExpressionStatement(node) && /^expectTypeOf\b/.test(node.getText(source))) {
      assertions.push({ file, from: line(node.getStart(source)), to: line(node.getEnd()) })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  text.split('\n').forEach((l, i) => {
    if (/^\s*\/\/ @ts-expect-error\b/.test(l)) assertions.push({ file, from: i + 1, to: i + 2 })
  })
}
const failed = new Set()
let other = 0
const errorLine = /^(.+?)\((\d+),\d+\): error /
const seen = new Set()
for (const l of output.split('\n')) {
  const m = l.match(errorLine)
  if (!m) continue
  const file = path.resolve(root, m[1])
  const at = Number(m[2])
  const hit = assertions.findIndex((a) => a.file === file && a.from <= at && at <= a.to)
  if (hit >= 0) failed.add(hit)
  else if (!seen.has(`${file}:${at}`)) {
    seen.add(`${file}:${at}`)
    other++
  }
}
if (!output.split('\n').some((l) => errorLine.test(l)) && run.status !== 0) other++

// An exception whose `.not` assertion fails names types that now agree: say which entry to drop.
const { outFile } = await import('./gen-parity.mjs')
const exceptionAt = new Map()
if (fs.existsSync(outFile)) {
  let key = null
  fs.readFileSync(outFile, 'utf8').split('\n').forEach((l, i) => {
    const m = l.match(/^\/\/ Exception (\S+) /)
    if (m) key = m[1]
    else if (key && !l.startsWith('//')) {
      exceptionAt.set(i + 1, key)
      key = null
    }
  })
}
const fixed = new Set()
for (const l of output.split('\n')) {
  const m = l.match(errorLine)
  if (m && path.resolve(root, m[1]) === outFile && exceptionAt.has(Number(m[2]))) fixed.add(exceptionAt.get(Number(m[2])))
}

if (run.status !== 0) {
  const lines = output.trim().split('\n')
  console.log(lines.slice(0, 200).join('\n'))
  if (lines.length > 200) console.log(`... ${lines.length - 200} more lines`)
  if (fixed.size) {
    console.log(`Now the same as in @seamapi/http; remove from tests/types/parity-exceptions.mjs: ${[...fixed].join(', ')}`)
  }
  console.log('A parity failure is explained by: node tests/types/gen-parity.mjs --explain <TypeName>')
}
console.log(`tsc: ${path.relative(root, tsconfig)} checked in ${seconds} s`)
console.log(`types: ${assertions.length - failed.size} passed, ${failed.size + other} failed`)
process.exit(run.status === 0 ? 0 : 1)
