// One attempt at a request, with the global `fetch` (so that workers and other hosts work too).
// The wasm side decides what to send, whether to try again and what the answer means; this is
// only the part that waits on the network, where JS's own promises and timers are the cheapest.

// Resolves with what the wasm side reads of the answer; rejects with `{ timedOut, cause }` when
// there is none. The timeout (0: none) covers the body too, so a server that stalls after its
// headers times out.
export function attempt(method, url, headers, body, credentials, timeoutMs) {
  const controller = timeoutMs > 0 ? new AbortController() : undefined
  const timer = controller && setTimeout(() => controller.abort(), timeoutMs)
  const answer = async (response) => ({
    status: response.status,
    requestId: response.headers.get('seam-request-id'),
    retryAfter: response.headers.get('retry-after'),
    text: await response.text(),
  })
  return fetch(url, { method, headers, credentials, signal: controller?.signal, body })
    .then(answer)
    .catch((cause) => {
      throw { timedOut: controller?.signal.aborted === true, cause }
    })
    .finally(() => clearTimeout(timer))
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
