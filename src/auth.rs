//! Token kinds, the client session and its bootstrap from a publishable key.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use crate::error::{invalid_token, SdkError};
use crate::http::{self, Credentials, Method, Policy};
use crate::interop::{self, field, MAX_TOKEN_CHARS};

/// What a token string is, by its prefix (the same rules as @seamapi/http).
#[derive(Debug, PartialEq, Eq)]
pub enum TokenKind {
    ClientSessionToken,
    PublishableKey,
    AccessToken,
    ConsoleJwt,
    ApiKey,
    Unknown,
}

/// A token goes into HTTP headers, which take visible ASCII only; anything else is not a token.
fn header_safe(token: &str) -> bool {
    token.bytes().all(|b| b.is_ascii_graphic())
}

pub fn token_kind(token: &str) -> TokenKind {
    if !header_safe(token) {
        TokenKind::Unknown
    } else if token.starts_with("seam_cst") {
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

pub fn check_client_session_token(token: &str) -> Result<(), SdkError> {
    if !header_safe(token) {
        return Err(invalid_token("clientSessionToken has characters that cannot be sent in an HTTP header"));
    }
    let problem = match token_kind(token) {
        TokenKind::ClientSessionToken => return Ok(()),
        TokenKind::PublishableKey => "A Publishable Key cannot be used as a clientSessionToken",
        TokenKind::AccessToken => "An Access Token cannot be used as a clientSessionToken",
        TokenKind::ConsoleJwt => "A JWT cannot be used as a clientSessionToken",
        TokenKind::ApiKey | TokenKind::Unknown => {
            "Unknown or invalid clientSessionToken format, expected token to start with seam_cst"
        }
    };
    Err(invalid_token(problem))
}

pub fn check_publishable_key(key: &str) -> Result<(), SdkError> {
    if !header_safe(key) {
        return Err(invalid_token("publishableKey has characters that cannot be sent in an HTTP header"));
    }
    let problem = match token_kind(key) {
        TokenKind::PublishableKey => return Ok(()),
        TokenKind::ClientSessionToken => "A Client Session Token Key cannot be used as a publishableKey",
        TokenKind::AccessToken => "An Access Token cannot be used as a publishableKey",
        TokenKind::ConsoleJwt => "A JWT cannot be used as a publishableKey",
        TokenKind::ApiKey => "An API Key cannot be used as a publishableKey",
        TokenKind::Unknown => "Unknown or invalid publishableKey format, expected token to start with seam_pk",
    };
    Err(invalid_token(problem))
}

pub fn check_api_key(key: &str) -> Result<(), SdkError> {
    if !header_safe(key) {
        return Err(invalid_token("apiKey has characters that cannot be sent in an HTTP header"));
    }
    let problem = match token_kind(key) {
        TokenKind::ApiKey => return Ok(()),
        TokenKind::ClientSessionToken => "A Client Session Token cannot be used as an apiKey",
        TokenKind::PublishableKey => "A Publishable Key cannot be used as an apiKey",
        TokenKind::AccessToken => "An Access Token cannot be used as an apiKey",
        TokenKind::ConsoleJwt => "A JWT cannot be used as an apiKey",
        TokenKind::Unknown => "Unknown or invalid apiKey format, expected token to start with seam_",
    };
    Err(invalid_token(problem))
}

/// A browser: a page (it has a document) or a page's worker (it has a web location: http(s),
/// or blob for a worker made from a blob). Node, Deno and server-side workers have neither.
pub fn in_browser() -> bool {
    let global = js_sys::global();
    if !field(&global, "document").is_undefined() {
        return true;
    }
    let protocol = interop::text(&field(&field(&global, "location"), "protocol"), 16);
    matches!(protocol.as_deref(), Some("http:" | "https:" | "blob:"))
}

/// `local@domain.tld` with no whitespace, as @seamapi/http warns on (a `!` opts out).
pub fn looks_like_email(key: &str) -> bool {
    if key.contains('!') || key.chars().any(char::is_whitespace) {
        return false;
    }
    let mut parts = key.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let Some(dot) = domain.rfind('.') else { return false };
    !local.is_empty() && dot > 0 && dot + 1 < domain.len()
}

/// A client session as far as this SDK needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub token: String,
    pub expires_at: Option<String>,
    pub client_session_id: Option<String>,
    /// Set when the API reports the session revoked.
    pub revoked: bool,
}

/// A field of a session, from the API or from storage; anything longer than a token could be is
/// not copied.
fn get_string(object: &JsValue, key: &str) -> Option<String> {
    interop::text(&field(object, key), MAX_TOKEN_CHARS)
}

impl Session {
    /// A session known only by its token.
    pub fn from_token(token: String) -> Session {
        Session { token, expires_at: None, client_session_id: None, revoked: false }
    }

    /// Reads a session from a `client_session` object or from its stored form; `None` unless it
    /// has a client session token.
    pub fn from_js(value: &JsValue) -> Option<Session> {
        if !value.is_object() {
            return None;
        }
        let token = get_string(value, "token")?;
        if token_kind(&token) != TokenKind::ClientSessionToken {
            return None;
        }
        let revoked_at = field(value, "revoked_at");
        let revoked = !revoked_at.is_null() && !revoked_at.is_undefined();
        Some(Session {
            token,
            expires_at: get_string(value, "expires_at"),
            client_session_id: get_string(value, "client_session_id"),
            revoked,
        })
    }

    /// The stored form: only what is needed to resume, never the user identifier key.
    pub fn to_js(&self) -> JsValue {
        let object = interop::record();
        let opt = |value: &Option<String>| value.as_deref().map_or(JsValue::NULL, JsValue::from_str);
        let _ = Reflect::set(&object, &"token".into(), &JsValue::from_str(&self.token));
        let _ = Reflect::set(&object, &"expires_at".into(), &opt(&self.expires_at));
        let _ = Reflect::set(&object, &"client_session_id".into(), &opt(&self.client_session_id));
        object.into()
    }

    /// Known to be dead without asking the API: revoked, or past `expires_at`.
    pub fn is_dead(&self, now_ms: f64) -> bool {
        self.revoked
            || self.expires_at.as_deref().is_some_and(|at| {
                let at_ms = js_sys::Date::parse(at);
                // An unparseable date is not proof of death; the API will say.
                !at_ms.is_nan() && at_ms <= now_ms
            })
    }
}

/// `POST /client_sessions/get_or_create` with the publishable key only (no cookies, no token).
pub async fn get_or_create(endpoint: &str, publishable_key: &str, user_identifier_key: &str, policy: Policy) -> Result<Session, SdkError> {
    let body = interop::record();
    let _ = Reflect::set(&body, &"user_identifier_key".into(), &JsValue::from_str(user_identifier_key));
    let body = js_sys::JSON::stringify(&body).map_err(SdkError::Js)?;
    let path = "/client_sessions/get_or_create";
    let response = http::send(http::Request {
        method: Method::Post,
        url: [endpoint, path].concat(),
        path,
        headers: &http::headers(Some(&http::Auth::PublishableKey(publishable_key)), true),
        body: Some(body.into()),
        credentials: Credentials::Omit,
    }, policy)
    .await?;
    let value = http::response_value(&response, path, "client_session")?;
    Session::from_js(&value).ok_or_else(|| http::invalid_body(200, None, path, "a client_session without a usable client session token"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_kinds_by_prefix() {
        assert_eq!(token_kind("seam_cst1_token"), TokenKind::ClientSessionToken);
        assert_eq!(token_kind("seam_pk1_token"), TokenKind::PublishableKey);
        assert_eq!(token_kind("seam_at1_longtoken"), TokenKind::AccessToken);
        assert_eq!(token_kind("eyJhbGciOi.x.y"), TokenKind::ConsoleJwt);
        assert_eq!(token_kind("seam_apikey1_token"), TokenKind::ApiKey);
        assert_eq!(token_kind("foo"), TokenKind::Unknown);
        assert_eq!(token_kind(""), TokenKind::Unknown);
        for unsendable in ["seam_cst1_a\nb", "seam_cst1 a", "seam_cst1_\u{e9}", "seam_pk1\t"] {
            assert_eq!(token_kind(unsendable), TokenKind::Unknown, "{unsendable:?}");
        }
        assert!(check_client_session_token("seam_cst1_a\r\nx: y").is_err());
        assert!(check_publishable_key("seam_pk1_\0").is_err());
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
        assert!(!looks_like_email("jane doe@example.com"));
        assert!(!looks_like_email("jane@example.com!"));
        assert!(!looks_like_email("user_4f1c2b"));
    }
}
