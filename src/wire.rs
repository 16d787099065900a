//! What goes on the wire besides the URL (`query`): the headers of each credential and the JSON
//! body of a request.

use js_sys::Object;
use wasm_bindgen::prelude::*;

use crate::error::SdkError;
use crate::interop;

/// A request's credential.
pub enum Auth<'a> {
    PublishableKey(&'a str),
    ClientSessionToken(&'a str),
    /// An API key, a personal access token or a console session token, with the workspace it
    /// is scoped to.
    Bearer(&'a str, Option<&'a str>),
}

/// `fetch`'s `credentials`: cookies go with a client session, as with @seamapi/http; other
/// credentials (and none) need none.
pub fn cookies(auth: Option<&Auth>) -> &'static str {
    match auth {
        Some(Auth::ClientSessionToken(_)) => "include",
        _ => "omit",
    }
}

const SDK_NAME: &str = "seam-wasm";
const SDK_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The headers of a request made with `auth` (or none); `has_body` adds the JSON content type.
/// Tokens and keys are checked to be visible ASCII, so the browser takes every value.
pub fn headers(auth: Option<&Auth>, has_body: bool) -> Object {
    let headers = interop::record();
    let set = |name: &str, value: &str| {
        interop::set(&headers, name, &JsValue::from_str(value));
    };
    match auth {
        Some(Auth::PublishableKey(key)) => set("seam-publishable-key", key),
        Some(Auth::ClientSessionToken(token)) => {
            set("authorization", &["Bearer ", token].concat());
            set("client-session-token", token);
        }
        Some(Auth::Bearer(token, workspace_id)) => {
            set("authorization", &["Bearer ", token].concat());
            if let Some(workspace_id) = workspace_id {
                set("seam-workspace", workspace_id);
            }
        }
        None => {}
    }
    if has_body {
        set("content-type", "application/json");
    }
    set("seam-sdk-name", SDK_NAME);
    set("seam-sdk-version", SDK_VERSION);
    headers
}

/// Parameters as a JSON body. `undefined` sends `{}`: the API wants an object.
pub fn json_body(params: &JsValue, path: &str) -> Result<JsValue, SdkError> {
    if params.is_undefined() {
        return Ok(JsValue::from_str("{}"));
    }
    let fail = |why: &str| SdkError::Type(["Parameters for ", path, " could not be serialized: ", why].concat());
    let body = js_sys::JSON::stringify(params).map_err(|e| fail(&interop::describe(&e)))?;
    // A `toJSON` can turn the object into nothing at all.
    if !body.is_string() {
        return Err(fail("they serialize to nothing"));
    }
    Ok(body.into())
}
