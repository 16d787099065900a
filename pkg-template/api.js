// What every entry exports, the same whichever way its wasm module was instantiated. Nothing here
// runs wasm when it is evaluated: the entry instantiates the module after this module is loaded.
import { SeamClient, SeamHttpRequest, tokenKind, hasCredentialOption } from './seam_wasm.js'
import { refuseFreedObjects } from './guard.js'
import { SeamHttpInvalidOptionsError } from './snippets/@SNIPPET@/src/js/errors.js'
import { namespaceClasses } from './classes.js'

// A request is awaitable (`await client.devices.list()`): its `then`, `catch` and `finally` are
// those of the promise `execute()` returns, which sends it once.
const awaitable = {
  then(onFulfilled, onRejected) {
    return this.execute().then(onFulfilled, onRejected)
  },
  catch(onRejected) {
    return this.execute().then(undefined, onRejected)
  },
  finally(onFinally) {
    return this.execute().finally(onFinally)
  },
}
// As a class's methods are: not enumerable.
for (const [name, value] of Object.entries(awaitable)) {
  Object.defineProperty(SeamHttpRequest.prototype, name, { value, writable: true, configurable: true })
}
refuseFreedObjects({ SeamClient, SeamHttpRequest })
// `Object.prototype.toString` names a request as @seamapi/http's are named.
Object.defineProperty(SeamHttpRequest.prototype, Symbol.toStringTag, { value: 'SeamHttpRequest', configurable: true })

// `SeamHttp` is the client: code written for @seamapi/http changes only its import.
export { SeamClient, SeamClient as SeamHttp, SeamHttpRequest }
export { getOpenapiSchema, serializeUrlSearchParams, updateUrlSearchParams } from './seam_wasm.js'
export { SeamPaginator } from './snippets/@SNIPPET@/src/js/paginator.js'
export {
  SeamHttpEndpoints,
  SeamHttpWithoutWorkspace,
  SeamHttpWithoutWorkspace as SeamHttpMultiWorkspace,
  SeamHttpEndpointsWithoutWorkspace,
} from './classes.js'
export const {
  SeamHttpAccessCodes,
  SeamHttpAccessCodesSimulate,
  SeamHttpAccessCodesUnmanaged,
  SeamHttpAccessGrants,
  SeamHttpAccessGrantsUnmanaged,
  SeamHttpAccessMethods,
  SeamHttpAccessMethodsUnmanaged,
  SeamHttpAcs,
  SeamHttpAcsAccessGroups,
  SeamHttpAcsCredentials,
  SeamHttpAcsEncoders,
  SeamHttpAcsEncodersSimulate,
  SeamHttpAcsEntrances,
  SeamHttpAcsSystems,
  SeamHttpAcsUsers,
  SeamHttpActionAttempts,
  SeamHttpClientSessions,
  SeamHttpConnectWebviews,
  SeamHttpConnectedAccounts,
  SeamHttpConnectedAccountsSimulate,
  SeamHttpCustomers,
  SeamHttpDevices,
  SeamHttpDevicesSimulate,
  SeamHttpDevicesUnmanaged,
  SeamHttpEvents,
  SeamHttpInstantKeys,
  SeamHttpLocks,
  SeamHttpLocksSimulate,
  SeamHttpNoiseSensors,
  SeamHttpNoiseSensorsNoiseThresholds,
  SeamHttpNoiseSensorsSimulate,
  SeamHttpPhones,
  SeamHttpPhonesSimulate,
  SeamHttpSpaces,
  SeamHttpThermostats,
  SeamHttpThermostatsDailyPrograms,
  SeamHttpThermostatsSchedules,
  SeamHttpThermostatsSimulate,
  SeamHttpUserIdentities,
  SeamHttpUserIdentitiesUnmanaged,
  SeamHttpWebhooks,
  SeamHttpWorkspaces,
} = namespaceClasses

// Token kinds by prefix, as @seamapi/http tells them apart.
export const isApiKey = (token) => tokenKind(token) === 'apiKey'
export const isClientSessionToken = (token) => tokenKind(token) === 'clientSessionToken'
export const isPublishableKey = (token) => tokenKind(token) === 'publishableKey'
export const isPersonalAccessToken = (token) => tokenKind(token) === 'personalAccessToken'
export const isConsoleSessionToken = (token) => tokenKind(token) === 'consoleSessionToken'

// @seamapi/http's guards over client options: true when the credential is there, throwing
// `SeamHttpInvalidOptionsError` when another one is too (or, scoped, the workspace is missing).
export const isSeamHttpOptionsWithApiKey = (options) => hasCredentialOption('apiKey', false, options)
export const isSeamHttpOptionsWithClientSessionToken = (options) => hasCredentialOption('clientSessionToken', false, options)
export const isSeamHttpOptionsWithConsoleSessionToken = (options) => hasCredentialOption('consoleSessionToken', true, options)
export const isSeamHttpOptionsWithPersonalAccessToken = (options) => hasCredentialOption('personalAccessToken', true, options)
export const isSeamHttpWithoutWorkspaceOptionsWithConsoleSessionToken = (options) =>
  hasCredentialOption('consoleSessionToken', false, options)
export const isSeamHttpWithoutWorkspaceOptionsWithPersonalAccessToken = (options) =>
  hasCredentialOption('personalAccessToken', false, options)
// `client` is @seamapi/http's axios client, which no client here takes; the guard still reads
// options as @seamapi/http's does.
export const isSeamHttpOptionsWithClient = (options) => {
  if (!('client' in options) || options.client == null) return false
  const others = Object.keys(options).filter((key) => key !== 'client')
  if (others.some((key) => key !== 'waitForActionAttempt')) {
    throw new SeamHttpInvalidOptionsError(
      `SeamHttp received invalid options: The client option cannot be used with any other option, but received: ${others.join(', ')}`,
    )
  }
  return true
}
export const isSeamHttpWithoutWorkspaceOptionsWithClient = isSeamHttpOptionsWithClient
export {
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
