//! seam-wasm: a browser SDK for the Seam API that keeps its client session across page loads.

mod auth;
mod client;
mod error;
mod http;
mod options;
mod routes;
mod sha256;
mod storage;

pub use client::SeamClient;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Options of `SeamClient.fromPublishableKey` and `SeamClient.fromClientSessionToken`. */
export interface SeamClientOptions {
  /** The Seam API base URL; a path starting with `/` is relative to the page. Default `https://connect.getseam.com`. */
  endpoint?: string
  /** Where the client session is kept between page loads. Default `'localStorage'`. */
  storage?: 'localStorage' | 'sessionStorage' | 'memory'
}

/** A Seam resource as the API returns it. */
export type SeamResource = Record<string, unknown>
export type ActionAttempt = SeamResource & { action_attempt_id: string; action_type: string; status: 'pending' | 'success' | 'error' }
export type ClientSession = SeamResource & { client_session_id: string; token: string; expires_at: string }
export type Device = SeamResource & { device_id: string; device_type: string }
"#;
