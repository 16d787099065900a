//! The route table's shape; its entries are generated (`generated::routes`) from the spec.

use crate::generated::routes::ROUTES;
use crate::http::Method;

/// Which kinds of credentials the spec lets call a route, as bits.
pub mod auth {
    pub const CLIENT_SESSION: u8 = 1;
    pub const API_KEY: u8 = 2;
    pub const PERSONAL_ACCESS_TOKEN: u8 = 4;
    pub const CONSOLE_SESSION: u8 = 8;
    pub const PUBLISHABLE_KEY: u8 = 16;
    pub const OTHER: u8 = 32;
}

pub struct Route {
    pub path: &'static str,
    pub method: Method,
    /// The key of the resource in the response body, which the call resolves with; `None` for
    /// routes that answer only `{ ok: true }`.
    pub response_key: Option<&'static str>,
    /// Parameters the route cannot do without, checked before sending.
    pub required: &'static [&'static str],
    /// At least one of these must be given (the spec's alternatives each require a different one).
    pub at_least_one: &'static [&'static str],
    pub paginated: bool,
    pub action_attempt: bool,
    pub auth: u8,
}

impl Route {
    pub fn allows_client_session(&self) -> bool {
        self.auth & auth::CLIENT_SESSION != 0
    }
}

/// The route of a path, by binary search over the sorted table.
pub fn by_path(path: &str) -> Option<&'static Route> {
    ROUTES.binary_search_by(|route| route.path.cmp(path)).ok().map(|index| ROUTES[index])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        assert!(ROUTES.windows(2).all(|pair| pair[0].path < pair[1].path));
    }

    #[test]
    fn lookup_by_path() {
        let route = by_path("/locks/unlock_door").unwrap();
        assert_eq!(route.method, Method::Post);
        assert_eq!(route.response_key, Some("action_attempt"));
        assert_eq!(route.required, &["device_id"]);
        assert!(route.action_attempt);
        assert!(route.allows_client_session());
        assert!(by_path("/devices/list").unwrap().paginated);
        assert_eq!(by_path("/devices/list").unwrap().method, Method::Get);
        assert_eq!(by_path("/access_codes/delete").unwrap().method, Method::Delete);
        assert_eq!(by_path("/access_codes/delete").unwrap().response_key, None);
        assert_eq!(by_path("/access_codes/update").unwrap().method, Method::Patch);
        assert!(!by_path("/client_sessions/create").unwrap().allows_client_session());
        assert_eq!(by_path("/connected_accounts/get").unwrap().at_least_one, &["connected_account_id", "email"]);
        assert_eq!(by_path("/connect_webviews/delete").unwrap().required, &["connect_webview_id"]);
        assert!(by_path("/nope").is_none());
        assert!(by_path("").is_none());
    }
}
