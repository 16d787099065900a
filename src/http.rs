//! Building a request, sending it with the global `fetch`, and turning the response into a value
//! or a typed error. Bodies are parsed by the JS engine's own `JSON.parse` and handed back as JS
//! values, so response data never crosses into wasm memory.

use js_sys::{Array, JsString, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::error::{ApiError, SdkError};

#[wasm_bindgen(module = "/src/js/transport.js")]
extern "C" {
    fn attempt(method: &str, url: &str, headers: &Object, body: &JsValue, credentials: &str, timeout_ms: f64) -> Promise;

    /// What `attempt` resolves with; read through getters, the cheapest way across.
    type Answer;

    #[wasm_bindgen(method, getter)]
    fn status(this: &Answer) -> f64;

    #[wasm_bindgen(method, getter, js_name = requestId)]
    fn request_id(this: &Answer) -> Option<String>;

    #[wasm_bindgen(method, getter, js_name = retryAfter)]
    fn retry_after(this: &Answer) -> Option<String>;

    #[wasm_bindgen(method, getter)]
    fn text(this: &Answer) -> JsValue;

    #[wasm_bindgen(js_name = sleep)]
    fn sleep_promise(ms: f64) -> Promise;
}

#[wasm_bindgen]
extern "C" {
    // `String(value)`: JS's own number formatting, and a description of any thrown value.
    #[wasm_bindgen(js_name = String)]
    fn js_string(value: &JsValue) -> JsString;

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
    ApiKey(&'a str),
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

/// The headers of a request made with `auth`; `has_body` adds the JSON content type. Tokens and
/// keys are checked to be visible ASCII, so the browser takes every value.
pub fn headers(auth: &Auth, has_body: bool) -> Object {
    let headers = Object::new();
    let set = |name: &str, value: &str| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&headers, &JsValue::from_str(name), &JsValue::from_str(value));
    };
    match auth {
        Auth::PublishableKey(key) => set("seam-publishable-key", key),
        Auth::ClientSessionToken(token) => {
            set("authorization", &["Bearer ", token].concat());
            set("client-session-token", token);
        }
        Auth::ApiKey(key) => set("authorization", &["Bearer ", key].concat()),
    }
    if has_body {
        set("content-type", "application/json");
    }
    set("seam-sdk-name", SDK_NAME);
    set("seam-sdk-version", SDK_VERSION);
    headers
}

/// How long an attempt may take and how often a failed idempotent request is sent again.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    /// Per attempt, in milliseconds; 0 for none.
    pub timeout_ms: f64,
    pub retries: u32,
}

fn network_error(request: &Request, cause: JsValue) -> SdkError {
    SdkError::Network {
        message: ["Could not reach the Seam API for ", request.method.as_str(), " ", request.path, ": no response"].concat(),
        cause,
    }
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

/// The delay before retry number `retry` (1, 2, ...): about 200 ms, then 400 ms, ..., or what
/// the server asked for (capped at the timeout), plus up to 20 % jitter.
pub fn backoff_ms(retry: u32, retry_after: Option<f64>, timeout_ms: f64, jitter: f64) -> f64 {
    let exponential = 100.0 * 2f64.powi(retry.min(20) as i32);
    let asked = retry_after.map_or(0.0, |after| if timeout_ms > 0.0 { after.min(timeout_ms) } else { after });
    let jitter = if jitter.is_finite() { jitter.clamp(0.0, 1.0) } else { 0.0 };
    exponential.max(asked) * (1.0 + jitter * 0.2)
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
        let attempt = send_once(&request, policy.timeout_ms).await;
        if !(attempt.transient && request.method.is_idempotent() && retry < policy.retries) {
            return attempt.result;
        }
        retry += 1;
        sleep(backoff_ms(retry, attempt.retry_after, policy.timeout_ms, js_sys::Math::random())).await;
    }
}

async fn send_once(request: &Request<'_>, timeout_ms: f64) -> Attempt {
    let body = request.body.clone().unwrap_or(JsValue::UNDEFINED);
    let sent = attempt(request.method.as_str(), &request.url, request.headers, &body, request.credentials.as_str(), timeout_ms);
    let answer: Answer = match JsFuture::from(sent).await {
        Ok(answer) => answer.unchecked_into(),
        Err(failure) => {
            let result = Err(if field(&failure, "timedOut").is_truthy() {
                SdkError::Timeout {
                    message: ["The Seam API did not answer ", request.method.as_str(), " ", request.path, " in time"].concat(),
                    cause: field(&failure, "cause"),
                }
            } else {
                network_error(request, field(&failure, "cause"))
            });
            let transient = matches!(result, Err(SdkError::Network { .. }));
            return Attempt { result, transient, retry_after: None };
        }
    };
    // A status outside 0..=65535 cannot come from fetch; it reads as 0, which no rule accepts.
    let status = Some(answer.status()).filter(|s| (0.0..=65535.0).contains(s)).unwrap_or(0.0) as u16;
    let request_id = answer.request_id();
    let retry_after = answer.retry_after().and_then(|value| retry_after_ms(&value, js_sys::Date::now(), js_sys::Date::parse));
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
        error_type: field(&error, "type").as_string(),
        error_message: field(&error, "message").as_string(),
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

/// `object[key]`, or `undefined` when it cannot be read (not an object, a throwing getter).
pub fn field(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
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
        None => not_seam(),
    }
}

/// A number as JS writes it (`1000`, `0.5`), without Rust's formatting machinery.
pub fn number_text(n: f64) -> String {
    js_string(&JsValue::from(n)).into()
}

fn describe(value: &JsValue) -> String {
    js_string(value).into()
}


pub fn invalid_body(status: u16, request_id: Option<String>, path: &str, what: &str) -> SdkError {
    let mut status_text = String::new();
    push_u32(&mut status_text, status.into());
    SdkError::InvalidResponse {
        status,
        request_id,
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
/// has no route whose resource is anything else).
pub fn response_value(body: &JsValue, path: &str, response_key: &str) -> Result<JsValue, SdkError> {
    let value = field(body, response_key);
    if !value.is_object() {
        return Err(invalid_body(200, None, path, &["no object under \"", response_key, "\" in its body"].concat()));
    }
    Ok(value)
}

/// Parameters as a JSON body. `undefined` sends `{}`: the API wants an object.
pub fn json_body(params: &JsValue, path: &str) -> Result<JsValue, SdkError> {
    if params.is_undefined() || params.is_null() {
        return Ok(JsValue::from_str("{}"));
    }
    let fail = |why: &str| SdkError::Type(["Parameters for ", path, " could not be serialized: ", why].concat());
    let body = js_sys::JSON::stringify(params).map_err(|e| fail(&describe(&e)))?;
    // A `toJSON` can turn the object into nothing at all.
    if !body.is_string() {
        return Err(fail("they serialize to nothing"));
    }
    Ok(body.into())
}

/// A query-string value, read from the JS parameters; serialization below is pure.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryValue {
    Omit,
    Null,
    Text(String),
    List(Vec<QueryValue>),
    Map(Vec<(String, QueryValue)>),
}

/// Flattens parameters into sorted `(key, value)` pairs the way @seamapi/http does: dotted
/// nesting, repeated keys for arrays (`key=` for an empty one), `null` as an empty value,
/// `undefined` and `''` omitted, and `_strict=true` appended when anything was written.
pub fn query_pairs(params: &[(String, QueryValue)]) -> Result<Vec<(String, String)>, String> {
    fn walk(key: &str, value: &QueryValue, out: &mut Vec<(String, String)>) -> Result<(), String> {
        match value {
            QueryValue::Omit => {}
            QueryValue::Null => out.push((key.to_owned(), String::new())),
            QueryValue::Text(text) if text.is_empty() => {}
            QueryValue::Text(text) => out.push((key.to_owned(), text.clone())),
            QueryValue::List(items) if items.is_empty() => out.push((key.to_owned(), String::new())),
            QueryValue::List(items) => {
                for item in items {
                    match item {
                        QueryValue::List(_) | QueryValue::Map(_) => {
                            return Err(["Cannot put nested arrays or objects inside the array ", key, " in a query string"].concat())
                        }
                        _ => walk(key, item, out)?,
                    }
                }
            }
            QueryValue::Map(entries) => walk_entries(&[key, "."].concat(), entries, out)?,
        }
        Ok(())
    }
    fn walk_entries(prefix: &str, entries: &[(String, QueryValue)], out: &mut Vec<(String, String)>) -> Result<(), String> {
        for (name, value) in entries {
            // A dot would be read back as nesting.
            if name.contains('.') {
                return Err(["Query parameter names cannot contain a dot: ", name].concat());
            }
            walk(&[prefix, name].concat(), value, out)?;
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk_entries("", params, &mut out)?;
    // Insertion sort: stable, so repeated keys keep their array order, and a few bytes of code
    // for the handful of pairs a query has.
    for i in 1..out.len() {
        let mut j = i;
        while j > 0 && out[j - 1].0 > out[j].0 {
            out.swap(j - 1, j);
            j -= 1;
        }
    }
    if !out.is_empty() {
        out.push(("_strict".to_owned(), "true".to_owned()));
    }
    Ok(out)
}

/// Reads a JS value into a `QueryValue`; `Err` names what cannot go in a query string.
pub fn query_value(value: &JsValue) -> Result<QueryValue, String> {
    if value.is_undefined() {
        return Ok(QueryValue::Omit);
    }
    if value.is_null() {
        return Ok(QueryValue::Null);
    }
    if let Some(text) = value.as_string() {
        return Ok(QueryValue::Text(text));
    }
    if let Some(flag) = value.as_bool() {
        return Ok(QueryValue::Text(if flag { "true" } else { "false" }.to_owned()));
    }
    if let Some(number) = value.as_f64() {
        if !number.is_finite() {
            return Err("NaN and Infinity cannot be sent".to_owned());
        }
        return Ok(QueryValue::Text(js_string(value).into()));
    }
    if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        if date.get_time().is_nan() {
            return Err("an invalid Date cannot be sent".to_owned());
        }
        return Ok(QueryValue::Text(date.to_iso_string().into()));
    }
    if Array::is_array(value) {
        let items: Result<Vec<_>, _> = Array::from(value).iter().map(|item| query_value(&item)).collect();
        return Ok(QueryValue::List(items?));
    }
    if value.is_object() && !value.is_function() {
        return Ok(QueryValue::Map(object_entries(value)?));
    }
    Err("only strings, numbers, booleans, dates, arrays and plain objects can be sent".to_owned())
}

pub fn object_entries(value: &JsValue) -> Result<Vec<(String, QueryValue)>, String> {
    let object: &Object = value.unchecked_ref();
    Object::keys(object)
        .iter()
        .map(|key| {
            let name = key.as_string().unwrap_or_default();
            let item = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
            query_value(&item).map(|item| (name, item))
        })
        .collect()
}

/// `path?query` for a GET or DELETE route.
pub fn query_url(endpoint: &str, path: &str, params: &JsValue) -> Result<String, SdkError> {
    let bad = |why: String| SdkError::Type(["Parameters for ", path, " cannot be sent: ", &why].concat());
    let entries = if params.is_undefined() || params.is_null() { Vec::new() } else { object_entries(params).map_err(bad)? };
    let pairs = query_pairs(&entries).map_err(bad)?;
    if pairs.is_empty() {
        return Ok([endpoint, path].concat());
    }
    let search = web_sys::UrlSearchParams::new().map_err(SdkError::Js)?;
    for (key, value) in &pairs {
        search.append(key, value);
    }
    Ok([endpoint, path, "?", &String::from(search.to_string())].concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> QueryValue {
        QueryValue::Text(s.to_owned())
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn query_is_sorted_flattened_and_strict() {
        let params = vec![
            ("limit".to_owned(), text("2")),
            ("device_ids".to_owned(), QueryValue::List(vec![text("a"), text("b")])),
            ("custom".to_owned(), QueryValue::Map(vec![("x".to_owned(), text("1"))])),
            ("gone".to_owned(), QueryValue::Omit),
            ("blank".to_owned(), text("")),
            ("nothing".to_owned(), QueryValue::Null),
            ("none".to_owned(), QueryValue::List(vec![])),
        ];
        assert_eq!(
            query_pairs(&params).unwrap(),
            pairs(&[
                ("custom.x", "1"),
                ("device_ids", "a"),
                ("device_ids", "b"),
                ("limit", "2"),
                ("none", ""),
                ("nothing", ""),
                ("_strict", "true"),
            ])
        );
    }

    #[test]
    fn empty_query_has_no_strict_flag() {
        assert!(query_pairs(&[]).unwrap().is_empty());
        assert!(query_pairs(&[("a".to_owned(), QueryValue::Omit)]).unwrap().is_empty());
    }

    #[test]
    fn refuses_what_cannot_be_a_query() {
        assert!(query_pairs(&[("a.b".to_owned(), text("1"))]).is_err());
        let dotted = QueryValue::Map(vec![("x.y".to_owned(), text("1"))]);
        assert!(query_pairs(&[("a".to_owned(), dotted)]).is_err());
        let nested = QueryValue::List(vec![QueryValue::List(vec![text("1")])]);
        assert!(query_pairs(&[("a".to_owned(), nested)]).is_err());
    }

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
        assert_eq!(backoff_ms(1, None, 30_000.0, 0.0), 200.0);
        assert_eq!(backoff_ms(2, None, 30_000.0, 0.0), 400.0);
        assert_eq!(backoff_ms(1, None, 30_000.0, 1.0), 240.0);
        assert_eq!(backoff_ms(1, Some(5_000.0), 30_000.0, 0.0), 5_000.0);
        assert_eq!(backoff_ms(1, Some(60_000.0), 1_000.0, 0.0), 1_000.0);
        assert_eq!(backoff_ms(1, Some(60_000.0), 0.0, 0.0), 60_000.0);
        assert!(backoff_ms(u32::MAX, None, 0.0, 0.5).is_finite());
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

    fn name() -> impl Strategy<Value = String> {
        // Mostly plain names; sometimes dots, empties and odd characters.
        prop_oneof![8 => "[a-z_]{1,12}", 1 => ".{0,6}"]
    }

    fn value() -> impl Strategy<Value = QueryValue> {
        let leaf = prop_oneof![
            Just(QueryValue::Omit),
            Just(QueryValue::Null),
            ".{0,12}".prop_map(QueryValue::Text),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(QueryValue::List),
                prop::collection::vec((name(), inner), 0..5).prop_map(QueryValue::Map),
            ]
        })
    }

    /// Query values as a tree: the leaves written under a key, and the keys nested below it.
    #[derive(Debug, Default, PartialEq)]
    struct Node {
        leaves: Vec<String>,
        children: std::collections::BTreeMap<String, Node>,
    }

    impl Node {
        fn prune(mut self) -> Option<Node> {
            self.children = std::mem::take(&mut self.children).into_iter().filter_map(|(k, n)| Some((k, n.prune()?))).collect();
            (!self.leaves.is_empty() || !self.children.is_empty()).then_some(self)
        }
    }

    /// The tree the parameters mean, built from the values themselves (not from keys), or `None`
    /// where they must be refused.
    fn meaning(params: &[(String, QueryValue)]) -> Option<Node> {
        fn put(node: &mut Node, value: &QueryValue, in_list: bool) -> Option<()> {
            match value {
                QueryValue::Omit => {}
                QueryValue::Null => node.leaves.push(String::new()),
                QueryValue::Text(text) => {
                    if !text.is_empty() {
                        node.leaves.push(text.clone());
                    }
                }
                QueryValue::List(_) | QueryValue::Map(_) if in_list => return None,
                QueryValue::List(items) if items.is_empty() => node.leaves.push(String::new()),
                QueryValue::List(items) => items.iter().try_for_each(|item| put(node, item, true))?,
                QueryValue::Map(entries) => enter(node, entries)?,
            }
            Some(())
        }
        fn enter(node: &mut Node, entries: &[(String, QueryValue)]) -> Option<()> {
            for (name, value) in entries {
                if name.contains('.') {
                    return None;
                }
                put(node.children.entry(name.clone()).or_default(), value, false)?;
            }
            Some(())
        }
        let mut root = Node::default();
        enter(&mut root, params)?;
        Some(root.prune().unwrap_or_default())
    }

    /// The tree the serialized pairs decode to, splitting keys on dots.
    fn decode(pairs: &[(String, String)]) -> Node {
        let mut root = Node::default();
        for (key, value) in pairs {
            let node = key.split('.').fold(&mut root, |node, part| node.children.entry(part.to_owned()).or_default());
            node.leaves.push(value.clone());
        }
        root
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 100_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn query_serialization(params in prop::collection::vec((name(), value()), 0..6)) {
            let meant = meaning(&params);
            match query_pairs(&params) {
                Ok(pairs) => {
                    let Some(meant) = meant else { return Err(TestCaseError::fail("accepted what must be refused")) };
                    if pairs.is_empty() {
                        prop_assert_eq!(meant, Node::default());
                    } else {
                        // `_strict=true` last, the rest sorted by key, and decoding them gives back
                        // what the parameters mean (leaves of one key in their original order).
                        let (strict, rest) = pairs.split_last().unwrap();
                        prop_assert_eq!(strict, &("_strict".to_owned(), "true".to_owned()));
                        prop_assert!(rest.windows(2).all(|w| w[0].0 <= w[1].0));
                        prop_assert_eq!(decode(rest), meant);
                    }
                }
                Err(message) => {
                    prop_assert!(meant.is_none(), "refused valid parameters: {}", message);
                    prop_assert!(!message.is_empty());
                }
            }
        }

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
                Verdict::Api { code, message } => {
                    prop_assert!(!(200..300).contains(&status) && json_object);
                    prop_assert_eq!(Some(&code), error_type.as_ref());
                    prop_assert!(!code.is_empty() && !message.is_empty());
                }
                Verdict::NotSeam(what) => {
                    prop_assert!(!json_object || !(200..300).contains(&status) && error_type.map_or(true, |t| t.is_empty()));
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
            let delay = backoff_ms(retry, after, timeout, jitter);
            prop_assert!(delay.is_finite() && delay >= 100.0);
        }
    }
}
