// One attempt at a request, with the global `fetch` (so that workers and other hosts work too).
// The wasm side decides what to send, whether to try again and what the answer means; this is
// only the part that waits on the network, where JS's own promises and timers are the cheapest.
// Both functions are async, so nothing the page put in `fetch` or `setTimeout` can throw
// synchronously into wasm: every failure becomes a rejection.

// Browsers run a timer of more than 2^31 - 1 ms at once.
const MAX_TIMER_MS = 2147483647

// Resolves with what the wasm side reads of the answer; rejects with `{ timedOut, cause }` when
// there is none. The timeout (0: none) covers the body too, so a server that stalls after its
// headers times out. Redirects are not followed, so that the credentials (headers, cookies, the
// bootstrap's body) never reach another origin.
export async function attempt(method, url, headers, body, credentials, timeoutMs) {
  let controller, timer
  try {
    if (timeoutMs > 0) {
      controller = new AbortController()
      timer = setTimeout(() => controller.abort(), Math.min(timeoutMs, MAX_TIMER_MS))
    }
    const response = await fetch(url, { method, headers, body, credentials, redirect: 'manual', signal: controller?.signal })
    // A page's own `fetch` can answer anything: the wasm side reads a number, and every field is
    // the answer's own, so nothing is looked up on a prototype the page changed.
    const status = typeof response.status === 'number' ? response.status : 0
    if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      Promise.resolve().then(() => response.body?.cancel()).catch(() => {})
      return { status, redirected: true }
    }
    return {
      status,
      redirected: false,
      requestId: response.headers.get('seam-request-id'),
      retryAfter: response.headers.get('retry-after'),
      text: await response.text(),
    }
  } catch (cause) {
    throw { timedOut: controller?.signal.aborted === true, cause }
  } finally {
    clearTimeout(timer)
  }
}

export async function sleep(ms) {
  await new Promise((resolve) => setTimeout(resolve, Math.min(ms, MAX_TIMER_MS)))
}
