//! The second factor: login challenges, enrollment (at login and self-service), verification
//! with lockout, recovery codes and remembered devices.

pub mod challenge;
pub mod check;
pub mod code_delivery;
pub mod devices;
pub mod enrollment;
pub mod methods;
pub mod recovery;
pub mod skip;
pub mod verify;
pub mod webauthn;

pub use code_delivery::{CodeDelivery, Pending, ReportsDelivery};

use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::codes;
use crate::auth::totp::TotpParams;
use crate::clock::rfc3339;
use crate::delivery::{templates, Channel};
use crate::domain::{AuditEvent, Email, ErrorCode, LockReason, MethodKind, MethodStatus, PhoneNumber, UnixTime};
use crate::error::AppError;
use crate::service::audit;
use crate::service::notices::{self, Notice};
use crate::service::outbox::{self, Queued};
use crate::service::sessions::ClientInfo;
use crate::state::AppState;
use crate::store::methods::Method;
use crate::store::tenants::Tenant;
use crate::store::users::{self, FailureOutcome, User};
use crate::store::AnyConnection;

/// A method as a client sees it: never the secret, never the full destination.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MethodSummary {
    #[schema(format = Uuid)]
    pub id: String,
    pub kind: MethodKind,
    /// What tells the method apart for the user, never the full destination: for `sms` the
    /// phone number masked but for its country code and last two digits (`+358 ••• •• 67`), for
    /// `email` the address masked but for the first and last letters of its local part and its
    /// domain (`a•••e@example.com`), for `totp` the words `authenticator app`, for `webauthn` the
    /// key's name (or `passkey` / `security key`).
    #[schema(example = "+358 ••• •• 67")]
    pub hint: String,
    pub primary: bool,
    /// The tenant no longer allows this kind: it is not offered at login.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub disabled: bool,
    /// `pending` until a code confirms it, then `active`.
    pub status: MethodStatus,
    /// SMS: `true` when the method uses the profile's phone number and follows it when an
    /// administrator changes it; `false` when a number was typed at enrollment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follows_profile: Option<bool>,
    /// The name the user gave the method (`webauthn`: "YubiKey 5").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "YubiKey 5")]
    pub name: Option<String>,
    /// `webauthn`: registered for passkey sign-in (discoverable, user verification required).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passkey: Option<bool>,
    /// `webauthn`: the authenticator model the key reported (its own claim without attestation).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = Uuid)]
    pub aaguid: Option<String>,
    /// `webauthn`: whether the credential is backed up (a synced passkey).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_state: Option<bool>,
    /// `webauthn`: whether the authenticator said it stored the credential (usable to sign in
    /// with a passkey); a hint from the browser.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discoverable: Option<bool>,
    /// When the method last proved a sign-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = DateTime)]
    pub last_used_at: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
}

impl MethodSummary {
    pub fn of(method: &Method) -> Self {
        let hint = match (method.kind, &method.destination) {
            (MethodKind::Sms, Some(phone)) => {
                PhoneNumber::parse(phone).map(|p| p.hint()).unwrap_or_else(|_| "••••".into())
            }
            (MethodKind::Email, Some(email)) => Email::parse(email).map(|e| e.hint()).unwrap_or_else(|_| "•••".into()),
            (MethodKind::Sms | MethodKind::Email, None) => "••••".into(),
            (MethodKind::Totp, _) => "authenticator app".into(),
            (MethodKind::Webauthn, _) => match (&method.name, method.passkey) {
                (Some(name), _) => name.clone(),
                (None, true) => "passkey".into(),
                (None, false) => "security key".into(),
            },
        };
        let key = method.kind == MethodKind::Webauthn;
        Self {
            id: method.id.to_string(),
            kind: method.kind,
            hint,
            primary: method.is_primary,
            disabled: false,
            status: method.status,
            follows_profile: (method.kind == MethodKind::Sms).then_some(method.follows_profile),
            name: method.name.clone(),
            passkey: key.then_some(method.passkey),
            aaguid: method.aaguid.clone().filter(|_| key),
            backup_state: method.backup_state.filter(|_| key),
            discoverable: method.discoverable.filter(|_| key),
            last_used_at: method.last_used_at.map(rfc3339),
            created_at: rfc3339(method.created_at),
        }
    }
}

impl MethodSummary {
    pub fn disabled_unless(mut self, allowed: bool) -> Self {
        self.disabled = !allowed;
        self
    }
}

/// What an authenticator app needs to add the account.
#[derive(Serialize, ToSchema)]
pub struct TotpSetup {
    /// Base32; for typing into an app that cannot scan ("secret key").
    pub secret: String,
    #[schema(
        format = "uri",
        example = "otpauth://totp/Acme%20Clinic:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme%20Clinic&algorithm=SHA1&digits=6&period=30"
    )]
    pub otpauth_uri: String,
    /// A PNG of the QR code of `otpauth_uri`, base64.
    #[schema(content_encoding = "base64", content_media_type = "image/png")]
    pub qr_png_base64: String,
}

impl std::fmt::Debug for TotpSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TotpSetup(<redacted>)")
    }
}

/// The answer to enrolling a method: a TOTP setup to scan, a code sent to confirm, or the
/// options for the browser to create a key with.
#[derive(Debug, Serialize, ToSchema)]
pub struct Enrollment {
    pub method: MethodSummary,
    /// Present for `totp`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totp: Option<TotpSetup>,
    /// Present for `webauthn`: pass `publicKey` to `PublicKeyCredential.parseCreationOptionsFromJSON`,
    /// then `navigator.credentials.create`, and send `credential.toJSON()` back to confirm.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<webauthn::wire::CreationOptionsJson>)]
    pub webauthn: Option<webauthn::wire::CreationOptions>,
    /// For `sms` and `email`: when the code sent expires.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = DateTime)]
    pub code_expires_at: Option<String>,
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
}

/// The delivery channel of a kind whose codes Latchkey sends.
pub fn channel_of(kind: MethodKind) -> Option<Channel> {
    match kind {
        MethodKind::Sms => Some(Channel::Sms),
        MethodKind::Email => Some(Channel::Email),
        MethodKind::Totp | MethodKind::Webauthn => None,
    }
}

pub fn tenant_totp_params(tenant: &Tenant) -> Result<TotpParams, AppError> {
    TotpParams::new(&tenant.totp_algorithm, tenant.totp_digits, tenant.totp_period)
}

pub fn method_totp_params(method: &Method) -> Result<TotpParams, AppError> {
    TotpParams::new(
        method.totp_algorithm.as_deref().unwrap_or("SHA1"),
        method.totp_digits.unwrap_or(6),
        method.totp_period.unwrap_or(30),
    )
}

/// A code sent to the profile's own address and typed back proves that address: it may then
/// carry password-reset codes.
pub fn mark_email_proven(c: &mut AnyConnection, user: &User, method: &Method, now: UnixTime) -> Result<(), AppError> {
    let proves_profile = method.kind == MethodKind::Email && method.destination.as_deref() == Some(user.email.as_str());
    if proves_profile && !user.email_verified {
        let changes = users::UserChanges { email_verified: Some(true), updated_at: Some(now), ..Default::default() };
        users::update(c, &user.id, &changes)?;
    }
    Ok(())
}

/// A fresh code for a destination: the message to send and the keyed hash to store,
/// bound to `context` (the challenge or method the code belongs to).
pub fn new_code_message(
    c: &mut AnyConnection,
    state: &AppState,
    context: &str,
    method: &Method,
    tenant: &Tenant,
    now: UnixTime,
) -> Result<(Queued, String), AppError> {
    let channel = channel_of(method.kind).ok_or_else(|| AppError::internal("codes are only sent for sms and email"))?;
    let to = method.destination.as_deref().ok_or_else(|| AppError::internal("method without a destination"))?;
    let code = codes::new_code();
    let hash = state.codes.hash(context, &code);
    let web_host = tenant.policy.web_origin_host();
    let mut message = templates::code(channel, to, &tenant.name, &code, codes::CODE_TTL_SECS, web_host.as_deref());
    message.context = Some(context.to_owned());
    // The message expires with its code: an undelivered code is never sent late.
    let owner = (tenant, Some(&method.user_id));
    let queued = outbox::enqueue(c, state, owner, message, now + codes::CODE_TTL_SECS, now)?;
    Ok((queued, hash))
}

/// Counts a wrong code (any method, recovery codes included) towards the user's lockout and
/// audits it. Call inside the transaction, and commit: the caller answers after.
#[allow(clippy::too_many_arguments)]
pub fn count_wrong_code(
    c: &mut AnyConnection,
    state: &AppState,
    tenant: &Tenant,
    user: &User,
    client: &ClientInfo,
    event: AuditEvent,
    detail: Option<&str>,
    now: UnixTime,
) -> Result<FailureOutcome, AppError> {
    let outcome = users::record_failure(
        c,
        &user.id,
        LockReason::SecondFactor,
        tenant.second_factor_lockout_threshold,
        tenant.lockout_duration_secs,
        now,
    )?;
    audit::failed_attempt(c, tenant, user, client, event, detail, outcome, now)?;
    if let FailureOutcome::LockedNow { .. } = outcome {
        metrics::counter!("latchkey_account_locks_total", "reason" => "second_factor").increment(1);
        notices::send(c, state, (tenant, user), Notice::AccountLocked, client, now)?;
    }
    Ok(outcome)
}
