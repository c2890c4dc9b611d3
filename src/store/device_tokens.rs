//! Remembered devices: a token that lets one user skip the second factor until it expires.

use diesel::prelude::*;

use crate::domain::{DeviceId, TenantId, UserId};

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
    pub created_at: i64,
    pub expires_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

pub fn insert(conn: &mut AnyConnection, token: &DeviceToken) -> Result<(), StoreError> {
    diesel::insert_into(d::table).values(token).execute(conn)?;
    Ok(())
}

/// The live token with this hash belonging to this user, if any.
pub fn find_live(
    conn: &mut AnyConnection,
    user_id: &UserId,
    token_hash: &str,
    now: i64,
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

pub fn touch(conn: &mut AnyConnection, id: &DeviceId, now: i64) -> Result<(), StoreError> {
    diesel::update(d::table.find(id)).set(d::last_used_at.eq(now)).execute(conn)?;
    Ok(())
}

pub fn list_live(conn: &mut AnyConnection, user_id: &UserId, now: i64) -> Result<Vec<DeviceToken>, StoreError> {
    Ok(d::table
        .filter(d::user_id.eq(user_id))
        .filter(d::revoked_at.is_null())
        .filter(d::expires_at.gt(now))
        .order(d::created_at.desc())
        .select(DeviceToken::as_select())
        .load(conn)?)
}

pub fn revoke(conn: &mut AnyConnection, user_id: &UserId, id: &DeviceId, now: i64) -> Result<bool, StoreError> {
    let n =
        diesel::update(d::table.filter(d::user_id.eq(user_id)).filter(d::id.eq(id)).filter(d::revoked_at.is_null()))
            .set(d::revoked_at.eq(now))
            .execute(conn)?;
    Ok(n == 1)
}

pub fn revoke_all(conn: &mut AnyConnection, user_id: &UserId, now: i64) -> Result<usize, StoreError> {
    Ok(diesel::update(d::table.filter(d::user_id.eq(user_id)).filter(d::revoked_at.is_null()))
        .set(d::revoked_at.eq(now))
        .execute(conn)?)
}
