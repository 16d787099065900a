//! Reading @seamapi/http's route definitions, and the generator's refusals: every route of
//! @seamapi/http must be in the spec and agree with it, unless a listed difference says why.

use xtask::{apply_http_rules, collect_routes, parse_http_routes, Expected, HttpRoute, RouteSpec};

fn spec_routes() -> Vec<RouteSpec> {
    collect_routes(&serde_json::from_str(include_str!("fixture.json")).unwrap())
}

/// One route definition, as @seamapi/http writes them; `changes` replaces whole entries.
fn definition(changes: &[(&str, &str)]) -> String {
    let mut entries = vec![
        ("pathname", "'/widgets/get'"),
        ("method", "'GET'"),
        ("params", "parameters"),
        ("parameters", "parameters"),
        ("hasRequiredParameters", "true"),
        ("requiredParameterNames", "['widget_id']"),
        ("atLeastOneParameterNames", "[]"),
        ("responseKey", "'widget'"),
        ("options", "options"),
    ];
    for (key, value) in changes {
        match entries.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = value,
            None => entries.push((key, value)),
        }
    }
    let entries: Vec<String> = entries.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| format!("      {k}: {v},\n")).collect();
    format!("  get(parameters, options = {{}}) {{\n    return new SeamHttpRequest(this, {{\n{}    }})\n  }}\n", entries.concat())
}

fn parse(changes: &[(&str, &str)]) -> Result<Vec<HttpRoute>, String> {
    parse_http_routes("widgets.ts", &definition(changes))
}

fn route(changes: &[(&str, &str)]) -> HttpRoute {
    parse(changes).unwrap().remove(0)
}

fn apply(http: &[HttpRoute], expected: &[Expected]) -> Result<Vec<RouteSpec>, String> {
    let mut routes = spec_routes();
    apply_http_rules(&mut routes, http, expected).map(|_| routes)
}

#[test]
fn a_definition_is_read_from_its_literals() {
    let read = route(&[("atLeastOneParameterNames", "[\n  'a',\n  \"b\", // why\n]")]);
    assert_eq!(
        read,
        HttpRoute {
            file: "widgets.ts".to_owned(),
            path: "/widgets/get".to_owned(),
            method: "GET".to_owned(),
            response_key: Some("widget".to_owned()),
            paginated: false,
            in_query: true,
            has_required: true,
            required: vec!["widget_id".to_owned()],
            at_least_one: vec!["a".to_owned(), "b".to_owned()],
        }
    );
    let other = route(&[("params", ""), ("body", "parameters"), ("responseKey", "undefined"), ("hasPagination", "true")]);
    assert!(!other.in_query && other.paginated && other.response_key.is_none());
    // A request in a comment is not one.
    let commented = format!("/* new SeamHttpRequest(this, {{ pathname: '/x' }}) */\n// new SeamHttpRequest(this, {{\n{}", definition(&[]));
    assert_eq!(parse_http_routes("widgets.ts", &commented).unwrap().len(), 1);
    assert_eq!(parse_http_routes("index.ts", "export * from './widgets.js'\n").unwrap(), []);
}

#[test]
fn a_rule_that_is_not_a_literal_is_an_error() {
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("requiredParameterNames", "names")], "requiredParameterNames is not an array of string literals"),
        (&[("atLeastOneParameterNames", "[...names]")], "atLeastOneParameterNames is not an array of string literals"),
        (&[("atLeastOneParameterNames", "['a' 'b']")], "atLeastOneParameterNames is not an array of string literals"),
        (&[("requiredParameterNames", "")], "requiredParameterNames is not an array of string literals"),
        (&[("hasRequiredParameters", "")], "no hasRequiredParameters"),
        (&[("hasRequiredParameters", "yes")], "hasRequiredParameters is not true or false"),
        (&[("hasPagination", "1")], "hasPagination is not true or false"),
        (&[("responseKey", "key")], "responseKey is not a string literal or undefined"),
        (&[("body", "parameters")], "not exactly one of params and body"),
        (&[("params", "")], "not exactly one of params and body"),
        (&[("method", "method")], "no literal method"),
        (&[("pathname", "path")], "no literal pathname"),
    ];
    for (changes, why) in cases {
        let error = parse(changes).unwrap_err();
        assert!(error.starts_with("widgets.ts: ") && error.contains(why), "{changes:?}: {error}");
    }
    for source in ["new SeamHttpRequest(this, { pathname: '/x", "/* new SeamHttpRequest(", "new SeamHttpRequest(this, { pathname: '/x',", "new SeamHttpRequest(this)"] {
        assert!(parse_http_routes("widgets.ts", source).is_err(), "{source}");
    }
}

#[test]
fn rules_are_taken_from_seamapi_http() {
    let routes = apply(&[route(&[("atLeastOneParameterNames", "['name', 'widget_id']"), ("requiredParameterNames", "[]")])], &[]).unwrap();
    let get = routes.iter().find(|r| r.path == "/widgets/get").unwrap();
    assert!(get.required.is_empty());
    assert_eq!(get.at_least_one, ["name", "widget_id"]);
}

#[test]
fn disagreements_fail_unless_expected() {
    // Changes to the definition, the field that then differs, and what the error says.
    type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);
    let cases: &[Case] = &[
        (&[("pathname", "'/widgets/nope'")], "route", "/widgets/nope (widgets.ts): route is defined in @seamapi/http, absent in the spec"),
        (&[("method", "'POST'"), ("params", ""), ("body", "parameters")], "method", "/widgets/get (widgets.ts): method is POST in @seamapi/http, GET in the spec"),
        (&[("responseKey", "'gadget'")], "response key", "response key is Some(\"gadget\") in @seamapi/http, Some(\"widget\") in the spec"),
        (&[("hasPagination", "true")], "pagination", "pagination is true in @seamapi/http, false in the spec"),
        (&[("params", ""), ("body", "parameters")], "parameters in", "parameters in is the body in @seamapi/http, the query in the spec"),
    ];
    for (changes, what, message) in cases {
        let http = [route(changes)];
        let error = apply(&http, &[]).unwrap_err();
        assert!(error.contains(message), "{what}: {error}");
        let path = http[0].path.clone();
        let expected = [Expected { path: Box::leak(path.into_boxed_str()), what, why: "test" }];
        assert!(apply(&http, &expected).is_ok(), "{what}");
    }
}

#[test]
fn an_expected_difference_that_is_gone_fails() {
    let http = [route(&[])];
    for (path, what) in [("/widgets/get", "pagination"), ("/widgets/get", "route"), ("/widgets/list", "method")] {
        let error = apply(&http, &[Expected { path, what, why: "test" }]).unwrap_err();
        assert!(error.contains(&format!("expected difference {path} {what} is not there")), "{error}");
    }
}

#[test]
fn has_required_parameters_must_follow_from_the_names() {
    for changes in [&[("hasRequiredParameters", "false")][..], &[("hasRequiredParameters", "true"), ("requiredParameterNames", "[]")]] {
        let error = apply(&[route(changes)], &[]).unwrap_err();
        assert!(error.contains("/widgets/get (widgets.ts): hasRequiredParameters is"), "{error}");
    }
}

#[test]
fn every_problem_is_listed_at_once() {
    let http = [route(&[("method", "'PUT'"), ("params", ""), ("body", "parameters")]), route(&[("pathname", "'/widgets/gone'")]), route(&[])];
    let error = apply(&http, &[]).unwrap_err();
    for part in ["method is PUT", "/widgets/gone (widgets.ts): route", "/widgets/get is defined twice"] {
        assert!(error.contains(part), "{part}: {error}");
    }
}

#[test]
fn a_directory_without_route_definitions_is_refused() {
    let error = xtask::read_http_routes(std::path::Path::new("tests/snapshots")).unwrap_err();
    assert!(error.contains("no SeamHttpRequest"), "{error}");
    assert!(xtask::read_http_routes(std::path::Path::new("tests/nope")).is_err());
}
