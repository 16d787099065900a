//! Where a client session is kept between page loads. Web storage can be missing (workers, Node)
//! or throw on any access (private mode, quota, blocked cookies, sandboxed frames); then the
//! session lives in memory for this page instead, and the page is told once.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;

use crate::auth::{header_safe, token_kind, TokenKind};
use crate::engine::{Session, Stored};
use crate::interop::{self, field, MAX_TOKEN_CHARS};

/// A stored value longer than this is not one of ours: it is read as unreadable, not copied.
const MAX_STORED_CHARS: u32 = 16_384;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageKind {
    Local,
    Session,
    Memory,
}

impl StorageKind {
    pub fn parse(name: &str) -> Option<StorageKind> {
        match name {
            "localStorage" => Some(StorageKind::Local),
            "sessionStorage" => Some(StorageKind::Session),
            "memory" => Some(StorageKind::Memory),
            _ => None,
        }
    }
}

thread_local! {
    // Shared by all clients of the page, so two clients of one scope see one session. A page
    // holds a scope or two: a list is all it needs.
    static MEMORY: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    static WARNED: Cell<bool> = const { Cell::new(false) };
}

/// One scope's slot in storage.
pub struct Store {
    kind: Cell<StorageKind>,
    key: String,
}

fn web_storage(kind: StorageKind) -> Result<web_sys::Storage, JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let storage = match kind {
        StorageKind::Local => window.local_storage()?,
        StorageKind::Session => window.session_storage()?,
        StorageKind::Memory => None,
    };
    storage.ok_or_else(|| JsValue::from_str("not available"))
}

impl Store {
    pub fn new(kind: StorageKind, key: String) -> Store {
        Store { kind: Cell::new(kind), key }
    }

    /// Runs `op` on web storage, or returns `None` once this store has fallen back to memory.
    fn with_web<T>(&self, op: impl FnOnce(&web_sys::Storage) -> Result<T, JsValue>) -> Option<T> {
        if self.kind.get() == StorageKind::Memory {
            return None;
        }
        match web_storage(self.kind.get()).and_then(|storage| op(&storage)) {
            Ok(value) => Some(value),
            Err(cause) => {
                self.kind.set(StorageKind::Memory);
                // A page whose storage fails is told; servers and workers never have any.
                if web_sys::window().is_some() && !WARNED.replace(true) {
                    interop::warn("seam-wasm: browser storage is not usable here, so the client session is kept in memory for this page only:", &cause);
                }
                None
            }
        }
    }

    /// The stored text, whatever it is (empty when it is too long to be ours).
    pub fn read_text(&self) -> Option<String> {
        match self.with_web(|storage| interop::storage_get(storage, &self.key, MAX_STORED_CHARS)) {
            Some(value) => value,
            None => MEMORY.with(|memory| memory.borrow().iter().find(|(key, _)| *key == self.key).map(|(_, raw)| raw.clone())),
        }
    }

    pub fn read_state(&self) -> Stored {
        let Some(raw) = self.read_text() else { return Stored::Nothing };
        match js_sys::JSON::parse(&raw).ok().as_ref().and_then(session_from_js) {
            Some(session) => Stored::Session(session),
            None => Stored::Unreadable,
        }
    }

    /// The stored session, if there is a well-formed one.
    pub fn read(&self) -> Option<Session> {
        match self.read_state() {
            Stored::Session(session) => Some(session),
            _ => None,
        }
    }

    pub fn write(&self, session: &Session) {
        if let Ok(raw) = js_sys::JSON::stringify(&session_to_js(session)) {
            self.write_text(String::from(raw));
        }
    }

    pub fn write_text(&self, raw: String) {
        if self.with_web(|storage| storage.set_item(&self.key, &raw)).is_none() {
            self.remove_from_memory();
            MEMORY.with(|memory| memory.borrow_mut().push((self.key.clone(), raw)));
        }
    }

    pub fn remove(&self) {
        // Both, in case the session was written to memory before web storage failed.
        let _ = self.with_web(|storage| storage.remove_item(&self.key));
        self.remove_from_memory();
    }

    fn remove_from_memory(&self) {
        MEMORY.with(|memory| memory.borrow_mut().retain(|(key, _)| *key != self.key));
    }

    /// The web storage this store uses, to follow other tabs' changes to it; `None` in memory.
    pub fn area(&self) -> Option<JsValue> {
        self.with_web(|storage| Ok(storage.clone().into()))
    }

    pub fn key(&self) -> &str {
        &self.key
    }
}

/// A field of a session, from the API or from storage; anything longer than a token could be is
/// not copied.
fn get_string(object: &JsValue, key: &str) -> Option<String> {
    interop::text(&field(object, key), MAX_TOKEN_CHARS)
}

/// Reads a session from a `client_session` object or from its stored form; `None` unless it has
/// a client session token.
pub fn session_from_js(value: &JsValue) -> Option<Session> {
    if !value.is_object() {
        return None;
    }
    let token = get_string(value, "token")?;
    if token_kind(&token) != TokenKind::ClientSessionToken || !header_safe(&token) {
        return None;
    }
    let revoked_at = field(value, "revoked_at");
    let expires_at = get_string(value, "expires_at");
    Some(Session {
        token,
        // An unparseable date (NaN) is not proof of death; the API will say.
        expires_ms: expires_at.as_deref().map_or(f64::NAN, js_sys::Date::parse),
        expires_at,
        client_session_id: get_string(value, "client_session_id"),
        revoked: !revoked_at.is_null() && !revoked_at.is_undefined(),
    })
}

/// The stored form: only what is needed to resume, never the user identifier key.
fn session_to_js(session: &Session) -> JsValue {
    let object = interop::record();
    let opt = |value: &Option<String>| value.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    interop::set(&object, "token", &JsValue::from_str(&session.token));
    interop::set(&object, "expires_at", &opt(&session.expires_at));
    interop::set(&object, "client_session_id", &opt(&session.client_session_id));
    object.into()
}

/// The storage key of a scope: the endpoint, then what identifies the session in it.
pub fn scope_key(endpoint: &str, scope: &str) -> String {
    ["seam-wasm:v1:", endpoint, ":", scope].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_kind_names() {
        assert_eq!(StorageKind::parse("localStorage"), Some(StorageKind::Local));
        assert_eq!(StorageKind::parse("sessionStorage"), Some(StorageKind::Session));
        assert_eq!(StorageKind::parse("memory"), Some(StorageKind::Memory));
        assert_eq!(StorageKind::parse("LocalStorage"), None);
    }

    #[test]
    fn scope_keys() {
        assert_eq!(scope_key("http://127.0.0.1:1", "client-session-token"), "seam-wasm:v1:http://127.0.0.1:1:client-session-token");
    }
}
