//! Remembered devices: a token that lets one user skip the second factor until it expires.

use super::prepared::execute_prepared;
use diesel::prelude::*;

use crate::domain::{DeviceId, TenantId, UnixTime, UserId};

use super::schema::device_tokens as d;
use super::{AnyConnection, StoreError};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = d)]
pub struct DeviceToken {
    pub id: DeviceId,
    pub tenant_id: TenantId,
    pub user_id: UserId,
    pub token_hash: String,
    pub label: Option<String>,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    pub last_used_at: Option<UnixTime>,
    pub revoked_at: Option<UnixTime>,
}

pub fn insert(conn: &mut AnyConnection, token: &DeviceToken) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(d::table).values(token), conn)?;
    Ok(())
}

/// The live token with this hash belonging to this user, if any.
pub fn find_live(
    conn: &mut AnyConnection,
    user_id: &UserId,
    token_hash: &str,
    now: UnixTime,
) -> Result<Option<DeviceToken>, StoreError> {
    Ok(d::table
        .filter(d::user_id.eq(user_id))
        .filter(d::token_hash.eq(token_hash))
        .filter(d::revoked_at.is_null())
        .filter(d::expires_at.gt(now))
        .select(DeviceToken::as_select())
        .first(conn)
        .optional()?)
}

pub fn touch(conn: &mut AnyConnection, id: &DeviceId, now: UnixTime) -> Result<(), StoreError> {
    execute_prepared!(diesel::update(d::table.find(id)).set(d::last_used_at.eq(now)), conn)?;
    Ok(())
}

pub fn list_live(conn: &mut AnyConnection, user_id: &UserId, now: UnixTime) -> Result<Vec<DeviceToken>, StoreError> {
    Ok(d::table
        .filter(d::user_id.eq(user_id))
        .filter(d::revoked_at.is_null())
        .filter(d::expires_at.gt(now))
        .order(d::created_at.desc())
        .select(DeviceToken::as_select())
        .load(conn)?)
}

pub fn revoke(conn: &mut AnyConnection, user_id: &UserId, id: &DeviceId, now: UnixTime) -> Result<bool, StoreError> {
    let n =
        diesel::update(d::table.filter(d::user_id.eq(user_id)).filter(d::id.eq(id)).filter(d::revoked_at.is_null()))
            .set(d::revoked_at.eq(now))
            .execute(conn)?;
    Ok(n == 1)
}

pub fn revoke_all_for_tenant(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
    now: UnixTime,
) -> Result<usize, StoreError> {
    Ok(diesel::update(d::table.filter(d::tenant_id.eq(tenant_id)).filter(d::revoked_at.is_null()))
        .set(d::revoked_at.eq(now))
        .execute(conn)?)
}

pub fn revoke_all(conn: &mut AnyConnection, user_id: &UserId, now: UnixTime) -> Result<usize, StoreError> {
    Ok(diesel::update(d::table.filter(d::user_id.eq(user_id)).filter(d::revoked_at.is_null()))
        .set(d::revoked_at.eq(now))
        .execute(conn)?)
}
