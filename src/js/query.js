// The JS half of the query encoder in query.rs, which decides what is written under which keys:
// here the keys are joined as JS holds them (a lone surrogate stays one), and URLSearchParams
// turns each value into text itself.

import { UnserializableParamError } from './errors.js'

// `search.set` (or `append`, for an array's items) of `value`, under the keys of `path` joined
// with dots; no value is an empty one. The keys come as arguments: the array is made here, where
// what a page did to `Array.prototype` can only throw into a caught call.
export const put = (search, append, value, ...path) => search[append ? 'append' : 'set'](path.join('.'), value ?? '')

// What @seamapi/http does once every parameter is in: sort, and ask the API to be strict.
export const finish = (search) => {
  search.sort()
  if (search.size > 0) search.set('_strict', 'true')
}

export const unserializable = (reason, ...path) => new UnserializableParamError(path.join('.'), reason)

// An instant's milliseconds as a date's ISO text, with whatever `Date` the page has.
export const instantIso = (ms) => new Date(ms).toISOString()

// The prototype of plain objects, as the page's `Object` makes them.
export const objectPrototype = () => Object.getPrototypeOf({})
