// The iteration half of SeamPaginator: async iterators cannot be declared from wasm. Fetching a
// page (`fetchPage(cursor)` → [items, pagination]) is done by the wasm side.

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

  /** Every page's items, page by page. Stops when the API repeats a cursor. */
  async *[Symbol.asyncIterator]() {
    const seen = new Set()
    let [items, pagination] = await this.firstPage()
    yield items
    while (pagination.hasNextPage && pagination.nextPageCursor && !seen.has(pagination.nextPageCursor)) {
      seen.add(pagination.nextPageCursor)
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
