//! `getOpenapiSchema(endpoint)`: the API's OpenAPI spec, fetched as @seamapi/http fetches it.

use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;

use crate::client::promise;
use crate::http::{self, Credentials, Method};
use crate::interop;
use crate::options;

const PATH: &str = "/openapi.json";

/// `GET <endpoint>/openapi.json` with the SDK's headers only, retried and timed out as other
/// calls are; resolves with the body. The endpoint is read as the `endpoint` option is (default
/// `https://connect.getseam.com`), and fails as other calls do.
#[wasm_bindgen(js_name = getOpenapiSchema, unchecked_return_type = "Promise<unknown>")]
pub fn get_openapi_schema(#[wasm_bindgen(unchecked_optional_param_type = "string")] endpoint: Option<JsValue>) -> Promise {
    let given = interop::record();
    let _ = Reflect::set(&given, &"endpoint".into(), &endpoint.unwrap_or(JsValue::UNDEFINED));
    let options = match options::parse(&given) {
        Ok(options) => options,
        Err(error) => return Promise::reject(&error.into()),
    };
    promise(async move {
        let headers = http::headers(None, false);
        let url = [options.endpoint.as_str(), PATH].concat();
        http::send(http::Request { method: Method::Get, url, path: PATH, headers: &headers, body: None, credentials: Credentials::Omit }, options.policy).await
    })
}
