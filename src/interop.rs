//! Every touch of a page's value or of a global the page can replace goes through here.
//!
//! A JS exception must never unwind through a wasm frame: with panics that abort, the unwind
//! skips the restore of wasm's stack pointer, and after enough of them every call on the page
//! traps. So each import below that can run page code (getters, proxy traps, `toString`,
//! `toJSON`, a wrapped `console.warn` or `Storage`) is declared `catch`, and each walk over a
//! page value is bounded. Strings from the page or the server are copied into wasm only up to a
//! size, so no answer can grow wasm memory for good.

use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray(value)`; `Err` for a revoked Proxy.
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    pub fn is_array(value: &JsValue) -> Result<bool, JsValue>;

    /// `Object.keys(value)`, with whatever a Proxy's traps threw.
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    pub fn keys(value: &JsValue) -> Result<Array, JsValue>;

    // `String(value)`: JS's own number formatting, and a description of any thrown value.
    #[wasm_bindgen(js_name = String, catch)]
    fn string_js(value: &JsValue) -> Result<JsString, JsValue>;

    /// `Object.entries(value)`, with whatever a getter or a Proxy's traps threw.
    #[wasm_bindgen(js_namespace = Object, catch)]
    pub fn entries(value: &JsValue) -> Result<Array, JsValue>;

    /// `Object.getPrototypeOf(value)`, with whatever a Proxy's trap threw.
    #[wasm_bindgen(js_namespace = Object, js_name = getPrototypeOf, catch)]
    pub fn prototype_of(value: &JsValue) -> Result<JsValue, JsValue>;

    // `Object.prototype.toString.call(value)`, which reads a `Symbol.toStringTag` getter.
    #[wasm_bindgen(js_namespace = ["Object", "prototype", "toString"], js_name = call, catch)]
    fn tag_js(value: &JsValue) -> Result<JsValue, JsValue>;

    /// `String.prototype.includes.call(text, search)`.
    #[wasm_bindgen(js_namespace = ["String", "prototype", "includes"], js_name = call, catch)]
    pub fn includes(text: &JsValue, search: &str) -> Result<bool, JsValue>;

    /// Something with a `toISOString` of its own: a `Date`, or what claims to be one.
    pub type DateLike;

    /// `value.toISOString()`, whatever it returns or throws.
    #[wasm_bindgen(method, js_name = toISOString, catch)]
    pub fn to_iso_string(this: &DateLike) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = console, js_name = warn, catch)]
    fn warn_js(message: &str, detail: &JsValue) -> Result<(), JsValue>;

    // The message alone: a second argument `undefined` would be printed as "undefined".
    #[wasm_bindgen(js_namespace = console, js_name = warn, catch)]
    fn warn_message_js(message: &str) -> Result<(), JsValue>;

    #[wasm_bindgen(js_namespace = console, js_name = warn, variadic, catch)]
    fn warn_all_js(lines: Vec<JsValue>) -> Result<(), JsValue>;

    // `String.prototype.slice`, reached by `call` in a caught import: a page may replace it.
    #[wasm_bindgen(js_namespace = ["String", "prototype", "slice"], js_name = call, catch)]
    fn slice_js(string: &JsString, start: u32, end: u32) -> Result<JsValue, JsValue>;

    /// `localStorage` or `sessionStorage`, whose methods the page may have replaced.
    type StorageArea;

    #[wasm_bindgen(method, js_name = getItem, catch)]
    fn get_item(this: &StorageArea, key: &str) -> Result<JsValue, JsValue>;
}

/// How deep a walk over a page value goes before it gives up.
pub const MAX_DEPTH: usize = 32;

/// The longest token or key accepted, from the page or the API: far above any real one, far
/// below what would weigh on memory or on a request's headers.
pub const MAX_TOKEN_CHARS: u32 = 4096;

/// An object with no prototype, for what the SDK builds to send or store (headers, bodies, the
/// stored session): a setter or a `toJSON` a page put on `Object.prototype` never sees a key, a
/// token or a user identifier key, nor changes what is sent.
pub fn record() -> js_sys::Object {
    js_sys::Object::create(JsValue::NULL.unchecked_ref())
}

/// `object[key] = value` on an object the SDK made itself (a record, a fresh object), which no
/// setter of the page's can see, so it cannot fail.
pub fn set(object: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

/// `object[key]`, or `undefined` when it cannot be read (not an object, a throwing getter). For
/// the API's answers and the SDK's own objects, where a failed read means "absent".
pub fn field(object: &JsValue, key: &str) -> JsValue {
    get(object, key).unwrap_or(JsValue::UNDEFINED)
}

/// `object[key]`, with the error a getter or a proxy threw; for the page's parameters, where a
/// failed read must not pass for an absent value.
pub fn get(object: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    Reflect::get(object, &JsValue::from_str(key))
}

/// `object[key]` for a key that is already a JS value.
pub fn get_by(object: &JsValue, key: &JsValue) -> Result<JsValue, JsValue> {
    Reflect::get(object, key)
}

/// `value` as a Rust string when it is a string of at most `max_chars` UTF-16 units; a longer
/// one is not copied at all.
pub fn text(value: &JsValue, max_chars: u32) -> Option<String> {
    let string: &JsString = value.dyn_ref()?;
    (string.length() <= max_chars).then(|| string.into())
}

/// `value` as a string, cut to `max_chars` UTF-16 units with an ellipsis: for messages, whose
/// start is enough.
pub fn text_cut(value: &JsValue, max_chars: u32) -> Option<String> {
    let string: &JsString = value.dyn_ref()?;
    if string.length() <= max_chars {
        return Some(string.into());
    }
    // Read as any value: a replaced `slice` may answer anything.
    let mut cut = slice_js(string, 0, max_chars).ok().and_then(|start| text(&start, max_chars))?;
    cut.push('…');
    Some(cut)
}

/// `String(value)`, cut short, for messages; never throws, whatever `toString` does.
pub fn describe(value: &JsValue) -> String {
    string_js(value).ok().and_then(|s| text_cut(&s, 200)).unwrap_or_else(|| "a value that cannot be shown".to_owned())
}

/// JS's own text for a number (`1e21`, `0.1`, `-0` as `0`).
pub fn number_text(n: f64) -> String {
    describe(&JsValue::from(n))
}

/// An object (not an array, not a function), as options and parameters must be.
pub fn is_plain_object(value: &JsValue) -> Result<bool, JsValue> {
    Ok(value.is_object() && !value.is_function() && !is_array(value)?)
}

/// `key in value`, with whatever a Proxy's trap threw.
pub fn has(value: &JsValue, key: &JsValue) -> Result<bool, JsValue> {
    Reflect::has(value, key)
}

/// Whether `value` is tagged `[object <name>]` (`Object.prototype.toString`), as a `Date` of
/// another realm is; the tag is not copied when it is longer.
pub fn tagged(value: &JsValue, name: &str) -> Result<bool, JsValue> {
    let tag = tag_js(value)?;
    Ok(text(&tag, 64).is_some_and(|tag| tag.strip_prefix("[object ").and_then(|rest| rest.strip_suffix(']')) == Some(name)))
}

/// `console.warn`, which the page may have wrapped (monitoring, tests) with code that throws.
pub fn warn(message: &str, detail: &JsValue) {
    let _ = if detail.is_undefined() { warn_message_js(message) } else { warn_js(message, detail) };
}

/// `console.warn(...lines)`: each line one argument, as @seamapi/http prints its warnings.
pub fn warn_lines(lines: &[&str]) {
    let _ = warn_all_js(lines.iter().map(|line| JsValue::from_str(line)).collect());
}

/// `storage.getItem(key)`, bounded: a value longer than `max_chars` reads as garbage (`Some`
/// of an empty string), never copied. `Err` when the storage throws.
pub fn storage_get(storage: &web_sys::Storage, key: &str, max_chars: u32) -> Result<Option<String>, JsValue> {
    let value = storage.unchecked_ref::<StorageArea>().get_item(key)?;
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    Ok(Some(text(&value, max_chars).unwrap_or_default()))
}
