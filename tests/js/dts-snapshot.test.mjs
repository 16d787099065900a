// The declarations of the built package that are not generated from the spec (wasm-bindgen's
// seam_wasm.d.ts and the entry index.d.ts) against the committed snapshots in tests/snapshots/,
// so that a change to the exported API shows up in review.
// `UPDATE_SNAPSHOTS=1 node --test tests/js/dts-snapshot.test.mjs` rewrites the snapshots.
// types.d.ts is left out: it is generated from the spec and checked by `make check-generated`.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const pkg = path.resolve(root, process.env.SEAM_PKG ?? 'pkg')
const snapshots = path.join(root, 'tests/snapshots')
const update = process.env.UPDATE_SNAPSHOTS === '1'

const normalize = (text) => text.replace(/\r\n/g, '\n')

for (const name of ['seam_wasm.d.ts', 'index.d.ts']) {
  test(`pkg/${name} matches tests/snapshots/${name}`, () => {
    const current = path.join(pkg, name)
    const snapshot = path.join(snapshots, name)
    assert.ok(fs.existsSync(current), `${path.relative(root, current)} is missing: run \`make pkg\` first`)
    const actual = fs.readFileSync(current, 'utf8')
    if (update) {
      fs.mkdirSync(snapshots, { recursive: true })
      fs.writeFileSync(snapshot, actual)
      return
    }
    assert.ok(fs.existsSync(snapshot), `${path.relative(root, snapshot)} is missing: run with UPDATE_SNAPSHOTS=1`)
    const expected = fs.readFileSync(snapshot, 'utf8')
    if (normalize(actual) === normalize(expected)) return
    assert.fail(
      `${path.relative(root, current)} differs from ${path.relative(root, snapshot)} ` +
        `(- snapshot, + current; rerun with UPDATE_SNAPSHOTS=1 if the change is intended):\n` +
        unifiedDiff(normalize(expected).split('\n'), normalize(actual).split('\n')),
    )
  })
}

// A line diff with two lines of context, enough to read a declaration change in a test log.
function unifiedDiff(a, b, context = 2, maxLines = 120) {
  const n = a.length
  const m = b.length
  // Longest common subsequence lengths from the end; the files are a few hundred lines.
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
    }
  }
  const ops = []
  let i = 0
  let j = 0
  // Each op: kind, text, and the 1-based line numbers in the snapshot and the current file.
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push([' ', a[i], i + 1, j + 1])
      i++
      j++
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push(['-', a[i], i + 1, j + 1])
      i++
    } else {
      ops.push(['+', b[j], i + 1, j + 1])
      j++
    }
  }
  const keep = ops.map((op, k) => op[0] !== ' ' || ops.slice(Math.max(0, k - context), k + context + 1).some((o) => o[0] !== ' '))
  const out = []
  let gap = true
  ops.forEach((op, k) => {
    if (!keep[k]) {
      gap = true
      return
    }
    if (gap) out.push(`@@ snapshot line ${op[2]}, current line ${op[3]} @@`)
    gap = false
    out.push(`${op[0]} ${op[1]}`)
  })
  return out.length > maxLines ? [...out.slice(0, maxLines), `... ${out.length - maxLines} more lines`].join('\n') : out.join('\n')
}
