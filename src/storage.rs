//! Where a client session is kept between page loads. Web storage can be missing (workers, Node)
//! or throw on any access (private mode, quota, blocked cookies, sandboxed frames); then the
//! session lives in memory for this page instead, and the page is told once.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::auth::Session;

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
                if !WARNED.replace(true) {
                    web_sys::console::warn_2(
                        &JsValue::from_str("seam-wasm: browser storage is not usable here, so the client session is kept in memory for this page only:"),
                        &cause,
                    );
                }
                None
            }
        }
    }

    /// The stored text, whatever it is.
    pub fn read_text(&self) -> Option<String> {
        match self.with_web(|storage| storage.get_item(&self.key)) {
            Some(value) => value,
            None => MEMORY.with(|memory| memory.borrow().iter().find(|(key, _)| *key == self.key).map(|(_, raw)| raw.clone())),
        }
    }

    /// The stored session, if there is a well-formed one.
    pub fn read(&self) -> Option<Session> {
        let raw = self.read_text()?;
        Session::from_js(&js_sys::JSON::parse(&raw).ok()?)
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

    /// Calls `on_change` when another tab changes or clears this store's key.
    pub fn watch(&self, on_change: impl FnMut() + 'static) -> Option<Watch> {
        let area = self.with_web(|storage| Ok(storage.clone()))?;
        let window = web_sys::window()?;
        let key = self.key.clone();
        let mut on_change = on_change;
        let closure = Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            let same_area = event.storage_area().is_some_and(|changed| JsValue::from(changed) == JsValue::from(area.clone()));
            // A `null` key means the whole area was cleared.
            let same_key = event.key().is_none_or(|changed| changed == key);
            if same_area && same_key {
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
    closure: Closure<dyn FnMut(web_sys::StorageEvent)>,
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
