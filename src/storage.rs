//! Where a client session is kept between page loads. Web storage can be missing (workers, Node)
//! or throw on any access (private mode, quota, blocked cookies, sandboxed frames); then the
//! session lives in memory for this page instead, and the page is told once.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::auth::Session;
use crate::interop;

/// A stored value longer than this is not one of ours: it is read as unreadable, not copied.
const MAX_STORED_CHARS: u32 = 16_384;

/// What a store holds.
pub enum Stored {
    Nothing,
    /// Something that is not a session: written by something else, cut short, or too long.
    Unreadable,
    Session(Session),
}

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
        match js_sys::JSON::parse(&raw).ok().as_ref().and_then(Session::from_js) {
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
        if let Ok(raw) = js_sys::JSON::stringify(&session.to_js()) {
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

    /// Calls `on_change` when another tab changes or clears this store's key. The event is read
    /// as any page value (a page can dispatch its own, with throwing getters), and compared in
    /// JS, without copying its strings.
    pub fn watch(&self, on_change: impl FnMut() + 'static) -> Option<Watch> {
        let area: JsValue = self.with_web(|storage| Ok(storage.clone()))?.into();
        let window = web_sys::window()?;
        let key = JsValue::from_str(&self.key);
        let mut on_change = on_change;
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let (Ok(changed_area), Ok(changed_key)) = (interop::get(&event, "storageArea"), interop::get(&event, "key")) else { return };
            // A `null` key means the whole area was cleared.
            if changed_area == area && (changed_key.is_null() || changed_key == key) {
                on_change();
            }
        });
        window.add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref()).ok()?;
        Some(Watch { window, closure })
    }
}

/// A `storage` listener, removed when dropped.
pub struct Watch {
    window: web_sys::Window,
    closure: Closure<dyn FnMut(JsValue)>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.window.remove_event_listener_with_callback("storage", self.closure.as_ref().unchecked_ref());
    }
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
