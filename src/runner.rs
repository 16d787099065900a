//! A client's calls in flight: the engine's actions carried out through the driver
//! (`js/driver.js`), and what the driver reports turned into the engine's events. The engine
//! decides; this module holds the JS values it does not (bodies, answers, errors, the promises
//! handed to the page) and knows how each kind of request is built and read.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use js_sys::{Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::action_attempt;
use crate::engine::{Action, Answer, Change, Engine, Id, Kind, Outcome, Request, Session, Stored, RENEWAL};
use crate::error::{ApiError, SdkError};
use crate::interop;
use crate::options::{Options, Wait};
use crate::query;
use crate::response::{self, Reading};
use crate::routes::{Method, Route, ACTION_ATTEMPTS_GET, CLIENT_SESSIONS_GET, CLIENT_SESSIONS_GET_OR_CREATE};
use crate::sha256::{hex, stretch};
use crate::storage::{scope_key, session_from_js, session_in, stored_state, StorageKind, Store, Text};
use crate::wire::{self, Auth};

#[wasm_bindgen(module = "/src/js/driver.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn track(id: Id) -> Result<Promise, JsValue>;

    #[wasm_bindgen(catch)]
    fn settle(id: Id, ok: bool, value: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(catch)]
    #[allow(clippy::too_many_arguments)]
    fn send(port: &JsValue, fetcher: &JsValue, id: Id, method: &str, url: &str, headers: &Object, body: &JsValue, credentials: &str, timeout_ms: f64) -> Result<(), JsValue>;

    #[wasm_bindgen(catch)]
    fn sleep(port: &JsValue, id: Id, ms: f64) -> Result<(), JsValue>;

    #[wasm_bindgen(catch)]
    fn after(port: &JsValue, id: Id, promise: &Promise) -> Result<(), JsValue>;

    #[wasm_bindgen(catch)]
    fn watch(port: &JsValue, area: &JsValue, key: &str) -> Result<js_sys::Function, JsValue>;

    #[wasm_bindgen(catch)]
    fn lock(port: &JsValue, name: &str, wait_ms: f64) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch)]
    fn unlock(held: &JsValue, name: &str, marker: bool) -> Result<(), JsValue>;

    #[wasm_bindgen(catch)]
    fn listen(listeners: &JsValue, listener: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch)]
    fn notify(listeners: &JsValue, change: &str, expires_at: Option<String>, client_session_id: Option<String>) -> Result<(), JsValue>;
}

/// 401 types that prove the session itself is dead, with no need to ask again.
const DEAD_SESSION_CODES: &[&str] = &["client_session_expired", "client_session_revoked", "client_session_not_found"];

/// The driver's reports to `port(id, event, value)`, as `js/driver.js` numbers them.
const ANSWERED: u32 = 1;
const FAILED: u32 = 2;
const WOKE: u32 = 3;
const SETTLED: u32 = 4;
const REJECTED: u32 = 5;
const STORAGE: u32 = 6;
const LOCKED: u32 = 7;

/// How long a renewal waits for the cross-tab lock before it goes on without it (a tab that
/// holds it may be stuck on a request with no timeout).
const LOCK_WAIT_MS: f64 = 10_000.0;

pub enum Mode {
    /// Can mint a new session with `get_or_create`. The user identifier key stays in memory only.
    PublishableKey { key: String, user_identifier_key: String },
    /// A token handed in by the page; a dead one can only be dropped.
    ClientSessionToken,
    /// An API key, a personal access token or a console session token, with the workspace it
    /// is scoped to: nothing is stored, and there is no session to renew.
    Bearer { workspace_id: Option<String> },
    /// No credential: the OpenAPI spec.
    Anonymous,
}

impl Mode {
    pub fn kind(&self) -> Kind {
        match self {
            Mode::PublishableKey { .. } => Kind::Renewable,
            Mode::ClientSessionToken => Kind::Token,
            Mode::Bearer { .. } => Kind::Bearer,
            Mode::Anonymous => Kind::Anonymous,
        }
    }
}

/// What a call is, beyond what the engine knows of it.
enum What {
    /// A call of a route (or of the OpenAPI spec); its value is the whole response body.
    Call { method: Method, path: &'static str, url: String, body: Option<JsValue> },
    /// The resource in another call's body (which `after` reports), then the action attempt it
    /// started, polled at `poll_url`.
    Resource { route: Route, wait: Wait, poll_url: String },
    /// A check of `token` for `updateClientSessionToken`.
    Check { token: String },
    /// A sign-in, whose value is `client`.
    SignIn { client: JsValue },
    /// A read of a storage adapter that answered with a promise, and what it is for.
    Read(For),
}

#[derive(Clone, Copy)]
enum For {
    /// The engine's `Action::ReadStored`.
    Renewal,
    /// The session changed elsewhere: the read of change number `u32` (only the newest counts).
    Change(u32),
    /// Sign-in `Id`'s salt, then its user's session.
    Salt(Id),
    Session(Id),
    /// Whether the record of the last user still names this one, to clear it at sign-out.
    SignOut,
}

struct Slot {
    id: Id,
    what: What,
    /// The request last sent, to read its answer.
    request: Request,
    /// The last answer's value or error.
    last: Result<JsValue, JsValue>,
    /// The action attempt waited on, as last seen.
    attempt: JsValue,
}

/// A sign-in's scope: where its session goes once the user's tag is known.
struct SignInScope {
    storage: StorageKind,
    salts: Rc<Store>,
}

pub struct Runner {
    pub endpoint: String,
    /// Why no request can be sent (an endpoint that cannot be resolved), reported by each.
    pub endpoint_error: Option<String>,
    /// The client's `waitForActionAttempt`; a call's own option overrides it.
    pub wait: Wait,
    pub mode: Mode,
    /// The `fetch` option, or `undefined`.
    fetcher: JsValue,
    engine: RefCell<Engine>,
    /// `None` for an API key, which is never stored, and for a sign-in until its user is known.
    /// Shared, so that no borrow is held while storage (maybe the page's code) runs.
    store: RefCell<Option<Rc<Store>>>,
    /// The salt a sign-in read, for when its session is stored.
    salt: RefCell<Option<String>>,
    /// Counts reads after a change elsewhere and this client's own writes: a read that an
    /// adapter answers after a newer one started, or after a write here, is out of date.
    changes: Cell<u32>,
    /// For a publishable key: the record of its last user to sign in, and this client's user
    /// (its tag), so that signing out clears the record while it names this user.
    last_user: RefCell<Option<(Rc<Store>, String)>>,
    sign_in: Option<SignInScope>,
    /// Request headers and the token they were made for.
    headers: RefCell<Option<(String, [Object; 2])>>,
    calls: RefCell<Vec<Slot>>,
    /// The renewal's last answer and which request it was.
    renewal_last: RefCell<(Request, Result<JsValue, JsValue>)>,
    /// The driver reports here; it holds this runner weakly.
    port: JsValue,
    /// Stops following other tabs.
    unwatch: RefCell<Option<js_sys::Function>>,
    /// The page's `onSessionChange` listeners (a JS array the driver keeps).
    listeners: JsValue,
    /// The cross-tab renewal lock, while it is asked for or held.
    held: RefCell<Option<(JsValue, String)>>,
    /// Itself, while a call is in flight: a client freed meanwhile still settles its calls.
    busy: RefCell<Option<Rc<Runner>>>,
}

thread_local! {
    /// Ids of calls, unique on the page: the driver keeps their promises by id.
    static NEXT_ID: Cell<Id> = const { Cell::new(RENEWAL) };
    /// The newest sign-in of each storage and scope (endpoint, key and user; the user
    /// identifier key stays in memory, as in the clients themselves), while it runs.
    static SIGN_INS: RefCell<Vec<(StorageKind, String, Id, Promise)>> = const { RefCell::new(Vec::new()) };
}

fn next_id() -> Id {
    NEXT_ID.with(|next| {
        let id = next.get().wrapping_add(1).max(RENEWAL + 1);
        next.set(id);
        id
    })
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A promise rejected with `error`.
pub fn rejected(error: SdkError) -> Promise {
    Promise::reject(&error.into())
}

impl Runner {
    pub fn new(options: &Options, mode: Mode, session: Option<Session>, store: Option<Store>, last_user: Option<(Store, String)>) -> Rc<Runner> {
        Runner::build(options, mode, session, store, last_user, None)
    }

    fn build(options: &Options, mode: Mode, session: Option<Session>, store: Option<Store>, last_user: Option<(Store, String)>, sign_in: Option<SignInScope>) -> Rc<Runner> {
        let policy = options.policy;
        let seed = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
        let engine = Engine::new(mode.kind(), policy, session, seed);
        let runner = Rc::new_cyclic(|weak: &Weak<Runner>| {
            let weak = weak.clone();
            // Owned by the JS function, which lives while the driver has something to report.
            let port = Closure::<dyn Fn(Id, u32, JsValue)>::new(move |id, event, value| {
                if let Some(runner) = weak.upgrade() {
                    runner.on_report(id, event, value);
                }
            })
            .into_js_value();
            Runner {
                endpoint: options.endpoint.clone(),
                endpoint_error: options.endpoint_error.clone(),
                wait: options.wait,
                mode,
                fetcher: options.fetch.clone(),
                engine: RefCell::new(engine),
                store: RefCell::new(None),
                salt: RefCell::new(None),
                changes: Cell::new(0),
                last_user: RefCell::new(last_user.map(|(record, user)| (Rc::new(record), user))),
                sign_in,
                headers: RefCell::new(None),
                calls: RefCell::new(Vec::new()),
                renewal_last: RefCell::new((Request::Liveness, Ok(JsValue::UNDEFINED))),
                port,
                unwatch: RefCell::new(None),
                listeners: js_sys::Array::new().into(),
                held: RefCell::new(None),
                busy: RefCell::new(None),
            }
        });
        if let Some(store) = store {
            runner.set_store(store);
        }
        runner
    }

    /// Keeps `store` for this client's session, and follows other tabs' changes to it.
    fn set_store(&self, store: Store) {
        let unwatch = match store.area() {
            Some(area) => watch(&self.port, &area, store.key()).ok(),
            None => store.subscribe(&self.port),
        };
        self.store.replace(Some(Rc::new(store)));
        if let Some(old) = self.unwatch.replace(unwatch) {
            let _ = old.call0(&JsValue::UNDEFINED);
        }
    }

    /// This client's store, if any; a clone, so that no borrow is held while it runs.
    fn current_store(&self) -> Option<Rc<Store>> {
        self.store.borrow().clone()
    }

    /// Reads `store` for `purpose`: goes on at once, or once the adapter's promise settles.
    fn read(self: &Rc<Self>, store: &Store, purpose: For) {
        match store.read_text() {
            Text::Now(text) => self.have_read(purpose, text),
            Text::Later(promise) => {
                let id = next_id();
                self.hold(id, What::Read(purpose));
                if after(&self.port, id, &promise).is_err() {
                    self.calls.borrow_mut().retain(|slot| slot.id != id);
                    self.have_read(purpose, None);
                }
            }
        }
    }

    /// What a read for `purpose` found.
    fn have_read(self: &Rc<Self>, purpose: For, text: Option<String>) {
        match purpose {
            For::Renewal => self.engine.borrow_mut().stored_now(stored_state(text), now_ms()),
            For::Change(change) => {
                let echo = self.current_store().is_some_and(|store| store.echoes(&text));
                if change == self.changes.get() && !echo {
                    self.engine.borrow_mut().storage_changed(stored_state(text));
                }
            }
            For::Salt(id) => self.salt_read(id, text),
            For::Session(id) => self.engine.borrow_mut().sign_in(id, session_in(text), now_ms()),
            For::SignOut => {
                if let Some((record, user)) = &*self.last_user.borrow() {
                    if last_user_in(text).as_ref() == Some(user) {
                        record.remove();
                    }
                }
            }
        }
    }

    pub fn token(&self) -> Option<String> {
        self.engine.borrow().session().map(|session| session.token.clone())
    }

    /// A call to `path`; resolves with the response body.
    pub fn request(self: &Rc<Self>, method: Method, path: &'static str, url: String, body: Option<JsValue>, may_renew: bool) -> Promise {
        if let Some(error) = &self.endpoint_error {
            return rejected(SdkError::Plain(error.clone()));
        }
        let id = next_id();
        let promise = self.open(id, What::Call { method, path, url, body });
        self.engine.borrow_mut().start(id, method.is_idempotent(), may_renew, now_ms());
        self.run();
        promise
    }

    /// The resource of `route` in the body `response` resolves with, after its action attempt
    /// when the route starts one and `wait` says to wait.
    pub fn resource(self: &Rc<Self>, response: &Promise, route: Route, wait: Wait) -> Promise {
        let id = next_id();
        let promise = self.open(id, What::Resource { route, wait, poll_url: String::new() });
        self.wait_on(id, response);
        self.run();
        promise
    }

    /// Checks `token` with `GET /client_sessions/get`, then uses it.
    pub fn check(self: &Rc<Self>, token: String) -> Promise {
        let id = next_id();
        let promise = self.open(id, What::Check { token: token.clone() });
        self.engine.borrow_mut().check(id, token, now_ms());
        self.run();
        promise
    }

    /// Registers a call and its promise.
    fn open(self: &Rc<Self>, id: Id, what: What) -> Promise {
        self.hold(id, what);
        track(id).unwrap_or_else(|error| Promise::reject(&error))
    }

    /// Registers what `id` waits for; the runner lives until it is done.
    fn hold(self: &Rc<Self>, id: Id, what: What) {
        self.calls.borrow_mut().push(Slot { id, what, request: Request::Call, last: Ok(JsValue::UNDEFINED), attempt: JsValue::UNDEFINED });
        self.busy.replace(Some(self.clone()));
    }

    /// Reports how `promise` settles to call `id`; at once, as a rejection, if it cannot.
    fn wait_on(&self, id: Id, promise: &Promise) {
        if let Err(error) = after(&self.port, id, promise) {
            self.finish(id, Err(error));
        }
    }

    /// Settles call `id` and forgets it; no later sign-in waits for a sign-in that ended.
    fn finish(&self, id: Id, result: Result<JsValue, JsValue>) {
        self.calls.borrow_mut().retain(|slot| slot.id != id);
        if self.sign_in.is_some() {
            SIGN_INS.with(|all| all.borrow_mut().retain(|(.., n, _)| *n != id));
        }
        let _ = match result {
            Ok(value) => settle(id, true, &value),
            Err(error) => settle(id, false, &error),
        };
    }

    fn with_slot<T>(&self, id: Id, op: impl FnOnce(&mut Slot) -> T) -> Option<T> {
        self.calls.borrow_mut().iter_mut().find(|slot| slot.id == id).map(op)
    }

    /// Carries out the engine's actions until it has none. No borrow is held while JS runs:
    /// the page's code (a thenable's getter, a wrapped `fetch`) could come back in.
    fn run(self: &Rc<Self>) {
        loop {
            let action = self.engine.borrow_mut().next_action();
            match action {
                Some(action) => self.perform(action),
                None => break,
            }
        }
        if self.calls.borrow().is_empty() && self.engine.borrow().in_flight() == 0 {
            self.busy.replace(None);
        }
    }

    fn perform(self: &Rc<Self>, action: Action) {
        match action {
            Action::Send { id, request, token, timeout_ms } => self.send(id, request, token, timeout_ms),
            Action::Sleep { id, ms } => {
                if sleep(&self.port, id, ms).is_err() {
                    self.engine.borrow_mut().woke(id, now_ms());
                }
            }
            Action::ReadStored => match self.current_store() {
                Some(store) => self.read(&store, For::Renewal),
                None => self.engine.borrow_mut().stored_now(Stored::Nothing, now_ms()),
            },
            Action::Store(session) => self.store_session(&session),
            Action::Forget => {
                if let Some(store) = self.current_store() {
                    self.changed();
                    store.remove();
                }
            }
            Action::Settle { id, outcome } => self.conclude(id, outcome),
            Action::Lock => {
                // Only a session other tabs share needs their turns.
                let store = self.current_store().filter(|store| store.shared());
                let name = store.map(|store| ["seam-wasm renewal ", store.key()].concat());
                match name.and_then(|name| Some((lock(&self.port, &name, LOCK_WAIT_MS).ok()?, name))) {
                    Some(held) => drop(self.held.replace(Some(held))),
                    None => self.engine.borrow_mut().locked(false, now_ms()),
                }
            }
            Action::Unlock { marker } => {
                if let Some((held, name)) = self.held.take() {
                    let _ = unlock(&held, &name, marker);
                }
            }
            Action::Notify { change, session } => {
                let change = match change {
                    Change::Renewed => "renewed",
                    Change::Replaced => "replaced",
                    Change::SignedOut => "signedOut",
                    Change::Ended => "ended",
                };
                let (expires_at, client_session_id) = session.map_or((None, None), |s| (s.expires_at, s.client_session_id));
                let _ = notify(&self.listeners, change, expires_at, client_session_id);
            }
        }
    }

    /// Adds an `onSessionChange` listener; returns what removes it.
    pub fn listen(&self, listener: &JsValue) -> Result<JsValue, JsValue> {
        listen(&self.listeners, listener)
    }

    fn send(&self, id: Id, request: Request, token: Option<String>, timeout_ms: f64) {
        let (method, url, body) = match request {
            Request::Liveness => (CLIENT_SESSIONS_GET.method, self.url(&CLIENT_SESSIONS_GET), None),
            Request::GetOrCreate => {
                let Mode::PublishableKey { user_identifier_key, .. } = &self.mode else { return };
                let body = interop::record();
                interop::set(&body, "user_identifier_key", &JsValue::from_str(user_identifier_key));
                let body = js_sys::JSON::stringify(&body).map(JsValue::from).ok();
                let route = &CLIENT_SESSIONS_GET_OR_CREATE;
                (route.method, self.url(route), body)
            }
            _ => {
                let found = self.with_slot(id, |slot| {
                    slot.request = request;
                    match (&slot.what, request) {
                        (What::Call { method, url, body, .. }, _) => Some((*method, url.clone(), body.clone())),
                        (What::Resource { poll_url, .. }, Request::Poll) => Some((ACTION_ATTEMPTS_GET.method, poll_url.clone(), None)),
                        (What::Check { .. }, _) => Some((CLIENT_SESSIONS_GET.method, self.url(&CLIENT_SESSIONS_GET), None)),
                        _ => None,
                    }
                });
                let Some(Some(found)) = found else { return };
                found
            }
        };
        if id == RENEWAL {
            self.renewal_last.borrow_mut().0 = request;
        }
        let auth = match (&self.mode, token.as_deref()) {
            (Mode::Bearer { workspace_id }, Some(token)) => Some(Auth::Bearer(token, workspace_id.as_deref())),
            (_, Some(token)) => Some(Auth::ClientSessionToken(token)),
            (Mode::PublishableKey { key, .. }, None) => Some(Auth::PublishableKey(key)),
            (_, None) => None,
        };
        let headers = self.headers(auth.as_ref(), token.as_deref(), body.is_some());
        let body = body.unwrap_or(JsValue::UNDEFINED);
        if let Err(error) = send(&self.port, &self.fetcher, id, method.as_str(), &url, &headers, &body, wire::cookies(auth.as_ref()), timeout_ms) {
            self.answered(id, false, &error);
        }
    }

    fn url(&self, route: &Route) -> String {
        [self.endpoint.as_str(), route.path].concat()
    }

    /// The headers for `auth`, without or with a JSON body; those of a session's token are made
    /// once per token rather than once per call.
    fn headers(&self, auth: Option<&Auth>, token: Option<&str>, has_body: bool) -> Object {
        let Some(token) = token else { return wire::headers(auth, has_body) };
        if let Some((cached, pair)) = &*self.headers.borrow() {
            if cached == token {
                return pair[usize::from(has_body)].clone();
            }
        }
        let pair = [wire::headers(auth, false), wire::headers(auth, true)];
        let chosen = pair[usize::from(has_body)].clone();
        self.headers.replace(Some((token.to_owned(), pair)));
        chosen
    }

    /// What the driver reports: an answer, a failure, a timer, another promise settled, storage.
    fn on_report(self: &Rc<Self>, id: Id, event: u32, value: JsValue) {
        match event {
            ANSWERED | FAILED => self.answered(id, event == ANSWERED, &value),
            WOKE => self.engine.borrow_mut().woke(id, now_ms()),
            SETTLED | REJECTED => self.settled(id, event == SETTLED, value),
            STORAGE => {
                if let Some(store) = self.current_store() {
                    self.read(&store, For::Change(self.changed()));
                }
            }
            LOCKED => self.engine.borrow_mut().locked(value.is_truthy(), now_ms()),
            _ => {}
        }
        self.run();
    }

    fn answered(&self, id: Id, arrived: bool, value: &JsValue) {
        let request = if id == RENEWAL { Some(self.renewal_last.borrow().0) } else { self.with_slot(id, |slot| slot.request) };
        let Some(request) = request else { return };
        let (method, path) = match request {
            Request::Poll => (ACTION_ATTEMPTS_GET.method, ACTION_ATTEMPTS_GET.path),
            Request::Liveness => (CLIENT_SESSIONS_GET.method, CLIENT_SESSIONS_GET.path),
            Request::GetOrCreate => (CLIENT_SESSIONS_GET_OR_CREATE.method, CLIENT_SESSIONS_GET_OR_CREATE.path),
            Request::Call => match self.with_slot(id, |slot| match &slot.what {
                What::Call { method, path, .. } => (*method, *path),
                _ => (CLIENT_SESSIONS_GET.method, CLIENT_SESSIONS_GET.path),
            }) {
                Some(found) => found,
                None => return,
            },
        };
        let reading = if arrived { response::read(value.unchecked_ref(), path) } else { response::failure(value, method, path) };
        let checked = self.with_slot(id, |slot| match &slot.what {
            What::Check { token } => Some(token.clone()),
            _ => None,
        });
        let (answer, last) = interpret(reading, request, checked.flatten(), path);
        if id == RENEWAL {
            self.renewal_last.borrow_mut().1 = last;
        } else {
            let attempt = matches!(answer, Answer::Attempt(_));
            self.with_slot(id, |slot| {
                if attempt {
                    slot.attempt = last.clone().unwrap_or(JsValue::UNDEFINED);
                }
                slot.last = last;
            });
        }
        self.engine.borrow_mut().answered(id, answer, now_ms());
    }

    /// Another promise this call waited on settled: a sign-in's turn has come, or a call's body
    /// is there to read.
    fn settled(self: &Rc<Self>, id: Id, ok: bool, value: JsValue) {
        let found = self.with_slot(id, |slot| match &slot.what {
            What::Resource { route, wait, .. } => Ok((*route, *wait)),
            What::Read(purpose) => Err(Some(*purpose)),
            _ => Err(None),
        });
        match found {
            Some(Ok((route, wait))) => self.read_resource(id, ok, value, route, wait),
            Some(Err(Some(purpose))) => {
                self.calls.borrow_mut().retain(|slot| slot.id != id);
                let store = match purpose {
                    For::Salt(_) => self.sign_in.as_ref().map(|scope| scope.salts.clone()),
                    For::SignOut => self.last_user.borrow().as_ref().map(|(record, _)| record.clone()),
                    _ => self.current_store(),
                };
                let text = store.and_then(|store| if ok { store.settled(&value) } else { None });
                self.have_read(purpose, text);
            }
            Some(Err(None)) => self.begin_sign_in(id),
            None => {}
        }
    }

    fn read_resource(&self, id: Id, ok: bool, body: JsValue, route: Route, wait: Wait) {
        if !ok {
            return self.finish(id, Err(body));
        }
        let Some(key) = route.response_key else { return self.finish(id, Ok(JsValue::UNDEFINED)) };
        let attempt = match response::resource(&body, route.path, key) {
            Ok(value) if route.action_attempt() && wait.enabled => value,
            result => return self.finish(id, result.map_err(JsValue::from)),
        };
        let params = interop::record();
        interop::set(&params, "action_attempt_id", &interop::field(&attempt, "action_attempt_id"));
        let poll_url = match query::query_url(&self.endpoint, ACTION_ATTEMPTS_GET.path, &params) {
            Ok(url) => url,
            Err(error) => return self.finish(id, Err(error.into())),
        };
        let status = action_attempt::status(&attempt);
        self.with_slot(id, |slot| {
            slot.what = What::Resource { route, wait, poll_url };
            slot.last = Ok(attempt.clone());
            slot.attempt = attempt;
        });
        self.engine.borrow_mut().wait_for_attempt(id, status, wait.timeout_ms, wait.polling_interval_ms, now_ms());
    }

    /// How the engine ended call `id`.
    fn conclude(&self, id: Id, outcome: Outcome) {
        let Some((last, attempt, wait, client)) = self.with_slot(id, |slot| {
            let wait = match &slot.what {
                What::Resource { wait, .. } => wait.timeout_ms,
                _ => 0.0,
            };
            let client = match &slot.what {
                What::SignIn { client } => Some(client.clone()),
                _ => None,
            };
            (slot.last.clone(), slot.attempt.clone(), wait, client)
        }) else {
            return;
        };
        let signing_in = client.is_some();
        let result = match outcome {
            Outcome::Last => last,
            Outcome::RenewalFailed => Err(self.renewal_last.borrow().1.clone().err().unwrap_or(JsValue::UNDEFINED)),
            Outcome::ReturnedDead(revoked) => Err(returned_dead(revoked).into()),
            Outcome::SignedOut => Err(SdkError::SignedOut.into()),
            Outcome::SignedIn => Ok(client.unwrap_or(JsValue::UNDEFINED)),
            Outcome::AttemptFailed => Err(action_attempt::failed(attempt).into()),
            Outcome::AttemptTimedOut => Err(SdkError::ActionAttemptTimeout { timeout_ms: wait, action_attempt: attempt }.into()),
        };
        if signing_in && result.is_ok() {
            self.signed_in();
        }
        self.finish(id, result);
    }

    /// Stores a new session: for a sign-in, under its user's tag (with a new salt if this
    /// storage has none yet, so that a sign-in that fails leaves nothing behind).
    fn store_session(&self, session: &Session) {
        if self.store.borrow().is_none() {
            let (Some(scope), Mode::PublishableKey { key, user_identifier_key }) = (&self.sign_in, &self.mode) else { return };
            // Web storage is read again now: another sign-in may have stored a salt meanwhile.
            // An adapter's answer could come later: what the sign-in read stands.
            let salt = match scope.salts.has_adapter() {
                true => self.salt.borrow().clone(),
                false => scope.salts.read_text_now().flatten(),
            };
            let tag = match json_hex(salt, "salt", 16) {
                Some(salt) => tag_of(&salt, user_identifier_key),
                None => {
                    let salt = hex(&[0u8; 8].map(|_| (js_sys::Math::random() * 256.0) as u8));
                    scope.salts.write_text(["{\"salt\":\"", &salt, "\"}"].concat());
                    tag_of(&salt, user_identifier_key)
                }
            };
            let endpoint = &self.endpoint;
            self.set_store(Store::new(scope.storage.clone(), user_scope(endpoint, key, &tag)));
            self.last_user.replace(Some((Rc::new(Store::new(scope.storage.clone(), scope_key(endpoint, key))), tag)));
        }
        if let Some(store) = self.current_store() {
            self.changed();
            store.write(session);
        }
    }

    /// A change here or elsewhere: reads begun before it are out of date. Its number.
    fn changed(&self) -> u32 {
        self.changes.set(self.changes.get().wrapping_add(1));
        self.changes.get()
    }

    /// Forgets this client's session, in storage too, and the record of its user as the last
    /// one while it names this user.
    pub fn sign_out(self: &Rc<Self>) {
        self.engine.borrow_mut().sign_out();
        if let Some(store) = self.current_store() {
            self.changed();
            store.remove();
        }
        let record = self.last_user.borrow().as_ref().map(|(record, _)| record.clone());
        if let Some(record) = record {
            self.read(&record, For::SignOut);
        }
        self.run();
    }

    /// `fromPublishableKey`: signs in the user of this runner's mode, resolving with `client`.
    /// Sign-ins of one user that start together (React's StrictMode running effects twice, a
    /// double click, two components) make one get_or_create: each waits for the one before it,
    /// then finds the session that one stored.
    pub fn start_sign_in(options: &Options, key: String, user_identifier_key: String, client: impl FnOnce(Rc<Runner>) -> JsValue) -> Promise {
        let scope = [options.endpoint.as_str(), "\n", &key, "\n", &user_identifier_key].concat();
        let salts = Rc::new(Store::new(options.storage.clone(), scope_key(&options.endpoint, &[&key, ":salt"].concat())));
        let sign_in = SignInScope { storage: options.storage.clone(), salts };
        let mode = Mode::PublishableKey { key, user_identifier_key };
        let runner = Runner::build(options, mode, None, None, None, Some(sign_in));
        let id = next_id();
        let promise = runner.open(id, What::SignIn { client: client(runner.clone()) });
        let storage = options.storage.clone();
        let before = SIGN_INS.with(|all| {
            let mut all = all.borrow_mut();
            let before = all.iter().position(|(k, s, ..)| *k == storage && *s == scope).map(|at| all.remove(at).3);
            all.push((storage, scope, id, promise.clone()));
            before
        });
        match before {
            Some(before) => runner.wait_on(id, &before),
            None => runner.begin_sign_in(id),
        }
        runner.run();
        promise
    }

    /// A sign-in's turn: the engine resumes the user's stored session when it is alive, else
    /// asks for one. A user known here (by the stored salt) has a store already. Reading the
    /// salt and then the session may each wait on a storage adapter.
    fn begin_sign_in(self: &Rc<Self>, id: Id) {
        let Some(scope) = &self.sign_in else { return };
        let salts = scope.salts.clone();
        self.read(&salts, For::Salt(id));
        self.run();
    }

    fn salt_read(self: &Rc<Self>, id: Id, salt: Option<String>) {
        let (Some(scope), Mode::PublishableKey { key, user_identifier_key }) = (&self.sign_in, &self.mode) else { return };
        self.salt.replace(salt.clone());
        let Some(salt) = json_hex(salt, "salt", 16) else { return self.have_read(For::Session(id), None) };
        let tag = tag_of(&salt, user_identifier_key);
        let store = Store::new(scope.storage.clone(), user_scope(&self.endpoint, key, &tag));
        self.last_user.replace(Some((Rc::new(Store::new(scope.storage.clone(), scope_key(&self.endpoint, key))), tag)));
        self.set_store(store);
        if let Some(store) = self.current_store() {
            self.read(&store, For::Session(id));
        }
    }

    /// A sign-in succeeded: its user is the last one.
    fn signed_in(&self) {
        if let Some((record, tag)) = &*self.last_user.borrow() {
            record.write_text(["{\"user\":\"", tag, "\"}"].concat());
        }
    }
}

impl Drop for Runner {
    fn drop(&mut self) {
        if let Some((held, name)) = self.held.take() {
            let _ = unlock(&held, &name, false);
        }
        if let Some(unwatch) = self.unwatch.take() {
            let _ = unwatch.call0(&JsValue::UNDEFINED);
        }
    }
}

/// The engine's view of an answer, and the value or error the call keeps from it.
fn interpret(reading: Reading, request: Request, checked: Option<String>, path: &str) -> (Answer, Result<JsValue, JsValue>) {
    let Reading { result, status, retry_after_ms } = reading;
    let body = match result {
        Ok(body) => body,
        Err(SdkError::Timeout { message, cause }) => return (Answer::TimedOut, Err(SdkError::Timeout { message, cause }.into())),
        Err(error) => {
            let dead_session = matches!(&error, SdkError::Api(api) if api.status == 401 && DEAD_SESSION_CODES.contains(&api.code.as_str()));
            return (Answer::Failed { status, dead_session, retry_after_ms }, Err(error.into()));
        }
    };
    // A body that is not what the request needs is the answer's error, and final.
    let unusable = |error: SdkError| (Answer::Failed { status, dead_session: false, retry_after_ms: None }, Err(error.into()));
    match request {
        Request::Poll => match response::resource(&body, path, "action_attempt") {
            Ok(attempt) => (Answer::Attempt(action_attempt::status(&attempt)), Ok(attempt)),
            Err(error) => unusable(error),
        },
        Request::GetOrCreate => match response::resource(&body, path, "client_session").map(|found| session_from_js(&found)) {
            Ok(Some(session)) => (Answer::Session(session), Ok(body)),
            Ok(None) => unusable(response::invalid_body(status, None, path, "a client_session without a usable client session token")),
            Err(error) => unusable(error),
        },
        Request::Call if checked.is_some() => match response::resource(&body, path, "client_session") {
            Ok(found) => {
                let token = checked.unwrap_or_default();
                let session = session_from_js(&found).filter(|s| s.token == token).unwrap_or_else(|| Session::from_token(token));
                (Answer::Session(session), Ok(JsValue::UNDEFINED))
            }
            Err(error) => unusable(error),
        },
        _ => (Answer::Ok, Ok(body)),
    }
}

/// The error of a session `get_or_create` returned already dead (the API does that for a user
/// whose session was revoked or has expired).
fn returned_dead(revoked: bool) -> SdkError {
    let (code, message) = if revoked {
        ("client_session_revoked", "The Seam API returned a revoked client session for this user")
    } else {
        ("client_session_expired", "The Seam API returned an expired client session for this user")
    };
    SdkError::Api(ApiError { status: 401, code: code.to_owned(), message: message.to_owned(), request_id: None, data: JsValue::UNDEFINED, validation_errors: JsValue::UNDEFINED })
}

/// Where `fromPublishableKey` keeps a user's session: the endpoint, the key and the user's tag.
pub fn user_scope(endpoint: &str, publishable_key: &str, user_tag: &str) -> String {
    scope_key(endpoint, &[publishable_key, ":", user_tag].concat())
}

/// Hash rounds for a user's tag: each guess at a user identifier key costs as many, and a
/// sign-in about as many microseconds once.
const TAG_ROUNDS: u32 = 10_000;

/// The tag that names a user's stored session: a slow hash of the user identifier key, salted with
/// 8 random bytes (16 hex digits, hashed as they are written) kept in this storage for this
/// endpoint and key. The same key gives other tags in other browsers, so no table of precomputed
/// hashes (of emails, of numbers) turns a tag back into the key; the key itself is never stored.
/// The salt need only differ between browsers, not be secret (it is stored beside the tag), so
/// `Math.random` makes it, when a first session is about to be stored: a sign-in that fails
/// leaves nothing behind.
fn tag_of(salt: &str, user_identifier_key: &str) -> String {
    hex(&stretch(user_identifier_key.as_bytes(), salt.as_bytes(), TAG_ROUNDS))
}

fn is_hex(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The tag of the last user, when the record's text holds a well-formed one.
pub fn last_user_in(text: Option<String>) -> Option<String> {
    json_hex(text, "user", 64)
}

/// `{"<key>": "<hex of len digits>"}`, as a store holds it, or `None` for anything else.
fn json_hex(text: Option<String>, key: &str, len: u32) -> Option<String> {
    let stored = js_sys::JSON::parse(&text?).ok()?;
    interop::text(&interop::field(&stored, key), len).filter(|text| is_hex(text, len as usize))
}
