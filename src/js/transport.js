// One attempt at a request, with the global `fetch` (so that workers and other hosts work too).
// The wasm side decides what to send, whether to try again and what the answer means; this is
// only the part that waits on the network, where JS's own promises and timers are the cheapest.

// Resolves with what the wasm side reads of the answer. Rejects with `{ invalidHeader }` when the
// browser refuses a header value, or `{ timedOut, cause }` when there is no complete answer; the
// timeout (0: none) covers the body too, so a server that stalls after its headers times out.
export function attempt(method, url, headers, body, credentials, timeoutMs) {
  try {
    headers = new Headers(headers)
  } catch (cause) {
    return Promise.reject({ invalidHeader: cause })
  }
  const controller = timeoutMs > 0 ? new AbortController() : undefined
  const timer = controller && setTimeout(() => controller.abort(), timeoutMs)
  const init = { method, headers, credentials, signal: controller?.signal, body }
  const answer = async (response) => ({
    status: response.status,
    requestId: response.headers.get('seam-request-id'),
    retryAfter: response.headers.get('retry-after'),
    text: await response.text(),
  })
  return fetch(url, init)
    .then(answer)
    .catch((cause) => {
      throw { timedOut: controller?.signal.aborted === true, cause }
    })
    .finally(() => clearTimeout(timer))
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
