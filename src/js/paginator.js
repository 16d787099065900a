// SeamPaginator, as in @seamapi/http: it pages through a request with `withPageCursor` and
// `fetchResponse`, so it works on the requests route methods return, and `client.createPaginator`
// is `new SeamPaginator(request)`.

import { readResponseData, unexpected } from './errors.js'

// How many of the last cursors are remembered to find a loop.
const RECENT_CURSORS = 16

export class SeamPaginator {
  #request

  constructor(request) {
    // @seamapi/http takes anything here and fails later, on a property of whatever it was.
    if (typeof request?.withPageCursor !== 'function') {
      throw new TypeError('SeamPaginator needs a request, such as client.devices.list()')
    }
    if (!request.hasPagination) throw new Error(`The ${request.pathname} endpoint does not support pagination`)
    this.#request = request
  }

  /** The first page: `[items, { hasNextPage, nextPageCursor, nextPageUrl }]`. */
  async firstPage() {
    return await this.#fetch()
  }

  /** The page after `nextPageCursor`. */
  async nextPage(nextPageCursor) {
    if (nextPageCursor == null) throw new Error('Cannot get the next page with a null nextPageCursor')
    return await this.#fetch(nextPageCursor)
  }

  async #fetch(nextPageCursor) {
    const { responseKey } = this.#request
    if (responseKey == null) throw new Error('Cannot paginate a response without a responseKey')
    const request = this.#request.withPageCursor(nextPageCursor ?? undefined)
    const response = await request.fetchResponse()
    const { pathname } = request
    const data = readResponseData(response, responseKey, pathname)
    if (!Array.isArray(data)) throw unexpected(pathname, String(responseKey), data, 'a list')
    const pagination = readResponseData(response, 'pagination', pathname)
    if (pagination === null || typeof pagination !== 'object') throw unexpected(pathname, 'pagination', pagination, 'a pagination object')
    return [
      data,
      {
        hasNextPage: pagination.has_next_page ?? false,
        nextPageCursor: pagination.next_page_cursor ?? null,
        nextPageUrl: pagination.next_page_url ?? null,
      },
    ]
  }

  /** Every item of every page, in one array. */
  async flattenToArray() {
    const all = []
    for await (const [items] of this.#walk()) all.push(...items)
    return all
  }

  /** Every item of every page. */
  async *flatten() {
    for await (const [items] of this.#walk()) yield* items
  }

  /** Every page's items, page by page. */
  async *[Symbol.asyncIterator]() {
    for await (const [items] of this.#walk()) yield items
  }

  /**
   * Every page. Stops when the API says there is no next page, or offers one of its last few
   * cursors again (a loop). Only those are kept, so an endless listing costs no memory; a
   * consumer that does not trust the server stops after as many pages as it wants.
   */
  async *#walk() {
    const recent = []
    let page = await this.firstPage()
    yield page
    while (page[1].hasNextPage) {
      const cursor = page[1].nextPageCursor
      if (cursor == null || recent.includes(cursor)) return
      recent.push(cursor)
      if (recent.length > RECENT_CURSORS) recent.shift()
      page = await this.nextPage(cursor)
      yield page
    }
  }
}

// For `withPageCursor`: the request's parameters and the cursor, in a new object.
export const pageParams = (params, pageCursor) => ({ ...params, page_cursor: pageCursor })
