//! The SDK's errors. Each becomes one of the JS classes in `js/errors.js`, so that callers get
//! `instanceof`, `name`, `code` and `cause` as with any other JS error.


use wasm_bindgen::prelude::*;

use crate::interop::{self, set};

#[wasm_bindgen(module = "/src/js/errors.js")]
extern "C" {
    // Builds an `Error`, whose constructor runs the page's hooks (stack-trace capture) where a
    // host has them.
    #[wasm_bindgen(js_name = createError, catch)]
    fn create_error(kind: &str, message: &str, fields: &JsValue) -> Result<JsValue, JsValue>;
}

/// Everything a call can fail with.
#[derive(Debug)]
pub enum SdkError {
    /// The API answered with a Seam error body.
    Api(ApiError),
    /// A token or key of the wrong kind or format.
    InvalidToken(String),
    /// An option or factory argument that is not valid.
    InvalidOptions(String),
    /// A factory of `SeamHttpWithoutWorkspace` missing its credential.
    InvalidOptionsWithoutWorkspace(String),
    /// What @seamapi/http reports as a plain `Error`.
    Plain(String),
    /// A response that is not Seam JSON.
    InvalidResponse { status: u16, request_id: Option<String>, path: String, message: String },
    /// No response at all; `cause` is the browser's error.
    Network { message: String, cause: JsValue },
    /// No complete response within the timeout; the request was aborted.
    Timeout { message: String, cause: JsValue },
    /// The action attempt ended in `error`.
    ActionAttemptFailed { code: String, message: String, action_attempt: JsValue },
    /// The action attempt was still pending when waiting for it timed out.
    ActionAttemptTimeout { timeout_ms: f64, action_attempt: JsValue },
    /// The client was signed out.
    SignedOut,
    /// Parameters that are not what the route takes (JS `TypeError`, as with @seamapi/http).
    Type(String),
    /// An error that is already a JS value (shared between calls waiting on one renewal).
    Js(JsValue),
}

/// The API's `{ error: { type, message, ... } }`, with the response's status.
#[derive(Debug)]
pub struct ApiError {
    pub status: u16,
    pub code: String,
    pub message: String,
    pub request_id: Option<String>,
    pub data: JsValue,
    pub validation_errors: JsValue,
}

/// Which JS class an API error becomes: 401s stay unauthorized whatever their type, and keep it.
pub fn api_error_kind(status: u16, code: &str) -> &'static str {
    if status == 401 {
        "unauthorized"
    } else if code == "invalid_input" {
        "invalidInput"
    } else {
        "api"
    }
}

pub fn invalid_token(message: &str) -> SdkError {
    SdkError::InvalidToken(["SeamHttp received an invalid token: ", message].concat())
}

pub fn invalid_options(message: &str) -> SdkError {
    SdkError::InvalidOptions(["SeamHttp received invalid options: ", message].concat())
}

pub fn invalid_options_without_workspace(message: &str) -> SdkError {
    SdkError::InvalidOptionsWithoutWorkspace(["SeamHttpWithoutWorkspace received invalid options: ", message].concat())
}

/// `a, b, c`: names in a message.
pub fn comma_list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for name in names {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(name);
    }
    out
}

fn opt_str(value: &Option<String>) -> JsValue {
    value.as_deref().map_or(JsValue::NULL, JsValue::from_str)
}

impl From<SdkError> for JsValue {
    fn from(error: SdkError) -> JsValue {
        let fields = interop::record();
        let (kind, message) = match error {
            SdkError::Js(value) => return value,
            SdkError::Api(api) => {
                // A 401's code is `unauthorized` whatever the API's type, as with @seamapi/http.
                set(&fields, "code", &JsValue::from_str(if api.status == 401 { "unauthorized" } else { &api.code }));
                set(&fields, "statusCode", &JsValue::from(api.status));
                set(&fields, "requestId", &JsValue::from_str(api.request_id.as_deref().unwrap_or_default()));
                set(&fields, "data", &api.data);
                set(&fields, "validationErrors", &api.validation_errors);
                (api_error_kind(api.status, &api.code), api.message)
            }
            SdkError::InvalidToken(message) => ("invalidToken", message),
            SdkError::InvalidOptions(message) => ("invalidOptions", message),
            SdkError::InvalidOptionsWithoutWorkspace(message) => ("invalidOptionsWithoutWorkspace", message),
            SdkError::Plain(message) => ("error", message),
            SdkError::InvalidResponse { status, request_id, path, message } => {
                set(&fields, "statusCode", &JsValue::from(status));
                set(&fields, "requestId", &opt_str(&request_id));
                set(&fields, "path", &JsValue::from_str(&path));
                ("invalidResponse", message)
            }
            SdkError::Network { message, cause } => {
                set(&fields, "cause", &cause);
                ("network", message)
            }
            SdkError::Timeout { message, cause } => {
                set(&fields, "cause", &cause);
                ("timeout", message)
            }
            SdkError::ActionAttemptFailed { code, message, action_attempt } => {
                set(&fields, "code", &JsValue::from_str(&code));
                set(&fields, "actionAttempt", &action_attempt);
                ("actionAttemptFailed", message)
            }
            SdkError::ActionAttemptTimeout { timeout_ms, action_attempt } => {
                set(&fields, "actionAttempt", &action_attempt);
                let ms = interop::number_text(timeout_ms);
                ("actionAttemptTimeout", ["Timed out waiting for action attempt after ", &ms, "ms"].concat())
            }
            SdkError::SignedOut => (
                "signedOut",
                "This client was signed out; create a new one with SeamClient.fromPublishableKey or SeamClient.fromClientSessionToken"
                    .to_owned(),
            ),
            SdkError::Type(message) => ("type", message),
        };
        // If building it threw, what was thrown is the best error there is.
        create_error(kind, &message, &fields).unwrap_or_else(|thrown| thrown)
    }
}

#[cfg(test)]
mod tests {
    use super::api_error_kind;

    #[test]
    fn unauthorized_keeps_its_class_whatever_the_type() {
        assert_eq!(api_error_kind(401, "client_session_expired"), "unauthorized");
        assert_eq!(api_error_kind(401, "invalid_input"), "unauthorized");
        assert_eq!(api_error_kind(400, "invalid_input"), "invalidInput");
        assert_eq!(api_error_kind(404, "device_not_found"), "api");
    }
}
