//! Groups of users within a tenant, each with a second-factor rule, and their members.

use super::prepared::execute_prepared;
use diesel::prelude::*;

use super::schema::{user_group_members as gm, user_groups as g};
use super::{AnyConnection, StoreError};
use crate::domain::{GroupId, GroupRule, TenantId, UnixTime, UserId};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = g)]
pub struct Group {
    pub id: GroupId,
    pub tenant_id: TenantId,
    pub name: String,
    pub two_factor: GroupRule,
    pub created_at: UnixTime,
    pub updated_at: UnixTime,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = g)]
pub struct GroupChanges {
    pub name: Option<String>,
    pub two_factor: Option<GroupRule>,
    pub updated_at: Option<UnixTime>,
}

pub fn insert(conn: &mut AnyConnection, group: &Group) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(g::table).values(group), conn)?;
    Ok(())
}

pub fn find(conn: &mut AnyConnection, tenant_id: &TenantId, id: &GroupId) -> Result<Option<Group>, StoreError> {
    Ok(g::table
        .filter(g::tenant_id.eq(tenant_id))
        .filter(g::id.eq(id))
        .select(Group::as_select())
        .first(conn)
        .optional()?)
}

pub fn list(conn: &mut AnyConnection, tenant_id: &TenantId) -> Result<Vec<Group>, StoreError> {
    Ok(g::table.filter(g::tenant_id.eq(tenant_id)).order(g::name.asc()).select(Group::as_select()).load(conn)?)
}

/// Of these ids, the groups that exist in the tenant.
pub fn find_many(conn: &mut AnyConnection, tenant_id: &TenantId, ids: &[GroupId]) -> Result<Vec<Group>, StoreError> {
    Ok(g::table.filter(g::tenant_id.eq(tenant_id)).filter(g::id.eq_any(ids)).select(Group::as_select()).load(conn)?)
}

pub fn update(conn: &mut AnyConnection, id: &GroupId, changes: &GroupChanges) -> Result<(), StoreError> {
    // Not kept prepared: each set of changed fields is another statement text.
    diesel::update(g::table.find(id)).set(changes).execute(conn)?;
    Ok(())
}

pub fn delete(conn: &mut AnyConnection, tenant_id: &TenantId, id: &GroupId) -> Result<bool, StoreError> {
    // Members first: the foreign key cascades too, but SQLite only with foreign_keys on.
    diesel::delete(gm::table.filter(gm::group_id.eq(id))).execute(conn)?;
    Ok(diesel::delete(g::table.filter(g::tenant_id.eq(tenant_id)).filter(g::id.eq(id))).execute(conn)? == 1)
}

/// The groups a user belongs to, by name.
pub fn of_user(conn: &mut AnyConnection, user_id: &UserId) -> Result<Vec<Group>, StoreError> {
    Ok(gm::table
        .inner_join(g::table)
        .filter(gm::user_id.eq(user_id))
        .order(g::name.asc())
        .select(Group::as_select())
        .load(conn)?)
}

/// Every membership in a tenant's groups, as (user, group name, rule).
pub fn memberships_in_tenant(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
) -> Result<Vec<(UserId, String, GroupRule)>, StoreError> {
    Ok(gm::table
        .inner_join(g::table)
        .filter(g::tenant_id.eq(tenant_id))
        .select((gm::user_id, g::name, g::two_factor))
        .load(conn)?)
}

/// Makes `group_ids` the user's groups (the caller has checked they belong to the user's tenant).
pub fn set_for_user(conn: &mut AnyConnection, user_id: &UserId, group_ids: &[GroupId]) -> Result<(), StoreError> {
    diesel::delete(gm::table.filter(gm::user_id.eq(user_id))).execute(conn)?;
    // One row at a time: diesel's MultiConnection has no batch insert (and a user has few groups).
    for id in group_ids {
        execute_prepared!(diesel::insert_into(gm::table).values((gm::group_id.eq(id), gm::user_id.eq(user_id))), conn)?;
    }
    Ok(())
}
