export {
  SeamClient,
  SeamHttpRequest,
  SeamPaginator,
  getOpenapiSchema,
  serializeUrlSearchParams,
  updateUrlSearchParams,
  type Params,
  type SeamClientConstructorOptions,
  type SeamClientOptions,
  type SeamClientRequestOptions,
  type SeamClientRouteDescription,
  type SeamClientWaitForActionAttempt,
  type SeamPagination,
  type SeamSessionChange,
  type SeamStorageAdapter,
} from './seam_wasm.js'
export * from './types.js'
export * from './errors.js'

import type { SeamClient, SeamClientConstructorOptions, SeamClientOptions, SeamClientRequestOptions, SeamHttpRequest } from './seam_wasm.js'
import type { SeamClientRoutes, SeamClientAccessCodes, SeamClientAccessCodesSimulate, SeamClientAccessCodesUnmanaged, SeamClientAccessGrants, SeamClientAccessGrantsUnmanaged, SeamClientAccessMethods, SeamClientAccessMethodsUnmanaged, SeamClientAcs, SeamClientAcsAccessGroups, SeamClientAcsCredentials, SeamClientAcsEncoders, SeamClientAcsEncodersSimulate, SeamClientAcsEntrances, SeamClientAcsSystems, SeamClientAcsUsers, SeamClientActionAttempts, SeamClientClientSessions, SeamClientConnectWebviews, SeamClientConnectedAccounts, SeamClientConnectedAccountsSimulate, SeamClientCustomers, SeamClientDevices, SeamClientDevicesSimulate, SeamClientDevicesUnmanaged, SeamClientEvents, SeamClientInstantKeys, SeamClientLocks, SeamClientLocksSimulate, SeamClientNoiseSensors, SeamClientNoiseSensorsNoiseThresholds, SeamClientNoiseSensorsSimulate, SeamClientPhones, SeamClientPhonesSimulate, SeamClientSpaces, SeamClientThermostats, SeamClientThermostatsDailyPrograms, SeamClientThermostatsSchedules, SeamClientThermostatsSimulate, SeamClientUserIdentities, SeamClientUserIdentitiesUnmanaged, SeamClientWebhooks, SeamClientWorkspaces } from './types.js'

/** `SeamHttp` is the client: code written for @seamapi/http changes only its import. */
export { SeamClient as SeamHttp } from './seam_wasm.js'

/** The constructor and factories of @seamapi/http's client classes, as `SeamClient`'s. */
export interface SeamHttpClass<Instance> {
  new (apiKeyOrOptions?: string | SeamClientConstructorOptions): Instance
  fromApiKey(apiKey: string, options?: SeamClientOptions): Instance
  fromClientSessionToken(clientSessionToken: string, options?: SeamClientOptions): Instance
  fromPublishableKey(publishableKey: string, userIdentifierKey: string, options?: SeamClientOptions): Promise<Instance>
  fromConsoleSessionToken(consoleSessionToken: string, workspaceId: string, options?: SeamClientOptions): Instance
  fromPersonalAccessToken(personalAccessToken: string, workspaceId: string, options?: SeamClientOptions): Instance
}

/** The constructor and factories of the classes for tokens without a workspace. */
export interface SeamHttpWithoutWorkspaceClass<Instance> {
  new (options?: SeamClientConstructorOptions): Instance
  fromConsoleSessionToken(consoleSessionToken: string, options?: SeamClientOptions): Instance
  fromPersonalAccessToken(personalAccessToken: string, options?: SeamClientOptions): Instance
}

/** What every client class has beside its routes. */
export interface SeamHttpSessionMethods {
  createPaginator: SeamClient['createPaginator']
  updateClientSessionToken(clientSessionToken: string): Promise<void>
}

/** One route, called by its path. */
export type SeamHttpEndpoint<Path extends keyof SeamClientRoutes> = (
  ...rest: SeamClientRoutes[Path]['parametersOptional'] extends true
    ? [parameters?: SeamClientRoutes[Path]['parameters'], options?: SeamClientRequestOptions]
    : [parameters: SeamClientRoutes[Path]['parameters'], options?: SeamClientRequestOptions]
) => SeamHttpRequest<SeamClientRoutes[Path]['result']>

/** Every route under its path: `endpoints['/devices/list'](parameters, options)`. */
export type SeamHttpEndpoints = { readonly [Path in keyof SeamClientRoutes]: SeamHttpEndpoint<Path> } & SeamHttpSessionMethods
export declare const SeamHttpEndpoints: SeamHttpClass<SeamHttpEndpoints>

/** A client for a console session or a personal access token not scoped to a workspace. */
export interface SeamHttpWithoutWorkspace {
  readonly workspaces: Pick<SeamClientWorkspaces, 'create' | 'list'>
}
export declare const SeamHttpWithoutWorkspace: SeamHttpWithoutWorkspaceClass<SeamHttpWithoutWorkspace>
export type SeamHttpMultiWorkspace = SeamHttpWithoutWorkspace
export declare const SeamHttpMultiWorkspace: SeamHttpWithoutWorkspaceClass<SeamHttpWithoutWorkspace>

export type SeamHttpEndpointsWithoutWorkspace = {
  readonly [Path in '/workspaces/create' | '/workspaces/list']: SeamHttpEndpoint<Path>
}
export declare const SeamHttpEndpointsWithoutWorkspace: SeamHttpWithoutWorkspaceClass<SeamHttpEndpointsWithoutWorkspace>

/** The routes of one namespace, with their sub-namespaces, as @seamapi/http's classes. */
export type SeamHttpAccessCodes = SeamClientAccessCodes & SeamHttpSessionMethods
export declare const SeamHttpAccessCodes: SeamHttpClass<SeamHttpAccessCodes>
export type SeamHttpAccessCodesSimulate = SeamClientAccessCodesSimulate & SeamHttpSessionMethods
export declare const SeamHttpAccessCodesSimulate: SeamHttpClass<SeamHttpAccessCodesSimulate>
export type SeamHttpAccessCodesUnmanaged = SeamClientAccessCodesUnmanaged & SeamHttpSessionMethods
export declare const SeamHttpAccessCodesUnmanaged: SeamHttpClass<SeamHttpAccessCodesUnmanaged>
export type SeamHttpAccessGrants = SeamClientAccessGrants & SeamHttpSessionMethods
export declare const SeamHttpAccessGrants: SeamHttpClass<SeamHttpAccessGrants>
export type SeamHttpAccessGrantsUnmanaged = SeamClientAccessGrantsUnmanaged & SeamHttpSessionMethods
export declare const SeamHttpAccessGrantsUnmanaged: SeamHttpClass<SeamHttpAccessGrantsUnmanaged>
export type SeamHttpAccessMethods = SeamClientAccessMethods & SeamHttpSessionMethods
export declare const SeamHttpAccessMethods: SeamHttpClass<SeamHttpAccessMethods>
export type SeamHttpAccessMethodsUnmanaged = SeamClientAccessMethodsUnmanaged & SeamHttpSessionMethods
export declare const SeamHttpAccessMethodsUnmanaged: SeamHttpClass<SeamHttpAccessMethodsUnmanaged>
export type SeamHttpAcs = SeamClientAcs & SeamHttpSessionMethods
export declare const SeamHttpAcs: SeamHttpClass<SeamHttpAcs>
export type SeamHttpAcsAccessGroups = SeamClientAcsAccessGroups & SeamHttpSessionMethods
export declare const SeamHttpAcsAccessGroups: SeamHttpClass<SeamHttpAcsAccessGroups>
export type SeamHttpAcsCredentials = SeamClientAcsCredentials & SeamHttpSessionMethods
export declare const SeamHttpAcsCredentials: SeamHttpClass<SeamHttpAcsCredentials>
export type SeamHttpAcsEncoders = SeamClientAcsEncoders & SeamHttpSessionMethods
export declare const SeamHttpAcsEncoders: SeamHttpClass<SeamHttpAcsEncoders>
export type SeamHttpAcsEncodersSimulate = SeamClientAcsEncodersSimulate & SeamHttpSessionMethods
export declare const SeamHttpAcsEncodersSimulate: SeamHttpClass<SeamHttpAcsEncodersSimulate>
export type SeamHttpAcsEntrances = SeamClientAcsEntrances & SeamHttpSessionMethods
export declare const SeamHttpAcsEntrances: SeamHttpClass<SeamHttpAcsEntrances>
export type SeamHttpAcsSystems = SeamClientAcsSystems & SeamHttpSessionMethods
export declare const SeamHttpAcsSystems: SeamHttpClass<SeamHttpAcsSystems>
export type SeamHttpAcsUsers = SeamClientAcsUsers & SeamHttpSessionMethods
export declare const SeamHttpAcsUsers: SeamHttpClass<SeamHttpAcsUsers>
export type SeamHttpActionAttempts = SeamClientActionAttempts & SeamHttpSessionMethods
export declare const SeamHttpActionAttempts: SeamHttpClass<SeamHttpActionAttempts>
export type SeamHttpClientSessions = SeamClientClientSessions & SeamHttpSessionMethods
export declare const SeamHttpClientSessions: SeamHttpClass<SeamHttpClientSessions>
export type SeamHttpConnectWebviews = SeamClientConnectWebviews & SeamHttpSessionMethods
export declare const SeamHttpConnectWebviews: SeamHttpClass<SeamHttpConnectWebviews>
export type SeamHttpConnectedAccounts = SeamClientConnectedAccounts & SeamHttpSessionMethods
export declare const SeamHttpConnectedAccounts: SeamHttpClass<SeamHttpConnectedAccounts>
export type SeamHttpConnectedAccountsSimulate = SeamClientConnectedAccountsSimulate & SeamHttpSessionMethods
export declare const SeamHttpConnectedAccountsSimulate: SeamHttpClass<SeamHttpConnectedAccountsSimulate>
export type SeamHttpCustomers = SeamClientCustomers & SeamHttpSessionMethods
export declare const SeamHttpCustomers: SeamHttpClass<SeamHttpCustomers>
export type SeamHttpDevices = SeamClientDevices & SeamHttpSessionMethods
export declare const SeamHttpDevices: SeamHttpClass<SeamHttpDevices>
export type SeamHttpDevicesSimulate = SeamClientDevicesSimulate & SeamHttpSessionMethods
export declare const SeamHttpDevicesSimulate: SeamHttpClass<SeamHttpDevicesSimulate>
export type SeamHttpDevicesUnmanaged = SeamClientDevicesUnmanaged & SeamHttpSessionMethods
export declare const SeamHttpDevicesUnmanaged: SeamHttpClass<SeamHttpDevicesUnmanaged>
export type SeamHttpEvents = SeamClientEvents & SeamHttpSessionMethods
export declare const SeamHttpEvents: SeamHttpClass<SeamHttpEvents>
export type SeamHttpInstantKeys = SeamClientInstantKeys & SeamHttpSessionMethods
export declare const SeamHttpInstantKeys: SeamHttpClass<SeamHttpInstantKeys>
export type SeamHttpLocks = SeamClientLocks & SeamHttpSessionMethods
export declare const SeamHttpLocks: SeamHttpClass<SeamHttpLocks>
export type SeamHttpLocksSimulate = SeamClientLocksSimulate & SeamHttpSessionMethods
export declare const SeamHttpLocksSimulate: SeamHttpClass<SeamHttpLocksSimulate>
export type SeamHttpNoiseSensors = SeamClientNoiseSensors & SeamHttpSessionMethods
export declare const SeamHttpNoiseSensors: SeamHttpClass<SeamHttpNoiseSensors>
export type SeamHttpNoiseSensorsNoiseThresholds = SeamClientNoiseSensorsNoiseThresholds & SeamHttpSessionMethods
export declare const SeamHttpNoiseSensorsNoiseThresholds: SeamHttpClass<SeamHttpNoiseSensorsNoiseThresholds>
export type SeamHttpNoiseSensorsSimulate = SeamClientNoiseSensorsSimulate & SeamHttpSessionMethods
export declare const SeamHttpNoiseSensorsSimulate: SeamHttpClass<SeamHttpNoiseSensorsSimulate>
export type SeamHttpPhones = SeamClientPhones & SeamHttpSessionMethods
export declare const SeamHttpPhones: SeamHttpClass<SeamHttpPhones>
export type SeamHttpPhonesSimulate = SeamClientPhonesSimulate & SeamHttpSessionMethods
export declare const SeamHttpPhonesSimulate: SeamHttpClass<SeamHttpPhonesSimulate>
export type SeamHttpSpaces = SeamClientSpaces & SeamHttpSessionMethods
export declare const SeamHttpSpaces: SeamHttpClass<SeamHttpSpaces>
export type SeamHttpThermostats = SeamClientThermostats & SeamHttpSessionMethods
export declare const SeamHttpThermostats: SeamHttpClass<SeamHttpThermostats>
export type SeamHttpThermostatsDailyPrograms = SeamClientThermostatsDailyPrograms & SeamHttpSessionMethods
export declare const SeamHttpThermostatsDailyPrograms: SeamHttpClass<SeamHttpThermostatsDailyPrograms>
export type SeamHttpThermostatsSchedules = SeamClientThermostatsSchedules & SeamHttpSessionMethods
export declare const SeamHttpThermostatsSchedules: SeamHttpClass<SeamHttpThermostatsSchedules>
export type SeamHttpThermostatsSimulate = SeamClientThermostatsSimulate & SeamHttpSessionMethods
export declare const SeamHttpThermostatsSimulate: SeamHttpClass<SeamHttpThermostatsSimulate>
export type SeamHttpUserIdentities = SeamClientUserIdentities & SeamHttpSessionMethods
export declare const SeamHttpUserIdentities: SeamHttpClass<SeamHttpUserIdentities>
export type SeamHttpUserIdentitiesUnmanaged = SeamClientUserIdentitiesUnmanaged & SeamHttpSessionMethods
export declare const SeamHttpUserIdentitiesUnmanaged: SeamHttpClass<SeamHttpUserIdentitiesUnmanaged>
export type SeamHttpWebhooks = SeamClientWebhooks & SeamHttpSessionMethods
export declare const SeamHttpWebhooks: SeamHttpClass<SeamHttpWebhooks>
export type SeamHttpWorkspaces = SeamClientWorkspaces & SeamHttpSessionMethods
export declare const SeamHttpWorkspaces: SeamHttpClass<SeamHttpWorkspaces>

/** The kind of a token by its prefix. */
export declare function isApiKey(token: string): boolean
export declare function isClientSessionToken(token: string): boolean
export declare function isPublishableKey(token: string): boolean
export declare function isPersonalAccessToken(token: string): boolean
export declare function isConsoleSessionToken(token: string): boolean

/**
 * Whether client options hold this credential; throws `SeamHttpInvalidOptionsError` when they
 * hold another one too (and, for the workspace-scoped ones, when `workspaceId` is missing).
 */
export declare function isSeamHttpOptionsWithApiKey(options: object): boolean
export declare function isSeamHttpOptionsWithClientSessionToken(options: object): boolean
export declare function isSeamHttpOptionsWithConsoleSessionToken(options: object): boolean
export declare function isSeamHttpOptionsWithPersonalAccessToken(options: object): boolean
export declare function isSeamHttpWithoutWorkspaceOptionsWithConsoleSessionToken(options: object): boolean
export declare function isSeamHttpWithoutWorkspaceOptionsWithPersonalAccessToken(options: object): boolean
/** Whether options hold @seamapi/http's `client` (an axios instance, which this SDK does not take). */
export declare function isSeamHttpOptionsWithClient(options: object): boolean
export declare function isSeamHttpWithoutWorkspaceOptionsWithClient(options: object): boolean
