//! `SeamClient`: the JS facade. Its factories check their arguments and make a `Runner`, which
//! carries the client's calls; its methods hand back a Promise or a lazy `SeamHttpRequest` at
//! once. Concurrent calls and `free()` while a call is in flight are therefore safe.

use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use crate::auth::{self, Credential, Factory};
use crate::engine::Session;
use crate::error::{invalid_options, SdkError};
use crate::host;
use crate::interop::{self, MAX_TOKEN_CHARS};
use crate::options::{self, Options};
use crate::request::SeamHttpRequest;
use crate::routes::{self, RouteId};
use crate::runner::{last_user_in, now_ms, rejected, user_scope, Mode, Runner};
use crate::storage::{scope_key, session_in, Store};

#[wasm_bindgen(module = "/src/generated/namespaces.js")]
extern "C" {
    #[wasm_bindgen(js_name = createNamespaces)]
    fn create_namespaces(call: &JsValue) -> JsValue;
}

#[wasm_bindgen(module = "/src/js/paginator.js")]
extern "C" {
    type SeamPaginator;

    // Reads the request, whose getters may be the page's.
    #[wasm_bindgen(constructor, catch)]
    fn new(request: &JsValue) -> Result<SeamPaginator, JsValue>;
}

/// Which user of a publishable key signed in last, `{"user":"<tag>"}`, for a page to resume.
fn last_user(options: &Options, publishable_key: &str) -> Store {
    Store::new(options.storage.clone(), scope_key(&options.endpoint, publishable_key))
}

/// What a synchronous factory reads; a storage adapter that answers with a promise cannot be
/// waited for here.
fn read_now(store: &Store) -> Result<Option<String>, SdkError> {
    store.read_text_now().ok_or_else(|| {
        invalid_options("this storage adapter's getItem answers with a promise, which a synchronous factory cannot wait for: use fromPublishableKey, which resumes a stored session")
    })
}


/// A token, key or path argument; anything but a string of a sensible length reads as empty,
/// which every check refuses.
fn string_arg(value: &JsValue) -> String {
    interop::text(value, MAX_TOKEN_CHARS).unwrap_or_default()
}

/// A Seam API client for the browser, authenticated with a client session.
#[wasm_bindgen(js_name = SeamClient)]
pub struct SeamClient {
    runner: Rc<Runner>,
    /// `{ devices: { list, get, ... }, ... }`, built once per client.
    namespaces: JsValue,
}

impl SeamClient {
    fn wrap(runner: Rc<Runner>) -> SeamClient {
        let for_calls = runner.clone();
        // Owned by the JS function: it lives as long as any namespace object does, even one
        // kept after the client itself was freed.
        let call = Closure::<dyn Fn(u32, JsValue, JsValue) -> JsValue>::new(move |index: u32, params, options| {
            match RouteId::at(index as usize) {
                Some(route) => SeamHttpRequest::new(&for_calls, route, params, options).into(),
                None => rejected(SdkError::Type("Unknown route".to_owned())).into(),
            }
        })
        .into_js_value();
        SeamClient { namespaces: create_namespaces(&call), runner }
    }

    fn token_client(token: String, options: &Options, session: Option<Session>) -> Result<SeamClient, SdkError> {
        let store = Store::new(options.storage.clone(), scope_key(&options.endpoint, "client-session-token"));
        // Keep what is known about the stored session (its expiry) when it is the same token.
        let session = session
            .or_else(|| store.read())
            .filter(|stored| stored.token == token)
            .unwrap_or_else(|| Session::from_token(token));
        store.write(&session);
        Ok(SeamClient::wrap(Runner::new(options, Mode::ClientSessionToken, Some(session), Some(store), None)))
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
            Ok(SeamClient::wrap(Runner::new(&options, Mode::Bearer { workspace_id }, Some(Session::from_token(token)), None, None)))
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
            Err(error) => return rejected(error),
        };
        Runner::start_sign_in(&options, key, user_identifier_key, |runner| SeamClient::wrap(runner).into())
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
        let Some(user) = last_user_in(read_now(&record)?) else { return Ok(JsValue::NULL) };
        let store = Store::new(options.storage.clone(), user_scope(&options.endpoint, &key, &user));
        let Some(session) = session_in(read_now(&store)?).filter(|session| !session.is_dead(now_ms())) else { return Ok(JsValue::NULL) };
        Ok(SeamClient::wrap(Runner::new(&options, Mode::ClientSessionToken, Some(session), Some(store), Some((record, user)))).into())
    }

    /// The client session token stored by `fromClientSessionToken` for this endpoint, as a
    /// client; `null` when there is none, it has expired, or the API refused it.
    #[wasm_bindgen(js_name = fromStoredClientSessionToken, unchecked_return_type = "SeamClient | null")]
    pub fn from_stored_client_session_token(
        #[wasm_bindgen(unchecked_optional_param_type = "SeamClientOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let options = options::parse(&options.unwrap_or(JsValue::UNDEFINED))?;
        let store = Store::new(options.storage.clone(), scope_key(&options.endpoint, "client-session-token"));
        let Some(session) = session_in(read_now(&store)?) else { return Ok(JsValue::NULL) };
        if session.is_dead(now_ms()) {
            store.remove();
            return Ok(JsValue::NULL);
        }
        Ok(SeamClient::token_client(session.token.clone(), &options, Some(session))?.into())
    }

    /// The client session token in use; `null` after `signOut()`.
    #[wasm_bindgen(getter = clientSessionToken, unchecked_return_type = "string | null")]
    pub fn client_session_token(&self) -> JsValue {
        match (&self.runner.mode, self.runner.token()) {
            (mode, Some(token)) if mode.kind().has_session() => JsValue::from_str(&token),
            _ => JsValue::NULL,
        }
    }

    /// Switches to another client session token after `GET /client_sessions/get` accepts it;
    /// if the check fails, the current token stays and the promise rejects.
    #[wasm_bindgen(js_name = updateClientSessionToken, unchecked_return_type = "Promise<void>")]
    pub fn update_client_session_token(&self, #[wasm_bindgen(js_name = clientSessionToken, unchecked_param_type = "string")] client_session_token: JsValue) -> Promise {
        let token = string_arg(&client_session_token);
        if let Err(error) = auth::check_client_session_token(&token) {
            return rejected(error);
        }
        if !self.runner.mode.kind().has_session() {
            return rejected(SdkError::Plain("Cannot update a clientSessionToken on a client created without a clientSessionToken".to_owned()));
        }
        self.runner.check(token)
    }

    /// Forgets this client's session, in storage too. Later calls reject with
    /// `SeamHttpSignedOutError`; other clients of the same scope, in any tab, are signed out too.
    #[wasm_bindgen(js_name = signOut)]
    pub fn sign_out(&self) {
        self.runner.sign_out();
    }

    /// Calls `listener({ type, expiresAt, clientSessionId })` when the session changes: `type`
    /// is `'renewed'` (this client renewed it), `'replaced'` (another tab, the storage
    /// adapter or `updateClientSessionToken` put another in), `'signedOut'` (here or in another tab) or
    /// `'ended'` (found dead, and this client cannot renew it). Never the token itself. Returns
    /// what removes the listener.
    #[wasm_bindgen(js_name = onSessionChange, unchecked_return_type = "() => void")]
    pub fn on_session_change(&self, #[wasm_bindgen(unchecked_param_type = "(change: SeamSessionChange) => void")] listener: JsValue) -> Result<JsValue, JsValue> {
        if !listener.is_function() {
            return Err(SdkError::Type("onSessionChange takes a function".to_owned()).into());
        }
        self.runner.listen(&listener)
    }

    /// Calls a route by its path, e.g. `client.request('/devices/list', { limit: 10 })`: the
    /// same as the route's method (`client.devices.list(...)`).
    #[wasm_bindgen(skip_typescript)]
    pub fn request(&self, path: JsValue, params: JsValue, options: JsValue) -> JsValue {
        let path = string_arg(&path);
        match RouteId::of(&path) {
            Some(route) => SeamHttpRequest::new(&self.runner, route, params, options).into(),
            None => rejected(SdkError::Type(["Unknown Seam API route: ", &path].concat())).into(),
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
            interop::set(&description, key, &value);
        }
        description.into()
    }

    /// Pages of a paginated request: `firstPage()`, `nextPage(cursor)`, `for await` over pages,
    /// `flatten()` over items, `flattenToArray()`; `new SeamPaginator(request)`, as in
    /// @seamapi/http.
    #[wasm_bindgen(js_name = createPaginator, skip_typescript)]
    pub fn create_paginator(&self, request: JsValue) -> Result<JsValue, JsValue> {
        SeamPaginator::new(&request).map(JsValue::from)
    }
}

include!("generated/client_namespaces.rs");
