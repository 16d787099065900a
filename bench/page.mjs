// The benchmark page. bench/run.mjs opens it once per subject (each in its own browser context,
// so each has its own JS heap) and calls the phases on `window.bench`; every phase returns
// plain numbers. No subject is imported until a phase asks for it, so a cold start is cold.

const ORIGIN = location.origin
const PUBLISHABLE_KEY = 'seam_pk1_bench'
// Polls as soon as the SDKs allow, so the unlock figure measures calls, not their 1 s default sleep.
const WAIT = { pollingInterval: 1, timeout: 5000 }

let token = null
let client = null
let held = null

// The package keeps its wasm instance to itself, so the page notes the memory of the module it
// instantiates (only seam-wasm's does).
let wasmMemory = null
for (const name of ['instantiate', 'instantiateStreaming']) {
  const original = WebAssembly[name]
  WebAssembly[name] = async (...args) => {
    const result = await original.apply(WebAssembly, args)
    wasmMemory = (result.instance ?? result).exports.memory ?? wasmMemory
    return result
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

// The raw subject: what a page would write by hand with the headers the SDKs send for a client
// session token, and the method each SDK uses per route (GET for reads, POST for unlock).
function rawClient(cst) {
  const auth = { authorization: `Bearer ${cst}`, 'client-session-token': cst }
  const call = async (method, pathname, params, key) => {
    let url = ORIGIN + pathname
    const init = { method, headers: auth }
    if (method === 'GET') {
      const query = new URLSearchParams(params).toString()
      if (query) url += `?${query}`
    } else {
      init.headers = { ...auth, 'content-type': 'application/json' }
      init.body = JSON.stringify(params)
    }
    const res = await fetch(url, init)
    const body = await res.json()
    if (!res.ok) throw new Error(`${pathname}: HTTP ${res.status} ${body?.error?.type}`)
    return body[key]
  }
  return {
    get: (device_id) => call('GET', '/devices/get', { device_id }, 'device'),
    list: (limit) => call('GET', '/devices/list', limit ? { limit } : {}, 'devices'),
    async unlock(device_id) {
      const deadline = performance.now() + WAIT.timeout
      let attempt = await call('POST', '/locks/unlock_door', { device_id }, 'action_attempt')
      while (attempt.status === 'pending') {
        if (performance.now() > deadline) throw new Error('unlock: timed out waiting for the action attempt')
        await sleep(WAIT.pollingInterval)
        attempt = await call('GET', '/action_attempts/get', { action_attempt_id: attempt.action_attempt_id }, 'action_attempt')
      }
      return attempt
    },
  }
}

// Both SDKs have the same route methods, so one adapter serves both.
const sdkClient = (seam) => ({
  get: (device_id) => seam.devices.get({ device_id }),
  list: (limit) => (limit ? seam.devices.list({ limit }) : seam.devices.list()),
  unlock: (device_id) => seam.locks.unlockDoor({ device_id }),
})

const SUBJECTS = {
  'seam-wasm': async (cst) => {
    const { SeamClient } = await import('/pkg/index.js')
    return sdkClient(SeamClient.fromClientSessionToken(cst, { endpoint: ORIGIN, waitForActionAttempt: WAIT }))
  },
  // The same package as a user's bundler ships it (one minified module, the .wasm beside it).
  'seam-wasm-bundled': async (cst) => {
    const { SeamClient } = await import('/build/bench/seam-wasm.min.js')
    return sdkClient(SeamClient.fromClientSessionToken(cst, { endpoint: ORIGIN, waitForActionAttempt: WAIT }))
  },
  http: async (cst) => {
    const { SeamHttp } = await import('/build/bench/seamapi-http.min.js')
    return sdkClient(SeamHttp.fromClientSessionToken(cst, { endpoint: ORIGIN, waitForActionAttempt: WAIT }))
  },
  raw: async (cst) => rawClient(cst),
}

// The session comes from the server like a backend-made token would; it is not part of any figure.
async function session() {
  if (token) return token
  const res = await fetch(`${ORIGIN}/client_sessions/get_or_create`, {
    method: 'POST',
    headers: { 'seam-publishable-key': PUBLISHABLE_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ user_identifier_key: 'bench_user' }),
  })
  if (!res.ok) throw new Error(`get_or_create: HTTP ${res.status}`)
  token = (await res.json()).client_session.token
  return token
}

function errorTally() {
  const tally = { errors: 0, firstError: null }
  tally.add = (message) => {
    tally.errors += 1
    tally.firstError ??= message
  }
  tally.result = () => ({ errors: tally.errors, firstError: tally.firstError })
  return tally
}

const describe = (e) => `${e?.name ?? 'Error'}: ${e?.message ?? e}`

// Times one call; `fn` resolves with a complaint about the answer, if it has one.
async function timedOnce(fn) {
  const tally = errorTally()
  const start = performance.now()
  try {
    const complaint = await fn()
    if (complaint) tally.add(complaint)
    return { times: [performance.now() - start], ...tally.result() }
  } catch (e) {
    tally.add(describe(e))
    return { times: [], ...tally.result() }
  }
}

// Issues `count` gets, `width` at a time, and checks that each answer is the device asked for.
async function getMany(ids, count, width, tally) {
  for (let done = 0; done < count; done += width) {
    const batch = ids.slice(0, Math.min(width, count - done))
    const results = await Promise.allSettled(batch.map((id) => client.get(id)))
    results.forEach((r, i) => {
      if (r.status === 'rejected') tally.add(describe(r.reason))
      else if (r.value?.device_id !== batch[i]) tally.add(`devices.get returned ${r.value?.device_id} for ${batch[i]}`)
    })
  }
}

function wasmMemoryBytes(subject) {
  return subject === 'seam-wasm' && wasmMemory ? wasmMemory.buffer.byteLength : null
}

window.bench = {
  async open(subject) {
    client = await SUBJECTS[subject](await session())
  },

  // From the import to the first request on the wire, read from the request's resource timing.
  async coldStart(subject) {
    const cst = await session()
    const t0 = performance.now()
    const c = await SUBJECTS[subject](cst)
    const tImported = performance.now()
    const devices = await c.list()
    const tDone = performance.now()
    const entries = performance.getEntriesByType('resource')
    const entry = entries.find((e) => e.name.startsWith(`${ORIGIN}/devices/list`))
    if (!entry) throw new Error('no resource timing entry for /devices/list')
    if (!Array.isArray(devices) || devices.length === 0) throw new Error('devices.list returned no devices')
    // The subject's own files (modules, .wasm) were all in by this time.
    const own = entries.filter((e) => e.startTime >= t0 && /\/(pkg|build\/bench)\//.test(e.name))
    const downloadedMs = own.length ? Math.max(...own.map((e) => e.responseEnd)) - t0 : 0
    const files = own.map((e) => ({ path: new URL(e.name).pathname, startMs: e.startTime - t0, endMs: e.responseEnd - t0 }))
    return { downloadedMs, readyMs: tImported - t0, firstRequestMs: entry.startTime - t0, resultMs: tDone - t0, files }
  },

  // Every route once, for the recording of methods and headers.
  async probe(deviceId) {
    await client.list()
    await client.get(deviceId)
    await client.unlock(deviceId)
  },

  // One timed call of each kind: the runner alternates subjects call by call.
  async list(limit) {
    held = null
    return timedOnce(async () => {
      held = await client.list(limit)
      if (held?.length !== limit) return `devices.list returned ${held?.length} devices, not ${limit}`
    })
  },

  unlock: (deviceId) =>
    timedOnce(async () => {
      const attempt = await client.unlock(deviceId)
      if (attempt?.status !== 'success') return `unlock ended as ${attempt?.status}`
    }),

  async sequential(ids, count, offset) {
    const tally = errorTally()
    const times = new Array(count)
    for (let i = 0; i < count; i++) {
      const id = ids[(offset + i) % ids.length]
      const start = performance.now()
      try {
        const device = await client.get(id)
        times[i] = performance.now() - start
        if (device?.device_id !== id) tally.add(`devices.get returned ${device?.device_id} for ${id}`)
      } catch (e) {
        times[i] = performance.now() - start
        tally.add(describe(e))
      }
    }
    return { times, ...tally.result() }
  },

  async concurrent(ids) {
    const tally = errorTally()
    const start = performance.now()
    await getMany(ids, ids.length, ids.length, tally)
    return { wallMs: performance.now() - start, ...tally.result() }
  },

  // Untimed calls that bring a round to its total, so memory is read after the same work everywhere.
  async churn(ids, count, width) {
    const tally = errorTally()
    await getMany(ids, count, width, tally)
    return tally.result()
  },

  // Wasm memory taken per call while `count` calls are in flight at once: the high-water mark
  // after them, less the mark after a warm-up, per call (wasm memory grows in 64 KiB pages, so
  // the figure is exact to 64 KiB / count).
  async inFlight(subject, ids, count) {
    const tally = errorTally()
    await getMany(ids, 20, 20, tally)
    const before = wasmMemoryBytes(subject)
    await getMany(ids, count, count, tally)
    const after = wasmMemoryBytes(subject)
    return { bytesPerCall: before === null ? null : (after - before) / count, ...tally.result() }
  },

  // Heap after full collections; finalizers (which free wasm-side objects) run between them.
  async memory(subject) {
    gc()
    await sleep(0)
    gc()
    const result = { jsHeapBytes: performance.memory.usedJSHeapSize, wasmBytes: wasmMemoryBytes(subject) }
    held = null
    return result
  },
}
