// Shared setup for the browser tests: the fake API in a child process, the static server,
// one Chromium per test file, and pages that record what they send to the fake.

import { fork } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before } from 'node:test'
import { chromium } from 'playwright-core'
import { startFaultProxy } from './fault-proxy.mjs'
import { REPO_ROOT, startStaticServer } from './static-server.mjs'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const FAKE_LAUNCHER = path.join(HERE, 'fake.mjs')

export const PUBLISHABLE_KEY = 'seam_pk1_token'
export const SEED_CST = 'seam_cst1_token'
export const DEAD_CST = 'seam_cst1_doesnotexist'
export const WORKSPACE_ID = 'seed_workspace_1'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export const ERROR_CLASSES = [
  'SeamHttpApiError',
  'SeamHttpUnauthorizedError',
  'SeamHttpInvalidInputError',
  'SeamHttpInvalidTokenError',
  'SeamHttpInvalidOptionsError',
  'SeamHttpInvalidResponseError',
  'SeamHttpNetworkError',
  'SeamHttpSignedOutError',
]

// The classes added with timeouts and action attempts; pages report instanceof for all of them.
export const MORE_ERROR_CLASSES = [
  'SeamHttpTimeoutError',
  'SeamActionAttemptError',
  'SeamActionAttemptFailedError',
  'SeamActionAttemptTimeoutError',
]
export const ALL_ERROR_CLASSES = [...ERROR_CLASSES, ...MORE_ERROR_CLASSES]

// URL path of the package entry, from SEAM_PKG (a directory relative to the repository root).
export function packageUrl(pkgDir = process.env.SEAM_PKG || 'pkg') {
  const rel = path.relative(REPO_ROOT, path.resolve(REPO_ROOT, pkgDir))
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new Error(`SEAM_PKG must be inside the repository (it is served from there): ${pkgDir}`)
  }
  return '/' + rel.split(path.sep).join('/') + '/index.js'
}

export const newUserIdentifierKey = () => `user_${crypto.randomUUID()}`

// A local port with nothing listening on it, for network-error tests.
export async function closedPort() {
  const server = createServer()
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  await new Promise((resolve) => server.close(resolve))
  return port
}

export function startFake({ port, timeoutMs = 30_000 } = {}) {
  const env = { ...process.env }
  if (port == null) delete env.FAKE_PORT
  else env.FAKE_PORT = String(port)
  const child = fork(FAKE_LAUNCHER, [], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const pending = new Map()
  let nextId = 1
  let exited = false
  const exitPromise = new Promise((resolve) => child.once('exit', () => {
    exited = true
    for (const { reject } of pending.values()) reject(new Error('fake server exited'))
    pending.clear()
    resolve()
  }))

  child.on('message', (msg) => {
    if (msg?.id == null || !pending.has(msg.id)) return
    const { resolve, reject } = pending.get(msg.id)
    pending.delete(msg.id)
    if (msg.error) reject(new Error(`fake: ${msg.error}`))
    else resolve(msg.result)
  })

  const control = (cmd, args) => {
    if (exited || !child.connected) return Promise.reject(new Error('fake server is not running'))
    const id = nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id)
        reject(new Error(`fake: no answer to ${cmd}`))
      }, 10_000)
      pending.set(id, {
        resolve: (v) => { clearTimeout(timer); resolve(v) },
        reject: (e) => { clearTimeout(timer); reject(e) },
      })
      child.send({ id, cmd, args })
    })
  }

  const stop = async () => {
    if (exited) return
    // Closing the channel makes the launcher exit on its own; the kill is the fallback.
    if (child.connected) child.disconnect()
    const timer = setTimeout(() => { if (!exited) child.kill('SIGKILL') }, 5_000)
    await exitPromise
    clearTimeout(timer)
  }

  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('fake server did not start in time')), timeoutMs)
    child.on('message', (msg) => {
      if (msg?.ready) {
        clearTimeout(timer)
        resolve(msg.ready)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`fake server exited before it was ready (code ${code})`))
    })
  })

  return ready.then(
    (url) => ({ url, control, stop, pid: child.pid }),
    async (error) => {
      await stop()
      throw error
    },
  )
}

// Defines `window.__seamTest` in every page: loading the package and turning thrown
// values into plain JSON, since only JSON crosses page.evaluate.
function pageHelpers({ pkgUrl, fakeUrl, errorClasses }) {
  const helpers = {
    pkgUrl,
    fakeUrl,
    m: null,
    async load() {
      helpers.m = await import(pkgUrl)
      return helpers.m
    },
    describe(e) {
      const m = helpers.m ?? {}
      const out = {
        thrown: true,
        type: typeof e,
        name: e?.name,
        message: e?.message ?? String(e),
        code: e?.code,
        statusCode: e?.statusCode,
        requestId: e?.requestId,
        instanceOfError: e instanceof Error,
        isApi: typeof m.isSeamHttpApiError === 'function' ? m.isSeamHttpApiError(e) : null,
        causeName: e?.cause?.name,
        instanceOf: {},
      }
      for (const cls of errorClasses) {
        out.instanceOf[cls] = typeof m[cls] === 'function' && e instanceof m[cls]
      }
      return out
    },
    // Runs fn and reports { ok, value } or { ok: false, error }, plus how long it took.
    async capture(fn) {
      const start = performance.now()
      try {
        const value = await fn()
        return { ok: true, value, ms: performance.now() - start }
      } catch (e) {
        return { ok: false, error: helpers.describe(e), ms: performance.now() - start }
      }
    },
    // The package's entries in one storage area; null when the area cannot be read.
    entries(area = 'localStorage') {
      try {
        const s = window[area]
        const out = {}
        for (let i = 0; i < s.length; i++) {
          const k = s.key(i)
          if (k.startsWith('seam-wasm:')) out[k] = s.getItem(k)
        }
        return out
      } catch {
        return null
      }
    },
    // The stored sessions' keys (not the record of which user signed in last).
    sessionKeys(area = 'localStorage') {
      return Object.entries(this.entries(area) ?? {}).filter(([, v]) => 'token' in JSON.parse(v)).map(([k]) => k)
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    async waitFor(predicate, timeoutMs = 3000) {
      const end = performance.now() + timeoutMs
      for (;;) {
        if (predicate()) return true
        if (performance.now() > end) return false
        await helpers.sleep(25)
      }
    },
  }
  Object.defineProperty(window, '__seamTest', { value: helpers })
}

export async function startEnv({ launchBrowser = true } = {}) {
  const cleanups = []
  const cleanup = async () => {
    const errors = []
    while (cleanups.length) {
      try {
        await cleanups.pop()()
      } catch (e) {
        errors.push(e)
      }
    }
    if (errors.length) throw errors[0]
  }

  try {
    const pkgUrl = packageUrl()
    const fake = await startFake()
    cleanups.push(fake.stop)
    const statics = await startStaticServer()
    cleanups.push(statics.close)
    let browser = null
    if (launchBrowser) {
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
      cleanups.push(() => browser.close())
    }
    const fakeUrl = fake.url
    const origin = statics.origin
    const blankUrl = `${origin}/tests/js/pages/blank.html`

    // Opens one page in `context` that records its requests to the fake and its console.
    const openPage = async (context, shared) => {
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      const requests = []
      const consoleMessages = []
      page.on('request', (request) => {
        const url = request.url()
        if (!url.startsWith(fakeUrl + '/')) return
        // CORS preflights are the browser's, not the package's.
        if (request.method() === 'OPTIONS') return
        const u = new URL(url)
        requests.push({ method: request.method(), pathname: u.pathname, search: u.search, url, request })
      })
      page.on('console', (msg) => consoleMessages.push({ type: msg.type(), text: msg.text() }))
      page.on('pageerror', (error) => {
        shared.pageErrors.push(error)
        if (!shared.quiet) process.stderr.write(`[page error] ${error?.stack ?? error}\n`)
      })
      await page.goto(blankUrl)
      const handle = {
        context,
        page,
        requests,
        console: consoleMessages,
        pageErrors: shared.pageErrors,
        warnings: () => consoleMessages.filter((m) => m.type === 'warning').map((m) => m.text),
        // Requests to the fake, optionally only one path.
        sent: (pathname) => (pathname ? requests.filter((r) => r.pathname === pathname) : requests.slice()),
        openPage: () => openPage(context, shared),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
      }
      return handle
    }

    // quietPageErrors: for a test that provokes a page error on purpose.
    const newPage = async ({ initScript, initArg, contextOptions, quietPageErrors = false } = {}) => {
      const context = await browser.newContext(contextOptions)
      const shared = { pageErrors: [], quiet: quietPageErrors }
      try {
        await context.addInitScript(pageHelpers, { pkgUrl, fakeUrl, errorClasses: ALL_ERROR_CLASSES })
        if (initScript) await context.addInitScript(initScript, initArg)
        const handle = await openPage(context, shared)
        handle.close = async () => {
          await context.close()
          if (shared.pageErrors.length) {
            throw new Error(`uncaught error(s) in the page:\n${shared.pageErrors.map((e) => e?.stack ?? e).join('\n')}`)
          }
        }
        return handle
      } catch (e) {
        await context.close().catch(() => {})
        throw e
      }
    }

    // Runs fn with a fresh page and always closes it; uncaught page errors fail the test
    // even when fn itself passed.
    const withPage = async (opts, fn) => {
      if (typeof opts === 'function') [opts, fn] = [{}, opts]
      const p = await newPage(opts)
      let failed = true
      try {
        const result = await fn(p)
        failed = false
        return result
      } finally {
        if (failed) await p.close().catch(() => {})
        else await p.close()
      }
    }

    return {
      fakeUrl,
      origin,
      browser,
      pkgUrl,
      blankUrl,
      fakePid: fake.pid,
      control: fake.control,
      newPage,
      withPage,
      close: cleanup,
    }
  } catch (e) {
    await cleanup().catch(() => {})
    throw e
  }
}

// Sends a request to the fake from node (for its /_fake routes).
export async function fakePost(fakeUrl, pathname, body) {
  const res = await fetch(fakeUrl + pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${pathname}: HTTP ${res.status} ${await res.text()}`)
  return res.json()
}

// The environment of one test file: started before its tests, stopped after them. The object is
// filled in by then, so test files can hold it in a const. With `faultProxy: true`, `env.proxy`
// is a fault proxy in front of the fake. (One hook for both: node runs a file's hooks at once.)
export function useEnv({ faultProxy = false, ...options } = {}) {
  const env = {}
  before(async () => {
    Object.assign(env, await startEnv(options))
    if (faultProxy) env.proxy = await startFaultProxy(env.fakeUrl)
  })
  after(async () => {
    await env.proxy?.close()
    await env.close?.()
  })
  return env
}
