// The iteration half of SeamPaginator: async iterators cannot be declared from wasm. Fetching a
// page (`fetchPage(cursor)` → [items, pagination]) is done by the wasm side.

// How many of the last cursors are remembered to find a loop.
const RECENT_CURSORS = 16

export class SeamPaginator {
  #fetchPage

  constructor(fetchPage) {
    this.#fetchPage = fetchPage
  }

  /** The first page: `[items, { hasNextPage, nextPageCursor, nextPageUrl }]`. */
  firstPage() {
    return this.#fetchPage(null)
  }

  /** The page after `nextPageCursor`. */
  nextPage(nextPageCursor) {
    if (typeof nextPageCursor !== 'string' || nextPageCursor === '') {
      return Promise.reject(new TypeError('nextPage needs the nextPageCursor of a page'))
    }
    return this.#fetchPage(nextPageCursor)
  }

  /**
   * Every page's items, page by page. Stops when the API says there is no next page, or offers
   * one of its last few cursors again (a loop). Only those are kept, so an endless listing costs
   * no memory; a consumer that does not trust the server stops after as many pages as it wants.
   */
  async *[Symbol.asyncIterator]() {
    const recent = []
    let [items, pagination] = await this.firstPage()
    yield items
    while (pagination.hasNextPage && pagination.nextPageCursor && !recent.includes(pagination.nextPageCursor)) {
      recent.push(pagination.nextPageCursor)
      if (recent.length > RECENT_CURSORS) recent.shift()
      ;[items, pagination] = await this.nextPage(pagination.nextPageCursor)
      yield items
    }
  }

  /** Every item of every page. */
  async *flatten() {
    for await (const items of this) yield* items
  }

  /** Every item of every page, in one array. */
  async flattenToArray() {
    const all = []
    for await (const items of this) all.push(...items)
    return all
  }
}
