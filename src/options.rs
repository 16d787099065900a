//! Client options, read from the plain JS object the page passes.

use wasm_bindgen::prelude::*;

use crate::host;
use crate::error::{comma_list, invalid_options, SdkError};
use crate::engine::Policy;
use crate::interop::{self, field};
use crate::storage::StorageKind;

pub const DEFAULT_ENDPOINT: &str = "https://connect.getseam.com";
const KNOWN: &[&str] = &[
    "endpoint",
    "storage",
    "timeout",
    "retries",
    "waitForActionAttempt",
    "apiKey",
    "clientSessionToken",
    "consoleSessionToken",
    "personalAccessToken",
    "workspaceId",
    "fetch",
    "renewBefore",
];
/// @seamapi/http's options for its axios client, which this SDK does not have.
const AXIOS: &[&str] = &["client", "axiosOptions", "axiosRetryOptions"];
const KNOWN_PER_CALL: &[&str] = &["waitForActionAttempt"];
const MAX_RETRIES: f64 = 10.0;
const STORAGE: &str =
    "storage must be 'localStorage', 'sessionStorage', 'memory' or an adapter: { getItem, setItem, removeItem } functions (each may answer with a promise), and subscribe if it has one";

/// Whether and how a call that starts an action attempt waits for its outcome.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Wait {
    pub enabled: bool,
    pub timeout_ms: f64,
    pub polling_interval_ms: f64,
}

impl Default for Wait {
    fn default() -> Wait {
        Wait { enabled: true, timeout_ms: 10_000.0, polling_interval_ms: 1_000.0 }
    }
}

pub struct Options {
    pub endpoint: String,
    /// Why `endpoint` cannot be used (a relative one where there is no page to resolve it
    /// against): @seamapi/http makes such a client and fails its requests, and so does this one.
    pub endpoint_error: Option<String>,
    pub storage: StorageKind,
    pub policy: Policy,
    pub wait: Wait,
    /// The page's `fetch` for every request of the client; `undefined` for the global one,
    /// looked up at each call.
    pub fetch: JsValue,
}

/// What follows `http://` or `https://` (in any case): `None` when `raw` does not name its own
/// http(s) origin, and is then a path on the page's origin, as @seamapi/http reads an endpoint.
fn after_scheme(raw: &str) -> Option<&str> {
    let scheme = |prefix: &str| raw.get(..prefix.len()).filter(|start| start.eq_ignore_ascii_case(prefix)).map(|_| &raw[prefix.len()..]);
    scheme("https://").or_else(|| scheme("http://"))
}

/// `scheme:` at the start, as a URL parser would read it (`ftp://x`, `localhost:3000`).
fn has_scheme(raw: &str) -> bool {
    let scheme = raw.split(':').next().unwrap_or_default();
    raw.contains(':') && scheme.starts_with(|c: char| c.is_ascii_alphabetic()) && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// An absolute http(s) base URL with no trailing slash, query or fragment. Anything else (`''`,
/// `/api`, `api`) is a path on the page's origin, as with @seamapi/http; `Ok(None)` when there
/// is no page to resolve it against.
pub fn normalize_endpoint(raw: &str, origin: Option<&str>) -> Result<Option<String>, &'static str> {
    let raw = raw.trim();
    let absolute = if after_scheme(raw).is_some() {
        raw.to_owned()
    } else if raw.starts_with("//") || has_scheme(raw) {
        // A URL of another kind, or a host without its scheme: not meant as a path.
        return Err("the endpoint must be an http:// or https:// URL or a path");
    } else {
        let Some(origin) = origin else { return Ok(None) };
        [origin, if raw.starts_with('/') { "" } else { "/" }, raw].concat()
    };
    let rest = after_scheme(&absolute).ok_or("the endpoint must be an http:// or https:// URL")?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err("the endpoint has no host");
    }
    // They would go to the server with every request, and into the storage key's name.
    if rest.split('/').next().is_some_and(|authority| authority.contains('@')) {
        return Err("the endpoint cannot contain a user name or password");
    }
    if absolute.contains(['?', '#']) || absolute.chars().any(char::is_whitespace) {
        return Err("the endpoint cannot contain a query, a fragment or spaces");
    }
    Ok(Some(absolute.trim_end_matches('/').to_owned()))
}

fn page_origin() -> Option<String> {
    interop::text(&field(&field(&js_sys::global(), "location"), "origin"), 2048)
}

/// An object (not an array or a function) that can be read: a revoked Proxy, or one whose
/// traps throw, is refused as it is.
fn check_object(value: &JsValue, message: &str) -> Result<(), SdkError> {
    match interop::is_plain_object(value) {
        Ok(true) => Ok(()),
        _ => Err(invalid_options(message)),
    }
}

/// Refuses keys outside `known`, so that a misspelt option is not silently ignored.
fn check_keys(options: &JsValue, known: &[&str], what: &str) -> Result<(), SdkError> {
    let keys = interop::keys(options).map_err(|error| invalid_options(&["the ", what, "s cannot be read: ", &interop::describe(&error)].concat()))?;
    for key in keys.iter() {
        let name = interop::text_cut(&key, 64).unwrap_or_default();
        if AXIOS.contains(&name.as_str()) {
            return Err(invalid_options(&["\"", &name, "\" configures @seamapi/http's axios client, which this SDK does not use"].concat()));
        }
        if !known.contains(&name.as_str()) {
            return Err(invalid_options(&["unknown ", what, " \"", &name, "\" (known: ", &comma_list(known.iter().copied()), ")"].concat()));
        }
    }
    Ok(())
}

/// `options[key]`; a getter that throws is an invalid option, not an absent one.
fn option(options: &JsValue, key: &str) -> Result<JsValue, SdkError> {
    interop::get(options, key).map_err(|error| invalid_options(&["reading the option ", key, " threw ", &interop::describe(&error)].concat()))
}

/// `waitForActionAttempt`: `true`/`false`, or `{ timeout, pollingInterval }` in milliseconds
/// (either may be left out and keeps `base`'s).
pub fn parse_wait(value: &JsValue, base: Wait) -> Result<Wait, SdkError> {
    if value.is_undefined() {
        return Ok(base);
    }
    if let Some(enabled) = value.as_bool() {
        return Ok(Wait { enabled, ..base });
    }
    check_object(value, "waitForActionAttempt must be a boolean or { timeout, pollingInterval }")?;
    check_keys(value, &["timeout", "pollingInterval"], "waitForActionAttempt option")?;
    let number = |key: &str, default: f64| -> Result<f64, SdkError> {
        let raw = option(value, key)?;
        if raw.is_undefined() {
            return Ok(default);
        }
        raw.as_f64().ok_or_else(|| invalid_options(&["waitForActionAttempt.", key, " must be a number of milliseconds"].concat()))
    };
    let wait = Wait { enabled: true, timeout_ms: number("timeout", base.timeout_ms)?, polling_interval_ms: number("pollingInterval", base.polling_interval_ms)? };
    check_wait(wait)
}

/// The rules of @seamapi/http, with its messages: a timeout of zero or more, a polling interval
/// above zero (either may be infinite). They are checked when the options are given, before
/// anything is sent, where @seamapi/http checks them once the action attempt has come back.
pub fn check_wait(wait: Wait) -> Result<Wait, SdkError> {
    match wait_problem(wait) {
        Some((problem, value)) => Err(invalid_options(&[problem, &interop::number_text(value)].concat())),
        None => Ok(wait),
    }
}

/// What is wrong with `wait`, and the value at fault.
fn wait_problem(wait: Wait) -> Option<(&'static str, f64)> {
    if wait.timeout_ms.is_nan() || wait.timeout_ms < 0.0 {
        Some(("The timeout option must not be negative, got ", wait.timeout_ms))
    } else if wait.polling_interval_ms.is_nan() || wait.polling_interval_ms <= 0.0 {
        Some(("The pollingInterval option must be greater than zero, got ", wait.polling_interval_ms))
    } else {
        None
    }
}

/// The endpoint when the options give none: `SEAM_ENDPOINT`, or the older `SEAM_API_URL`, in
/// Node, Deno and Bun, with @seamapi/http's warnings.
fn endpoint_from_env() -> Option<String> {
    let endpoint = host::env_var("SEAM_ENDPOINT");
    let api_url = host::env_var("SEAM_API_URL");
    if api_url.is_some() {
        interop::warn(
            "Using the SEAM_API_URL environment variable is deprecated. Support will be remove in a later major version. Use SEAM_ENDPOINT instead.",
            &JsValue::UNDEFINED,
        );
        if endpoint.is_some() {
            interop::warn("Detected both the SEAM_API_URL and SEAM_ENDPOINT environment variables. Using SEAM_ENDPOINT.", &JsValue::UNDEFINED);
        }
    }
    endpoint.or(api_url)
}

pub fn parse(options: &JsValue) -> Result<Options, SdkError> {
    let mut parsed = Options {
        endpoint: DEFAULT_ENDPOINT.to_owned(),
        endpoint_error: None,
        storage: StorageKind::Local,
        policy: Policy { timeout_ms: 30_000.0, retries: 2, renew_before_ms: 300_000.0 },
        wait: Wait::default(),
        fetch: JsValue::UNDEFINED,
    };
    let absent = options.is_undefined() || options.is_null();
    if !absent {
        check_object(options, "options must be an object")?;
        check_keys(options, KNOWN, "option")?;
    }
    let get = |key: &str| if absent { Ok(JsValue::UNDEFINED) } else { option(options, key) };

    let endpoint = get("endpoint")?;
    let raw = if endpoint.is_undefined() || endpoint.is_null() {
        endpoint_from_env()
    } else {
        Some(interop::text(&endpoint, 2048).ok_or_else(|| invalid_options("endpoint must be a string: a URL of at most 2048 characters"))?)
    };
    if let Some(raw) = raw {
        match normalize_endpoint(&raw, page_origin().as_deref()).map_err(invalid_options)? {
            Some(normalized) => {
                // The host's own parser has the last word on what is a URL.
                web_sys::Url::new(&normalized).map_err(|_| invalid_options("the endpoint is not a valid URL"))?;
                parsed.endpoint = normalized;
            }
            None => {
                parsed.endpoint_error = Some(["Cannot resolve origin from ", raw.trim(), " in a non-browser environment"].concat());
                parsed.endpoint = raw.trim().to_owned();
            }
        }
    }

    let storage = get("storage")?;
    if storage.is_object() {
        parsed.storage = StorageKind::adapter(&storage).map_err(|_| invalid_options(STORAGE))?;
    } else if !storage.is_undefined() {
        parsed.storage = interop::text(&storage, 32).and_then(|name| StorageKind::parse(&name)).ok_or_else(|| invalid_options(STORAGE))?;
    }

    // A duration in milliseconds, 0 or more; `zero` says what 0 means.
    let milliseconds = |key: &str, zero: &str, default: f64| -> Result<f64, SdkError> {
        let value = get(key)?;
        if value.is_undefined() {
            return Ok(default);
        }
        value.as_f64().filter(|ms| ms.is_finite() && *ms >= 0.0).ok_or_else(|| invalid_options(&[key, " must be a number of milliseconds, 0 or more (0: ", zero, ")"].concat()))
    };
    parsed.policy.timeout_ms = milliseconds("timeout", "no timeout", parsed.policy.timeout_ms)?;
    parsed.policy.renew_before_ms = milliseconds("renewBefore", "renew only once refused", parsed.policy.renew_before_ms)?;
    let retries = get("retries")?;
    if !retries.is_undefined() {
        parsed.policy.retries = retries
            .as_f64()
            .filter(|n| n.fract() == 0.0 && (0.0..=MAX_RETRIES).contains(n))
            .map(|n| n as u32)
            .ok_or_else(|| invalid_options("retries must be a whole number from 0 to 10"))?;
    }
    parsed.wait = parse_wait(&get("waitForActionAttempt")?, parsed.wait)?;
    let fetch = get("fetch")?;
    if !fetch.is_undefined() {
        if !fetch.is_function() {
            return Err(invalid_options("fetch must be a function with fetch's signature"));
        }
        parsed.fetch = fetch;
    }
    Ok(parsed)
}

/// Per-call options (the second argument of every route method): `waitForActionAttempt`, over
/// the client's.
pub fn parse_request(options: &JsValue, base: Wait) -> Result<Wait, SdkError> {
    if options.is_undefined() || options.is_null() {
        return Ok(base);
    }
    check_object(options, "request options must be an object")?;
    check_keys(options, KNOWN_PER_CALL, "request option")?;
    parse_wait(&option(options, "waitForActionAttempt")?, base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wait_rules() {
        let base = Wait::default();
        assert_eq!(wait_problem(base), None);
        assert_eq!(wait_problem(Wait { timeout_ms: 0.0, ..base }), None);
        assert_eq!(wait_problem(Wait { timeout_ms: f64::INFINITY, polling_interval_ms: f64::INFINITY, ..base }), None);
        assert!(wait_problem(Wait { timeout_ms: -1.0, ..base }).is_some_and(|(p, v)| p.starts_with("The timeout") && v == -1.0));
        assert!(wait_problem(Wait { timeout_ms: f64::NAN, ..base }).is_some());
        assert!(wait_problem(Wait { polling_interval_ms: 0.0, ..base }).is_some_and(|(p, _)| p.starts_with("The pollingInterval")));
        assert!(wait_problem(Wait { polling_interval_ms: -5.0, ..base }).is_some());
    }

    #[test]
    fn endpoints() {
        let ok = |raw: &str, origin: Option<&str>| normalize_endpoint(raw, origin).unwrap();
        assert_eq!(ok("https://connect.getseam.com/", None).unwrap(), "https://connect.getseam.com");
        assert_eq!(ok(" http://127.0.0.1:8080 ", None).unwrap(), "http://127.0.0.1:8080");
        assert_eq!(ok("HTTPS://h", None).unwrap(), "HTTPS://h");
        assert_eq!(ok("http://h/api//", None).unwrap(), "http://h/api");
        assert_eq!(ok("/api", Some("http://page:1")).unwrap(), "http://page:1/api");
        assert_eq!(ok("api", Some("http://page:1")).unwrap(), "http://page:1/api");
        assert_eq!(ok("", Some("http://page:1")).unwrap(), "http://page:1");
        assert_eq!(ok("/api", None), None);
        assert_eq!(ok("", None), None);
        assert!(normalize_endpoint("//evil.example", Some("http://page:1")).is_err());
        assert!(normalize_endpoint("ftp://x", Some("http://page:1")).is_err());
        assert!(normalize_endpoint("localhost:3000", Some("http://page:1")).is_err());
        assert_eq!(ok("api/v1:x", Some("http://page:1")).unwrap(), "http://page:1/api/v1:x");
        assert!(normalize_endpoint("https://", None).is_err());
        assert!(normalize_endpoint("https:///x", None).is_err());
        assert!(normalize_endpoint("https://h/?a=1", None).is_err());
        assert!(normalize_endpoint("https://h/#x", None).is_err());
        assert!(normalize_endpoint("https://h x", None).is_err());
        assert!(normalize_endpoint("http://user:pass@127.0.0.1:1", None).is_err());
        assert!(normalize_endpoint("https://user@h", None).is_err());
        assert!(normalize_endpoint("https://h/@x", None).is_ok());
    }
}
