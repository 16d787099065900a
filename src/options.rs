//! Client options, read from the plain JS object the page passes.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::{invalid_options, SdkError};
use crate::storage::StorageKind;

pub const DEFAULT_ENDPOINT: &str = "https://connect.getseam.com";
const KNOWN: &[&str] = &["endpoint", "storage"];

pub struct Options {
    pub endpoint: String,
    pub storage: StorageKind,
}

/// An absolute http(s) base URL with no trailing slash, query or fragment. A path starting with
/// `/` is relative to the page's origin, as with @seamapi/http.
pub fn normalize_endpoint(raw: &str, origin: Option<&str>) -> Result<String, &'static str> {
    let raw = raw.trim();
    let absolute = if raw.starts_with('/') && !raw.starts_with("//") {
        [origin.ok_or("a relative endpoint needs a page origin to resolve against")?, raw].concat()
    } else {
        raw.to_owned()
    };
    let rest = absolute
        .strip_prefix("https://")
        .or_else(|| absolute.strip_prefix("http://"))
        .ok_or("the endpoint must be an http:// or https:// URL")?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err("the endpoint has no host");
    }
    if absolute.contains(['?', '#']) || absolute.chars().any(char::is_whitespace) {
        return Err("the endpoint cannot contain a query, a fragment or spaces");
    }
    Ok(absolute.trim_end_matches('/').to_owned())
}

fn page_origin() -> Option<String> {
    let location = Reflect::get(&js_sys::global(), &"location".into()).ok()?;
    Reflect::get(&location, &"origin".into()).ok()?.as_string()
}

pub fn parse(options: &JsValue) -> Result<Options, SdkError> {
    let mut parsed = Options { endpoint: DEFAULT_ENDPOINT.to_owned(), storage: StorageKind::Local };
    if options.is_undefined() || options.is_null() {
        return Ok(parsed);
    }
    if !options.is_object() || js_sys::Array::is_array(options) || options.is_function() {
        return Err(invalid_options("options must be an object"));
    }
    for key in Object::keys(options.unchecked_ref::<Object>()).iter() {
        let name = key.as_string().unwrap_or_default();
        if !KNOWN.contains(&name.as_str()) {
            return Err(invalid_options(&["unknown option \"", &name, "\" (known options: ", &KNOWN.join(", "), ")"].concat()));
        }
    }
    let get = |key: &str| Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);

    let endpoint = get("endpoint");
    if !endpoint.is_undefined() {
        let raw = endpoint.as_string().ok_or_else(|| invalid_options("endpoint must be a string"))?;
        let normalized = normalize_endpoint(&raw, page_origin().as_deref()).map_err(invalid_options)?;
        // The browser's own parser has the last word on what is a URL.
        web_sys::Url::new(&normalized).map_err(|_| invalid_options("the endpoint is not a valid URL"))?;
        parsed.endpoint = normalized;
    }

    let storage = get("storage");
    if !storage.is_undefined() {
        parsed.storage = storage
            .as_string()
            .and_then(|name| StorageKind::parse(&name))
            .ok_or_else(|| invalid_options("storage must be 'localStorage', 'sessionStorage' or 'memory'"))?;
    }
    Ok(parsed)
}

/// Per-call options (the second argument of every route method). None exist yet; anything
/// given is refused rather than silently ignored.
pub fn parse_request(options: &JsValue) -> Result<(), SdkError> {
    if options.is_undefined() || options.is_null() {
        return Ok(());
    }
    if !options.is_object() || js_sys::Array::is_array(options) || options.is_function() {
        return Err(invalid_options("request options must be an object"));
    }
    match Object::keys(options.unchecked_ref::<Object>()).get(0).as_string() {
        Some(name) => Err(invalid_options(&["unknown request option \"", &name, "\""].concat())),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::normalize_endpoint;

    #[test]
    fn endpoints() {
        assert_eq!(normalize_endpoint("https://connect.getseam.com/", None).unwrap(), "https://connect.getseam.com");
        assert_eq!(normalize_endpoint(" http://127.0.0.1:8080 ", None).unwrap(), "http://127.0.0.1:8080");
        assert_eq!(normalize_endpoint("http://h/api//", None).unwrap(), "http://h/api");
        assert_eq!(normalize_endpoint("/api", Some("http://page:1")).unwrap(), "http://page:1/api");
        assert!(normalize_endpoint("/api", None).is_err());
        assert!(normalize_endpoint("//evil.example", Some("http://page:1")).is_err());
        assert!(normalize_endpoint("ftp://x", None).is_err());
        assert!(normalize_endpoint("https://", None).is_err());
        assert!(normalize_endpoint("https:///x", None).is_err());
        assert!(normalize_endpoint("https://h/?a=1", None).is_err());
        assert!(normalize_endpoint("https://h/#x", None).is_err());
        assert!(normalize_endpoint("https://h x", None).is_err());
        assert!(normalize_endpoint("", None).is_err());
    }
}
