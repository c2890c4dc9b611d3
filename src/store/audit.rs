//! The audit trail: who, which tenant, what, the outcome, from where, when.

use diesel::prelude::*;

use crate::domain::{AuditEvent, AuditOutcome, TenantId, UnixTime, UserId};

use super::schema::audit_events as a;
use super::{new_id, AnyConnection, StoreError};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = a)]
pub struct AuditRow {
    pub id: String,
    pub tenant_id: Option<TenantId>,
    pub user_id: Option<UserId>,
    pub event: AuditEvent,
    pub outcome: AuditOutcome,
    pub detail: Option<String>,
    pub ip: Option<String>,
    pub created_at: UnixTime,
}

/// What to record; `record` fills in the id.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub tenant_id: Option<&'a TenantId>,
    pub user_id: Option<&'a UserId>,
    pub event: AuditEvent,
    pub outcome: AuditOutcome,
    pub detail: Option<&'a str>,
    pub ip: Option<&'a str>,
    pub at: UnixTime,
}

pub fn record(conn: &mut AnyConnection, e: Entry<'_>) -> Result<(), StoreError> {
    let row = AuditRow {
        id: new_id(),
        tenant_id: e.tenant_id.cloned(),
        user_id: e.user_id.cloned(),
        event: e.event,
        outcome: e.outcome,
        detail: e.detail.map(str::to_owned),
        ip: e.ip.map(str::to_owned),
        created_at: e.at,
    };
    diesel::insert_into(a::table).values(&row).execute(conn)?;
    Ok(())
}

pub fn list_for_user(conn: &mut AnyConnection, user_id: &UserId) -> Result<Vec<AuditRow>, StoreError> {
    Ok(a::table
        .filter(a::user_id.eq(user_id))
        .order((a::created_at.asc(), a::id.asc()))
        .select(AuditRow::as_select())
        .load(conn)?)
}

/// A tenant's audit trail, oldest first.
pub fn list_for_tenant(conn: &mut AnyConnection, tenant_id: &TenantId) -> Result<Vec<AuditRow>, StoreError> {
    Ok(a::table
        .filter(a::tenant_id.eq(tenant_id))
        .order((a::created_at.asc(), a::id.asc()))
        .select(AuditRow::as_select())
        .load(conn)?)
}
