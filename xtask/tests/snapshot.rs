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
    let summary: Vec<(&str, &str, Option<&str>, Vec<&str>, bool, bool)> = routes
        .iter()
        .map(|r| (r.path.as_str(), r.method, r.response_key.as_deref(), r.required.iter().map(String::as_str).collect(), r.paginated, r.action_attempt))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("/widgets/delete", "DELETE", None, vec!["widget_id"], false, false),
            ("/widgets/get", "GET", Some("widget"), vec!["widget_id"], false, false),
            ("/widgets/list", "GET", Some("widgets"), vec![], true, false),
            ("/widgets/simulate/spin", "POST", Some("action_attempt"), vec!["widget_id"], false, true),
            ("/widgets/update", "PATCH", None, vec!["widget_id"], false, false),
        ]
    );
    assert!(!xtask::client_session_allowed(&routes[0]));
    assert!(xtask::client_session_allowed(&routes[1]));
}

#[test]
fn names() {
    assert_eq!(xtask::snake_to_pascal("noise_thresholds"), "NoiseThresholds");
    assert_eq!(xtask::snake_to_camel("unlock_door"), "unlockDoor");
    assert_eq!(xtask::snake_to_camel("acs"), "acs");
}
