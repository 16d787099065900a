// A page's storage adapter (`getItem`, `setItem`, `removeItem`, each answering at once or with a
// promise, and `subscribe` if it has one), guarded so that nothing it does is thrown into wasm.
// Once a call throws or rejects, the adapter has failed for good: the wasm side then reads the
// memory it writes every value to as well, and the page is told once.

// One guard per adapter, so that every client of an adapter knows when it has failed.
const guards = new WeakMap()
let warned = false
// An adapter that has not answered a read by then has failed: nothing waits on it for good.
const READ_WAIT_MS = 5000

export function guardAdapter(adapter) {
  let guard = guards.get(adapter)
  if (guard === undefined) {
    guard = { adapter, failed: false }
    guards.set(adapter, guard)
  }
  return guard
}

function fail(guard, error) {
  if (guard.failed) return
  guard.failed = true
  if (!warned) {
    warned = true
    console.warn('seam-wasm: the storage adapter failed, so the client session is kept in memory for this page only:', error)
  }
}

// A value the adapter's reading answered: text, `null` for nothing, `''` (unreadable) for the rest.
const text = (value) => (typeof value === 'string' ? value : value === null || value === undefined ? null : '')

// What the adapter holds under `key`: text or `null` now, or a promise of it; `undefined` (now
// or as the promise's value) once the adapter has failed.
export function adapterGet(guard, key) {
  if (guard.failed) return undefined
  try {
    const value = guard.adapter.getItem(key)
    if ((typeof value === 'object' || typeof value === 'function') && value !== null && typeof value.then === 'function') {
      let timer
      const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the storage adapter's getItem did not answer within ${READ_WAIT_MS} ms`)), READ_WAIT_MS)
      })
      return Promise.race([value, late]).then(
        (settled) => {
          clearTimeout(timer)
          return guard.failed ? undefined : text(settled)
        },
        (error) => {
          clearTimeout(timer)
          fail(guard, error)
        },
      )
    }
    return text(value)
  } catch (error) {
    fail(guard, error)
  }
}

// Writes `value` under `key`, or removes it when `value` is undefined; a failure, now or later,
// fails the adapter.
export function adapterWrite(guard, key, value) {
  if (guard.failed) return
  try {
    const done = value === undefined ? guard.adapter.removeItem(key) : guard.adapter.setItem(key, value)
    if ((typeof done === 'object' || typeof done === 'function') && done !== null && typeof done.then === 'function') {
      Promise.resolve(done).catch((error) => fail(guard, error))
    }
  } catch (error) {
    fail(guard, error)
  }
}

// Has the adapter's `subscribe` tell `port` of changes made elsewhere, after the current task's
// work (an adapter may call its listeners from inside `setItem`). Returns what stops it, or
// undefined when there is nothing to stop.
export function adapterSubscribe(guard, port) {
  try {
    const subscribe = guard.adapter.subscribe
    if (typeof subscribe !== 'function') return undefined
    const stop = subscribe.call(guard.adapter, () => {
      Promise.resolve().then(() => port(0, 6))
    })
    return () => {
      try {
        if (typeof stop === 'function') stop()
      } catch {}
    }
  } catch {
    return undefined
  }
}
