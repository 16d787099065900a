//! The route table: what the client needs to know to call a route.

use crate::http::Method;

pub struct Route {
    pub path: &'static str,
    pub method: Method,
    /// The key of the resource in the response body, which the call resolves with.
    pub response_key: &'static str,
}

const fn route(path: &'static str, method: Method, response_key: &'static str) -> Route {
    Route { path, method, response_key }
}

pub const ACTION_ATTEMPTS_GET: Route = route("/action_attempts/get", Method::Get, "action_attempt");
pub const CLIENT_SESSIONS_GET: Route = route("/client_sessions/get", Method::Get, "client_session");
pub const DEVICES_GET: Route = route("/devices/get", Method::Get, "device");
pub const DEVICES_LIST: Route = route("/devices/list", Method::Get, "devices");
pub const LOCKS_GET: Route = route("/locks/get", Method::Get, "device");
pub const LOCKS_LIST: Route = route("/locks/list", Method::Get, "devices");
pub const LOCKS_LOCK_DOOR: Route = route("/locks/lock_door", Method::Post, "action_attempt");
pub const LOCKS_UNLOCK_DOOR: Route = route("/locks/unlock_door", Method::Post, "action_attempt");
