// Error classes of the package, and the reading of a response's data that throws one. They live
// in JS so that `instanceof`, `stack` and `cause` behave like any other Error; the wasm side
// builds them through `createError`.

export class SeamHttpApiError extends Error {
  constructor(message, { code, statusCode, requestId = '', data } = {}) {
    super(message)
    this.code = code
    this.statusCode = statusCode
    this.requestId = requestId
    if (data != null) this.data = data
  }
}

export class SeamHttpUnauthorizedError extends SeamHttpApiError {}

export class SeamHttpInvalidInputError extends SeamHttpApiError {
  constructor(message, fields = {}) {
    super(message, fields)
    // The API's shape: { _errors: [...], <param>: { _errors: [...] } }.
    this._validation = fields.validationErrors ?? {}
  }

  get validationErrors() {
    return Object.entries(this._validation)
      .filter(([name]) => name !== '_errors')
      .map(([parameterName, value]) => ({
        parameterName,
        errorMessages: Array.isArray(value?._errors) ? value._errors : [],
      }))
  }

  getValidationErrorMessages(parameterName) {
    const value = this._validation[parameterName]
    return Array.isArray(value?._errors) ? value._errors : []
  }
}

class NamedError extends Error {
  constructor(message, { cause } = {}) {
    super(message, cause === undefined ? undefined : { cause })
  }
}

export class SeamHttpInvalidTokenError extends NamedError {}
export class SeamHttpInvalidOptionsError extends NamedError {}
export class SeamHttpWithoutWorkspaceInvalidOptionsError extends NamedError {}
export class SeamHttpNetworkError extends NamedError {}
/** No complete answer within the timeout; the request was aborted. */
export class SeamHttpTimeoutError extends SeamHttpNetworkError {}
export class SeamHttpSignedOutError extends NamedError {}

export class SeamActionAttemptError extends NamedError {
  constructor(message, { actionAttempt } = {}) {
    super(message)
    this.actionAttempt = actionAttempt
  }
}

export class SeamActionAttemptFailedError extends SeamActionAttemptError {
  constructor(message, fields = {}) {
    super(message, fields)
    this.code = fields.code
  }
}

export class SeamActionAttemptTimeoutError extends SeamActionAttemptError {}

// `path` always; `responseKey` for a response without its data, as @seamapi/http has them;
// `statusCode` and `requestId` for a response that is not Seam JSON at all.
export class SeamHttpInvalidResponseError extends NamedError {
  constructor(message, { cause, ...fields } = {}) {
    super(message, { cause })
    Object.assign(this, fields)
  }
}

// @seamapi/http's (from @seamapi/url-search-params-serializer): a parameter that cannot be put in
// a query string.
export class UnserializableParamError extends Error {
  constructor(name, message) {
    super(`Could not serialize parameter: '${name}' ${message}`)
  }
}

// Each class's name, written out for its instances and for the class itself: a minifier (ours,
// or the page's bundler) renames classes.
const names = {
  SeamHttpApiError,
  SeamHttpUnauthorizedError,
  SeamHttpInvalidInputError,
  SeamHttpInvalidTokenError,
  SeamHttpInvalidOptionsError,
  SeamHttpWithoutWorkspaceInvalidOptionsError,
  SeamHttpNetworkError,
  SeamHttpTimeoutError,
  SeamHttpSignedOutError,
  SeamActionAttemptError,
  SeamActionAttemptFailedError,
  SeamActionAttemptTimeoutError,
  SeamHttpInvalidResponseError,
  UnserializableParamError,
}
for (const [name, cls] of Object.entries(names)) {
  Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true })
  Object.defineProperty(cls, 'name', { value: name })
}

const guard = (cls) => (error) => error instanceof cls
export const isSeamHttpApiError = guard(SeamHttpApiError)
export const isSeamHttpUnauthorizedError = guard(SeamHttpUnauthorizedError)
export const isSeamHttpInvalidInputError = guard(SeamHttpInvalidInputError)
export const isSeamHttpInvalidTokenError = guard(SeamHttpInvalidTokenError)
export const isSeamHttpInvalidOptionsError = guard(SeamHttpInvalidOptionsError)
export const isSeamHttpInvalidResponseError = guard(SeamHttpInvalidResponseError)
export const isSeamHttpNetworkError = guard(SeamHttpNetworkError)
export const isSeamHttpTimeoutError = guard(SeamHttpTimeoutError)
export const isSeamHttpSignedOutError = guard(SeamHttpSignedOutError)
export const isSeamActionAttemptError = guard(SeamActionAttemptError)
export const isSeamActionAttemptFailedError = guard(SeamActionAttemptFailedError)
export const isSeamActionAttemptTimeoutError = guard(SeamActionAttemptTimeoutError)

const kinds = {
  api: SeamHttpApiError,
  unauthorized: SeamHttpUnauthorizedError,
  invalidInput: SeamHttpInvalidInputError,
  invalidToken: SeamHttpInvalidTokenError,
  invalidOptions: SeamHttpInvalidOptionsError,
  invalidOptionsWithoutWorkspace: SeamHttpWithoutWorkspaceInvalidOptionsError,
  invalidResponse: SeamHttpInvalidResponseError,
  network: SeamHttpNetworkError,
  timeout: SeamHttpTimeoutError,
  signedOut: SeamHttpSignedOutError,
  actionAttemptFailed: SeamActionAttemptFailedError,
  actionAttemptTimeout: SeamActionAttemptTimeoutError,
}

// One entry point for the wasm side: `kind` names a class above; `fields` holds the class's
// extra fields, plus `cause` for the errors that wrap one.
export function createError(kind, message, fields = {}) {
  if (kind === 'type') return new TypeError(message)
  return kind === 'error' ? new Error(message) : new kinds[kind](message, fields)
}

// @seamapi/http's error for a success response without the data a caller reads from it.
const invalidData = (path, responseKey, reason) =>
  new SeamHttpInvalidResponseError(`Seam returned an invalid response for ${path}: expected "${responseKey}", ${reason}`, { path, responseKey })

// The same, for `value` found where `expected` was.
export const unexpected = (path, responseKey, value, expected) =>
  invalidData(path, responseKey, `got ${value === null ? 'null' : typeof value} instead of ${expected}`)

// `response[responseKey]`, as @seamapi/http reads the data of a response.
export function readResponseData(response, responseKey, path) {
  if (response === null || typeof response !== 'object') throw unexpected(path, String(responseKey), response, 'a response object')
  if (!(responseKey in response)) throw invalidData(path, String(responseKey), 'which the response does not contain')
  return response[responseKey]
}

// The SDK's own reads: every route's data is an object or a list, so anything else under its key
// is refused rather than handed on.
export function readResource(response, responseKey, path) {
  const data = readResponseData(response, responseKey, path)
  if (data !== null && typeof data === 'object') return data
  throw unexpected(path, responseKey, data, 'an object')
}
