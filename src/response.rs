//! Reading an answer: a 2xx with Seam JSON is the value; anything else becomes a typed error.
//! Bodies are parsed by the JS engine's own `JSON.parse` and handed back as JS values, so
//! response data never crosses into wasm memory; the few strings that do (error type and
//! message, request id, `Retry-After`) are copied only up to a size.

use js_sys::JsString;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::retry_after_ms;
use crate::error::{ApiError, SdkError};
use crate::interop::{self, field};
use crate::routes::Method;

#[wasm_bindgen(module = "/src/js/driver.js")]
extern "C" {
    /// What the driver's `send` reports, a plain object of its own; read through getters, the
    /// cheapest way across.
    pub type Fetched;

    #[wasm_bindgen(method, getter)]
    fn status(this: &Fetched) -> f64;

    #[wasm_bindgen(method, getter)]
    fn redirected(this: &Fetched) -> JsValue;

    #[wasm_bindgen(method, getter, js_name = requestId)]
    fn request_id(this: &Fetched) -> JsValue;

    #[wasm_bindgen(method, getter, js_name = retryAfter)]
    fn retry_after(this: &Fetched) -> JsValue;

    #[wasm_bindgen(method, getter)]
    fn text(this: &Fetched) -> JsValue;
}

#[wasm_bindgen(module = "/src/js/errors.js")]
extern "C" {
    #[wasm_bindgen(js_name = readResource, catch)]
    fn read_resource(response: &JsValue, response_key: &str, path: &str) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    // Takes the body as a JS string: no copy into wasm and back.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &JsValue) -> Result<JsValue, JsValue>;
}

/// An answer as read: the body or the error, with what decides whether to try again.
pub struct Reading {
    pub result: Result<JsValue, SdkError>,
    /// 0 when nothing came back.
    pub status: u16,
    pub retry_after_ms: Option<f64>,
}

/// What the driver's `send` failed with (`{ timedOut, cause }`): no answer, or none in time.
pub fn failure(failure: &JsValue, method: Method, path: &str) -> Reading {
    let cause = field(failure, "cause");
    let what = [method.as_str(), " ", path].concat();
    let error = if field(failure, "timedOut").is_truthy() {
        SdkError::Timeout { message: ["The Seam API did not answer ", &what, " in time"].concat(), cause }
    } else {
        SdkError::Network { message: ["Could not reach the Seam API for ", &what, ": no response"].concat(), cause }
    };
    Reading { result: Err(error), status: 0, retry_after_ms: None }
}

/// What the driver's `send` resolved with.
pub fn read(answer: &Fetched, path: &str) -> Reading {
    // A status outside 0..=65535 cannot come from fetch; it reads as 0, which no rule accepts.
    let status = Some(answer.status()).filter(|s| (0.0..=65535.0).contains(s)).unwrap_or(0.0) as u16;
    if answer.redirected().is_truthy() {
        let message = ["The Seam API answered ", path, " with a redirect, which is not followed: requests go to the endpoint only"].concat();
        return Reading { result: Err(SdkError::InvalidResponse { status, request_id: None, path: path.to_owned(), message }), status, retry_after_ms: None };
    }
    let request_id = interop::text(&answer.request_id(), 256);
    let retry_after_ms = interop::text(&answer.retry_after(), 64).and_then(|value| retry_after_ms(&value, js_sys::Date::now(), js_sys::Date::parse));
    let text = answer.text();
    let body = parse_json(&text).ok().filter(JsValue::is_object);
    let success = (200..300).contains(&status);
    // Error fields are read only from error responses: a success body is handed on untouched.
    let error = match (&body, success) {
        (Some(body), false) => field(body, "error"),
        _ => JsValue::UNDEFINED,
    };
    let facts = BodyFacts {
        json_object: body.is_some(),
        empty: text.dyn_ref::<JsString>().is_none_or(|t| t.length() == 0),
        error_type: interop::text_cut(&field(&error, "type"), 256),
        error_message: interop::text_cut(&field(&error, "message"), 2000),
    };
    let result = match (classify(status, &facts), body) {
        (Verdict::Resource, Some(body)) => Ok(body),
        (Verdict::Api { code, message }, _) => Err(SdkError::Api(ApiError {
            status,
            code,
            message,
            request_id,
            data: field(&error, "data"),
            validation_errors: field(&error, "validation_errors"),
        })),
        (Verdict::NotSeam(what), _) => Err(invalid_body(status, request_id, path, what)),
        (Verdict::Resource, None) => Err(invalid_body(status, request_id, path, "a body that is not Seam JSON")),
    };
    Reading { result, status, retry_after_ms }
}

/// What a response body was found to hold.
#[derive(Debug, Clone)]
pub struct BodyFacts {
    /// It parsed as JSON, to an object.
    pub json_object: bool,
    pub empty: bool,
    /// `error.type` and `error.message`, when they are strings.
    pub error_type: Option<String>,
    pub error_message: Option<String>,
}

#[derive(Debug, PartialEq)]
pub enum Verdict {
    /// A 2xx with a JSON object: the resource is in it.
    Resource,
    /// The API's own error.
    Api { code: String, message: String },
    /// Anything else: empty, HTML, truncated, or JSON that is not Seam's.
    NotSeam(&'static str),
}

/// How a response is read: a 2xx needs a JSON object; an error needs Seam's
/// `{ error: { type, message } }` with a non-empty type to be an API error.
pub fn classify(status: u16, facts: &BodyFacts) -> Verdict {
    let not_seam = || Verdict::NotSeam(if facts.empty { "an empty body" } else { "a body that is not Seam JSON" });
    if (200..300).contains(&status) {
        return if facts.json_object { Verdict::Resource } else { not_seam() };
    }
    match facts.error_type.as_deref().filter(|code| facts.json_object && !code.is_empty()) {
        Some(code) => Verdict::Api {
            code: code.to_owned(),
            message: facts.error_message.clone().filter(|m| !m.is_empty()).unwrap_or_else(|| code.to_owned()),
        },
        // Whatever its body, a 401 is the API's refusal, as @seamapi/http reports it.
        None if status == 401 => Verdict::Api { code: "unauthorized".to_owned(), message: "Unauthorized".to_owned() },
        None => not_seam(),
    }
}

pub fn invalid_body(status: u16, request_id: Option<String>, path: &str, what: &str) -> SdkError {
    let mut status_text = String::new();
    push_u32(&mut status_text, status.into());
    SdkError::InvalidResponse {
        status,
        request_id,
        path: path.to_owned(),
        message: ["The Seam API answered ", path, " with HTTP ", &status_text, " and ", what].concat(),
    }
}

fn push_u32(out: &mut String, mut n: u32) {
    let start = out.len();
    loop {
        out.insert(start, char::from(b'0' + (n % 10) as u8));
        n /= 10;
        if n == 0 {
            break;
        }
    }
}

/// The route's resource: `body[response_key]`, which must be an object or an array (the spec
/// has no route whose resource is anything else); refused with @seamapi/http's message.
pub fn resource(body: &JsValue, path: &str, response_key: &str) -> Result<JsValue, SdkError> {
    read_resource(body, response_key, path).map_err(SdkError::Js)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_digits() {
        let mut s = String::from("x");
        push_u32(&mut s, 503);
        assert_eq!(s, "x503");
        let mut zero = String::new();
        push_u32(&mut zero, 0);
        assert_eq!(zero, "0");
    }
}

/// Properties over random input, natively: 100,000 cases each.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;
    proptest! {
        #![proptest_config(ProptestConfig { cases: 100_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn response_classification(
            status in 0u16..1000,
            json_object in any::<bool>(),
            empty in any::<bool>(),
            error_type in prop::option::of(".{0,8}"),
            error_message in prop::option::of(".{0,8}"),
        ) {
            let facts = BodyFacts { json_object, empty, error_type: error_type.clone(), error_message };
            match classify(status, &facts) {
                Verdict::Resource => prop_assert!((200..300).contains(&status) && json_object),
                Verdict::Api { code, message } if status == 401 && !(json_object && error_type.as_ref().is_some_and(|t| !t.is_empty())) => {
                    prop_assert_eq!((code.as_str(), message.as_str()), ("unauthorized", "Unauthorized"));
                }
                Verdict::Api { code, message } => {
                    prop_assert!(!(200..300).contains(&status) && json_object);
                    prop_assert_eq!(Some(&code), error_type.as_ref());
                    prop_assert!(!code.is_empty() && !message.is_empty());
                }
                Verdict::NotSeam(what) => {
                    prop_assert!(status != 401);
                    prop_assert!(!json_object || !(200..300).contains(&status) && error_type.is_none_or(|t| t.is_empty()));
                    prop_assert_eq!(what, if empty { "an empty body" } else { "a body that is not Seam JSON" });
                }
            }
        }
    }
}
