//! The crate's modules import one another without circles, and none but `lib.rs` imports the JS
//! facade (`client`): the engine and everything under it can change without it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each module of `src/` and the modules it names with `crate::`, tests left out.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src");
    let mut graph = BTreeMap::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let (Some(stem), Some("rs")) = (path.file_stem().and_then(|s| s.to_str()), path.extension().and_then(|e| e.to_str())) else { continue };
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let names: BTreeSet<String> = code
            .match_indices("crate::")
            .map(|(at, _)| code[at + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>())
            .filter(|name| name != stem)
            .collect();
        graph.insert(stem.to_owned(), names);
    }
    graph
}

/// A path that leads from `from` back to itself, if there is one.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> Option<Vec<String>> {
    let mut stack = vec![(from.to_owned(), vec![from.to_owned()])];
    let mut seen = BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        for next in graph.get(&node).into_iter().flatten() {
            if next == from {
                return Some([path.clone(), vec![next.clone()]].concat());
            }
            if seen.insert(next.clone()) {
                stack.push((next.clone(), [path.clone(), vec![next.clone()]].concat()));
            }
        }
    }
    None
}

#[test]
fn no_module_imports_the_facade_and_none_imports_in_a_circle() {
    let graph = imports();
    assert!(graph.len() > 15 && graph.contains_key("engine") && graph.contains_key("client"), "{:?}", graph.keys());
    let importers: Vec<&String> = graph.iter().filter(|(_, names)| names.contains("client")).map(|(module, _)| module).collect();
    assert!(importers.is_empty(), "modules that import the facade: {importers:?}");
    for module in graph.keys() {
        assert_eq!(circle(&graph, module), None, "an import circle");
    }
    // The engine decides over plain data: it names no other module of the crate.
    assert_eq!(graph["engine"], BTreeSet::new());
}
