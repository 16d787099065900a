// The part of a call that waits: `fetch` with its abort timer, timers, and the promises handed to
// the page. It decides nothing: the wasm side's engine says what to send and when, and every
// result goes back to it through `port(id, event, value)`. Each function that waits is async and
// waits with `await`, which takes any promise (a Promise class a framework installed, such as
// zone.js's, included) and never throws synchronously: whatever the page's `fetch`,
// `setTimeout` or thenables do becomes a result reported to the port, never an exception
// thrown into wasm.

// Browsers run a timer of more than 2^31 - 1 ms at once.
const MAX_TIMER_MS = 2147483647
// Kept at load: a page that replaces Map's methods later does not reach the promises' table.
const waiting = new Map()
const { get, set, delete: remove } = Map.prototype

// `port`'s events.
const ANSWERED = 1
const FAILED = 2
const WOKE = 3
const SETTLED = 4
const REJECTED = 5
const STORAGE = 6
const LOCKED = 7
// How long a tab that stored a new session keeps others aware of it, after it lets go of the lock.
const MARKER_MS = 5000

// A promise for call `id`, settled by `settle`.
export function track(id) {
  return new Promise((resolve, reject) => set.call(waiting, id, [resolve, reject]))
}

export function settle(id, ok, value) {
  const settlers = get.call(waiting, id)
  remove.call(waiting, id)
  settlers?.[ok ? 0 : 1](value)
}

// One attempt at a request, with the client's `fetcher` (the `fetch` option) or the global
// `fetch` as it is now: tells the port what the wasm side reads of the answer, or
// `{ timedOut, cause }` when there is none (what `fetcher` threw or rejected with included). The timeout (0: none) covers the body too, so a
// server that stalls after its headers times out. Redirects are not followed, so that the
// credentials (headers, cookies, the bootstrap's body) never reach another origin.
export async function send(port, fetcher, id, method, url, headers, body, credentials, timeoutMs) {
  let controller, timer, event, value
  // Rejects when the timeout aborts: a page's `fetch` may not heed the signal.
  let aborted = new Promise(() => {})
  try {
    if (timeoutMs > 0) {
      controller = new AbortController()
      aborted = new Promise((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }))
      aborted.catch(() => {})
      timer = setTimeout(() => controller.abort(), Math.min(timeoutMs, MAX_TIMER_MS))
    }
    // The page's `fetch` gets headers of its own to change: they are kept for later requests.
    const init = { method, headers: fetcher === undefined ? headers : { ...headers }, body, credentials, redirect: 'manual', signal: controller?.signal }
    const response = await Promise.race([fetcher === undefined ? fetch(url, init) : fetcher(url, init), aborted])
    // A page's own `fetch` can answer anything: the wasm side reads a number, and every field is
    // the answer's own, so nothing is looked up on a prototype the page changed.
    const status = typeof response.status === 'number' ? response.status : 0
    event = ANSWERED
    // A page's `fetch` may have followed a redirect itself: its answer is refused all the same.
    if (response.type === 'opaqueredirect' || response.redirected === true || (status >= 300 && status < 400)) {
      Promise.resolve().then(() => response.body?.cancel()).catch(() => {})
      value = { status, redirected: true }
    } else {
      value = {
        status,
        redirected: false,
        requestId: response.headers.get('seam-request-id'),
        retryAfter: response.headers.get('retry-after'),
        text: await Promise.race([response.text(), aborted]),
      }
    }
  } catch (cause) {
    event = FAILED
    value = { timedOut: controller?.signal.aborted === true, cause }
  }
  try {
    clearTimeout(timer)
  } catch {}
  port(id, event, value)
}

// Wakes call `id` after `ms`; at once if the page's `setTimeout` throws.
export async function sleep(port, id, ms) {
  try {
    await new Promise((resolve) => setTimeout(resolve, Math.min(ms, MAX_TIMER_MS)))
  } catch {}
  port(id, WOKE)
}

// Reports how `promise` (one of `track`'s) settles, to call `id`.
export async function after(port, id, promise) {
  let event = SETTLED
  let value
  try {
    value = await promise
  } catch (error) {
    event = REJECTED
    value = error
  }
  port(id, event, value)
}

// Tells the port when another tab changes or clears `key` of `area`; returns what stops it. The
// event is read as any page value (a page can dispatch its own, with throwing getters).
export function watch(port, area, key) {
  const listener = (event) => {
    let changed
    try {
      // A `null` key means the whole area was cleared.
      changed = event.storageArea === area && (event.key === null || event.key === key)
    } catch {
      return
    }
    if (changed) port(0, STORAGE)
  }
  addEventListener('storage', listener)
  return () => removeEventListener('storage', listener)
}

// Adds `listener` to a client's `listeners`; returns what removes it.
export function listen(listeners, listener) {
  listeners.push(listener)
  return () => {
    const at = listeners.indexOf(listener)
    if (at >= 0) listeners.splice(at, 1)
  }
}

// Tells each listener of the moment how the session changed, once the wasm side is done: each
// gets its own object, and one that throws is reported as an uncaught error is, to the page,
// never to the client.
export function notify(listeners, type, expiresAt, clientSessionId) {
  for (const listener of listeners.slice()) {
    Promise.resolve()
      .then(() => listener({ type, expiresAt: expiresAt ?? null, clientSessionId: clientSessionId ?? null }))
      .catch((error) => {
        if (typeof reportError === 'function') reportError(error)
      })
  }
}

// Renewals of a session that tabs share take turns: each holds the Web Lock `name` while it looks
// at storage and asks for a new session. Tells the port when the lock is held, and whether a tab
// has just stored a new session (its marker lock is held), which may not have reached this tab's
// storage yet. Gives up after `waitMs` (reporting the lock as held, with no marker), so that a tab
// stuck holding it holds up no one. Returns what `unlock` takes.
export function lock(port, name, waitMs) {
  const locks = navigator.locks
  // No Web Locks (older browsers, Node): the wasm side goes on without (this throws first).
  if (typeof locks?.request !== 'function') throw new TypeError('no Web Locks')
  const held = {}
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), waitMs)
  const report = (marker) => {
    clearTimeout(timer)
    port(0, LOCKED, marker)
  }
  locks
    .request(name, { signal: abort.signal }, async () => {
      let marker = false
      try {
        marker = (await locks.query()).held.some((lock) => lock.name === `${name} renewed`)
      } catch {}
      return new Promise((release) => {
        held.release = release
        report(marker)
      })
    })
    .catch(() => report(false))
  return held
}

// Lets go of the lock; after `marker` (a new session was stored), only once the marker lock is
// held, for a moment, so that the next tab to take the lock knows to wait for that session.
export function unlock(held, name, marker) {
  const release = () => held.release?.()
  if (!marker) return release()
  // Shared: tabs that renewed one after the other do not wait for each other's marker.
  navigator.locks
    .request(`${name} renewed`, { mode: 'shared' }, () => {
      release()
      return new Promise((done) => setTimeout(done, MARKER_MS))
    })
    .catch(release)
}
