//! Self-service management of one's methods, and the admin's reset and unlock.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::challenge::ensure_unlocked;
use super::check::{check, Attempt, Presented, SentCode, Wrong};
use super::webauthn::{self, wire::CredentialResponse};
use super::{devices, recovery, MethodSummary};
use crate::auth::policy::{effective_mode, TwoFactorMode};
use crate::domain::{AuditEvent, AuditOutcome, ErrorCode, LockReason, MethodId, MethodKind, Slug, UserId};
use crate::error::AppError;
use crate::service::access::{tenant_for, Need, Principal};
use crate::service::audit;
use crate::service::notices::{self, Notice};
use crate::service::sessions::{self, require_second_factor, AccessContext, ClientInfo};
use crate::state::AppState;
use crate::store::groups;
use crate::store::methods::{self as rows, Method};
use crate::store::recovery_codes;
use crate::store::users;

#[derive(Debug, Serialize, ToSchema)]
pub struct MethodList {
    pub methods: Vec<MethodSummary>,
    pub recovery_codes_remaining: i64,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmMethod {
    /// The code from the app, SMS or email (`totp`, `sms`, `email`).
    #[schema(example = "123456")]
    pub code: Option<String>,
    /// For `webauthn`: the key's registration response, `credential.toJSON()`.
    #[schema(value_type = Option<webauthn::wire::RegistrationResponseJson>)]
    pub credential: Option<CredentialResponse>,
}

pub fn list(state: &AppState, ctx: &AccessContext) -> Result<MethodList, AppError> {
    let mut conn = state.db.get()?;
    Ok(MethodList {
        methods: rows::list_for_user(&mut conn, &ctx.user.id)?
            .iter()
            .map(|m| MethodSummary::of(m).disabled_unless(ctx.tenant.policy.allows(m.kind)))
            .collect(),
        recovery_codes_remaining: recovery::remaining(&mut conn, &ctx.user.id)?,
    })
}

fn require_method(c: &mut crate::store::AnyConnection, ctx: &AccessContext, id: &MethodId) -> Result<Method, AppError> {
    rows::find_for_user(c, &ctx.user.id, id)?.ok_or(AppError::not_found("method"))
}

enum Confirmation {
    Confirmed(Box<Method>),
    Wrong(Wrong),
}

/// Confirms a pending method with a code from it. A wrong code counts towards the lockout;
/// a right one also lifts this session to "passed a second factor".
pub fn confirm(
    state: &AppState,
    ctx: &AccessContext,
    id: &MethodId,
    input: ConfirmMethod,
    client: &ClientInfo,
) -> Result<MethodSummary, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    let outcome = state.db.transaction_on(&mut conn, |c| -> Result<Confirmation, AppError> {
        let user = users::find_in_tenant(c, &ctx.tenant.id, &ctx.user.id)?.ok_or(AppError::not_found("user"))?;
        ensure_unlocked(c, &user, now)?;
        let method = require_method(c, ctx, id)?;
        if method.is_active() {
            return Err(AppError::conflict(ErrorCode::AlreadyConfirmed, "this method is already confirmed"));
        }
        super::challenge::refuse_if_sso(&ctx.tenant)?;
        super::challenge::refuse_unless_allowed(&ctx.tenant, method.kind)?;
        // Confirming lifts the session to "passed a second factor" only for a user's first
        // method; with others in place the session must have passed one already.
        if !rows::active_for_user(c, &user.id)?.is_empty() {
            require_second_factor(ctx)?;
        }
        let sent = SentCode {
            context: method.id.as_str(),
            hash: method.code_hash.as_deref(),
            expires_at: method.code_expires_at,
        };
        if input.code.is_some() && input.credential.is_some() {
            return Err(AppError::validation(ErrorCode::InvalidBody, "send code or credential, not both"));
        }
        let registration;
        let presented = match (method.kind, &input.code, &input.credential) {
            (MethodKind::Webauthn, None, Some(credential)) => {
                registration = webauthn::registration::parse(&credential.0)?;
                Presented::Registration { method: &method, response: &registration }
            }
            (MethodKind::Webauthn, None, None) => {
                return Err(AppError::validation(
                    ErrorCode::CodeRequired,
                    "send the key's registration response as credential",
                ))
            }
            (MethodKind::Webauthn, _, _) => {
                return Err(AppError::conflict(
                    ErrorCode::WrongProof,
                    "this method is a security key: send its registration response as credential",
                ))
            }
            (_, Some(code), None) => Presented::Code { method: &method, code, sent },
            (_, None, None) => return Err(AppError::validation(ErrorCode::CodeRequired, "send the code")),
            (_, _, Some(_)) => {
                return Err(AppError::conflict(ErrorCode::WrongProof, "this method takes a code, not a key's answer"))
            }
        };
        let attempt = Attempt { tenant: &ctx.tenant, user: &user, client, event: AuditEvent::MethodConfirm };
        if let Err(wrong) = check(c, state, &attempt, &presented, now)? {
            return Ok(Confirmation::Wrong(wrong));
        }
        rows::activate(c, &user.id, &method.id, now)?;
        users::reset_failures(c, &user.id, LockReason::SecondFactor)?;
        sessions::add_factors(c, &ctx.session, &[method.kind.amr(), "mfa"])?;
        audit::entry(AuditEvent::MethodEnrolled, AuditOutcome::Success)
            .tenant(&ctx.tenant.id)
            .user(&user.id)
            .by(client)
            .detail(method.kind.as_str())
            .record(c, now)?;
        notices::send(c, state, (&ctx.tenant, &user), Notice::MethodAdded(method.kind), client, now)?;
        super::mark_email_proven(c, &user, &method, now)?;
        Ok(Confirmation::Confirmed(Box::new(rows::find_for_user(c, &user.id, &method.id)?.unwrap_or(method))))
    })?;
    match outcome {
        Confirmation::Confirmed(method) => Ok(MethodSummary::of(&method)),
        Confirmation::Wrong(wrong) => Err(wrong.into_error(now)),
    }
}

pub fn set_primary(
    state: &AppState,
    ctx: &AccessContext,
    id: &MethodId,
    client: &ClientInfo,
) -> Result<MethodSummary, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| {
        // Changes to one user's methods run one after another (no lock-order deadlock with a removal).
        users::hold(c, &ctx.user.id, now)?;
        let method = require_method(c, ctx, id)?;
        if !method.is_active() {
            return Err(AppError::conflict(ErrorCode::MethodNotActive, "confirm the method before making it primary"));
        }
        rows::set_primary(c, &ctx.user.id, &method.id)?;
        audit::entry(AuditEvent::PrimaryChanged, AuditOutcome::Success)
            .tenant(&ctx.tenant.id)
            .user(&ctx.user.id)
            .by(client)
            .detail(method.kind.as_str())
            .record(c, now)?;
        let method = require_method(c, ctx, id)?;
        Ok(MethodSummary::of(&method))
    })
}

/// Removes a method. An active one needs a session that passed a second factor, and under
/// `required` the last active method stays. Remembered devices are forgotten.
pub fn remove(state: &AppState, ctx: &AccessContext, id: &MethodId, client: &ClientInfo) -> Result<(), AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| {
        // Removals of one user run one after another, so two cannot both see "another method left".
        users::hold(c, &ctx.user.id, now)?;
        let method = require_method(c, ctx, id)?;
        if method.is_active() {
            require_second_factor(ctx)?;
            let active = rows::active_for_user(c, &ctx.user.id)?;
            // Held to the mode of tenant and groups: after `required → optional` the last method
            // may go; under `required` (and not exempt) it stays.
            let groups: Vec<_> =
                groups::of_user(c, &ctx.user.id)?.into_iter().map(|g| (g.name, g.two_factor)).collect();
            let (mode, _) = effective_mode(ctx.tenant.two_factor, &groups);
            let required = mode == TwoFactorMode::Required;
            if required && active.len() == 1 && !ctx.user.two_factor_exempt {
                return Err(AppError::conflict(
                    ErrorCode::LastMethod,
                    "your organisation requires a second factor: add another method first",
                ));
            }
        }
        rows::delete(c, &ctx.user.id, &method.id)?;
        rows::ensure_primary(c, &ctx.user.id)?;
        if rows::active_for_user(c, &ctx.user.id)?.is_empty() {
            recovery_codes::delete_all(c, &ctx.user.id)?;
        }
        if method.is_active() {
            devices::revoke_all(c, &ctx.user.id, now)?;
        }
        audit::entry(AuditEvent::MethodRemoved, AuditOutcome::Success)
            .tenant(&ctx.tenant.id)
            .user(&ctx.user.id)
            .by(client)
            .detail(method.kind.as_str())
            .record(c, now)?;
        notices::send(c, state, (&ctx.tenant, &ctx.user), Notice::MethodRemoved(method.kind), client, now)
    })
}

/// Admin: removes every method and recovery code of a user and forgets their devices; at the
/// next login the user enrolls again (under `required`).
pub fn reset_for_user(state: &AppState, principal: &Principal, slug: &Slug, user_id: &UserId) -> Result<(), AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN.recent())?;
    state.db.transaction_on(&mut conn, |c| {
        let user = users::find_in_tenant(c, &tenant.id, user_id)?.ok_or(AppError::not_found("user"))?;
        principal.may_act_on(&user)?;
        users::hold(c, &user.id, now)?;
        rows::delete_all_for_user(c, &user.id)?;
        recovery_codes::delete_all(c, &user.id)?;
        devices::revoke_all(c, &user.id, now)?;
        audit::entry(AuditEvent::MethodsReset, AuditOutcome::Success)
            .tenant(&tenant.id)
            .user(&user.id)
            .actor(principal)
            .record(c, now)
    })
}

/// Admin: lifts a lockout and clears both failure counters.
pub fn unlock(state: &AppState, principal: &Principal, slug: &Slug, user_id: &UserId) -> Result<(), AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN)?;
    state.db.transaction_on(&mut conn, |c| {
        let user = users::find_in_tenant(c, &tenant.id, user_id)?.ok_or(AppError::not_found("user"))?;
        users::unlock(c, &user.id)?;
        audit::entry(AuditEvent::AccountUnlocked, AuditOutcome::Success)
            .tenant(&tenant.id)
            .user(&user.id)
            .actor(principal)
            .record(c, now)
    })
}
