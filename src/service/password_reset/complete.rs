//! `POST /password-reset/{id}/complete`: the new password, once every proof is in. It follows
//! the password rules, signs the user out everywhere (sessions, their refresh tokens, remembered
//! devices), ends the user's other resets and login challenges, is audited and noticed, and never
//! lifts a lock.

use std::sync::Arc;

use super::{expired, incomplete, lock, not_found, CompleteReset, ResetDone};
use crate::auth::password;
use crate::clock::rfc3339;
use crate::domain::{AuditEvent, AuditOutcome, PasswordResetId, ResetOutcome, ResetVia, UnixTime, Username};
use crate::error::AppError;
use crate::service::audit;
use crate::service::notices::{self, Notice};
use crate::service::second_factor::devices;
use crate::service::sessions::ClientInfo;
use crate::state::AppState;
use crate::store::password_resets::{self as rows, PasswordReset};
use crate::store::{sessions, users};

/// Every proof the reset needs is in.
fn ready(reset: &PasswordReset, now: UnixTime) -> Result<(), AppError> {
    if !reset.is_open(now) {
        return Err(expired());
    }
    if reset.code_verified_at.is_none() {
        return Err(incomplete("verify the reset code first"));
    }
    if reset.second_factor_required && reset.second_factor_at.is_none() {
        return Err(incomplete("prove the second factor first"));
    }
    Ok(())
}

pub async fn complete(
    state: Arc<AppState>,
    id: PasswordResetId,
    input: CompleteReset,
    client: ClientInfo,
) -> Result<ResetDone, AppError> {
    // Checked before hashing, so an unfinished reset cannot buy argon2 work.
    let s = state.clone();
    let rid = id.clone();
    let user = tokio::task::spawn_blocking(move || -> Result<users::User, AppError> {
        let mut conn = s.db.get()?;
        let reset = rows::find(&mut conn, &rid)?.ok_or_else(not_found)?;
        ready(&reset, s.now())?;
        let (Some(tenant_id), Some(user_id)) = (&reset.tenant_id, &reset.user_id) else { return Err(expired()) };
        users::find_in_tenant(&mut conn, tenant_id, user_id)?.ok_or_else(expired)
    })
    .await
    .map_err(AppError::internal)??;
    password::validate_new_password(
        &input.new_password,
        user.email.as_str(),
        user.username.as_ref().map(Username::as_str),
    )?;
    let s = state.clone();
    let new_password = input.new_password;
    let hash = state.hash_pool.run(move || s.passwords.hash(&new_password)).await?;
    let s = state.clone();
    tokio::task::spawn_blocking(move || finish(&s, &id, &hash, &client)).await.map_err(AppError::internal)?
}

fn finish(state: &AppState, id: &PasswordResetId, hash: &str, client: &ClientInfo) -> Result<ResetDone, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| {
        let locked = lock(c, id, now)?;
        ready(&locked.reset, now)?;
        let Some((user, tenant)) = locked.account else { return Err(expired()) };
        if !user.active {
            return Err(expired());
        }
        // Read under the user's row lock; reported, never changed.
        let held = users::hold(c, &user.id, now)?;
        if !rows::end(c, id, ResetOutcome::Completed, now)? {
            return Err(expired());
        }
        users::set_password(c, &user.id, hash, now)?;
        if locked.reset.via == ResetVia::Link && !user.email_verified {
            // The link reached the profile's address: it is proven.
            let changes =
                users::UserChanges { email_verified: Some(true), updated_at: Some(now), ..Default::default() };
            users::update(c, &user.id, &changes)?;
        }
        let signed_out = sessions::revoke_all_for_user(c, &user.id, "password_reset", now)?;
        devices::revoke_all(c, &user.id, now)?;
        // The user's other resets and open login challenges end with the old password: both are
        // over once `password_changed_at` is later than their start (see `lock` and
        // `challenge::open`); no row of theirs is locked here, so no lock order is inverted.
        let detail = format!("{}; {signed_out} sessions revoked", locked.reset.via.as_str());
        let (event, outcome) = (AuditEvent::PasswordResetCompleted, AuditOutcome::Success);
        audit::entry(event, outcome).tenant(&tenant.id).user(&user.id).by(client).detail(&detail).record(c, now)?;
        notices::send(c, state, (&tenant, &user), Notice::PasswordReset, client, now)?;
        Ok(ResetDone { locked_until: held.map(|lock| rfc3339(lock.until)) })
    })
}
