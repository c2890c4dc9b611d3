use diesel::prelude::*;

use super::prepared::execute_prepared;
use crate::domain::{ApiKeyId, TenantId, UnixTime};

use super::schema::api_keys;
use super::{AnyConnection, StoreError};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_keys)]
pub struct ApiKey {
    pub id: ApiKeyId,
    /// `None` for a platform admin key.
    pub tenant_id: Option<TenantId>,
    pub name: String,
    pub prefix: String,
    pub key_hash: String,
    pub created_at: UnixTime,
    pub revoked_at: Option<UnixTime>,
    /// A tenant key may also use the admin API (else: token introspection only).
    pub admin_scope: bool,
}

pub fn insert(conn: &mut AnyConnection, key: &ApiKey) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(api_keys::table).values(key), conn)?;
    Ok(())
}

pub fn find_active_by_hash(conn: &mut AnyConnection, key_hash: &str) -> Result<Option<ApiKey>, StoreError> {
    Ok(api_keys::table
        .filter(api_keys::key_hash.eq(key_hash))
        .filter(api_keys::revoked_at.is_null())
        .select(ApiKey::as_select())
        .first(conn)
        .optional()?)
}

pub fn count_platform_keys(conn: &mut AnyConnection) -> Result<i64, StoreError> {
    Ok(api_keys::table.filter(api_keys::tenant_id.is_null()).count().get_result(conn)?)
}

pub fn list_for_tenant(conn: &mut AnyConnection, tenant_id: &TenantId) -> Result<Vec<ApiKey>, StoreError> {
    Ok(api_keys::table
        .filter(api_keys::tenant_id.eq(tenant_id))
        .order(api_keys::created_at.asc())
        .select(ApiKey::as_select())
        .load(conn)?)
}

/// Revokes a tenant's key; returns whether a live key was revoked.
pub fn revoke(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
    key_id: &ApiKeyId,
    now: UnixTime,
) -> Result<bool, StoreError> {
    let n = diesel::update(
        api_keys::table
            .filter(api_keys::id.eq(key_id))
            .filter(api_keys::tenant_id.eq(tenant_id))
            .filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::revoked_at.eq(now))
    .execute(conn)?;
    Ok(n == 1)
}

/// Every platform admin key, live and revoked, oldest first.
pub fn list_platform_keys(conn: &mut AnyConnection) -> Result<Vec<ApiKey>, StoreError> {
    Ok(api_keys::table
        .filter(api_keys::tenant_id.is_null())
        .order((api_keys::created_at.asc(), api_keys::id.asc()))
        .select(ApiKey::as_select())
        .load(conn)?)
}

/// Live platform admin keys.
pub fn count_live_platform_keys(conn: &mut AnyConnection) -> Result<i64, StoreError> {
    Ok(api_keys::table
        .filter(api_keys::tenant_id.is_null())
        .filter(api_keys::revoked_at.is_null())
        .count()
        .get_result(conn)?)
}

/// Revokes a platform admin key; whether a live one was revoked.
pub fn revoke_platform_key(conn: &mut AnyConnection, key_id: &ApiKeyId, now: UnixTime) -> Result<bool, StoreError> {
    let n = diesel::update(
        api_keys::table
            .filter(api_keys::id.eq(key_id))
            .filter(api_keys::tenant_id.is_null())
            .filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::revoked_at.eq(now))
    .execute(conn)?;
    Ok(n == 1)
}
