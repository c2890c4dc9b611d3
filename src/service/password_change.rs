//! `POST /me/password`: a signed-in user changes their password. The current password is checked
//! like at login (a wrong one counts towards the password lockout); the new one follows the
//! password rules. The user's other sessions and remembered devices end; this session stays.

use std::sync::Arc;

use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::password::{self, Verification};
use crate::domain::{AuditEvent, AuditOutcome, ErrorCode, LockReason};
use crate::error::AppError;
use crate::service::notices::{self, Notice};
use crate::service::sessions::{AccessContext, ClientInfo};
use crate::service::{audit, login, second_factor};
use crate::state::AppState;
use crate::store::{sessions, users};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePassword {
    #[schema(example = "correct horse battery staple")]
    pub current_password: String,
    #[schema(example = "a new and longer passphrase", min_length = 8, max_length = 256)]
    pub new_password: String,
}

impl std::fmt::Debug for ChangePassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChangePassword { .. }")
    }
}

pub async fn change(
    state: Arc<AppState>,
    ctx: AccessContext,
    input: ChangePassword,
    client: ClientInfo,
) -> Result<(), AppError> {
    let user = &ctx.user;
    password::validate_new_password(
        &input.new_password,
        user.email.as_str(),
        user.username.as_ref().map(|u| u.as_str()),
    )?;
    if input.current_password.chars().count() > password::MAX_PASSWORD_CHARS {
        return Err(AppError::Forbidden {
            code: ErrorCode::InvalidCurrentPassword,
            message: "the current password is not right".into(),
        });
    }
    let s = state.clone();
    let (current, stored, new) = (input.current_password, user.password_hash.clone(), input.new_password);
    let (verification, new_hash) = state
        .hash_pool
        .run(move || match s.passwords.verify(&current, Some(&stored)) {
            Verification::Match { .. } => Ok((Verification::Match { rehash: None }, Some(s.passwords.hash(&new)?))),
            Verification::Mismatch => Ok((Verification::Mismatch, None)),
        })
        .await?;
    let s = state.clone();
    tokio::task::spawn_blocking(move || record(&s, &ctx, verification, new_hash, &client))
        .await
        .map_err(AppError::internal)?
}

fn record(
    state: &AppState,
    ctx: &AccessContext,
    verification: Verification,
    new_hash: Option<String>,
    client: &ClientInfo,
) -> Result<(), AppError> {
    let (tenant, user) = (&ctx.tenant, &ctx.user);
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| -> Result<Result<(), AppError>, AppError> {
        if let Some(lock) = users::hold(c, &user.id, now)? {
            return Ok(Err(AppError::locked_until(lock.until, now)));
        }
        // Changed meanwhile (another session, an admin): the current password checked may be old.
        let fresh = users::find_in_tenant(c, &tenant.id, &user.id)?.ok_or(AppError::not_found("user"))?;
        let (Verification::Match { .. }, Some(new_hash), true) =
            (verification, new_hash, fresh.password_hash == user.password_hash)
        else {
            login::count_wrong_password(c, state, (tenant, user), client, AuditEvent::PasswordChanged, now)?;
            return Ok(Err(AppError::Forbidden {
                code: ErrorCode::InvalidCurrentPassword,
                message: "the current password is not right".into(),
            }));
        };
        users::set_password(c, &user.id, &new_hash, now)?;
        users::reset_failures(c, &user.id, LockReason::Password)?;
        sessions::revoke_others_for_user(c, &user.id, &ctx.session.id, "password_changed", now)?;
        second_factor::devices::revoke_all(c, &user.id, now)?;
        audit::entry(AuditEvent::PasswordChanged, AuditOutcome::Success)
            .tenant(&tenant.id)
            .user(&user.id)
            .by(client)
            .record(c, now)?;
        notices::send(c, state, (tenant, user), Notice::PasswordChanged, client, now)?;
        Ok(Ok(()))
    })?
}
