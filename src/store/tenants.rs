use diesel::prelude::*;

use super::schema::tenants;
use super::{AnyConnection, StoreError};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = tenants)]
pub struct Tenant {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub created_at: i64,
    pub updated_at: i64,
}

pub fn insert(conn: &mut AnyConnection, tenant: &Tenant) -> Result<(), StoreError> {
    diesel::insert_into(tenants::table)
        .values(tenant)
        .execute(conn)?;
    Ok(())
}

pub fn find_by_slug(conn: &mut AnyConnection, slug: &str) -> Result<Option<Tenant>, StoreError> {
    Ok(tenants::table
        .filter(tenants::slug.eq(slug))
        .select(Tenant::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_id(conn: &mut AnyConnection, id: &str) -> Result<Option<Tenant>, StoreError> {
    Ok(tenants::table
        .find(id)
        .select(Tenant::as_select())
        .first(conn)
        .optional()?)
}

pub fn list(conn: &mut AnyConnection) -> Result<Vec<Tenant>, StoreError> {
    Ok(tenants::table
        .order(tenants::slug.asc())
        .select(Tenant::as_select())
        .load(conn)?)
}

pub fn rename(conn: &mut AnyConnection, id: &str, name: &str, now: i64) -> Result<(), StoreError> {
    diesel::update(tenants::table.find(id))
        .set((tenants::name.eq(name), tenants::updated_at.eq(now)))
        .execute(conn)?;
    Ok(())
}
