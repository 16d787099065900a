// The public API as an application sees it: each `expectTypeOf` pins a type, each
// `@ts-expect-error` a call that must not compile. Checked by tsc, never run.

import type * as Http from '@seamapi/http'
import { expectTypeOf } from 'expect-type'
import {
  SeamHttpRequest,
  SeamPaginator,
  getOpenapiSchema,
  readResponseData,
  serializeUrlSearchParams,
  updateUrlSearchParams,
  UnserializableParamError,
  type AccessCode,
  type ActionAttempt,
  type AcsUser,
  type Device,
  type DevicesListParameters,
  type Event,
  isSeamHttpApiError,
  isSeamHttpInvalidInputError,
  isSeamHttpSignedOutError,
  isSeamHttpUnauthorizedError,
  type LocksUnlockDoorParameters,
  SeamClient,
  type SeamClientOptions,
  type SeamClientRouteDescription,
  type SeamClientRoutes,
  type SeamSessionChange,
  type SeamStorageAdapter,
  SeamHttpApiError,
  SeamHttpInvalidInputError,
  SeamHttpInvalidOptionsError,
  SeamHttpInvalidResponseError,
  SeamHttpInvalidTokenError,
  SeamHttpNetworkError,
  SeamHttpSignedOutError,
  SeamHttpUnauthorizedError,
  type ThermostatSchedule,
  type UnmanagedDevice,
} from 'seam-wasm'

const options: SeamClientOptions = { endpoint: '/seam', storage: 'sessionStorage' }

// ---- Making a client ----

expectTypeOf(SeamClient.fromPublishableKey('seam_pk1_x', 'user-1', options)).toEqualTypeOf<Promise<SeamClient>>()
expectTypeOf(SeamClient.fromClientSessionToken('seam_cst1_x', options)).toEqualTypeOf<SeamClient>()
expectTypeOf(SeamClient.fromStoredClientSessionToken(options)).toEqualTypeOf<SeamClient | null>()
expectTypeOf(SeamClient.fromStoredClientSessionToken({})).toEqualTypeOf<SeamClient | null>()
expectTypeOf<SeamClientOptions>().toEqualTypeOf<{
  endpoint?: string
  storage?: 'localStorage' | 'sessionStorage' | 'memory' | SeamStorageAdapter
  timeout?: number
  retries?: number
  waitForActionAttempt?: boolean | { timeout?: number; pollingInterval?: number }
  renewBefore?: number
  fetch?: (input: string, init: RequestInit) => Promise<Response>
}>()

// ---- The session's life ----

const idb = new Map<string, string>()
const asyncStorage: SeamStorageAdapter = {
  getItem: async (key) => idb.get(key) ?? null,
  setItem: async (key, value) => void idb.set(key, value),
  removeItem: async (key) => void idb.delete(key),
  subscribe: (listener) => {
    listener()
    return () => {}
  },
}
const syncStorage: SeamStorageAdapter = { getItem: (key) => idb.get(key) ?? null, setItem: () => {}, removeItem: () => {} }
expectTypeOf(SeamClient.fromPublishableKey('seam_pk1_x', 'user-1', { storage: asyncStorage, renewBefore: 0, fetch: (url, init) => fetch(url, init) })).toEqualTypeOf<
  Promise<SeamClient>
>()
expectTypeOf(SeamClient.fromStoredClientSessionToken({ storage: syncStorage })).toEqualTypeOf<SeamClient | null>()
declare const signedIn: SeamClient
const stop = signedIn.onSessionChange((change) => {
  expectTypeOf(change).toEqualTypeOf<SeamSessionChange>()
  expectTypeOf(change.type).toEqualTypeOf<'renewed' | 'replaced' | 'signedOut' | 'ended'>()
  expectTypeOf(change.expiresAt).toEqualTypeOf<string | null>()
})
expectTypeOf(stop).toEqualTypeOf<() => void>()
// @ts-expect-error: the listener gets a change, not a token
signedIn.onSessionChange((token: number) => token)

// @ts-expect-error storage is one of three
SeamClient.fromStoredClientSessionToken({ storage: 'indexedDB' })
// @ts-expect-error the user identifier key is required
SeamClient.fromPublishableKey('seam_pk1_x')
// @ts-expect-error a token is a string
SeamClient.fromClientSessionToken(42, options)
// Options are optional, as in @seamapi/http.
expectTypeOf(SeamClient.fromClientSessionToken('seam_cst1_x')).toEqualTypeOf<SeamClient>()
expectTypeOf(SeamClient.fromPublishableKey('seam_pk1_x', 'user-1')).toEqualTypeOf<Promise<SeamClient>>()
expectTypeOf(SeamClient.fromStoredClientSessionToken()).toEqualTypeOf<SeamClient | null>()

declare const client: SeamClient

expectTypeOf(client.clientSessionToken).toEqualTypeOf<string | null>()
// @ts-expect-error the token is changed with updateClientSessionToken only
client.clientSessionToken = 'seam_cst1_y'
expectTypeOf(client.updateClientSessionToken('seam_cst1_y')).toEqualTypeOf<Promise<void>>()
expectTypeOf(client.signOut()).toEqualTypeOf<void>()

// ---- Routes ----

async function lockAndList(): Promise<void> {
  const devices = await client.devices.list()
  expectTypeOf(devices).toEqualTypeOf<Device[]>()
  expectTypeOf(client.devices.list({ limit: 10, device_types: ['august_lock'] })).toEqualTypeOf<SeamHttpRequest<Device[]>>()
  expectTypeOf(client.devices.list).parameter(0).toEqualTypeOf<DevicesListParameters | undefined>()
  // @ts-expect-error not a device type
  await client.devices.list({ device_types: ['not_a_lock'] })
  // @ts-expect-error a misspelt parameter
  await client.devices.list({ limt: 10 })

  const device = devices[0]
  if (device === undefined) return
  expectTypeOf(device.device_id).toEqualTypeOf<string>()

  const attempt = await client.locks.unlockDoor({ device_id: device.device_id })
  expectTypeOf(attempt).toEqualTypeOf<ActionAttempt>()
  expectTypeOf(attempt.status).toEqualTypeOf<'pending' | 'success' | 'error'>()
  expectTypeOf(client.locks.unlockDoor).parameter(0).toEqualTypeOf<LocksUnlockDoorParameters>()
  // @ts-expect-error parameters are required
  await client.locks.unlockDoor()
  // @ts-expect-error device_id is required
  await client.locks.unlockDoor({})
  // @ts-expect-error device_id is a string
  await client.locks.unlockDoor({ device_id: 42 })

  // Nested namespaces.
  expectTypeOf(client.acs.users.list()).toEqualTypeOf<SeamHttpRequest<AcsUser[]>>()
  expectTypeOf(client.devices.unmanaged.get({ device_id: device.device_id })).toEqualTypeOf<SeamHttpRequest<UnmanagedDevice>>()
  const schedule = await client.thermostats.schedules.create({
    device_id: device.device_id,
    climate_preset_key: 'eco',
    starts_at: '2030-01-01T00:00:00Z',
    ends_at: '2030-01-02T00:00:00Z',
  })
  expectTypeOf(schedule).toEqualTypeOf<ThermostatSchedule>()
  // @ts-expect-error starts_at is required
  await client.thermostats.schedules.create({ device_id: 'd', climate_preset_key: 'eco', ends_at: '2030-01-02T00:00:00Z' })

  // Routes that answer only `ok` resolve to nothing.
  expectTypeOf(client.accessCodes.delete({ access_code_id: 'a' })).toEqualTypeOf<SeamHttpRequest<void>>()
  expectTypeOf(client.accessCodes.list({ device_id: device.device_id })).toEqualTypeOf<SeamHttpRequest<AccessCode[]>>()
  expectTypeOf(client.events.list({ device_id: device.device_id })).toEqualTypeOf<SeamHttpRequest<Event[]>>()

  // ---- client.request: any route by its path ----

  expectTypeOf(client.request('/devices/list', { limit: 5 })).toEqualTypeOf<SeamHttpRequest<Device[]>>()
  expectTypeOf(client.request('/locks/unlock_door', { device_id: 'd' })).toEqualTypeOf<SeamHttpRequest<ActionAttempt>>()
  expectTypeOf(client.request('/access_codes/delete', { access_code_id: 'a' })).toEqualTypeOf<SeamHttpRequest<void>>()
  expectTypeOf(client.request).parameter(0).toEqualTypeOf<keyof SeamClientRoutes>()
  // The path table and the namespaces agree.
  expectTypeOf<SeamClientRoutes['/locks/unlock_door']['parameters']>().toEqualTypeOf<LocksUnlockDoorParameters>()
  // @ts-expect-error not a route
  await client.request('/devices/lsit')
  // @ts-expect-error parameters of another route
  await client.request('/locks/unlock_door', { limit: 5 })
  // @ts-expect-error a route with required parameters needs them
  await client.request('/locks/unlock_door')
  // One with none required does not.
  expectTypeOf(client.request('/devices/list')).toEqualTypeOf<SeamHttpRequest<Device[]>>()
}
void lockAndList

// ---- lazy requests, action attempts, pagination, options ----
async function lazyAndPaged(): Promise<void> {
  const request = client.devices.list({ limit: 2 })
  expectTypeOf(request.url).toEqualTypeOf<URL>()
  expectTypeOf(request.hasPagination).toEqualTypeOf<boolean>()
  expectTypeOf(request.execute()).toEqualTypeOf<Promise<Device[]>>()
  expectTypeOf(await request).toEqualTypeOf<Device[]>()
  const pages = client.createPaginator(request)
  expectTypeOf(pages).toEqualTypeOf<SeamPaginator<Device>>()
  expectTypeOf(await pages.flattenToArray()).toEqualTypeOf<Device[]>()
  const [first, pagination] = await pages.firstPage()
  expectTypeOf(first).toEqualTypeOf<Device[]>()
  expectTypeOf(pagination.nextPageCursor).toEqualTypeOf<string | null>()
  for await (const page of pages) expectTypeOf(page).toEqualTypeOf<Device[]>()
  for await (const device of pages.flatten()) expectTypeOf(device).toEqualTypeOf<Device>()
  expectTypeOf(new SeamPaginator(request)).toEqualTypeOf<SeamPaginator<Device>>()
  expectTypeOf(request.withPageCursor(pagination.nextPageCursor ?? undefined)).toEqualTypeOf<SeamHttpRequest<Device[]>>()
  await pages.nextPage(pagination.nextPageCursor)
  // @ts-expect-error only a list can be paginated
  client.createPaginator(client.devices.get({ device_id: 'd' }))
  // @ts-expect-error only a list can be paginated
  new SeamPaginator(client.devices.get({ device_id: 'd' }))
  await client.locks.unlockDoor({ device_id: 'd' }, { waitForActionAttempt: { timeout: 5000, pollingInterval: 250 } })
  await client.locks.unlockDoor({ device_id: 'd' }, { waitForActionAttempt: false })
  // @ts-expect-error an unknown request option
  await client.locks.unlockDoor({ device_id: 'd' }, { retries: 3 })
  SeamClient.fromClientSessionToken('seam_cst1_x', { timeout: 5000, retries: 0, waitForActionAttempt: false })
  // @ts-expect-error timeout is a number of milliseconds
  SeamClient.fromClientSessionToken('seam_cst1_x', { timeout: '5s' })
}
void lazyAndPaged

// ---- describeRoute ----

const route = SeamClient.describeRoute('/locks/unlock_door')
expectTypeOf(route).toEqualTypeOf<SeamClientRouteDescription | null>()
if (route !== null) {
  expectTypeOf(route.method).toEqualTypeOf<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'>()
  expectTypeOf(route.responseKey).toEqualTypeOf<string | null>()
  expectTypeOf(route.requiredParameters).toEqualTypeOf<string[]>()
  expectTypeOf(route.isActionAttempt).toEqualTypeOf<boolean>()
  expectTypeOf(route.allowsClientSession).toEqualTypeOf<boolean>()
}

// ---- Errors ----

function handle(error: unknown): void {
  if (isSeamHttpApiError(error)) {
    expectTypeOf(error).toEqualTypeOf<SeamHttpApiError>()
    expectTypeOf(error.code).toEqualTypeOf<string>()
    expectTypeOf(error.statusCode).toEqualTypeOf<number>()
    expectTypeOf(error.requestId).toEqualTypeOf<string>()
    expectTypeOf(error.data).toEqualTypeOf<unknown>()
  }
  if (isSeamHttpInvalidInputError(error)) {
    expectTypeOf(error).toEqualTypeOf<SeamHttpInvalidInputError>()
    expectTypeOf(error.getValidationErrorMessages('device_id')).toEqualTypeOf<string[]>()
    expectTypeOf(error.validationErrors).toEqualTypeOf<Array<{ parameterName: string; errorMessages: string[] }>>()
  }
  if (isSeamHttpUnauthorizedError(error)) expectTypeOf(error).toEqualTypeOf<SeamHttpUnauthorizedError>()
  if (isSeamHttpSignedOutError(error)) expectTypeOf(error).toEqualTypeOf<SeamHttpSignedOutError>()
  if (error instanceof SeamHttpInvalidResponseError) {
    expectTypeOf(error.path).toEqualTypeOf<string>()
    expectTypeOf(error.responseKey).toEqualTypeOf<string | undefined>()
    expectTypeOf(error.statusCode).toEqualTypeOf<number | undefined>()
  }
}
void handle

expectTypeOf<SeamHttpUnauthorizedError>().toExtend<SeamHttpApiError>()
expectTypeOf<SeamHttpInvalidInputError>().toExtend<SeamHttpApiError>()
for (const E of [
  SeamHttpApiError,
  SeamHttpInvalidTokenError,
  SeamHttpInvalidOptionsError,
  SeamHttpInvalidResponseError,
  SeamHttpNetworkError,
  SeamHttpSignedOutError,
]) {
  expectTypeOf(E).instance.toExtend<Error>()
}
// What code written for @seamapi/http reads from an API error is there, with the same types
// (here read-only).
type Read<T, K extends keyof T> = { -readonly [P in K]: T[P] }
type ApiErrorFields = 'code' | 'statusCode' | 'data' | 'message'
expectTypeOf<Read<SeamHttpApiError, ApiErrorFields>>().toEqualTypeOf<Read<Http.SeamHttpApiError, ApiErrorFields>>()
expectTypeOf<SeamHttpInvalidInputError['getValidationErrorMessages']>().toEqualTypeOf<
  Http.SeamHttpInvalidInputError['getValidationErrorMessages']
>()

// ---- The functions @seamapi/http exports beside its client ----

expectTypeOf(serializeUrlSearchParams({ device_ids: ['a'], limit: 2 })).toEqualTypeOf<string>()
expectTypeOf(updateUrlSearchParams(new URLSearchParams(), { limit: 2 })).toEqualTypeOf<void>()
// @ts-expect-error parameters are an object
serializeUrlSearchParams('limit=2')
expectTypeOf(new UnserializableParamError('limit', 'is NaN')).toExtend<Error>()
expectTypeOf(readResponseData({ devices: [1], ok: true }, 'devices', '/devices/list')).toEqualTypeOf<number[]>()
// @ts-expect-error the key is one of the response's
readResponseData({ devices: [1] }, 'device', '/devices/get')
expectTypeOf(getOpenapiSchema()).toEqualTypeOf<Promise<unknown>>()
expectTypeOf(getOpenapiSchema('https://connect.getseam.com')).toEqualTypeOf<Promise<unknown>>()
expectTypeOf<Parameters<typeof serializeUrlSearchParams>>().toEqualTypeOf<Parameters<typeof Http.serializeUrlSearchParams>>()
expectTypeOf<typeof readResponseData>().toEqualTypeOf<typeof Http.readResponseData>()
