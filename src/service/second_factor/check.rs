//! The one check of a second factor, for every place that asks for one: a login's `/verify`,
//! confirming a method the user is adding, and a password reset's second step (step-up is a
//! login challenge). It knows each kind of proof (an authenticator-app code, whose time step is
//! consumed so it works once; a code Latchkey sent, checked against its keyed hash until it
//! expires; a recovery code, consumed; a security key's signature over the challenge's
//! ceremony, whose counter must go up; a new key's registration), and what a wrong one does: it
//! counts towards the account's one second-factor lockout (every method, every place), is
//! audited with the place's event, and locks the account at the tenant's threshold, with the
//! notice. A new kind of proof plugs in here once.

use webauthn_rs::prelude::{PublicKeyCredential, RegisterPublicKeyCredential};

use super::webauthn::{assertion, registration, Refusal};
use super::{count_wrong_code, method_totp_params};
use crate::auth::codes;
use crate::auth::totp;
use crate::domain::{AuditEvent, AuditOutcome, ErrorCode, MethodId, MethodKind, UnixTime};
use crate::error::AppError;
use crate::service::audit;
use crate::service::notices::{self, Notice};
use crate::service::sessions::ClientInfo;
use crate::state::AppState;
use crate::store::methods::{self, Method};
use crate::store::tenants::Tenant;
use crate::store::users::{FailureOutcome, User};
use crate::store::AnyConnection;

/// A code Latchkey sent for this attempt: its keyed hash, the context it was hashed under, and
/// when it stops working.
#[derive(Clone, Copy)]
pub struct SentCode<'a> {
    pub context: &'a str,
    pub hash: Option<&'a str>,
    pub expires_at: Option<UnixTime>,
}

/// What the person presented, for which method.
pub enum Presented<'a> {
    /// A code of `method`: from the app (TOTP), or the one Latchkey sent (`sent`).
    Code { method: &'a Method, code: &'a str, sent: SentCode<'a> },
    /// One of the user's recovery codes.
    RecoveryCode(&'a str),
    /// A key's answer to the authentication ceremony kept with the challenge, by one of `keys`.
    Assertion { keys: &'a [&'a Method], ceremony: Option<&'a str>, response: &'a PublicKeyCredential },
    /// A new key's answer to the registration ceremony of its pending `method`.
    Registration { method: &'a Method, response: &'a RegisterPublicKeyCredential },
}

impl Presented<'_> {
    /// What was tried, for audit details and metrics: the method's kind, or `recovery_code`.
    pub fn kind(&self) -> &'static str {
        match self {
            Presented::Code { method, .. } => method.kind.as_str(),
            Presented::RecoveryCode(_) => "recovery_code",
            Presented::Assertion { .. } | Presented::Registration { .. } => MethodKind::Webauthn.as_str(),
        }
    }
}

/// A second factor is one proof: `400 code_required` for none, `400 invalid_body` for more than
/// one of a code, a recovery code and a key's answer.
pub fn one_proof(code: bool, recovery_code: bool, credential: bool) -> Result<(), AppError> {
    match [code, recovery_code, credential].iter().filter(|given| **given).count() {
        0 => Err(AppError::validation(ErrorCode::CodeRequired, "send code, recovery_code or credential")),
        1 => Ok(()),
        _ => Err(AppError::validation(ErrorCode::InvalidBody, "send only one of code, recovery_code and credential")),
    }
}

/// Where the check is made: the account and client, and the audit event of a wrong attempt.
pub struct Attempt<'a> {
    pub tenant: &'a Tenant,
    pub user: &'a User,
    pub client: &'a ClientInfo,
    pub event: AuditEvent,
}

/// What a right proof proved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Proven {
    /// A code of the method presented.
    Code,
    RecoveryCode,
    /// This key signed (its counter recorded), or was registered (its credential stored).
    Key(MethodId),
}

/// A wrong proof, counted and audited.
#[derive(Debug, Clone, Copy)]
pub struct Wrong {
    pub outcome: FailureOutcome,
    /// For a key: why it was refused.
    pub refusal: Option<Refusal>,
}

impl Wrong {
    /// What the client is told: the lock, or the refusal with the attempts left.
    pub fn into_error(self, now: UnixTime) -> AppError {
        match (self.outcome, self.refusal) {
            (FailureOutcome::LockedNow { until } | FailureOutcome::AlreadyLocked { until }, _) => {
                AppError::locked_until(until, now)
            }
            (FailureOutcome::Counted { remaining }, None) => AppError::InvalidCode { attempts_remaining: remaining },
            (FailureOutcome::Counted { remaining }, Some(refusal)) => {
                AppError::KeyRefused { code: refusal.code(), attempts_remaining: Some(remaining) }
            }
        }
    }
}

impl Refusal {
    pub fn code(self) -> ErrorCode {
        match self {
            Refusal::UserNotVerified => ErrorCode::UserVerificationRequired,
            Refusal::Invalid | Refusal::CounterRegression => ErrorCode::InvalidCredential,
        }
    }
}

/// `Ok(proven)` when the proof is right (a TOTP step, a recovery code or a key's counter is
/// consumed: a second use, also a concurrent one, is refused); `Err(wrong)` when it is wrong,
/// already counted and audited. Call inside the transaction, and commit a wrong attempt before
/// answering.
pub fn check(
    c: &mut AnyConnection,
    state: &AppState,
    attempt: &Attempt<'_>,
    presented: &Presented<'_>,
    now: UnixTime,
) -> Result<Result<Proven, Wrong>, AppError> {
    let verdict: Result<Proven, Option<Refusal>> = match presented {
        Presented::RecoveryCode(code) => {
            if super::recovery::consume(c, state, &attempt.user.id, code, now)? {
                Ok(Proven::RecoveryCode)
            } else {
                Err(None)
            }
        }
        Presented::Code { method, code, sent } => {
            let code = codes::normalize_code(code);
            let right = match method.kind {
                MethodKind::Totp => totp_matches(c, state, method, &code, now)?,
                MethodKind::Sms | MethodKind::Email => match (sent.hash, sent.expires_at) {
                    (Some(hash), Some(expires)) if expires > now => state.codes.matches(sent.context, &code, hash),
                    _ => false,
                },
                // A key answers with a signature, never a code.
                MethodKind::Webauthn => false,
            };
            if right {
                if method.kind.is_delivered() {
                    methods::touch(c, &method.id, now)?;
                }
                Ok(Proven::Code)
            } else {
                Err(None)
            }
        }
        Presented::Assertion { keys, ceremony, response } => {
            match assertion::finish(state, attempt.tenant, *ceremony, keys, response)? {
                Ok(signed) => {
                    let counter = i64::from(signed.counter);
                    if methods::record_key_use(c, &signed.key.id, counter, signed.backup_state, now)? {
                        Ok(Proven::Key(signed.key.id.clone()))
                    } else {
                        Err(Some(Refusal::CounterRegression))
                    }
                }
                Err(refusal) => Err(Some(refusal)),
            }
        }
        Presented::Registration { method, response } => {
            match registration::finish(state, attempt.tenant, method, response)? {
                // `false`: a credential id the tenant already holds (a forged one, the same key
                // twice, or a concurrent registration): refused like any answer that does not verify.
                Ok(credential) => match methods::store_credential(c, &method.id, &credential)? {
                    true => Ok(Proven::Key(method.id.clone())),
                    false => Err(Some(Refusal::Invalid)),
                },
                Err(refusal) => Err(Some(refusal)),
            }
        }
    };
    let refusal = match verdict {
        Ok(proven) => return Ok(Ok(proven)),
        Err(refusal) => refusal,
    };
    let (tenant, user) = (attempt.tenant, attempt.user);
    if refusal == Some(Refusal::CounterRegression) {
        counter_regression(c, state, attempt, now)?;
    }
    let detail = Some(presented.kind());
    let outcome = count_wrong_code(c, state, tenant, user, attempt.client, attempt.event, detail, now)?;
    Ok(Err(Wrong { outcome, refusal }))
}

/// A key whose counter went back (a copied key, or a replayed answer): audited, announced to the
/// tenant's webhooks, and the user hears of it.
pub fn counter_regression(
    c: &mut AnyConnection,
    state: &AppState,
    attempt: &Attempt<'_>,
    now: UnixTime,
) -> Result<(), AppError> {
    metrics::counter!("latchkey_webauthn_counter_regressions_total").increment(1);
    audit::entry(AuditEvent::WebauthnCounterRegression, AuditOutcome::Failure)
        .tenant(&attempt.tenant.id)
        .user(&attempt.user.id)
        .by(attempt.client)
        .record(c, now)?;
    notices::send(c, state, (attempt.tenant, attempt.user), Notice::KeyCounterWentBack, attempt.client, now)
}

/// Checks a TOTP code and consumes its time step.
pub fn totp_matches(
    c: &mut AnyConnection,
    state: &AppState,
    method: &Method,
    code: &str,
    now: UnixTime,
) -> Result<bool, AppError> {
    let sealed = method.totp_secret.as_deref().ok_or_else(|| AppError::internal("TOTP method without a secret"))?;
    let secret = state.secrets.open(method.id.as_str().as_bytes(), sealed)?;
    let params = method_totp_params(method)?;
    match totp::matching_step(&secret, params, code, now) {
        Some(step) => Ok(methods::accept_totp_step(c, &method.id, step, now)?),
        None => Ok(false),
    }
}
