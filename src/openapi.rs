//! `getOpenapiSchema(endpoint)`: the API's OpenAPI spec, fetched as @seamapi/http fetches it.

use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;

use crate::client::promise;
use crate::error::SdkError;
use crate::http::{self, Credentials, Method};
use crate::interop;
use crate::options;

const PATH: &str = "/openapi.json";

/// `GET <endpoint>/openapi.json` with the SDK's headers only, retried and timed out as other
/// calls are; resolves with the body. The endpoint is read as the `endpoint` option is, with
/// @seamapi/http's default `https://connect.getseam.com` (no environment variable), and fails as
/// other calls do.
#[wasm_bindgen(js_name = getOpenapiSchema, unchecked_return_type = "Promise<unknown>")]
pub fn get_openapi_schema(#[wasm_bindgen(unchecked_optional_param_type = "string")] endpoint: Option<JsValue>) -> Promise {
    let given = interop::record();
    let endpoint = endpoint.filter(|e| !e.is_undefined() && !e.is_null()).unwrap_or_else(|| JsValue::from_str(options::DEFAULT_ENDPOINT));
    let _ = Reflect::set(&given, &"endpoint".into(), &endpoint);
    let options = match options::parse(&given) {
        Ok(options) => options,
        Err(error) => return Promise::reject(&error.into()),
    };
    if let Some(error) = options.endpoint_error {
        return Promise::reject(&SdkError::Plain(error).into());
    }
    promise(async move {
        let headers = http::headers(None, false);
        let url = [options.endpoint.as_str(), PATH].concat();
        http::send(http::Request { method: Method::Get, url, path: PATH, headers: &headers, body: None, credentials: Credentials::Omit }, options.policy).await
    })
}
