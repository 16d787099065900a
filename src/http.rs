//! Building a request, sending it with the global `fetch`, and turning the response into a value
//! or a typed error. Bodies are parsed by the JS engine's own `JSON.parse` and handed back as JS
//! values, so response data never crosses into wasm memory; the few strings that do (error type
//! and message, request id, `Retry-After`) are copied only up to a size.

use js_sys::{JsString, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::error::{ApiError, SdkError};
use crate::interop::{self, field};

#[wasm_bindgen(module = "/src/js/transport.js")]
extern "C" {
    // Async in JS: whatever the page's `fetch` does, this returns a promise.
    fn attempt(method: &str, url: &str, headers: &Object, body: &JsValue, credentials: &str, timeout_ms: f64) -> Promise;

    /// What `attempt` resolves with, a plain object of its own; read through getters, the
    /// cheapest way across.
    type Answer;

    #[wasm_bindgen(method, getter)]
    fn status(this: &Answer) -> f64;

    #[wasm_bindgen(method, getter)]
    fn redirected(this: &Answer) -> JsValue;

    #[wasm_bindgen(method, getter, js_name = requestId)]
    fn request_id(this: &Answer) -> JsValue;

    #[wasm_bindgen(method, getter, js_name = retryAfter)]
    fn retry_after(this: &Answer) -> JsValue;

    #[wasm_bindgen(method, getter)]
    fn text(this: &Answer) -> JsValue;

    #[wasm_bindgen(js_name = sleep)]
    fn sleep_promise(ms: f64) -> Promise;
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

/// `fetch`'s `credentials`.
pub enum Credentials {
    Include,
    Omit,
}

impl Credentials {
    fn as_str(&self) -> &'static str {
        match self {
            Credentials::Include => "include",
            Credentials::Omit => "omit",
        }
    }
}

pub enum Auth<'a> {
    PublishableKey(&'a str),
    ClientSessionToken(&'a str),
    /// An API key, a personal access token or a console session token, with the workspace it
    /// is scoped to.
    Bearer(&'a str, Option<&'a str>),
}

pub struct Request<'a> {
    pub method: Method,
    pub url: String,
    /// The route path, for error messages.
    pub path: &'a str,
    /// Made by `headers`.
    pub headers: &'a Object,
    pub body: Option<JsValue>,
    pub credentials: Credentials,
}

const SDK_NAME: &str = "seam-wasm";
const SDK_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The headers of a request made with `auth` (or none); `has_body` adds the JSON content type.
/// Tokens and keys are checked to be visible ASCII, so the browser takes every value.
pub fn headers(auth: Option<&Auth>, has_body: bool) -> Object {
    let headers = interop::record();
    let set = |name: &str, value: &str| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&headers, &JsValue::from_str(name), &JsValue::from_str(value));
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

/// How long an attempt may take, how often a failed idempotent request is sent again, and by
/// when everything must be over.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    /// Per attempt, in milliseconds; 0 for none.
    pub timeout_ms: f64,
    pub retries: u32,
    /// A clock time (ms) after which no attempt runs and none starts; infinite for none.
    pub deadline_ms: f64,
}

/// The longest wait between attempts, whatever the server asks and whatever the options.
pub const MAX_DELAY_MS: f64 = 60_000.0;

fn network_error(request: &Request, cause: JsValue) -> SdkError {
    SdkError::Network {
        message: ["Could not reach the Seam API for ", request.method.as_str(), " ", request.path, ": no response"].concat(),
        cause,
    }
}

fn timeout_error(request: &Request, cause: JsValue) -> SdkError {
    SdkError::Timeout { message: ["The Seam API did not answer ", request.method.as_str(), " ", request.path, " in time"].concat(), cause }
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: f64) {
    let _ = JsFuture::from(sleep_promise(ms)).await;
}

/// `Retry-After` in milliseconds: delay-seconds, or an HTTP date (given `date_ms` to parse it).
pub fn retry_after_ms(value: &str, now_ms: f64, date_ms: impl Fn(&str) -> f64) -> Option<f64> {
    let value = value.trim();
    if !value.is_empty() && value.len() <= 9 && value.bytes().all(|b| b.is_ascii_digit()) {
        return value.parse::<u32>().ok().map(|seconds| f64::from(seconds) * 1000.0);
    }
    let at = date_ms(value);
    (at.is_finite()).then(|| (at - now_ms).max(0.0))
}

/// The delay before retry number `retry` (1, 2, ...): about 200 ms, then 400 ms, ... (at most
/// `MAX_DELAY_MS`), or what the server asked for, plus up to 20 % jitter. `None` when the server
/// asked for longer than the client waits (the timeout, and never over `MAX_DELAY_MS`): its
/// answer then stands.
pub fn backoff_ms(retry: u32, retry_after: Option<f64>, timeout_ms: f64, jitter: f64) -> Option<f64> {
    let cap = if timeout_ms > 0.0 { timeout_ms.min(MAX_DELAY_MS) } else { MAX_DELAY_MS };
    let asked = retry_after.unwrap_or(0.0);
    if asked > cap {
        return None;
    }
    let exponential = 100.0 * 2f64.powi(retry.min(20) as i32);
    let jitter = if jitter.is_finite() { jitter.clamp(0.0, 1.0) } else { 0.0 };
    Some((exponential.max(asked) * (1.0 + jitter * 0.2)).min(MAX_DELAY_MS))
}

struct Attempt {
    result: Result<JsValue, SdkError>,
    /// Worth another try: no response (but not a timeout), 429, or 5xx.
    transient: bool,
    retry_after: Option<f64>,
}

/// Sends the request, again after a transient failure when the method is idempotent, and returns
/// the parsed JSON body of a 2xx response.
pub async fn send(request: Request<'_>, policy: Policy) -> Result<JsValue, SdkError> {
    let mut retry = 0;
    loop {
        let left = policy.deadline_ms - js_sys::Date::now();
        if left <= 0.0 {
            return Err(SdkError::DeadlinePassed);
        }
        // The deadline, when it comes before the attempt's own timeout, is what ends a slow one.
        let cut_by_deadline = left.is_finite() && (policy.timeout_ms <= 0.0 || left < policy.timeout_ms);
        let timeout_ms = if cut_by_deadline { left } else { policy.timeout_ms };
        let attempt = send_once(&request, timeout_ms).await;
        if cut_by_deadline && matches!(attempt.result, Err(SdkError::Timeout { .. })) {
            return Err(SdkError::DeadlinePassed);
        }
        if !(attempt.transient && request.method.is_idempotent() && retry < policy.retries) {
            return attempt.result;
        }
        retry += 1;
        match backoff_ms(retry, attempt.retry_after, policy.timeout_ms, js_sys::Math::random()) {
            Some(delay) if js_sys::Date::now() + delay >= policy.deadline_ms => return Err(SdkError::DeadlinePassed),
            Some(delay) => sleep(delay).await,
            None => return attempt.result,
        }
    }
}

async fn send_once(request: &Request<'_>, timeout_ms: f64) -> Attempt {
    let body = request.body.clone().unwrap_or(JsValue::UNDEFINED);
    let sent = attempt(request.method.as_str(), &request.url, request.headers, &body, request.credentials.as_str(), timeout_ms);
    let answer: Answer = match JsFuture::from(sent).await {
        Ok(answer) => answer.unchecked_into(),
        Err(failure) => {
            let cause = field(&failure, "cause");
            let (result, transient) = if field(&failure, "timedOut").is_truthy() {
                (Err(timeout_error(request, cause)), false)
            } else {
                (Err(network_error(request, cause)), true)
            };
            return Attempt { result, transient, retry_after: None };
        }
    };
    // A status outside 0..=65535 cannot come from fetch; it reads as 0, which no rule accepts.
    let status = Some(answer.status()).filter(|s| (0.0..=65535.0).contains(s)).unwrap_or(0.0) as u16;
    if answer.redirected().is_truthy() {
        let message = ["The Seam API answered ", request.path, " with a redirect, which is not followed: requests go to the endpoint only"].concat();
        return Attempt { result: Err(SdkError::InvalidResponse { status, request_id: None, path: request.path.to_owned(), message }), transient: false, retry_after: None };
    }
    let request_id = interop::text(&answer.request_id(), 256);
    let retry_after = interop::text(&answer.retry_after(), 64).and_then(|value| retry_after_ms(&value, js_sys::Date::now(), js_sys::Date::parse));
    let text = answer.text();
    let body = parse_json(&text).ok().filter(JsValue::is_object);
    let transient = status == 429 || (500..600).contains(&status);
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
        (Verdict::NotSeam(what), _) => Err(invalid_body(status, request_id, request.path, what)),
        (Verdict::Resource, None) => Err(invalid_body(status, request_id, request.path, "a body that is not Seam JSON")),
    };
    Attempt { result, transient, retry_after }
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
pub fn response_value(body: &JsValue, path: &str, response_key: &str) -> Result<JsValue, SdkError> {
    read_resource(body, response_key, path).map_err(SdkError::Js)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_values() {
        let no_date = |_: &str| f64::NAN;
        assert_eq!(retry_after_ms("2", 0.0, no_date), Some(2000.0));
        assert_eq!(retry_after_ms(" 0 ", 0.0, no_date), Some(0.0));
        assert_eq!(retry_after_ms("soon", 0.0, no_date), None);
        assert_eq!(retry_after_ms("", 0.0, no_date), None);
        assert_eq!(retry_after_ms("9999999999", 0.0, no_date), None);
        assert_eq!(retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT", 1000.0, |_| 4000.0), Some(3000.0));
        assert_eq!(retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT", 9000.0, |_| 4000.0), Some(0.0));
    }

    #[test]
    fn backoff_doubles_honours_retry_after_and_caps_it() {
        assert_eq!(backoff_ms(1, None, 30_000.0, 0.0), Some(200.0));
        assert_eq!(backoff_ms(2, None, 30_000.0, 0.0), Some(400.0));
        assert_eq!(backoff_ms(1, None, 30_000.0, 1.0), Some(240.0));
        assert_eq!(backoff_ms(1, Some(5_000.0), 30_000.0, 0.0), Some(5_000.0));
        assert_eq!(backoff_ms(20, None, 0.0, 0.0), Some(MAX_DELAY_MS));
        // Longer than the client waits: the answer stands rather than a wait of days.
        assert_eq!(backoff_ms(1, Some(60_000.0), 1_000.0, 0.0), None);
        assert_eq!(backoff_ms(1, Some(MAX_DELAY_MS), 0.0, 0.0), Some(MAX_DELAY_MS));
        assert_eq!(backoff_ms(1, Some(25.0 * 86_400_000.0), 0.0, 0.0), None);
    }

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

        #[test]
        fn retry_delays(value in ".{0,12}", now in 0f64..1e13, date in prop::num::f64::ANY, retry in 0u32..100, timeout in 0f64..1e6, jitter in prop::num::f64::ANY) {
            let after = retry_after_ms(&value, now, |_| date);
            if let Some(ms) = after {
                prop_assert!(ms >= 0.0 && ms.is_finite());
            }
            match backoff_ms(retry, after, timeout, jitter) {
                // Never a delay a browser's timer would run at once (over 2^31 - 1 ms).
                Some(delay) => prop_assert!(delay.is_finite() && (100.0..=MAX_DELAY_MS).contains(&delay)),
                None => {
                    let waits = if timeout > 0.0 { timeout.min(MAX_DELAY_MS) } else { MAX_DELAY_MS };
                    prop_assert!(after.is_some_and(|ms| ms > waits), "refused to wait {:?} with a timeout of {}", after, timeout);
                }
            }
        }
    }
}
