use diesel::prelude::*;

use super::prepared::execute_prepared;
use crate::domain::{SessionId, TenantId, UnixTime, UserId};

use super::schema::sessions;
use super::{AnyConnection, StoreError};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = sessions)]
pub struct Session {
    pub id: SessionId,
    pub tenant_id: TenantId,
    pub user_id: UserId,
    /// Space-separated RFC 8176 method references, e.g. "pwd" or "pwd otp mfa".
    pub amr: String,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    pub revoked_at: Option<UnixTime>,
    pub revoked_reason: Option<String>,
}

impl Session {
    pub fn is_live(&self, now: UnixTime) -> bool {
        self.revoked_at.is_none() && self.expires_at > now
    }
}

pub fn insert(conn: &mut AnyConnection, session: &Session) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(sessions::table).values(session), conn)?;
    Ok(())
}

pub fn find(conn: &mut AnyConnection, id: &SessionId) -> Result<Option<Session>, StoreError> {
    Ok(sessions::table.find(id).select(Session::as_select()).first(conn).optional()?)
}

/// Revokes a live session; returns whether it was live.
pub fn revoke(conn: &mut AnyConnection, id: &SessionId, reason: &str, now: UnixTime) -> Result<bool, StoreError> {
    let n = execute_prepared!(
        diesel::update(sessions::table.find(id).filter(sessions::revoked_at.is_null()))
            .set((sessions::revoked_at.eq(now), sessions::revoked_reason.eq(reason))),
        conn
    )?;
    Ok(n == 1)
}

/// Revokes every live session of a user (password change, deactivation).
pub fn revoke_all_for_user(
    conn: &mut AnyConnection,
    user_id: &UserId,
    reason: &str,
    now: UnixTime,
) -> Result<usize, StoreError> {
    Ok(diesel::update(sessions::table.filter(sessions::user_id.eq(user_id)).filter(sessions::revoked_at.is_null()))
        .set((sessions::revoked_at.eq(now), sessions::revoked_reason.eq(reason)))
        .execute(conn)?)
}

/// Revokes every live session of a user but `keep` (a password change keeps the session that made it).
pub fn revoke_others_for_user(
    conn: &mut AnyConnection,
    user_id: &UserId,
    keep: &SessionId,
    reason: &str,
    now: UnixTime,
) -> Result<usize, StoreError> {
    Ok(diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user_id))
            .filter(sessions::id.ne(keep))
            .filter(sessions::revoked_at.is_null()),
    )
    .set((sessions::revoked_at.eq(now), sessions::revoked_reason.eq(reason)))
    .execute(conn)?)
}

/// Whether the user opened a session after `since` (a later second).
pub fn opened_since(conn: &mut AnyConnection, user_id: &UserId, since: UnixTime) -> Result<bool, StoreError> {
    let n: i64 = sessions::table
        .filter(sessions::user_id.eq(user_id))
        .filter(sessions::created_at.gt(since))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// When the user last signed in (the newest session), if ever.
pub fn last_opened(conn: &mut AnyConnection, user_id: &UserId) -> Result<Option<UnixTime>, StoreError> {
    Ok(sessions::table
        .filter(sessions::user_id.eq(user_id))
        .select(diesel::dsl::max(sessions::created_at))
        .first::<Option<UnixTime>>(conn)?)
}

/// Revokes every live session of a tenant (its users now sign in elsewhere).
pub fn revoke_all_for_tenant(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
    reason: &str,
    now: UnixTime,
) -> Result<usize, StoreError> {
    Ok(diesel::update(sessions::table.filter(sessions::tenant_id.eq(tenant_id)).filter(sessions::revoked_at.is_null()))
        .set((sessions::revoked_at.eq(now), sessions::revoked_reason.eq(reason)))
        .execute(conn)?)
}

pub fn set_amr(conn: &mut AnyConnection, id: &SessionId, amr: &str) -> Result<(), StoreError> {
    execute_prepared!(diesel::update(sessions::table.find(id)).set(sessions::amr.eq(amr)), conn)?;
    Ok(())
}
