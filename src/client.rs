//! `SeamClient`: its factories, its session, and the route namespaces.
//!
//! Every exported method runs synchronously up to the first await: it checks its arguments,
//! clones the `Rc` of the shared state and hands back a Promise (or a lazy `SeamHttpRequest`).
//! Concurrent calls and `free()` while a call is in flight are therefore safe.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};

use js_sys::{Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

use crate::auth::{self, Credential, Factory, Session};
use crate::error::{invalid_options, ApiError, SdkError};
use crate::generated::routes::CLIENT_SESSIONS_GET;
use crate::host;
use crate::http::{self, Auth, Credentials, Policy};
use crate::interop::{self, MAX_TOKEN_CHARS};
use crate::options::{self, Options, Wait};
use crate::request::SeamHttpRequest;
use crate::routes::{self, Route};
use crate::sha256::{hex, stretch};
use crate::storage::{scope_key, StorageKind, Store, Stored, Watch};

#[wasm_bindgen(module = "/src/generated/namespaces.js")]
extern "C" {
    #[wasm_bindgen(js_name = createNamespaces)]
    fn create_namespaces(call: &JsValue) -> JsValue;
}

/// 401 types that prove the session itself is dead, with no need to ask again.
const DEAD_SESSION_CODES: &[&str] = &["client_session_expired", "client_session_revoked", "client_session_not_found"];

enum Mode {
    /// Can mint a new session with `get_or_create`. The user identifier key stays in memory only.
    PublishableKey { key: String, user_identifier_key: String },
    /// A token handed in by the page; a dead one can only be dropped.
    ClientSessionToken,
    /// An API key, a personal access token or a console session token, with the workspace it
    /// is scoped to: nothing is stored, and there is no session to renew.
    Bearer { workspace_id: Option<String> },
}

impl Mode {
    /// How the credential goes on a request.
    fn auth<'a>(&'a self, credential: &'a str) -> Auth<'a> {
        match self {
            Mode::Bearer { workspace_id } => Auth::Bearer(credential, workspace_id.as_deref()),
            _ => Auth::ClientSessionToken(credential),
        }
    }

    /// Cookies go with a client session, as with @seamapi/http; other credentials need none.
    fn credentials(&self) -> Credentials {
        match self {
            Mode::Bearer { .. } => Credentials::Omit,
            _ => Credentials::Include,
        }
    }

    fn has_session(&self) -> bool {
        !matches!(self, Mode::Bearer { .. })
    }
}

pub(crate) struct Inner {
    pub(crate) endpoint: String,
    /// Why no request can be sent (an endpoint that cannot be resolved), reported by each.
    pub(crate) endpoint_error: Option<String>,
    policy: Policy,
    /// The client's `waitForActionAttempt`; a call's own option overrides it.
    pub(crate) wait: Wait,
    mode: Mode,
    /// `None` for an API key, which is never stored.
    store: Option<Store>,
    /// For a publishable key: the record of its last user to sign in, and this client's user
    /// (its tag), so that signing out clears the record while it names this user.
    last_user: Option<(Store, String)>,
    /// The credential in use (for an API key, the key); `None` once signed out.
    session: RefCell<Option<Session>>,
    /// Request headers and the token they were made for.
    headers: RefCell<Option<(String, [Object; 2])>>,
    /// The renewal in flight, shared by every call that needs it.
    renewal: RefCell<Option<Promise>>,
    /// Follows other tabs; dropping it removes the listener.
    watch: RefCell<Option<Watch>>,
}

/// Runs a future as a Promise. Boxed, so that the executor's glue is in the wasm once rather than
/// once per call site.
pub(crate) fn promise(future: impl Future<Output = Result<JsValue, SdkError>> + 'static) -> Promise {
    let boxed: Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>> = Box::pin(async move { future.await.map_err(JsValue::from) });
    future_to_promise(boxed)
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Inner {
    fn new(options: &Options, mode: Mode, store: Option<Store>, last_user: Option<(Store, String)>, session: Session) -> Rc<Inner> {
        let inner = Rc::new(Inner {
            endpoint: options.endpoint.clone(),
            endpoint_error: options.endpoint_error.clone(),
            policy: options.policy,
            wait: options.wait,
            mode,
            store,
            last_user,
            session: RefCell::new(Some(session)),
            headers: RefCell::new(None),
            renewal: RefCell::new(None),
            watch: RefCell::new(None),
        });
        let weak: Weak<Inner> = Rc::downgrade(&inner);
        let watch = inner.store.as_ref().and_then(|store| {
            store.watch(move || {
                if let Some(inner) = weak.upgrade() {
                    inner.follow_storage();
                }
            })
        });
        inner.watch.replace(watch);
        inner
    }

    fn token(&self) -> Result<String, SdkError> {
        self.session.borrow().as_ref().map(|s| s.token.clone()).ok_or(SdkError::SignedOut)
    }

    fn stored(&self) -> Option<Session> {
        self.store.as_ref().and_then(Store::read)
    }

    /// Another tab changed this scope's session: follow it. A removal is a sign-out; a value that
    /// is not a session is no reason to sign out: a publishable-key client gets a new session at
    /// its next call (treating the current one as revoked), another keeps its token.
    fn follow_storage(&self) {
        let Some(store) = &self.store else { return };
        match store.read_state() {
            Stored::Nothing => drop(self.session.replace(None)),
            Stored::Session(session) => drop(self.session.replace(Some(session))),
            Stored::Unreadable => {
                if let (Mode::PublishableKey { .. }, Some(session)) = (&self.mode, self.session.borrow_mut().as_mut()) {
                    session.revoked = true;
                }
            }
        }
    }

    fn forget_stored(&self) {
        if let Some(store) = &self.store {
            store.remove();
        }
    }

    fn install(&self, session: Session) {
        if let Some(store) = &self.store {
            store.write(&session);
        }
        self.session.replace(Some(session));
    }

    fn sign_out(&self) {
        self.session.replace(None);
        self.forget_stored();
        if let Some((record, user)) = &self.last_user {
            if read_last_user(record).as_ref() == Some(user) {
                record.remove();
            }
        }
    }

    /// The headers for `token`, without and with a JSON body, made once per token rather than
    /// once per call.
    fn headers(&self, token: &str, has_body: bool) -> Object {
        if let Some((cached, pair)) = &*self.headers.borrow() {
            if cached == token {
                return pair[usize::from(has_body)].clone();
            }
        }
        let auth = self.mode.auth(token);
        let pair = [http::headers(Some(&auth), false), http::headers(Some(&auth), true)];
        let chosen = pair[usize::from(has_body)].clone();
        self.headers.replace(Some((token.to_owned(), pair)));
        chosen
    }

    /// Sends with `token` and returns the response body.
    async fn send(&self, route: &Route, url: &str, body: Option<JsValue>, token: &str, policy: Policy) -> Result<JsValue, SdkError> {
        let headers = self.headers(token, body.is_some());
        let request = http::Request { method: route.method, url: url.to_owned(), path: route.path, headers: &headers, body, credentials: self.mode.credentials() };
        http::send(request, policy).await
    }

    /// One call, returning the response body: renew first if the session is known to have
    /// expired, and once more on a 401.
    pub(crate) async fn execute(self: &Rc<Self>, route: &Route, url: &str, body: Option<JsValue>) -> Result<JsValue, SdkError> {
        self.execute_within(route, url, body, f64::INFINITY).await
    }

    /// `execute`, with every attempt over by `deadline_ms` (a clock time).
    pub(crate) async fn execute_within(self: &Rc<Self>, route: &Route, url: &str, body: Option<JsValue>, deadline_ms: f64) -> Result<JsValue, SdkError> {
        if let Some(error) = &self.endpoint_error {
            return Err(SdkError::Plain(error.clone()));
        }
        let policy = Policy { deadline_ms, ..self.policy };
        let mut token = self.token()?;
        // Cloned first: no borrow is held while JS runs (a page's code could come back in).
        let session = self.session.borrow().clone();
        let expired = session.is_some_and(|s| s.is_dead(now_ms()));
        if expired && matches!(self.mode, Mode::PublishableKey { .. }) {
            self.renew(&token, None).await?;
            token = self.token()?;
        }
        match self.send(route, url, body.clone(), &token, policy).await {
            // A route the spec closes to client sessions refuses any of them, and an API key has
            // no session: no renewal helps.
            Err(SdkError::Api(error)) if error.status == 401 && route.allows_client_session() && self.mode.has_session() => {
                if !self.renew(&token, Some(&error.code)).await? {
                    return Err(SdkError::Api(error));
                }
                self.send(route, url, body, &self.token()?, policy).await
            }
            result => result,
        }
    }

    /// Makes sure `used` is no longer the session if it is dead; `Ok(true)` when a call made
    /// with `used` should be tried again with the current token.
    async fn renew(self: &Rc<Self>, used: &str, rejected_with: Option<&str>) -> Result<bool, SdkError> {
        if self.token()? != used {
            return Ok(true);
        }
        let pending = self.renewal.borrow().clone();
        let promise = pending.unwrap_or_else(|| {
            let inner = self.clone();
            let used = used.to_owned();
            let rejected_with = rejected_with.map(str::to_owned);
            let promise = promise(async move {
                let result = inner.renew_now(&used, rejected_with.as_deref()).await;
                inner.renewal.replace(None);
                result.map(|()| JsValue::UNDEFINED)
            });
            self.renewal.replace(Some(promise.clone()));
            promise
        });
        JsFuture::from(promise).await.map_err(SdkError::Js)?;
        Ok(self.token()? != used)
    }

    async fn renew_now(&self, used: &str, rejected_with: Option<&str>) -> Result<(), SdkError> {
        // A 401 of a general kind may be about the route, not the session: ask before dropping it.
        if let Some(code) = rejected_with {
            if !DEAD_SESSION_CODES.contains(&code) && self.is_alive(used).await {
                return Ok(());
            }
        }
        if self.token()? != used {
            return Ok(());
        }
        // Another tab may already have renewed this scope.
        if let Some(stored) = self.stored().filter(|s| s.token != used && !s.is_dead(now_ms())) {
            self.session.replace(Some(stored));
            return Ok(());
        }
        let Mode::PublishableKey { key, user_identifier_key } = &self.mode else {
            // A dead token cannot be renewed here; at least the next page load will not resume it.
            self.forget_stored();
            return Ok(());
        };
        // The stored session is overwritten, not removed first: other tabs would read a removal
        // as a sign-out.
        let fresh = auth::get_or_create(&self.endpoint, key, user_identifier_key, self.policy).await?;
        match live(fresh) {
            // The API can hand back the very session it just refused; trying it again would loop.
            Ok(fresh) if fresh.token != used => self.install(fresh),
            Ok(_) => self.forget_stored(),
            Err(error) => {
                self.forget_stored();
                return Err(error);
            }
        }
        Ok(())
    }

    /// Whether the API still accepts `token`; when it cannot tell (no answer), assume it does.
    async fn is_alive(&self, token: &str) -> bool {
        let route = &CLIENT_SESSIONS_GET;
        let url = [self.endpoint.as_str(), route.path].concat();
        !matches!(self.send(route, &url, None, token, self.policy).await, Err(SdkError::Api(e)) if e.status == 401)
    }
}

/// Refuses a session that `get_or_create` returned already dead (the API does that for a user
/// whose session was revoked or has expired).
fn live(session: Session) -> Result<Session, SdkError> {
    if !session.is_dead(now_ms()) {
        return Ok(session);
    }
    let (code, message) = if session.revoked {
        ("client_session_revoked", "The Seam API returned a revoked client session for this user")
    } else {
        ("client_session_expired", "The Seam API returned an expired client session for this user")
    };
    Err(SdkError::Api(ApiError {
        status: 401,
        code: code.to_owned(),
        message: message.to_owned(),
        request_id: None,
        data: JsValue::UNDEFINED,
        validation_errors: JsValue::UNDEFINED,
    }))
}

thread_local! {
    /// The newest sign-in of each storage, endpoint, key and user, while it runs (the user
    /// identifier key stays in memory, as in the clients themselves), with its number.
    static SIGN_INS: RefCell<Vec<(StorageKind, String, u32, Promise)>> = const { RefCell::new(Vec::new()) };
    static SIGN_IN_NUMBER: Cell<u32> = const { Cell::new(0) };
}

/// Where `fromPublishableKey` keeps a user's session: the endpoint, the key and the user's tag.
fn user_scope(options: &Options, publishable_key: &str, user_tag: &str) -> String {
    scope_key(&options.endpoint, &[publishable_key, ":", user_tag].concat())
}

/// Hash rounds for a user's tag: each guess at a user identifier key costs as many, and a
/// sign-in about as many microseconds once.
const TAG_ROUNDS: u32 = 10_000;

/// The tag that names a user's stored session: a slow hash of the user identifier key, salted with
/// 8 random bytes (16 hex digits, hashed as they are written) kept in this storage for this
/// endpoint and key. The same key gives other tags in other browsers, so no table of precomputed
/// hashes (of emails, of numbers) turns a tag back into the key; the key itself is never stored.
/// `None` while no salt is stored: no one signed in here yet.
fn user_tag(salts: &Store, user_identifier_key: &str) -> Option<String> {
    Some(tag_of(&read_json_hex(salts, "salt", 16)?, user_identifier_key))
}

fn tag_of(salt: &str, user_identifier_key: &str) -> String {
    hex(&stretch(user_identifier_key.as_bytes(), salt.as_bytes(), TAG_ROUNDS))
}

/// The tag by the stored salt, or by a new salt stored now: called only when a session is about
/// to be stored, so that a sign-in that fails leaves nothing behind. The salt need only differ
/// between browsers, not be secret (it is stored beside the tag), so `Math.random` makes it.
fn user_tag_or_new_salt(salts: &Store, user_identifier_key: &str) -> String {
    user_tag(salts, user_identifier_key).unwrap_or_else(|| {
        let salt = hex(&[0u8; 8].map(|_| (js_sys::Math::random() * 256.0) as u8));
        salts.write_text(["{\"salt\":\"", &salt, "\"}"].concat());
        tag_of(&salt, user_identifier_key)
    })
}

fn is_hex(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Which user of a publishable key signed in last, `{"user":"<tag above>"}`, for a page to
/// resume.
fn last_user(options: &Options, publishable_key: &str) -> Store {
    Store::new(options.storage, scope_key(&options.endpoint, publishable_key))
}

/// The tag of the last user, when the record holds a well-formed one.
fn read_last_user(store: &Store) -> Option<String> {
    read_json_hex(store, "user", 64)
}

/// `{"<key>": "<hex of len digits>"}`, as the store holds it, or `None` for anything else.
fn read_json_hex(store: &Store, key: &str, len: u32) -> Option<String> {
    let stored = js_sys::JSON::parse(&store.read_text()?).ok()?;
    interop::text(&interop::field(&stored, key), len).filter(|text| is_hex(text, len as usize))
}

/// A token, key or path argument; anything but a string of a sensible length reads as empty,
/// which every check refuses.
fn string_arg(value: &JsValue) -> String {
    interop::text(value, MAX_TOKEN_CHARS).unwrap_or_default()
}

/// A Seam API client for the browser, authenticated with a client session.
#[wasm_bindgen(js_name = SeamClient)]
pub struct SeamClient {
    inner: Rc<Inner>,
    /// `{ devices: { list, get, ... }, ... }`, built once per client.
    namespaces: JsValue,
}

impl SeamClient {
    fn wrap(inner: Rc<Inner>) -> SeamClient {
        let for_calls = inner.clone();
        // Owned by the JS function: it lives as long as any namespace object does, even one
        // kept after the client itself was freed.
        let call = Closure::<dyn Fn(u32, JsValue, JsValue) -> JsValue>::new(move |index: u32, params, options| {
            match routes::by_index(index as usize) {
                Some(route) => SeamHttpRequest::new(&for_calls, route, params, options).into(),
                None => Promise::reject(&SdkError::Type("Unknown route".to_owned()).into()).into(),
            }
        })
        .into_js_value();
        SeamClient { namespaces: create_namespaces(&call), inner }
    }

    pub(crate) fn namespaces(&self) -> &JsValue {
        &self.namespaces
    }

    fn token_client(token: String, options: &Options, session: Option<Session>) -> Result<SeamClient, SdkError> {
        let store = Store::new(options.storage, scope_key(&options.endpoint, "client-session-token"));
        // Keep what is known about the stored session (its expiry) when it is the same token.
        let session = session
            .or_else(|| store.read())
            .filter(|stored| stored.token == token)
            .unwrap_or_else(|| Session::from_token(token));
        store.write(&session);
        Ok(SeamClient::wrap(Inner::new(options, Mode::ClientSessionToken, Some(store), None, session)))
    }

    /// A client as @seamapi/http's constructor and factories make one: the credential options of
    /// `options`, with the factory's `argument` over them (as `{ ...options, apiKey }` would),
    /// checked by the factory, then completed from the environment.
    fn create(factory: Factory, options: &JsValue, argument: Option<&JsValue>, workspace_id: Option<&JsValue>) -> Result<SeamClient, SdkError> {
        let mut credentials = auth::credential_options(options)?;
        if let Some(argument) = argument {
            let slot = match factory {
                Factory::ApiKey | Factory::Constructor => &mut credentials.api_key,
                Factory::ClientSessionToken => &mut credentials.client_session_token,
                Factory::ConsoleSessionToken(_) => &mut credentials.console_session_token,
                Factory::PersonalAccessToken(_) => &mut credentials.personal_access_token,
            };
            *slot = auth::argument(argument);
        }
        if let Some(workspace_id) = workspace_id {
            credentials.workspace_id = auth::argument(workspace_id);
        }
        // Options first: an unknown one (a typo, an axios option) is the mistake to report.
        let options = options::parse(options)?;
        let credential = auth::decide(factory, &credentials, auth::credential_env().as_ref())?;
        let bearer = |token: String, workspace_id: Option<String>| {
            Ok(SeamClient::wrap(Inner::new(&options, Mode::Bearer { workspace_id }, None, None, Session::from_token(token))))
        };
        match credential {
            Credential::ClientSessionToken(token) => SeamClient::token_client(token, &options, None),
            // A signed-in Seam Console user holds this one in the browser anyway.
            Credential::ConsoleSessionToken { token, workspace_id } => bearer(token, workspace_id),
            Credential::ApiKey(_) | Credential::PersonalAccessToken { .. } if host::in_browser() => Err(invalid_options(
                "an API key or a personal access token cannot be used in a browser, where anyone could read it; use SeamClient.fromPublishableKey or SeamClient.fromClientSessionToken there",
            )),
            Credential::ApiKey(token) => bearer(token, None),
            Credential::PersonalAccessToken { token, workspace_id } => bearer(token, workspace_id),
        }
    }
}

#[wasm_bindgen(js_class = SeamClient)]
impl SeamClient {
    /// A client as `new SeamHttp(apiKeyOrOptions)` makes one: an API key, or options with one
    /// credential (`apiKey`, `clientSessionToken`, `personalAccessToken` or
    /// `consoleSessionToken`, with `workspaceId`); with none, `SEAM_API_KEY` (Node, Deno, Bun).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = apiKeyOrOptions, unchecked_optional_param_type = "string | SeamClientConstructorOptions")] api_key_or_options: Option<JsValue>,
    ) -> Result<SeamClient, JsValue> {
        let given = api_key_or_options.unwrap_or(JsValue::UNDEFINED);
        let created = if given.is_string() {
            SeamClient::create(Factory::Constructor, &JsValue::UNDEFINED, Some(&given), None)
        } else {
            SeamClient::create(Factory::Constructor, &given, None, None)
        };
        Ok(created?)
    }

    /// A client for one user of a publishable key. Resumes the session stored for this
    /// endpoint, key and user when it is still valid (no request); otherwise calls
    /// `/client_sessions/get_or_create` and stores the new session.
    #[wasm_bindgen(js_name = fromPublishableKey, unchecked_return_type = "Promise<SeamClient>")]
    pub fn from_publishable_key(
        #[wasm_bindgen(js_name = publishableKey, unchecked_param_type = "string")] publishable_key: JsValue,
        #[wasm_bindgen(js_name = userIdentifierKey, unchecked_param_type = "string")] user_identifier_key: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SeamClientOptions")] options: Option<JsValue>,
    ) -> Promise {
        let prepared = (|| -> Result<_, SdkError> {
            let user_identifier_key = interop::text(&user_identifier_key, MAX_TOKEN_CHARS);
            if user_identifier_key.as_deref().is_some_and(auth::looks_like_email) {
                interop::warn_lines(&[
                    "Using an email for the userIdentifierKey is insecure and may return an error in the future!",
                    "This is insecure because an email is common knowledge or easily guessed.",
                    "Use something with sufficient entropy known only to the owner of the client session.",
                    "For help choosing a user identifier key see",
                    "https://docs.seam.co/latest/seam-components/overview/get-started-with-client-side-components#3-select-a-user-identifier-key",
                ]);
            }
            let key = string_arg(&publishable_key);
            auth::check_publishable_key(&key)?;
            let user_identifier_key = user_identifier_key
                .filter(|uik| !uik.trim().is_empty())
                .ok_or_else(|| invalid_options("userIdentifierKey must be a non-empty string (at most 4096 characters)"))?;
            let options = options.unwrap_or(JsValue::UNDEFINED);
            // The session it makes is a client session: no other credential goes with it.
            auth::credential_options(&options)?.alone("clientSessionToken")?;
            let options = options::parse(&options)?;
            Ok((options, key, user_identifier_key))
        })();
        let (options, key, user_identifier_key) = match prepared {
            Ok(prepared) => prepared,
            Err(error) => return Promise::reject(&error.into()),
        };
        // Sign-ins of one user that start together (React's StrictMode running effects twice, a
        // double click, two components) make one get_or_create: each waits for the one before
        // it, then finds the session that one stored.
        let scope = [options.endpoint.as_str(), "\n", &key, "\n", &user_identifier_key].concat();
        let before = SIGN_INS.with(|all| all.borrow().iter().find(|(k, s, _, _)| *k == options.storage && *s == scope).map(|(.., p)| p.clone()));
        let number = SIGN_IN_NUMBER.with(|n| n.replace(n.get().wrapping_add(1)));
        let storage = options.storage;
        let signed_in = promise(async move {
            if let Some(before) = before {
                let _ = JsFuture::from(before).await;
            }
            // Done, either way: no later sign-in waits for this one, and the list keeps nothing
            // of it.
            let done = || SIGN_INS.with(|all| all.borrow_mut().retain(|(.., n, _)| *n != number));
            let salts = Store::new(options.storage, scope_key(&options.endpoint, &[&key, ":salt"].concat()));
            let stored = user_tag(&salts, &user_identifier_key).map(|tag| (Store::new(options.storage, user_scope(&options, &key, &tag)), tag));
            let resumed = stored.and_then(|(store, tag)| Some((store.read().filter(|s| !s.is_dead(now_ms()))?, store, tag)));
            let (session, store, user_tag) = match resumed {
                Some(resumed) => resumed,
                None => {
                    let fresh = auth::get_or_create(&options.endpoint, &key, &user_identifier_key, options.policy).await.and_then(live);
                    let fresh = fresh.inspect_err(|_| done())?;
                    // The salt is read now: another sign-in may have stored one meanwhile.
                    let tag = user_tag_or_new_salt(&salts, &user_identifier_key);
                    let store = Store::new(options.storage, user_scope(&options, &key, &tag));
                    store.write(&fresh);
                    (fresh, store, tag)
                }
            };
            done();
            let record = last_user(&options, &key);
            record.write_text(["{\"user\":\"", &user_tag, "\"}"].concat());
            let mode = Mode::PublishableKey { key, user_identifier_key };
            Ok(SeamClient::wrap(Inner::new(&options, mode, Some(store), Some((record, user_tag)), session)).into())
        });
        SIGN_INS.with(|all| {
            let mut all = all.borrow_mut();
            all.retain(|(k, s, ..)| !(*k == storage && *s == scope));
            all.push((storage, scope, number, signed_in.clone()));
        });
        signed_in
    }

    /// A client for a client session token made by your backend. The token is stored for this
    /// endpoint, so a later page load can resume it with `fromStoredClientSessionToken`.
    #[wasm_bindgen(js_name = fromClientSessionToken)]
    pub fn from_client_session_token(
        #[wasm_bindgen(js_name = clientSessionToken, unchecked_param_type = "string")] client_session_token: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SeamClientOptions")] options: Option<JsValue>,
    ) -> Result<SeamClient, JsValue> {
        Ok(SeamClient::create(Factory::ClientSessionToken, &options.unwrap_or(JsValue::UNDEFINED), Some(&client_session_token), None)?)
    }

    /// A client for a server (Node, Deno, a server-side worker) with the workspace's API key: for
    /// creating client sessions and handing their tokens to pages. Refused in a browser (a page
    /// or its workers), where the key would be exposed to everyone who opens it. Nothing is
    /// stored.
    #[wasm_bindgen(js_name = fromApiKey)]
    pub fn from_api_key(
        #[wasm_bindgen(js_name = apiKey, unchecked_param_type = "string")] api_key: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SeamClientOptions")] options: Option<JsValue>,
    ) -> Result<SeamClient, JsValue> {
        Ok(SeamClient::create(Factory::ApiKey, &options.unwrap_or(JsValue::UNDEFINED), Some(&api_key), None)?)
    }

    /// A client for a Seam Console user's session in one workspace (`seam-workspace`).
    #[wasm_bindgen(js_name = fromConsoleSessionToken)]
    pub fn from_console_session_token(
        #[wasm_bindgen(js_name = consoleSessionToken, unchecked_param_type = "string")] console_session_token: JsValue,
        #[wasm_bindgen(js_name = workspaceId, unchecked_param_type = "string")] workspace_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SeamClientOptions")] options: Option<JsValue>,
    ) -> Result<SeamClient, JsValue> {
        let options = options.unwrap_or(JsValue::UNDEFINED);
        Ok(SeamClient::create(Factory::ConsoleSessionToken(true), &options, Some(&console_session_token), Some(&workspace_id))?)
    }

    /// A client for a personal access token in one workspace: for servers only, like an API key.
    #[wasm_bindgen(js_name = fromPersonalAccessToken)]
    pub fn from_personal_access_token(
        #[wasm_bindgen(js_name = personalAccessToken, unchecked_param_type = "string")] personal_access_token: JsValue,
        #[wasm_bindgen(js_name = workspaceId, unchecked_param_type = "string")] workspace_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SeamClientOptions")] options: Option<JsValue>,
    ) -> Result<SeamClient, JsValue> {
        let options = options.unwrap_or(JsValue::UNDEFINED);
        Ok(SeamClient::create(Factory::PersonalAccessToken(true), &options, Some(&personal_access_token), Some(&workspace_id))?)
    }

    /// For `SeamHttpWithoutWorkspace.fromConsoleSessionToken` and `.fromPersonalAccessToken`:
    /// `credential` names which.
    #[wasm_bindgen(js_name = withoutWorkspace, skip_typescript)]
    pub fn without_workspace(credential: JsValue, token: JsValue, options: JsValue) -> Result<SeamClient, JsValue> {
        let factory = if credential.as_string().as_deref() == Some("consoleSessionToken") {
            Factory::ConsoleSessionToken(false)
        } else {
            Factory::PersonalAccessToken(false)
        };
        Ok(SeamClient::create(factory, &options, Some(&token), None)?)
    }

    /// The session `fromPublishableKey` stored for this endpoint and key, as a client, so that a
    /// page keeps its user signed in across reloads; `null` when none is alive (with several
    /// users' sessions stored, the last one signed in). The user identifier key is never
    /// stored, so this client cannot renew the session: once it ends, calls reject with
    /// `SeamHttpUnauthorizedError`, and the page signs its user in again.
    #[wasm_bindgen(js_name = fromStoredPublishableKeySession, unchecked_return_type = "SeamClient | null")]
    pub fn from_stored_publishable_key_session(
        #[wasm_bindgen(js_name = publishableKey, unchecked_param_type = "string")] publishable_key: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SeamClientOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let key = string_arg(&publishable_key);
        auth::check_publishable_key(&key)?;
        let options = options::parse(&options.unwrap_or(JsValue::UNDEFINED))?;
        let record = last_user(&options, &key);
        let Some(user) = read_last_user(&record) else { return Ok(JsValue::NULL) };
        let store = Store::new(options.storage, user_scope(&options, &key, &user));
        let Some(session) = store.read().filter(|session| !session.is_dead(now_ms())) else { return Ok(JsValue::NULL) };
        Ok(SeamClient::wrap(Inner::new(&options, Mode::ClientSessionToken, Some(store), Some((record, user)), session)).into())
    }

    /// The client session token stored by `fromClientSessionToken` for this endpoint, as a
    /// client; `null` when there is none, it has expired, or the API refused it.
    #[wasm_bindgen(js_name = fromStoredClientSessionToken, unchecked_return_type = "SeamClient | null")]
    pub fn from_stored_client_session_token(
        #[wasm_bindgen(unchecked_optional_param_type = "SeamClientOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let options = options::parse(&options.unwrap_or(JsValue::UNDEFINED))?;
        let store = Store::new(options.storage, scope_key(&options.endpoint, "client-session-token"));
        let Some(session) = store.read() else { return Ok(JsValue::NULL) };
        if session.is_dead(now_ms()) {
            store.remove();
            return Ok(JsValue::NULL);
        }
        Ok(SeamClient::token_client(session.token.clone(), &options, Some(session))?.into())
    }

    /// The client session token in use; `null` after `signOut()`.
    #[wasm_bindgen(getter = clientSessionToken, unchecked_return_type = "string | null")]
    pub fn client_session_token(&self) -> JsValue {
        match (&self.inner.mode, self.inner.token()) {
            (mode, Ok(token)) if mode.has_session() => JsValue::from_str(&token),
            _ => JsValue::NULL,
        }
    }

    /// Switches to another client session token after `GET /client_sessions/get` accepts it;
    /// if the check fails, the current token stays and the promise rejects.
    #[wasm_bindgen(js_name = updateClientSessionToken, unchecked_return_type = "Promise<void>")]
    pub fn update_client_session_token(&self, #[wasm_bindgen(js_name = clientSessionToken, unchecked_param_type = "string")] client_session_token: JsValue) -> Promise {
        let token = string_arg(&client_session_token);
        if let Err(error) = auth::check_client_session_token(&token) {
            return Promise::reject(&error.into());
        }
        if !self.inner.mode.has_session() {
            return Promise::reject(&SdkError::Plain("Cannot update a clientSessionToken on a client created without a clientSessionToken".to_owned()).into());
        }
        let inner = self.inner.clone();
        promise(async move {
            let route = &CLIENT_SESSIONS_GET;
            let url = [inner.endpoint.as_str(), route.path].concat();
            let found = http::response_value(&inner.send(route, &url, None, &token, inner.policy).await?, route.path, "client_session")?;
            let session = Session::from_js(&found).filter(|s| s.token == token).unwrap_or_else(|| Session::from_token(token));
            inner.install(session);
            Ok(JsValue::UNDEFINED)
        })
    }

    /// Forgets this client's session, in storage too. Later calls reject with
    /// `SeamHttpSignedOutError`; other clients of the same scope, in any tab, are signed out too.
    #[wasm_bindgen(js_name = signOut)]
    pub fn sign_out(&self) {
        self.inner.sign_out();
    }

    /// Calls a route by its path, e.g. `client.request('/devices/list', { limit: 10 })`: the
    /// same as the route's method (`client.devices.list(...)`).
    #[wasm_bindgen(skip_typescript)]
    pub fn request(&self, path: JsValue, params: JsValue, options: JsValue) -> JsValue {
        let path = string_arg(&path);
        match routes::by_path(&path) {
            Some(route) => SeamHttpRequest::new(&self.inner, route, params, options).into(),
            None => Promise::reject(&SdkError::Type(["Unknown Seam API route: ", &path].concat()).into()).into(),
        }
    }

    /// What the client knows of a route: `{ path, method, responseKey, requiredParameters,
    /// atLeastOneParameters, hasPagination, isActionAttempt, allowsClientSession }`, or `null`
    /// for an unknown path.
    #[wasm_bindgen(js_name = describeRoute, unchecked_return_type = "SeamClientRouteDescription | null")]
    pub fn describe_route(#[wasm_bindgen(unchecked_param_type = "string")] path: JsValue) -> JsValue {
        let Some(route) = routes::by_path(&string_arg(&path)) else { return JsValue::NULL };
        let description = js_sys::Object::new();
        let names = |list: &mut dyn Iterator<Item = &str>| -> JsValue { list.map(JsValue::from_str).collect::<js_sys::Array>().into() };
        let fields: [(&str, JsValue); 8] = [
            ("path", route.path.into()),
            ("method", route.method.as_str().into()),
            ("responseKey", route.response_key.map_or(JsValue::NULL, JsValue::from_str)),
            ("requiredParameters", names(&mut route.required())),
            ("atLeastOneParameters", names(&mut route.at_least_one())),
            ("hasPagination", route.paginated().into()),
            ("isActionAttempt", route.action_attempt().into()),
            ("allowsClientSession", route.allows_client_session().into()),
        ];
        for (key, value) in fields {
            let _ = js_sys::Reflect::set(&description, &key.into(), &value);
        }
        description.into()
    }
}
