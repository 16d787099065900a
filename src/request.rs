//! `SeamHttpRequest`: what a route method returns. It is lazy and thenable, as in @seamapi/http:
//! nothing is sent until it is awaited or executed, and it is sent at most once.

use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::{comma_list, SdkError};
use crate::interop;
use crate::options::{self, Wait};
use crate::query;
use crate::routes::{Route, RouteId};
use crate::runner::Runner;
use crate::wire;

/// A request checked and built, ready to send.
struct Prepared {
    url: String,
    body: Option<JsValue>,
}

/// Checks parameters against the route and builds its URL and body. @seamapi/http's checks come
/// first, with its messages and in its order; then ours, of what cannot be read or sent.
fn prepare(endpoint: &str, route: &Route, params: &JsValue) -> Result<Prepared, SdkError> {
    if params.is_undefined() {
        if route.has_required_parameters() {
            return Err(SdkError::Type(["Parameters are required for ", route.path].concat()));
        }
    } else {
        check_names(route, params)?;
    }
    if route.method.uses_query() {
        Ok(Prepared { url: query::query_url(endpoint, route.path, params)?, body: None })
    } else {
        Ok(Prepared { url: [endpoint, route.path].concat(), body: Some(wire::json_body(params, route.path)?) })
    }
}

/// Given parameters: an object (null is not), with every required name and one of the
/// "at least one" names not `undefined` (null counts as given).
fn check_names(route: &Route, params: &JsValue) -> Result<(), SdkError> {
    if !interop::is_plain_object(params).map_err(|error| unreadable(route, &error))? {
        return Err(SdkError::Type(["Parameters for ", route.path, " must be an object"].concat()));
    }
    let given = |name: &str| -> Result<bool, SdkError> {
        Ok(!interop::get(params, name).map_err(|error| unreadable(route, &error))?.is_undefined())
    };
    let mut missing = Vec::new();
    for name in route.required() {
        if !given(name)? {
            missing.push(name);
        }
    }
    if !missing.is_empty() {
        return Err(SdkError::Type(["Required parameters missing for ", route.path, ": ", &comma_list(missing)].concat()));
    }
    let mut any = route.at_least_one.is_empty();
    for name in route.at_least_one() {
        any = any || given(name)?;
    }
    if !any {
        return Err(SdkError::Type(["At least one parameter is required for ", route.path].concat()));
    }
    Ok(())
}

fn unreadable(route: &Route, error: &JsValue) -> SdkError {
    SdkError::Type(["Parameters for ", route.path, " cannot be read: ", &interop::describe(error)].concat())
}

/// A call to one route; await it (or call `execute()`) to send it.
///
/// What it holds besides its route is kept in a JS object of its own (`state`, with no
/// prototype), not in wasm memory: the page's garbage collector frees a request's wasm part only
/// when it finalizes the request, which Firefox puts off for tens of thousands of them, and it
/// sees JS memory where it does not see wasm's.
#[wasm_bindgen(skip_typescript)]
pub struct SeamHttpRequest {
    runner: Rc<Runner>,
    id: RouteId,
    /// `params`: as given; `url` and `body`: the request built, when the parameters passed every
    /// check, else `unsendable`: why not; `wait`, `timeout`, `interval`: how to wait for an action
    /// attempt, else `badOptions`: why not (both reported when it is sent); `response` and
    /// `result`: the promises, once asked for.
    state: JsValue,
}

#[wasm_bindgen(module = "/src/js/paginator.js")]
extern "C" {
    #[wasm_bindgen(js_name = pageParams, catch)]
    fn page_params(params: &JsValue, page_cursor: &JsValue) -> Result<JsValue, JsValue>;
}

impl SeamHttpRequest {
    pub(crate) fn new(runner: &Rc<Runner>, route: RouteId, params: JsValue, options: JsValue) -> SeamHttpRequest {
        SeamHttpRequest::build(runner, route, params, options::parse_request(&options, runner.wait).map_err(JsValue::from))
    }

    fn build(runner: &Rc<Runner>, id: RouteId, params: JsValue, wait: Result<Wait, JsValue>) -> SeamHttpRequest {
        let request = SeamHttpRequest { runner: runner.clone(), id, state: interop::record().into() };
        match prepare(&runner.endpoint, &id.route(), &params) {
            Ok(Prepared { url, body }) => {
                request.put("url", &JsValue::from_str(&url));
                request.put("body", &body.unwrap_or(JsValue::UNDEFINED));
            }
            Err(error) => request.put("unsendable", &error.into()),
        }
        match wait {
            Ok(wait) => {
                request.put("wait", &wait.enabled.into());
                request.put("timeout", &wait.timeout_ms.into());
                request.put("interval", &wait.polling_interval_ms.into());
            }
            Err(error) => request.put("badOptions", &error),
        }
        request.put("params", &params);
        request
    }

    fn route(&self) -> Route {
        self.id.route()
    }

    fn get(&self, key: &str) -> JsValue {
        interop::field(&self.state, key)
    }

    fn put(&self, key: &str, value: &JsValue) {
        interop::set(&self.state, key, value);
    }

    fn wait(&self) -> Result<Wait, JsValue> {
        let error = self.get("badOptions");
        if !error.is_undefined() {
            return Err(error);
        }
        let base = Wait::default();
        Ok(Wait {
            enabled: self.get("wait").as_bool().unwrap_or(base.enabled),
            timeout_ms: self.get("timeout").as_f64().unwrap_or(base.timeout_ms),
            polling_interval_ms: self.get("interval").as_f64().unwrap_or(base.polling_interval_ms),
        })
    }

    /// The promise kept under `key`, or the one `make` makes, kept. Nothing is borrowed while
    /// `make` runs: it starts a request, which runs the page's `fetch`, which may come back here.
    fn once(&self, key: &str, make: impl FnOnce() -> Promise) -> Promise {
        let kept = self.get(key);
        if kept.is_object() {
            return kept.unchecked_into();
        }
        let made = make();
        // A call made meanwhile, from inside `make`, has kept its own: that one stands.
        let kept = self.get(key);
        if kept.is_object() {
            return kept.unchecked_into();
        }
        self.put(key, &made);
        made
    }

    fn response_promise(&self) -> Promise {
        self.once("response", || {
            if let Some(error) = [self.get("unsendable"), self.get("badOptions")].into_iter().find(|error| !error.is_undefined()) {
                return Promise::reject(&error);
            }
            let route = self.route();
            let body = Some(self.get("body")).filter(|body| !body.is_undefined());
            self.runner.request(route.method, route.path, self.get("url").as_string().unwrap_or_default(), body, route.allows_client_session())
        })
    }
}

#[wasm_bindgen(js_class = SeamHttpRequest)]
impl SeamHttpRequest {
    /// The full URL, query string included, as a `URL`. Throws, as @seamapi/http's does, when
    /// the endpoint cannot be resolved; and when the parameters cannot be sent.
    #[wasm_bindgen(getter, unchecked_return_type = "URL")]
    pub fn url(&self) -> Result<JsValue, JsValue> {
        if let Some(error) = &self.runner.endpoint_error {
            return Err(SdkError::Plain(error.clone()).into());
        }
        let params = self.get("params");
        let in_query = self.route().method.uses_query() && !params.is_undefined() && !params.is_null();
        // Built already when the parameters passed every check: not read again.
        if let Some(built) = self.get("url").as_string() {
            let empty_query = in_query && !built.contains('?');
            return Ok(web_sys::Url::new(&[built.as_str(), if empty_query { "?" } else { "" }].concat())?.into());
        }
        let url = web_sys::Url::new(&[self.runner.endpoint.as_str(), self.route().path].concat())?;
        if in_query {
            // Written into the URL itself (no copy of the query into wasm), with the error
            // @seamapi/http's getter throws (`UnserializableParamError`, or what a getter threw);
            // its URL keeps the `?` of an empty query.
            query::update(&url.search_params(), &params)?;
            if interop::text(&interop::field(&url, "search"), 0).is_some() {
                url.set_search("?");
            }
        }
        Ok(url.into())
    }

    #[wasm_bindgen(getter)]
    pub fn pathname(&self) -> String {
        self.route().path.to_owned()
    }

    #[wasm_bindgen(getter)]
    pub fn method(&self) -> String {
        self.route().method.as_str().to_owned()
    }

    /// The parameters as given, for routes that send them in the query (GET and DELETE);
    /// `undefined` for the others, which send them as `body`.
    #[wasm_bindgen(getter)]
    pub fn params(&self) -> JsValue {
        if self.route().method.uses_query() { self.get("params") } else { JsValue::UNDEFINED }
    }

    /// The parameters as given, for routes that send them as a JSON body; `undefined` for GET and
    /// DELETE.
    #[wasm_bindgen(getter)]
    pub fn body(&self) -> JsValue {
        if self.route().method.uses_query() { JsValue::UNDEFINED } else { self.get("params") }
    }

    #[wasm_bindgen(getter = responseKey)]
    pub fn response_key(&self) -> JsValue {
        self.route().response_key.map_or(JsValue::UNDEFINED, JsValue::from_str)
    }

    #[wasm_bindgen(getter = hasPagination)]
    pub fn has_pagination(&self) -> bool {
        self.route().paginated()
    }

    /// A new request for the page after `pageCursor` (none: the first): the same parameters plus
    /// `page_cursor`, and the same options. Parameters that were refused stay as they were, so
    /// the new request is refused the same way.
    #[wasm_bindgen(js_name = withPageCursor)]
    pub fn with_page_cursor(&self, #[wasm_bindgen(js_name = pageCursor)] page_cursor: JsValue) -> Result<SeamHttpRequest, JsValue> {
        let params = self.get("params");
        let params = if self.get("unsendable").is_undefined() { page_params(&params, &page_cursor)? } else { params };
        Ok(SeamHttpRequest::build(&self.runner, self.id, params, self.wait()))
    }

    /// Sends the request (once) and resolves with its resource, after waiting for the action
    /// attempt when the route starts one.
    pub fn execute(&self) -> Promise {
        self.once("result", || {
            let response = self.response_promise();
            self.runner.resource(&response, self.route(), self.wait().unwrap_or_default())
        })
    }

    /// Sends the request (once) and resolves with the whole response body, without waiting for
    /// an action attempt.
    #[wasm_bindgen(js_name = fetchResponse)]
    pub fn fetch_response(&self) -> Promise {
        self.response_promise()
    }
}
