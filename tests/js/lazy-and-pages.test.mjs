// Route methods return a request that is sent only when awaited, and at most once; paginated
// routes can be walked page by page.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useEnv, SEED_CST } from './support/harness.mjs'
import { fromToken, run, expectOk } from './support/actions.mjs'

const SEEDED_DEVICES = ['august_device_1', 'august_device_2', 'ecobee_device_1', 'minut_device_1']
const LIST = '/devices/list'
const UNLOCK = '/locks/unlock_door'
const POLL = '/action_attempts/get'

const env = useEnv({ faultProxy: true })

test('a request is not sent until it is awaited', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    expectOk(await run(p, (c) => {
      window.pendingRequest = c.devices.list()
      window.pendingUnlock = c.locks.unlockDoor({ device_id: 'august_device_1' }, { waitForActionAttempt: false })
      return true
    }))
    await p.wait(200)
    assert.equal(p.requests.length, 0, 'sent before being awaited')
    const devices = expectOk(await run(p, async () => (await window.pendingRequest).map((d) => d.device_id)))
    assert.deepEqual(devices.sort(), SEEDED_DEVICES)
    assert.equal(p.sent(LIST).length, 1)
    assert.equal(p.sent(UNLOCK).length, 0, 'the unlock that was never awaited was sent')
  })
})

// Each pair of uses of one request must send it once and agree on the answer.
const TWICE = {
  'await, await': async (r) => [await r, await r],
  'await both at once': (r) => Promise.all([r, r]),
  'execute(), await': async (r) => [await r.execute(), await r],
  'execute(), execute()': (r) => Promise.all([r.execute(), r.execute()]),
  'then(), then()': (r) => Promise.all([r.then((v) => v), r.then((v) => v)]),
}

for (const [label, use] of Object.entries(TWICE)) {
  test(`${label} sends the request once`, async () => {
    await env.withPage(async (p) => {
      expectOk(await fromToken(p, SEED_CST))
      const out = expectOk(await run(p, async (c, src) => {
        const use = (0, eval)(`(${src})`)
        const [a, b] = await use(c.devices.list())
        return { a: a.map((d) => d.device_id), same: a === b || JSON.stringify(a) === JSON.stringify(b) }
      }, use.toString()))
      assert.deepEqual(out.a.sort(), SEEDED_DEVICES)
      assert.equal(out.same, true)
      assert.equal(p.sent(LIST).length, 1)
    })
  })
}

test('fetchResponse() then await sends once; fetchResponse() gives the whole body and does not poll', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const out = expectOk(await run(p, async (c) => {
      const r = c.locks.unlockDoor({ device_id: 'august_device_1' })
      const body = await r.fetchResponse()
      return { body, keys: Object.keys(body).sort() }
    }))
    assert.deepEqual(out.keys, ['action_attempt', 'ok'])
    assert.equal(out.body.ok, true)
    assert.equal(out.body.action_attempt.status, 'pending')
    assert.equal(out.body.action_attempt.action_type, 'UNLOCK_DOOR')
    // Past the default 1 s interval, so a poll would have happened by now.
    await p.wait(1300)
    assert.equal(p.sent(POLL).length, 0, 'fetchResponse() polled the action attempt')
    assert.equal(p.sent(UNLOCK).length, 1)

    const both = expectOk(await run(p, async (c) => {
      const r = c.devices.list()
      const body = await r.fetchResponse()
      const value = await r
      return { bodyKeys: Object.keys(body).sort(), ok: body.ok, n: body.devices.length, valueIsArray: Array.isArray(value), v: value.length }
    }))
    assert.equal(both.ok, true)
    assert.ok(both.bodyKeys.includes('devices') && both.bodyKeys.includes('ok'), JSON.stringify(both.bodyKeys))
    assert.equal(both.n, 4)
    assert.equal(both.valueIsArray, true)
    assert.equal(both.v, 4)
    assert.equal(p.sent(LIST).length, 1)
  })
})

test('the request describes itself: url, method, pathname, params, body, responseKey, hasPagination', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const out = expectOk(await run(p, (c) => {
      const pick = (r) => ({
        url: r.url instanceof URL ? r.url.href : 'not a URL',
        method: r.method,
        pathname: r.pathname,
        params: r.params === undefined ? 'undefined' : r.params,
        body: r.body === undefined ? 'undefined' : r.body,
        responseKey: r.responseKey,
        hasPagination: r.hasPagination,
        isRequest: r instanceof window.__seamTest.m.SeamHttpRequest,
      })
      return {
        list: pick(c.devices.list({ limit: 2 })),
        get: pick(c.devices.get({ device_id: 'august_device_1' })),
        unlock: pick(c.locks.unlockDoor({ device_id: 'august_device_1' })),
        accounts: pick(c.connectedAccounts.list()),
      }
    }))
    const base = env.fakeUrl
    assert.equal(out.list.method, 'GET')
    assert.equal(out.list.pathname, '/devices/list')
    assert.deepEqual(out.list.params, { limit: 2 })
    assert.equal(out.list.body, 'undefined')
    assert.equal(out.list.responseKey, 'devices')
    assert.equal(out.list.hasPagination, true)
    assert.equal(out.list.isRequest, true)
    const listUrl = new URL(out.list.url)
    assert.equal(listUrl.origin + listUrl.pathname, `${base}/devices/list`)
    assert.equal(listUrl.searchParams.get('limit'), '2')

    assert.equal(out.get.method, 'GET')
    assert.equal(out.get.responseKey, 'device')
    assert.equal(out.get.hasPagination, false)
    assert.equal(new URL(out.get.url).searchParams.get('device_id'), 'august_device_1')

    assert.equal(out.unlock.method, 'POST')
    assert.equal(out.unlock.pathname, '/locks/unlock_door')
    assert.equal(out.unlock.url, `${base}/locks/unlock_door`)
    // As with @seamapi/http: a POST's parameters are its body, not its query.
    assert.equal(out.unlock.params, 'undefined')
    assert.deepEqual(out.unlock.body, { device_id: 'august_device_1' })
    assert.equal(out.unlock.responseKey, 'action_attempt')
    assert.equal(out.unlock.hasPagination, false)

    assert.equal(out.accounts.responseKey, 'connected_accounts')
    assert.equal(out.accounts.hasPagination, true)
    // Describing a request does not send it.
    await p.wait(100)
    assert.equal(p.requests.length, 0)
  })
})

test('the url property is the URL that is sent', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const url = expectOk(await run(p, async (c) => {
      const r = c.devices.list({ limit: 2, device_ids: ['august_device_1', 'august_device_2'] })
      await r
      return r.url instanceof URL ? r.url.href : 'not a URL'
    }))
    const [sent] = p.sent(LIST)
    assert.equal(url, sent.url)
  })
})

test('bad parameters: creating the request does not throw, awaiting it rejects with TypeError, nothing is sent', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const out = expectOk(await run(p, async (c, _a, t) => {
      let r
      try {
        r = c.locks.unlockDoor({})
      } catch (e) {
        return { threwOnCreate: t.describe(e) }
      }
      const url = r.url.href
      const outcome = await t.capture(() => r)
      return { url, outcome, isTypeError: !outcome.ok }
    }))
    assert.equal(out.threwOnCreate, undefined, `threw when created: ${JSON.stringify(out.threwOnCreate)}`)
    // The URL is what would be sent, as with @seamapi/http: the parameters are checked when sent.
    assert.equal(out.url, `${env.fakeUrl}/locks/unlock_door`)
    assert.equal(out.outcome.ok, false, 'resolved with bad parameters')
    assert.equal(out.outcome.error.name, 'TypeError', JSON.stringify(out.outcome.error))
    await p.wait(100)
    assert.equal(p.requests.length, 0)
  })
})

test('a paginator over devices.list({limit: 1}) gives 4 pages of 1, and flattenToArray the 4 devices', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const out = expectOk(await run(p, async (c) => {
      const pages = []
      for await (const page of c.createPaginator(c.devices.list({ limit: 1 }))) pages.push(page.map((d) => d.device_id))
      return pages
    }))
    assert.equal(out.length, 4, JSON.stringify(out))
    for (const page of out) assert.equal(page.length, 1)
    assert.deepEqual(out.flat().sort(), SEEDED_DEVICES)
    assert.equal(p.sent(LIST).length, 4)

    const all = expectOk(await run(p, async (c) => (await c.createPaginator(c.devices.list({ limit: 1 })).flattenToArray()).map((d) => d.device_id)))
    assert.deepEqual(all.slice().sort(), SEEDED_DEVICES)
    assert.equal(new Set(all).size, 4)
    assert.equal(p.sent(LIST).length, 8)

    const flat = expectOk(await run(p, async (c) => {
      const ids = []
      for await (const d of c.createPaginator(c.devices.list({ limit: 3 })).flatten()) ids.push(d.device_id)
      return ids
    }))
    assert.deepEqual(flat.slice().sort(), SEEDED_DEVICES)
    assert.equal(p.sent(LIST).length, 10)
  })
})

test('firstPage() and nextPage(cursor)', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const out = expectOk(await run(p, async (c) => {
      const paginator = c.createPaginator(c.devices.list({ limit: 1 }))
      const [items, pagination] = await paginator.firstPage()
      const [items2, pagination2] = await paginator.nextPage(pagination.nextPageCursor)
      return { items: items.map((d) => d.device_id), pagination, items2: items2.map((d) => d.device_id), pagination2 }
    }))
    assert.equal(out.items.length, 1)
    assert.equal(out.pagination.hasNextPage, true)
    assert.equal(typeof out.pagination.nextPageCursor, 'string')
    assert.ok(out.pagination.nextPageCursor.length > 0)
    assert.equal(typeof out.pagination.nextPageUrl, 'string')
    assert.equal(out.items2.length, 1)
    assert.notEqual(out.items2[0], out.items[0])
    assert.notEqual(out.pagination2.nextPageCursor, out.pagination.nextPageCursor)
    const sent = p.sent(LIST)
    assert.equal(sent.length, 2)
    // The API takes the cursor back as page_cursor.
    assert.equal(new URLSearchParams(sent[1].search).get('page_cursor'), out.pagination.nextPageCursor)
    assert.equal(new URLSearchParams(sent[1].search).get('limit'), '1')
  })
})

test('the last page has no next page', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    const out = expectOk(await run(p, async (c) => {
      const [items, pagination] = await c.createPaginator(c.devices.list({ limit: 10 })).firstPage()
      return { n: items.length, pagination }
    }))
    assert.equal(out.n, 4)
    assert.equal(out.pagination.hasNextPage, false)
    assert.equal(out.pagination.nextPageCursor, null)
  })
})

test('a server that repeats the same next_page_cursor does not make the paginator loop', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST, { options: { endpoint: env.proxy.url } }))
    env.proxy.clear()
    let firstCursor = null
    env.proxy.set(LIST, {
      kind: 'rewrite',
      rewrite: (json) => {
        firstCursor ??= json.pagination.next_page_cursor
        return { ...json, pagination: { ...json.pagination, has_next_page: true, next_page_cursor: firstCursor } }
      },
    })
    const out = await run(p, async (c) => {
      const pages = []
      const give = new Promise((_, reject) => setTimeout(() => reject(new Error('still paginating after 5 s')), 5000))
      const walk = (async () => {
        for await (const page of c.createPaginator(c.devices.list({ limit: 1 }))) {
          pages.push(page.map((d) => d.device_id))
          if (pages.length > 20) throw new Error('more than 20 pages')
        }
        return pages
      })()
      return Promise.race([walk, give])
    })
    const pages = expectOk(out)
    assert.ok(env.proxy.count(LIST) >= 2 && env.proxy.count(LIST) <= 3, `${env.proxy.count(LIST)} requests`)
    assert.ok(pages.length >= 1 && pages.length <= 3, JSON.stringify(pages))
    env.proxy.clear()
  })
})

test("createPaginator on a request that is not paginated throws @seamapi/http's Error at once and sends nothing", async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    for (const [make, path] of [
      [(c) => c.devices.get({ device_id: 'august_device_1' }), '/devices/get'],
      [(c) => c.locks.unlockDoor({ device_id: 'august_device_1' }), '/locks/unlock_door'],
    ]) {
      const out = await run(p, (c, src) => {
        const make = (0, eval)(`(${src})`)
        const request = make(c)
        try {
          c.createPaginator(request)
        } catch (e) {
          return { sync: true, error: window.__seamTest.describe(e), isExactlyError: Object.getPrototypeOf(e) === Error.prototype }
        }
        return { sync: false }
      }, make.toString())
      const { sync, error, isExactlyError } = expectOk(out)
      assert.equal(sync, true, `createPaginator(${make}) did not throw`)
      assert.equal(isExactlyError, true, JSON.stringify(error))
      assert.equal(error.message, `The ${path} endpoint does not support pagination`)
      assert.equal(error.instanceOf.SeamHttpApiError, false)
    }
    await p.wait(100)
    assert.equal(p.requests.length, 0)
  })
})

test('createPaginator on something that is not a request throws TypeError', async () => {
  await env.withPage(async (p) => {
    expectOk(await fromToken(p, SEED_CST))
    for (const arg of ['thenable', 'array', 'undefined']) {
      const out = await run(p, (c, arg) => c.createPaginator({ thenable: { then() {} }, array: [], undefined }[arg]), arg)
      assert.equal(out.ok, false, `createPaginator(${arg}) did not throw`)
      assert.equal(out.error.name, 'TypeError', `createPaginator(${arg}): ${JSON.stringify(out.error)}`)
    }
  })
})
