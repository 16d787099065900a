//! Parameters of GET and DELETE routes as a query string, the way @seamapi/http writes them.
//! Reading the page's value (`read`) is bounded and fails with a message on anything that cannot
//! be sent; turning what was read into pairs (`query_pairs`) is pure.

use wasm_bindgen::prelude::*;

use crate::error::SdkError;
use crate::interop::{self, MAX_DEPTH};

/// A query-string value, read from the JS parameters.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryValue {
    Omit,
    Null,
    Text(String),
    List(Vec<QueryValue>),
    Map(Vec<(String, QueryValue)>),
}

/// Flattens parameters into sorted `(key, value)` pairs the way @seamapi/http does: dotted
/// nesting, repeated keys for arrays (`key=` for an empty one), `null` as an empty value,
/// `undefined` and `''` omitted, and `_strict=true` appended when anything was written.
pub fn query_pairs(params: &[(String, QueryValue)]) -> Result<Vec<(String, String)>, String> {
    fn walk(key: &str, value: &QueryValue, out: &mut Vec<(String, String)>) -> Result<(), String> {
        match value {
            QueryValue::Omit => {}
            QueryValue::Null => out.push((key.to_owned(), String::new())),
            QueryValue::Text(text) if text.is_empty() => {}
            QueryValue::Text(text) => out.push((key.to_owned(), text.clone())),
            QueryValue::List(items) if items.is_empty() => out.push((key.to_owned(), String::new())),
            QueryValue::List(items) => {
                for item in items {
                    match item {
                        QueryValue::List(_) | QueryValue::Map(_) => {
                            return Err(["Cannot put nested arrays or objects inside the array ", key, " in a query string"].concat())
                        }
                        _ => walk(key, item, out)?,
                    }
                }
            }
            QueryValue::Map(entries) => walk_entries(&[key, "."].concat(), entries, out)?,
        }
        Ok(())
    }
    fn walk_entries(prefix: &str, entries: &[(String, QueryValue)], out: &mut Vec<(String, String)>) -> Result<(), String> {
        for (name, value) in entries {
            // A dot would be read back as nesting.
            if name.contains('.') {
                return Err(["Query parameter names cannot contain a dot: ", name].concat());
            }
            walk(&[prefix, name].concat(), value, out)?;
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk_entries("", params, &mut out)?;
    // Insertion sort: stable, so repeated keys keep their array order, and a few bytes of code
    // for the handful of pairs a query has.
    for i in 1..out.len() {
        let mut j = i;
        while j > 0 && out[j - 1].0 > out[j].0 {
            out.swap(j - 1, j);
            j -= 1;
        }
    }
    if !out.is_empty() {
        out.push(("_strict".to_owned(), "true".to_owned()));
    }
    Ok(out)
}

/// Reads the page's parameters: at most `MAX_DEPTH` deep, with no cycle, and no more than
/// `MAX_VALUES` values and `MAX_CHARS` characters in all. The totals bound the work for objects
/// that share parts (each is read once per place it appears) and the memory for huge strings; no
/// server takes a query string near them anyway.
struct Reader {
    /// The objects the value being read sits in.
    ancestors: Vec<JsValue>,
    values: u32,
    chars: u32,
}

const MAX_VALUES: u32 = 10_000;
const MAX_CHARS: u32 = 100_000;

impl Reader {
    /// A string, copied into wasm only when it fits what is left of `MAX_CHARS`.
    fn text(&mut self, value: &JsValue) -> Option<String> {
        let text = interop::text(value, MAX_CHARS - self.chars)?;
        self.chars += value.unchecked_ref::<js_sys::JsString>().length();
        Some(text)
    }

    /// One parameter; `name` is its dotted path, for messages.
    fn read(&mut self, value: &JsValue, name: &str) -> Result<QueryValue, String> {
        let fail = |why: &str| [name, if name.is_empty() { "" } else { ": " }, why].concat();
        let threw = |error: JsValue| fail(&["reading it threw ", &interop::describe(&error)].concat());
        let too_big = || fail("too large for a query string (more than 10,000 values or 100,000 characters)");
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(too_big());
        }
        if value.is_undefined() {
            return Ok(QueryValue::Omit);
        }
        if value.is_null() {
            return Ok(QueryValue::Null);
        }
        if value.is_string() {
            return self.text(value).map(QueryValue::Text).ok_or_else(too_big);
        }
        if let Some(flag) = value.as_bool() {
            return Ok(QueryValue::Text(if flag { "true" } else { "false" }.to_owned()));
        }
        if let Some(number) = value.as_f64() {
            if !number.is_finite() {
                return Err(fail("NaN and Infinity cannot be sent"));
            }
            return Ok(QueryValue::Text(interop::number_text(number)));
        }
        if !value.is_object() || value.is_function() {
            return Err(fail("only strings, numbers, booleans, dates, arrays and plain objects can be sent"));
        }
        if let Some(date) = interop::date_iso(value) {
            return date.map(QueryValue::Text).map_err(|()| fail("an invalid Date cannot be sent"));
        }
        if self.ancestors.len() > MAX_DEPTH {
            return Err(fail("nested too deep (more than 32 levels)"));
        }
        if self.ancestors.contains(value) {
            return Err(fail("it contains itself (a cycle)"));
        }
        // Left on the list after an error: the whole read is given up then.
        self.ancestors.push(value.clone());
        let read = if interop::is_array(value).map_err(threw)? {
            let length = interop::get(value, "length").map_err(threw)?.as_f64().unwrap_or(0.0);
            let mut items = Vec::new();
            // The value budget ends a huge or endless `length` early.
            let mut index = 0.0;
            while index < length {
                let item = interop::get_by(value, &JsValue::from(index)).map_err(threw)?;
                items.push(self.read(&item, name)?);
                index += 1.0;
            }
            QueryValue::List(items)
        } else {
            let mut entries = Vec::new();
            for key in interop::keys(value).map_err(threw)?.iter() {
                let key_name = self.text(&key).ok_or_else(too_big)?;
                let path = if name.is_empty() { key_name.clone() } else { [name, ".", &key_name].concat() };
                let item = interop::get_by(value, &key).map_err(|error| [&path, ": reading it threw ", &interop::describe(&error)].concat())?;
                entries.push((key_name, self.read(&item, &path)?));
            }
            QueryValue::Map(entries)
        };
        self.ancestors.pop();
        Ok(read)
    }
}

/// `endpoint + path`, with the query string of `params` (an object, or absent).
pub fn query_url(endpoint: &str, path: &str, params: &JsValue) -> Result<String, SdkError> {
    let bad = |why: String| SdkError::Type(["Parameters for ", path, " cannot be sent: ", &why].concat());
    let mut reader = Reader { ancestors: Vec::new(), values: 0, chars: 0 };
    let entries = match reader.read(params, "").map_err(bad)? {
        QueryValue::Map(entries) => entries,
        _ => Vec::new(),
    };
    let pairs = query_pairs(&entries).map_err(bad)?;
    if pairs.is_empty() {
        return Ok([endpoint, path].concat());
    }
    let search = web_sys::UrlSearchParams::new().map_err(SdkError::Js)?;
    for (key, value) in &pairs {
        search.append(key, value);
    }
    Ok([endpoint, path, "?", &String::from(search.to_string())].concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> QueryValue {
        QueryValue::Text(s.to_owned())
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn query_is_sorted_flattened_and_strict() {
        let params = vec![
            ("limit".to_owned(), text("2")),
            ("device_ids".to_owned(), QueryValue::List(vec![text("a"), text("b")])),
            ("custom".to_owned(), QueryValue::Map(vec![("x".to_owned(), text("1"))])),
            ("gone".to_owned(), QueryValue::Omit),
            ("blank".to_owned(), text("")),
            ("nothing".to_owned(), QueryValue::Null),
            ("none".to_owned(), QueryValue::List(vec![])),
        ];
        assert_eq!(
            query_pairs(&params).unwrap(),
            pairs(&[
                ("custom.x", "1"),
                ("device_ids", "a"),
                ("device_ids", "b"),
                ("limit", "2"),
                ("none", ""),
                ("nothing", ""),
                ("_strict", "true"),
            ])
        );
    }

    #[test]
    fn empty_query_has_no_strict_flag() {
        assert!(query_pairs(&[]).unwrap().is_empty());
        assert!(query_pairs(&[("a".to_owned(), QueryValue::Omit)]).unwrap().is_empty());
    }

    #[test]
    fn refuses_what_cannot_be_a_query() {
        assert!(query_pairs(&[("a.b".to_owned(), text("1"))]).is_err());
        let dotted = QueryValue::Map(vec![("x.y".to_owned(), text("1"))]);
        assert!(query_pairs(&[("a".to_owned(), dotted)]).is_err());
        let nested = QueryValue::List(vec![QueryValue::List(vec![text("1")])]);
        assert!(query_pairs(&[("a".to_owned(), nested)]).is_err());
    }
}

/// Properties over random input, natively: 100,000 cases.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn name() -> impl Strategy<Value = String> {
        // Mostly plain names; sometimes dots, empties and odd characters.
        prop_oneof![8 => "[a-z_]{1,12}", 1 => ".{0,6}"]
    }

    fn value() -> impl Strategy<Value = QueryValue> {
        let leaf = prop_oneof![
            Just(QueryValue::Omit),
            Just(QueryValue::Null),
            ".{0,12}".prop_map(QueryValue::Text),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(QueryValue::List),
                prop::collection::vec((name(), inner), 0..5).prop_map(QueryValue::Map),
            ]
        })
    }

    /// Query values as a tree: the leaves written under a key, and the keys nested below it.
    #[derive(Debug, Default, PartialEq)]
    struct Node {
        leaves: Vec<String>,
        children: std::collections::BTreeMap<String, Node>,
    }

    impl Node {
        fn prune(mut self) -> Option<Node> {
            self.children = std::mem::take(&mut self.children).into_iter().filter_map(|(k, n)| Some((k, n.prune()?))).collect();
            (!self.leaves.is_empty() || !self.children.is_empty()).then_some(self)
        }
    }

    /// The tree the parameters mean, built from the values themselves (not from keys), or `None`
    /// where they must be refused.
    fn meaning(params: &[(String, QueryValue)]) -> Option<Node> {
        fn put(node: &mut Node, value: &QueryValue, in_list: bool) -> Option<()> {
            match value {
                QueryValue::Omit => {}
                QueryValue::Null => node.leaves.push(String::new()),
                QueryValue::Text(text) => {
                    if !text.is_empty() {
                        node.leaves.push(text.clone());
                    }
                }
                QueryValue::List(_) | QueryValue::Map(_) if in_list => return None,
                QueryValue::List(items) if items.is_empty() => node.leaves.push(String::new()),
                QueryValue::List(items) => items.iter().try_for_each(|item| put(node, item, true))?,
                QueryValue::Map(entries) => enter(node, entries)?,
            }
            Some(())
        }
        fn enter(node: &mut Node, entries: &[(String, QueryValue)]) -> Option<()> {
            for (name, value) in entries {
                if name.contains('.') {
                    return None;
                }
                put(node.children.entry(name.clone()).or_default(), value, false)?;
            }
            Some(())
        }
        let mut root = Node::default();
        enter(&mut root, params)?;
        Some(root.prune().unwrap_or_default())
    }

    /// The tree the serialized pairs decode to, splitting keys on dots.
    fn decode(pairs: &[(String, String)]) -> Node {
        let mut root = Node::default();
        for (key, value) in pairs {
            let node = key.split('.').fold(&mut root, |node, part| node.children.entry(part.to_owned()).or_default());
            node.leaves.push(value.clone());
        }
        root
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 100_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn query_serialization(params in prop::collection::vec((name(), value()), 0..6)) {
            let meant = meaning(&params);
            match query_pairs(&params) {
                Ok(pairs) => {
                    let Some(meant) = meant else { return Err(TestCaseError::fail("accepted what must be refused")) };
                    if pairs.is_empty() {
                        prop_assert_eq!(meant, Node::default());
                    } else {
                        // `_strict=true` last, the rest sorted by key, and decoding them gives back
                        // what the parameters mean (leaves of one key in their original order).
                        let (strict, rest) = pairs.split_last().unwrap();
                        prop_assert_eq!(strict, &("_strict".to_owned(), "true".to_owned()));
                        prop_assert!(rest.windows(2).all(|w| w[0].0 <= w[1].0));
                        prop_assert_eq!(decode(rest), meant);
                    }
                }
                Err(message) => {
                    prop_assert!(meant.is_none(), "refused valid parameters: {}", message);
                    prop_assert!(!message.is_empty());
                }
            }
        }
    }
}
