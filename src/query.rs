//! Parameters in a query string, the way @seamapi/http writes them (its `serializeUrlSearchParams`
//! and `updateUrlSearchParams`, from @seamapi/url-search-params-serializer): for the requests of
//! GET and DELETE routes, and as the package's own exports of those two. Reading the page's value
//! (`Reader`) is bounded; deciding what is written where (`plan`) is pure; `js/query.js` joins
//! the keys and writes into the URLSearchParams, which turns the values into text.

use js_sys::Array;
use wasm_bindgen::prelude::*;

use crate::error::SdkError;
use crate::interop::{self, DateLike, MAX_DEPTH};

#[wasm_bindgen(module = "/src/js/query.js")]
extern "C" {
    #[wasm_bindgen(catch, variadic)]
    fn put(search: &JsValue, append: bool, value: Option<JsValue>, path: Vec<JsValue>) -> Result<(), JsValue>;

    #[wasm_bindgen(catch)]
    fn finish(search: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, variadic)]
    fn unserializable(reason: &str, path: Vec<JsValue>) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = instantIso, catch)]
    fn instant_iso(ms: f64) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_name = objectPrototype, catch)]
    fn object_prototype() -> Result<JsValue, JsValue>;
}

/// A parameter value as @seamapi/http's serializer sees it. `V` is a JS value (a key, a value to
/// write, what reading threw); the native tests use strings.
#[derive(Debug, Clone, PartialEq)]
pub enum Param<V> {
    /// `undefined`: left out; an error in an array.
    Undefined,
    /// `''`: left out, since it would read back as `null`; an error in an array.
    Empty,
    /// `null`: an empty value; an error in an array.
    Null,
    /// Written as it is: a string, a finite number, a bigint, a boolean, a date's ISO text.
    Value(V),
    /// A plain object: its entries, under its key and theirs joined with dots.
    Object(Vec<Entry<V>>),
    /// An array: each item under its key (appended), or an empty value for none. Items are never
    /// objects or arrays: those are read as values, and fail as such.
    List(Vec<Param<V>>),
    /// Cannot be written: why, or what reading it threw.
    Fail(Fault<V>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry<V> {
    pub key: V,
    /// The key has a dot, which would read back as nesting.
    pub dotted: bool,
    pub value: Param<V>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Fault<V> {
    /// The reason of an `UnserializableParamError`.
    Reason(&'static str),
    /// What a getter, a Proxy trap or a `toISOString` threw, thrown on as it is.
    Thrown(V),
}

/// `set` (or `append`) of `value` (`None`: an empty one) under the keys of `path`.
#[derive(Debug, Clone, PartialEq)]
pub struct Write<V> {
    pub append: bool,
    pub path: Vec<V>,
    pub value: Option<V>,
}

/// Where writing stopped: the keys the error names, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Stop<V> {
    pub path: Vec<V>,
    pub fault: Fault<V>,
}

const DOTTED: &str = "contains one or more dots \".\" in its name which is unsupported";
const SINGLE_EMPTY: &str = "is a single element array containing the empty string which is unsupported";
const EMPTY_ITEM: &str = "is an array containing the empty string which is unsupported";
const NULLISH_ITEM: &str = "is an array containing null or undefined values which is unsupported";
// An array's missing item, which @seamapi/http's `for … of` reads as `undefined`.
const HOLE: &str = "is a undefined";
// Bounds of ours: @seamapi/http would overflow its stack, or take as long as it takes.
const TOO_DEEP: &str = "is nested more than 32 levels deep";
const CYCLE: &str = "contains itself";
const TOO_MANY: &str = "is past the 10,000 values parameters can hold";

/// The writes, in @seamapi/http's order, up to where it would throw.
pub fn plan<V: Clone>(entries: &[Entry<V>]) -> (Vec<Write<V>>, Option<Stop<V>>) {
    let mut writes = Vec::new();
    let stop = walk(entries, &mut Vec::new(), &mut writes).err();
    (writes, stop)
}

fn walk<V: Clone>(entries: &[Entry<V>], path: &mut Vec<V>, out: &mut Vec<Write<V>>) -> Result<(), Stop<V>> {
    for entry in entries {
        if entry.dotted {
            // Named by the key alone, as in @seamapi/http.
            return Err(Stop { path: vec![entry.key.clone()], fault: Fault::Reason(DOTTED) });
        }
        path.push(entry.key.clone());
        match &entry.value {
            Param::Object(inner) => walk(inner, path, out)?,
            Param::Undefined | Param::Empty => {}
            Param::Null => out.push(Write { append: false, path: path.clone(), value: None }),
            Param::Value(value) => out.push(Write { append: false, path: path.clone(), value: Some(value.clone()) }),
            Param::List(items) => list(items, path, out)?,
            Param::Fail(fault) => return Err(Stop { path: path.clone(), fault: fault.clone() }),
        }
        path.pop();
    }
    Ok(())
}

fn list<V: Clone>(items: &[Param<V>], path: &[V], out: &mut Vec<Write<V>>) -> Result<(), Stop<V>> {
    let stop = |fault: Fault<V>| Err(Stop { path: path.to_vec(), fault });
    let refuse = |reason| stop(Fault::Reason(reason));
    if items.is_empty() {
        out.push(Write { append: false, path: path.to_vec(), value: None });
        return Ok(());
    }
    if let [Param::Empty] = items {
        return refuse(SINGLE_EMPTY);
    }
    if items.iter().any(|item| matches!(item, Param::Empty)) {
        return refuse(EMPTY_ITEM);
    }
    if items.iter().any(|item| matches!(item, Param::Null | Param::Undefined)) {
        return refuse(NULLISH_ITEM);
    }
    for item in items {
        match item {
            Param::Value(value) => out.push(Write { append: true, path: path.to_vec(), value: Some(value.clone()) }),
            Param::Fail(fault) => return stop(fault.clone()),
            // Refused above, or never an item.
            _ => {}
        }
    }
    Ok(())
}

/// Why a number cannot be written, in @seamapi/http's words.
pub fn non_finite(number: f64) -> Option<&'static str> {
    if number.is_nan() {
        Some("is NaN")
    } else if number == f64::INFINITY {
        Some("is Infinity")
    } else if number == f64::NEG_INFINITY {
        Some("is -Infinity")
    } else {
        None
    }
}

const MAX_VALUES: u32 = 10_000;
/// The longest query string a request sends: far above what a server takes, and what is copied
/// into wasm.
const MAX_CHARS: u32 = 100_000;

fn fail(reason: &'static str) -> Param<JsValue> {
    Param::Fail(Fault::Reason(reason))
}

fn thrown(error: JsValue) -> Param<JsValue> {
    Param::Fail(Fault::Thrown(error))
}

/// Reads the page's parameters in the terms of @seamapi/http's serializer: at most `MAX_DEPTH`
/// deep, with no cycle, and no more than `MAX_VALUES` values in all (objects that share parts are
/// read once per place they appear; an array's `length` can be anything). Values stay in JS.
struct Reader {
    /// The objects the value being read sits in.
    ancestors: Vec<JsValue>,
    values: u32,
    /// This realm's `Object.prototype`: an object with it, or with none, is a plain one.
    object_prototype: JsValue,
}

impl Reader {
    fn spent(&self) -> bool {
        self.values > MAX_VALUES
    }

    fn count(&mut self) -> bool {
        self.values += 1;
        !self.spent()
    }

    /// `Object.entries(object)`, each value read; no more once the values are spent.
    fn entries(&mut self, object: &JsValue) -> Result<Vec<Entry<JsValue>>, JsValue> {
        let mut out = Vec::new();
        for pair in interop::entries(object)?.iter() {
            if self.spent() {
                break;
            }
            let pair: Array = pair.unchecked_into();
            let key = pair.get(0);
            let dotted = interop::includes(&key, ".")?;
            let value = if self.count() { self.value(&pair.get(1)) } else { fail(TOO_MANY) };
            out.push(Entry { key, dotted, value });
        }
        Ok(out)
    }

    /// An object's value: a plain object is read into, an array item by item.
    fn value(&mut self, value: &JsValue) -> Param<JsValue> {
        if value.is_object() {
            match interop::prototype_of(value) {
                Ok(prototype) if prototype.is_null() || prototype == self.object_prototype => return self.object(value),
                Ok(_) => {}
                Err(error) => return thrown(error),
            }
            match interop::is_array(value) {
                Ok(true) => return self.list(value),
                Ok(false) => {}
                Err(error) => return thrown(error),
            }
        }
        self.item(value)
    }

    fn object(&mut self, object: &JsValue) -> Param<JsValue> {
        if self.ancestors.len() > MAX_DEPTH {
            return fail(TOO_DEEP);
        }
        if self.ancestors.contains(object) {
            return fail(CYCLE);
        }
        self.ancestors.push(object.clone());
        let read = self.entries(object);
        self.ancestors.pop();
        read.map_or_else(thrown, Param::Object)
    }

    fn list(&mut self, array: &JsValue) -> Param<JsValue> {
        let length = match interop::get(array, "length") {
            Ok(length) => length.as_f64().unwrap_or(0.0),
            Err(error) => return thrown(error),
        };
        let mut items = Vec::new();
        let mut index = 0.0;
        while index < length {
            if !self.count() {
                items.push(fail(TOO_MANY));
                break;
            }
            let at = JsValue::from(index);
            items.push(match interop::has(array, &at) {
                Ok(true) => match interop::get_by(array, &at) {
                    Ok(item) => self.item(&item),
                    Err(error) => return thrown(error),
                },
                Ok(false) => fail(HOLE),
                Err(error) => return thrown(error),
            });
            index += 1.0;
        }
        Param::List(items)
    }

    /// A value as @seamapi/http's `serialize` takes it: `''`, `null` and `undefined` for the
    /// array checks, a date (or a Temporal.Instant) as its ISO text, and why anything else fails.
    fn item(&self, value: &JsValue) -> Param<JsValue> {
        if value.is_undefined() {
            return Param::Undefined;
        }
        if value.is_null() {
            return Param::Null;
        }
        if let Some(number) = value.as_f64() {
            return non_finite(number).map_or_else(|| Param::Value(value.clone()), fail);
        }
        if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
            return if text.length() == 0 { Param::Empty } else { Param::Value(value.clone()) };
        }
        if value.as_bool().is_some() || value.is_bigint() {
            return Param::Value(value.clone());
        }
        if value.is_object() {
            if let Some(text) = date(value).or_else(|| instant(value)) {
                return text.map_or_else(thrown, Param::Value);
            }
        }
        fail(if value.is_function() {
            "is a function"
        } else if value.is_symbol() {
            "is a symbol"
        } else {
            "is a object"
        })
    }
}

/// A date's `toISOString()`: a `Date` (or tagged as one) that has the method.
fn date(value: &JsValue) -> Option<Result<JsValue, JsValue>> {
    let tagged = value.is_instance_of::<js_sys::Date>() || match interop::tagged(value, "Date") {
        Ok(tagged) => tagged,
        Err(error) => return Some(Err(error)),
    };
    if !tagged {
        return None;
    }
    match interop::has(value, &"toISOString".into()) {
        Ok(true) => Some(value.unchecked_ref::<DateLike>().to_iso_string()),
        Ok(false) => None,
        Err(error) => Some(Err(error)),
    }
}

/// A Temporal.Instant (or anything with a numeric `epochMilliseconds`) as a date's ISO text.
fn instant(value: &JsValue) -> Option<Result<JsValue, JsValue>> {
    match interop::has(value, &"epochMilliseconds".into()) {
        Ok(true) => {}
        Ok(false) => return None,
        Err(error) => return Some(Err(error)),
    }
    // Read in a `try` by @seamapi/http: a getter that throws makes it no instant.
    let ms = interop::get(value, "epochMilliseconds").ok()?.as_f64().filter(|ms| !ms.is_nan())?;
    Some(instant_iso(ms))
}

/// `updateUrlSearchParams`: writes the parameters into `search`, sorts it, and adds
/// `_strict=true` when it holds anything. When it throws, what came before is written, as with
/// @seamapi/http.
pub fn update(search: &JsValue, params: &JsValue) -> Result<(), JsValue> {
    let object_prototype = object_prototype()?;
    let mut reader = Reader { ancestors: vec![params.clone()], values: 0, object_prototype };
    let (writes, stop) = plan(&reader.entries(params)?);
    for write in writes {
        put(search, write.append, write.value, write.path)?;
    }
    match stop {
        None => finish(search),
        Some(Stop { fault: Fault::Thrown(error), .. }) => Err(error),
        Some(Stop { path, fault: Fault::Reason(reason) }) => Err(unserializable(reason, path).unwrap_or_else(|error| error)),
    }
}

/// `endpoint + path`, with the query string of `params` (an object, or absent).
pub fn query_url(endpoint: &str, path: &str, params: &JsValue) -> Result<String, SdkError> {
    let url = [endpoint, path].concat();
    if params.is_undefined() || params.is_null() {
        return Ok(url);
    }
    let bad = |why: &str| SdkError::Type(["Parameters for ", path, " cannot be sent: ", why].concat());
    let search = web_sys::UrlSearchParams::new().map_err(SdkError::Js)?;
    update(&search, params).map_err(|error| bad(&interop::describe(&error)))?;
    let query = search.to_string();
    if query.length() > MAX_CHARS {
        return Err(bad("too large for a query string (more than 100,000 characters)"));
    }
    Ok(if query.length() == 0 { url } else { [url, "?".to_owned(), query.into()].concat() })
}

/// Writes `params` into `searchParams` as @seamapi/http does, then sorts it and adds
/// `_strict=true`; throws `UnserializableParamError` for a value that cannot be written.
#[wasm_bindgen(js_name = updateUrlSearchParams)]
pub fn update_url_search_params(
    #[wasm_bindgen(js_name = searchParams, unchecked_param_type = "URLSearchParams")] search_params: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Params")] params: JsValue,
) -> Result<(), JsValue> {
    update(&search_params, &params)
}

/// `params` as a query string, as @seamapi/http writes them (`''` when there is nothing to
/// write); throws `UnserializableParamError` for a value that cannot be written.
#[wasm_bindgen(js_name = serializeUrlSearchParams)]
pub fn serialize_url_search_params(#[wasm_bindgen(unchecked_param_type = "Params")] params: JsValue) -> Result<js_sys::JsString, JsValue> {
    let search = web_sys::UrlSearchParams::new()?;
    update(&search, &params)?;
    Ok(search.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    type P = Param<String>;

    fn value(s: &str) -> P {
        Param::Value(s.to_owned())
    }

    fn entry(key: &str, value: P) -> Entry<String> {
        Entry { key: key.to_owned(), dotted: key.contains('.'), value }
    }

    fn write(append: bool, path: &[&str], value: Option<&str>) -> Write<String> {
        Write { append, path: path.iter().map(|s| s.to_string()).collect(), value: value.map(str::to_owned) }
    }

    fn reason(stop: &Option<Stop<String>>) -> Option<(Vec<&str>, &str)> {
        stop.as_ref().and_then(|stop| match &stop.fault {
            Fault::Reason(reason) => Some((stop.path.iter().map(String::as_str).collect(), *reason)),
            Fault::Thrown(_) => None,
        })
    }

    #[test]
    fn writes_in_order() {
        let params = [
            entry("limit", value("2")),
            entry("ids", Param::List(vec![value("a"), value("b")])),
            entry("custom", Param::Object(vec![entry("x", value("1")), entry("none", Param::Object(vec![]))])),
            entry("gone", Param::Undefined),
            entry("blank", Param::Empty),
            entry("nothing", Param::Null),
            entry("empty", Param::List(vec![])),
        ];
        let (writes, stop) = plan(&params);
        assert_eq!(stop, None);
        assert_eq!(
            writes,
            [
                write(false, &["limit"], Some("2")),
                write(true, &["ids"], Some("a")),
                write(true, &["ids"], Some("b")),
                write(false, &["custom", "x"], Some("1")),
                write(false, &["nothing"], None),
                write(false, &["empty"], None),
            ]
        );
    }

    #[test]
    fn refusals_in_the_words_of_seamapi_http() {
        let refused = |params: &[Entry<String>]| {
            let (writes, stop) = plan(params);
            (writes.len(), reason(&stop).map(|(path, reason)| (path.join("."), reason.to_owned())))
        };
        let one = |value: P| refused(&[entry("a", value)]);
        let list = |items: Vec<P>| one(Param::List(items));
        let stopped = |path: &str, reason: &str| (0, Some((path.to_owned(), reason.to_owned())));
        assert_eq!(refused(&[entry("x.y", value("1"))]), stopped("x.y", DOTTED));
        assert_eq!(one(Param::Object(vec![entry("b.c", value("1"))])), stopped("b.c", DOTTED));
        assert_eq!(list(vec![Param::Empty]), stopped("a", SINGLE_EMPTY));
        assert_eq!(list(vec![value("x"), Param::Empty, Param::Null]), stopped("a", EMPTY_ITEM));
        assert_eq!(list(vec![value("x"), Param::Undefined]), stopped("a", NULLISH_ITEM));
        assert_eq!(list(vec![Param::Null]), stopped("a", NULLISH_ITEM));
        // A value that fails stops after the items before it.
        assert_eq!(list(vec![value("x"), fail_reason("is a object"), value("y")]), (1, Some(("a".to_owned(), "is a object".to_owned()))));
        assert_eq!(refused(&[entry("a", value("1")), entry("b", fail_reason("is NaN")), entry("c.d", value("2"))]), (1, Some(("b".to_owned(), "is NaN".to_owned()))));
    }

    fn fail_reason(reason: &'static str) -> P {
        Param::Fail(Fault::Reason(reason))
    }

    #[test]
    fn numbers_that_cannot_be_written() {
        assert_eq!(non_finite(f64::NAN), Some("is NaN"));
        assert_eq!(non_finite(f64::INFINITY), Some("is Infinity"));
        assert_eq!(non_finite(f64::NEG_INFINITY), Some("is -Infinity"));
        for n in [0.0, -0.0, 1e21, f64::MAX, f64::MIN_POSITIVE] {
            assert_eq!(non_finite(n), None);
        }
    }
}

/// Properties over random input, natively: 100,000 cases.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    type P = Param<String>;

    fn key() -> impl Strategy<Value = String> {
        // Mostly plain names; sometimes dots, empties and odd characters.
        prop_oneof![8 => "[a-c]{1,2}", 1 => ".{0,3}"]
    }

    fn leaf() -> impl Strategy<Value = P> {
        prop_oneof![
            6 => "[a-z]{1,3}".prop_map(Param::Value),
            1 => Just(Param::Undefined),
            1 => Just(Param::Empty),
            1 => Just(Param::Null),
            1 => prop::sample::select(vec!["is a object", "is NaN"]).prop_map(|reason| Param::Fail(Fault::Reason(reason))),
            1 => "thrown [a-z]{1,3}".prop_map(|error| Param::Fail(Fault::Thrown(error))),
        ]
    }

    /// An object's entries: each key once, as in JS.
    fn entries(value: impl Strategy<Value = P>) -> impl Strategy<Value = Vec<Entry<String>>> {
        prop::collection::vec((key(), value), 0..5).prop_map(|list| {
            let mut out: Vec<Entry<String>> = Vec::new();
            for (key, value) in list {
                if !out.iter().any(|entry| entry.key == key) {
                    out.push(Entry { dotted: key.contains('.'), key, value });
                }
            }
            out
        })
    }

    fn param() -> impl Strategy<Value = P> {
        leaf().prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                // Arrays, mostly of values, as the reader makes them.
                prop::collection::vec(prop_oneof![8 => "[a-z]{1,3}".prop_map(Param::Value), 1 => leaf()], 0..4).prop_map(Param::List),
                entries(inner).prop_map(Param::Object),
            ]
        })
    }

    /// Whether @seamapi/http refuses the parameters somewhere: a dotted key, a value that fails,
    /// an array with `''`, `null` or `undefined` in it.
    fn refused(entries: &[Entry<String>]) -> bool {
        entries.iter().any(|entry| {
            entry.dotted
                || match &entry.value {
                    Param::Fail(_) => true,
                    Param::Object(inner) => refused(inner),
                    Param::List(items) => items.iter().any(|item| !matches!(item, Param::Value(_))),
                    _ => false,
                }
        })
    }

    /// The parameters without what is refused: dotted keys and failed values go, an array with a
    /// `''`, `null` or `undefined` goes, and an array loses its items that fail (those before one
    /// are written).
    fn pruned(entries: &[Entry<String>]) -> Vec<Entry<String>> {
        entries
            .iter()
            .filter(|entry| !entry.dotted)
            .filter_map(|entry| {
                let value = match &entry.value {
                    Param::Fail(_) => return None,
                    Param::Object(inner) => Param::Object(pruned(inner)),
                    Param::List(items) if items.iter().any(|item| matches!(item, Param::Empty | Param::Null | Param::Undefined)) => return None,
                    Param::List(items) => Param::List(items.iter().filter(|item| matches!(item, Param::Value(_))).cloned().collect()),
                    other => other.clone(),
                };
                Some(Entry { value, ..entry.clone() })
            })
            .collect()
    }

    /// What the parameters mean, by path: the values written under each, in order.
    fn meaning(entries: &[Entry<String>], path: &mut Vec<String>, out: &mut BTreeMap<Vec<String>, Vec<String>>) {
        for entry in entries {
            path.push(entry.key.clone());
            match &entry.value {
                Param::Object(inner) => meaning(inner, path, out),
                Param::Null => out.entry(path.clone()).or_default().push(String::new()),
                Param::Value(value) => out.entry(path.clone()).or_default().push(value.clone()),
                Param::List(items) if items.is_empty() => out.entry(path.clone()).or_default().push(String::new()),
                Param::List(items) => {
                    for item in items {
                        if let Param::Value(value) = item {
                            out.entry(path.clone()).or_default().push(value.clone());
                        }
                    }
                }
                _ => {}
            }
            path.pop();
        }
    }

    /// What the writes leave in a URLSearchParams, by path: `set` replaces, `append` adds.
    fn decode(writes: &[Write<String>]) -> BTreeMap<Vec<String>, Vec<String>> {
        let mut out: BTreeMap<Vec<String>, Vec<String>> = BTreeMap::new();
        for write in writes {
            let values = out.entry(write.path.clone()).or_default();
            if !write.append {
                values.clear();
            }
            values.push(write.value.clone().unwrap_or_default());
        }
        out
    }

    /// The value at `path`, if any.
    fn find<'a>(entries: &'a [Entry<String>], path: &[String]) -> Option<&'a P> {
        let (first, rest) = path.split_first()?;
        let entry = entries.iter().find(|entry| &entry.key == first)?;
        match (&entry.value, rest.is_empty()) {
            (value, true) => Some(value),
            (Param::Object(inner), false) => find(inner, rest),
            _ => None,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 100_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn plan_writes_what_the_parameters_mean(params in entries(param())) {
            let (writes, stop) = plan(&params);
            // Refused exactly when something in them is.
            prop_assert_eq!(stop.is_some(), refused(&params));
            // What is written comes first in the writes of the parameters without their refused
            // parts, and those mean what the parameters say.
            let (all, none) = plan(&pruned(&params));
            prop_assert_eq!(none, None);
            prop_assert_eq!(&all[..writes.len()], &writes[..]);
            let mut meant = BTreeMap::new();
            meaning(&pruned(&params), &mut Vec::new(), &mut meant);
            prop_assert_eq!(decode(&all), meant);
            // A refusal names a dotted key, or a value there that is refused.
            if let Some(stop) = stop {
                let dotted = stop.path.len() == 1 && stop.path[0].contains('.') && matches!(stop.fault, Fault::Reason(r) if r == DOTTED);
                let at = find(&params, &stop.path);
                let failing = match at {
                    Some(Param::Fail(fault)) => fault == &stop.fault,
                    Some(Param::List(items)) => items.iter().any(|item| !matches!(item, Param::Value(_))),
                    _ => false,
                };
                prop_assert!(dotted || failing, "{:?} at {:?}", stop, at);
            }
        }
    }
}
