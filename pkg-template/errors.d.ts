import type { ActionAttempt } from './types.js'

/** A Seam API error: the API answered with `{ error: { type, message } }`. */
export declare class SeamHttpApiError extends Error {
  /** The API's error `type`, e.g. `device_not_found`. */
  readonly code: string
  /** The HTTP status of the response. */
  readonly statusCode: number
  /** The `seam-request-id` response header, when the browser may read it. */
  /** The `seam-request-id` response header; `''` when the browser may not read it. */
  readonly requestId: string
  /** The API error's `data`, when it has one. */
  readonly data?: unknown
}

/** A 401. `code` keeps the API's own type (`client_session_expired`, `unauthorized`, ...). */
export declare class SeamHttpUnauthorizedError extends SeamHttpApiError {}

/** An `invalid_input` error, with the API's validation errors by parameter. */
export declare class SeamHttpInvalidInputError extends SeamHttpApiError {
  readonly validationErrors: Array<{ parameterName: string; errorMessages: string[] }>
  getValidationErrorMessages(parameterName: string): string[]
}

/** A token or key of the wrong kind or format, refused before any request. */
export declare class SeamHttpInvalidTokenError extends Error {}

/** A client option or factory argument that is not valid, refused before any request. */
export declare class SeamHttpInvalidOptionsError extends Error {}

/**
 * A success response without the data read from it (its message and fields are
 * @seamapi/http's), or a response that is not Seam JSON at all: empty, HTML, truncated.
 */
export declare class SeamHttpInvalidResponseError extends Error {
  /** The path of the route that answered. */
  readonly path: string
  /** The key the data was expected under, for a response without it. */
  readonly responseKey?: string
  /** The HTTP status, for a response that is not Seam JSON. */
  readonly statusCode?: number
  /** The `seam-request-id` response header, for a response that is not Seam JSON. */
  readonly requestId?: string | null
}

/** A parameter that cannot be put in a query string (@seamapi/http's, with its messages). */
export declare class UnserializableParamError extends Error {
  constructor(name: string, message: string)
}

/**
 * `response[responseKey]`; throws `SeamHttpInvalidResponseError` for a response that is not an
 * object or does not contain the key.
 */
export declare function readResponseData<TResponse, TResponseKey extends keyof TResponse>(
  response: TResponse,
  responseKey: TResponseKey,
  path: string,
): TResponse[TResponseKey]

/** The request never got a response (offline, DNS, CORS refusal, connection reset). `cause` holds the browser's error. */
export declare class SeamHttpNetworkError extends Error {}

/** No complete answer within the timeout (the `timeout` option); the request was aborted. */
export declare class SeamHttpTimeoutError extends SeamHttpNetworkError {}

/** Waiting for an action attempt ended without success. */
export declare class SeamActionAttemptError extends Error {
  /** The action attempt as last seen. */
  readonly actionAttempt: ActionAttempt
}

/** The action attempt ended with `status: 'error'`; `code` is its error's type. */
export declare class SeamActionAttemptFailedError extends SeamActionAttemptError {
  readonly code: string
}

/** The action attempt was still pending when `waitForActionAttempt.timeout` ran out. */
export declare class SeamActionAttemptTimeoutError extends SeamActionAttemptError {}

/** The client was signed out, here or in another tab; make a new client to go on. */
export declare class SeamHttpSignedOutError extends Error {}

export declare function isSeamHttpApiError(error: unknown): error is SeamHttpApiError
export declare function isSeamHttpUnauthorizedError(error: unknown): error is SeamHttpUnauthorizedError
export declare function isSeamHttpInvalidInputError(error: unknown): error is SeamHttpInvalidInputError
export declare function isSeamHttpInvalidTokenError(error: unknown): error is SeamHttpInvalidTokenError
export declare function isSeamHttpInvalidOptionsError(error: unknown): error is SeamHttpInvalidOptionsError
export declare function isSeamHttpInvalidResponseError(error: unknown): error is SeamHttpInvalidResponseError
export declare function isSeamHttpNetworkError(error: unknown): error is SeamHttpNetworkError
export declare function isSeamHttpTimeoutError(error: unknown): error is SeamHttpTimeoutError
export declare function isSeamHttpSignedOutError(error: unknown): error is SeamHttpSignedOutError
export declare function isSeamActionAttemptError(error: unknown): error is SeamActionAttemptError
export declare function isSeamActionAttemptFailedError(error: unknown): error is SeamActionAttemptFailedError
export declare function isSeamActionAttemptTimeoutError(error: unknown): error is SeamActionAttemptTimeoutError
