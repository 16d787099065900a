// A node:test reporter that counts the tests of each file (leaf tests, not suites): passed,
// failed and skipped, written as JSON when the run ends. `make test-js` writes one per engine and
// prints them side by side (support/engine-table.mjs).

import path from 'node:path'

export default async function* countsReporter(source) {
  const counts = {}
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue
    const { file, details, skip } = event.data
    if (!file || details?.type === 'suite') continue
    const name = path.basename(file, '.test.mjs')
    counts[name] ??= { pass: 0, fail: 0, skip: 0 }
    if (event.type === 'test:fail') counts[name].fail += 1
    else if (skip !== undefined) counts[name].skip += 1
    else counts[name].pass += 1
  }
  yield `${JSON.stringify(counts, null, 1)}\n`
}
