//! Reading an action attempt (unlocking a door, say): its state, and the error of one that
//! failed. The engine decides how to wait for it.

use wasm_bindgen::prelude::*;

use crate::engine::Attempt;
use crate::error::SdkError;
use crate::interop::{self, field};

/// `success`, `error`, or anything else: still pending, as @seamapi/http reads it.
pub fn status(attempt: &JsValue) -> Attempt {
    match interop::text(&field(attempt, "status"), 16).as_deref() {
        Some("success") => Attempt::Success,
        Some("error") => Attempt::Error,
        _ => Attempt::Pending,
    }
}

/// The error of an attempt that ended in `error`, with its type and message.
pub fn failed(attempt: JsValue) -> SdkError {
    let error = field(&attempt, "error");
    let code = interop::text_cut(&field(&error, "type"), 256).unwrap_or_default();
    let message = interop::text_cut(&field(&error, "message"), 2000).unwrap_or_else(|| ["Action attempt failed: ", &code].concat());
    SdkError::ActionAttemptFailed { code, message, action_attempt: attempt }
}
