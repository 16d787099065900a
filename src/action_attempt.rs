//! Waiting for an action attempt (unlocking a door, say) to succeed or fail, by polling
//! `/action_attempts/get` as @seamapi/http does.

use std::rc::Rc;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::client::Inner;
use crate::error::SdkError;
use crate::generated::routes::ACTION_ATTEMPTS_GET;
use crate::http::{self, field};
use crate::options::Wait;

/// Resolves with the attempt once it succeeded; rejects once it failed or `wait.timeout_ms` has
/// passed. The attempt in hand is checked before each wait, and at least one poll is made.
pub async fn wait_for(inner: &Rc<Inner>, attempt: JsValue, wait: Wait) -> Result<JsValue, SdkError> {
    let deadline = js_sys::Date::now() + wait.timeout_ms;
    let id = field(&attempt, "action_attempt_id");
    let params = Object::new();
    let _ = Reflect::set(&params, &"action_attempt_id".into(), &id);
    let url = http::query_url(&inner.endpoint, ACTION_ATTEMPTS_GET.path, &params)?;
    let mut attempt = attempt;
    let mut polled = false;
    loop {
        match field(&attempt, "status").as_string().as_deref() {
            Some("success") => return Ok(attempt),
            Some("error") => {
                let error = field(&attempt, "error");
                let code = field(&error, "type").as_string().unwrap_or_default();
                let message = field(&error, "message").as_string().unwrap_or_else(|| ["Action attempt failed: ", &code].concat());
                return Err(SdkError::ActionAttemptFailed { code, message, action_attempt: attempt });
            }
            _ => {}
        }
        let remaining = deadline - js_sys::Date::now();
        if polled && remaining <= 0.0 {
            return Err(SdkError::ActionAttemptTimeout { timeout_ms: wait.timeout_ms, action_attempt: attempt });
        }
        http::sleep(wait.polling_interval_ms.min(remaining.max(0.0))).await;
        let body = inner.execute(&ACTION_ATTEMPTS_GET, &url, None).await?;
        attempt = http::response_value(&body, ACTION_ATTEMPTS_GET.path, "action_attempt")?;
        polled = true;
    }
}
