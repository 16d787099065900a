//! The generator's output for a small spec that has one of each thing it handles, compared with
//! the committed snapshots (`UPDATE_SNAPSHOTS=1` rewrites them).

use std::path::Path;

fn check(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(expected == actual, "{name} differs from its snapshot; rerun with UPDATE_SNAPSHOTS=1 and review the diff\n{actual}");
}

#[test]
fn fixture_output_matches_snapshots() {
    let spec = serde_json::from_str(include_str!("fixture.json")).unwrap();
    let output = xtask::generate(&spec);
    check("routes.rs", &output.routes_rs);
    check("namespaces.js", &output.namespaces_js);
    check("types.d.ts", &output.types_ts);
}

#[test]
fn routes_of_the_fixture() {
    let spec = serde_json::from_str(include_str!("fixture.json")).unwrap();
    let routes = xtask::collect_routes(&spec);
    let names = |list: &[String]| list.iter().map(String::as_str).collect::<Vec<_>>().join(",");
    let summary: Vec<(&str, &str, Option<&str>, String, String, bool, bool)> = routes
        .iter()
        .map(|r| (r.path.as_str(), r.method, r.response_key.as_deref(), names(&r.required), names(&r.at_least_one), r.paginated, r.action_attempt))
        .collect();
    let row = |path, method, key, required: &str, at_least_one: &str, paginated, action_attempt| {
        (path, method, key, required.to_owned(), at_least_one.to_owned(), paginated, action_attempt)
    };
    assert_eq!(
        summary,
        vec![
            row("/widgets/delete", "DELETE", None, "widget_id", "", false, false),
            row("/widgets/find", "GET", Some("widget"), "", "name,widget_id", false, false),
            row("/widgets/get", "GET", Some("widget"), "widget_id", "", false, false),
            row("/widgets/list", "GET", Some("widgets"), "", "", true, false),
            // Described only as a body: the required names still count.
            row("/widgets/remove", "DELETE", None, "widget_id", "", false, false),
            row("/widgets/simulate/spin", "POST", Some("action_attempt"), "widget_id", "", false, true),
            row("/widgets/update", "PATCH", None, "widget_id", "", false, false),
        ]
    );
    assert!(!xtask::client_session_allowed(&routes[0]));
    assert!(xtask::client_session_allowed(&routes[2]));
}

#[test]
fn names() {
    assert_eq!(xtask::snake_to_pascal("noise_thresholds"), "NoiseThresholds");
    assert_eq!(xtask::snake_to_camel("unlock_door"), "unlockDoor");
    assert_eq!(xtask::snake_to_camel("acs"), "acs");
}
