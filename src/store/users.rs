use diesel::prelude::*;

use super::schema::users;
use super::{AnyConnection, StoreError};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: String,
    pub tenant_id: String,
    pub email: String,
    pub password_hash: String,
    pub phone_number: Option<String>,
    pub display_name: Option<String>,
    pub active: bool,
    pub created_at: i64,
    pub updated_at: i64,
    pub password_changed_at: i64,
}

/// The fields an admin may change; `None` leaves a field as it is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct UserChanges {
    pub email: Option<String>,
    pub password_hash: Option<String>,
    pub phone_number: Option<Option<String>>,
    pub display_name: Option<Option<String>>,
    pub active: Option<bool>,
    pub updated_at: Option<i64>,
    pub password_changed_at: Option<i64>,
}

pub fn insert(conn: &mut AnyConnection, user: &User) -> Result<(), StoreError> {
    diesel::insert_into(users::table)
        .values(user)
        .execute(conn)?;
    Ok(())
}

pub fn find_in_tenant(
    conn: &mut AnyConnection,
    tenant_id: &str,
    user_id: &str,
) -> Result<Option<User>, StoreError> {
    Ok(users::table
        .filter(users::tenant_id.eq(tenant_id))
        .filter(users::id.eq(user_id))
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_email(
    conn: &mut AnyConnection,
    tenant_id: &str,
    email: &str,
) -> Result<Option<User>, StoreError> {
    Ok(users::table
        .filter(users::tenant_id.eq(tenant_id))
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

pub fn list_in_tenant(
    conn: &mut AnyConnection,
    tenant_id: &str,
    after_email: Option<&str>,
    limit: i64,
) -> Result<Vec<User>, StoreError> {
    let mut query = users::table
        .filter(users::tenant_id.eq(tenant_id))
        .into_boxed();
    if let Some(after) = after_email {
        query = query.filter(users::email.gt(after.to_owned()));
    }
    Ok(query
        .order(users::email.asc())
        .limit(limit)
        .select(User::as_select())
        .load(conn)?)
}

pub fn update(
    conn: &mut AnyConnection,
    user_id: &str,
    changes: &UserChanges,
) -> Result<(), StoreError> {
    diesel::update(users::table.find(user_id))
        .set(changes)
        .execute(conn)?;
    Ok(())
}

/// Replaces the hash only if it is still the one that was verified, so a concurrent
/// password change is never overwritten by a parameter upgrade.
pub fn upgrade_password_hash(
    conn: &mut AnyConnection,
    user_id: &str,
    old_hash: &str,
    new_hash: &str,
) -> Result<(), StoreError> {
    diesel::update(
        users::table
            .find(user_id)
            .filter(users::password_hash.eq(old_hash)),
    )
    .set(users::password_hash.eq(new_hash))
    .execute(conn)?;
    Ok(())
}
