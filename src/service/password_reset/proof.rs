//! The proofs of a reset: the code that reached a verified address, then (for a user with a
//! second factor) a method other than that address, or a recovery code. Wrong codes count
//! towards the account's lockout, as at `/verify`; a reset of no account fails the same way.

use super::{
    carrier_destination, expired, incomplete, lock, queue_code, second_context, Locked, ResetCode, ResetMethodState,
    ResetProgress, ResetReady, ResetSecondFactor, ResetSecondStep, ResetSwitchMethod,
};
use crate::auth::codes::{self, CODE_TTL_SECS, MAX_SENDS_PER_CHALLENGE, RESEND_COOLDOWN_SECS};
use crate::clock::rfc3339;
use crate::domain::{AuditEvent, AuditOutcome, ErrorCode, MethodKind, PasswordResetId, ResetVia, UnixTime};
use crate::error::AppError;
use crate::service::outbox::{self, Queued};
use crate::service::second_factor::{
    channel_of, count_wrong_code, recovery, verify::totp_matches, wrong_code_error, MethodSummary,
};
use crate::service::sessions::ClientInfo;
use crate::service::{audit, policy, tenants};
use crate::state::AppState;
use crate::store::methods::{self, Method};
use crate::store::password_resets as rows;
use crate::store::tenants::Tenant;
use crate::store::users::{self, FailureOutcome, User};
use crate::store::AnyConnection;

/// A step's verdict, decided in the transaction and answered after its commit (a wrong code is
/// committed, then refused).
enum Verdict<T> {
    Passed(T),
    Wrong(FailureOutcome),
    Locked(UnixTime),
}

fn answer<T>(verdict: Verdict<T>, now: UnixTime) -> Result<T, AppError> {
    match verdict {
        Verdict::Passed(value) => Ok(value),
        Verdict::Wrong(outcome) => Err(wrong_code_error(outcome, now)),
        Verdict::Locked(until) => Err(AppError::locked_until(until, now)),
    }
}

/// The account of a reset, refusing steps while it is locked after second-factor failures
/// (every factor is covered by the lock; a password lock does not stop a reset, and is kept).
fn account_unless_locked(
    c: &mut AnyConnection,
    locked: &Locked,
    now: UnixTime,
) -> Result<Result<(User, Tenant), UnixTime>, AppError> {
    let (user, tenant) = locked.account.clone().ok_or_else(|| incomplete("verify the reset code first"))?;
    if !user.active {
        return Err(expired());
    }
    match users::hold(c, &user.id, now)? {
        Some(lock) if lock.by_second_factor() => Ok(Err(lock.until)),
        _ => Ok(Ok((user, tenant))),
    }
}

/// `POST /password-reset/{id}/verify`: the code that reached the user (or the administrator's link).
pub fn verify(
    state: &AppState,
    id: &PasswordResetId,
    input: &ResetCode,
    client: &ClientInfo,
) -> Result<(ResetProgress, Option<Queued>), AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    let verdict = state.db.transaction_on(&mut conn, |c| -> Result<Verdict<_>, AppError> {
        let locked = lock(c, id, now)?;
        if locked.reset.code_verified_at.is_some() {
            return Err(AppError::conflict(ErrorCode::AlreadyConfirmed, "the code was already verified: go on"));
        }
        if locked.account.is_none() {
            return pretend(c, &locked, client, now);
        }
        let (user, tenant) = match account_unless_locked(c, &locked, now)? {
            Ok(account) => account,
            Err(until) => return Ok(Verdict::Locked(until)),
        };
        let reset = &locked.reset;
        let presented = match reset.via {
            ResetVia::Code => codes::normalize_code(&input.code),
            ResetVia::Link => input.code.trim().to_owned(),
        };
        let right = match (&reset.code_hash, reset.code_expires_at) {
            (Some(hash), Some(expires)) if expires > now => state.codes.matches(reset.id.as_str(), &presented, hash),
            _ => false,
        };
        if !right {
            let event = AuditEvent::PasswordResetVerify;
            return Ok(Verdict::Wrong(count_wrong_code(c, state, &tenant, &user, client, event, None, now)?));
        }
        audit::record(
            c,
            Some(&tenant.id),
            Some(&user.id),
            client,
            AuditEvent::PasswordResetVerify,
            AuditOutcome::Success,
            Some(reset.via.as_str()),
            now,
        )?;
        // An administrator's link vouches for the user; a code proves one factor, so a user with a
        // second factor proves it too.
        let active = methods::active_for_user(c, &user.id)?;
        if reset.via == ResetVia::Link || active.is_empty() {
            rows::mark_code_verified(c, id, false, now)?;
            let ready = ResetReady { reset_id: id.to_string(), expires_at: rfc3339(reset.expires_at) };
            return Ok(Verdict::Passed((ResetProgress::NewPasswordRequired(ready), None)));
        }
        let options = second_options(c, reset, &tenant, &user, &active)?;
        let recovery_codes_available = recovery::remaining(c, &user.id)? > 0;
        if options.is_empty() && !recovery_codes_available {
            return Err(AppError::conflict(
                ErrorCode::TwoFactorUnavailable,
                "no second factor other than the one that received the code is left: ask your administrator",
            ));
        }
        rows::mark_code_verified(c, id, true, now)?;
        let first = options.iter().find(|m| m.is_primary).or(options.first()).cloned();
        let mut queued = None;
        if let Some(method) = &first {
            rows::set_second_method(c, id, &method.id)?;
            // A code that cannot go out now does not undo the verified code: the user switches
            // method or asks again (`POST /password-reset/{id}/method`).
            let account = (&tenant, &user);
            queued = outbox::in_savepoint(c, |c| send_second_code(c, state, reset, account, method, now))
                .unwrap_or_else(|e| {
                    tracing::info!(error = %e, "a second-step reset code was not sent");
                    None
                });
        }
        let step = ResetSecondStep {
            reset_id: id.to_string(),
            expires_at: rfc3339(reset.expires_at),
            method: first.as_ref().map(MethodSummary::of),
            methods: options.iter().map(MethodSummary::of).collect(),
            recovery_codes_available,
            code_sent: queued.is_some(),
        };
        Ok(Verdict::Passed((ResetProgress::SecondFactorRequired(step), queued)))
    })?;
    answer(verdict, now)
}

/// A reset of no account (or one nothing was sent for): every code is wrong, counted on the row
/// as an account would count it, and it locks after as many.
fn pretend<T>(
    c: &mut AnyConnection,
    locked: &Locked,
    client: &ClientInfo,
    now: UnixTime,
) -> Result<Verdict<T>, AppError> {
    let reset = &locked.reset;
    if let Some(until) = reset.locked_until.filter(|until| *until > now) {
        return Ok(Verdict::Locked(until));
    }
    let (threshold, lock_secs) = match &locked.tenant {
        Some(t) => (t.second_factor_lockout_threshold, t.lockout_duration_secs),
        None => (tenants::DEFAULT_SECOND_FACTOR_LOCKOUT_THRESHOLD, tenants::DEFAULT_LOCKOUT_SECS),
    };
    audit::record(
        c,
        locked.tenant.as_ref().map(|t| &t.id),
        None,
        client,
        AuditEvent::PasswordResetVerify,
        AuditOutcome::Failure,
        Some(reset.id.as_str()),
        now,
    )?;
    // `attempts` already counts this one (the row lock).
    let remaining = threshold - reset.attempts;
    if remaining <= 0 {
        let until = now + lock_secs;
        rows::set_pretend_lock(c, &reset.id, until)?;
        return Ok(Verdict::Wrong(FailureOutcome::LockedNow { until }));
    }
    Ok(Verdict::Wrong(FailureOutcome::Counted { remaining }))
}

/// The methods that may prove the second factor: those policy offers at login, but none that
/// delivers to where the reset code went.
fn second_options(
    c: &mut AnyConnection,
    reset: &crate::store::password_resets::PasswordReset,
    tenant: &Tenant,
    user: &User,
    active: &[Method],
) -> Result<Vec<Method>, AppError> {
    let carrier = carrier_destination(c, reset, user)?;
    Ok(policy::offered(active, tenant)
        .into_iter()
        .filter(|m| m.destination.as_deref() != Some(carrier.as_str()))
        .collect())
}

/// Sends a code to an SMS or email method for the second step (none for TOTP). A refusal (the
/// pumping guard, the SMS budget, a country not allowed) is the caller's to answer.
fn send_second_code(
    c: &mut AnyConnection,
    state: &AppState,
    reset: &crate::store::password_resets::PasswordReset,
    account: (&Tenant, &User),
    method: &Method,
    now: UnixTime,
) -> Result<Option<Queued>, AppError> {
    let (Some(channel), Some(to)) = (channel_of(method.kind), method.destination.as_deref()) else { return Ok(None) };
    let context = second_context(&reset.id);
    let (queued, hash) = queue_code(c, state, account, (channel, to), &context, now)?;
    rows::record_second_send(c, &reset.id, &hash, now + CODE_TTL_SECS, now)?;
    Ok(Some(queued))
}

/// The reset at its second step, or why it is not there.
fn at_second_step(locked: &Locked) -> Result<(), AppError> {
    let reset = &locked.reset;
    if reset.code_verified_at.is_none() {
        return Err(incomplete("verify the reset code first"));
    }
    if !reset.second_factor_required {
        return Err(incomplete("no second factor is needed: choose the new password"));
    }
    if reset.second_factor_at.is_some() {
        return Err(AppError::conflict(ErrorCode::AlreadyConfirmed, "the second factor was already proven: go on"));
    }
    Ok(())
}

/// `POST /password-reset/{id}/second-factor`: a code of the method asked for, or a recovery code.
pub fn second_factor(
    state: &AppState,
    id: &PasswordResetId,
    input: &ResetSecondFactor,
    client: &ClientInfo,
) -> Result<ResetProgress, AppError> {
    if input.code.is_some() == input.recovery_code.is_some() {
        return Err(AppError::validation(ErrorCode::CodeRequired, "send either code or recovery_code"));
    }
    let now = state.now();
    let mut conn = state.db.get()?;
    let verdict = state.db.transaction_on(&mut conn, |c| -> Result<Verdict<_>, AppError> {
        let locked = lock(c, id, now)?;
        at_second_step(&locked)?;
        let (user, tenant) = match account_unless_locked(c, &locked, now)? {
            Ok(account) => account,
            Err(until) => return Ok(Verdict::Locked(until)),
        };
        let reset = &locked.reset;
        let (right, detail) = match (&input.recovery_code, &input.code) {
            (Some(presented), _) => (recovery::consume(c, state, &user.id, presented, now)?, "recovery_code"),
            (None, code) => {
                let code = codes::normalize_code(code.as_deref().unwrap_or_default());
                let method = match &reset.second_method_id {
                    Some(m) => methods::find_for_user(c, &user.id, m)?.filter(Method::is_active),
                    None => None,
                };
                let Some(method) = method else {
                    return Err(incomplete("choose a method first: POST /password-reset/{id}/method"));
                };
                let right = if method.kind == MethodKind::Totp {
                    totp_matches(c, state, &method, &code, now)?
                } else {
                    match (&reset.second_code_hash, reset.second_code_expires_at) {
                        (Some(hash), Some(expires)) if expires > now => {
                            state.codes.matches(&second_context(id), &code, hash)
                        }
                        _ => false,
                    }
                };
                (right, method.kind.as_str())
            }
        };
        let event = AuditEvent::PasswordResetSecondFactor;
        if !right {
            return Ok(Verdict::Wrong(count_wrong_code(c, state, &tenant, &user, client, event, Some(detail), now)?));
        }
        rows::mark_second_factor(c, id, now)?;
        audit::record(c, Some(&tenant.id), Some(&user.id), client, event, AuditOutcome::Success, Some(detail), now)?;
        let ready = ResetReady { reset_id: id.to_string(), expires_at: rfc3339(reset.expires_at) };
        Ok(Verdict::Passed(ResetProgress::NewPasswordRequired(ready)))
    })?;
    answer(verdict, now)
}

/// `POST /password-reset/{id}/method`: asks for another of the offered methods (or a new code
/// of the same one), with the cooldown and the cap of a login challenge.
pub fn switch_method(
    state: &AppState,
    id: &PasswordResetId,
    input: &ResetSwitchMethod,
) -> Result<(ResetMethodState, Option<Queued>), AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    let verdict = state.db.transaction_on(&mut conn, |c| -> Result<Verdict<_>, AppError> {
        let locked = lock(c, id, now)?;
        at_second_step(&locked)?;
        let (user, tenant) = match account_unless_locked(c, &locked, now)? {
            Ok(account) => account,
            Err(until) => return Ok(Verdict::Locked(until)),
        };
        let reset = &locked.reset;
        let active = methods::active_for_user(c, &user.id)?;
        let options = second_options(c, reset, &tenant, &user, &active)?;
        let Some(method) = options.into_iter().find(|m| m.id == input.method_id) else {
            return Err(AppError::conflict(
                ErrorCode::MethodNotActive,
                "this method cannot prove the second factor of this reset: choose one of `methods`",
            ));
        };
        let delivered = channel_of(method.kind).is_some();
        if delivered {
            if reset.second_sends >= MAX_SENDS_PER_CHALLENGE {
                return Err(AppError::TooManyRequests {
                    code: ErrorCode::ResendLimitReached,
                    message: "no more codes can be sent in this reset: start a new one".into(),
                    retry_after_secs: (reset.expires_at - now).max(1).unsigned_abs(),
                });
            }
            if let Some(last) = reset.second_last_sent_at.filter(|last| *last + RESEND_COOLDOWN_SECS > now) {
                return Err(AppError::TooManyRequests {
                    code: ErrorCode::ResendTooSoon,
                    message: format!("wait {} seconds before asking for a new code", last + RESEND_COOLDOWN_SECS - now),
                    retry_after_secs: (last + RESEND_COOLDOWN_SECS - now).max(1).unsigned_abs(),
                });
            }
        }
        rows::set_second_method(c, id, &method.id)?;
        let queued = send_second_code(c, state, reset, (&tenant, &user), &method, now)?;
        let sends = reset.second_sends + i32::from(queued.is_some());
        let state = ResetMethodState {
            reset_id: id.to_string(),
            method: MethodSummary::of(&method),
            code_expires_at: queued.as_ref().map(|_| rfc3339(now + CODE_TTL_SECS)),
            sends_remaining: (MAX_SENDS_PER_CHALLENGE - sends).max(0),
        };
        Ok(Verdict::Passed((state, queued)))
    })?;
    answer(verdict, now)
}
