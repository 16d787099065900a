// Shared setup for the browser tests: the fake API in a child process, the static server,
// one browser per test file, and pages that record what they send to the fake.
//
// The engine is SEAM_ENGINE: `chromium` (the default; Playwright), `firefox` or `webkit` (W3C
// WebDriver, support/webdriver.mjs). A test sees the same page handle in each.

import { fork } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before } from 'node:test'
import { chromium } from 'playwright-core'
import { startFaultProxy } from './fault-proxy.mjs'
import { pageKey, startPageRecorder } from './page-recorder.mjs'
import { REPO_ROOT, startStaticServer } from './static-server.mjs'
import { driverRuntime, freePort, launchWebDriver } from './webdriver.mjs'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const FAKE_LAUNCHER = path.join(HERE, 'fake.mjs')

export const ENGINES = ['chromium', 'firefox', 'webkit']
export const ENGINE = process.env.SEAM_ENGINE || 'chromium'
if (!ENGINES.includes(ENGINE)) throw new Error(`SEAM_ENGINE must be one of ${ENGINES.join(', ')}: ${ENGINE}`)
// For a test that does not use a browser: it runs once, in the Chromium pass.
export const ONCE = { skip: ENGINE !== 'chromium' && `no browser: runs in the chromium pass` }

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
export const closedPort = freePort

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
  // Chromium without storage has one context for all pages, and adds this again each time.
  if (window.__seamTest) return
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

// A port where every connection is closed at once: the browsers' proxy for any host but
// 127.0.0.1, so nothing a page asks for leaves this machine.
async function startRefuser() {
  const server = createServer((socket) => socket.destroy())
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { port: server.address().port, close: () => new Promise((resolve) => server.close(resolve)) }
}

// Starts one browser of `engine`: Playwright's Chromium, or a WebDriver session
// (`storage: false`: the browser's own setting that turns site storage off: Firefox's
// `dom.storage.enabled`, MiniBrowser's `--enable-html5-local-storage=false`, Chromium's blocked
// site data). Its `close` stops everything it started.
export async function launchEngine(engine = ENGINE, { storage = true, args = [] } = {}) {
  const refuser = await startRefuser()
  try {
    const chromiumArgs = [...CHROMIUM_ARGS, `--proxy-server=http://127.0.0.1:${refuser.port}`, ...args]
    let browser
    if (engine !== 'chromium') browser = await launchWebDriver(engine, { storage, proxyPort: refuser.port })
    else if (storage) browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs })
    else browser = await launchChromiumWithoutStorage(chromiumArgs)
    const close = browser.close.bind(browser)
    browser.close = () => close().finally(refuser.close)
    return browser
  } catch (e) {
    await refuser.close()
    throw e
  }
}

// Chromium whose profile blocks site data (cookies: 2, "Don't allow sites to save data"): reading
// `localStorage` then throws SecurityError. A profile setting means one persistent context: each
// `newContext()` gives it again, and its `close()` closes only its pages. Init scripts add up in
// it, so a test with an init script of its own needs a browser of its own.
async function launchChromiumWithoutStorage(args) {
  const dir = await mkdtemp(path.join(tmpdir(), 'seam-chromium-'))
  await mkdir(path.join(dir, 'Default'))
  await writeFile(path.join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }))
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args })
  return {
    newContext: async () => ({
      addInitScript: (...a) => context.addInitScript(...a),
      addCookies: (cookies) => context.addCookies(cookies),
      newPage: () => context.newPage(),
      close: async () => { for (const page of context.pages()) await page.close() },
    }),
    close: () => context.close().finally(() => rm(dir, { recursive: true, force: true })),
  }
}

// What the WebDriver engines need first in a page the tests did not write (the demo, the packaged
// apps), for `startStaticServer({ inject })`: the driver's runtime sees the page's console and
// uncaught errors from the start.
export const appInject = (engine) => (engine === 'chromium' ? null : `<script>(${driverRuntime})()</script>`)

// A page at `url` of `browser` (from launchEngine), for such an app: in Chromium a fresh context;
// in the WebDriver engines a new window of the browser's one session, so that pages of one origin
// share their storage. `evaluate`, `click` and `fill` (the engine's own interactions: the element
// must be shown and enabled), `reload`, `screenshot(file)`, `waitFor(fn, arg)` (until fn in the
// page returns something truthy), the page's uncaught `errors` (from its load on: in the WebDriver
// engines the page must be served with `appInject`), `close`.
export async function openApp(browser, url, { timeoutMs = 15_000 } = {}) {
  const errors = []
  let page, close
  if (browser.openWindow) {
    const win = await browser.openWindow({ onError: (e) => errors.push(e) })
    const watched = async () => {
      if (!(await win.servedWithRuntime())) throw new Error(`${url} was not served with appInject: its errors at load would go unseen`)
    }
    try {
      await win.goto(url)
      await watched()
    } catch (e) {
      await win.close()
      throw e
    }
    page = {
      evaluate: (fn, arg) => win.evaluate(fn, arg),
      click: (selector) => win.click(selector),
      fill: (selector, value) => win.fill(selector, value),
      reload: async () => { await win.reload(); await watched() },
      screenshot: async (file) => writeFile(file, await win.screenshot()),
    }
    close = () => win.close()
  } else {
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } })
    const p = await context.newPage()
    p.setDefaultTimeout(timeoutMs)
    p.on('pageerror', (e) => errors.push(e))
    await p.goto(url)
    page = {
      evaluate: (fn, arg) => p.evaluate(fn, arg),
      click: (selector) => p.click(selector),
      fill: (selector, value) => p.fill(selector, value),
      reload: () => p.reload(),
      screenshot: (file) => p.screenshot({ path: file, fullPage: true }),
    }
    close = () => context.close()
  }
  return {
    ...page,
    errors,
    close,
    async waitFor(fn, arg, what = 'the page') {
      const end = Date.now() + timeoutMs
      for (;;) {
        const value = await page.evaluate(fn, arg)
        if (value) return value
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
  }
}

// What a test does with a page, the same in every engine: `evaluate` (JSON-like values both
// ways, as Playwright's), `reload`, `wait`, `addCookie`, `screenshot`, `openPage` (another page
// of the same browser context, so of the same origin and storage), the page's `console`, and
// `requests` to the fake (in the WebDriver engines a worker's requests count for every page of
// its context).
export async function startEnv({ launchBrowser = true, engine = ENGINE, storage = true } = {}) {
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
      browser = await launchEngine(engine, { storage })
      cleanups.push(() => browser.close())
    }
    // The WebDriver engines cannot watch requests: pages reach the fake through a recorder.
    let recorder = null
    if (engine !== 'chromium') {
      recorder = await startPageRecorder(fake.url)
      cleanups.push(recorder.close)
    }
    const fakeUrl = recorder ? recorder.url : fake.url
    const origin = statics.origin
    const blankPath = '/tests/js/pages/blank.html'
    const blankUrl = `${origin}${blankPath}`
    const helperArg = { pkgUrl, fakeUrl, errorClasses: ALL_ERROR_CLASSES }

    const reportError = (shared, error) => {
      shared.pageErrors.push(error)
      if (!shared.quiet) process.stderr.write(`[page error] ${error?.stack ?? error}\n`)
    }
    const closeContext = async (shared, closeIt) => {
      await closeIt()
      if (shared.pageErrors.length) {
        throw new Error(`uncaught error(s) in the page:\n${shared.pageErrors.map((e) => e?.stack ?? e).join('\n')}`)
      }
    }

    // Opens one page in `context` that records its requests to the fake and its console.
    const openChromiumPage = async (context, shared) => {
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
      page.on('pageerror', (error) => reportError(shared, error))
      await page.goto(blankUrl)
      return {
        engine,
        context,
        page,
        requests,
        console: consoleMessages,
        pageErrors: shared.pageErrors,
        warnings: () => consoleMessages.filter((m) => m.type === 'warning').map((m) => m.text),
        // Requests to the fake, optionally only one path.
        sent: (pathname) => (pathname ? requests.filter((r) => r.pathname === pathname) : requests.slice()),
        openPage: () => openChromiumPage(context, shared),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        reload: () => page.reload(),
        wait: (ms) => page.waitForTimeout(ms),
        addCookie: (cookie) => context.addCookies([{ domain: '127.0.0.1', path: '/', ...cookie }]),
        screenshot: (file) => page.screenshot({ path: file, fullPage: true }),
      }
    }

    const newChromiumPage = async ({ initScript, initArg, quietPageErrors = false }) => {
      const context = await browser.newContext()
      const shared = { pageErrors: [], quiet: quietPageErrors }
      try {
        await context.addInitScript(pageHelpers, helperArg)
        if (initScript) await context.addInitScript(initScript, initArg)
        const handle = await openChromiumPage(context, shared)
        handle.close = () => closeContext(shared, () => context.close())
        return handle
      } catch (e) {
        await context.close().catch(() => {})
        throw e
      }
    }

    // A context of a WebDriver engine is an origin of its own (a static server on another port):
    // its pages share storage with each other and with no other context. Init scripts are put in
    // the pages by that server.
    let tabs = 0
    const newWebDriverPage = async ({ initScript, initArg, quietPageErrors = false }) => {
      const shared = { pageErrors: [], quiet: quietPageErrors }
      const call = (fn, arg) => `<script>(${fn})(${JSON.stringify(arg)})</script>`
      // The full URL as the Referer, so that the recorder can tell this context's pages apart.
      let inject = '<meta name="referrer" content="unsafe-url">' + call(driverRuntime) + call(pageHelpers, helperArg)
      if (initScript) inject += typeof initScript === 'function' ? call(initScript, initArg) : `<script>${initScript}</script>`
      const site = await startStaticServer({ inject })
      const windows = new Set()
      const onError = (error) => reportError(shared, error)
      const context = {
        addCookies: async (cookies) => {
          for (const c of cookies) await [...windows][0].addCookie({ name: c.name, value: c.value, path: '/' })
        },
      }
      const openPage = async () => {
        const win = await browser.openWindow({ onError })
        windows.add(win)
        const tab = String(++tabs)
        const requests = recorder.forPage(pageKey(site.origin, tab))
        await win.goto(`${site.origin}${blankPath}?seam-tab=${tab}`)
        return {
          engine,
          context,
          requests,
          console: win.log.console,
          pageErrors: shared.pageErrors,
          warnings: () => win.log.console.filter((m) => m.type === 'warning').map((m) => m.text),
          sent: (pathname) => (pathname ? requests.filter((r) => r.pathname === pathname) : requests.slice()),
          openPage,
          evaluate: (fn, arg) => win.evaluate(fn, arg),
          reload: () => win.reload(),
          wait: (ms) => win.wait(ms),
          addCookie: (cookie) => win.addCookie({ path: '/', ...cookie }),
          screenshot: async (file) => writeFile(file, await win.screenshot()),
        }
      }
      try {
        const handle = await openPage()
        handle.close = () => closeContext(shared, async () => {
          const list = [...windows]
          // A later context may get this port, hence this origin, again: it must find nothing.
          await list[0]?.evaluate(() => {
            for (const area of ['localStorage', 'sessionStorage']) {
              try { window[area]?.clear() } catch {}
            }
          }).catch(() => {})
          await list[0]?.deleteCookies().catch(() => {})
          for (const win of list) await win.close()
          await site.close()
        })
        return handle
      } catch (e) {
        for (const win of windows) await win.close().catch(() => {})
        await site.close()
        throw e
      }
    }

    // quietPageErrors: for a test that provokes a page error on purpose.
    const newPage = (opts = {}) => (engine === 'chromium' ? newChromiumPage(opts) : newWebDriverPage(opts))

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
      engine,
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
