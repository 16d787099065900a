//! The route table's shape, and the HTTP methods routes use; its entries are generated
//! (`src/generated/routes.rs`, included here) from the spec.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn parse(name: &str) -> Option<Method> {
        [Method::Get, Method::Post, Method::Put, Method::Patch, Method::Delete].into_iter().find(|method| method.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// GET and DELETE carry their parameters in the query string; the others in a JSON body.
    pub fn uses_query(self) -> bool {
        matches!(self, Method::Get | Method::Delete)
    }

    /// Safe to send again after a failure: never POST or PATCH, which could act twice (unlock a
    /// door twice, say).
    pub fn is_idempotent(self) -> bool {
        matches!(self, Method::Get | Method::Put | Method::Delete)
    }
}

include!("generated/routes.rs");

/// A route's flag bits: which kinds of credentials the spec lets call it, and what it returns.
pub mod flag {
    pub const CLIENT_SESSION: u8 = 1;
    pub const PAGINATED: u8 = 64;
    pub const ACTION_ATTEMPT: u8 = 128;
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Route {
    pub path: &'static str,
    pub method: Method,
    /// The key of the resource in the response body, which the call resolves with; `None` for
    /// routes that answer only `{ ok: true }`.
    pub response_key: Option<&'static str>,
    /// Parameters the route cannot do without, checked before sending, in @seamapi/http's order
    /// (that of its message); comma-separated.
    pub required: &'static str,
    /// At least one of these must be given; comma-separated.
    pub at_least_one: &'static str,
    pub flags: u8,
}

fn names(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.split(',').filter(|name| !name.is_empty())
}

impl Route {
    pub fn required(&self) -> impl Iterator<Item = &'static str> {
        names(self.required)
    }

    pub fn at_least_one(&self) -> impl Iterator<Item = &'static str> {
        names(self.at_least_one)
    }

    /// @seamapi/http's `hasRequiredParameters`: calling the route with no parameters at all is
    /// refused. It holds exactly for the routes with names to check (the generator fails on a
    /// route of @seamapi/http where it does not).
    pub fn has_required_parameters(&self) -> bool {
        !self.required.is_empty() || !self.at_least_one.is_empty()
    }

    pub fn paginated(&self) -> bool {
        self.flags & flag::PAGINATED != 0
    }

    pub fn action_attempt(&self) -> bool {
        self.flags & flag::ACTION_ATTEMPT != 0
    }

    pub fn allows_client_session(&self) -> bool {
        self.flags & flag::CLIENT_SESSION != 0
    }

    /// Reads one line of the packed table.
    fn parse(line: &'static str) -> Option<Route> {
        let mut fields = line.split(' ');
        let mut next = || fields.next().map(|field| if field == "-" { "" } else { field });
        let path = next()?;
        let method = Method::parse(next()?)?;
        let response_key = Some(next()?).filter(|key| !key.is_empty());
        let (required, at_least_one) = (next()?, next()?);
        let mut flags: u8 = 0;
        for digit in next()?.bytes() {
            flags = flags.checked_mul(10)?.checked_add(digit.checked_sub(b'0').filter(|d| *d < 10)?)?;
        }
        Some(Route { path, method, response_key, required, at_least_one, flags })
    }
}

/// A route by its line in the table: two bytes to keep, where a `Route` takes thirty-six.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RouteId(u16);

impl RouteId {
    /// The route on line `index`, if there is one.
    pub fn at(index: usize) -> Option<RouteId> {
        by_index(index).and(u16::try_from(index).ok()).map(RouteId)
    }

    /// The route of a path.
    pub fn of(path: &str) -> Option<RouteId> {
        RouteId::at(ROUTES.lines().position(|line| line.split(' ').next() == Some(path))?)
    }

    /// Its route. An id is made only from a line that parses, and the table is a constant, so
    /// the line is found again; an empty route stands for the case that cannot happen.
    pub fn route(self) -> Route {
        by_index(usize::from(self.0)).unwrap_or(Route { path: "", method: Method::Get, response_key: None, required: "", at_least_one: "", flags: 0 })
    }
}

/// The route of a path.
pub fn by_path(path: &str) -> Option<Route> {
    // A scan of some 200 short lines: microseconds, next to a request's milliseconds.
    ROUTES.lines().find(|line| line.split(' ').next() == Some(path)).and_then(Route::parse)
}

/// The route on line `index` of the table, as the JS namespaces name it.
pub fn by_index(index: usize) -> Option<Route> {
    ROUTES.lines().nth(index).and_then(Route::parse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_unique_and_well_formed() {
        let routes: Vec<Route> = ROUTES.lines().map(|line| Route::parse(line).unwrap_or_else(|| panic!("bad line {line:?}"))).collect();
        assert!(routes.len() > 150);
        assert!(routes.windows(2).all(|pair| pair[0].path < pair[1].path));
        assert_eq!(by_index(0), Some(routes[0]));
        assert_eq!(by_index(routes.len()), None);
    }

    #[test]
    fn ids_find_their_routes_again() {
        assert_eq!(RouteId::of("/locks/unlock_door").map(RouteId::route), by_path("/locks/unlock_door"));
        assert_eq!(RouteId::at(0).map(RouteId::route), by_index(0));
        assert_eq!(RouteId::of("/nope"), None);
        assert_eq!(RouteId::at(100_000), None);
    }

    #[test]
    fn internal_routes_match_the_table() {
        assert_eq!(by_path(ACTION_ATTEMPTS_GET.path), Some(ACTION_ATTEMPTS_GET));
        assert_eq!(by_path(CLIENT_SESSIONS_GET.path), Some(CLIENT_SESSIONS_GET));
    }

    #[test]
    fn lookup_by_path() {
        let route = by_path("/locks/unlock_door").unwrap();
        assert_eq!(route.method, Method::Post);
        assert_eq!(route.response_key, Some("action_attempt"));
        assert_eq!(route.required().collect::<Vec<_>>(), ["device_id"]);
        assert!(route.action_attempt());
        assert!(!route.paginated());
        assert!(route.allows_client_session());
        assert!(by_path("/devices/list").unwrap().paginated());
        assert_eq!(by_path("/devices/list").unwrap().method, Method::Get);
        assert_eq!(by_path("/access_codes/delete").unwrap().method, Method::Delete);
        assert_eq!(by_path("/access_codes/delete").unwrap().response_key, None);
        assert_eq!(by_path("/access_codes/update").unwrap().method, Method::Patch);
        assert!(!by_path("/client_sessions/create").unwrap().allows_client_session());
        assert_eq!(by_path("/connected_accounts/get").unwrap().at_least_one().collect::<Vec<_>>(), ["connected_account_id", "email"]);
        assert_eq!(by_path("/connect_webviews/delete").unwrap().required().collect::<Vec<_>>(), ["connect_webview_id"]);
        assert_eq!(by_path("/devices/list").unwrap().required().count(), 0);
        assert!(by_path("/nope").is_none());
        assert!(by_path("").is_none());
        assert!(by_path("/devices").is_none());
    }

    #[test]
    fn rules_of_seamapi_http() {
        let routes: Vec<Route> = ROUTES.lines().filter_map(Route::parse).collect();
        // As many as @seamapi/http 2.32.0 checks, less the one route the spec lacks
        // (/user_identities/merge, with an "at least one" rule).
        assert_eq!(routes.iter().filter(|route| route.has_required_parameters()).count(), 165);
        assert_eq!(routes.iter().filter(|route| route.at_least_one().next().is_some()).count(), 26);
        assert_eq!(routes.iter().filter(|route| route.required().next().is_some()).count(), 139);
        // Rules the spec does not say.
        let devices_get = by_path("/devices/get").unwrap();
        assert!(devices_get.has_required_parameters());
        assert_eq!(devices_get.required().count(), 0);
        assert_eq!(devices_get.at_least_one().collect::<Vec<_>>(), ["device_id", "name"]);
        assert_eq!(by_path("/locks/get").unwrap().at_least_one().collect::<Vec<_>>(), ["device_id", "name"]);
        assert_eq!(by_path("/access_codes/get").unwrap().at_least_one().collect::<Vec<_>>(), ["access_code_id", "code", "device_id"]);
        assert_eq!(by_path("/events/get").unwrap().at_least_one().collect::<Vec<_>>(), ["device_id", "event_id", "event_type"]);
        let events_list: Vec<_> = by_path("/events/list").unwrap().at_least_one().collect();
        assert!(events_list.contains(&"since") && events_list.contains(&"between") && events_list.len() == 27);
        assert_eq!(
            by_path("/acs/users/suspend").unwrap().at_least_one().collect::<Vec<_>>(),
            ["acs_system_id", "acs_user_id", "user_identity_id"]
        );
        // Names in @seamapi/http's order, which its message follows.
        assert_eq!(by_path("/locks/configure_auto_lock").unwrap().required().collect::<Vec<_>>(), ["auto_lock_enabled", "device_id"]);
        assert!(by_path("/locks/unlock_door").unwrap().has_required_parameters());
        for free in ["/devices/list", "/workspaces/get", "/client_sessions/get", "/access_grants/list"] {
            assert!(!by_path(free).unwrap().has_required_parameters(), "{free}");
        }
    }

    #[test]
    fn malformed_lines_are_refused() {
        for line in ["", "/a", "/a GET", "/a FETCH - - - 0", "/a GET - - - 256", "/a GET - - - x", "/a GET - - -"] {
            assert_eq!(Route::parse(line), None, "{line:?}");
        }
        assert!(Route::parse("/a GET - - - 255").is_some());
    }
}
