//! `getOpenapiSchema(endpoint)`: the API's OpenAPI spec, fetched as @seamapi/http fetches it.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::interop;
use crate::options;
use crate::routes::Method;
use crate::runner::{rejected, Mode, Runner};

const PATH: &str = "/openapi.json";

/// `GET <endpoint>/openapi.json` with the SDK's headers only, retried and timed out as other
/// calls are; resolves with the body. The endpoint is read as the `endpoint` option is, with
/// @seamapi/http's default `https://connect.getseam.com` (no environment variable), and fails as
/// other calls do.
#[wasm_bindgen(js_name = getOpenapiSchema, unchecked_return_type = "Promise<unknown>")]
pub fn get_openapi_schema(#[wasm_bindgen(unchecked_optional_param_type = "string")] endpoint: Option<JsValue>) -> Promise {
    let given = interop::record();
    let endpoint = endpoint.filter(|e| !e.is_undefined() && !e.is_null()).unwrap_or_else(|| JsValue::from_str(options::DEFAULT_ENDPOINT));
    interop::set(&given, "endpoint", &endpoint);
    match options::parse(&given) {
        Ok(options) => {
            let url = [options.endpoint.as_str(), PATH].concat();
            Runner::new(&options, Mode::Anonymous, None, None, None).request(Method::Get, PATH, url, None, false)
        }
        Err(error) => rejected(error),
    }
}
