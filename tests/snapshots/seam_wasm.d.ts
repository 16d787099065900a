/* tslint:disable */
/* eslint-disable */

import type { SeamClientRoutes } from './types.js'

/** Options of `SeamClient.fromPublishableKey` and `SeamClient.fromClientSessionToken`. */
export interface SeamClientOptions {
    /** The Seam API base URL; a path starting with `/` is relative to the page. Default `https://connect.getseam.com`. */
    endpoint?: string
    /** Where the client session is kept between page loads: a name, or your own adapter. Default `'localStorage'`. */
    storage?: 'localStorage' | 'sessionStorage' | 'memory' | SeamStorageAdapter
    /** Milliseconds each attempt may take; 0 for no limit. Default 30000. */
    timeout?: number
    /** Times a failed GET, PUT or DELETE is sent again (network error, 429, 5xx); 0 to 10. Default 2. POST and PATCH are never sent again. */
    retries?: number
    /** Whether calls that start an action attempt wait for its outcome. Default `true`. */
    waitForActionAttempt?: SeamClientWaitForActionAttempt
    /**
     * For a session from `fromPublishableKey`: milliseconds before its end at which a call first
     * renews it (one renewal shared by all calls), so that no call goes out with a session known
     * to be ending. 0 renews only once the API refuses it. Default 300000 (5 minutes).
     */
    renewBefore?: number
    /** The `fetch` used for every request of the client, sign-in and renewals included. Default: the global `fetch` at the time of each request. */
    fetch?: (input: string, init: RequestInit) => Promise<Response>
}

/**
 * Your own storage for the session (a WebView bridge, an encrypted store, IndexedDB): each method
 * may answer at once or with a promise. Values are the documented JSON text. If a method throws
 * or rejects, or `getItem` has not answered within 5 s, the client keeps the session in memory
 * for the page, with one warning.
 */
export interface SeamStorageAdapter {
    getItem(key: string): string | null | Promise<string | null>
    setItem(key: string, value: string): void | Promise<void>
    removeItem(key: string): void | Promise<void>
    /**
     * Tells the client of changes made elsewhere: calls `listener` after one (the client then reads
     * its key again; a report of its own last write is ignored); returns what stops it.
     */
    subscribe?(listener: (key?: string) => void): () => void
}

/** What an `onSessionChange` listener gets. Never the token. */
export interface SeamSessionChange {
    /**
     * `'renewed'`: this client renewed the session. `'replaced'`: another tab, the storage
     * adapter or `updateClientSessionToken` put another in. `'signedOut'`: here or in another tab.
     * `'ended'`: found dead, and this client cannot renew it (a client session token, a stored
     * session resumed without its user identifier key, or the API handed back a dead one).
     */
    type: 'renewed' | 'replaced' | 'signedOut' | 'ended'
    /** The session's `expires_at`, as the API gave it; `null` when signed out or unknown. */
    expiresAt: string | null
    clientSessionId: string | null
}

/**
 * What `new SeamClient(apiKeyOrOptions)` takes: the options and one credential. With none, in
 * Node, Deno and Bun, `SEAM_API_KEY` (or `SEAM_PERSONAL_ACCESS_TOKEN` with `SEAM_WORKSPACE_ID`).
 */
export interface SeamClientConstructorOptions extends SeamClientOptions {
    /** A workspace's API key: servers only. */
    apiKey?: string
    clientSessionToken?: string
    /** A Seam Console user's session (a JWT), with `workspaceId`. */
    consoleSessionToken?: string
    /** A personal access token, with `workspaceId`: servers only. */
    personalAccessToken?: string
    /** The workspace a console session or a personal access token acts in (`seam-workspace`). */
    workspaceId?: string
}

/** How a call that starts an action attempt waits for it: `false` not at all, `true` with the defaults. */
export type SeamClientWaitForActionAttempt =
| boolean
| {
    /** Milliseconds to wait in all, 0 or more. Default 10000. */
    timeout?: number
    /** Milliseconds between polls, above 0. Default 1000. */
    pollingInterval?: number
}

/** Options of one call (the second argument of every route method). */
export interface SeamClientRequestOptions {
    /** Overrides the client's option for this call. */
    waitForActionAttempt?: SeamClientWaitForActionAttempt
}

/**
 * A call to one route, returned by every route method: nothing is sent until it is awaited
 * (or `execute()`d), and it is sent at most once.
 */
export declare class SeamHttpRequest<Result = unknown> implements PromiseLike<Result> {
    private constructor()
    /**
     * The full URL, query string included. Throws when the endpoint is a path and there is no page
     * to resolve it against, or when the parameters cannot be sent.
     */
    readonly url: URL
    readonly pathname: string
    readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
    /** The parameters as given, for GET and DELETE routes (which send them in the query). */
    readonly params: unknown
    /** The parameters as given, for routes that send them as a JSON body; `undefined` for GET and DELETE. */
    readonly body: unknown
    readonly responseKey: string | undefined
    readonly hasPagination: boolean
    /** Sends the request (once) and resolves with its resource, after the action attempt if any. */
    execute(): Promise<Result>
    /** Sends the request (once) and resolves with the whole response body; no action-attempt wait. */
    fetchResponse(): Promise<unknown>
    /** A new request for the page after `pageCursor`: the same parameters plus `page_cursor`. */
    withPageCursor(pageCursor?: string): SeamHttpRequest<Result>
    then<A = Result, B = never>(
    onfulfilled?: ((value: Result) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
    ): Promise<A | B>
    catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Result | B>
    finally(onfinally?: (() => void) | null): Promise<Result>
    free(): void
}

/**
 * `[Symbol.dispose]()`, the same as `free()`, for `using`: declared where the user's lib declares
 * `Symbol.dispose` (ESNext, or Node's types), and nothing otherwise, so that these declarations
 * compile with older libs too.
 */
type SeamDisposable = SymbolConstructor extends { readonly dispose: infer Key extends symbol } ? { [K in Key]: () => void } : {}

export interface SeamHttpRequest<Result> extends SeamDisposable {}

/** The API's pagination of a page. */
export interface SeamPagination {
    hasNextPage: boolean
    nextPageCursor: string | null
    nextPageUrl: string | null
}

/**
 * The pages of a paginated request, as in @seamapi/http: `client.createPaginator(request)` is
 * `new SeamPaginator(request)`. Iterating stops when the API says there is no next page, or
 * offers one of its last 16 cursors again.
 */
export declare class SeamPaginator<Item> implements AsyncIterable<Item[]> {
    /** Throws an `Error` for a request of a route without pagination. */
    constructor(request: SeamHttpRequest<Item[]>)
    firstPage(): Promise<[Item[], SeamPagination]>
    /** Rejects for a `null` cursor: the last page has no next one. */
    nextPage(nextPageCursor: string | null): Promise<[Item[], SeamPagination]>
    /** Every item of every page. */
    flatten(): AsyncGenerator<Item>
    /** Every item of every page, in one array. */
    flattenToArray(): Promise<Item[]>
    /** Every page's items, page by page. */
    [Symbol.asyncIterator](): AsyncGenerator<Item[]>
}

/** Parameters for `serializeUrlSearchParams` and `updateUrlSearchParams`. */
export type Params = Record<string, unknown>

/** What `SeamClient.describeRoute(path)` tells of a route. */
export interface SeamClientRouteDescription {
    path: string
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
    /** The key of the resource in the response body; `null` when the route answers only `ok`. */
    responseKey: string | null
    requiredParameters: string[]
    /** At least one of these must be given. */
    atLeastOneParameters: string[]
    hasPagination: boolean
    isActionAttempt: boolean
    /** `false` for routes that need a server-side key (API key or personal access token). */
    allowsClientSession: boolean
}

export interface SeamClient extends SeamDisposable {
    /** Calls a route by its path: `client.request('/devices/list', { limit: 10 })`. */
    request<Path extends keyof SeamClientRoutes>(
    path: Path,
    ...rest: SeamClientRoutes[Path]['parametersOptional'] extends true
        ? [parameters?: SeamClientRoutes[Path]['parameters'], options?: SeamClientRequestOptions]
        : [parameters: SeamClientRoutes[Path]['parameters'], options?: SeamClientRequestOptions]
    ): SeamHttpRequest<SeamClientRoutes[Path]['result']>
    /** The pages of a paginated request: `client.createPaginator(client.devices.list({ limit: 100 }))`. */
    createPaginator<Item>(request: SeamHttpRequest<Item[]>): SeamPaginator<Item>
}


import type { SeamClientAccessCodes, SeamClientAccessGrants, SeamClientAccessMethods, SeamClientAcs, SeamClientActionAttempts, SeamClientClientSessions, SeamClientConnectWebviews, SeamClientConnectedAccounts, SeamClientCustomers, SeamClientDevices, SeamClientEvents, SeamClientInstantKeys, SeamClientLocks, SeamClientNoiseSensors, SeamClientPhones, SeamClientSpaces, SeamClientThermostats, SeamClientUserIdentities, SeamClientWebhooks, SeamClientWorkspaces } from './types.js'


/**
 * A Seam API client for the browser, authenticated with a client session.
 */
export class SeamClient {
    free(): void;
    /**
     * What the client knows of a route: `{ path, method, responseKey, requiredParameters,
     * atLeastOneParameters, hasPagination, isActionAttempt, allowsClientSession }`, or `null`
     * for an unknown path.
     */
    static describeRoute(path: string): SeamClientRouteDescription | null;
    /**
     * A client for a server (Node, Deno, a server-side worker) with the workspace's API key: for
     * creating client sessions and handing their tokens to pages. Refused in a browser (a page
     * or its workers), where the key would be exposed to everyone who opens it. Nothing is
     * stored.
     */
    static fromApiKey(apiKey: string, options?: SeamClientOptions): SeamClient;
    /**
     * A client for a client session token made by your backend. The token is stored for this
     * endpoint, so a later page load can resume it with `fromStoredClientSessionToken`.
     */
    static fromClientSessionToken(clientSessionToken: string, options?: SeamClientOptions): SeamClient;
    /**
     * A client for a Seam Console user's session in one workspace (`seam-workspace`).
     */
    static fromConsoleSessionToken(consoleSessionToken: string, workspaceId: string, options?: SeamClientOptions): SeamClient;
    /**
     * A client for a personal access token in one workspace: for servers only, like an API key.
     */
    static fromPersonalAccessToken(personalAccessToken: string, workspaceId: string, options?: SeamClientOptions): SeamClient;
    /**
     * A client for one user of a publishable key. Resumes the session stored for this
     * endpoint, key and user when it is still valid (no request); otherwise calls
     * `/client_sessions/get_or_create` and stores the new session.
     */
    static fromPublishableKey(publishableKey: string, userIdentifierKey: string, options?: SeamClientOptions): Promise<SeamClient>;
    /**
     * The client session token stored by `fromClientSessionToken` for this endpoint, as a
     * client; `null` when there is none, it has expired, or the API refused it.
     */
    static fromStoredClientSessionToken(options?: SeamClientOptions): SeamClient | null;
    /**
     * The session `fromPublishableKey` stored for this endpoint and key, as a client, so that a
     * page keeps its user signed in across reloads; `null` when none is alive (with several
     * users' sessions stored, the last one signed in). The user identifier key is never
     * stored, so this client cannot renew the session: once it ends, calls reject with
     * `SeamHttpUnauthorizedError`, and the page signs its user in again.
     */
    static fromStoredPublishableKeySession(publishableKey: string, options?: SeamClientOptions): SeamClient | null;
    /**
     * A client as `new SeamHttp(apiKeyOrOptions)` makes one: an API key, or options with one
     * credential (`apiKey`, `clientSessionToken`, `personalAccessToken` or
     * `consoleSessionToken`, with `workspaceId`); with none, `SEAM_API_KEY` (Node, Deno, Bun).
     */
    constructor(apiKeyOrOptions?: string | SeamClientConstructorOptions);
    /**
     * Calls `listener({ type, expiresAt, clientSessionId })` when the session changes: `type`
     * is `'renewed'` (this client renewed it), `'replaced'` (another tab, the storage
     * adapter or `updateClientSessionToken` put another in), `'signedOut'` (here or in another tab) or
     * `'ended'` (found dead, and this client cannot renew it). Never the token itself. Returns
     * what removes the listener.
     */
    onSessionChange(listener: (change: SeamSessionChange) => void): () => void;
    /**
     * Forgets this client's session, in storage too. Later calls reject with
     * `SeamHttpSignedOutError`; other clients of the same scope, in any tab, are signed out too.
     */
    signOut(): void;
    /**
     * Switches to another client session token after `GET /client_sessions/get` accepts it;
     * if the check fails, the current token stays and the promise rejects.
     */
    updateClientSessionToken(clientSessionToken: string): Promise<void>;
    /**
     * Routes under `/access_codes`.
     */
    readonly accessCodes: SeamClientAccessCodes;
    /**
     * Routes under `/access_grants`.
     */
    readonly accessGrants: SeamClientAccessGrants;
    /**
     * Routes under `/access_methods`.
     */
    readonly accessMethods: SeamClientAccessMethods;
    /**
     * Routes under `/acs`.
     */
    readonly acs: SeamClientAcs;
    /**
     * Routes under `/action_attempts`.
     */
    readonly actionAttempts: SeamClientActionAttempts;
    /**
     * The client session token in use; `null` after `signOut()`.
     */
    readonly clientSessionToken: string | null;
    /**
     * Routes under `/client_sessions`.
     */
    readonly clientSessions: SeamClientClientSessions;
    /**
     * Routes under `/connect_webviews`.
     */
    readonly connectWebviews: SeamClientConnectWebviews;
    /**
     * Routes under `/connected_accounts`.
     */
    readonly connectedAccounts: SeamClientConnectedAccounts;
    /**
     * Routes under `/customers`.
     */
    readonly customers: SeamClientCustomers;
    /**
     * Routes under `/devices`.
     */
    readonly devices: SeamClientDevices;
    /**
     * Routes under `/events`.
     */
    readonly events: SeamClientEvents;
    /**
     * Routes under `/instant_keys`.
     */
    readonly instantKeys: SeamClientInstantKeys;
    /**
     * Routes under `/locks`.
     */
    readonly locks: SeamClientLocks;
    /**
     * Routes under `/noise_sensors`.
     */
    readonly noiseSensors: SeamClientNoiseSensors;
    /**
     * Routes under `/phones`.
     */
    readonly phones: SeamClientPhones;
    /**
     * Routes under `/spaces`.
     */
    readonly spaces: SeamClientSpaces;
    /**
     * Routes under `/thermostats`.
     */
    readonly thermostats: SeamClientThermostats;
    /**
     * Routes under `/user_identities`.
     */
    readonly userIdentities: SeamClientUserIdentities;
    /**
     * Routes under `/webhooks`.
     */
    readonly webhooks: SeamClientWebhooks;
    /**
     * Routes under `/workspaces`.
     */
    readonly workspaces: SeamClientWorkspaces;
}

/**
 * `GET <endpoint>/openapi.json` with the SDK's headers only, retried and timed out as other
 * calls are; resolves with the body. The endpoint is read as the `endpoint` option is, with
 * @seamapi/http's default `https://connect.getseam.com` (no environment variable), and fails as
 * other calls do.
 */
export function getOpenapiSchema(endpoint?: string): Promise<unknown>;

/**
 * `params` as a query string, as @seamapi/http writes them (`''` when there is nothing to
 * write); throws `UnserializableParamError` for a value that cannot be written.
 */
export function serializeUrlSearchParams(params: Params): string;

/**
 * Writes `params` into `searchParams` as @seamapi/http does, then sorts it and adds
 * `_strict=true`; throws `UnserializableParamError` for a value that cannot be written.
 */
export function updateUrlSearchParams(searchParams: URLSearchParams, params: Params): void;
