// Runs a command whose browser reaches 127.0.0.1 through a proxy that sends one request at a
// time to each server, each on a connection of its own: `node serial-proxy.mjs -- cmd args...`.
//
// Why: wasm-bindgen-test-runner's server (tiny_http 0.12) gives each connection a thread from a
// pool that can lose a wake-up: when two connections arrive before the one idle thread has woken,
// the second waits until a thread is free, and a browser's keep-alive connections keep every
// thread busy. Chromium opens five connections to load the test page; the fifth, the one that
// asks for the wasm, was left unread (600 bytes in its receive queue) in about one run in six,
// and the page never loaded. One request at a time, each closed after its answer, never has two
// connections waiting.
//
// The command gets WASM_BINDGEN_TEST_WEBDRIVER_JSON: ./webdriver.json with the proxy added for
// Chromium and Firefox.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'

const separator = process.argv.indexOf('--')
const [command, ...args] = process.argv.slice(separator + 1)
if (separator < 0 || !command) {
  console.error('usage: node serial-proxy.mjs -- <command> [args...]')
  process.exit(2)
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'te', 'trailer', 'upgrade']
// The request last sent to each server (by port): the next one waits for it to be answered.
const last = new Map()

const proxy = http.createServer((request, response) => {
  let target
  try {
    target = new URL(request.url)
  } catch {
    target = null
  }
  // Only this machine is reached: the browser's own background requests are refused.
  if (!target || target.protocol !== 'http:' || target.hostname !== '127.0.0.1') {
    response.writeHead(502).end()
    return
  }
  const headers = { ...request.headers }
  for (const name of HOP_BY_HOP) delete headers[name]
  headers.connection = 'close'
  // The turn ends when the browser has the whole answer or has gone, even before its turn.
  let gone = false
  let release = () => {}
  response.on('close', () => {
    gone = true
    release()
  })
  const forward = (done) => {
    if (gone) return done()
    release = done
    // `agent: false`: a connection of its own (Node's agent would reuse a socket for a queued
    // request even without keep-alive, and the server has closed its end).
    const upstream = http.request(
      { agent: false, host: target.hostname, port: target.port, path: target.pathname + target.search, method: request.method, headers },
      (answer) => {
        const back = { ...answer.headers }
        for (const name of HOP_BY_HOP) delete back[name]
        response.writeHead(answer.statusCode, answer.statusMessage, back)
        answer.pipe(response)
      },
    )
    upstream.on('error', () => {
      done()
      if (response.headersSent) response.destroy()
      else response.writeHead(502).end()
    })
    request.pipe(upstream)
  }
  const turn = (last.get(target.port) ?? Promise.resolve()).then(() => new Promise(forward))
  last.set(target.port, turn)
})
proxy.on('connect', (_request, socket) => socket.destroy())
await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve))
const address = `127.0.0.1:${proxy.address().port}`

const capabilities = JSON.parse(readFileSync('webdriver.json', 'utf8'))
const chrome = (capabilities['goog:chromeOptions'] ??= {})
// Chromium sends requests to loopback addresses past any proxy unless told not to.
chrome.args = [...(chrome.args ?? []), `--proxy-server=http://${address}`, '--proxy-bypass-list=<-loopback>']
const firefox = (capabilities['moz:firefoxOptions'] ??= {})
firefox.prefs = {
  ...firefox.prefs,
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': proxy.address().port,
  'network.proxy.no_proxies_on': '',
  'network.proxy.allow_hijacking_localhost': true,
}
mkdirSync('build', { recursive: true })
const file = 'build/webdriver-serial-proxy.json'
writeFileSync(file, JSON.stringify(capabilities, null, 2))

const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, WASM_BINDGEN_TEST_WEBDRIVER_JSON: file } })
const code = await new Promise((resolve) => child.on('exit', (status, signal) => resolve(signal ? 1 : status)))
proxy.close()
process.exit(code)
