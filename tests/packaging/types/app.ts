// An application's use of the package, compiled by tests/types/packed.mjs against the installed
// tarball under every compiler setting it checks, and again with its import rewritten to
// 'seam-wasm/connect'. Never run. The `@ts-expect-error` lines fail if the package's types turn
// to `any`; the exact types are pinned by tests/types/usage.test-d.ts.

import {
  type AccessCode,
  type ActionAttempt,
  type Device,
  type DevicesListParameters,
  type Event,
  isSeamActionAttemptFailedError,
  isSeamHttpApiError,
  isSeamHttpInvalidInputError,
  isSeamHttpNetworkError,
  isSeamHttpSignedOutError,
  isSeamHttpTimeoutError,
  isSeamHttpUnauthorizedError,
  type LocksUnlockDoorParameters,
  SeamActionAttemptError,
  SeamActionAttemptTimeoutError,
  SeamClient,
  type SeamClientOptions,
  type SeamClientRequestOptions,
  type SeamClientRouteDescription,
  type SeamClientRoutes,
  type SeamClientWaitForActionAttempt,
  SeamHttpApiError,
  SeamHttpInvalidOptionsError,
  SeamHttpInvalidResponseError,
  SeamHttpInvalidTokenError,
  SeamHttpRequest,
  type SeamPagination,
  type SeamPaginator,
  type UnmanagedDevice,
  SeamHttp,
  SeamHttpEndpoints,
  SeamHttpWithoutWorkspace,
  SeamHttpMultiWorkspace,
  SeamHttpEndpointsWithoutWorkspace,
  SeamHttpDevices,
  SeamHttpAcsUsers,
  type SeamClientConstructorOptions,
  isApiKey,
  isSeamHttpOptionsWithPersonalAccessToken,
} from 'seam-wasm'

const wait: SeamClientWaitForActionAttempt = { timeout: 5000, pollingInterval: 250 }
const options: SeamClientOptions = { endpoint: '/seam', storage: 'sessionStorage', timeout: 10_000, retries: 1, waitForActionAttempt: wait }

export async function signIn(publishableKey: string, user: string): Promise<SeamClient> {
  const stored: SeamClient | null =
    SeamClient.fromStoredClientSessionToken(options) ?? SeamClient.fromStoredPublishableKeySession(publishableKey, options)
  if (stored !== null) return stored
  return SeamClient.fromPublishableKey(publishableKey, user, options)
}

export async function withToken(token: string): Promise<string | null> {
  const client = SeamClient.fromClientSessionToken(token)
  await client.updateClientSessionToken(token)
  const current: string | null = client.clientSessionToken
  client.signOut()
  client.free()
  return current
}

export function onServer(apiKey: string): SeamClient {
  return SeamClient.fromApiKey(apiKey, { endpoint: 'https://connect.getseam.com' })
}

export async function unlockFirst(client: SeamClient, filter: DevicesListParameters = { limit: 10 }): Promise<ActionAttempt | null> {
  const devices: Device[] = await client.devices.list(filter)
  const device = devices[0]
  if (device === undefined) return null
  const parameters: LocksUnlockDoorParameters = { device_id: device.device_id }
  const perCall: SeamClientRequestOptions = { waitForActionAttempt: false }
  const attempt = await client.locks.unlockDoor(parameters, perCall)
  const status: 'pending' | 'success' | 'error' = attempt.status
  void status
  // @ts-expect-error device_id is required: the route's parameters are typed, not `any`
  void client.locks.unlockDoor({})
  return attempt
}

export async function routes(client: SeamClient): Promise<void> {
  const codes: AccessCode[] = await client.accessCodes.list({ device_id: 'd' })
  const deleted: void = await client.accessCodes.delete({ access_code_id: codes[0]?.access_code_id ?? 'a' })
  void deleted
  const unmanaged: UnmanagedDevice = await client.devices.unmanaged.get({ device_id: 'd' })
  const events: Event[] = await client.events.list({ device_id: unmanaged.device_id })
  const byPath: Device[] = await client.request('/devices/list', { limit: 5 })
  const unlocked: ActionAttempt = await client.request('/locks/unlock_door', { device_id: 'd' })
  const result: SeamClientRoutes['/devices/get']['result'] = await client.devices.get({ device_id: 'd' })
  // @ts-expect-error not a route
  void client.request('/devices/lsit')
  void [events, byPath, unlocked, result]
}

export async function lazy(client: SeamClient): Promise<unknown> {
  const request: SeamHttpRequest<Device[]> = client.devices.list({ limit: 2 })
  const url: URL = request.url
  const method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' = request.method
  const paged: boolean = request.hasPagination
  void [url, method, paged, request.pathname, request.params, request.body, request.responseKey]
  const viaThen: number = await request.then((devices) => devices.length)
  const viaCatch: Device[] | null = await client.devices.list().catch(() => null)
  const viaFinally: Device[] = await client.devices.list().finally(() => undefined)
  const executed: Device[] = await client.devices.list().execute()
  void [viaThen, viaCatch, viaFinally, executed]
  return client.devices.list().fetchResponse()
}

export async function pages(client: SeamClient): Promise<Device[]> {
  const paginator: SeamPaginator<Device> = client.createPaginator(client.devices.list({ limit: 100 }))
  const [first, pagination]: [Device[], SeamPagination] = await paginator.firstPage()
  const cursor: string | null = pagination.nextPageCursor
  if (pagination.hasNextPage && cursor !== null) await paginator.nextPage(cursor)
  for await (const page of paginator) first.push(...page)
  for await (const device of paginator.flatten()) first.push(device)
  const all: Device[] = await paginator.flattenToArray()
  return all
}

export function describe(path: keyof SeamClientRoutes): string[] {
  const route: SeamClientRouteDescription | null = SeamClient.describeRoute(path)
  return route === null ? [] : [route.method, ...route.requiredParameters, ...route.atLeastOneParameters]
}

export function explain(error: unknown): string {
  if (isSeamHttpInvalidInputError(error)) return error.getValidationErrorMessages('device_id').join(', ')
  if (isSeamHttpUnauthorizedError(error)) return `sign in again (${error.code})`
  if (isSeamHttpApiError(error)) {
    const fields: [string, number, string, unknown] = [error.code, error.statusCode, error.requestId, error.data]
    return fields.join(' ')
  }
  if (isSeamHttpTimeoutError(error) || isSeamHttpNetworkError(error)) return 'offline'
  if (isSeamHttpSignedOutError(error)) return 'signed out'
  if (isSeamActionAttemptFailedError(error)) return `${error.code}: ${error.actionAttempt.action_attempt_id}`
  if (error instanceof SeamActionAttemptTimeoutError) return 'still pending'
  if (error instanceof SeamActionAttemptError) return error.actionAttempt.status
  if (error instanceof SeamHttpInvalidResponseError) return `${error.statusCode} ${error.requestId ?? ''}`
  if (error instanceof SeamHttpInvalidTokenError || error instanceof SeamHttpInvalidOptionsError) return error.message
  return error instanceof SeamHttpApiError ? error.message : String(error)
}

// Code written for @seamapi/http: the constructor, its factories and its other classes.
export async function asSeamHttp(key: string, workspaceId: string): Promise<number> {
  const fromOptions: SeamClientConstructorOptions = { personalAccessToken: key, workspaceId, timeout: 5000 }
  const seam: SeamHttp = new SeamHttp(isApiKey(key) ? key : fromOptions)
  const same: SeamClient = seam
  const console = SeamHttp.fromConsoleSessionToken('ey…', workspaceId)
  const personal = SeamHttp.fromPersonalAccessToken(key, workspaceId, { endpoint: 'https://connect.getseam.com' })
  void [same, console, personal, isSeamHttpOptionsWithPersonalAccessToken(fromOptions)]
  const endpoints: SeamHttpEndpoints = SeamHttpEndpoints.fromApiKey(key)
  const listed: Device[] = await endpoints['/devices/list']({ limit: 2 })
  // @ts-expect-error not a route
  void endpoints['/devices/lsit']
  const devices: SeamHttpDevices = new SeamHttpDevices(key)
  const one: Device = await devices.get({ device_id: 'd' })
  const users = await SeamHttpAcsUsers.fromPublishableKey('seam_pk1_x', 'user', { storage: 'memory' })
  void users.list()
  const withoutWorkspace: SeamHttpWithoutWorkspace = SeamHttpMultiWorkspace.fromPersonalAccessToken(key)
  const workspaces = await withoutWorkspace.workspaces.list()
  void SeamHttpWithoutWorkspace.fromConsoleSessionToken('ey…').workspaces.create
  void SeamHttpEndpointsWithoutWorkspace.fromPersonalAccessToken(key)['/workspaces/list']()
  return listed.length + workspaces.length + one.device_id.length
}
