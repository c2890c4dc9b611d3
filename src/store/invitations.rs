//! Invitations: a single-use token (stored as its SHA-256) that lets an invited user choose a
//! password. Pending while neither used, revoked nor expired.

use super::prepared::execute_prepared;
use diesel::prelude::*;

use crate::domain::{InvitationId, TenantId, UnixTime, UserId};

use super::schema::invitations as i;
use super::{AnyConnection, StoreError};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = i)]
pub struct Invitation {
    pub id: InvitationId,
    pub tenant_id: TenantId,
    pub user_id: UserId,
    pub token_hash: String,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    pub used_at: Option<UnixTime>,
    pub revoked_at: Option<UnixTime>,
}

impl Invitation {
    pub fn is_pending(&self, now: UnixTime) -> bool {
        self.used_at.is_none() && self.revoked_at.is_none() && self.expires_at > now
    }
}

pub fn insert(conn: &mut AnyConnection, invitation: &Invitation) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(i::table).values(invitation), conn)?;
    Ok(())
}

pub fn find_by_hash(conn: &mut AnyConnection, token_hash: &str) -> Result<Option<Invitation>, StoreError> {
    Ok(i::table.filter(i::token_hash.eq(token_hash)).select(Invitation::as_select()).first(conn).optional()?)
}

/// Revokes the user's pending invitations (a new one replaces them); how many.
pub fn revoke_for_user(conn: &mut AnyConnection, user_id: &UserId, now: UnixTime) -> Result<usize, StoreError> {
    Ok(diesel::update(
        i::table.filter(i::user_id.eq(user_id)).filter(i::used_at.is_null()).filter(i::revoked_at.is_null()),
    )
    .set(i::revoked_at.eq(Some(now)))
    .execute(conn)?)
}

/// Revokes one pending invitation of the tenant; false when there is none.
pub fn revoke(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
    id: &InvitationId,
    now: UnixTime,
) -> Result<bool, StoreError> {
    let n = execute_prepared!(
        diesel::update(
            i::table
                .find(id)
                .filter(i::tenant_id.eq(tenant_id))
                .filter(i::used_at.is_null())
                .filter(i::revoked_at.is_null())
                .filter(i::expires_at.gt(now)),
        )
        .set(i::revoked_at.eq(Some(now))),
        conn
    )?;
    Ok(n == 1)
}

/// Uses a pending invitation: true for exactly one caller.
pub fn mark_used(conn: &mut AnyConnection, id: &InvitationId, now: UnixTime) -> Result<bool, StoreError> {
    let n = execute_prepared!(
        diesel::update(
            i::table
                .find(id)
                .filter(i::used_at.is_null())
                .filter(i::revoked_at.is_null())
                .filter(i::expires_at.gt(now)),
        )
        .set(i::used_at.eq(Some(now))),
        conn
    )?;
    Ok(n == 1)
}

/// The tenant's pending invitations, newest first.
pub fn pending(conn: &mut AnyConnection, tenant_id: &TenantId, now: UnixTime) -> Result<Vec<Invitation>, StoreError> {
    Ok(i::table
        .filter(i::tenant_id.eq(tenant_id))
        .filter(i::used_at.is_null())
        .filter(i::revoked_at.is_null())
        .filter(i::expires_at.gt(now))
        .order(i::created_at.desc())
        .limit(500)
        .select(Invitation::as_select())
        .load(conn)?)
}
