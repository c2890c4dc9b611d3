//! The audit trail: who, which tenant, what, the outcome, from where, when.

use super::prepared::execute_prepared;
use diesel::prelude::*;

use crate::domain::{ApiKeyId, AuditEvent, AuditOutcome, TenantId, UnixTime, UserId};

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
    pub user_agent: Option<String>,
    /// The administrator who did it on the admin API, or the key.
    pub actor_user_id: Option<UserId>,
    pub actor_key_id: Option<ApiKeyId>,
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
    pub user_agent: Option<&'a str>,
    pub at: UnixTime,
    pub actor_user_id: Option<&'a UserId>,
    pub actor_key_id: Option<&'a ApiKeyId>,
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
        user_agent: e.user_agent.map(str::to_owned),
        actor_user_id: e.actor_user_id.cloned(),
        actor_key_id: e.actor_key_id.cloned(),
    };
    execute_prepared!(diesel::insert_into(a::table).values(&row), conn)?;
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

/// Which events a page shows; the trail is read newest first.
#[derive(Debug, Default)]
pub struct Filter<'a> {
    pub tenant_id: Option<&'a TenantId>,
    pub user_id: Option<&'a UserId>,
    pub event: Option<AuditEvent>,
    /// Inclusive bounds on `created_at`.
    pub since: Option<UnixTime>,
    pub until: Option<UnixTime>,
    /// Continue strictly after this (created_at, id), going back in time.
    pub before: Option<(UnixTime, String)>,
}

/// Up to `limit` events matching `filter`, newest first (ties broken by id, so pages are stable).
pub fn page(conn: &mut AnyConnection, filter: &Filter<'_>, limit: i64) -> Result<Vec<AuditRow>, StoreError> {
    let mut query = a::table.select(AuditRow::as_select()).into_boxed();
    if let Some(tenant_id) = filter.tenant_id {
        query = query.filter(a::tenant_id.eq(tenant_id));
    }
    if let Some(user_id) = filter.user_id {
        query = query.filter(a::user_id.eq(user_id));
    }
    if let Some(event) = filter.event {
        query = query.filter(a::event.eq(event));
    }
    if let Some(since) = filter.since {
        query = query.filter(a::created_at.ge(since));
    }
    if let Some(until) = filter.until {
        query = query.filter(a::created_at.le(until));
    }
    if let Some((at, id)) = &filter.before {
        query = query.filter(a::created_at.lt(*at).or(a::created_at.eq(*at).and(a::id.lt(id.clone()))));
    }
    Ok(query.order((a::created_at.desc(), a::id.desc())).limit(limit).load(conn)?)
}

/// Deletes a tenant's events older than `before` (its retention); returns how many.
pub fn purge_tenant(conn: &mut AnyConnection, tenant_id: &TenantId, before: UnixTime) -> Result<usize, StoreError> {
    Ok(diesel::delete(a::table.filter(a::tenant_id.eq(tenant_id)).filter(a::created_at.lt(before))).execute(conn)?)
}

/// Deletes platform events (no tenant) older than `before`.
pub fn purge_platform(conn: &mut AnyConnection, before: UnixTime) -> Result<usize, StoreError> {
    Ok(diesel::delete(a::table.filter(a::tenant_id.is_null()).filter(a::created_at.lt(before))).execute(conn)?)
}
