// Runs the same route call through seam-wasm and through @seamapi/http (bundled for the
// browser) in one page, and reduces each outcome and each request sent to plain JSON so the
// two can be compared in node.

import { HTTP_BUNDLE_URL } from './bundle-http.mjs'

export const SDKS = ['wasm', 'http']

// Loads both SDKs in the page and makes one client of each from the same token; they live on
// `window.__diff`.
// Both SDKs with a client session token, against the fake or `endpoint`.
export const loadBoth = (p, token, endpoint = null) =>
  p.evaluate(async ({ token, httpUrl, endpoint }) => {
    const t = window.__seamTest
    const wasm = await t.load()
    const http = await import(httpUrl)
    endpoint ??= t.fakeUrl
    window.__diff = {
      http,
      clients: {
        wasm: wasm.SeamClient.fromClientSessionToken(token, { endpoint, storage: 'memory', waitForActionAttempt: false }),
        // Action attempts come back as the POST returned them, as seam-wasm does.
        http: http.SeamHttp.fromClientSessionToken(token, { endpoint, waitForActionAttempt: false }),
      },
    }
    return { wasm: Object.keys(wasm).length, http: Object.keys(http).length }
  }, { token, httpUrl: HTTP_BUNDLE_URL, endpoint })

// Calls `key` (a namespace path and method, e.g. `acs.users.get`) on one SDK's client.
// Resolves { ok, value, isUndefined } or { ok: false, error }.
export const callSdk = (p, sdk, key, params) =>
  p.evaluate(async ({ sdk, key, params, withParams }) => {
    const client = window.__diff.clients[sdk]
    const names = key.split('.')
    const method = names.pop()
    // Methods are called on their namespace object: @seamapi/http's need it as `this`.
    const ns = names.reduce((o, name) => o?.[name], client)
    if (typeof ns?.[method] !== 'function') {
      return { ok: false, error: { name: 'MissingMethod', message: `${sdk} has no ${key}` } }
    }
    try {
      const value = await (withParams ? ns[method](params) : ns[method]())
      return { ok: true, isUndefined: value === undefined, value }
    } catch (e) {
      // @seamapi/http turns every 401 into code `unauthorized`; the API's own type stays on
      // the axios error it keeps as `cause`.
      const apiType = sdk === 'http' ? e?.cause?.response?.data?.error?.type : e?.code
      return {
        ok: false,
        error: {
          name: e?.name,
          message: e?.message ?? String(e),
          code: e?.code,
          statusCode: e?.statusCode ?? e?.response?.status,
          apiType,
        },
      }
    }
  }, { sdk, key, params: params ?? null, withParams: params !== undefined })

// Headers the API reads. The others (SDK name and version, `accept`) differ by design.
const COMPARED_HEADERS = ['authorization', 'client-session-token', 'seam-client-session-token', 'seam-publishable-key', 'content-type']

// The requests one SDK sent, reduced to what must match between SDKs.
export async function describeRequests(requests) {
  const out = []
  for (const r of requests) {
    const raw = r.request.postData()
    let body = null
    if (raw != null) {
      try {
        body = JSON.parse(raw)
      } catch {
        body = { unparsed: raw }
      }
    }
    const all = await r.request.allHeaders()
    const headers = Object.fromEntries(COMPARED_HEADERS.filter((h) => h in all).map((h) => [h, all[h]]))
    out.push({ method: r.method, pathname: r.pathname, search: r.search, body, headers })
  }
  return out
}
