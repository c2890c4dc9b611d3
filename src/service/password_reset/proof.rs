//! The proofs of a reset: the code that reached a verified address, then (for a user with a
//! second factor) a method delivering elsewhere, or a recovery code.
//!
//! The reset code stands in for the password, so it is treated like one: a wrong code counts
//! towards the password lockout, and the answer is a bare `invalid_code` (no attempts left, no
//! lock), the same for an account that does not exist. While the account is locked, for any
//! reason, no code is checked: every code fails the same way, so guessing goes nowhere and the
//! lock is not revealed. The second step is the second factor, treated as at `/verify`: wrong
//! codes count towards the second-factor lockout and the answer says how many remain.

use super::{
    carrier_hash, disabled, expired, incomplete, lock, login_asks_second_factor, queue_code, second_context, Locked,
    ResetCode, ResetMethodState, ResetProgress, ResetReady, ResetSecondFactor, ResetSecondStep, ResetSwitchMethod,
};
use crate::auth::codes::{self, CODE_TTL_SECS, MAX_SENDS_PER_CHALLENGE, RESEND_COOLDOWN_SECS};
use crate::clock::rfc3339;
use crate::domain::{
    AuditEvent, AuditOutcome, ErrorCode, MethodId, MethodKind, PasswordResetId, PasswordResetMode, ResetVia, UnixTime,
};
use crate::error::AppError;
use crate::service::outbox::{self, Queued};
use crate::service::second_factor::webauthn::{self, wire::RequestOptions};
use crate::service::second_factor::{
    channel_of,
    check::{check, one_proof, Attempt, Presented, SentCode},
    recovery, MethodSummary, Pending,
};
use crate::service::sessions::ClientInfo;
use crate::service::{audit, login, policy};
use crate::state::AppState;
use crate::store::methods::{self, Method};
use crate::store::password_resets::{self as rows, PasswordReset};
use crate::store::tenants::Tenant;
use crate::store::users::{self, User};
use crate::store::AnyConnection;

/// A step's answer, decided in the transaction. `Ok(Err(e))` commits what the step wrote (a
/// counted failure) and then refuses with `e`.
type Committed<T> = Result<Result<T, AppError>, AppError>;

/// The account of a reset at its second step, refusing it while the account is locked (as
/// `/verify` does, whatever caused the lock).
fn unlocked_account(c: &mut AnyConnection, locked: &Locked, now: UnixTime) -> Committed<(User, Tenant)> {
    let (user, tenant) = locked.account.clone().ok_or_else(|| incomplete("verify the reset code first"))?;
    if !user.active {
        return Err(expired());
    }
    Ok(match users::hold(c, &user.id, now)? {
        Some(lock) => Err(AppError::locked_until(lock.until, now)),
        None => Ok((user, tenant)),
    })
}

/// `POST /password-reset/{id}/verify`: the code that reached the user (or the administrator's link).
pub fn verify(
    state: &AppState,
    id: &PasswordResetId,
    input: &ResetCode,
    client: &ClientInfo,
) -> Result<Pending<ResetProgress>, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| -> Committed<_> {
        let locked = lock(c, id, now)?;
        if locked.reset.code_verified_at.is_some() {
            return Err(AppError::conflict(ErrorCode::AlreadyConfirmed, "the code was already verified: go on"));
        }
        let Some((user, tenant)) = locked.account.clone().filter(|(user, _)| user.active) else {
            return no_account(c, &locked, client, now);
        };
        let event = AuditEvent::PasswordResetVerify;
        if users::hold(c, &user.id, now)?.is_some() {
            // Locked: no code is checked, and the answer is the one of a wrong code.
            audit::entry(event, AuditOutcome::Locked).tenant(&tenant.id).user(&user.id).by(client).record(c, now)?;
            return Ok(Err(AppError::InvalidResetCode));
        }
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
            login::count_wrong_password(c, state, (&tenant, &user), client, event, now)?;
            return Ok(Err(AppError::InvalidResetCode));
        }
        let detail = Some(reset.via.as_str());
        audit::entry(event, AuditOutcome::Success)
            .tenant(&tenant.id)
            .user(&user.id)
            .by(client)
            .detail_opt(detail)
            .record(c, now)?;
        // An administrator's link vouches for the user; a code proves one factor, so a user whom
        // login asks for a second factor proves it too.
        let active = methods::active_for_user(c, &user.id)?;
        let self_service_of_second_factor_user =
            tenant.policy.password_reset == PasswordResetMode::SelfServiceWithoutSecondFactorUsers;
        let one_proof_enough = reset.via == ResetVia::Link
            || active.is_empty()
            || (!self_service_of_second_factor_user && !login_asks_second_factor(c, &tenant, &user, client.ip)?);
        if one_proof_enough {
            rows::mark_code_verified(c, id, false, now)?;
            let ready = ResetReady { reset_id: id.to_string(), expires_at: rfc3339(reset.expires_at) };
            return Ok(Ok(Pending::answer(ResetProgress::NewPasswordRequired(ready))));
        }
        if self_service_of_second_factor_user {
            return Err(disabled()); // a second factor set up since the code went out
        }
        let options = second_options(state, reset, &tenant, &active);
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
        let mut key_options = None;
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
            // After the method is set (which forgets any ceremony of an earlier one).
            if method.kind == MethodKind::Webauthn {
                key_options = Some(start_key_ceremony(c, state, id, &tenant, &options)?);
            }
        }
        let step = ResetSecondStep {
            reset_id: id.to_string(),
            expires_at: rfc3339(reset.expires_at),
            method: first.as_ref().map(MethodSummary::of),
            methods: options.iter().map(MethodSummary::of).collect(),
            recovery_codes_available,
            code_sent: queued.is_some(),
            delivery_error: None,
            delivery_message: None,
            webauthn: key_options,
        };
        Ok(Ok(Pending::new(ResetProgress::SecondFactorRequired(step), queued)))
    })?
}

/// A reset of no account (or one nothing was sent for): every code is wrong, answered as a wrong
/// code is for an account, after the same kind of write.
fn no_account<T>(c: &mut AnyConnection, locked: &Locked, client: &ClientInfo, now: UnixTime) -> Committed<T> {
    let tenant_id = locked.tenant.as_ref().map(|t| &t.id);
    let (event, outcome) = (AuditEvent::PasswordResetVerify, AuditOutcome::Failure);
    audit::entry(event, outcome).tenant_opt(tenant_id).by(client).detail("no_account").record(c, now)?;
    Ok(Err(AppError::InvalidResetCode))
}

/// The methods that may prove the second factor: those policy offers at login, but none that
/// delivers to where the reset code went.
fn second_options(state: &AppState, reset: &PasswordReset, tenant: &Tenant, active: &[Method]) -> Vec<Method> {
    let carrier = reset.carrier_hash.as_deref();
    let keys: Vec<MethodId> = webauthn::assertion::usable(state, tenant, active).iter().map(|k| k.id.clone()).collect();
    policy::offered(active, tenant)
        .into_iter()
        // A key made for another relying party cannot sign here.
        .filter(|m| m.kind != MethodKind::Webauthn || keys.contains(&m.id))
        .filter(|m| m.destination.as_deref().map(|d| carrier_hash(state, d)).as_deref() != carrier || carrier.is_none())
        .collect()
}

/// Opens the authentication ceremony of the second step's keys (every usable key among
/// `options`) and keeps its state with the reset.
fn start_key_ceremony(
    c: &mut AnyConnection,
    state: &AppState,
    id: &PasswordResetId,
    tenant: &Tenant,
    options: &[Method],
) -> Result<RequestOptions, AppError> {
    let keys: Vec<&Method> = options.iter().filter(|m| m.kind == MethodKind::Webauthn).collect();
    let (request, ceremony) = webauthn::assertion::start(state, tenant, &keys)?;
    rows::set_second_webauthn_state(c, id, &ceremony)?;
    Ok(RequestOptions(request))
}

/// Points the second step at `method` and, for SMS and email, sends it a code (queued first: a
/// refusal by the pumping guard, the SMS budget or the country list leaves the step as it was).
fn send_second_code(
    c: &mut AnyConnection,
    state: &AppState,
    reset: &PasswordReset,
    account: (&Tenant, &User),
    method: &Method,
    now: UnixTime,
) -> Result<Option<Queued>, AppError> {
    let (Some(channel), Some(to)) = (channel_of(method.kind), method.destination.as_deref()) else {
        rows::set_second_method(c, &reset.id, &method.id)?;
        return Ok(None);
    };
    let context = second_context(&reset.id);
    let (queued, hash) = queue_code(c, state, account, (channel, to), &context, now)?;
    rows::set_second_method(c, &reset.id, &method.id)?;
    rows::record_second_send(c, &reset.id, &hash, now + CODE_TTL_SECS, now)?;
    Ok(Some(queued))
}

/// The reset, locked, at its second step with its account unlocked; or why not.
fn second_step(c: &mut AnyConnection, id: &PasswordResetId, now: UnixTime) -> Committed<(Locked, User, Tenant)> {
    let locked = lock(c, id, now)?;
    at_second_step(&locked)?;
    Ok(unlocked_account(c, &locked, now)?.map(|(user, tenant)| (locked, user, tenant)))
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
    one_proof(input.code.is_some(), input.recovery_code.is_some(), input.credential.is_some())?;
    let answer = input.credential.as_ref().map(|c| webauthn::assertion::parse(&c.0)).transpose()?;
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| -> Committed<_> {
        let (locked, user, tenant) = match second_step(c, id, now)? {
            Ok(step) => step,
            Err(refusal) => return Ok(Err(refusal)),
        };
        let reset = &locked.reset;
        let method = match &input.recovery_code {
            Some(_) => None,
            None => match &reset.second_method_id {
                Some(m) => Some(
                    methods::find_for_user(c, &user.id, m)?
                        .filter(Method::is_active)
                        .ok_or_else(|| incomplete("choose a method first: POST /password-reset/{id}/method"))?,
                ),
                None => return Err(incomplete("choose a method first: POST /password-reset/{id}/method")),
            },
        };
        let context = second_context(id);
        let active = methods::active_for_user(c, &user.id)?;
        let offered = second_options(state, reset, &tenant, &active);
        let keys: Vec<&Method> = offered.iter().filter(|m| m.kind == MethodKind::Webauthn).collect();
        let key_in_play = method.as_ref().is_some_and(|m| m.kind == MethodKind::Webauthn);
        if input.recovery_code.is_none() && key_in_play != answer.is_some() {
            return Err(AppError::conflict(
                ErrorCode::WrongProof,
                "the method asked for takes another proof: a code, or your key's answer as credential",
            ));
        }
        let presented = match (&input.recovery_code, &method, &answer) {
            (Some(code), _, _) => Presented::RecoveryCode(code),
            (None, Some(_), Some(response)) => {
                Presented::Assertion { keys: &keys, ceremony: reset.second_webauthn_state.as_deref(), response }
            }
            (None, Some(method), None) => Presented::Code {
                method,
                code: input.code.as_deref().unwrap_or_default(),
                sent: SentCode {
                    context: &context,
                    hash: reset.second_code_hash.as_deref(),
                    expires_at: reset.second_code_expires_at,
                },
            },
            (None, None, _) => return Err(incomplete("choose a method first: POST /password-reset/{id}/method")),
        };
        let detail = presented.kind();
        let event = AuditEvent::PasswordResetSecondFactor;
        let attempt = Attempt { tenant: &tenant, user: &user, client, event };
        if let Err(wrong) = check(c, state, &attempt, &presented, now)? {
            return Ok(Err(wrong.into_error(now)));
        }
        rows::mark_second_factor(c, id, now)?;
        audit::entry(event, AuditOutcome::Success)
            .tenant(&tenant.id)
            .user(&user.id)
            .by(client)
            .detail(detail)
            .record(c, now)?;
        let ready = ResetReady { reset_id: id.to_string(), expires_at: rfc3339(reset.expires_at) };
        Ok(Ok(ResetProgress::NewPasswordRequired(ready)))
    })?
}

/// `POST /password-reset/{id}/method`: asks for another of the offered methods (or a new code
/// of the same one), with the cooldown and the cap of a login challenge.
pub fn switch_method(
    state: &AppState,
    id: &PasswordResetId,
    input: &ResetSwitchMethod,
) -> Result<Pending<ResetMethodState>, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| -> Committed<_> {
        let (locked, user, tenant) = match second_step(c, id, now)? {
            Ok(step) => step,
            Err(refusal) => return Ok(Err(refusal)),
        };
        let reset = &locked.reset;
        let active = methods::active_for_user(c, &user.id)?;
        let Some(method) = second_options(state, reset, &tenant, &active).into_iter().find(|m| m.id == input.method_id)
        else {
            return Err(AppError::conflict(
                ErrorCode::MethodNotActive,
                "this method cannot prove the second factor of this reset: choose one of `methods`",
            ));
        };
        if channel_of(method.kind).is_some() {
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
        let queued = send_second_code(c, state, reset, (&tenant, &user), &method, now)?;
        let key_options = if method.kind == MethodKind::Webauthn {
            let options = second_options(state, reset, &tenant, &active);
            Some(start_key_ceremony(c, state, id, &tenant, &options)?)
        } else {
            None
        };
        let sends = reset.second_sends + i32::from(queued.is_some());
        let answer = ResetMethodState {
            reset_id: id.to_string(),
            method: MethodSummary::of(&method),
            code_expires_at: queued.as_ref().map(|_| rfc3339(now + CODE_TTL_SECS)),
            sends_remaining: (MAX_SENDS_PER_CHALLENGE - sends).max(0),
            code_sent: queued.is_some(),
            delivery_error: None,
            delivery_message: None,
            webauthn: key_options,
        };
        Ok(Ok(Pending::new(answer, queued)))
    })?
}
