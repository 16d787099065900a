// The benchmark: seam-wasm against @seamapi/http and hand-written fetch calls, in headless
// Chromium, against bench/server.mjs. Prints a table, and writes every sample to
// bench/results/<timestamp>.json and the table to bench/results/latest.md.

import { existsSync } from 'node:fs'
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'
import { chromium } from 'playwright-core'
import { REPO_ROOT, startBenchServer } from './server.mjs'
import { CHROMIUM_ARGS as TEST_ARGS } from '../tests/js/support/harness.mjs'

const SUBJECTS = ['seam-wasm', 'http', 'raw']
const LABELS = { 'seam-wasm': 'seam-wasm', http: '@seamapi/http', raw: 'raw fetch' }
const bySubject = (f) => Object.fromEntries(SUBJECTS.map((s) => [s, f(s)]))

const ROUNDS = 5
// Rounds before memory counts as settled: wasm memory is a high-water mark (it never shrinks) and
// the first rounds raise it to the most calls ever in flight at once.
const WARM_UP_ROUNDS = 2
const COLD_SAMPLES = 11
const LISTS_PER_ROUND = 4
const LIST_SIZE = 5000
const SEQUENTIAL_CALLS = 1000
const SEQUENTIAL_STEP = 100
const CONCURRENT_CALLS = 500
// devices.get calls per round (sequential + concurrent + untimed), so memory is read after the
// same work everywhere: 2,000 calls after round 1, 10,000 after round 5.
const CALLS_PER_ROUND = 2000
const CHURN_WIDTH = 100
const UNLOCKS_PER_ROUND = 10
// Calls at once for the in-flight memory figure, in a page of their own (more than this and
// Chromium starts failing some with net::ERR_INSUFFICIENT_RESOURCES).
const IN_FLIGHT_CALLS = 1000

const PKG = path.join(REPO_ROOT, 'pkg')
const BUILD = path.join(REPO_ROOT, 'build', 'bench')
const RESULTS = path.join(REPO_ROOT, 'bench', 'results')
const HTTP_BUNDLE = path.join(BUILD, 'seamapi-http.min.js')
const WASM_BUNDLE = path.join(BUILD, 'seam-wasm.min.js')
// Cold starts also load the bundled seam-wasm, the form that compares with the http bundle.
const COLD_SUBJECTS = [...SUBJECTS, 'seam-wasm-bundled']
const API_ROUTES = ['/devices/list', '/devices/get', '/locks/unlock_door', '/action_attempts/get']

const CHROMIUM_ARGS = [
  '--headless=new',
  ...TEST_ARGS,
  // Exact heap figures (not bucketed) and a `gc()` to call before reading them.
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
]

// ---- statistics and formatting ----

const sorted = (xs) => [...xs].sort((a, b) => a - b)
const quantile = (xs, q) => {
  const s = sorted(xs)
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]
}
const median = (xs) => {
  const s = sorted(xs)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}
const round3 = (x) => Math.round(x * 1000) / 1000

const fmtBytes = (n) => n.toLocaleString('en-US')
const fmtMs = (x) => (x < 10 ? x.toFixed(3) : x.toFixed(1))
const fmtMB = (n) => (n / 1e6).toFixed(2)
const fmtSignedMB = (n) => `${n >= 0 ? '+' : ''}${fmtMB(n)}`

const ratio = (a, b) => (a > 0 && b > 0 ? `${(a / b).toFixed(2)}×` : '—')

// ---- preparation ----

function checkPackage() {
  const missing = ['index.js', 'seam_wasm_bg.wasm'].filter((f) => !existsSync(path.join(PKG, f)))
  if (missing.length) {
    throw new Error(`pkg/ is missing or incomplete (no ${missing.join(', ')}): build it with \`make pkg\` first`)
  }
}

async function bundle(options) {
  await mkdir(BUILD, { recursive: true })
  await esbuild.build({ bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, logLevel: 'silent', ...options })
}

// @seamapi/http as a browser app would ship it: one minified ESM file with just the client.
const bundleHttp = () =>
  bundle({
    stdin: { contents: "export { SeamHttp } from '@seamapi/http'", resolveDir: REPO_ROOT, loader: 'js' },
    outfile: HTTP_BUNDLE,
  })

// seam-wasm as a user's bundler ships it: the JS minified into one file, the .wasm beside it.
// esbuild leaves `new URL('./seam_wasm_bg.wasm', import.meta.url)` as it is (it does not treat
// it as an asset import), which is what keeps the .wasm out of the bundle; checked below.
async function bundleWasm() {
  await bundle({ entryPoints: [path.join(PKG, 'index.js')], outfile: WASM_BUNDLE })
  await copyFile(path.join(PKG, 'seam_wasm_bg.wasm'), path.join(BUILD, 'seam_wasm_bg.wasm'))
  const js = await readFile(WASM_BUNDLE, 'utf8')
  if (!js.includes('new URL("./seam_wasm_bg.wasm",import.meta.url)')) {
    throw new Error('the seam-wasm bundle no longer loads seam_wasm_bg.wasm by URL; the size figure would be wrong')
  }
}

// Each file is served and compressed on its own, so sizes are summed per file.
async function measureFiles(files) {
  const perFile = {}
  let raw = 0
  let gzip = 0
  for (const file of files) {
    const body = await readFile(file)
    const gz = gzipSync(body, { level: 9 }).length
    perFile[path.relative(REPO_ROOT, file)] = { raw: body.length, gzip: gz }
    raw += body.length
    gzip += gz
  }
  return { raw, gzip, perFile }
}

async function measureSizes() {
  const wasm = path.join(PKG, 'seam_wasm_bg.wasm')
  // What a page downloads: the browser entry and the .wasm it fetches (the server and edge
  // entries are for other hosts).
  const shipped = ['index.js', 'seam_wasm_bg.wasm'].map((file) => path.join(PKG, file))
  return {
    shipped: { 'seam-wasm': await measureFiles(shipped), http: await measureFiles([HTTP_BUNDLE]) },
    bundled: { 'seam-wasm': await measureFiles([WASM_BUNDLE, wasm]), http: await measureFiles([HTTP_BUNDLE]) },
  }
}

// ---- the browser ----

// One page in a fresh context: its own cache, storage and renderer process (and so JS heap).
async function openPage(browser, origin, pageErrors) {
  const context = await browser.newContext()
  const page = await context.newPage()
  page.setDefaultTimeout(120_000)
  page.on('pageerror', (e) => pageErrors.push(String(e?.stack ?? e)))
  page.on('crash', () => pageErrors.push('the page crashed'))
  await page.goto(`${origin}/bench/page.html`)
  await page.waitForFunction(() => window.bench !== undefined)
  const call = (name, ...args) => page.evaluate(([n, a]) => window.bench[n](...a), [name, args])
  return { context, page, call, close: () => context.close() }
}

// Which method and headers each subject sends per route, from the browser's own record.
async function recordRequests(browser, origin, pageErrors, deviceId) {
  const recording = {}
  for (const subject of SUBJECTS) {
    const p = await openPage(browser, origin, pageErrors)
    const seen = []
    p.page.on('request', (request) => {
      const { pathname } = new URL(request.url())
      if (API_ROUTES.includes(pathname)) seen.push(request.allHeaders().then((h) => ({ pathname, method: request.method(), headers: Object.keys(h).sort() })))
    })
    await p.call('open', subject)
    await p.call('probe', deviceId)
    recording[subject] = await Promise.all(seen)
    await p.close()
  }
  return recording
}

function methodsByRoute(recording) {
  const methods = {}
  for (const route of API_ROUTES) {
    methods[route] = {}
    for (const subject of SUBJECTS) {
      methods[route][subject] = [...new Set(recording[subject].filter((r) => r.pathname === route).map((r) => r.method))].join('+') || '(none)'
    }
  }
  return methods
}

// The raw subject must send what the SDKs send, or the comparison means nothing.
function checkMethods(methods) {
  for (const [route, m] of Object.entries(methods)) {
    if (m.raw !== m['seam-wasm'] && m.raw !== m.http) {
      throw new Error(`raw fetch sends ${m.raw} ${route}, the SDKs ${m['seam-wasm']} and ${m.http}`)
    }
  }
}

// Rotates the subjects so that none always runs first (right after another one's work).
const order = (i, subjects = SUBJECTS) => subjects.map((_, k) => subjects[(i + k) % subjects.length])

async function coldStarts(browser, origin, pageErrors) {
  const samples = Object.fromEntries(COLD_SUBJECTS.map((s) => [s, []]))
  for (let i = 0; i < COLD_SAMPLES; i++) {
    for (const subject of order(i, COLD_SUBJECTS)) {
      const p = await openPage(browser, origin, pageErrors)
      samples[subject].push(await p.call('coldStart', subject))
      await p.close()
    }
  }
  return samples
}

// Wasm memory per call in flight, each subject in a fresh page: nothing else has raised its
// high-water mark.
async function inFlight(browser, origin, pageErrors, ids) {
  const out = {}
  for (const subject of SUBJECTS) {
    const p = await openPage(browser, origin, pageErrors)
    await p.call('open', subject)
    out[subject] = await p.call('inFlight', subject, ids, IN_FLIGHT_CALLS)
    await p.close()
  }
  return out
}

// One step on every subject, in the turn's order.
async function eachSubject(pages, turn, step) {
  const out = {}
  for (const s of order(turn)) out[s] = await step(pages[s], s)
  return out
}

// A timed phase cut into short steps that alternate between subjects: the machine's load drifts,
// and this way every subject sees the same drift.
async function inTurns(pages, turn, steps, step) {
  const parts = bySubject(() => [])
  for (let i = 0; i < steps; i++) {
    const out = await eachSubject(pages, turn + i, (p) => step(p, i))
    for (const s of SUBJECTS) parts[s].push(out[s])
  }
  return bySubject((s) => ({
    times: parts[s].flatMap((p) => p.times),
    errors: parts[s].reduce((n, p) => n + p.errors, 0),
    firstError: parts[s].find((p) => p.firstError)?.firstError ?? null,
  }))
}

// The phases of a round, in order; each gives one result per subject.
function roundPhases(pages, r, ids) {
  return {
    list: () => inTurns(pages, r, LISTS_PER_ROUND, (p) => p.call('list', LIST_SIZE)),
    memoryAfterList: () => eachSubject(pages, r, (p, s) => p.call('memory', s)),
    sequential: () =>
      inTurns(pages, r, SEQUENTIAL_CALLS / SEQUENTIAL_STEP, (p, i) => p.call('sequential', ids, SEQUENTIAL_STEP, i * SEQUENTIAL_STEP)),
    concurrent: () => eachSubject(pages, r, (p) => p.call('concurrent', ids.slice(0, CONCURRENT_CALLS))),
    churn: () => eachSubject(pages, r, (p) => p.call('churn', ids, CALLS_PER_ROUND - SEQUENTIAL_CALLS - CONCURRENT_CALLS, CHURN_WIDTH)),
    memoryAfterCalls: () => eachSubject(pages, r, (p, s) => p.call('memory', s)),
    unlock: () => inTurns(pages, r, UNLOCKS_PER_ROUND, (p) => p.call('unlock', ids[0])),
  }
}

async function runRound(pages, r, ids) {
  const out = {}
  for (const [name, phase] of Object.entries(roundPhases(pages, r, ids))) out[name] = await phase()
  return bySubject((s) => Object.fromEntries(Object.entries(out).map(([name, v]) => [name, v[s]])))
}

async function rounds(browser, origin, pageErrors, ids) {
  const pages = {}
  for (const subject of SUBJECTS) {
    pages[subject] = await openPage(browser, origin, pageErrors)
    await pages[subject].call('open', subject)
  }
  const results = bySubject(() => [])
  for (let r = 0; r < ROUNDS; r++) {
    const round = await runRound(pages, r, ids)
    for (const s of SUBJECTS) results[s].push(round[s])
    process.stderr.write(`round ${r + 1}/${ROUNDS} done\n`)
  }
  for (const p of Object.values(pages)) await p.close()
  return results
}

// ---- summary ----

const PHASES = ['list', 'sequential', 'concurrent', 'churn', 'unlock']

function errorsOf(roundList, flight) {
  let errors = flight.errors
  const messages = flight.firstError ? [`in flight: ${flight.firstError}`] : []
  for (const round of roundList) {
    for (const phase of PHASES) {
      errors += round[phase].errors
      if (round[phase].firstError) messages.push(`${phase}: ${round[phase].firstError}`)
    }
  }
  return { errors, messages: [...new Set(messages)] }
}

function memoryFigures(roundList, checkpoint, key) {
  const first = roundList[0][checkpoint][key]
  const settled = roundList[WARM_UP_ROUNDS][checkpoint][key]
  const last = roundList.at(-1)[checkpoint][key]
  return first === null ? null : { first, settled, last, growth: last - settled }
}

function summarize(subject, sizes, cold, roundList, coldBundled, flight) {
  const seq = roundList.map((r) => r.sequential.times)
  return {
    ...(coldBundled && {
      coldBundledFirstRequestMs: median(coldBundled.map((c) => c.firstRequestMs)),
      coldBundledResultMs: median(coldBundled.map((c) => c.resultMs)),
    }),
    shippedRaw: sizes.shipped[subject]?.raw ?? 0,
    shippedGzip: sizes.shipped[subject]?.gzip ?? 0,
    bundledRaw: sizes.bundled[subject]?.raw ?? 0,
    bundledGzip: sizes.bundled[subject]?.gzip ?? 0,
    coldDownloadedMs: median(cold.map((c) => c.downloadedMs)),
    coldReadyMs: median(cold.map((c) => c.readyMs)),
    coldFirstRequestMs: median(cold.map((c) => c.firstRequestMs)),
    coldResultMs: median(cold.map((c) => c.resultMs)),
    getMedianMs: median(seq.map((t) => median(t))),
    getP95Ms: median(seq.map((t) => quantile(t, 0.95))),
    list5000Ms: median(roundList.flatMap((r) => r.list.times)),
    concurrentWallMs: median(roundList.map((r) => r.concurrent.wallMs)),
    concurrentErrors: roundList.reduce((n, r) => n + r.concurrent.errors, 0),
    unlockMs: median(roundList.flatMap((r) => r.unlock.times)),
    heapAfterList: memoryFigures(roundList, 'memoryAfterList', 'jsHeapBytes'),
    heapAfterCalls: memoryFigures(roundList, 'memoryAfterCalls', 'jsHeapBytes'),
    wasmAfterList: memoryFigures(roundList, 'memoryAfterList', 'wasmBytes'),
    wasmAfterCalls: memoryFigures(roundList, 'memoryAfterCalls', 'wasmBytes'),
    wasmPerCallInFlight: flight.bytesPerCall,
    ...errorsOf(roundList, flight),
  }
}

// Rows of the table: a label and how to read and print one subject's value.
function tableRows() {
  const calls = (r) => (r * CALLS_PER_ROUND).toLocaleString('en-US')
  const mem = (label, key, after = () => '') => [
    [`${label}, round 1${after(1)} (MB)`, (s) => s[key]?.first, fmtMB],
    [`${label}, round ${WARM_UP_ROUNDS + 1}${after(WARM_UP_ROUNDS + 1)} (MB)`, (s) => s[key]?.settled, fmtMB],
    [`${label}, round ${ROUNDS}${after(ROUNDS)} (MB)`, (s) => s[key]?.last, fmtMB],
    [`${label}, growth round ${WARM_UP_ROUNDS + 1} → ${ROUNDS} (MB)`, (s) => s[key]?.growth, fmtSignedMB],
  ]
  return [
    ['shipped bytes, raw (pkg files / http bundle)', (s) => s.shippedRaw, fmtBytes],
    ['shipped bytes, gzip-9', (s) => s.shippedGzip, fmtBytes],
    ['bundled bytes, raw (esbuild min + .wasm)', (s) => s.bundledRaw, fmtBytes],
    ['bundled bytes, gzip-9', (s) => s.bundledGzip, fmtBytes],
    [`cold start: import → own files downloaded (ms, median of ${COLD_SAMPLES})`, (s) => s.coldDownloadedMs, fmtMs],
    ['cold start: import → client made (ms)', (s) => s.coldReadyMs, fmtMs],
    ['cold start: import → first request (ms)', (s) => s.coldFirstRequestMs, fmtMs],
    ['cold start: import → devices array (ms)', (s) => s.coldResultMs, fmtMs],
    // Only seam-wasm has a bundled form; the other columns repeat their figure for the ratios.
    ['cold start, seam-wasm bundled: import → first request (ms)', (s) => s.coldBundledFirstRequestMs ?? s.coldFirstRequestMs, fmtMs],
    ['cold start, seam-wasm bundled: import → devices array (ms)', (s) => s.coldBundledResultMs ?? s.coldResultMs, fmtMs],
    [`devices.get ×${SEQUENTIAL_CALLS} sequential: per call median (ms)`, (s) => s.getMedianMs, fmtMs],
    ['devices.get sequential: per call p95 (ms)', (s) => s.getP95Ms, fmtMs],
    [`devices.list ${LIST_SIZE.toLocaleString('en-US')} devices → array (ms, median of ${ROUNDS * LISTS_PER_ROUND})`, (s) => s.list5000Ms, fmtMs],
    [`${CONCURRENT_CALLS} concurrent devices.get: wall (ms)`, (s) => s.concurrentWallMs, fmtMs],
    [`${CONCURRENT_CALLS} concurrent devices.get: errors (all rounds)`, (s) => s.concurrentErrors, String],
    ['locks.unlockDoor, polled every 1 ms to success (ms)', (s) => s.unlockMs, fmtMs],
    ...mem(`JS heap after ${LIST_SIZE.toLocaleString('en-US')}-device list (held)`, 'heapAfterList'),
    ...mem('JS heap after calls', 'heapAfterCalls', (r) => `, ${calls(r)} calls`),
    ...mem('wasm memory after list', 'wasmAfterList'),
    ...mem('wasm memory after calls', 'wasmAfterCalls', (r) => `, ${calls(r)} calls`),
    [`wasm memory per call, ${IN_FLIGHT_CALLS.toLocaleString('en-US')} devices.get in flight at once (bytes)`, (s) => s.wasmPerCallInFlight, (v) => fmtBytes(Math.round(v))],
    ['errors, all phases', (s) => s.errors, String],
  ]
}

function table(summary) {
  const header = ['figure', ...SUBJECTS.map((s) => LABELS[s]), 'wasm/http', 'wasm/raw']
  const rows = tableRows().map(([label, get, fmt]) => {
    const v = bySubject((s) => get(summary[s]))
    const cells = SUBJECTS.map((s) => (v[s] === null || v[s] === undefined ? '—' : fmt(v[s])))
    return [label, ...cells, ratio(v['seam-wasm'], v.http), ratio(v['seam-wasm'], v.raw)]
  })
  return { header, rows }
}

function textTable({ header, rows }) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

const markdownTable = ({ header, rows }) =>
  [header, header.map((_, i) => (i === 0 ? '---' : '---:')), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n')

function methodsTable(methods) {
  const header = ['route', ...SUBJECTS.map((s) => LABELS[s])]
  return { header, rows: Object.entries(methods).map(([route, m]) => [route, ...SUBJECTS.map((s) => m[s])]) }
}

// The headers a subject adds itself, without the ones every browser request carries.
function ownHeaders(recording) {
  const browserHeaders = /^(accept|accept-encoding|accept-language|connection|content-length|host|origin|referer|user-agent|sec-.*)$/
  return bySubject((s) => [...new Set(recording[s].flatMap((r) => r.headers))].filter((h) => !browserHeaders.test(h)))
}

// Other work on the machine shows in every timing, so the load is part of the record.
async function machine(browser, loadAtStart) {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8')
  return {
    loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
    nproc: os.availableParallelism(),
    cpu: /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? 'unknown',
    chromium: browser.version(),
    node: process.version,
  }
}

function markdown({ date, host, summary, methods, headers, seconds }) {
  return `# seam-wasm benchmark

${date} · ${host.nproc} cores · ${host.cpu} · Chromium ${host.chromium} · Node ${host.node} · ${seconds.toFixed(0)} s ·
load average ${host.loadAverage.start.toFixed(2)} at the start, ${host.loadAverage.end.toFixed(2)} at the end

${markdownTable(table(summary))}

Medians; ratios are seam-wasm divided by the other subject. Timings in ms, memory in MB (10⁶ bytes).
${ROUNDS} rounds, subjects interleaved; each round makes ${CALLS_PER_ROUND.toLocaleString('en-US')} \`devices.get\` calls per subject
(${SEQUENTIAL_CALLS} sequential, ${CONCURRENT_CALLS} at once, the rest ${CHURN_WIDTH} at a time) and reads memory after them.
Cold starts load each subject in a fresh browser context; "bundled" is seam-wasm through esbuild, as
@seamapi/http is here. "Held": the last list's array is still referenced when the heap is read. Wasm
memory never shrinks, so its figures are high-water marks.

HTTP methods used per route:

${markdownTable(methodsTable(methods))}

Headers each subject adds: ${SUBJECTS.map((s) => `${LABELS[s]}: ${headers[s].join(', ')}`).join('; ')}.
`
}

// ---- main ----

async function main() {
  const started = performance.now()
  const loadAtStart = os.loadavg()[0]
  checkPackage()
  await Promise.all([bundleHttp(), bundleWasm()])
  const sizes = await measureSizes()

  const server = await startBenchServer({ catalogSize: LIST_SIZE })
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  const pageErrors = []
  try {
    const ids = server.deviceIds.slice(0, CONCURRENT_CALLS)
    const recording = await recordRequests(browser, server.origin, pageErrors, ids[0])
    const methods = methodsByRoute(recording)
    checkMethods(methods)
    process.stderr.write('recorded methods; cold starts…\n')
    const cold = await coldStarts(browser, server.origin, pageErrors)
    const roundResults = await rounds(browser, server.origin, pageErrors, ids)
    const flight = await inFlight(browser, server.origin, pageErrors, server.deviceIds.slice(0, IN_FLIGHT_CALLS))

    const summary = bySubject((s) => summarize(s, sizes, cold[s], roundResults[s], s === 'seam-wasm' && cold['seam-wasm-bundled'], flight[s]))
    const seconds = (performance.now() - started) / 1000
    const date = new Date().toISOString()
    const host = await machine(browser, loadAtStart)
    const headers = ownHeaders(recording)

    console.log(textTable(table(summary)))
    console.log(`\n${textTable(methodsTable(methods))}`)
    console.log(`\n${host.nproc} cores, ${host.cpu}, Chromium ${host.chromium}; load ${host.loadAverage.start.toFixed(2)} → ${host.loadAverage.end.toFixed(2)}; ${seconds.toFixed(1)} s`)

    await mkdir(RESULTS, { recursive: true })
    const samples = { cold, rounds: roundResults }
    const json = JSON.stringify({ date, host, config: runConfig(), sizes, methods, recording, summary, samples }, (_, v) => (typeof v === 'number' ? round3(v) : v))
    await writeFile(path.join(RESULTS, `${date.replaceAll(':', '-')}.json`), json)
    await writeFile(path.join(RESULTS, 'latest.md'), markdown({ date, host, summary, methods, headers, seconds }))

    failOnErrors(summary, pageErrors)
  } finally {
    await browser.close()
    await server.close()
  }
}

const runConfig = () => ({
  ROUNDS, WARM_UP_ROUNDS, COLD_SAMPLES, LISTS_PER_ROUND, LIST_SIZE, SEQUENTIAL_CALLS, SEQUENTIAL_STEP, CONCURRENT_CALLS, CALLS_PER_ROUND, CHURN_WIDTH,
  UNLOCKS_PER_ROUND, IN_FLIGHT_CALLS,
})

function failOnErrors(summary, pageErrors) {
  const failed = SUBJECTS.filter((s) => summary[s].errors > 0)
  for (const s of failed) console.error(`${LABELS[s]}: ${summary[s].errors} error(s): ${summary[s].messages.join(' | ')}`)
  for (const e of pageErrors) console.error(`uncaught error in a page: ${e}`)
  if (failed.length || pageErrors.length) throw new Error('the benchmark had errors; its figures are not valid')
}

main().catch((e) => {
  console.error(`bench: ${e.message}`)
  process.exitCode = 1
})
