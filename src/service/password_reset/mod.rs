//! Password reset through verified methods (Procare: the methods that carry the second factor
//! carry the reset too). `start` answers every request alike and sends a code, when the account
//! may reset itself, to an address or phone the user proved; `proof` checks that code and then
//! the user's second factor through a method other than the one that carried it; `complete`
//! sets the new password and signs the user out everywhere. An administrator may instead send a
//! link (`start::send_link`). Wrong codes count towards the account's lockout, and a reset never
//! lifts a lock.

pub mod complete;
pub mod proof;
pub mod start;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::{ErrorCode, MethodId, PasswordResetId, ResetVia, UnixTime};
use crate::error::AppError;
use crate::service::second_factor::code_delivery::{CodeDelivery, ReportsDelivery};
use crate::service::second_factor::MethodSummary;
use crate::store::password_resets::{self as rows, PasswordReset};
use crate::store::tenants::{self, Tenant};
use crate::store::users::{self, User};
use crate::store::AnyConnection;

/// How long a self-service reset stays open.
pub const RESET_TTL_SECS: i64 = 15 * 60;
/// How long an administrator's link works.
pub const LINK_TTL_SECS: i64 = 24 * 3600;
/// Resets with a code a user may have open at once.
pub const MAX_OPEN_PER_USER: i64 = 3;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StartReset {
    /// The tenant's slug (the company ID).
    #[schema(schema_with = crate::domain::schema::slug)]
    pub tenant: String,
    /// The user's email address or username.
    #[schema(example = "alice@example.com")]
    pub identifier: String,
}

impl std::fmt::Debug for StartReset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StartReset").field("tenant", &self.tenant).finish_non_exhaustive()
    }
}

/// The same for every request: whether a code was sent is told only to the user, by the
/// message itself.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResetStarted {
    #[schema(format = Uuid)]
    pub reset_id: String,
    #[schema(format = DateTime)]
    pub expires_at: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetCode {
    /// The 6-digit code from the email or SMS (or the `code` of an administrator's link).
    #[schema(example = "123456")]
    pub code: String,
}

impl std::fmt::Debug for ResetCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ResetCode { .. }")
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetSecondFactor {
    /// A code of the method being asked for (the app's, or the one sent by SMS or email).
    #[schema(example = "123456")]
    pub code: Option<String>,
    /// One of the user's recovery codes, instead of `code`.
    pub recovery_code: Option<String>,
    /// When the method asked for is `webauthn`: the key's answer to `webauthn`,
    /// `credential.toJSON()`.
    #[schema(value_type = Option<crate::service::second_factor::webauthn::wire::AuthenticationResponseJson>)]
    pub credential: Option<crate::service::second_factor::webauthn::wire::CredentialResponse>,
}

impl std::fmt::Debug for ResetSecondFactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ResetSecondFactor { .. }")
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetSwitchMethod {
    /// One of the `methods` offered for the second step.
    #[schema(schema_with = crate::domain::schema::uuid)]
    pub method_id: MethodId,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompleteReset {
    #[schema(example = "a new and longer passphrase", min_length = 8, max_length = 256)]
    pub new_password: String,
}

impl std::fmt::Debug for CompleteReset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CompleteReset { .. }")
    }
}

/// What follows a right code; `status` tells which.
#[derive(Debug, Serialize, ToSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)] // built once per request and serialized at once
pub enum ResetProgress {
    /// The user has a second factor: prove it with `POST /password-reset/{id}/second-factor`.
    SecondFactorRequired(ResetSecondStep),
    /// Choose the new password: `POST /password-reset/{id}/complete`.
    NewPasswordRequired(ResetReady),
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResetSecondStep {
    #[schema(format = Uuid)]
    pub reset_id: String,
    #[schema(format = DateTime)]
    pub expires_at: String,
    /// The method asked for first. For `sms` and `email` a code was sent.
    pub method: Option<MethodSummary>,
    /// The methods that may prove the second factor: every one but the one that carried the
    /// reset code (switch with `POST /password-reset/{id}/method`).
    pub methods: Vec<MethodSummary>,
    /// Whether a recovery code may be sent instead.
    pub recovery_codes_available: bool,
    /// Whether a code went out to `method`.
    pub code_sent: bool,
    /// Why no code went out now although one was queued: `delivery_delayed` (the gateway failed
    /// in a way Latchkey retries: the code is on its way, it may take a minute; do not ask for
    /// another) or `delivery_failed` (refused for good: use another method).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_error: Option<ErrorCode>,
    /// With `delivery_error`: what to tell the person, in plain words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_message: Option<String>,
    /// When `method` is `webauthn`: the options listing the user's keys (answer with
    /// `credential` at `POST /password-reset/{id}/second-factor`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<crate::service::second_factor::webauthn::wire::RequestOptionsJson>)]
    pub webauthn: Option<crate::service::second_factor::webauthn::wire::RequestOptions>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResetReady {
    #[schema(format = Uuid)]
    pub reset_id: String,
    #[schema(format = DateTime)]
    pub expires_at: String,
}

/// The second step after a switch of method (or a resend to the same one).
#[derive(Debug, Serialize, ToSchema)]
pub struct ResetMethodState {
    #[schema(format = Uuid)]
    pub reset_id: String,
    pub method: MethodSummary,
    /// When the code just sent expires (absent for TOTP).
    #[schema(format = DateTime)]
    pub code_expires_at: Option<String>,
    /// How many more codes the second step may send.
    pub sends_remaining: i32,
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
    /// When `method` is `webauthn`: the options listing the user's keys.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<crate::service::second_factor::webauthn::wire::RequestOptionsJson>)]
    pub webauthn: Option<crate::service::second_factor::webauthn::wire::RequestOptions>,
}

/// The new password is set; every session, refresh token and remembered device of the user
/// was revoked.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResetDone {
    /// A reset never lifts a lock: when the account is locked, sign-in waits until then.
    #[schema(format = DateTime)]
    pub locked_until: Option<String>,
}

fn not_found() -> AppError {
    AppError::NotFound { code: ErrorCode::PasswordResetNotFound, what: "password reset" }
}

fn expired() -> AppError {
    AppError::gone(ErrorCode::PasswordResetExpired, "this password reset has ended or expired: start a new one")
}

fn incomplete(message: &str) -> AppError {
    AppError::conflict(ErrorCode::PasswordResetIncomplete, message)
}

/// An open reset, locked for the rest of the transaction, with what it belongs to.
struct Locked {
    reset: PasswordReset,
    /// The user and tenant, when the reset belongs to an account and a code was sent.
    account: Option<(User, Tenant)>,
    /// The tenant named in the request, if it exists (a row without an account has one too).
    tenant: Option<Tenant>,
}

/// Takes the reset's row lock (every step of one reset runs one after another, then takes the
/// user's: the same order as a login challenge), and reads it with its user and tenant. A reset
/// is over once the password changed after it began (this reset or another completed, a password
/// change), and a self-service one once its tenant left self-service.
fn lock(c: &mut AnyConnection, id: &PasswordResetId, now: UnixTime) -> Result<Locked, AppError> {
    if !rows::lock_open(c, id)? {
        return Err(if rows::find(c, id)?.is_some() { expired() } else { not_found() });
    }
    let reset = rows::find(c, id)?.ok_or_else(not_found)?;
    if reset.expires_at <= now {
        return Err(expired());
    }
    let account = match (&reset.tenant_id, &reset.user_id, &reset.code_hash) {
        (Some(tenant), Some(user), Some(_)) => users::find_with_tenant(c, tenant, user)?,
        _ => None,
    };
    if account.as_ref().is_some_and(|(user, _)| user.password_changed_at > reset.created_at) {
        return Err(expired());
    }
    let tenant = match (&account, &reset.tenant_id) {
        (Some((_, t)), _) => Some(t.clone()),
        (None, Some(id)) => tenants::find_by_id(c, id)?,
        (None, None) => None,
    };
    if let (Some(t), ResetVia::Code) = (&tenant, reset.via) {
        refuse_for_tenant(t)?;
    }
    Ok(Locked { reset, account, tenant })
}

/// Refusals that hold for every account of the tenant (so they tell nothing about one).
fn refuse_for_tenant(tenant: &Tenant) -> Result<(), AppError> {
    if tenant.policy.password_reset == crate::domain::PasswordResetMode::AdminOnly {
        return Err(disabled());
    }
    if let Some(url) = tenant.sso_url() {
        return Err(AppError::SsoRequired { url: url.to_owned() });
    }
    Ok(())
}

/// Whether a password login by this user, from this address, would be asked for a second
/// factor (no remembered device counts here). When it would not, the code that reached a proven
/// destination is the one proof a reset needs; when it would, a second, independent one.
fn login_asks_second_factor(
    c: &mut AnyConnection,
    tenant: &Tenant,
    user: &User,
    client_ip: Option<std::net::IpAddr>,
) -> Result<bool, AppError> {
    let (facts, _) = crate::service::policy::gather(c, tenant, user, client_ip, false)?;
    Ok(crate::auth::policy::evaluate(&facts).decision != crate::auth::policy::Decision::Authenticate)
}

fn disabled() -> AppError {
    AppError::Forbidden {
        code: ErrorCode::PasswordResetDisabled,
        message: "your organisation resets passwords only through an administrator: ask yours".into(),
    }
}

/// The keyed hash of a destination that carried a reset code (the row keeps no address).
fn carrier_hash(state: &crate::state::AppState, destination: &str) -> String {
    state.codes.hash("password-reset-carrier", destination)
}

/// The context a second-step code is bound to (and that supersedes an older one).
fn second_context(id: &PasswordResetId) -> String {
    format!("{id}/second-factor")
}

/// Queues a fresh reset code to `to` (leased to the caller, who sends it after the commit) and
/// returns it with the code's keyed hash, bound to `context`. The pumping guard and the SMS
/// budget apply as to every message.
fn queue_code(
    c: &mut AnyConnection,
    state: &crate::state::AppState,
    (tenant, user): (&Tenant, &User),
    (channel, to): (crate::domain::Channel, &str),
    context: &str,
    now: UnixTime,
) -> Result<(crate::service::outbox::Queued, String), AppError> {
    use crate::auth::codes;
    let code = codes::new_code();
    let hash = state.codes.hash(context, &code);
    let mut message =
        crate::delivery::templates::password_reset_code(channel, to, &tenant.name, &code, codes::CODE_TTL_SECS);
    message.context = Some(context.to_owned());
    let owner = (tenant, Some(&user.id));
    let queued = crate::service::outbox::enqueue(c, state, owner, message, now + codes::CODE_TTL_SECS, now)?;
    Ok((queued, hash))
}

impl ReportsDelivery for ResetProgress {
    fn report(&mut self, delivery: CodeDelivery) {
        if let ResetProgress::SecondFactorRequired(step) = self {
            step.report(delivery);
        }
    }
}
