//! The audit trail: who, which tenant, what, the outcome, from where, when.

use diesel::prelude::*;

use super::schema::audit_events as a;
use super::{new_id, AnyConnection, StoreError};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = a)]
pub struct AuditEvent {
    pub id: String,
    pub tenant_id: Option<String>,
    pub user_id: Option<String>,
    pub event: String,
    pub outcome: String,
    pub detail: Option<String>,
    pub ip: Option<String>,
    pub created_at: i64,
}

/// What to record; `record` fills in the id.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub tenant_id: Option<&'a str>,
    pub user_id: Option<&'a str>,
    pub event: &'a str,
    pub outcome: &'a str,
    pub detail: Option<&'a str>,
    pub ip: Option<&'a str>,
    pub at: i64,
}

pub fn record(conn: &mut AnyConnection, e: Entry<'_>) -> Result<(), StoreError> {
    let row = AuditEvent {
        id: new_id(),
        tenant_id: e.tenant_id.map(str::to_owned),
        user_id: e.user_id.map(str::to_owned),
        event: e.event.to_owned(),
        outcome: e.outcome.to_owned(),
        detail: e.detail.map(str::to_owned),
        ip: e.ip.map(str::to_owned),
        created_at: e.at,
    };
    diesel::insert_into(a::table).values(&row).execute(conn)?;
    Ok(())
}

pub fn list_for_user(conn: &mut AnyConnection, user_id: &str) -> Result<Vec<AuditEvent>, StoreError> {
    Ok(a::table
        .filter(a::user_id.eq(user_id))
        .order((a::created_at.asc(), a::id.asc()))
        .select(AuditEvent::as_select())
        .load(conn)?)
}
