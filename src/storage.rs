//! Where a client session is kept between page loads. Web storage can be missing (workers, Node)
//! or throw on any access (private mode, quota, blocked cookies, sandboxed frames); then the
//! session lives in memory for this page instead, and the page is told once. A page's own
//! storage adapter may answer at once or with a promise; `js/storage.js` guards it, and once it
//! throws or rejects the session lives in memory too (every value written to it is written to
//! memory as well, so nothing is lost when it fails).

use std::cell::{Cell, RefCell};

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::auth::{header_safe, token_kind, TokenKind};
use crate::engine::{Session, Stored};
use crate::interop::{self, field, MAX_TOKEN_CHARS};

/// A stored value longer than this is not one of ours: it is read as unreadable, not copied.
const MAX_STORED_CHARS: u32 = 16_384;

#[wasm_bindgen(module = "/src/js/storage.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = guardAdapter)]
    fn guard_adapter(adapter: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_name = adapterGet)]
    fn adapter_get(guard: &JsValue, key: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_name = adapterWrite)]
    fn adapter_write(guard: &JsValue, key: &str, value: Option<String>) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, js_name = adapterSubscribe)]
    fn adapter_subscribe(guard: &JsValue, port: &JsValue) -> Result<JsValue, JsValue>;
}

#[derive(Clone, Debug, PartialEq)]
pub enum StorageKind {
    Local,
    Session,
    Memory,
    /// The page's adapter, as `js/storage.js` guards it.
    Adapter(JsValue),
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

    /// An adapter: `getItem`, `setItem` and `removeItem` functions, and `subscribe` if any.
    pub fn adapter(value: &JsValue) -> Result<StorageKind, JsValue> {
        for (key, required) in [("getItem", true), ("setItem", true), ("removeItem", true), ("subscribe", false)] {
            let method = interop::get(value, key)?;
            if !method.is_function() && (required || !method.is_undefined()) {
                return Err(JsValue::from_str(key));
            }
        }
        guard_adapter(value).map(StorageKind::Adapter)
    }
}

/// What a store holds: now, or once the adapter's promise settles (`Store::settled` reads it).
pub enum Text {
    Now(Option<String>),
    Later(Promise),
}

thread_local! {
    // Shared by all clients of the page, so two clients of one scope see one session. A page
    // holds a scope or two: a list is all it needs.
    static MEMORY: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    static WARNED: Cell<bool> = const { Cell::new(false) };
}

/// One scope's slot in storage.
pub struct Store {
    kind: RefCell<StorageKind>,
    key: String,
    /// What this store last wrote to an adapter (`None`: removed), to tell its echo of it.
    written: RefCell<Option<Option<String>>>,
}

fn web_storage(kind: StorageKind) -> Result<web_sys::Storage, JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let storage = match kind {
        StorageKind::Local => window.local_storage()?,
        StorageKind::Session => window.session_storage()?,
        StorageKind::Memory | StorageKind::Adapter(_) => None,
    };
    storage.ok_or_else(|| JsValue::from_str("not available"))
}

impl Store {
    pub fn new(kind: StorageKind, key: String) -> Store {
        Store { kind: RefCell::new(kind), key, written: RefCell::new(None) }
    }

    /// The adapter's guard, for a store that has one.
    fn guard(&self) -> Option<JsValue> {
        match &*self.kind.borrow() {
            StorageKind::Adapter(guard) => Some(guard.clone()),
            _ => None,
        }
    }

    /// Runs `op` on web storage, or returns `None` once this store has fallen back to memory
    /// (or keeps it there: memory, an adapter).
    fn with_web<T>(&self, op: impl FnOnce(&web_sys::Storage) -> Result<T, JsValue>) -> Option<T> {
        let kind = self.kind.borrow().clone();
        if matches!(kind, StorageKind::Memory | StorageKind::Adapter(_)) {
            return None;
        }
        match web_storage(kind).and_then(|storage| op(&storage)) {
            Ok(value) => Some(value),
            Err(cause) => {
                self.kind.replace(StorageKind::Memory);
                // A page whose storage fails is told; servers and workers never have any.
                if web_sys::window().is_some() && !WARNED.replace(true) {
                    interop::warn("seam-wasm: browser storage is not usable here, so the client session is kept in memory for this page only:", &cause);
                }
                None
            }
        }
    }

    /// The stored text, whatever it is (empty when it is too long to be ours), now or later.
    pub fn read_text(&self) -> Text {
        if let Some(guard) = self.guard() {
            let value = adapter_get(&guard, &self.key).unwrap_or(JsValue::UNDEFINED);
            return match value.dyn_into::<Promise>() {
                Ok(later) => Text::Later(later),
                Err(value) => Text::Now(self.settled(&value)),
            };
        }
        Text::Now(match self.with_web(|storage| interop::storage_get(storage, &self.key, MAX_STORED_CHARS)) {
            Some(value) => value,
            None => self.in_memory(),
        })
    }

    /// What an adapter's read settled with: `undefined` once the adapter has failed (memory
    /// then holds what was written).
    pub fn settled(&self, value: &JsValue) -> Option<String> {
        if value.is_undefined() {
            self.in_memory()
        } else {
            interop::text(value, MAX_STORED_CHARS)
        }
    }

    fn in_memory(&self) -> Option<String> {
        MEMORY.with(|memory| memory.borrow().iter().find(|(key, _)| *key == self.key).map(|(_, raw)| raw.clone()))
    }

    /// The stored text, when it can be had without waiting.
    pub fn read_text_now(&self) -> Option<Option<String>> {
        match self.read_text() {
            Text::Now(text) => Some(text),
            Text::Later(_) => None,
        }
    }

    /// The stored session, if there is a well-formed one and it can be read without waiting.
    pub fn read(&self) -> Option<Session> {
        session_in(self.read_text_now()?)
    }

    /// An adapter's reads may answer later: what they are for may have to use what it read before.
    pub fn has_adapter(&self) -> bool {
        self.guard().is_some()
    }

    pub fn write(&self, session: &Session) {
        if let Ok(raw) = js_sys::JSON::stringify(&session_to_js(session)) {
            self.write_text(String::from(raw));
        }
    }

    pub fn write_text(&self, raw: String) {
        if let Some(guard) = self.guard() {
            self.written.replace(Some(Some(raw.clone())));
            let _ = adapter_write(&guard, &self.key, Some(raw.clone()));
        } else if self.with_web(|storage| storage.set_item(&self.key, &raw)).is_some() {
            return;
        }
        self.remove_from_memory();
        MEMORY.with(|memory| memory.borrow_mut().push((self.key.clone(), raw)));
    }

    pub fn remove(&self) {
        // Both, in case the session was written to memory before web storage failed.
        if let Some(guard) = self.guard() {
            self.written.replace(Some(None));
            let _ = adapter_write(&guard, &self.key, None);
        }
        let _ = self.with_web(|storage| storage.remove_item(&self.key));
        self.remove_from_memory();
    }

    fn remove_from_memory(&self) {
        MEMORY.with(|memory| memory.borrow_mut().retain(|(key, _)| *key != self.key));
    }

    /// The web storage this store uses, to follow other tabs' changes to it; `None` in memory
    /// or with an adapter.
    pub fn area(&self) -> Option<JsValue> {
        self.with_web(|storage| Ok(storage.clone().into()))
    }

    /// An adapter reporting this store's own last write back as a change (web storage never
    /// does: its events are other tabs', and it keeps no record of writes).
    pub fn echoes(&self, text: &Option<String>) -> bool {
        self.written.borrow().as_ref() == Some(text)
    }

    /// Whether other tabs (or the adapter's other users) may share what this store holds.
    pub fn shared(&self) -> bool {
        matches!(&*self.kind.borrow(), StorageKind::Local | StorageKind::Adapter(_))
    }

    /// Has the adapter tell `port` of changes made elsewhere, if it can; returns what stops it.
    pub fn subscribe(&self, port: &JsValue) -> Option<js_sys::Function> {
        let stop = adapter_subscribe(&self.guard()?, port).ok()?;
        stop.dyn_into().ok()
    }

    pub fn key(&self) -> &str {
        &self.key
    }
}

/// What stored text says: nothing, a session, or something else.
pub fn stored_state(text: Option<String>) -> Stored {
    let Some(raw) = text else { return Stored::Nothing };
    match js_sys::JSON::parse(&raw).ok().as_ref().and_then(session_from_js) {
        Some(session) => Stored::Session(session),
        None => Stored::Unreadable,
    }
}

/// The session in stored text, if it holds one.
pub fn session_in(text: Option<String>) -> Option<Session> {
    match stored_state(text) {
        Stored::Session(session) => Some(session),
        _ => None,
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
