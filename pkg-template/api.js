// What every entry exports, the same whichever way its wasm module was instantiated. Nothing here
// runs wasm when it is evaluated: the entry instantiates the module after this module is loaded.
import { SeamClient, SeamHttpRequest } from './seam_wasm.js'
import { refuseFreedObjects } from './guard.js'

refuseFreedObjects({ SeamClient, SeamHttpRequest })

export { SeamClient, SeamHttpRequest }
export { getOpenapiSchema, serializeUrlSearchParams, updateUrlSearchParams } from './seam_wasm.js'
export { SeamPaginator } from './snippets/@SNIPPET@/src/js/paginator.js'
export {
  SeamHttpApiError,
  SeamHttpUnauthorizedError,
  SeamHttpInvalidInputError,
  SeamHttpInvalidTokenError,
  SeamHttpInvalidOptionsError,
  SeamHttpNetworkError,
  SeamHttpTimeoutError,
  SeamHttpSignedOutError,
  SeamActionAttemptError,
  SeamActionAttemptFailedError,
  SeamActionAttemptTimeoutError,
  SeamHttpInvalidResponseError,
  UnserializableParamError,
  readResponseData,
  isSeamHttpApiError,
  isSeamHttpUnauthorizedError,
  isSeamHttpInvalidInputError,
  isSeamHttpInvalidTokenError,
  isSeamHttpInvalidOptionsError,
  isSeamHttpInvalidResponseError,
  isSeamHttpNetworkError,
  isSeamHttpTimeoutError,
  isSeamHttpSignedOutError,
  isSeamActionAttemptError,
  isSeamActionAttemptFailedError,
  isSeamActionAttemptTimeoutError,
} from './snippets/@SNIPPET@/src/js/errors.js'
