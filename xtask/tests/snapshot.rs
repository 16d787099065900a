//! The generator's output for a small spec that has one of each thing it handles, and route
//! definitions in @seamapi/http's form for it, compared with the committed snapshots
//! (`UPDATE_SNAPSHOTS=1` rewrites them).

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

/// The fixture's one expected difference: a route of its @seamapi/http that its spec lacks.
const EXPECTED: &[xtask::Expected] = &[xtask::Expected { path: "/widgets/merge", what: "route", why: "not in the fixture's spec" }];

fn http_routes() -> Vec<xtask::HttpRoute> {
    // Tests run in the crate's directory, so the files are named from there.
    xtask::read_http_routes(Path::new("tests/http-routes")).unwrap()
}

#[test]
fn fixture_output_matches_snapshots() {
    let spec = serde_json::from_str(include_str!("fixture.json")).unwrap();
    let output = xtask::generate(&spec, &http_routes(), EXPECTED).unwrap();
    check("routes.rs", &output.routes_rs);
    check("client_namespaces.rs", &output.client_namespaces_rs);
    check("namespaces.js", &output.namespaces_js);
    check("types.d.ts", &output.types_ts);
}

#[test]
fn routes_of_the_fixture() {
    let spec = serde_json::from_str(include_str!("fixture.json")).unwrap();
    let mut routes = xtask::collect_routes(&spec);
    // Described only as a body: the spec's required names still count.
    let remove = routes.iter().find(|route| route.path == "/widgets/remove").unwrap();
    assert_eq!(remove.required, ["widget_id"]);
    let taken = xtask::apply_http_rules(&mut routes, &http_routes(), EXPECTED).unwrap();
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
            // The spec's alternatives, in @seamapi/http's order.
            row("/widgets/find", "GET", Some("widget"), "", "widget_id,name", false, false),
            row("/widgets/get", "GET", Some("widget"), "widget_id", "", false, false),
            row("/widgets/list", "GET", Some("widgets"), "", "", true, false),
            // The spec requires widget_id (in a body it describes alone); @seamapi/http checks nothing.
            row("/widgets/remove", "DELETE", None, "", "", false, false),
            row("/widgets/simulate/spin", "POST", Some("action_attempt"), "widget_id", "", false, true),
            row("/widgets/update", "PATCH", None, "widget_id", "name,labels", false, false),
        ]
    );
    // Only the rules the spec does not say are reported as taken, with their file.
    let taken: Vec<(&str, &str)> = taken.iter().map(|rule| (rule.path.as_str(), rule.file.as_str())).collect();
    assert_eq!(taken, [("/widgets/remove", "tests/http-routes/widgets/widgets.ts"), ("/widgets/update", "tests/http-routes/widgets/widgets.ts")]);
    assert!(!xtask::client_session_allowed(&routes[0]));
    assert!(xtask::client_session_allowed(&routes[2]));
}

#[test]
fn names() {
    assert_eq!(xtask::snake_to_pascal("noise_thresholds"), "NoiseThresholds");
    assert_eq!(xtask::snake_to_camel("unlock_door"), "unlockDoor");
    assert_eq!(xtask::snake_to_camel("acs"), "acs");
}
