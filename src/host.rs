//! What kind of host the SDK runs in, and its environment.

use crate::interop::{self, field};

/// A browser: a page (it has a document) or a page's worker, which has a location of some kind
/// (http(s), blob, data, file, an extension's). Node, Deno and Bun and server-side workers have
/// neither, so what counts as a server is what cannot be reached from a page.
pub fn in_browser() -> bool {
    let global = js_sys::global();
    !field(&global, "document").is_undefined() || interop::text(&field(&field(&global, "location"), "protocol"), 64).is_some()
}

/// `process.env[name]` in Node, Deno and Bun; nothing in a browser, which has no environment (a
/// page's `process` global, if it made one, is not read).
pub fn env_var(name: &str) -> Option<String> {
    if in_browser() {
        return None;
    }
    interop::text(&field(&field(&field(&js_sys::global(), "process"), "env"), name), 2048)
}
