//! Login challenges: opened after a correct password when policy asks for a second factor;
//! the client resends codes and switches methods within them.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::webauthn::{self, wire::RequestOptions};
use super::{new_code_message, recovery, MethodSummary, Pending};
use crate::auth::codes::{CODE_TTL_SECS, MAX_SENDS_PER_CHALLENGE, RESEND_COOLDOWN_SECS};
use crate::clock::rfc3339;
use crate::domain::{
    AuditEvent, AuditOutcome, ChallengeId, ChallengePurpose, ErrorCode, MethodId, MethodKind, PhoneNumber,
    SignInSource, UnixTime,
};
use crate::error::AppError;
use crate::service::audit;
use crate::service::outbox::Queued;
use crate::service::sessions::ClientInfo;
use crate::state::AppState;
use crate::store::challenges::{self, Challenge};
use crate::store::methods::{self, Method};
use crate::store::tenants::Tenant;
use crate::store::users::{self, User};
use crate::store::AnyConnection;

/// The password was right; now a code from one of the user's methods.
#[derive(Debug, Serialize, ToSchema)]
pub struct SecondFactorRequired {
    #[schema(format = Uuid)]
    pub challenge_id: String,
    #[schema(format = DateTime)]
    pub expires_at: String,
    /// The method asked for first (the primary one). For `sms` and `email` a code was sent.
    pub method: MethodSummary,
    /// Every method the user may switch to (`POST /challenges/{id}/method`).
    pub methods: Vec<MethodSummary>,
    /// Whether a recovery code may be sent instead of a code.
    pub recovery_codes_available: bool,
    /// Whether a code went out to `method` (false for TOTP, or when delivery failed: resend).
    pub code_sent: bool,
    /// When `POST /challenges/{id}/resend` may send the next code (absent when none was sent):
    /// the sign-in page counts down to it.
    #[schema(format = DateTime)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resend_available_at: Option<String>,
    /// Why no code went out now although `method` takes one: `sms_budget_exhausted` (the client
    /// offers the user's other `methods`), `delivery_delayed` (the gateway failed in a way
    /// Latchkey retries: the code is on its way, it may take a minute; do not ask for another) or
    /// `delivery_failed` (refused for good: switch to another of `methods`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_error: Option<ErrorCode>,
    /// With `delivery_error`: what to tell the person, in plain words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_message: Option<String>,
    /// When `method` is `webauthn`: the options listing the user's keys. Pass `publicKey` to
    /// `PublicKeyCredential.parseRequestOptionsFromJSON`, then `navigator.credentials.get`, and
    /// send `credential.toJSON()` to `/verify` as `credential`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<webauthn::wire::RequestOptionsJson>)]
    pub webauthn: Option<RequestOptions>,
}

/// The password was right, but policy requires a second factor and the user has none yet.
#[derive(Debug, Serialize, ToSchema)]
pub struct EnrollmentRequired {
    #[schema(format = Uuid)]
    pub challenge_id: String,
    #[schema(format = DateTime)]
    pub expires_at: String,
    /// What the user may set up (`POST /challenges/{id}/enroll`).
    pub allowed_kinds: Vec<MethodKind>,
    /// For `sms`: whether the profile has a number (the client may offer to use it) ...
    pub phone_number_on_profile: bool,
    /// ... and which, masked.
    pub phone_hint: Option<String>,
}

/// A challenge after a resend or a switch of method.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChallengeState {
    #[schema(format = Uuid)]
    pub challenge_id: String,
    #[schema(format = DateTime)]
    pub expires_at: String,
    pub method: MethodSummary,
    /// When the code just sent expires (absent for TOTP).
    #[schema(format = DateTime)]
    pub code_expires_at: Option<String>,
    /// How many more codes this challenge may send.
    pub sends_remaining: i32,
    /// When the next code may be asked for (absent for TOTP, or when no more may be sent).
    #[schema(format = DateTime)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resend_available_at: Option<String>,
    /// Whether the code went out now (false for TOTP, and while `delivery_error` says why).
    pub code_sent: bool,
    /// Why no code went out now although one was queued: `delivery_delayed` (the gateway failed
    /// in a way Latchkey retries: the code is on its way, it may take a minute; do not ask for
    /// another) or `delivery_failed` (refused for good: use another method).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_error: Option<ErrorCode>,
    /// With `delivery_error`: what to tell the person, in plain words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_message: Option<String>,
    /// When `method` is `webauthn`: the options listing the user's keys (as in
    /// `second_factor_required`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<webauthn::wire::RequestOptionsJson>)]
    pub webauthn: Option<RequestOptions>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SwitchMethod {
    #[schema(schema_with = crate::domain::schema::uuid)]
    pub method_id: MethodId,
}

fn new_challenge(
    state: &AppState,
    tenant: &Tenant,
    user: &User,
    purpose: ChallengePurpose,
    client: &ClientInfo,
    now: UnixTime,
) -> Challenge {
    Challenge {
        id: ChallengeId::new(),
        tenant_id: tenant.id.clone(),
        user_id: user.id.clone(),
        purpose,
        method_id: None,
        code_hash: None,
        code_expires_at: None,
        sends: 0,
        last_sent_at: None,
        attempts: 0,
        ip: client.ip.map(|ip| ip.to_string()),
        user_agent: client.user_agent.as_ref().map(|ua| ua.chars().take(512).collect()),
        created_at: now,
        expires_at: now + state.settings.challenge_ttl_secs,
        completed_at: None,
        unfinished_noticed_at: None,
        webauthn_state: None,
    }
}

/// Opens a challenge for the user's primary method and sends its code when it has one.
/// Call inside a transaction.
pub fn start_second_factor(
    c: &mut AnyConnection,
    state: &AppState,
    tenant: &Tenant,
    user: &User,
    active: &[Method],
    client: &ClientInfo,
    now: UnixTime,
) -> Result<Pending<SecondFactorRequired>, AppError> {
    start_challenge(c, state, (tenant, user), active, ChallengePurpose::Verify, client, now)
}

/// The challenge of `start_second_factor`, also for a method being enrolled (`Enroll`).
pub fn start_challenge(
    c: &mut AnyConnection,
    state: &AppState,
    (tenant, user): (&Tenant, &User),
    active: &[Method],
    purpose: ChallengePurpose,
    client: &ClientInfo,
    now: UnixTime,
) -> Result<Pending<SecondFactorRequired>, AppError> {
    // Keys made for another relying party (the tenant's changed since) cannot sign here: another
    // method goes first. With nothing else, the challenge still opens (no options): a recovery
    // code proves the factor, and switching method says why a key cannot.
    let keys = webauthn::assertion::usable(state, tenant, active);
    let usable = |m: &&Method| m.kind != MethodKind::Webauthn || keys.iter().any(|k| k.id == m.id);
    let primary = active
        .iter()
        .filter(usable)
        .find(|m| m.is_primary)
        .or(active.iter().find(usable))
        .or(active.first())
        .ok_or_else(|| AppError::internal("no active method"))?;
    let mut challenge = new_challenge(state, tenant, user, purpose, client, now);
    challenge.method_id = Some(primary.id.clone());
    let mut key_options = None;
    if primary.kind == MethodKind::Webauthn && purpose == ChallengePurpose::Verify && !keys.is_empty() {
        let (options, ceremony) = webauthn::assertion::start(state, tenant, &keys)?;
        challenge.webauthn_state = Some(ceremony);
        key_options = Some(RequestOptions(options));
    }
    let mut delivery_error = None;
    let message = if super::channel_of(primary.kind).is_some() {
        match new_code_message(c, state, challenge.id.as_str(), primary, tenant, now) {
            Ok((message, hash)) => {
                challenge.code_hash = Some(hash);
                challenge.code_expires_at = Some(now + CODE_TTL_SECS);
                challenge.sends = 1;
                challenge.last_sent_at = Some(now);
                Some(message)
            }
            // The challenge still opens: the user may switch to another method.
            Err(AppError::SmsBudgetExhausted) => {
                delivery_error = Some(ErrorCode::SmsBudgetExhausted);
                None
            }
            Err(other) => return Err(other),
        }
    } else {
        None
    };
    challenges::insert(c, &challenge)?;
    audit::entry(AuditEvent::Challenge, AuditOutcome::Success)
        .tenant(&tenant.id)
        .user(&user.id)
        .by(client)
        .detail(primary.kind.as_str())
        .record(c, now)?;
    Ok(Pending::new(
        SecondFactorRequired {
            challenge_id: challenge.id.to_string(),
            expires_at: rfc3339(challenge.expires_at),
            method: MethodSummary::of(primary),
            methods: active.iter().map(MethodSummary::of).collect(),
            // Recovery codes prove an existing factor, never a new one.
            recovery_codes_available: purpose == ChallengePurpose::Verify && recovery::remaining(c, &user.id)? > 0,
            code_sent: message.is_some(),
            resend_available_at: message.as_ref().map(|_| rfc3339(now + RESEND_COOLDOWN_SECS)),
            delivery_error,
            delivery_message: None,
            webauthn: key_options,
        },
        message,
    ))
}

/// Opens an enrollment challenge (`Enroll`, or the skippable `EnrollSuggested`) offering `kinds`.
/// Call inside a transaction.
#[allow(clippy::too_many_arguments)]
pub fn start_enrollment(
    c: &mut AnyConnection,
    state: &AppState,
    tenant: &Tenant,
    user: &User,
    kinds: &[MethodKind],
    purpose: ChallengePurpose,
    client: &ClientInfo,
    now: UnixTime,
) -> Result<EnrollmentRequired, AppError> {
    let challenge = new_challenge(state, tenant, user, purpose, client, now);
    challenges::insert(c, &challenge)?;
    let event = match purpose {
        ChallengePurpose::EnrollSuggested => AuditEvent::EnrollmentSuggested,
        ChallengePurpose::Enroll | ChallengePurpose::Verify => AuditEvent::EnrollmentRequired,
    };
    audit::entry(event, AuditOutcome::Success).tenant(&tenant.id).user(&user.id).by(client).record(c, now)?;
    Ok(EnrollmentRequired {
        challenge_id: challenge.id.to_string(),
        expires_at: rfc3339(challenge.expires_at),
        allowed_kinds: kinds.to_vec(),
        phone_number_on_profile: user.phone_number.is_some(),
        phone_hint: user.phone_number.as_ref().map(PhoneNumber::hint),
    })
}

/// The challenge, its user and tenant, with the challenge's row lock held: it exists, is
/// neither used nor expired, and the user is active. A locked account is reported separately
/// so that callers can decide what to persist.
pub struct OpenChallenge {
    pub challenge: Challenge,
    pub user: User,
    pub tenant: Tenant,
    /// The account's lock, read after taking the user's row lock.
    pub lock: Option<users::Lock>,
}

impl OpenChallenge {
    pub fn refuse_if_locked(&self, now: UnixTime) -> Result<(), AppError> {
        match &self.lock {
            Some(lock) => Err(AppError::locked_until(lock.until, now)),
            None => Ok(()),
        }
    }
}

pub fn open(c: &mut AnyConnection, challenge_id: &ChallengeId, now: UnixTime) -> Result<OpenChallenge, AppError> {
    let Some(challenge) = challenges::lock_open_returning(c, challenge_id)? else {
        return Err(match challenges::find(c, challenge_id)? {
            None => AppError::not_found("challenge"),
            Some(_) => AppError::gone(ErrorCode::ChallengeUsed, "this challenge was already used: log in again"),
        });
    };
    let expired = || AppError::gone(ErrorCode::ChallengeExpired, "this challenge has expired: log in again");
    if challenge.expires_at <= now {
        return Err(expired());
    }
    // Challenge first, then user: every path takes the two row locks in this order.
    // A password changed (or reset) since the challenge opened ends it.
    let (user, tenant) = users::lock_with_tenant(c, &challenge.tenant_id, &challenge.user_id)?
        .filter(|(u, _)| u.active && u.password_changed_at <= challenge.created_at)
        .ok_or_else(expired)?;
    let lock = user.lock_at(now);
    Ok(OpenChallenge { challenge, user, tenant, lock })
}

/// Takes the user's row lock and refuses a locked account (see `users::hold`).
pub fn ensure_unlocked(c: &mut AnyConnection, user: &User, now: UnixTime) -> Result<(), AppError> {
    match users::hold(c, &user.id, now)? {
        Some(lock) => Err(AppError::locked_until(lock.until, now)),
        None => Ok(()),
    }
}

/// Sends a new code for the challenge's method, within the per-challenge cap (and, for a
/// resend, the cooldown). The new code replaces every earlier one.
fn send_code(
    c: &mut AnyConnection,
    state: &AppState,
    open: &OpenChallenge,
    method: &Method,
    enforce_cooldown: bool,
    now: UnixTime,
) -> Result<(Queued, UnixTime), AppError> {
    let ch = &open.challenge;
    if ch.sends >= MAX_SENDS_PER_CHALLENGE {
        return Err(AppError::TooManyRequests {
            code: ErrorCode::ResendLimitReached,
            message: "no more codes can be sent in this challenge: log in again".into(),
            retry_after_secs: (ch.expires_at - now).max(1).unsigned_abs(),
        });
    }
    if let Some(last) = ch.last_sent_at.filter(|last| enforce_cooldown && *last + RESEND_COOLDOWN_SECS > now) {
        return Err(AppError::TooManyRequests {
            code: ErrorCode::ResendTooSoon,
            message: format!("wait {} seconds before asking for a new code", last + RESEND_COOLDOWN_SECS - now),
            retry_after_secs: (last + RESEND_COOLDOWN_SECS - now).max(1).unsigned_abs(),
        });
    }
    let (message, hash) = new_code_message(c, state, ch.id.as_str(), method, &open.tenant, now)?;
    let expires = now + CODE_TTL_SECS;
    challenges::record_send(c, &ch.id, &hash, expires, now)?;
    Ok((message, expires))
}

/// Public so enrollment at login can send the first code of a new SMS or email method.
pub fn send_first_code(
    c: &mut AnyConnection,
    state: &AppState,
    open: &OpenChallenge,
    method: &Method,
    now: UnixTime,
) -> Result<(Queued, UnixTime), AppError> {
    send_code(c, state, open, method, false, now)
}

fn state_of(
    open: &OpenChallenge,
    method: &Method,
    sends_after: i32,
    code_expires_at: Option<UnixTime>,
) -> ChallengeState {
    ChallengeState {
        challenge_id: open.challenge.id.to_string(),
        expires_at: rfc3339(open.challenge.expires_at),
        method: MethodSummary::of(method),
        code_expires_at: code_expires_at.map(rfc3339),
        sends_remaining: (MAX_SENDS_PER_CHALLENGE - sends_after).max(0),
        // A code expiring at `e` was sent at `e - CODE_TTL_SECS`; the cooldown runs from then.
        resend_available_at: code_expires_at
            .filter(|_| sends_after < MAX_SENDS_PER_CHALLENGE)
            .map(|expires| rfc3339(expires - CODE_TTL_SECS + RESEND_COOLDOWN_SECS)),
        code_sent: code_expires_at.is_some(),
        delivery_error: None,
        delivery_message: None,
        webauthn: None,
    }
}

fn current_method(c: &mut AnyConnection, open: &OpenChallenge) -> Result<Method, AppError> {
    let none = || AppError::conflict(ErrorCode::NoMethodChosen, "this challenge has no method yet: enroll one first");
    let id = open.challenge.method_id.as_ref().ok_or_else(none)?;
    methods::find_for_user(c, &open.user.id, id)?.ok_or_else(none)
}

/// "Send new code": a fresh code for the challenge's SMS or email method.
pub fn resend(
    state: &AppState,
    challenge_id: &ChallengeId,
    client: &ClientInfo,
) -> Result<Pending<ChallengeState>, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| {
        let open = open(c, challenge_id, now)?;
        open.refuse_if_locked(now)?;
        let method = current_method(c, &open)?;
        if super::channel_of(method.kind).is_none() {
            return Err(AppError::conflict(
                ErrorCode::NotResendable,
                "no code is sent for this method: open the app, or use your key",
            ));
        }
        let (message, expires) = send_code(c, state, &open, &method, true, now)?;
        audit::entry(AuditEvent::CodeResent, AuditOutcome::Success)
            .tenant(&open.tenant.id)
            .user(&open.user.id)
            .by(client)
            .detail(method.kind.as_str())
            .record(c, now)?;
        Ok(Pending::new(state_of(&open, &method, open.challenge.sends + 1, Some(expires)), Some(message)))
    })
}

/// Switches the challenge to another of the user's active methods, sending a code when needed.
pub fn switch_method(
    state: &AppState,
    challenge_id: &ChallengeId,
    input: SwitchMethod,
    client: &ClientInfo,
) -> Result<Pending<ChallengeState>, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| {
        let open = open(c, challenge_id, now)?;
        open.refuse_if_locked(now)?;
        if open.challenge.purpose != ChallengePurpose::Verify {
            return Err(AppError::conflict(
                ErrorCode::NotVerifying,
                "this challenge is for enrollment: enroll a method",
            ));
        }
        let method = methods::find_for_user(c, &open.user.id, &input.method_id)?
            .filter(Method::is_active)
            .ok_or(AppError::not_found("method"))?;
        refuse_unless_allowed(&open.tenant, method.kind)?;
        challenges::set_method(c, &open.challenge.id, &method.id)?;
        let mut key_options = None;
        if method.kind == MethodKind::Webauthn {
            let active = methods::active_for_user(c, &open.user.id)?;
            let keys = webauthn::assertion::usable(state, &open.tenant, &active);
            let (options, ceremony) = webauthn::assertion::start(state, &open.tenant, &keys)?;
            challenges::set_webauthn_state(c, &open.challenge.id, Some(&ceremony))?;
            key_options = Some(RequestOptions(options));
        }
        let (message, expires, sends) = if super::channel_of(method.kind).is_some() {
            // One code every 30 s per challenge, whichever way it is asked for.
            let (message, expires) = send_code(c, state, &open, &method, true, now)?;
            (Some(message), Some(expires), open.challenge.sends + 1)
        } else {
            (None, None, open.challenge.sends)
        };
        audit::entry(AuditEvent::MethodSwitched, AuditOutcome::Success)
            .tenant(&open.tenant.id)
            .user(&open.user.id)
            .by(client)
            .detail(method.kind.as_str())
            .record(c, now)?;
        let mut answer = state_of(&open, &method, sends, expires);
        answer.webauthn = key_options;
        Ok(Pending::new(answer, message))
    })
}

/// 409 `method_not_allowed` when the tenant does not allow this kind of method.
pub fn refuse_unless_allowed(tenant: &Tenant, kind: MethodKind) -> Result<(), AppError> {
    if tenant.policy.allows(kind) {
        Ok(())
    } else {
        Err(AppError::conflict(
            ErrorCode::MethodNotAllowed,
            format!("your organisation does not allow {kind} as a second factor"),
        ))
    }
}

/// 409 `two_factor_unavailable` for a tenant whose users sign in through SSO.
pub fn refuse_if_sso(tenant: &Tenant) -> Result<(), AppError> {
    match tenant.policy.sign_in {
        SignInSource::Password => Ok(()),
        SignInSource::Sso => Err(AppError::conflict(
            ErrorCode::TwoFactorUnavailable,
            "a second factor is not available: sign-in through SSO",
        )),
    }
}

/// Whether an SMS method would need the user to give a number.
pub fn phone_for_sms(user: &User, given: Option<&str>) -> Result<PhoneNumber, AppError> {
    match given {
        Some(p) => Ok(PhoneNumber::parse(p)?),
        None => user.phone_number.clone().ok_or_else(|| {
            AppError::validation(
                ErrorCode::PhoneNumberRequired,
                "the profile has no phone number: send phone_number to use sms",
            )
        }),
    }
}

/// Step-up: a signed-in user whose session did not pass a second factor (tenant policy off,
/// exempt, remembered device) asks for a challenge of their own methods; `/verify` then opens a
/// session that did. Needed before removing methods or making recovery codes.
pub fn step_up(
    state: &AppState,
    ctx: &crate::service::sessions::AccessContext,
    client: &ClientInfo,
) -> Result<Pending<SecondFactorRequired>, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| {
        ensure_unlocked(c, &ctx.user, now)?;
        refuse_if_sso(&ctx.tenant)?;
        let active = crate::service::policy::offered(&methods::active_for_user(c, &ctx.user.id)?, &ctx.tenant);
        if active.is_empty() {
            return Err(AppError::conflict(ErrorCode::NoMethod, "there is no second-factor method to step up with"));
        }
        let mut started = start_second_factor(c, state, &ctx.tenant, &ctx.user, &active, client, now)?;
        // Opened from a session, not a password: an unfinished step-up is no alert.
        if let Ok(id) = ChallengeId::parse(&started.answer_mut().challenge_id) {
            challenges::exclude_from_unfinished_alerts(c, &id, now)?;
        }
        Ok(started)
    })
}
