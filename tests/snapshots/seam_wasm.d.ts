/* tslint:disable */
/* eslint-disable */

import type { SeamClientRoutes } from './types.js'

/** Options of `SeamClient.fromPublishableKey` and `SeamClient.fromClientSessionToken`. */
export interface SeamClientOptions {
    /** The Seam API base URL; a path starting with `/` is relative to the page. Default `https://connect.getseam.com`. */
    endpoint?: string
    /** Where the client session is kept between page loads. Default `'localStorage'`. */
    storage?: 'localStorage' | 'sessionStorage' | 'memory'
    /** Milliseconds each attempt may take; 0 for no limit. Default 30000. */
    timeout?: number
    /** Times a failed GET, PUT or DELETE is sent again (network error, 429, 5xx); 0 to 10. Default 2. POST and PATCH are never sent again. */
    retries?: number
    /** Whether calls that start an action attempt wait for its outcome. Default `true`. */
    waitForActionAttempt?: SeamClientWaitForActionAttempt
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
    /** The full URL, query string included; `undefined` when the parameters were refused. */
    readonly url: string | undefined
    readonly pathname: string
    readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
    /** The parameters as given. */
    readonly params: unknown
    /** The JSON body for routes that send one; `undefined` for GET and DELETE. */
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

export interface SeamClient {
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
    [Symbol.dispose](): void;
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
     * Not for use: make a client with `SeamClient.fromPublishableKey` or
     * `SeamClient.fromClientSessionToken`.
     */
    constructor();
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
 * calls are; resolves with the body. The endpoint is read as the `endpoint` option is (default
 * `https://connect.getseam.com`), and fails as other calls do.
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

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_seamclient_free: (a: number, b: number) => void;
    readonly __wbg_seamhttprequest_free: (a: number, b: number) => void;
    readonly getOpenapiSchema: (a: number) => any;
    readonly seamclient_access_codes: (a: number) => any;
    readonly seamclient_access_grants: (a: number) => any;
    readonly seamclient_access_methods: (a: number) => any;
    readonly seamclient_acs: (a: number) => any;
    readonly seamclient_action_attempts: (a: number) => any;
    readonly seamclient_client_session_token: (a: number) => any;
    readonly seamclient_client_sessions: (a: number) => any;
    readonly seamclient_connect_webviews: (a: number) => any;
    readonly seamclient_connected_accounts: (a: number) => any;
    readonly seamclient_createPaginator: (a: number, b: any) => [number, number, number];
    readonly seamclient_customers: (a: number) => any;
    readonly seamclient_describeRoute: (a: any) => any;
    readonly seamclient_devices: (a: number) => any;
    readonly seamclient_events: (a: number) => any;
    readonly seamclient_fromApiKey: (a: any, b: number) => [number, number, number];
    readonly seamclient_fromClientSessionToken: (a: any, b: number) => [number, number, number];
    readonly seamclient_fromPublishableKey: (a: any, b: any, c: number) => any;
    readonly seamclient_fromStoredClientSessionToken: (a: number) => [number, number, number];
    readonly seamclient_fromStoredPublishableKeySession: (a: any, b: number) => [number, number, number];
    readonly seamclient_instant_keys: (a: number) => any;
    readonly seamclient_locks: (a: number) => any;
    readonly seamclient_new: () => [number, number, number];
    readonly seamclient_noise_sensors: (a: number) => any;
    readonly seamclient_phones: (a: number) => any;
    readonly seamclient_request: (a: number, b: any, c: any, d: any) => any;
    readonly seamclient_signOut: (a: number) => void;
    readonly seamclient_spaces: (a: number) => any;
    readonly seamclient_thermostats: (a: number) => any;
    readonly seamclient_updateClientSessionToken: (a: number, b: any) => any;
    readonly seamclient_user_identities: (a: number) => any;
    readonly seamclient_webhooks: (a: number) => any;
    readonly seamclient_workspaces: (a: number) => any;
    readonly seamhttprequest_body: (a: number) => any;
    readonly seamhttprequest_catch: (a: number, b: any) => any;
    readonly seamhttprequest_execute: (a: number) => any;
    readonly seamhttprequest_fetchResponse: (a: number) => any;
    readonly seamhttprequest_finally: (a: number, b: any) => any;
    readonly seamhttprequest_has_pagination: (a: number) => number;
    readonly seamhttprequest_method: (a: number) => [number, number];
    readonly seamhttprequest_params: (a: number) => any;
    readonly seamhttprequest_pathname: (a: number) => [number, number];
    readonly seamhttprequest_response_key: (a: number) => any;
    readonly seamhttprequest_then: (a: number, b: any, c: any) => any;
    readonly seamhttprequest_url: (a: number) => any;
    readonly seamhttprequest_withPageCursor: (a: number, b: any) => [number, number, number];
    readonly serializeUrlSearchParams: (a: any) => [number, number, number];
    readonly updateUrlSearchParams: (a: any, b: any) => [number, number];
    readonly wasm_bindgen_d56c81c998592d0___convert__closures_____invoke___u32__wasm_bindgen_d56c81c998592d0___JsValue__wasm_bindgen_d56c81c998592d0___JsValue__wasm_bindgen_d56c81c998592d0___JsValue__true_: (a: number, b: number, c: number, d: any, e: any) => any;
    readonly wasm_bindgen_d56c81c998592d0___convert__closures_____invoke___js_sys_73bea2f15c350033___Function_fn_wasm_bindgen_d56c81c998592d0___JsValue_____wasm_bindgen_d56c81c998592d0___sys__Undefined___js_sys_73bea2f15c350033___Function_fn_wasm_bindgen_d56c81c998592d0___JsValue_____wasm_bindgen_d56c81c998592d0___sys__Undefined_______true_: (a: number, b: number, c: any, d: any) => void;
    readonly wasm_bindgen_d56c81c998592d0___convert__closures_____invoke___wasm_bindgen_d56c81c998592d0___JsValue__core_8225ac4e38a696d5___result__Result_____wasm_bindgen_d56c81c998592d0___JsError___true_: (a: number, b: number, c: any) => [number, number];
    readonly wasm_bindgen_d56c81c998592d0___convert__closures_____invoke___wasm_bindgen_d56c81c998592d0___JsValue______true_: (a: number, b: number, c: any) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_destroy_closure: (a: number, b: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
