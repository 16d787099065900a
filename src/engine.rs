//! The session engine: every decision a call needs, as a state machine over plain data.
//!
//! It never waits and holds no JS value. It takes events (a call started, an answer arrived, a
//! timer fired, storage changed, sign-out) and queues actions (send this, wait this long, store
//! or forget the session, settle that call) for its driver (`runner`), which does the waiting
//! and reports back. Everything here runs natively, so the property tests at the bottom can try
//! every interleaving of concurrent calls, refusals, failures and storage events.

use std::collections::VecDeque;

/// A call, as the driver names it. The renewal's own requests use `RENEWAL`.
pub type Id = u32;

/// The id of the renewal's requests (a liveness check, then `get_or_create`): one renewal at a
/// time, so one id.
pub const RENEWAL: Id = 0;

/// The longest wait between attempts, whatever the server asks and whatever the options.
pub const MAX_DELAY_MS: f64 = 60_000.0;

/// After another tab's renewal, how often and how many times storage is read for its session
/// before asking for one anyway.
const AWAIT_POLL_MS: f64 = 50.0;
const AWAIT_POLLS: u8 = 40;

/// What the client's credential can do when the API refuses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A publishable key: a dead session is replaced with `get_or_create`.
    Renewable,
    /// A client session token handed in: a dead one can only be dropped (or another tab's taken).
    Token,
    /// An API key, a personal access token, a console session: no session to renew.
    Bearer,
    /// No credential at all (the OpenAPI spec).
    Anonymous,
}

impl Kind {
    pub fn has_session(self) -> bool {
        matches!(self, Kind::Renewable | Kind::Token)
    }
}

/// A client session as far as the engine needs it (and as it is stored).
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub token: String,
    pub expires_at: Option<String>,
    /// `expires_at` as a clock time in ms; NaN when unknown or unreadable, which is no proof of
    /// death (the API will say).
    pub expires_ms: f64,
    pub client_session_id: Option<String>,
    pub revoked: bool,
}

impl Session {
    /// A session known only by its token.
    pub fn from_token(token: String) -> Session {
        Session { token, expires_at: None, expires_ms: f64::NAN, client_session_id: None, revoked: false }
    }

    /// Known to be dead without asking the API: revoked, or past its expiry.
    pub fn is_dead(&self, now_ms: f64) -> bool {
        self.revoked || self.expires_ms <= now_ms
    }
}

/// What storage holds for this client's scope.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    Nothing,
    /// Something that is not a session: written by something else, cut short, or too long.
    Unreadable,
    Session(Session),
}

/// How long an attempt may take and how often a failed idempotent request is sent again.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Policy {
    /// Per attempt, in milliseconds; 0 for none.
    pub timeout_ms: f64,
    pub retries: u32,
    /// A renewable session that ends within this many milliseconds is renewed before a call is
    /// sent with it; 0 renews only a session known dead.
    pub renew_before_ms: f64,
}

/// Which request of a call to send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request {
    /// The call's own route.
    Call,
    /// `GET /action_attempts/get` for the attempt the call waits on.
    Poll,
    /// `GET /client_sessions/get` with the token a 401 came back for: is it really dead?
    Liveness,
    /// `POST /client_sessions/get_or_create` with the publishable key.
    GetOrCreate,
}

/// An action attempt's state, as an answer reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt {
    Success,
    Error,
    Pending,
}

/// What came back for a request, as far as decisions go (the driver keeps the value or error).
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// A 2xx with Seam JSON.
    Ok,
    /// A poll's action attempt.
    Attempt(Attempt),
    /// The session `get_or_create` (or a token check) answered with.
    Session(Session),
    /// An error answer (`status` 0: no answer at all). `dead_session`: a 401 whose type proves
    /// the session dead.
    Failed { status: u16, dead_session: bool, retry_after_ms: Option<f64> },
    /// No complete answer within the attempt's timeout; it was aborted.
    TimedOut,
}

/// How a call ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// With the call's last answer: its value, or the error it carried.
    Last,
    /// With the error the renewal it waited on ended with.
    RenewalFailed,
    /// `get_or_create` handed back a session already dead (`true`: revoked).
    ReturnedDead(bool),
    SignedOut,
    /// A sign-in, with its client.
    SignedIn,
    /// The action attempt ended in `error`.
    AttemptFailed,
    /// The action attempt was still pending when the wait's deadline came.
    AttemptTimedOut,
}

/// How the client's session changed, for the page's `onSessionChange` listeners.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// This client replaced it with `get_or_create` (or got it extended).
    Renewed,
    /// Another tab, the storage adapter or `updateClientSessionToken` put another one in.
    Replaced,
    /// Signed out, here or in another tab.
    SignedOut,
    /// Found dead, and this client cannot renew it.
    Ended,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Send call `id`'s `request`, with `token` (`None`: the publishable key, or no credential),
    /// aborted after `timeout_ms` (0: never).
    Send { id: Id, request: Request, token: Option<String>, timeout_ms: f64 },
    /// Report `Engine::woke(id)` after `ms`.
    Sleep { id: Id, ms: f64 },
    /// Answer at once with `Engine::stored_now`: what storage holds for this scope.
    ReadStored,
    Store(Session),
    /// Remove the stored session (a dead one, so the next page load does not resume it).
    Forget,
    Settle { id: Id, outcome: Outcome },
    /// Tell the page: `session` is the new one, or the one that ended (`None` once signed out).
    Notify { change: Change, session: Option<Session> },
    /// Take the lock that renewals of this session, in every tab, take in turn; answer with
    /// `Engine::locked` (at once, `false`, where there is no such lock).
    Lock,
    /// Let go of it; `marker`: a new session was stored, so that the next tab waits for it.
    Unlock { marker: bool },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// A request is out.
    Sending,
    /// Waiting before sending again.
    Backoff,
    /// Waiting on the renewal: `after_refusal` when a 401 sent it there, rather than an expiry
    /// known beforehand.
    Renewing { after_refusal: bool },
    /// Waiting between polls of an action attempt.
    PollDelay,
    /// A sign-in waiting on its `get_or_create`.
    SigningIn,
}

#[derive(Clone, Debug)]
struct Call {
    id: Id,
    phase: Phase,
    request: Request,
    idempotent: bool,
    /// A 401 may be answered by renewing the session (the route takes client sessions).
    may_renew: bool,
    /// A token to send with instead of the session's (a token being checked); never renewed.
    fixed_token: Option<String>,
    /// The token of the request out, or of the last one.
    used: Option<String>,
    /// No attempt runs past this clock time (an action attempt's wait); infinite for none.
    deadline_ms: f64,
    /// The attempt's timeout was cut to the deadline: its timeout is the deadline's.
    cut_by_deadline: bool,
    retries: u32,
    /// Sent again after a renewal already: a second 401 stands.
    renewed: bool,
    /// Renewed for a known expiry: send, whatever the renewal found.
    skip_expiry: bool,
    /// Waiting for an action attempt: milliseconds between polls.
    polling_interval_ms: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Asking whether the refused token is really dead.
    Liveness,
    /// Waiting for the lock renewals of this session take in turn.
    Locking,
    /// Another tab renewed just before: reading storage for its session, this many more times.
    Awaiting(u8),
    /// Looking at storage, then `get_or_create` is out (with the lock, if there is one).
    Fetching,
}

#[derive(Clone, Debug)]
struct Renewal {
    /// The token being replaced; `None` for a sign-in.
    used: Option<String>,
    step: Step,
    retries: u32,
    /// Asked before the session ends (`renew_before_ms`): if it fails, the session still works.
    early: bool,
    /// The cross-tab lock is held.
    locked: bool,
    /// Waited for another tab's session once already: the next turn asks.
    waited: bool,
    /// A new session was stored: the next tab to take the lock waits for it.
    stored_here: bool,
}

impl Renewal {
    fn new(used: Option<String>, step: Step, early: bool) -> Renewal {
        Renewal { used, step, retries: 0, early, locked: false, waited: false, stored_here: false }
    }
}

pub struct Engine {
    kind: Kind,
    policy: Policy,
    /// `None` once signed out (or, for a sign-in, before its first session).
    session: Option<Session>,
    calls: Vec<Call>,
    renewal: Option<Renewal>,
    actions: VecDeque<Action>,
    /// Jitter for back-off (xorshift): seeded by the driver, so tests replay exactly.
    seed: u32,
    /// A session renewed early in vain (the API gave it back still ending soon, or did not
    /// answer): it is used until it ends rather than asked about before every call.
    declined: Option<String>,
    /// The token of the last session the page was told had ended: told once.
    ended: Option<String>,
    /// An `Action::ReadStored` waits for its `stored_now` (a storage adapter answers later).
    reading: bool,
}

/// `Retry-After` in milliseconds: delay-seconds, or an HTTP date (given `date_ms` to parse it).
pub fn retry_after_ms(value: &str, now_ms: f64, date_ms: impl Fn(&str) -> f64) -> Option<f64> {
    let value = value.trim();
    if !value.is_empty() && value.len() <= 9 && value.bytes().all(|b| b.is_ascii_digit()) {
        return value.parse::<u32>().ok().map(|seconds| f64::from(seconds) * 1000.0);
    }
    let at = date_ms(value);
    (at.is_finite()).then(|| (at - now_ms).max(0.0))
}

/// The delay before retry number `retry` (1, 2, ...): about 200 ms, then 400 ms, ... (at most
/// `MAX_DELAY_MS`), or what the server asked for, plus up to 20 % jitter. `None` when the server
/// asked for longer than the client waits (the timeout, and never over `MAX_DELAY_MS`): its
/// answer then stands.
pub fn backoff_ms(retry: u32, retry_after: Option<f64>, timeout_ms: f64, jitter: f64) -> Option<f64> {
    let cap = if timeout_ms > 0.0 { timeout_ms.min(MAX_DELAY_MS) } else { MAX_DELAY_MS };
    let asked = retry_after.unwrap_or(0.0);
    if asked > cap {
        return None;
    }
    let exponential = 100.0 * 2f64.powi(retry.min(20) as i32);
    let jitter = if jitter.is_finite() { jitter.clamp(0.0, 1.0) } else { 0.0 };
    Some((exponential.max(asked) * (1.0 + jitter * 0.2)).min(MAX_DELAY_MS))
}

/// Worth another try: no answer (but not a timeout), 429, or 5xx.
fn transient(status: u16) -> bool {
    status == 0 || status == 429 || (500..600).contains(&status)
}

impl Engine {
    pub fn new(kind: Kind, policy: Policy, session: Option<Session>, seed: u32) -> Engine {
        Engine { kind, policy, session, calls: Vec::new(), renewal: None, actions: VecDeque::new(), seed: seed | 1, declined: None, ended: None, reading: false }
    }

    /// A renewable session to renew before it is sent: dead, or ending within
    /// `renew_before_ms` (unless an early renewal of it was already tried).
    fn due(&self, session: &Session, now_ms: f64) -> bool {
        self.kind == Kind::Renewable
            && (session.is_dead(now_ms)
                || (self.policy.renew_before_ms > 0.0
                    && session.expires_ms - self.policy.renew_before_ms <= now_ms
                    && self.declined.as_ref() != Some(&session.token)))
    }

    fn notify(&mut self, change: Change, session: Option<Session>) {
        self.actions.push_back(Action::Notify { change, session });
    }

    /// The session can no longer be used and this client cannot renew it: the page is told once.
    fn end_session(&mut self) {
        let Some(session) = self.session.clone() else { return };
        if self.ended.as_ref() != Some(&session.token) {
            self.ended = Some(session.token.clone());
            self.notify(Change::Ended, Some(session));
        }
    }

    /// The next thing to do, if any.
    pub fn next_action(&mut self) -> Option<Action> {
        self.actions.pop_front()
    }

    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// Calls not settled yet.
    pub fn in_flight(&self) -> usize {
        self.calls.len() + usize::from(self.renewal.is_some())
    }

    fn jitter(&mut self) -> f64 {
        let mut x = self.seed;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.seed = x;
        f64::from(x) / f64::from(u32::MAX)
    }

    fn call(&mut self, id: Id) -> Option<&mut Call> {
        self.calls.iter_mut().find(|call| call.id == id)
    }

    fn settle(&mut self, id: Id, outcome: Outcome) {
        self.calls.retain(|call| call.id != id);
        self.actions.push_back(Action::Settle { id, outcome });
    }

    /// A call of a route: `idempotent` for GET, PUT and DELETE; `may_renew` when the route takes
    /// client sessions.
    pub fn start(&mut self, id: Id, idempotent: bool, may_renew: bool, now_ms: f64) {
        self.add(id, Request::Call, idempotent, may_renew, None, f64::INFINITY, now_ms);
    }

    /// A check of `token` (`GET /client_sessions/get`): answered `Answer::Session`, it becomes
    /// the session. Never renewed: a refusal is the answer.
    pub fn check(&mut self, id: Id, token: String, now_ms: f64) {
        self.add(id, Request::Call, true, false, Some(token), f64::INFINITY, now_ms);
    }

    #[allow(clippy::too_many_arguments)]
    fn add(&mut self, id: Id, request: Request, idempotent: bool, may_renew: bool, fixed_token: Option<String>, deadline_ms: f64, now_ms: f64) {
        self.calls.retain(|call| call.id != id);
        self.calls.push(Call {
            id,
            phase: Phase::Sending,
            request,
            idempotent,
            may_renew: may_renew && self.kind.has_session(),
            fixed_token,
            used: None,
            deadline_ms,
            cut_by_deadline: false,
            retries: 0,
            renewed: false,
            skip_expiry: false,
            polling_interval_ms: 0.0,
        });
        self.begin(id, now_ms);
    }

    /// Waits for an action attempt a call started (its state `attempt`): polls every
    /// `polling_interval_ms` until it ends or `timeout_ms` has passed.
    pub fn wait_for_attempt(&mut self, id: Id, attempt: Attempt, timeout_ms: f64, polling_interval_ms: f64, now_ms: f64) {
        self.calls.retain(|call| call.id != id);
        self.calls.push(Call {
            id,
            phase: Phase::PollDelay,
            request: Request::Poll,
            idempotent: true,
            may_renew: self.kind.has_session(),
            fixed_token: None,
            used: None,
            deadline_ms: now_ms + timeout_ms,
            cut_by_deadline: false,
            retries: 0,
            renewed: false,
            skip_expiry: false,
            polling_interval_ms,
        });
        self.attempt_step(id, attempt, now_ms);
    }

    /// Signs in: resumes `stored` when it is alive, else asks `get_or_create` (one at a time;
    /// a sign-in while another runs joins it).
    /// A live session that ends within `renew_before_ms` is renewed instead, and resumed if
    /// that fails.
    pub fn sign_in(&mut self, id: Id, stored: Option<Session>, now_ms: f64) {
        let stored = stored.filter(|s| !s.is_dead(now_ms));
        if let Some(session) = stored.as_ref().filter(|s| !self.due(s, now_ms)) {
            self.session = Some(session.clone());
            self.actions.push_back(Action::Settle { id, outcome: Outcome::SignedIn });
            return;
        }
        self.calls.retain(|call| call.id != id);
        self.calls.push(Call {
            id,
            phase: Phase::SigningIn,
            request: Request::Call,
            idempotent: false,
            may_renew: false,
            fixed_token: None,
            used: None,
            deadline_ms: f64::INFINITY,
            cut_by_deadline: false,
            retries: 0,
            renewed: false,
            skip_expiry: false,
            polling_interval_ms: 0.0,
        });
        if self.renewal.is_none() {
            let early = stored.is_some();
            if early {
                self.session = stored;
            }
            self.renewal = Some(Renewal::new(None, Step::Fetching, early));
            self.send_renewal();
        }
    }

    /// Starts (or starts again) the exchange of a call: with the session's token, after a
    /// renewal when the session is known to be dead.
    fn begin(&mut self, id: Id, now_ms: f64) {
        let (kind, session) = (self.kind, self.session.clone());
        let due = session.as_ref().is_some_and(|session| self.due(session, now_ms));
        let Some(call) = self.call(id) else { return };
        call.retries = 0;
        let token = match (&call.fixed_token, kind) {
            (Some(token), _) => Some(token.clone()),
            (None, Kind::Anonymous) => None,
            (None, _) => match session {
                Some(session) => {
                    if due && !call.skip_expiry {
                        call.phase = Phase::Renewing { after_refusal: false };
                        self.renew(Some(session.token), None, now_ms);
                        return;
                    }
                    Some(session.token)
                }
                None => return self.settle(id, Outcome::SignedOut),
            },
        };
        call.used = token;
        self.send(id, now_ms);
    }

    /// Sends the call's request with the token it holds, within its deadline.
    fn send(&mut self, id: Id, now_ms: f64) {
        let timeout = self.policy.timeout_ms;
        let Some(call) = self.call(id) else { return };
        let left = call.deadline_ms - now_ms;
        if left <= 0.0 || left.is_nan() {
            return self.deadline_passed(id);
        }
        // The deadline, when it comes before the attempt's own timeout, is what ends a slow one.
        call.cut_by_deadline = left.is_finite() && (timeout <= 0.0 || left < timeout);
        call.phase = Phase::Sending;
        let action = Action::Send { id, request: call.request, token: call.used.clone(), timeout_ms: if call.cut_by_deadline { left } else { timeout } };
        self.actions.push_back(action);
    }

    fn deadline_passed(&mut self, id: Id) {
        // Only an action attempt's wait has a deadline.
        self.settle(id, Outcome::AttemptTimedOut);
    }

    /// What came back for call `id`'s request.
    pub fn answered(&mut self, id: Id, answer: Answer, now_ms: f64) {
        if id == RENEWAL {
            return self.renewal_answered(answer, now_ms);
        }
        let (kind, policy) = (self.kind, self.policy);
        let jitter = self.jitter();
        let Some(call) = self.call(id).filter(|call| call.phase == Phase::Sending) else { return };
        match answer {
            Answer::TimedOut if call.cut_by_deadline => self.deadline_passed(id),
            Answer::Failed { status, retry_after_ms, .. } if transient(status) && call.idempotent && call.retries < policy.retries => {
                call.retries += 1;
                match backoff_ms(call.retries, retry_after_ms, policy.timeout_ms, jitter) {
                    Some(delay) if now_ms + delay >= call.deadline_ms => self.deadline_passed(id),
                    Some(delay) => {
                        call.phase = Phase::Backoff;
                        self.actions.push_back(Action::Sleep { id, ms: delay });
                    }
                    None => self.settle(id, Outcome::Last),
                }
            }
            // A route the spec closes to client sessions refuses any of them, and an API key has
            // no session: no renewal helps. Nor does a second one.
            Answer::Failed { status: 401, dead_session, .. } if call.may_renew && !call.renewed && call.fixed_token.is_none() && kind.has_session() => {
                call.renewed = true;
                call.phase = Phase::Renewing { after_refusal: true };
                let used = call.used.clone();
                self.renew(used, Some(dead_session), now_ms);
            }
            Answer::Attempt(attempt) if call.request == Request::Poll => self.attempt_step(id, attempt, now_ms),
            Answer::Session(session) if call.fixed_token.is_some() => {
                if self.session.as_ref().map(|s| &s.token) != Some(&session.token) {
                    self.notify(Change::Replaced, Some(session.clone()));
                }
                self.install(session);
                self.settle(id, Outcome::Last);
            }
            _ => self.settle(id, Outcome::Last),
        }
    }

    /// A timer of call `id` fired.
    pub fn woke(&mut self, id: Id, now_ms: f64) {
        if id == RENEWAL {
            let Some(renewal) = &self.renewal else { return };
            if renewal.used.is_some() && self.session.as_ref().map(|s| &s.token) != renewal.used.as_ref() {
                // Replaced or signed out while waiting to ask again: nothing left to ask about.
                return self.renewed(true, now_ms);
            }
            if let Step::Awaiting(_) = renewal.step {
                return self.read_stored();
            }
            return self.send_renewal();
        }
        match self.call(id).map(|call| call.phase) {
            Some(Phase::Backoff) => {
                // The session may have changed meanwhile (renewed, signed out): the retry uses
                // the current one, as a new attempt would.
                let kind = self.kind;
                let due = self.session.as_ref().is_some_and(|session| self.due(session, now_ms));
                let session = self.session.as_ref().map(|s| s.token.clone());
                let Some(call) = self.call(id) else { return };
                match (&call.fixed_token, kind) {
                    (Some(_), _) | (None, Kind::Anonymous) => {}
                    (None, _) => match session {
                        // It has come near its end while the call waited.
                        Some(token) if due && !call.skip_expiry => {
                            call.phase = Phase::Renewing { after_refusal: false };
                            return self.renew(Some(token), None, now_ms);
                        }
                        Some(token) => call.used = Some(token),
                        None => return self.settle(id, Outcome::SignedOut),
                    },
                }
                self.send(id, now_ms);
            }
            Some(Phase::PollDelay) => {
                if let Some(call) = self.call(id) {
                    call.phase = Phase::Sending;
                    call.renewed = false;
                    call.skip_expiry = false;
                }
                self.begin(id, now_ms);
            }
            _ => {}
        }
    }

    fn attempt_step(&mut self, id: Id, attempt: Attempt, now_ms: f64) {
        let Some(call) = self.call(id) else { return };
        match attempt {
            Attempt::Success => self.settle(id, Outcome::Last),
            Attempt::Error => self.settle(id, Outcome::AttemptFailed),
            Attempt::Pending => {
                let remaining = call.deadline_ms - now_ms;
                if remaining <= 0.0 || remaining.is_nan() {
                    return self.deadline_passed(id);
                }
                call.phase = Phase::PollDelay;
                let ms = call.polling_interval_ms.min(remaining);
                self.actions.push_back(Action::Sleep { id, ms });
            }
        }
    }

    /// Makes sure `used` is no longer the session if it is dead, then lets the calls waiting
    /// on it go on. `refusal`: the 401's type proved the session dead (`Some(true)`), or did
    /// not (`Some(false)`: ask first); `None` when it is known to have expired.
    fn renew(&mut self, used: Option<String>, refusal: Option<bool>, now_ms: f64) {
        if self.renewal.is_some() {
            return;
        }
        if self.session.as_ref().map(|s| &s.token) != used.as_ref() {
            // Already replaced (another call renewed, another tab, a sign-out): go on with that.
            return self.renewed(true, now_ms);
        }
        let early = refusal.is_none() && self.session.as_ref().is_some_and(|s| !s.is_dead(now_ms));
        if refusal == Some(false) {
            self.renewal = Some(Renewal::new(used, Step::Liveness, early));
        } else {
            self.renewal = Some(Renewal::new(used, Step::Fetching, early));
            return self.replace(now_ms);
        }
        self.send_renewal();
    }

    fn send_renewal(&mut self) {
        let Some(renewal) = &self.renewal else { return };
        let (request, token) = match renewal.step {
            Step::Liveness => (Request::Liveness, renewal.used.clone()),
            Step::Fetching => (Request::GetOrCreate, None),
            Step::Locking | Step::Awaiting(_) => return,
        };
        self.actions.push_back(Action::Send { id: RENEWAL, request, token, timeout_ms: self.policy.timeout_ms });
    }

    /// The refused session is dead: adopt what another tab stored, or ask for a new one. A
    /// publishable-key client does that under a lock that every tab's renewal of this session
    /// takes in turn, so that tabs finding it dead together make one `get_or_create`.
    fn replace(&mut self, now_ms: f64) {
        let kind = self.kind;
        let Some(renewal) = self.renewal.as_mut() else { return };
        if self.session.as_ref().map(|s| &s.token) != renewal.used.as_ref() {
            return self.renewed(true, now_ms);
        }
        if kind == Kind::Renewable {
            renewal.step = Step::Locking;
            self.actions.push_back(Action::Lock);
        } else {
            // Another tab may already have renewed this scope.
            self.read_stored();
        }
    }

    /// The lock asked for by `Action::Lock` is held; `marker`: another tab has just stored a
    /// new session, which may not have reached this tab's storage yet.
    pub fn locked(&mut self, marker: bool, now_ms: f64) {
        let Some(renewal) = self.renewal.as_mut().filter(|renewal| renewal.step == Step::Locking) else {
            return self.actions.push_back(Action::Unlock { marker: false });
        };
        if marker && !renewal.waited {
            // No need to hold the lock while waiting for that session: the next tab waits too.
            renewal.step = Step::Awaiting(AWAIT_POLLS);
            self.actions.push_back(Action::Unlock { marker: false });
            self.actions.push_back(Action::Sleep { id: RENEWAL, ms: AWAIT_POLL_MS });
            return;
        }
        renewal.locked = true;
        renewal.step = Step::Fetching;
        if self.session.as_ref().map(|s| &s.token) != renewal.used.as_ref() {
            return self.renewed(true, now_ms);
        }
        self.read_stored();
    }

    fn read_stored(&mut self) {
        self.reading = true;
        self.actions.push_back(Action::ReadStored);
    }

    /// What storage holds, asked by `Action::ReadStored` (one answer per ask).
    pub fn stored_now(&mut self, stored: Stored, now_ms: f64) {
        if !std::mem::take(&mut self.reading) {
            return;
        }
        let Some(renewal) = self.renewal.as_mut() else { return };
        if !matches!(renewal.step, Step::Fetching | Step::Awaiting(_)) || renewal.used.is_none() {
            return;
        }
        if self.session.as_ref().map(|s| &s.token) != renewal.used.as_ref() {
            // Replaced or signed out while storage was read (an adapter answers later).
            return self.renewed(true, now_ms);
        }
        match stored {
            Stored::Session(session) if Some(&session.token) != renewal.used.as_ref() && !session.is_dead(now_ms) => {
                self.notify(Change::Replaced, Some(session.clone()));
                self.session = Some(session);
                self.renewed(true, now_ms)
            }
            _ if matches!(renewal.step, Step::Awaiting(0 | 1)) => {
                // It never came: this tab's turn asks.
                renewal.waited = true;
                renewal.step = Step::Locking;
                self.actions.push_back(Action::Lock);
            }
            _ if matches!(renewal.step, Step::Awaiting(_)) => {
                if let Step::Awaiting(left) = renewal.step {
                    renewal.step = Step::Awaiting(left - 1);
                }
                self.actions.push_back(Action::Sleep { id: RENEWAL, ms: AWAIT_POLL_MS });
            }
            _ if self.kind == Kind::Renewable => {
                // Overwritten, not removed first: other tabs would read a removal as a sign-out.
                self.send_renewal()
            }
            _ => {
                // A dead token cannot be renewed here; at least the next page load will not
                // resume it.
                self.actions.push_back(Action::Forget);
                self.end_session();
                self.renewed(false, now_ms)
            }
        }
    }

    fn renewal_answered(&mut self, answer: Answer, now_ms: f64) {
        let policy = self.policy;
        let jitter = self.jitter();
        let Some(renewal) = self.renewal.as_mut() else { return };
        match (renewal.step, answer) {
            (Step::Liveness, Answer::Failed { status, retry_after_ms, .. }) if transient(status) && renewal.retries < policy.retries => {
                renewal.retries += 1;
                match backoff_ms(renewal.retries, retry_after_ms, policy.timeout_ms, jitter) {
                    Some(ms) => self.actions.push_back(Action::Sleep { id: RENEWAL, ms }),
                    None => self.renewed(false, now_ms),
                }
            }
            (Step::Liveness, Answer::Failed { status: 401, .. }) => {
                renewal.step = Step::Fetching;
                renewal.retries = 0;
                self.replace(now_ms);
            }
            // It still works (or there is no telling): the refusal was about the route.
            (Step::Liveness, _) => self.renewed(false, now_ms),
            (Step::Fetching, Answer::Session(session)) => {
                let (used, early) = (renewal.used.clone(), renewal.early);
                let signing_in = used.is_none();
                if !signing_in && self.session.is_none() {
                    // Signed out meanwhile: the new session is not wanted.
                    return self.renewed(true, now_ms);
                }
                if session.is_dead(now_ms) {
                    // The API does that for a user whose session was revoked or has expired.
                    self.actions.push_back(Action::Forget);
                    if !signing_in {
                        self.end_session();
                    }
                    return self.end_renewal(Err(Outcome::ReturnedDead(session.revoked)), now_ms);
                }
                if used.as_ref() == Some(&session.token) && !early {
                    // The API handed back the very session it refused: trying again would loop.
                    self.actions.push_back(Action::Forget);
                    self.end_session();
                    return self.renewed(false, now_ms);
                }
                if self.due(&session, now_ms) {
                    // Still ending soon (the API extends a session only when asked to): it
                    // serves until it ends.
                    self.declined = Some(session.token.clone());
                }
                if !signing_in && self.session.as_ref() != Some(&session) {
                    self.notify(Change::Renewed, Some(session.clone()));
                }
                if let Some(renewal) = self.renewal.as_mut() {
                    // Another session for the other tabs to wait for (not the same one again).
                    renewal.stored_here = used.as_ref() != Some(&session.token);
                }
                self.install(session);
                self.renewed(true, now_ms)
            }
            // An early renewal that fails leaves a session that still works: the calls use it.
            (Step::Fetching, _) if renewal.early => {
                self.declined = self.session.as_ref().map(|s| s.token.clone());
                self.end_renewal(Ok(()), now_ms)
            }
            // No answer, or an error: the stored session stays (other tabs would read its removal
            // as a sign-out), and the next call asks again.
            (Step::Fetching, _) => self.end_renewal(Err(Outcome::RenewalFailed), now_ms),
            // Nothing is out in these steps.
            (Step::Locking | Step::Awaiting(_), _) => {}
        }
    }

    fn install(&mut self, session: Session) {
        self.actions.push_back(Action::Store(session.clone()));
        self.session = Some(session);
    }

    /// The renewal is over: `changed` when there is a session other than the refused one to
    /// send with. Signed out meanwhile, the calls go on too, to end as signed out.
    fn renewed(&mut self, changed: bool, now_ms: f64) {
        let go_on = changed || self.session.is_none();
        self.end_renewal(if go_on { Ok(()) } else { Err(Outcome::Last) }, now_ms)
    }

    /// Lets every waiting call go on: `Ok` to send again (with the current session), `Err` to
    /// end with that outcome. A call that renewed for a known expiry sends with what there is,
    /// unless the renewal itself failed.
    fn end_renewal(&mut self, result: Result<(), Outcome>, now_ms: f64) {
        if let Some(renewal) = self.renewal.take().filter(|renewal| renewal.locked) {
            self.actions.push_back(Action::Unlock { marker: renewal.stored_here });
        }
        let waiting: Vec<(Id, Phase)> =
            self.calls.iter().filter(|c| matches!(c.phase, Phase::Renewing { .. } | Phase::SigningIn)).map(|c| (c.id, c.phase)).collect();
        for (id, phase) in waiting {
            match (phase, result) {
                (Phase::SigningIn, Ok(())) => self.settle(id, Outcome::SignedIn),
                (Phase::SigningIn, Err(Outcome::Last)) => self.settle(id, Outcome::SignedOut),
                (Phase::Renewing { after_refusal: false }, Ok(()) | Err(Outcome::Last)) => {
                    if let Some(call) = self.call(id) {
                        call.skip_expiry = true;
                    }
                    self.begin(id, now_ms);
                }
                (_, Ok(())) => self.begin(id, now_ms),
                (_, Err(outcome)) => self.settle(id, outcome),
            }
        }
    }

    /// Another tab (or this one) changed the stored session of this scope: follow it. A
    /// removal is a sign-out; a value that is not a session is no reason to sign out: a
    /// renewable session is treated as revoked, so the next call gets a new one.
    pub fn storage_changed(&mut self, stored: Stored) {
        match stored {
            Stored::Nothing => self.sign_out(),
            Stored::Session(session) => {
                if self.session.as_ref().map(|s| &s.token) != Some(&session.token) {
                    self.notify(Change::Replaced, Some(session.clone()));
                }
                self.session = Some(session)
            }
            Stored::Unreadable => {
                if let (Kind::Renewable, Some(session)) = (self.kind, self.session.as_mut()) {
                    session.revoked = true;
                }
            }
        }
    }

    /// Forgets the session: calls that would send again end with `SignedOut`; requests already
    /// out finish.
    pub fn sign_out(&mut self) {
        if self.session.take().is_some() {
            self.notify(Change::SignedOut, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(token: &str, expires_ms: f64) -> Session {
        Session { expires_ms, ..Session::from_token(token.to_owned()) }
    }

    fn drain(engine: &mut Engine) -> Vec<Action> {
        std::iter::from_fn(|| engine.next_action()).collect()
    }

    /// A publishable-key client's renewal takes the cross-tab lock, then looks at storage.
    fn lock_then_read(engine: &mut Engine, now_ms: f64) {
        assert_eq!(drain(engine), [Action::Lock]);
        engine.locked(false, now_ms);
        assert_eq!(drain(engine), [Action::ReadStored]);
    }

    const POLICY: Policy = Policy { timeout_ms: 1_000.0, retries: 2, renew_before_ms: 0.0 };

    /// A publishable-key client whose one call was refused as dead, with `get_or_create` out.
    fn refused_and_renewing() -> Engine {
        let mut engine = Engine::new(Kind::Renewable, POLICY, Some(session("seam_cst1_a", f64::NAN)), 7);
        engine.start(1, true, true, 0.0);
        drain(&mut engine);
        engine.answered(1, Answer::Failed { status: 401, dead_session: true, retry_after_ms: None }, 0.0);
        lock_then_read(&mut engine, 0.0);
        engine.stored_now(Stored::Nothing, 0.0);
        assert_eq!(drain(&mut engine), [Action::Send { id: RENEWAL, request: Request::GetOrCreate, token: None, timeout_ms: 1_000.0 }]);
        engine
    }

    #[test]
    fn retry_after_values() {
        let no_date = |_: &str| f64::NAN;
        assert_eq!(retry_after_ms("2", 0.0, no_date), Some(2000.0));
        assert_eq!(retry_after_ms(" 0 ", 0.0, no_date), Some(0.0));
        assert_eq!(retry_after_ms("soon", 0.0, no_date), None);
        assert_eq!(retry_after_ms("", 0.0, no_date), None);
        assert_eq!(retry_after_ms("9999999999", 0.0, no_date), None);
        assert_eq!(retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT", 1000.0, |_| 4000.0), Some(3000.0));
        assert_eq!(retry_after_ms("Wed, 21 Oct 2015 07:28:00 GMT", 9000.0, |_| 4000.0), Some(0.0));
    }

    #[test]
    fn backoff_doubles_honours_retry_after_and_caps_it() {
        assert_eq!(backoff_ms(1, None, 30_000.0, 0.0), Some(200.0));
        assert_eq!(backoff_ms(2, None, 30_000.0, 0.0), Some(400.0));
        assert_eq!(backoff_ms(1, None, 30_000.0, 1.0), Some(240.0));
        assert_eq!(backoff_ms(1, Some(5_000.0), 30_000.0, 0.0), Some(5_000.0));
        assert_eq!(backoff_ms(20, None, 0.0, 0.0), Some(MAX_DELAY_MS));
        // Longer than the client waits: the answer stands rather than a wait of days.
        assert_eq!(backoff_ms(1, Some(60_000.0), 1_000.0, 0.0), None);
        assert_eq!(backoff_ms(1, Some(MAX_DELAY_MS), 0.0, 0.0), Some(MAX_DELAY_MS));
        assert_eq!(backoff_ms(1, Some(25.0 * 86_400_000.0), 0.0, 0.0), None);
    }

    #[test]
    fn concurrent_refusals_share_one_renewal_and_each_call_is_sent_again_once() {
        let mut engine = Engine::new(Kind::Renewable, POLICY, Some(session("seam_cst1_a", f64::NAN)), 7);
        for id in 1..=3 {
            engine.start(id, id != 2, true, 0.0);
        }
        assert_eq!(drain(&mut engine).len(), 3);
        let refused = Answer::Failed { status: 401, dead_session: true, retry_after_ms: None };
        for id in 1..=3 {
            engine.answered(id, refused.clone(), 1.0);
        }
        lock_then_read(&mut engine, 1.0);
        engine.stored_now(Stored::Session(session("seam_cst1_a", f64::NAN)), 1.0);
        assert_eq!(drain(&mut engine), [Action::Send { id: RENEWAL, request: Request::GetOrCreate, token: None, timeout_ms: 1_000.0 }]);
        engine.answered(RENEWAL, Answer::Session(session("seam_cst1_b", 5_000.0)), 2.0);
        let actions = drain(&mut engine);
        assert_eq!(actions[..2], [Action::Notify { change: Change::Renewed, session: Some(session("seam_cst1_b", 5_000.0)) }, Action::Store(session("seam_cst1_b", 5_000.0))]);
        let resent: Vec<Id> = actions.iter().filter_map(|a| match a {
            Action::Send { id, token: Some(token), .. } if token == "seam_cst1_b" => Some(*id),
            _ => None,
        }).collect();
        assert_eq!(resent, [1, 2, 3]);
        // A second refusal stands.
        engine.answered(2, refused, 3.0);
        assert_eq!(drain(&mut engine), [Action::Settle { id: 2, outcome: Outcome::Last }]);
    }

    #[test]
    fn a_known_expiry_renews_before_sending() {
        let mut engine = Engine::new(Kind::Renewable, POLICY, Some(session("seam_cst1_a", 10.0)), 7);
        engine.start(1, true, true, 20.0);
        lock_then_read(&mut engine, 20.0);
        engine.stored_now(Stored::Session(session("seam_cst1_c", 100.0)), 20.0);
        // Another tab's live session is taken, with no get_or_create.
        assert_eq!(
            drain(&mut engine),
            [
                Action::Notify { change: Change::Replaced, session: Some(session("seam_cst1_c", 100.0)) },
                Action::Unlock { marker: false },
                Action::Send { id: 1, request: Request::Call, token: Some("seam_cst1_c".into()), timeout_ms: 1_000.0 }
            ]
        );
    }

    #[test]
    fn a_general_refusal_asks_whether_the_session_lives() {
        let mut engine = Engine::new(Kind::Token, POLICY, Some(session("seam_cst1_a", f64::NAN)), 7);
        engine.start(1, false, true, 0.0);
        drain(&mut engine);
        engine.answered(1, Answer::Failed { status: 401, dead_session: false, retry_after_ms: None }, 0.0);
        assert_eq!(drain(&mut engine), [Action::Send { id: RENEWAL, request: Request::Liveness, token: Some("seam_cst1_a".into()), timeout_ms: 1_000.0 }]);
        engine.answered(RENEWAL, Answer::Ok, 0.0);
        assert_eq!(drain(&mut engine), [Action::Settle { id: 1, outcome: Outcome::Last }]);
    }

    #[test]
    fn polling_stops_at_the_deadline() {
        let mut engine = Engine::new(Kind::Token, POLICY, Some(session("seam_cst1_a", f64::NAN)), 7);
        engine.wait_for_attempt(1, Attempt::Pending, 2_500.0, 1_000.0, 0.0);
        assert_eq!(drain(&mut engine), [Action::Sleep { id: 1, ms: 1_000.0 }]);
        engine.woke(1, 1_000.0);
        assert_eq!(drain(&mut engine), [Action::Send { id: 1, request: Request::Poll, token: Some("seam_cst1_a".into()), timeout_ms: 1_000.0 }]);
        engine.answered(1, Answer::Attempt(Attempt::Pending), 2_000.0);
        assert_eq!(drain(&mut engine), [Action::Sleep { id: 1, ms: 500.0 }]);
        engine.woke(1, 2_500.0);
        assert_eq!(drain(&mut engine), [Action::Settle { id: 1, outcome: Outcome::AttemptTimedOut }]);
        engine.wait_for_attempt(2, Attempt::Pending, 0.0, 1_000.0, 0.0);
        assert_eq!(drain(&mut engine), [Action::Settle { id: 2, outcome: Outcome::AttemptTimedOut }]);
    }

    #[test]
    fn a_sign_out_during_renewal_keeps_the_new_session_out() {
        let mut engine = refused_and_renewing();
        engine.sign_out();
        assert_eq!(drain(&mut engine), [Action::Notify { change: Change::SignedOut, session: None }]);
        engine.answered(RENEWAL, Answer::Session(session("seam_cst1_b", f64::NAN)), 0.0);
        assert_eq!(drain(&mut engine), [Action::Unlock { marker: false }, Action::Settle { id: 1, outcome: Outcome::SignedOut }]);
        assert_eq!(engine.session(), None);
    }

    #[test]
    fn a_failed_renewal_keeps_the_stored_session_for_other_tabs() {
        let mut engine = refused_and_renewing();
        engine.answered(RENEWAL, Answer::Failed { status: 503, dead_session: false, retry_after_ms: None }, 0.0);
        assert_eq!(drain(&mut engine), [Action::Unlock { marker: false }, Action::Settle { id: 1, outcome: Outcome::RenewalFailed }]);
    }

    #[test]
    fn a_sign_in_resumes_a_live_session_and_asks_once_for_a_dead_one() {
        let mut engine = Engine::new(Kind::Renewable, POLICY, None, 7);
        engine.sign_in(1, Some(session("seam_cst1_a", 100.0)), 0.0);
        assert_eq!(drain(&mut engine), [Action::Settle { id: 1, outcome: Outcome::SignedIn }]);
        let mut engine = Engine::new(Kind::Renewable, POLICY, None, 7);
        engine.sign_in(1, Some(session("seam_cst1_a", 100.0)), 200.0);
        engine.sign_in(2, None, 200.0);
        assert_eq!(drain(&mut engine), [Action::Send { id: RENEWAL, request: Request::GetOrCreate, token: None, timeout_ms: 1_000.0 }]);
        engine.answered(RENEWAL, Answer::Session(session("seam_cst1_b", 1e6)), 300.0);
        assert_eq!(
            drain(&mut engine),
            [Action::Store(session("seam_cst1_b", 1e6)), Action::Settle { id: 1, outcome: Outcome::SignedIn }, Action::Settle { id: 2, outcome: Outcome::SignedIn }]
        );
    }

    const EARLY: Policy = Policy { renew_before_ms: 300_000.0, ..POLICY };

    fn sends(actions: &[Action]) -> Vec<(Id, Request, Option<String>)> {
        actions.iter().filter_map(|a| match a {
            Action::Send { id, request, token, .. } => Some((*id, *request, token.clone())),
            _ => None,
        }).collect()
    }

    #[test]
    fn a_session_ending_within_the_margin_is_renewed_before_the_call_is_sent() {
        let mut engine = Engine::new(Kind::Renewable, EARLY, Some(session("seam_cst1_a", 60_000.0)), 7);
        engine.start(1, true, true, 0.0);
        engine.start(2, false, true, 0.0);
        lock_then_read(&mut engine, 0.0);
        engine.stored_now(Stored::Session(session("seam_cst1_a", 60_000.0)), 0.0);
        assert_eq!(sends(&drain(&mut engine)), [(RENEWAL, Request::GetOrCreate, None)]);
        engine.answered(RENEWAL, Answer::Session(session("seam_cst1_b", 1e9)), 10.0);
        let actions = drain(&mut engine);
        assert_eq!(actions[0], Action::Notify { change: Change::Renewed, session: Some(session("seam_cst1_b", 1e9)) });
        assert_eq!(actions[1], Action::Store(session("seam_cst1_b", 1e9)));
        assert_eq!(sends(&actions), [(1, Request::Call, Some("seam_cst1_b".into())), (2, Request::Call, Some("seam_cst1_b".into()))]);
    }

    #[test]
    fn a_session_handed_back_still_ending_serves_until_it_ends() {
        let mut engine = Engine::new(Kind::Renewable, EARLY, Some(session("seam_cst1_a", 60_000.0)), 7);
        engine.start(1, true, true, 0.0);
        lock_then_read(&mut engine, 0.0);
        engine.stored_now(Stored::Session(session("seam_cst1_a", 60_000.0)), 0.0);
        drain(&mut engine);
        // The API gives the same session back, its expiry unchanged: no event, and no second ask.
        engine.answered(RENEWAL, Answer::Session(session("seam_cst1_a", 60_000.0)), 10.0);
        let actions = drain(&mut engine);
        assert!(!actions.iter().any(|a| matches!(a, Action::Notify { .. } | Action::Forget)), "{actions:?}");
        // The same session: nothing for the other tabs to wait for.
        assert!(actions.contains(&Action::Unlock { marker: false }), "{actions:?}");
        assert_eq!(sends(&actions), [(1, Request::Call, Some("seam_cst1_a".into()))]);
        engine.start(2, true, true, 20.0);
        assert_eq!(sends(&drain(&mut engine)), [(2, Request::Call, Some("seam_cst1_a".into()))]);
        // Once it has ended, it is renewed again.
        engine.start(3, true, true, 60_000.0);
        assert_eq!(drain(&mut engine), [Action::Lock]);
    }

    #[test]
    fn an_early_renewal_that_fails_leaves_the_calls_the_session_they_had() {
        let mut engine = Engine::new(Kind::Renewable, EARLY, Some(session("seam_cst1_a", 60_000.0)), 7);
        engine.start(1, false, true, 0.0);
        lock_then_read(&mut engine, 0.0);
        engine.stored_now(Stored::Nothing, 0.0);
        drain(&mut engine);
        engine.answered(RENEWAL, Answer::Failed { status: 503, dead_session: false, retry_after_ms: None }, 10.0);
        assert_eq!(sends(&drain(&mut engine)), [(1, Request::Call, Some("seam_cst1_a".into()))]);
        engine.start(2, true, true, 20.0);
        assert_eq!(sends(&drain(&mut engine)), [(2, Request::Call, Some("seam_cst1_a".into()))]);
    }

    #[test]
    fn a_sign_in_renews_a_stored_session_ending_soon_and_resumes_it_if_that_fails() {
        let mut engine = Engine::new(Kind::Renewable, EARLY, None, 7);
        engine.sign_in(1, Some(session("seam_cst1_a", 60_000.0)), 0.0);
        assert_eq!(sends(&drain(&mut engine)), [(RENEWAL, Request::GetOrCreate, None)]);
        engine.answered(RENEWAL, Answer::Failed { status: 0, dead_session: false, retry_after_ms: None }, 0.0);
        assert_eq!(drain(&mut engine), [Action::Settle { id: 1, outcome: Outcome::SignedIn }]);
        assert_eq!(engine.session().map(|s| s.token.as_str()), Some("seam_cst1_a"));
        // No margin: resumed as it is.
        let mut engine = Engine::new(Kind::Renewable, POLICY, None, 7);
        engine.sign_in(1, Some(session("seam_cst1_a", 60_000.0)), 0.0);
        assert_eq!(drain(&mut engine), [Action::Settle { id: 1, outcome: Outcome::SignedIn }]);
    }

    #[test]
    fn the_page_hears_of_sign_outs_replacements_and_ends_once_each() {
        let mut engine = Engine::new(Kind::Token, POLICY, Some(session("seam_cst1_a", f64::NAN)), 7);
        engine.storage_changed(Stored::Session(session("seam_cst1_a", 5.0)));
        assert_eq!(drain(&mut engine), []);
        engine.storage_changed(Stored::Session(session("seam_cst1_b", 5.0)));
        assert_eq!(drain(&mut engine), [Action::Notify { change: Change::Replaced, session: Some(session("seam_cst1_b", 5.0)) }]);
        let dead = Answer::Failed { status: 401, dead_session: true, retry_after_ms: None };
        for id in [1, 2] {
            engine.start(id, true, true, 0.0);
            drain(&mut engine);
            engine.answered(id, dead.clone(), 0.0);
            drain(&mut engine);
            engine.stored_now(Stored::Nothing, 0.0);
            let ended = drain(&mut engine).into_iter().filter(|a| matches!(a, Action::Notify { change: Change::Ended, .. })).count();
            assert_eq!(ended, usize::from(id == 1), "told of the end {ended} times for call {id}");
        }
        engine.storage_changed(Stored::Nothing);
        engine.sign_out();
        assert_eq!(drain(&mut engine), [Action::Notify { change: Change::SignedOut, session: None }]);
    }
    #[test]
    fn a_tab_that_takes_the_lock_just_after_another_renewed_waits_for_that_session() {
        let mut engine = refused_and_renewing_after(true);
        // The marker was up: the lock goes back at once, and storage is read until the other
        // tab's session shows up.
        assert_eq!(drain(&mut engine), [Action::Unlock { marker: false }, Action::Sleep { id: RENEWAL, ms: AWAIT_POLL_MS }]);
        engine.woke(RENEWAL, 50.0);
        assert_eq!(drain(&mut engine), [Action::ReadStored]);
        engine.stored_now(Stored::Session(session("seam_cst1_a", f64::NAN)), 50.0);
        assert_eq!(drain(&mut engine), [Action::Sleep { id: RENEWAL, ms: AWAIT_POLL_MS }]);
        engine.woke(RENEWAL, 100.0);
        drain(&mut engine);
        engine.stored_now(Stored::Session(session("seam_cst1_b", 1e9)), 100.0);
        let actions = drain(&mut engine);
        assert_eq!(sends(&actions), [(1, Request::Call, Some("seam_cst1_b".into()))]);
        assert!(!actions.contains(&Action::Lock));

        // It never shows up: the tab takes its turn and asks.
        let mut engine = refused_and_renewing_after(true);
        drain(&mut engine);
        for poll in 1..=AWAIT_POLLS {
            engine.woke(RENEWAL, f64::from(poll) * 50.0);
            assert_eq!(drain(&mut engine), [Action::ReadStored]);
            engine.stored_now(Stored::Session(session("seam_cst1_a", f64::NAN)), f64::from(poll) * 50.0);
            let next = drain(&mut engine);
            assert_eq!(next, if poll < AWAIT_POLLS { vec![Action::Sleep { id: RENEWAL, ms: AWAIT_POLL_MS }] } else { vec![Action::Lock] });
        }
        engine.locked(true, 3_000.0);
        assert_eq!(drain(&mut engine), [Action::ReadStored]);
        engine.stored_now(Stored::Session(session("seam_cst1_a", f64::NAN)), 3_000.0);
        assert_eq!(sends(&drain(&mut engine)), [(RENEWAL, Request::GetOrCreate, None)]);
    }

    /// A publishable-key client whose one call was refused as dead, given the lock with the
    /// marker up or not.
    fn refused_and_renewing_after(marker: bool) -> Engine {
        let mut engine = Engine::new(Kind::Renewable, POLICY, Some(session("seam_cst1_a", f64::NAN)), 7);
        engine.start(1, true, true, 0.0);
        drain(&mut engine);
        engine.answered(1, Answer::Failed { status: 401, dead_session: true, retry_after_ms: None }, 0.0);
        assert_eq!(drain(&mut engine), [Action::Lock]);
        engine.locked(marker, 0.0);
        engine
    }
}

/// Every interleaving the generator finds, natively: concurrent calls, refusals, dead sessions,
/// network errors, timeouts, 429/5xx, storage events and sign-out, against the engine's
/// promises.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    #[derive(Clone, Debug)]
    enum Event {
        /// A call: `idempotent`, `may_renew`.
        Start(bool, bool),
        /// A call that waits for an action attempt.
        Wait(u8),
        /// Answers the request out at this index (modulo) with this kind of answer.
        Answer(usize, u8),
        /// Fires the timer at this index.
        Fire(usize),
        /// Another tab: 0 removes, 1 stores garbage, 2 stores a live session.
        Storage(u8),
        SignOut,
        /// A check of a token (`updateClientSessionToken`).
        Check,
        /// A sign-in, resuming what is stored or asking.
        SignIn,
        Tick(u16),
        /// The cross-tab lock asked for is granted; `true`: another tab's marker is up.
        Grant(bool),
        /// A storage read asked for is answered (a storage adapter answers later).
        ReadAnswer,
    }

    fn event() -> impl Strategy<Value = Event> {
        prop_oneof![
            3 => (any::<bool>(), prop::bool::weighted(0.8)).prop_map(|(i, r)| Event::Start(i, r)),
            1 => (0u8..3).prop_map(Event::Wait),
            8 => (any::<usize>(), any::<u8>()).prop_map(|(i, a)| Event::Answer(i, a)),
            3 => any::<usize>().prop_map(Event::Fire),
            1 => (0u8..3).prop_map(Event::Storage),
            1 => Just(Event::SignOut),
            1 => Just(Event::Check),
            1 => Just(Event::SignIn),
            2 => any::<u16>().prop_map(Event::Tick),
            2 => any::<bool>().prop_map(Event::Grant),
            2 => Just(Event::ReadAnswer),
        ]
    }

    /// What a call has been through, to check each action against.
    #[derive(Default)]
    struct Log {
        idempotent: bool,
        sends: u32,
        /// The last answer was a 401.
        refused: bool,
        resent_after_refusal: u32,
        timed_out: bool,
        settled: u32,
        polls: bool,
    }

    struct World {
        engine: Engine,
        now: f64,
        out: Vec<(Id, Request, Option<String>)>,
        timers: Vec<(Id, f64)>,
        logs: std::collections::BTreeMap<Id, Log>,
        next_id: Id,
        next_token: u32,
        stored: Stored,
        signed_out: bool,
        /// Sign-ins not settled yet.
        signing_in: Vec<Id>,
        renew_before: f64,
        /// The expiry of each session the world made.
        expiry: std::collections::BTreeMap<String, f64>,
        /// Sessions `get_or_create` was asked about while they were due, or handed back due.
        asked: std::collections::BTreeSet<String>,
        /// Sessions the page was told had ended.
        ended: std::collections::BTreeSet<String>,
        /// The cross-tab lock: asked for, held.
        lock_asked: bool,
        lock_held: bool,
        /// Storage reads are answered later, by `Event::ReadAnswer`, with what is stored then.
        defer_reads: bool,
        read_asked: bool,
    }

    impl World {
        fn fresh_session(&mut self, ttl: f64) -> Session {
            self.next_token += 1;
            let session = Session { expires_ms: self.now + ttl, ..Session::from_token(format!("seam_cst1_{}", self.next_token)) };
            self.expiry.insert(session.token.clone(), session.expires_ms);
            session
        }

        /// Ends within the margin (or has ended), as far as the world knows.
        fn due(&self, token: &str) -> bool {
            self.expiry.get(token).is_some_and(|expires| expires - self.renew_before <= self.now)
        }

        /// Carries out every action, checking each against the invariants.
        fn run(&mut self) -> Result<(), TestCaseError> {
            while let Some(action) = self.engine.next_action() {
                match action {
                    Action::Send { id, request, token, timeout_ms } => {
                        prop_assert!(timeout_ms >= 0.0);
                        if request == Request::GetOrCreate || request == Request::Liveness {
                            prop_assert_eq!(id, RENEWAL);
                            // At most one renewal request out, get_or_create included.
                            prop_assert!(!self.out.iter().any(|(i, ..)| *i == RENEWAL), "two renewal requests out");
                            prop_assert!(!self.timers.iter().any(|(i, _)| *i == RENEWAL));
                            prop_assert!(!self.signed_out, "a signed-out client renewed");
                            if request == Request::GetOrCreate {
                                // Tabs renew a shared session one at a time (a sign-in has none yet).
                                let sign_in = self.engine.renewal.as_ref().is_some_and(|r| r.used.is_none());
                                prop_assert!(self.lock_held || sign_in, "get_or_create without the lock");
                                let due: Vec<String> = self.expiry.keys().filter(|t| self.due(t)).cloned().collect();
                                self.asked.extend(due);
                            } else if let Some(token) = &token {
                                // The liveness check asks the API itself: its word outweighs the clock.
                                self.asked.insert(token.clone());
                            }
                        } else {
                            // No request goes out with a session known to be ending before the
                            // API was asked for a new one (or whether it still works).
                            if let (Kind::Renewable, Some(token)) = (self.engine.kind, &token) {
                                prop_assert!(!self.due(token) || self.asked.contains(token), "sent with a session ending within the margin, never renewed");
                            }
                            let log = self.logs.get_mut(&id).expect("a send for a call never started");
                            prop_assert_eq!(log.settled, 0, "a send for a settled call");
                            prop_assert!(!log.timed_out, "sent again after a timeout");
                            prop_assert!(!self.signed_out || token.as_deref().is_some_and(|t| t.starts_with("seam_cst1_check")), "a signed-out client sent a request");
                            if log.refused {
                                log.resent_after_refusal += 1;
                                prop_assert!(log.resent_after_refusal <= 1 || log.polls, "sent again after a second renewal");
                            } else if log.sends > 0 && !log.idempotent {
                                prop_assert!(false, "a POST or PATCH sent again after an answer that was not a refusal");
                            }
                            log.sends += 1;
                            log.refused = false;
                        }
                        prop_assert!(!self.out.iter().any(|(i, ..)| *i == id), "two requests of one call out");
                        self.out.push((id, request, token));
                    }
                    Action::Sleep { id, ms } => {
                        prop_assert!(ms >= 0.0 && !ms.is_nan());
                        if id != RENEWAL {
                            let log = &self.logs[&id];
                            prop_assert!(!log.timed_out, "a retry planned after a timeout");
                            prop_assert!(log.idempotent || log.polls, "a POST or PATCH retried");
                        }
                        self.timers.push((id, self.now + ms.min(1e9)));
                    }
                    Action::ReadStored if self.defer_reads => {
                        prop_assert!(!self.read_asked, "storage read twice at once");
                        self.read_asked = true;
                    }
                    Action::ReadStored => {
                        let stored = self.stored.clone();
                        self.engine.stored_now(stored, self.now);
                    }
                    Action::Store(session) => {
                        // A checked token or a sign-in signs the client in again; nothing else may.
                        if session.token.starts_with("seam_cst1_check") || !self.signing_in.is_empty() {
                            self.signed_out = false;
                        }
                        prop_assert!(!self.signed_out, "stored a session after sign-out");
                        self.stored = Stored::Session(session);
                    }
                    Action::Forget => self.stored = Stored::Nothing,
                    Action::Lock => {
                        prop_assert!(!self.lock_asked && !self.lock_held, "the lock asked for twice");
                        self.lock_asked = true;
                    }
                    Action::Unlock { .. } => {
                        prop_assert!(self.lock_held, "let go of a lock not held");
                        self.lock_held = false;
                    }
                    Action::Notify { change, session } => {
                        prop_assert_eq!(session.is_none(), change == Change::SignedOut);
                        if change == Change::Ended {
                            let token = session.map(|s| s.token).unwrap_or_default();
                            prop_assert!(self.ended.insert(token), "told twice that a session ended");
                        }
                    }
                    Action::Settle { id, .. } => {
                        self.signing_in.retain(|&i| i != id);
                        let log = self.logs.get_mut(&id).expect("settled a call never started");
                        log.settled += 1;
                        prop_assert_eq!(log.settled, 1, "settled twice");
                        prop_assert!(!self.out.iter().any(|(i, ..)| *i == id) && !self.timers.iter().any(|(i, _)| *i == id));
                    }
                }
            }
            Ok(())
        }

        fn answer(&mut self, index: usize, kind: u8) -> Answer {
            let (id, request, token) = self.out.remove(index % self.out.len());
            let failed = |status: u16, dead_session: bool| Answer::Failed { status, dead_session, retry_after_ms: kind.is_multiple_of(5).then_some(f64::from(kind) * 10.0) };
            let answer = match (request, kind % 9) {
                (_, 0) => failed(0, false),
                (_, 1) => Answer::TimedOut,
                (_, 2) => failed(if kind & 16 == 0 { 500 } else { 429 }, false),
                (Request::GetOrCreate, 3) => Answer::Session(self.fresh_session(if kind & 32 == 0 { 1e7 } else { -1.0 })),
                (Request::GetOrCreate, 4) => Answer::Session(Session::from_token(token.unwrap_or_else(|| "seam_cst1_1".into()))),
                (Request::GetOrCreate, _) => Answer::Session(self.fresh_session(1e7)),
                (_, 3 | 4) => failed(401, kind & 32 != 0),
                (_, 5) => failed(400, false),
                (Request::Poll, _) => Answer::Attempt([Attempt::Success, Attempt::Error, Attempt::Pending, Attempt::Pending][usize::from(kind) % 4]),
                (Request::Call, _) if token.as_deref().is_some_and(|t| t.starts_with("seam_cst1_check")) => Answer::Session(Session::from_token(token.clone().unwrap_or_default())),
                _ => Answer::Ok,
            };
            if let Answer::Session(session) = &answer {
                if request == Request::GetOrCreate {
                    self.expiry.insert(session.token.clone(), session.expires_ms);
                    if self.due(&session.token) {
                        self.asked.insert(session.token.clone());
                    }
                }
            }
            if id != RENEWAL {
                let log = self.logs.get_mut(&id).unwrap();
                log.refused = matches!(answer, Answer::Failed { status: 401, .. });
                log.timed_out = answer == Answer::TimedOut;
                if matches!(answer, Answer::Attempt(_)) {
                    log.resent_after_refusal = 0;
                }
            }
            self.engine.answered(id, answer.clone(), self.now);
            answer
        }

        fn start(&mut self, idempotent: bool, polls: bool) -> Id {
            self.next_id += 1;
            self.logs.insert(self.next_id, Log { idempotent, polls, ..Log::default() });
            self.next_id
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 100_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn interleavings_keep_the_engines_promises(
            kind in prop::sample::select(vec![Kind::Renewable, Kind::Token, Kind::Bearer, Kind::Anonymous]),
            retries in 0u32..3,
            renew_before in prop::sample::select(vec![0.0, 100.0, 1e6]),
            expires in prop::sample::select(vec![f64::NAN, 50.0, 1e7]),
            events in prop::collection::vec(event(), 1..40),
            seed in any::<u32>(),
            defer_reads in any::<bool>(),
        ) {
            let policy = Policy { timeout_ms: 1_000.0, retries, renew_before_ms: renew_before };
            let first = Session { expires_ms: expires, ..Session::from_token("seam_cst1_0".into()) };
            let mut world = World {
                engine: Engine::new(kind, policy, Some(first.clone()), seed),
                now: 0.0,
                out: Vec::new(),
                timers: Vec::new(),
                logs: Default::default(),
                next_id: 0,
                next_token: 0,
                stored: Stored::Session(first),
                signed_out: false,
                signing_in: Vec::new(),
                lock_asked: false,
                lock_held: false,
                defer_reads,
                read_asked: false,
                renew_before,
                expiry: [("seam_cst1_0".to_owned(), expires)].into(),
                asked: Default::default(),
                ended: Default::default(),
            };
            for event in events {
                match event {
                    Event::Start(idempotent, may_renew) => {
                        let id = world.start(idempotent, false);
                        world.engine.start(id, idempotent, may_renew, world.now);
                    }
                    Event::Wait(state) => {
                        let id = world.start(true, true);
                        let attempt = [Attempt::Success, Attempt::Error, Attempt::Pending][usize::from(state)];
                        world.engine.wait_for_attempt(id, attempt, 3_000.0, 1_000.0, world.now);
                    }
                    Event::Answer(index, answer) if !world.out.is_empty() => {
                        world.answer(index, answer);
                    }
                    Event::Fire(index) if !world.timers.is_empty() => {
                        let (id, at) = world.timers.remove(index % world.timers.len());
                        world.now = world.now.max(at);
                        world.engine.woke(id, world.now);
                    }
                    // An anonymous client (the OpenAPI spec) has no session, no storage, no sign-out;
                    // only a client with a store hears of another tab's changes.
                    Event::Storage(_) | Event::SignOut | Event::Check if kind == Kind::Anonymous => {}
                    Event::Storage(_) if kind == Kind::Bearer => {}
                    Event::Storage(what) => {
                        let stored = match what {
                            0 => Stored::Nothing,
                            1 => Stored::Unreadable,
                            _ => Stored::Session(world.fresh_session(1e7)),
                        };
                        world.signed_out = world.signed_out && what != 2 || what == 0;
                        world.stored = stored.clone();
                        world.engine.storage_changed(stored);
                    }
                    Event::SignOut => {
                        world.signed_out = true;
                        world.stored = Stored::Nothing;
                        world.engine.sign_out();
                    }
                    Event::Check => {
                        let id = world.start(true, false);
                        world.next_token += 1;
                        world.engine.check(id, format!("seam_cst1_check{}", world.next_token), world.now);
                    }
                    Event::SignIn if kind == Kind::Renewable => {
                        // Signing in is what a signed-out page does next.
                        world.signed_out = false;
                        let id = world.start(false, false);
                        world.signing_in.push(id);
                        let stored = match &world.stored {
                            Stored::Session(session) => Some(session.clone()),
                            _ => None,
                        };
                        world.engine.sign_in(id, stored, world.now);
                    }
                    Event::Tick(ms) => world.now += f64::from(ms),
                    Event::Grant(marker) if world.lock_asked => {
                        world.lock_asked = false;
                        world.lock_held = true;
                        world.engine.locked(marker, world.now);
                    }
                    Event::ReadAnswer if world.read_asked => {
                        world.read_asked = false;
                        world.engine.stored_now(world.stored.clone(), world.now);
                    }
                    _ => {}
                }
                world.run()?;
            }
            // Then everything out is answered well and every timer fires: every call settles.
            for _ in 0..10_000 {
                if world.lock_asked {
                    world.lock_asked = false;
                    world.lock_held = true;
                    world.engine.locked(false, world.now);
                } else if world.read_asked {
                    world.read_asked = false;
                    world.engine.stored_now(world.stored.clone(), world.now);
                } else if let Some(&(id, at)) = world.timers.first() {
                    world.timers.remove(0);
                    world.now = world.now.max(at);
                    world.engine.woke(id, world.now);
                } else if !world.out.is_empty() {
                    let ok = match world.out[0].1 {
                        Request::GetOrCreate => 5,
                        Request::Poll => 6 + 9 * 4, // Attempt::Success
                        _ => 7,
                    };
                    world.answer(0, ok);
                } else {
                    break;
                }
                world.run()?;
            }
            prop_assert!(world.out.is_empty() && world.timers.is_empty(), "never quiet");
            prop_assert!(!world.lock_asked && !world.lock_held, "the lock kept");
            prop_assert!(!world.read_asked, "a storage read never answered");
            for (id, log) in &world.logs {
                prop_assert_eq!(log.settled, 1, "call {} never settled", id);
            }
            prop_assert_eq!(world.engine.in_flight(), 0);
        }
    }
}
