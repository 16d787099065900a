// Inputs for comparing the pure functions of seam-wasm and @seamapi/http: parameter values for the
// query-string serializers (a fixed corpus and a generator of random ones) and responses for
// readResponseData, with what one library makes of each. Every function here is self-contained,
// so a page runs it from its source (`(0, eval)(`(${fn})`)`) as Node runs it directly; each
// library gets its own copy of a value (`make()`), as a getter runs each time.
//
// Left out on purpose, where seam-wasm stops and @seamapi/http does not: cycles (its recursion
// overflows the stack), nesting past 32 levels and more than 10,000 values (seam-wasm refuses
// them); and Proxies, whose traps the two run in another order.

// `[label, make]`; `make()` returns the parameters.
export const FIXED = [
  ['nothing', () => ({})],
  ['the README of @seamapi/url-search-params-serializer', () => ({ name: 'Dax', age: 27, isAdmin: true, tags: ['cars', 'planes'] })],
  ['nested objects and an array in one', () => ({ foo: 'a', bar: { baz: 'b', fizz: [1, 2] } })],
  ['empty objects', () => ({ foo: {}, bar: { baz: {} }, fizz: 1 })],
  ['null, undefined and the empty string', () => ({ a: null, b: undefined, c: '' })],
  ['an empty array', () => ({ a: [] })],
  ['an array of the empty string', () => ({ a: [''] })],
  ['an array with the empty string', () => ({ a: ['x', ''] })],
  ['an array of null', () => ({ a: [null] })],
  ['an array with undefined', () => ({ a: [1, undefined] })],
  ['an array with the empty string and null', () => ({ a: [null, ''] })],
  ['a sparse array', () => ({ a: [, 'x'] })],
  ['an array with extra properties', () => ({ a: Object.assign(['x'], { extra: 1 }) })],
  ['numbers', () => ({ a: 0, b: -0, c: 1e21, d: 1e-7, e: 0.1 + 0.2, f: Number.MAX_SAFE_INTEGER + 2, g: -5, h: Number.MIN_VALUE })],
  ['NaN', () => ({ a: NaN })],
  ['Infinity', () => ({ a: Infinity })],
  ['-Infinity in an array', () => ({ a: [1, -Infinity] })],
  ['bigints', () => ({ a: 10n ** 30n, b: -1n, c: [0n] })],
  ['booleans', () => ({ a: true, b: false, c: [true, false] })],
  ['dates', () => ({ a: new Date(0), b: [new Date(1e12), new Date(-1)], c: { d: new Date(8.64e15) } })],
  ['an invalid date', () => ({ a: new Date('nope') })],
  ['a fake date', () => ({ a: Object.create(Date.prototype) })],
  ['a date whose toISOString returns a number', () => ({ a: Object.assign(new Date(0), { toISOString: () => 5 }) })],
  ['a date whose toISOString throws', () => ({ a: Object.assign(new Date(0), { toISOString() { throw new Error('toISOString') } }) })],
  ['a subclass of Date', () => ({ a: new (class Day extends Date {})(86_400_000) })],
  ['something tagged Date, in an array', () => ({ a: [{ [Symbol.toStringTag]: 'Date', toISOString: () => 'then' }] })],
  ['something tagged Date, as a value', () => ({ a: { [Symbol.toStringTag]: 'Date', toISOString: () => 'then' } })],
  ['an instant', () => ({ a: new (class Instant { get epochMilliseconds() { return 1e12 } })() })],
  ['an epochMilliseconds object in an array', () => ({ a: [{ epochMilliseconds: 5 }] })],
  ['an epochMilliseconds object as a value', () => ({ a: { epochMilliseconds: 5 } })],
  ['an instant at NaN', () => ({ a: new (class Instant { get epochMilliseconds() { return NaN } })() })],
  ['an instant at Infinity', () => ({ a: new (class Instant { get epochMilliseconds() { return Infinity } })() })],
  ['an instant whose epochMilliseconds throws', () => ({ a: new (class Instant { get epochMilliseconds() { throw new Error('epoch') } })() })],
  ['a function', () => ({ a: () => 1 })],
  ['a symbol', () => ({ a: Symbol('s') })],
  ['a symbol in an array', () => ({ a: ['x', Symbol('s')] })],
  ['a nested array', () => ({ a: [[1]] })],
  ['an object in an array', () => ({ a: [{ b: 1 }] })],
  ['a Map', () => ({ a: new Map([['b', 1]]) })],
  ['a class instance', () => ({ a: new (class Point { constructor() { this.x = 1 } })() })],
  ['an object with no prototype', () => ({ a: Object.assign(Object.create(null), { b: 1, c: [2] }) })],
  ['a typed array', () => ({ a: new Uint8Array([1, 2]) })],
  ['a boxed string', () => ({ a: new String('x') })],
  ['a dotted key', () => ({ 'a.b': 1 })],
  ['a dotted key inside an object', () => ({ a: { 'b.c': 1 } })],
  ['a bad value before a dotted key', () => ({ a: NaN, 'b.c': 1 })],
  ['a dotted key before a bad value', () => ({ 'b.c': 1, a: NaN })],
  ['integer keys come first', () => ({ b: NaN, 1: [null] })],
  ['keys that sort by UTF-16 units', () => ({ b: 1, a: 2, B: 3, _strict: 'false', é: 4, '😀': 5, '\uffff': 6, '\u{10000}': 7, '': 8, 10: 9, 9: 10 })],
  ['lone surrogates', () => ({ '\ud800': '\udc00x', b: ['\udfff'] })],
  ['a lone surrogate in a refused name', () => ({ '\ud800': { x: NaN } })],
  ['characters that are encoded', () => ({ 'a b': 'c&d=e?f#g%h+i', '\u0000': '\u0000', é: 'ü€' })],
  ['__proto__ as a key', () => Object.defineProperty({}, '__proto__', { value: 'x', enumerable: true })],
  ['a getter that throws', () => Object.defineProperty({ a: 1 }, 'b', { get() { throw new Error('getter') }, enumerable: true })],
  ['a getter that throws, nested after a bad value', () => ({ a: NaN, b: Object.defineProperty({}, 'c', { get() { throw new Error('getter') }, enumerable: true }) })],
  ['written before a bad item', () => ({ a: 1, b: [2, {}], c: 3 })],
  ['a string as parameters', () => 'ab'],
  ['an array as parameters', () => ['x', 'y']],
  ['a number as parameters', () => 42],
  ['a date as parameters', () => new Date(0)],
  ['null as parameters', () => null],
  ['undefined as parameters', () => undefined],
]

// Random parameters from `seed`: keys and values that matter to the serializer, nested a little.
export function randomParams(seed) {
  let state = seed >>> 0
  // mulberry32
  const rand = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let x = state
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
  const int = (n) => Math.floor(rand() * n)
  const pick = (xs) => xs[int(xs.length)]
  const KEYS = ['a', 'b', 'c', 'A', 'Z', '_strict', '0', '2', '10', '', 'a.b', '.', 'é', '😀', '\ud800', '\uffff', '\u{10000}',
    'a b', '&', '=', '%', 'constructor', 'toString', '__proto__', 'epochMilliseconds', 'toISOString', 'device_ids']
  const STRINGS = ['', '', 'x', ' ', 'a b', '&=?#%+', 'é', '😀', '\ud800', '\udfff x', '\u0000', 'null', 'true', '1', '.', '_']
  const put = (o, key, value) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true })
  const instant = (ms) => new (class Instant { get epochMilliseconds() { return ms } })()
  const number = () => pick([0, -0, 1, -1, 0.5, 1e21, 1e-7, 2 ** 53 + 2, NaN, Infinity, -Infinity, int(1000), rand() * 1e6 - 5e5])
  const leaf = () => {
    switch (int(20)) {
      case 0: case 1: case 2: case 3: return pick(STRINGS)
      case 4: case 5: return number()
      case 6: return BigInt(int(1e9)) * (rand() < 0.5 ? -1n : 1n)
      case 7: return rand() < 0.5
      case 8: return null
      case 9: return undefined
      case 10: return new Date(int(4e12) - 1e12)
      case 11: return rand() < 0.8 ? new Date(NaN) : Object.create(Date.prototype)
      case 12: return rand() < 0.5 ? instant(pick([0, 1e12, NaN, Infinity])) : { epochMilliseconds: int(1e12) }
      case 13: return pick([() => 1, Symbol('s')])
      case 14: return pick([new Map(), new Set([1]), new Uint8Array(2), new (class Point {})()])
      case 15: return rand() < 0.1 ? Object.defineProperty({}, 'x', { get() { throw new Error('getter') }, enumerable: true }) : 'y'
      default: return pick(STRINGS.slice(2))
    }
  }
  const array = (depth) => {
    const n = int(4)
    const out = rand() < 0.1 ? new Array(n) : []
    for (let i = 0; i < n; i++) {
      if (out.length === n && rand() < 0.5) continue
      out[i] = rand() < 0.85 ? leaf() : value(depth + 1)
    }
    return out
  }
  const object = (depth) => {
    const out = rand() < 0.1 ? Object.create(null) : {}
    for (let n = int(5); n > 0; n--) put(out, pick(KEYS), value(depth + 1))
    return out
  }
  const value = (depth) => {
    const r = rand()
    if (depth < 4 && r < 0.2) return object(depth)
    if (depth < 4 && r < 0.4) return array(depth)
    return leaf()
  }
  return rand() < 0.97 ? object(0) : value(3)
}

// What `lib` makes of the parameters `make()` returns: `serializeUrlSearchParams`, and
// `updateUrlSearchParams` into a URLSearchParams that holds `initial` (what it holds after a
// throw too). Errors as their name, message and class.
export function serializerOutcomes(lib, make, initial) {
  const describe = (e) => ({
    name: String(e?.name),
    message: String(e?.message),
    kind: e instanceof lib.UnserializableParamError ? 'UnserializableParamError' : String(e?.constructor?.name),
  })
  let serialized
  try {
    serialized = { value: lib.serializeUrlSearchParams(make()) }
  } catch (e) {
    serialized = { error: describe(e) }
  }
  const search = new URLSearchParams(initial)
  let updated
  try {
    lib.updateUrlSearchParams(search, make())
    updated = { value: search.toString() }
  } catch (e) {
    updated = { error: describe(e), partial: search.toString() }
  }
  return { serialized, updated }
}

// `[label, make]`; `make()` returns readResponseData's arguments: response, responseKey, path.
export const READS = [
  ['the key', () => [{ devices: [1], ok: true }, 'devices', '/devices/list']],
  ['a key that holds undefined', () => [{ devices: undefined }, 'devices', '/devices/list']],
  ['a key that holds null', () => [{ device: null }, 'device', '/devices/get']],
  ['an inherited key', () => [Object.create({ device: 1 }), 'device', '/devices/get']],
  ['a missing key', () => [{ ok: true }, 'devices', '/devices/list']],
  ['an array and its length', () => [[1, 2], 'length', '/x']],
  ['a number as the key', () => [['x'], 0, '/x']],
  ['a key that converts to a string', () => [{ a: 1 }, { toString: () => 'a' }, '/x']],
  ['a symbol as the key', () => [{}, Symbol('key'), '/x']],
  ['null as the key', () => [{ null: 1 }, null, '/x']],
  ['a number as the path', () => [{}, 'a', 5]],
  ['no path', () => [{}, 'a', undefined]],
  ['a symbol as the path', () => [{}, 'a', Symbol('path')]],
  ['null as the response', () => [null, 'devices', '/devices/list']],
  ['no response', () => [undefined, 'devices', '/devices/list']],
  ['a number as the response', () => [42, 'devices', '/devices/list']],
  ['a string as the response', () => ['{"devices":[]}', 'devices', '/devices/list']],
  ['a boolean as the response', () => [true, 'devices', '/devices/list']],
  ['a bigint as the response', () => [1n, 'devices', '/devices/list']],
  ['a symbol as the response', () => [Symbol('r'), 'devices', '/devices/list']],
  ['a function as the response', () => [() => ({ devices: [] }), 'devices', '/devices/list']],
]

// What `lib.readResponseData` makes of `make()`'s arguments: the value (its type and JSON), or
// the error: its class, name, message and the fields of SeamHttpInvalidResponseError.
export function readOutcome(lib, make) {
  try {
    const value = lib.readResponseData(...make())
    return { type: typeof value, json: typeof value === 'bigint' || typeof value === 'symbol' ? String(value) : JSON.stringify(value) }
  } catch (e) {
    const invalid = e instanceof lib.SeamHttpInvalidResponseError
    return {
      kind: invalid ? 'SeamHttpInvalidResponseError' : String(e?.constructor?.name),
      name: String(e?.name),
      message: String(e?.message),
      path: invalid ? String(e.path) : null,
      responseKey: invalid ? String(e.responseKey) : null,
    }
  }
}
