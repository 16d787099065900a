//! Waiting for an action attempt (unlocking a door, say) to succeed or fail, by polling
//! `/action_attempts/get` as @seamapi/http does.

use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use crate::client::Inner;
use crate::error::SdkError;
use crate::generated::routes::ACTION_ATTEMPTS_GET;
use crate::http;
use crate::interop::{self, field};
use crate::options::Wait;
use crate::query;

/// Resolves with the attempt once it succeeded; rejects once it failed or `wait.timeout_ms` has
/// passed. The timeout is a deadline for the whole wait: a poll still in flight then is aborted,
/// and with a timeout of 0 the attempt in hand is checked and none is made.
pub async fn wait_for(inner: &Rc<Inner>, attempt: JsValue, wait: Wait) -> Result<JsValue, SdkError> {
    let deadline = js_sys::Date::now() + wait.timeout_ms;
    let timed_out = |action_attempt| SdkError::ActionAttemptTimeout { timeout_ms: wait.timeout_ms, action_attempt };
    let params = interop::record();
    let _ = Reflect::set(&params, &"action_attempt_id".into(), &field(&attempt, "action_attempt_id"));
    let url = query::query_url(&inner.endpoint, ACTION_ATTEMPTS_GET.path, &params)?;
    let mut attempt = attempt;
    loop {
        match interop::text(&field(&attempt, "status"), 16).as_deref() {
            Some("success") => return Ok(attempt),
            Some("error") => {
                let error = field(&attempt, "error");
                let code = interop::text_cut(&field(&error, "type"), 256).unwrap_or_default();
                let message = interop::text_cut(&field(&error, "message"), 2000).unwrap_or_else(|| ["Action attempt failed: ", &code].concat());
                return Err(SdkError::ActionAttemptFailed { code, message, action_attempt: attempt });
            }
            _ => {}
        }
        let remaining = deadline - js_sys::Date::now();
        if remaining <= 0.0 {
            return Err(timed_out(attempt));
        }
        http::sleep(wait.polling_interval_ms.min(remaining)).await;
        let body = match inner.execute_within(&ACTION_ATTEMPTS_GET, &url, None, deadline).await {
            Err(SdkError::DeadlinePassed) => return Err(timed_out(attempt)),
            body => body?,
        };
        attempt = http::response_value(&body, ACTION_ATTEMPTS_GET.path, "action_attempt")?;
    }
}
