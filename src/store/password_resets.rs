//! Password resets: a code (or an administrator's link) proves an address, then the second
//! factor when the user has one, then the new password. Open while neither ended nor expired.

use super::prepared::execute_prepared;
use diesel::prelude::*;

use crate::domain::{MethodId, PasswordResetId, ResetOutcome, ResetVia, TenantId, UnixTime, UserId};

use super::schema::password_resets as r;
use super::{AnyConnection, StoreError};

#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = r)]
pub struct PasswordReset {
    pub id: PasswordResetId,
    /// `None`: the tenant named in the request does not exist.
    pub tenant_id: Option<TenantId>,
    /// `None`: no such account (the reset fails like a wrong code).
    pub user_id: Option<UserId>,
    pub via: ResetVia,
    /// Keyed hash of the destination that carried the code.
    pub carrier_hash: Option<String>,
    /// `None`: nothing was sent (no account, no verified address, or policy refused).
    pub code_hash: Option<String>,
    pub code_expires_at: Option<UnixTime>,
    pub attempts: i32,
    pub code_verified_at: Option<UnixTime>,
    pub second_factor_required: bool,
    pub second_method_id: Option<MethodId>,
    pub second_code_hash: Option<String>,
    pub second_code_expires_at: Option<UnixTime>,
    pub second_sends: i32,
    pub second_last_sent_at: Option<UnixTime>,
    pub second_factor_at: Option<UnixTime>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    pub ended_at: Option<UnixTime>,
    pub outcome: Option<ResetOutcome>,
    /// While the second step asks for a key: the authentication ceremony's state.
    pub second_webauthn_state: Option<String>,
}

impl std::fmt::Debug for PasswordReset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordReset").field("id", &self.id).field("via", &self.via).finish_non_exhaustive()
    }
}

impl PasswordReset {
    pub fn is_open(&self, now: UnixTime) -> bool {
        self.ended_at.is_none() && self.expires_at > now
    }
}

pub fn insert(conn: &mut AnyConnection, reset: &PasswordReset) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(r::table).values(reset), conn)?;
    Ok(())
}

pub fn find(conn: &mut AnyConnection, id: &PasswordResetId) -> Result<Option<PasswordReset>, StoreError> {
    Ok(r::table.find(id).select(PasswordReset::as_select()).first(conn).optional()?)
}

/// Takes the reset's row lock for the rest of the transaction and counts the attempt, so
/// concurrent steps of one reset run one after another. `false` when it has ended (or does not
/// exist).
pub fn lock_open(conn: &mut AnyConnection, id: &PasswordResetId) -> Result<bool, StoreError> {
    let n = execute_prepared!(
        diesel::update(r::table.find(id).filter(r::ended_at.is_null())).set(r::attempts.eq(r::attempts + 1)),
        conn
    )?;
    Ok(n == 1)
}

/// The user's resets that carry a code and are still open (the cap of open resets).
pub fn open_with_code(conn: &mut AnyConnection, user_id: &UserId, now: UnixTime) -> Result<i64, StoreError> {
    Ok(r::table
        .filter(r::user_id.eq(user_id))
        .filter(r::ended_at.is_null())
        .filter(r::expires_at.gt(now))
        .filter(r::code_hash.is_not_null())
        .count()
        .get_result(conn)?)
}

/// Takes the reset's row lock for the rest of the transaction (a no-op write).
pub fn lock(conn: &mut AnyConnection, id: &PasswordResetId) -> Result<(), StoreError> {
    execute_prepared!(diesel::update(r::table.find(id)).set(r::attempts.eq(r::attempts)), conn)?;
    Ok(())
}

/// Records the code sent for a reset (and the keyed hash of where it went).
pub fn set_code(
    conn: &mut AnyConnection,
    id: &PasswordResetId,
    carrier_hash: &str,
    code_hash: &str,
    code_expires_at: UnixTime,
) -> Result<(), StoreError> {
    execute_prepared!(
        diesel::update(r::table.find(id)).set((
            r::carrier_hash.eq(carrier_hash),
            r::code_hash.eq(code_hash),
            r::code_expires_at.eq(code_expires_at)
        )),
        conn
    )?;
    Ok(())
}

/// The code was right: what comes next.
pub fn mark_code_verified(
    conn: &mut AnyConnection,
    id: &PasswordResetId,
    second_factor_required: bool,
    now: UnixTime,
) -> Result<(), StoreError> {
    execute_prepared!(
        diesel::update(r::table.find(id))
            .set((r::code_verified_at.eq(now), r::second_factor_required.eq(second_factor_required))),
        conn
    )?;
    Ok(())
}

/// Points the second step at a method and forgets any code sent for another.
pub fn set_second_method(conn: &mut AnyConnection, id: &PasswordResetId, method: &MethodId) -> Result<(), StoreError> {
    execute_prepared!(
        diesel::update(r::table.find(id)).set((
            r::second_method_id.eq(method),
            r::second_code_hash.eq(None::<String>),
            r::second_code_expires_at.eq(None::<i64>),
            r::second_webauthn_state.eq(None::<String>),
        )),
        conn
    )?;
    Ok(())
}

/// Keeps the authentication ceremony of the second step's keys.
pub fn set_second_webauthn_state(
    conn: &mut AnyConnection,
    id: &PasswordResetId,
    state: &str,
) -> Result<(), StoreError> {
    execute_prepared!(diesel::update(r::table.find(id)).set(r::second_webauthn_state.eq(Some(state))), conn)?;
    Ok(())
}

/// Records a code sent for the second step; it replaces any earlier one.
pub fn record_second_send(
    conn: &mut AnyConnection,
    id: &PasswordResetId,
    code_hash: &str,
    code_expires_at: UnixTime,
    now: UnixTime,
) -> Result<(), StoreError> {
    execute_prepared!(
        diesel::update(r::table.find(id)).set((
            r::second_code_hash.eq(code_hash),
            r::second_code_expires_at.eq(code_expires_at),
            r::second_sends.eq(r::second_sends + 1),
            r::second_last_sent_at.eq(now),
        )),
        conn
    )?;
    Ok(())
}

pub fn mark_second_factor(conn: &mut AnyConnection, id: &PasswordResetId, now: UnixTime) -> Result<(), StoreError> {
    execute_prepared!(diesel::update(r::table.find(id)).set(r::second_factor_at.eq(now)), conn)?;
    Ok(())
}

/// Ends one open reset: true for exactly one caller.
pub fn end(
    conn: &mut AnyConnection,
    id: &PasswordResetId,
    outcome: ResetOutcome,
    now: UnixTime,
) -> Result<bool, StoreError> {
    let n = execute_prepared!(
        diesel::update(r::table.find(id).filter(r::ended_at.is_null()))
            .set((r::ended_at.eq(now), r::outcome.eq(outcome))),
        conn
    )?;
    Ok(n == 1)
}

/// Takes the row locks of the user's open resets (a no-op write), before any other lock.
pub fn lock_open_for_user(conn: &mut AnyConnection, user_id: &UserId) -> Result<(), StoreError> {
    diesel::update(r::table.filter(r::user_id.eq(user_id)).filter(r::ended_at.is_null()))
        .set(r::attempts.eq(r::attempts))
        .execute(conn)?;
    Ok(())
}

/// Ends every open reset of the user (a completed reset, an administrator's new link).
pub fn supersede_for_user(conn: &mut AnyConnection, user_id: &UserId, now: UnixTime) -> Result<usize, StoreError> {
    Ok(diesel::update(r::table.filter(r::user_id.eq(user_id)).filter(r::ended_at.is_null()))
        .set((r::ended_at.eq(now), r::outcome.eq(ResetOutcome::Superseded)))
        .execute(conn)?)
}

/// Deletes resets that expired before `before` (the outbox worker's clean-up).
pub fn purge_expired(conn: &mut AnyConnection, before: UnixTime) -> Result<usize, StoreError> {
    Ok(diesel::delete(r::table.filter(r::expires_at.lt(before))).execute(conn)?)
}
