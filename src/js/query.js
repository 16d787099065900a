// The JS half of the query encoder in query.rs, which decides what is written under which keys:
// here the keys are joined as JS holds them (a lone surrogate stays one), and URLSearchParams
// turns each value into text itself.

import { UnserializableParamError } from './errors.js'

// `search.set` (or `append`, for an array's items) of `value`, under the keys of `path` joined
// with dots; no value is an empty one.
export const put = (search, append, path, value = '') => search[append ? 'append' : 'set'](path.join('.'), value)

// What @seamapi/http does once every parameter is in: sort, and ask the API to be strict.
export const finish = (search) => {
  search.sort()
  if (search.size > 0) search.set('_strict', 'true')
}

export const unserializable = (path, reason) => new UnserializableParamError(path.join('.'), reason)
