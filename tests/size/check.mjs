// Fails when what a page downloads (the browser entry, index.js, and the .wasm it fetches) grows
// past the budget in budget.json, in gzip-9 bytes. Raising the budget takes a commit that says
// why. The server and edge entries are listed too, for information: no page downloads them.

import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const PKG = path.join(HERE, '..', '..', 'pkg')
const DOWNLOADED = ['index.js', 'seam_wasm_bg.wasm']
const SERVER_ONLY = ['node.js', 'edge.js']

const { gzipBytes: budget } = JSON.parse(await readFile(path.join(HERE, 'budget.json'), 'utf8'))
const sizes = async (file) => {
  const bytes = await readFile(path.join(PKG, file))
  return [bytes.length, gzipSync(bytes, { level: 9 }).length]
}
const line = (raw, gzip, what) => `${String(raw).padStart(8)} ${String(gzip).padStart(7)} gzip-9  ${what}`

let total = 0
for (const file of DOWNLOADED) {
  const [raw, gzip] = await sizes(file)
  total += gzip
  console.log(line(raw, gzip, file))
}
console.log(`${String(total).padStart(16)} gzip-9  a page downloads; budget ${budget}`)
for (const file of SERVER_ONLY) {
  const [raw, gzip] = await sizes(file)
  console.log(line(raw, gzip, `${file} (servers and edge runtimes only)`))
}
if (!Number.isInteger(budget) || budget <= 0) {
  console.error('tests/size/budget.json needs { "gzipBytes": <positive integer> }')
  process.exit(1)
}
if (total > budget) {
  console.error(`The package grew past its size budget by ${total - budget} gzip-9 bytes.`)
  process.exit(1)
}
