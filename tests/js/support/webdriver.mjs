// Firefox (geckodriver) and WebKitGTK (WebKitWebDriver under Xvfb) over plain W3C WebDriver:
// sessions, windows, and an `evaluate` that runs a function in a page with an argument and brings
// its result back as Playwright's does (undefined, NaN, -0, big integers, dates and errors survive
// the trip both ways; a cycle is refused).

import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const FIREFOX_BINARY = '/usr/lib/firefox-esr/firefox-esr'
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'

// Each WebDriver command answers well within this; navigation waits for the page up to 60 s.
const COMMAND_TIMEOUT_MS = 90_000
// How long a page's script may run in one command: evaluations come back every 2 s at most.
const SCRIPT_TIMEOUT_MS = 30_000

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

// A port of 127.0.0.1 with nothing listening on it.
export async function freePort() {
  const server = createServer()
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  await new Promise((resolve) => server.close(resolve))
  return port
}

// Starts `command` in a process group of its own; `stop()` ends the whole group (a driver's
// browser included), even when its leader has already exited.
export function spawnGroup(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true })
  const exited = new Promise((resolve) => {
    child.once('exit', resolve)
    child.once('error', resolve)
  })
  const signal = (name) => {
    try { process.kill(-child.pid, name) } catch {}
  }
  const stop = async ({ graceMs = 3000 } = {}) => {
    if (child.pid === undefined) return
    signal('SIGTERM')
    const timer = setTimeout(() => signal('SIGKILL'), graceMs)
    await exited
    clearTimeout(timer)
    // What the leader started may outlive it.
    signal('SIGKILL')
  }
  return { child, exited, stop }
}

// A virtual display for MiniBrowser, which has no headless mode; Xvfb picks a free display
// number and writes it to fd 3.
async function startXvfb() {
  const xvfb = spawnGroup('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  })
  try {
    const display = await new Promise((resolve, reject) => {
      let out = ''
      const timer = setTimeout(() => reject(new Error('Xvfb did not start')), 15_000)
      xvfb.child.stdio[3]?.on('data', (d) => {
        out += d
        if (out.includes('\n')) { clearTimeout(timer); resolve(`:${out.trim()}`) }
      })
      xvfb.exited.then((code) => { clearTimeout(timer); reject(new Error(`Xvfb exited (${code})`)) })
    })
    return { display, stop: xvfb.stop }
  } catch (e) {
    await xvfb.stop()
    throw e
  }
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
      // Pages in windows that are not in front keep their timers' pace: pages run side by side.
      'dom.min_background_timeout_value': 4,
      'dom.timeout.enable_budget_timer_throttling': false,
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

// Installed in every page the tests serve before the page's own scripts (and on demand in other
// pages): runs evaluations, and notes console messages and uncaught errors. It keeps every
// built-in it uses from before the page could replace one (hostile tests replace
// Array.prototype.push, put a toJSON on Object.prototype, …), and writes its JSON itself.
export function driverRuntime() {
  if (window.__seamDriver) return
  const apply = Reflect.apply
  const { stringify, parse } = JSON
  const { isArray } = Array
  const { keys, is, defineProperty } = Object
  const { get: mapGet, set: mapSet, delete: mapDelete } = Map.prototype
  const setT = setTimeout
  const clearT = clearTimeout
  const P = Promise
  const then = Promise.prototype.then
  const resolveP = Promise.resolve
  const D = Date
  const toISO = Date.prototype.toISOString
  const E = Error
  const EV = eval
  const pending = new Map()
  const log = []
  const errors = []
  const text = (v) => {
    try { return typeof v === 'string' ? v : String(v) } catch { return '[unprintable]' }
  }
  const tagged = (tag, json) => `{"\\u0000${tag}":${json}}`
  // A value as JSON text, its special values tagged; `ancestors` finds a cycle.
  const ser = (value, ancestors) => {
    switch (typeof value) {
      case 'undefined': case 'function': case 'symbol': return tagged('u', '1')
      case 'bigint': return tagged('b', stringify(text(value)))
      case 'number':
        return value !== value || value === Infinity || value === -Infinity || is(value, -0)
          ? tagged('n', stringify(is(value, -0) ? '-0' : text(value)))
          : stringify(value)
      case 'string': case 'boolean': return stringify(value)
    }
    if (value === null) return 'null'
    if (value instanceof D) {
      let iso = null
      try { iso = apply(toISO, value, []) } catch {}
      return tagged('d', stringify(iso))
    }
    if (value instanceof E) {
      return tagged('e', `{"name":${stringify(text(value.name))},"message":${stringify(text(value.message))},"stack":${stringify(text(value.stack))}}`)
    }
    for (let i = 0; i < ancestors.length; i++) if (ancestors[i] === value) return tagged('x', '"a cycle"')
    ancestors[ancestors.length] = value
    let out
    if (isArray(value)) {
      out = '['
      for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + ser(value[i], ancestors)
      out += ']'
    } else {
      out = '{'
      const ks = keys(value)
      for (let i = 0; i < ks.length; i++) out += `${i ? ',' : ''}${stringify(ks[i])}:${ser(value[ks[i]], ancestors)}`
      out += '}'
    }
    ancestors.length -= 1
    return out
  }
  const revive = (key, value) => {
    if (value === null || typeof value !== 'object' || isArray(value)) return value
    const ks = keys(value)
    if (ks.length !== 1 || ks[0][0] !== '\u0000') return value
    const v = value[ks[0]]
    switch (ks[0]) {
      case '\u0000u': return undefined
      case '\u0000n': return Number(v)
      case '\u0000b': return BigInt(v)
      case '\u0000d': return new D(v === null ? NaN : v)
      case '\u0000e': { const e = new E(v.message); e.name = v.name; return e }
    }
    return value
  }
  const take = (list) => {
    let out = '['
    for (let i = 0; i < list.length; i++) out += (i ? ',' : '') + list[i]
    list.length = 0
    return `${out}]`
  }
  // The reply to a command: `fields` (JSON text) and what the page logged meanwhile.
  const reply = (fields) => `{${fields}"console":${take(log)},"errors":${take(errors)}}`
  const wait = (id, ms, done) => {
    const slot = apply(mapGet, pending, [id])
    if (!slot) return done(reply('"gone":true,'))
    if (slot.outcome !== null) {
      apply(mapDelete, pending, [id])
      return done(reply(slot.outcome))
    }
    const timer = setT(() => {
      slot.waiter = null
      done(reply('"pending":true,'))
    }, ms)
    slot.waiter = (outcome) => {
      clearT(timer)
      apply(mapDelete, pending, [id])
      done(reply(outcome))
    }
  }
  const settle = (id, outcome) => {
    const slot = apply(mapGet, pending, [id])
    if (!slot) return
    slot.outcome = outcome
    if (slot.waiter) slot.waiter(outcome)
  }
  const failed = (e) => `"failed":true,"error":${ser(e, [])},`
  for (const [method, type] of [['log', 'log'], ['info', 'info'], ['warn', 'warning'], ['error', 'error'], ['debug', 'debug']]) {
    const original = console[method]
    console[method] = function (...args) {
      let line = ''
      for (let i = 0; i < args.length; i++) line += (i ? ' ' : '') + text(args[i])
      log[log.length] = `{"type":"${type}","text":${stringify(line)}}`
      return apply(original, this, args)
    }
  }
  // As Playwright's `pageerror`: the error thrown or the promise's reason, uncaught.
  const noteError = (error) => {
    errors[errors.length] = error instanceof E
      ? `{"name":${stringify(text(error.name))},"message":${stringify(text(error.message))},"stack":${stringify(text(error.stack))}}`
      : `{"name":"Error","message":${stringify(text(error))},"stack":""}`
  }
  addEventListener('error', (e) => noteError(e.error === undefined ? e.message : e.error))
  addEventListener('unhandledrejection', (e) => noteError(e.reason))
  const runtime = {
    start(id, source, argJson, ms, done) {
      apply(mapSet, pending, [id, { outcome: null, waiter: null }])
      let result
      try {
        result = EV(`(${source})`)(parse(argJson, revive))
      } catch (e) {
        settle(id, failed(e))
        return wait(id, ms, done)
      }
      apply(then, apply(resolveP, P, [result]), [
        (v) => {
          let json
          try { json = ser(v, []) } catch (e) { return settle(id, failed(e)) }
          settle(id, `"value":${json},`)
        },
        (e) => settle(id, failed(e)),
      ])
      wait(id, ms, done)
    },
    wait,
    drain: () => reply(''),
  }
  defineProperty(window, '__seamDriver', { value: runtime })
}

// A Node value as the runtime's tagged JSON (for an evaluation's argument).
function serialize(value, ancestors = []) {
  const tagged = (tag, v) => ({ [`\u0000${tag}`]: v })
  const walk = (v) => {
    switch (typeof v) {
      case 'undefined': case 'function': case 'symbol': return tagged('u', 1)
      case 'bigint': return tagged('b', String(v))
      case 'number': return Number.isFinite(v) && !Object.is(v, -0) ? v : tagged('n', Object.is(v, -0) ? '-0' : String(v))
    }
    if (v === null || typeof v !== 'object') return v
    if (v instanceof Date) return tagged('d', Number.isNaN(v.getTime()) ? null : v.toISOString())
    if (v instanceof Error) return tagged('e', { name: v.name, message: v.message, stack: v.stack })
    if (ancestors.includes(v)) throw new Error('evaluate: the argument has a cycle')
    ancestors.push(v)
    const out = Array.isArray(v) ? v.map(walk) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
    ancestors.pop()
    return out
  }
  return JSON.stringify(walk(value))
}

// The runtime's tagged JSON as a Node value.
function deserialize(json) {
  return JSON.parse(json, (key, value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
    const ks = Object.keys(value)
    if (ks.length !== 1 || !ks[0].startsWith('\u0000')) return value
    const v = value[ks[0]]
    switch (ks[0]) {
      case '\u0000u': return undefined
      case '\u0000n': return Number(v)
      case '\u0000b': return BigInt(v)
      case '\u0000d': return new Date(v ?? NaN)
      case '\u0000e': return Object.assign(new Error(v.message), { name: v.name, stack: v.stack })
      case '\u0000x': throw new Error(`evaluate: the result holds ${v}`)
    }
    return value
  })
}

// A page error as Node sees one from Playwright: an Error.
const pageError = ({ name, message, stack }) => Object.assign(new Error(message), { name, stack: `${name}: ${message}\n${stack}` })

// One WebDriver session: one browser with its own profile. Commands go one at a time (a window
// must be made current before a command reaches it), and an evaluation that waits gives the
// session back every `slice` ms so the other windows can run theirs. MiniBrowser now and then dies
// at start (SIGSEGV within a second, silently: from none in 12 starts on a quiet machine to one in
// three under load), and WebKitWebDriver then waits for it forever; started again by the driver
// it is not taken back. A start that takes longer than SESSION_TIMEOUT_MS (under 1 s otherwise)
// is given up and made again from a new display and driver, eight times at most.
const SESSION_TIMEOUT_MS = 8_000
const SESSION_ATTEMPTS = 8
export async function launchWebDriver(engine, options = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startSession(engine, options)
    } catch (e) {
      if (!e.sessionTimeout || attempt === SESSION_ATTEMPTS) throw e
    }
  }
}

async function startSession(engine, { storage = true, proxyPort, geckodriver = process.env.GECKODRIVER || 'geckodriver' }) {
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
    const driver = spawnGroup(command, args, { env, stdio: ['ignore', 'ignore', 'ignore'] })
    stops.push(driver.stop)
    let driverGone = false
    driver.exited.then(() => { driverGone = true })
    const base = `http://127.0.0.1:${port}`
    for (let i = 0; ; i++) {
      if (driverGone) throw new Error(`${command} exited at start`)
      try {
        const res = await fetch(`${base}/status`)
        if (res.ok) break
      } catch {}
      if (i > 200) throw new Error(`${command} did not start`)
      await sleep(50)
    }
    const call = async (method, url, body, timeoutMs = COMMAND_TIMEOUT_MS) => {
      const res = await fetch(base + url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
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
    }, SESSION_TIMEOUT_MS).catch((e) => {
      if (e.name === 'TimeoutError') e.sessionTimeout = true
      throw e
    })
    const id = created.sessionId
    stops.push(() => call('DELETE', `/session/${id}`).catch(() => {}))
    const s = (p) => `/session/${id}${p}`
    await call('POST', s('/timeouts'), { script: SCRIPT_TIMEOUT_MS, pageLoad: 60_000 })

    let queue = Promise.resolve()
    let current = await call('GET', s('/window'))
    const windows = new Set()
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
          const error = pageError(e)
          log.errors.push(error)
          onError(error)
        }
      }
      const inPage = (script, args) => exclusive(handle, () => call('POST', s('/execute/async'), { script, args }))
      const element = async (selector) => {
        const found = await call('POST', s('/element'), { using: 'css selector', value: selector })
        return Object.values(found)[0]
      }
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
        // Whether the page itself carries the runtime (served with it), rather than getting it
        // now: a page that did not has its load-time errors and console unseen.
        async servedWithRuntime() {
          return inPage(`const done = arguments[arguments.length - 1];
const had = !!window.__seamDriver; (${driverRuntime})(); done(had)`, [])
        },
        async drain() {
          try {
            const r = await inPage(`const done = arguments[arguments.length - 1];
done(window.__seamDriver ? window.__seamDriver.drain() : null)`, [])
            if (r) absorb(deserialize(r))
          } catch {}
        },
        async evaluate(fn, arg) {
          const evalId = nextEval++
          const source = typeof fn === 'function' ? fn.toString() : `() => (${fn})`
          await this.servedWithRuntime()
          const slice = () => (windows.size > 1 ? 50 : 2000)
          let r = deserialize(await inPage(`const done = arguments[arguments.length - 1];
window.__seamDriver.start(arguments[0], arguments[1], arguments[2], arguments[3], done)`,
          [evalId, source, serialize(arg), slice()]))
          for (;;) {
            absorb(r)
            if (r.gone) throw new Error('evaluate: the page went away (navigated or closed) before the function settled')
            if (!r.pending) break
            r = deserialize(await inPage(`const done = arguments[arguments.length - 1];
window.__seamDriver ? window.__seamDriver.wait(arguments[0], arguments[1], done) : done('{"gone":true}')`,
            [evalId, slice()]))
          }
          if (r.failed) {
            const e = r.error
            throw new Error(`evaluate: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`)
          }
          return r.value
        },
        // WebDriver's own element interactions: the element must be there, shown and enabled.
        async click(selector) {
          await exclusive(handle, async () => call('POST', s(`/element/${await element(selector)}/click`), {}))
        },
        async fill(selector, value) {
          await exclusive(handle, async () => {
            const el = await element(selector)
            await call('POST', s(`/element/${el}/clear`), {})
            await call('POST', s(`/element/${el}/value`), { text: value })
          })
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
