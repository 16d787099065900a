//! seam-wasm: a browser SDK for the Seam API that keeps its client session across page loads.

mod auth;
mod client;
mod error;
mod generated;
mod http;
mod options;
mod routes;
mod sha256;
mod storage;

pub use client::SeamClient;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
import type { SeamClientRoutes } from './types.js'

/** Options of `SeamClient.fromPublishableKey` and `SeamClient.fromClientSessionToken`. */
export interface SeamClientOptions {
  /** The Seam API base URL; a path starting with `/` is relative to the page. Default `https://connect.getseam.com`. */
  endpoint?: string
  /** Where the client session is kept between page loads. Default `'localStorage'`. */
  storage?: 'localStorage' | 'sessionStorage' | 'memory'
}

/** Options of one call (the second argument of every route method). */
export interface SeamClientRequestOptions {}

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
  ): Promise<SeamClientRoutes[Path]['result']>
}
"#;
