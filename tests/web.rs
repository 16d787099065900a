//! The crate's exports in headless Chromium: error classes built from Rust, and a client talking
//! to Seam's fake server (its URL comes from SEAM_TEST_ENDPOINT at build time).
#![cfg(target_arch = "wasm32")]

use js_sys::{Function, Promise, Reflect};
use seam_wasm::SeamClient;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ENDPOINT: Option<&str> = option_env!("SEAM_TEST_ENDPOINT");

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &key.into()).unwrap()
}

fn options() -> JsValue {
    let options = js_sys::Object::new();
    Reflect::set(&options, &"endpoint".into(), &ENDPOINT.expect("SEAM_TEST_ENDPOINT").into()).unwrap();
    Reflect::set(&options, &"storage".into(), &"memory".into()).unwrap();
    options.into()
}

async fn call(target: &JsValue, method: &str, params: &JsValue) -> Result<JsValue, JsValue> {
    let function: Function = get(target, method).dyn_into().unwrap();
    // Route methods return a request; `execute()` sends it (the package's entry makes it
    // thenable too, with the promise `execute()` returns).
    let request = function.call1(target, params).unwrap();
    let execute: Function = get(&request, "execute").dyn_into().unwrap();
    JsFuture::from(execute.call0(&request).unwrap().unchecked_into::<Promise>()).await
}

#[wasm_bindgen_test]
fn a_publishable_key_is_not_a_client_session_token() {
    let error = SeamClient::from_client_session_token("seam_pk1_token".into(), None).err().unwrap();
    assert!(error.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&error, "name"), "SeamHttpInvalidTokenError");
    let message = get(&error, "message").as_string().unwrap();
    assert!(message.contains("A Publishable Key cannot be used as a clientSessionToken"), "{message}");
}

#[wasm_bindgen_test]
fn unknown_options_are_refused() {
    let options = js_sys::Object::new();
    Reflect::set(&options, &"endpiont".into(), &"http://x".into()).unwrap();
    let error = SeamClient::from_client_session_token("seam_cst1_token".into(), Some(options.into())).err().unwrap();
    assert_eq!(get(&error, "name"), "SeamHttpInvalidOptionsError");
}

#[wasm_bindgen_test]
async fn lists_the_seeded_devices() {
    let client = SeamClient::from_client_session_token("seam_cst1_token".into(), Some(options())).unwrap();
    let devices = call(&client.devices(), "list", &JsValue::UNDEFINED).await.unwrap();
    let devices: js_sys::Array = devices.dyn_into().unwrap();
    assert_eq!(devices.length(), 4);
    let ids: Vec<String> = devices.iter().map(|d| get(&d, "device_id").as_string().unwrap()).collect();
    assert!(ids.contains(&"august_device_1".to_owned()), "{ids:?}");
}

#[wasm_bindgen_test]
async fn api_errors_keep_the_api_type() {
    let client = SeamClient::from_client_session_token("seam_cst1_token".into(), Some(options())).unwrap();
    let params = js_sys::Object::new();
    Reflect::set(&params, &"device_id".into(), &"no_such_device".into()).unwrap();
    let error = call(&client.devices(), "get", &params.into()).await.err().unwrap();
    assert_eq!(get(&error, "name"), "SeamHttpApiError");
    assert_eq!(get(&error, "code"), "device_not_found");
    assert_eq!(get(&error, "statusCode"), 404);
}
