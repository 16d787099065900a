// Fails when the files a page downloads (the .wasm and every .js in pkg/) grow past the budget
// in budget.json, in gzip-9 bytes. Raising the budget takes a commit that says why.

import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const PKG = path.join(HERE, '..', '..', 'pkg')

async function shippedFiles(dir) {
  const files = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) files.push(...(await shippedFiles(file)))
    else if (/\.(js|wasm)$/.test(entry.name)) files.push(file)
  }
  return files.sort()
}

const { gzipBytes: budget } = JSON.parse(await readFile(path.join(HERE, 'budget.json'), 'utf8'))
let total = 0
for (const file of await shippedFiles(PKG)) {
  const bytes = await readFile(file)
  const gzip = gzipSync(bytes, { level: 9 }).length
  total += gzip
  console.log(`${String(bytes.length).padStart(8)} ${String(gzip).padStart(7)} gzip-9  ${path.relative(PKG, file)}`)
}
console.log(`${String(total).padStart(16)} gzip-9  in total; budget ${budget}`)
if (!Number.isInteger(budget) || budget <= 0) {
  console.error('tests/size/budget.json needs { "gzipBytes": <positive integer> }')
  process.exit(1)
}
if (total > budget) {
  console.error(`The package grew past its size budget by ${total - budget} gzip-9 bytes.`)
  process.exit(1)
}
