//! The one check of a second factor, for every place that asks for one: a login's `/verify`,
//! confirming a method the user is adding, and a password reset's second step (step-up is a
//! login challenge). It knows each kind of proof (an authenticator-app code, whose time step is
//! consumed so it works once; a code Latchkey sent, checked against its keyed hash until it
//! expires; a recovery code, consumed), and what a wrong one does: it counts towards the
//! account's one second-factor lockout (every method, every place), is audited with the place's
//! event, and locks the account at the tenant's threshold, with the notice. A new kind of proof
//! plugs in here once.

use super::{count_wrong_code, method_totp_params};
use crate::auth::codes;
use crate::auth::totp;
use crate::domain::{AuditEvent, MethodKind, UnixTime};
use crate::error::AppError;
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

/// What the person typed, for which method.
pub enum Presented<'a> {
    /// A code of `method`: from the app (TOTP), or the one Latchkey sent (`sent`).
    Code { method: &'a Method, code: &'a str, sent: SentCode<'a> },
    /// One of the user's recovery codes.
    RecoveryCode(&'a str),
}

impl Presented<'_> {
    /// What was tried, for audit details and metrics: the method's kind, or `recovery_code`.
    pub fn kind(&self) -> &'static str {
        match self {
            Presented::Code { method, .. } => method.kind.as_str(),
            Presented::RecoveryCode(_) => "recovery_code",
        }
    }
}

/// Where the check is made: the account and client, and the audit event of a wrong attempt.
pub struct Attempt<'a> {
    pub tenant: &'a Tenant,
    pub user: &'a User,
    pub client: &'a ClientInfo,
    pub event: AuditEvent,
}

/// `Ok(())` when the proof is right (a TOTP step or a recovery code is consumed: a second use,
/// also a concurrent one, is refused); `Err(outcome)` when it is wrong, already counted and
/// audited. Call inside the transaction, and commit a wrong attempt before answering.
pub fn check(
    c: &mut AnyConnection,
    state: &AppState,
    attempt: &Attempt<'_>,
    presented: &Presented<'_>,
    now: UnixTime,
) -> Result<Result<(), FailureOutcome>, AppError> {
    let right = match presented {
        Presented::RecoveryCode(code) => super::recovery::consume(c, state, &attempt.user.id, code, now)?,
        Presented::Code { method, code, sent } => {
            let code = codes::normalize_code(code);
            if method.kind == MethodKind::Totp {
                totp_matches(c, state, method, &code, now)?
            } else {
                match (sent.hash, sent.expires_at) {
                    (Some(hash), Some(expires)) if expires > now => state.codes.matches(sent.context, &code, hash),
                    _ => false,
                }
            }
        }
    };
    if right {
        return Ok(Ok(()));
    }
    let (tenant, user) = (attempt.tenant, attempt.user);
    let detail = Some(presented.kind());
    Ok(Err(count_wrong_code(c, state, tenant, user, attempt.client, attempt.event, detail, now)?))
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
        Some(step) => Ok(methods::accept_totp_step(c, &method.id, step)?),
        None => Ok(false),
    }
}
