//! Token kinds and the credential a new client calls with, decided as @seamapi/http decides it.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use crate::error::{invalid_options, invalid_options_without_workspace, invalid_token, SdkError};
use crate::host;
use crate::interop::{self, MAX_TOKEN_CHARS};

/// What a token string is, by its prefix (the same rules as @seamapi/http).
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum TokenKind {
    ClientSessionToken,
    PublishableKey,
    AccessToken,
    ConsoleJwt,
    ApiKey,
    Unknown,
}

/// A token goes into HTTP headers, which take visible ASCII only; anything else is not a token.
pub fn header_safe(token: &str) -> bool {
    token.bytes().all(|b| b.is_ascii_graphic())
}

pub fn token_kind(token: &str) -> TokenKind {
    if token.starts_with("seam_cst") {
        TokenKind::ClientSessionToken
    } else if token.starts_with("seam_pk") {
        TokenKind::PublishableKey
    } else if token.starts_with("seam_at") {
        TokenKind::AccessToken
    } else if token.starts_with("ey") {
        TokenKind::ConsoleJwt
    } else if token.starts_with("seam_") {
        TokenKind::ApiKey
    } else {
        TokenKind::Unknown
    }
}

/// Each credential slot: its option name, the kind it takes, the message for a token of no known
/// kind, and which other kinds it names when refusing them, in @seamapi/http's order (the first
/// match is the message); a kind not listed is reported as unknown.
struct Slot {
    name: &'static str,
    kind: TokenKind,
    unknown: &'static str,
    refused: &'static [(TokenKind, &'static str)],
}

const A_CST: &str = "A Client Session Token";
const A_JWT: &str = "A JWT";
const AN_AT: &str = "An Access Token";
const A_PK: &str = "A Publishable Key";

const API_KEY: Slot = Slot {
    name: "apiKey",
    kind: TokenKind::ApiKey,
    unknown: "Unknown or invalid apiKey format, expected token to start with seam_",
    refused: &[(TokenKind::ClientSessionToken, A_CST), (TokenKind::ConsoleJwt, A_JWT), (TokenKind::AccessToken, AN_AT), (TokenKind::PublishableKey, A_PK)],
};
const CLIENT_SESSION_TOKEN: Slot = Slot {
    name: "clientSessionToken",
    kind: TokenKind::ClientSessionToken,
    unknown: "Unknown or invalid clientSessionToken format, expected token to start with seam_cst",
    refused: &[(TokenKind::ConsoleJwt, A_JWT), (TokenKind::AccessToken, AN_AT), (TokenKind::PublishableKey, A_PK)],
};
const PUBLISHABLE_KEY: Slot = Slot {
    name: "publishableKey",
    kind: TokenKind::PublishableKey,
    unknown: "Unknown or invalid publishableKey format, expected token to start with seam_pk",
    refused: &[(TokenKind::ConsoleJwt, A_JWT), (TokenKind::AccessToken, AN_AT), (TokenKind::ClientSessionToken, "A Client Session Token Key")],
};
const CONSOLE_SESSION_TOKEN: Slot = Slot {
    name: "consoleSessionToken",
    kind: TokenKind::ConsoleJwt,
    unknown: "Unknown or invalid consoleSessionToken format, expected a JWT which starts with ey",
    refused: &[(TokenKind::AccessToken, AN_AT), (TokenKind::ClientSessionToken, A_CST), (TokenKind::PublishableKey, A_PK)],
};
const PERSONAL_ACCESS_TOKEN: Slot = Slot {
    name: "personalAccessToken",
    kind: TokenKind::AccessToken,
    unknown: "Unknown or invalid personalAccessToken format, expected token to start with seam_at",
    refused: &[(TokenKind::ConsoleJwt, A_JWT), (TokenKind::ClientSessionToken, A_CST), (TokenKind::PublishableKey, A_PK)],
};

/// `token` in `slot`, or @seamapi/http's message for it; then, beyond it, a token that could not
/// go in a header is refused here rather than by `fetch`.
fn check(slot: &Slot, token: &str) -> Result<(), SdkError> {
    let kind = token_kind(token);
    if kind != slot.kind {
        let message = match slot.refused.iter().find(|(refused, _)| *refused == kind) {
            Some((_, what)) => [*what, " cannot be used as ", if slot.name == "apiKey" { "an " } else { "a " }, slot.name].concat(),
            None => slot.unknown.to_owned(),
        };
        return Err(invalid_token(&message));
    }
    if !header_safe(token) {
        return Err(invalid_token(&[slot.name, " has characters that cannot be sent in an HTTP header"].concat()));
    }
    Ok(())
}

pub fn check_client_session_token(token: &str) -> Result<(), SdkError> {
    check(&CLIENT_SESSION_TOKEN, token)
}

pub fn check_publishable_key(key: &str) -> Result<(), SdkError> {
    check(&PUBLISHABLE_KEY, key)
}

/// What the page gave for one option, as @seamapi/http tells them apart: not there at all (`in`
/// is false), there but `null` or `undefined`, a string, or something else.
#[derive(Clone, Debug, PartialEq)]
pub enum Given {
    Absent,
    Nullish,
    Text(String),
    Other,
}

impl Given {
    /// `!= null`, as @seamapi/http tests an option.
    fn set(&self) -> bool {
        matches!(self, Given::Text(_) | Given::Other)
    }

    fn text(&self) -> &str {
        match self {
            Given::Text(text) => text,
            _ => "",
        }
    }

    fn from_env(value: Option<String>) -> Given {
        value.map_or(Given::Absent, Given::Text)
    }
}

/// The credential options of a client, read from the page's options object.
#[derive(Clone, Debug, PartialEq)]
pub struct CredentialOptions {
    pub api_key: Given,
    pub client_session_token: Given,
    pub console_session_token: Given,
    pub personal_access_token: Given,
    pub workspace_id: Given,
}

/// The environment variables @seamapi/http reads for credentials (in Node, Deno and Bun only).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CredentialEnv {
    pub api_key: Option<String>,
    pub personal_access_token: Option<String>,
    pub workspace_id: Option<String>,
}

/// Which factory made the options, for its own check before the constructor's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Factory {
    Constructor,
    ApiKey,
    ClientSessionToken,
    /// With `true`: a client scoped to a workspace, which needs its id.
    ConsoleSessionToken(bool),
    PersonalAccessToken(bool),
}

/// The credential a client calls the API with.
#[derive(Clone, Debug, PartialEq)]
pub enum Credential {
    ApiKey(String),
    ClientSessionToken(String),
    ConsoleSessionToken { token: String, workspace_id: Option<String> },
    PersonalAccessToken { token: String, workspace_id: Option<String> },
}

fn workspace_missing(name: &str) -> SdkError {
    invalid_options(&["Must pass a workspaceId when using a ", name].concat())
}

fn conflict(other: &str, with: &str) -> SdkError {
    invalid_options(&["The ", other, " option cannot be used with the ", with, " option"].concat())
}

impl CredentialOptions {
    /// The options in @seamapi/http's order of precedence, so that a conflict is reported with
    /// its message.
    fn slots(&self) -> [(&Given, &'static str); 4] {
        [
            (&self.api_key, "apiKey"),
            (&self.client_session_token, "clientSessionToken"),
            (&self.console_session_token, "consoleSessionToken"),
            (&self.personal_access_token, "personalAccessToken"),
        ]
    }

    /// Refuses another credential beside `name`'s.
    pub fn alone(&self, name: &str) -> Result<(), SdkError> {
        match self.slots().into_iter().find(|(given, other)| *other != name && given.set()) {
            Some((_, other)) => Err(conflict(other, name)),
            None => Ok(()),
        }
    }
}

/// The credential of a new client, decided as @seamapi/http decides it: the factory's own check,
/// then the environment where an option is absent (`env`: `None` in a browser, which has none),
/// then the first credential given, with its conflicts and its format.
pub fn decide(factory: Factory, options: &CredentialOptions, env: Option<&CredentialEnv>) -> Result<Credential, SdkError> {
    let factory_check = |given: &Given, name: &str, missing: &str, needs_workspace: bool| -> Result<(), SdkError> {
        if !given.set() {
            return Err(if needs_workspace || factory == Factory::ApiKey || factory == Factory::ClientSessionToken {
                invalid_options(missing)
            } else {
                invalid_options_without_workspace(missing)
            });
        }
        options.alone(name)?;
        if needs_workspace && !options.workspace_id.set() {
            return Err(workspace_missing(name));
        }
        Ok(())
    };
    match factory {
        Factory::Constructor => Ok(()),
        Factory::ApiKey => factory_check(&options.api_key, "apiKey", "Missing apiKey", false),
        Factory::ClientSessionToken => factory_check(&options.client_session_token, "clientSessionToken", "Missing clientSessionToken", false),
        Factory::ConsoleSessionToken(scoped) => factory_check(
            &options.console_session_token,
            "consoleSessionToken",
            if scoped { "Missing consoleSessionToken or workspaceId" } else { "Missing consoleSessionToken" },
            scoped,
        ),
        Factory::PersonalAccessToken(scoped) => factory_check(
            &options.personal_access_token,
            "personalAccessToken",
            if scoped { "Missing personalAccessToken or workspaceId" } else { "Missing personalAccessToken" },
            scoped,
        ),
    }?;

    let none = CredentialEnv::default();
    let env = env.unwrap_or(&none);
    let other_than_api_key = options.client_session_token.set() || options.console_session_token.set() || options.personal_access_token.set();
    let api_key = match &options.api_key {
        Given::Absent if other_than_api_key => Given::Nullish,
        Given::Absent => Given::from_env(env.api_key.clone()),
        given => given.clone(),
    };
    let personal_access_token = match &options.personal_access_token {
        Given::Absent if options.api_key.set() || options.client_session_token.set() || options.console_session_token.set() => Given::Nullish,
        Given::Absent => Given::from_env(env.personal_access_token.clone()),
        given => given.clone(),
    };
    if api_key.set() && personal_access_token.set() && options.api_key == Given::Absent && options.personal_access_token == Given::Absent {
        return Err(invalid_options(
            "Both SEAM_API_KEY and SEAM_PERSONAL_ACCESS_TOKEN environment variables are defined. Please use only one authentication method.",
        ));
    }
    let workspace_id = match &options.workspace_id {
        Given::Absent => Given::from_env(env.workspace_id.clone()),
        given => given.clone(),
    };
    let resolved = CredentialOptions {
        api_key,
        client_session_token: options.client_session_token.clone(),
        console_session_token: options.console_session_token.clone(),
        personal_access_token,
        workspace_id,
    };
    // Read for the credentials that act in a workspace only, once the credential is known good.
    let workspace = || match &resolved.workspace_id {
        Given::Text(id) if header_safe(id) && !id.is_empty() => Ok(Some(id.clone())),
        Given::Absent | Given::Nullish => Ok(None),
        _ => Err(invalid_options("workspaceId must be a workspace id: a string of visible ASCII characters")),
    };
    // @seamapi/http asks first whether cookies go with the requests, which is whether a client
    // session token is there alone.
    if resolved.client_session_token.set() {
        resolved.alone("clientSessionToken")?;
    }
    if resolved.api_key.set() {
        resolved.alone("apiKey")?;
        check(&API_KEY, resolved.api_key.text())?;
        return Ok(Credential::ApiKey(resolved.api_key.text().to_owned()));
    }
    if resolved.client_session_token.set() {
        resolved.alone("clientSessionToken")?;
        check(&CLIENT_SESSION_TOKEN, resolved.client_session_token.text())?;
        return Ok(Credential::ClientSessionToken(resolved.client_session_token.text().to_owned()));
    }
    if resolved.console_session_token.set() {
        resolved.alone("consoleSessionToken")?;
        check(&CONSOLE_SESSION_TOKEN, resolved.console_session_token.text())?;
        return Ok(Credential::ConsoleSessionToken { token: resolved.console_session_token.text().to_owned(), workspace_id: workspace()? });
    }
    if resolved.personal_access_token.set() {
        resolved.alone("personalAccessToken")?;
        check(&PERSONAL_ACCESS_TOKEN, resolved.personal_access_token.text())?;
        return Ok(Credential::PersonalAccessToken { token: resolved.personal_access_token.text().to_owned(), workspace_id: workspace()? });
    }
    Err(invalid_options(
        "Must specify an apiKey, clientSessionToken, publishableKey, consoleSessionToken or personalAccessToken. Attempted reading configuration from the environment, but the environment variable SEAM_API_KEY is not set.",
    ))
}

/// `options.name` as @seamapi/http reads it (`'name' in options`, then its value); a getter or a
/// trap that throws is an invalid option. Absent when `options` is not an object.
pub fn given(options: &JsValue, name: &str) -> Result<Given, SdkError> {
    if !options.is_object() {
        return Ok(Given::Absent);
    }
    let read = || -> Result<Given, JsValue> {
        if !Reflect::has(options, &JsValue::from_str(name))? {
            return Ok(Given::Absent);
        }
        let value = Reflect::get(options, &JsValue::from_str(name))?;
        Ok(if value.is_null() || value.is_undefined() {
            Given::Nullish
        } else {
            interop::text(&value, MAX_TOKEN_CHARS).map_or(Given::Other, Given::Text)
        })
    };
    read().map_err(|error| invalid_options(&["reading the option ", name, " threw ", &interop::describe(&error)].concat()))
}

/// The credential options of `options` (an object, or anything else as none).
pub fn credential_options(options: &JsValue) -> Result<CredentialOptions, SdkError> {
    Ok(CredentialOptions {
        api_key: given(options, "apiKey")?,
        client_session_token: given(options, "clientSessionToken")?,
        console_session_token: given(options, "consoleSessionToken")?,
        personal_access_token: given(options, "personalAccessToken")?,
        workspace_id: given(options, "workspaceId")?,
    })
}

/// A factory's argument, as `{ ...options, [name]: value }` makes it: present, whatever it is.
pub fn argument(value: &JsValue) -> Given {
    if value.is_null() || value.is_undefined() {
        Given::Nullish
    } else {
        interop::text(value, MAX_TOKEN_CHARS).map_or(Given::Other, Given::Text)
    }
}

/// The kind of `token` by its prefix, named as its option is, or `""`: for @seamapi/http's
/// guards (`isApiKey`, ...). Not a string: `""`.
#[wasm_bindgen(js_name = tokenKind, skip_typescript)]
pub fn token_kind_name(token: JsValue) -> JsValue {
    // The kind is in the first few characters; no more are copied.
    let Some(token) = interop::text_cut(&token, 16) else { return JsValue::from_str("") };
    JsValue::from_str(match token_kind(&token) {
        TokenKind::ApiKey => "apiKey",
        TokenKind::ClientSessionToken => "clientSessionToken",
        TokenKind::PublishableKey => "publishableKey",
        TokenKind::AccessToken => "personalAccessToken",
        TokenKind::ConsoleJwt => "consoleSessionToken",
        TokenKind::Unknown => "",
    })
}

/// For @seamapi/http's option guards (`isSeamHttpOptionsWithApiKey`, ...): whether `options`
/// has the credential `name`, refusing another credential beside it and, when `scoped`, a
/// missing `workspaceId`.
#[wasm_bindgen(js_name = hasCredentialOption, skip_typescript)]
pub fn has_credential_option(name: &str, scoped: bool, options: JsValue) -> Result<bool, JsValue> {
    let credentials = credential_options(&options)?;
    let given = credentials.slots().into_iter().find(|(_, slot)| *slot == name).map(|(given, _)| given.clone());
    if !given.is_some_and(|given| given.set()) {
        return Ok(false);
    }
    credentials.alone(name)?;
    if scoped && !credentials.workspace_id.set() {
        return Err(workspace_missing(name).into());
    }
    Ok(true)
}


/// The credential variables of the environment; `None` in a browser.
pub fn credential_env() -> Option<CredentialEnv> {
    (!host::in_browser()).then(|| CredentialEnv {
        api_key: host::env_var("SEAM_API_KEY"),
        personal_access_token: host::env_var("SEAM_PERSONAL_ACCESS_TOKEN"),
        workspace_id: host::env_var("SEAM_WORKSPACE_ID"),
    })
}


/// `local@domain.tld` with no whitespace, as @seamapi/http warns on (a `!` opts out).
pub fn looks_like_email(key: &str) -> bool {
    // JS's `\s`: Unicode's white space without U+0085, with U+FEFF.
    if key.contains('!') || key.chars().any(|c| c.is_whitespace() && c != '\u{85}' || c == '\u{feff}') {
        return false;
    }
    let mut parts = key.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    // A dot with something on each side, anywhere in the domain.
    !local.is_empty() && domain.char_indices().any(|(at, c)| c == '.' && at > 0 && at + 1 < domain.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn token_kinds_by_prefix() {
        assert_eq!(token_kind("seam_cst1_token"), TokenKind::ClientSessionToken);
        assert_eq!(token_kind("seam_pk1_token"), TokenKind::PublishableKey);
        assert_eq!(token_kind("seam_at1_longtoken"), TokenKind::AccessToken);
        assert_eq!(token_kind("eyJhbGciOi.x.y"), TokenKind::ConsoleJwt);
        assert_eq!(token_kind("seam_apikey1_token"), TokenKind::ApiKey);
        assert_eq!(token_kind("foo"), TokenKind::Unknown);
        assert_eq!(token_kind(""), TokenKind::Unknown);
        for unsendable in ["seam_cst1_a\nb", "seam_cst1 a", "seam_cst1_\u{e9}", "seam_cst1\t"] {
            assert_eq!(token_kind(unsendable), TokenKind::ClientSessionToken, "{unsendable:?}");
            assert!(check_client_session_token(unsendable).is_err(), "{unsendable:?}");
        }
        assert!(check_client_session_token("seam_cst1_a\r\nx: y").is_err());
        assert!(check_publishable_key("seam_pk1_\0").is_err());
    }

    fn opts(api_key: Given, cst: Given, console: Given, pat: Given, workspace: Given) -> CredentialOptions {
        CredentialOptions { api_key, client_session_token: cst, console_session_token: console, personal_access_token: pat, workspace_id: workspace }
    }

    fn t(text: &str) -> Given {
        Given::Text(text.to_owned())
    }

    /// The message of a refusal, or the credential's kind.
    fn outcome(result: Result<Credential, SdkError>) -> String {
        match result {
            Ok(Credential::ApiKey(_)) => "apiKey".to_owned(),
            Ok(Credential::ClientSessionToken(_)) => "clientSessionToken".to_owned(),
            Ok(Credential::ConsoleSessionToken { workspace_id, .. }) => format!("consoleSessionToken {workspace_id:?}"),
            Ok(Credential::PersonalAccessToken { workspace_id, .. }) => format!("personalAccessToken {workspace_id:?}"),
            Err(SdkError::InvalidOptions(m) | SdkError::InvalidToken(m) | SdkError::InvalidOptionsWithoutWorkspace(m)) => m,
            Err(other) => format!("{other:?}"),
        }
    }

    #[test]
    fn credentials_as_seamapi_http_decides_them() {
        use Given::{Absent as A, Nullish as N};
        let env = CredentialEnv { api_key: Some("seam_apikey1_env".into()), personal_access_token: None, workspace_id: Some("ws_env".into()) };
        let both = CredentialEnv { personal_access_token: Some("seam_at1_env".into()), ..env.clone() };
        let cases: Vec<(Factory, CredentialOptions, Option<&CredentialEnv>, &str)> = vec![
            (Factory::Constructor, opts(A, A, A, A, A), None, "SeamHttp received invalid options: Must specify an apiKey, clientSessionToken, publishableKey, consoleSessionToken or personalAccessToken. Attempted reading configuration from the environment, but the environment variable SEAM_API_KEY is not set."),
            (Factory::Constructor, opts(A, A, A, A, A), Some(&env), "apiKey"),
            // An option that is there, even undefined, hides the environment.
            (Factory::Constructor, opts(N, A, A, A, A), Some(&env), "SeamHttp received invalid options: Must specify an apiKey, clientSessionToken, publishableKey, consoleSessionToken or personalAccessToken. Attempted reading configuration from the environment, but the environment variable SEAM_API_KEY is not set."),
            (Factory::Constructor, opts(A, t("seam_cst1_x"), A, A, A), Some(&env), "clientSessionToken"),
            (Factory::Constructor, opts(A, A, A, A, A), Some(&both), "SeamHttp received invalid options: Both SEAM_API_KEY and SEAM_PERSONAL_ACCESS_TOKEN environment variables are defined. Please use only one authentication method."),
            (Factory::Constructor, opts(A, A, A, t("seam_at1_x"), A), Some(&env), "personalAccessToken Some(\"ws_env\")"),
            (Factory::Constructor, opts(A, A, t("eyJx"), A, A), None, "consoleSessionToken None"),
            (Factory::Constructor, opts(t("seam_apikey1_x"), t("seam_cst1_x"), A, A, A), None, "SeamHttp received invalid options: The apiKey option cannot be used with the clientSessionToken option"),
            (Factory::Constructor, opts(t("seam_apikey1_x"), A, t("eyJ"), A, A), None, "SeamHttp received invalid options: The consoleSessionToken option cannot be used with the apiKey option"),
            (Factory::Constructor, opts(A, t("seam_cst1_x"), t("eyJ"), A, A), None, "SeamHttp received invalid options: The consoleSessionToken option cannot be used with the clientSessionToken option"),
            (Factory::Constructor, opts(A, A, t("eyJ"), t("seam_at1"), A), None, "SeamHttp received invalid options: The personalAccessToken option cannot be used with the consoleSessionToken option"),
            (Factory::ClientSessionToken, opts(t("seam_apikey1_x"), t("seam_cst1_x"), A, A, A), None, "SeamHttp received invalid options: The apiKey option cannot be used with the clientSessionToken option"),
            (Factory::ClientSessionToken, opts(A, N, A, A, A), None, "SeamHttp received invalid options: Missing clientSessionToken"),
            (Factory::ApiKey, opts(N, A, A, A, A), Some(&env), "SeamHttp received invalid options: Missing apiKey"),
            (Factory::ConsoleSessionToken(true), opts(A, A, N, A, t("w")), None, "SeamHttp received invalid options: Missing consoleSessionToken or workspaceId"),
            (Factory::ConsoleSessionToken(true), opts(A, A, t("eyJ"), A, N), Some(&env), "SeamHttp received invalid options: Must pass a workspaceId when using a consoleSessionToken"),
            (Factory::ConsoleSessionToken(false), opts(A, A, N, A, A), None, "SeamHttpWithoutWorkspace received invalid options: Missing consoleSessionToken"),
            (Factory::PersonalAccessToken(false), opts(t("seam_apikey1_x"), A, A, t("seam_at1"), A), None, "SeamHttp received invalid options: The apiKey option cannot be used with the personalAccessToken option"),
            (Factory::PersonalAccessToken(true), opts(A, A, A, t("seam_at1"), t("w")), None, "personalAccessToken Some(\"w\")"),
            // Wrong kinds, with @seamapi/http's messages.
            (Factory::ApiKey, opts(t("seam_pk1_x"), A, A, A, A), None, "SeamHttp received an invalid token: A Publishable Key cannot be used as an apiKey"),
            (Factory::ApiKey, opts(t("nope"), A, A, A, A), None, "SeamHttp received an invalid token: Unknown or invalid apiKey format, expected token to start with seam_"),
            (Factory::ClientSessionToken, opts(A, t("seam_apikey1_x"), A, A, A), None, "SeamHttp received an invalid token: Unknown or invalid clientSessionToken format, expected token to start with seam_cst"),
            (Factory::ClientSessionToken, opts(A, t("eyJ"), A, A, A), None, "SeamHttp received an invalid token: A JWT cannot be used as a clientSessionToken"),
            (Factory::ConsoleSessionToken(false), opts(A, A, t("seam_cst1"), A, A), None, "SeamHttp received an invalid token: A Client Session Token cannot be used as a consoleSessionToken"),
            (Factory::ConsoleSessionToken(false), opts(A, A, t("seam_apikey1"), A, A), None, "SeamHttp received an invalid token: Unknown or invalid consoleSessionToken format, expected a JWT which starts with ey"),
            (Factory::PersonalAccessToken(false), opts(A, A, A, t("eyJ"), A), None, "SeamHttp received an invalid token: A JWT cannot be used as a personalAccessToken"),
            (Factory::PersonalAccessToken(false), opts(A, A, A, Given::Other, A), None, "SeamHttp received an invalid token: Unknown or invalid personalAccessToken format, expected token to start with seam_at"),
            (Factory::PersonalAccessToken(true), opts(A, A, A, t("seam_at1"), t("w w")), None, "SeamHttp received invalid options: workspaceId must be a workspace id: a string of visible ASCII characters"),
            // An API key acts in its own workspace: a workspace id beside it is not read.
            (Factory::ApiKey, opts(t("seam_apikey1_x"), A, A, A, Given::Other), None, "apiKey"),
            (Factory::ApiKey, opts(t("seam_pk1_x"), A, A, A, Given::Other), None, "SeamHttp received an invalid token: A Publishable Key cannot be used as an apiKey"),
        ];
        for (factory, options, env, expected) in cases {
            assert_eq!(outcome(decide(factory, &options, env)), expected, "{factory:?} {options:?} {env:?}");
        }
        assert_eq!(outcome(Err(check(&PUBLISHABLE_KEY, "seam_cst1").unwrap_err())), "SeamHttp received an invalid token: A Client Session Token Key cannot be used as a publishableKey");
        assert_eq!(outcome(Err(check(&PUBLISHABLE_KEY, "seam_apikey1").unwrap_err())), "SeamHttp received an invalid token: Unknown or invalid publishableKey format, expected token to start with seam_pk");
    }

    fn any_given() -> impl Strategy<Value = Given> {
        prop_oneof![
            Just(Given::Absent),
            Just(Given::Nullish),
            Just(Given::Other),
            prop::sample::select(vec!["seam_apikey1_x", "seam_cst1_x", "seam_pk1_x", "seam_at1_x", "eyJx", "x", "", "seam_cst1 x"]).prop_map(|t| Given::Text(t.to_owned())),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20_000, failure_persistence: None, ..ProptestConfig::default() })]

        /// Whatever is given, a credential is one of the options (or the environment's) of its
        /// own kind, and no credential comes with another beside it.
        #[test]
        fn a_decided_credential_was_given_alone(
            factory in prop::sample::select(vec![Factory::Constructor, Factory::ApiKey, Factory::ClientSessionToken, Factory::ConsoleSessionToken(true), Factory::ConsoleSessionToken(false), Factory::PersonalAccessToken(true), Factory::PersonalAccessToken(false)]),
            api_key in any_given(), cst in any_given(), console in any_given(), pat in any_given(), workspace in any_given(),
            env_api_key in prop::option::of(Just("seam_apikey1_env".to_owned())),
            in_browser in any::<bool>(),
        ) {
            let options = opts(api_key, cst, console, pat, workspace);
            let env = CredentialEnv { api_key: env_api_key, ..CredentialEnv::default() };
            let given = [&options.api_key, &options.client_session_token, &options.console_session_token, &options.personal_access_token].iter().filter(|g| g.set()).count();
            match decide(factory, &options, (!in_browser).then_some(&env)) {
                Ok(Credential::ApiKey(key)) => {
                    prop_assert!(given == 1 && options.api_key == Given::Text(key.clone()) || given == 0 && !in_browser && options.api_key == Given::Absent && env.api_key == Some(key.clone()));
                    prop_assert_eq!(token_kind(&key), TokenKind::ApiKey);
                }
                Ok(Credential::ClientSessionToken(token)) => prop_assert!(given == 1 && options.client_session_token == Given::Text(token.clone()) && header_safe(&token)),
                Ok(Credential::ConsoleSessionToken { token, .. }) => prop_assert!(given == 1 && options.console_session_token == Given::Text(token)),
                Ok(Credential::PersonalAccessToken { token, workspace_id }) => {
                    prop_assert!(given == 1 && options.personal_access_token == Given::Text(token));
                    if factory == Factory::PersonalAccessToken(true) {
                        prop_assert!(workspace_id.is_some());
                    }
                }
                Err(_) => {}
            }
        }
    }

    #[test]
    fn email_detection() {
        assert!(looks_like_email("jane@example.com"));
        assert!(looks_like_email("a.b+c@sub.example.co"));
        assert!(!looks_like_email("jane@example"));
        assert!(!looks_like_email("jane@@example.com"));
        assert!(!looks_like_email("@example.com"));
        assert!(!looks_like_email("jane@.com"));
        assert!(!looks_like_email("jane@example."));
        assert!(looks_like_email("a@b.c."));
        assert!(!looks_like_email("a@b\u{feff}.c"));
        assert!(looks_like_email("a@b.c\u{85}"));
        assert!(!looks_like_email("jane doe@example.com"));
        assert!(!looks_like_email("jane@example.com!"));
        assert!(!looks_like_email("user_4f1c2b"));
    }
}
