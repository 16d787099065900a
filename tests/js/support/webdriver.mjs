// Firefox (geckodriver) and WebKitGTK (WebKitWebDriver under Xvfb) over plain W3C WebDriver:
// sessions, windows, and an `evaluate` that runs a function in a page and brings its result back
// like Playwright's does (undefined, NaN, -0, big integers and dates survive the trip).

import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const FIREFOX_BINARY = '/usr/lib/firefox-esr/firefox-esr'
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function freePort() {
  const server = createServer()
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  await new Promise((resolve) => server.close(resolve))
  return port
}

// Stops a process started in its own group, and everything it started.
function stopGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL') } catch {}
    }, 3000)
    child.once('exit', () => { clearTimeout(timer); resolve() })
    try { process.kill(-child.pid, 'SIGTERM') } catch { clearTimeout(timer); resolve() }
  })
}

// A virtual display for MiniBrowser, which has no headless mode; Xvfb picks a free display
// number and writes it to fd 3.
async function startXvfb() {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    detached: true,
  })
  const display = await new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error('Xvfb did not start')), 15_000)
    child.stdio[3].on('data', (d) => {
      out += d
      if (out.includes('\n')) { clearTimeout(timer); resolve(`:${out.trim()}`) }
    })
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited (${code})`)) })
  })
  return { display, stop: () => stopGroup(child) }
}

// Requests to any host but this machine go to `proxyPort`, which refuses them.
function capabilities(engine, { storage, proxyPort }) {
  const proxy = {
    proxyType: 'manual',
    httpProxy: `127.0.0.1:${proxyPort}`,
    sslProxy: `127.0.0.1:${proxyPort}`,
    noProxy: ['127.0.0.1'],
  }
  if (engine === 'firefox') {
    const prefs = {
      // Page timers in windows that are not in front are not slowed down: pages run side by side.
      'dom.min_background_timeout_value': 4,
      'dom.timeout.enable_budget_timer_throttling': false,
      'browser.tabs.remote.separateFileUriProcess': false,
    }
    if (!storage) prefs['dom.storage.enabled'] = false
    return {
      browserName: 'firefox',
      proxy,
      'moz:firefoxOptions': { binary: FIREFOX_BINARY, args: ['-headless'], prefs },
    }
  }
  if (engine === 'webkit') {
    const args = ['--automation']
    if (!storage) args.push('--enable-html5-local-storage=false')
    return { browserName: 'MiniBrowser', proxy, 'webkitgtk:browserOptions': { binary: MINIBROWSER, args } }
  }
  throw new Error(`not a WebDriver engine: ${engine}`)
}

// Installed in every page before its own scripts (and on demand in pages we did not serve):
// keeps the built-ins it needs from before the page could replace them, records console
// messages and uncaught errors, and runs evaluations.
export function driverRuntime() {
  if (window.__seamDriver) return
  const { stringify, parse } = JSON
  const { isArray } = Array
  const { keys } = Object
  const { is } = Object
  const setT = setTimeout
  const clearT = clearTimeout
  const P = Promise
  const then = Promise.prototype.then
  const D = Date
  const toISO = Date.prototype.toISOString
  const E = Error
  const pending = new Map()
  const log = []
  const errors = []
  const text = (v) => {
    try { return typeof v === 'string' ? v : String(v) } catch { return '[unprintable]' }
  }
  const encode = (value, depth = 0) => {
    if (depth > 64) return { '\u0000x': 'too deep' }
    if (value === undefined) return { '\u0000u': 1 }
    if (typeof value === 'number') {
      if (value !== value || value === Infinity || value === -Infinity || is(value, -0)) return { '\u0000n': text(value === 0 ? '-0' : value) }
      return value
    }
    if (typeof value === 'bigint') return { '\u0000b': text(value) }
    if (typeof value === 'function' || typeof value === 'symbol') return { '\u0000u': 1 }
    if (value === null || typeof value !== 'object') return value
    if (value instanceof D) return { '\u0000d': toISO.call(value) }
    if (value instanceof E) return { '\u0000e': { name: text(value.name), message: text(value.message), stack: text(value.stack) } }
    if (isArray(value)) {
      const out = []
      for (let i = 0; i < value.length; i++) out[i] = encode(value[i], depth + 1)
      return out
    }
    const out = {}
    for (const k of keys(value)) out[k] = encode(value[k], depth + 1)
    return out
  }
  const settle = (id, outcome) => {
    const slot = pending.get(id)
    if (!slot) return
    slot.outcome = outcome
    if (slot.waiter) {
      const w = slot.waiter
      slot.waiter = null
      pending.delete(id)
      w(outcome)
    }
  }
  const drain = () => {
    const out = { console: log.splice(0), errors: errors.splice(0) }
    return out
  }
  const wait = (id, ms, done) => {
    const slot = pending.get(id)
    if (!slot) return done(stringify({ gone: true, ...drain() }))
    const reply = (outcome) => done(stringify({ ...outcome, ...drain() }))
    if (slot.outcome) {
      pending.delete(id)
      return reply(slot.outcome)
    }
    const timer = setT(() => {
      slot.waiter = null
      done(stringify({ pending: true, ...drain() }))
    }, ms)
    slot.waiter = (outcome) => { clearT(timer); reply(outcome) }
  }
  for (const [method, type] of [['log', 'log'], ['info', 'info'], ['warn', 'warning'], ['error', 'error'], ['debug', 'debug']]) {
    const original = console[method]
    console[method] = function (...args) {
      log.push({ type, text: args.map(text).join(' ') })
      return original.apply(this, args)
    }
  }
  // WebKit's stacks do not start with the error's name and message: they are added.
  const describe = (error) => (error instanceof E ? `${text(error.name)}: ${text(error.message)}\n${text(error.stack)}` : text(error))
  addEventListener('error', (e) => errors.push(e.error === undefined ? text(e.message) : describe(e.error)))
  addEventListener('unhandledrejection', (e) => errors.push(`Uncaught (in promise) ${describe(e.reason)}`))
  const runtime = {
    start(id, source, argJson, ms, done) {
      pending.set(id, { outcome: null, waiter: null })
      let result
      try {
        const fn = (0, eval)(`(${source})`)
        result = fn(parse(argJson))
      } catch (e) {
        settle(id, { error: encode(e) })
        return wait(id, ms, done)
      }
      then.call(P.resolve(result),
        (v) => {
          let value
          try { value = stringify(encode(v)) } catch (e) { return settle(id, { error: encode(e) }) }
          settle(id, { value })
        },
        (e) => settle(id, { error: encode(e) }))
      wait(id, ms, done)
    },
    wait,
    drain: () => stringify(drain()),
  }
  Object.defineProperty(window, '__seamDriver', { value: runtime })
}

function decode(value) {
  if (Array.isArray(value)) return value.map(decode)
  if (value === null || typeof value !== 'object') return value
  const ks = Object.keys(value)
  if (ks.length === 1 && ks[0].startsWith('\u0000')) {
    const v = value[ks[0]]
    switch (ks[0]) {
      case '\u0000u': return undefined
      case '\u0000n': return Number(v)
      case '\u0000b': return BigInt(v)
      case '\u0000d': return new Date(v)
      case '\u0000e': return Object.assign(new Error(v.message), { name: v.name, stack: v.stack })
      case '\u0000x': throw new Error(`evaluate: the result is ${v}`)
    }
  }
  const out = {}
  for (const k of ks) out[k] = decode(value[k])
  return out
}

// One WebDriver session: one browser with its own profile. Commands go one at a time (a window
// must be made current before a command reaches it), and an evaluation that waits gives the
// session back every `slice` ms so the other windows can run theirs.
export async function launchWebDriver(engine, { storage = true, proxyPort, geckodriver = process.env.GECKODRIVER || 'geckodriver' } = {}) {
  const stops = []
  const stop = async () => { while (stops.length) await stops.pop()().catch(() => {}) }
  try {
    const port = await freePort()
    const env = { ...process.env }
    let command, args
    if (engine === 'firefox') {
      env.MOZ_HEADLESS = '1'
      const profileRoot = await mkdtemp(path.join(tmpdir(), 'seam-firefox-'))
      stops.push(() => rm(profileRoot, { recursive: true, force: true }))
      env.TMPDIR = profileRoot
      command = geckodriver
      args = ['--host', '127.0.0.1', '--port', String(port)]
    } else {
      const xvfb = await startXvfb()
      stops.push(xvfb.stop)
      env.DISPLAY = xvfb.display
      command = 'WebKitWebDriver'
      args = ['--host=127.0.0.1', `--port=${port}`]
    }
    const driver = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'ignore'], detached: true })
    stops.push(() => stopGroup(driver))
    const base = `http://127.0.0.1:${port}`
    for (let i = 0; ; i++) {
      try {
        const res = await fetch(`${base}/status`)
        if (res.ok) break
      } catch {}
      if (i > 200) throw new Error(`${command} did not start`)
      await sleep(50)
    }
    const call = async (method, url, body) => {
      const res = await fetch(base + url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const json = await res.json()
      if (!res.ok || json.value?.error) {
        const e = new Error(`${engine} WebDriver ${method} ${url}: ${json.value?.error}: ${json.value?.message}`)
        e.webdriver = json.value?.error
        throw e
      }
      return json.value
    }
    const created = await call('POST', '/session', {
      capabilities: { alwaysMatch: capabilities(engine, { storage, proxyPort }) },
    })
    const id = created.sessionId
    stops.push(() => call('DELETE', `/session/${id}`).catch(() => {}))
    const s = (p) => `/session/${id}${p}`
    await call('POST', s('/timeouts'), { script: 600_000, pageLoad: 60_000 })

    let queue = Promise.resolve()
    let current = await call('GET', s('/window'))
    const windows = new Set([current])
    const spare = [current]
    // Runs fn with `handle` the current window, alone.
    const exclusive = (handle, fn) => {
      const run = queue.then(async () => {
        if (handle && handle !== current) {
          await call('POST', s('/window'), { handle })
          current = handle
        }
        return fn()
      })
      queue = run.catch(() => {})
      return run
    }
    let nextEval = 1

    const openWindow = async ({ onError = () => {} } = {}) => {
      const anyOpen = current ?? [...windows][0]
      const handle = spare.pop() ?? (await exclusive(anyOpen, () => call('POST', s('/window/new'), { type: 'tab' }))).handle
      windows.add(handle)
      const log = { console: [], errors: [] }
      const absorb = (r) => {
        if (r?.console) log.console.push(...r.console)
        for (const e of r?.errors ?? []) {
          log.errors.push(e)
          onError(e)
        }
      }
      const inPage = (script, args) => exclusive(handle, () => call('POST', s('/execute/async'), { script, args }))
      const ensureRuntime = `const done = arguments[arguments.length - 1];
(${driverRuntime})(); done(null)`
      const win = {
        handle,
        log,
        async goto(url) {
          await this.drain()
          await exclusive(handle, () => call('POST', s('/url'), { url }))
        },
        async reload() {
          await this.drain()
          await exclusive(handle, () => call('POST', s('/refresh'), {}))
        },
        async wait(ms) {
          await sleep(ms)
          await this.drain()
        },
        async drain() {
          try {
            const r = await inPage(`const done = arguments[arguments.length - 1];
done(window.__seamDriver ? window.__seamDriver.drain() : null)`, [])
            if (r) absorb(JSON.parse(r))
          } catch {}
        },
        async evaluate(fn, arg) {
          const evalId = nextEval++
          const source = typeof fn === 'function' ? fn.toString() : `() => (${fn})`
          await inPage(ensureRuntime, [])
          const slice = () => (windows.size > 1 ? 50 : 2000)
          let r = JSON.parse(await inPage(`const done = arguments[arguments.length - 1];
window.__seamDriver.start(arguments[0], arguments[1], arguments[2], arguments[3], done)`,
          [evalId, source, JSON.stringify(arg ?? null), slice()]))
          for (;;) {
            absorb(r)
            if (r.gone) throw new Error('evaluate: the page went away (navigated or closed) before the function settled')
            if (!r.pending) break
            r = JSON.parse(await inPage(`const done = arguments[arguments.length - 1];
window.__seamDriver ? window.__seamDriver.wait(arguments[0], arguments[1], done) : done(JSON.stringify({ gone: true }))`,
            [evalId, slice()]))
          }
          if (r.error !== undefined) {
            const e = decode(r.error)
            const what = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)
            throw new Error(`evaluate: ${what}`)
          }
          return decode(JSON.parse(r.value))
        },
        async screenshot() {
          const b64 = await exclusive(handle, () => call('GET', s('/screenshot')))
          return Buffer.from(b64, 'base64')
        },
        async addCookie(cookie) {
          await exclusive(handle, () => call('POST', s('/cookie'), { cookie }))
        },
        async deleteCookies() {
          await exclusive(handle, () => call('DELETE', s('/cookie')))
        },
        async close() {
          await this.drain()
          windows.delete(handle)
          // The session ends with its last window, so one is kept, on a blank page.
          if (windows.size === 0 && spare.length === 0) {
            await exclusive(handle, () => call('POST', s('/url'), { url: 'about:blank' })).catch(() => {})
            spare.push(handle)
          } else {
            await exclusive(handle, () => call('DELETE', s('/window'))).catch(() => {})
            if (current === handle) current = null
          }
        },
      }
      return win
    }
    return { engine, openWindow, close: stop }
  } catch (e) {
    await stop()
    throw e
  }
}
