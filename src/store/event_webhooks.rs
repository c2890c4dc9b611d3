//! A tenant's event webhooks and the deliveries waiting for them (a second outbox, leased and
//! retried like the message outbox).

use super::prepared::execute_prepared;
use diesel::prelude::*;

use crate::domain::{OutboxStatus, TenantId, UnixTime};

use super::schema::{event_webhooks as w, webhook_deliveries as d};
use super::{AnyConnection, StoreError};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = w)]
pub struct WebhookRow {
    pub id: String,
    pub tenant_id: TenantId,
    pub url: String,
    /// Comma-separated event names.
    pub events: String,
    pub description: Option<String>,
    pub secret_sealed: Vec<u8>,
    pub created_at: UnixTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = d)]
pub struct DeliveryRow {
    pub id: String,
    pub webhook_id: String,
    pub tenant_id: TenantId,
    pub event: String,
    pub payload: String,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub next_attempt_at: UnixTime,
    pub lease_until: Option<UnixTime>,
    pub last_error: Option<String>,
    pub expires_at: UnixTime,
    pub created_at: UnixTime,
    pub sent_at: Option<UnixTime>,
}

pub fn insert(conn: &mut AnyConnection, row: &WebhookRow) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(w::table).values(row), conn)?;
    Ok(())
}

pub fn list(conn: &mut AnyConnection, tenant_id: &TenantId) -> Result<Vec<WebhookRow>, StoreError> {
    Ok(w::table
        .filter(w::tenant_id.eq(tenant_id))
        .order((w::created_at.asc(), w::id.asc()))
        .select(WebhookRow::as_select())
        .load(conn)?)
}

pub fn find(conn: &mut AnyConnection, id: &str) -> Result<Option<WebhookRow>, StoreError> {
    Ok(w::table.find(id).select(WebhookRow::as_select()).first(conn).optional()?)
}

pub fn count(conn: &mut AnyConnection, tenant_id: &TenantId) -> Result<i64, StoreError> {
    Ok(w::table.filter(w::tenant_id.eq(tenant_id)).count().get_result(conn)?)
}

/// Deletes a tenant's webhook (and, by cascade, its pending deliveries); `false` when unknown.
pub fn delete(conn: &mut AnyConnection, tenant_id: &TenantId, id: &str) -> Result<bool, StoreError> {
    Ok(diesel::delete(w::table.filter(w::tenant_id.eq(tenant_id)).filter(w::id.eq(id))).execute(conn)? == 1)
}

/// The (id, events) of a tenant's webhooks: read on every event worth announcing.
pub fn subscriptions(conn: &mut AnyConnection, tenant_id: &TenantId) -> Result<Vec<(String, String)>, StoreError> {
    Ok(w::table.filter(w::tenant_id.eq(tenant_id)).select((w::id, w::events)).load(conn)?)
}

pub fn enqueue(conn: &mut AnyConnection, row: &DeliveryRow) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(d::table).values(row), conn)?;
    Ok(())
}

pub fn find_delivery(conn: &mut AnyConnection, id: &str) -> Result<Option<DeliveryRow>, StoreError> {
    Ok(d::table.find(id).select(DeliveryRow::as_select()).first(conn).optional()?)
}

/// A webhook's recent deliveries, newest first.
pub fn recent_deliveries(
    conn: &mut AnyConnection,
    webhook_id: &str,
    limit: i64,
) -> Result<Vec<DeliveryRow>, StoreError> {
    Ok(d::table
        .filter(d::webhook_id.eq(webhook_id))
        .order((d::created_at.desc(), d::id.desc()))
        .limit(limit)
        .select(DeliveryRow::as_select())
        .load(conn)?)
}

super::lease_queue::lease_queue!(d, String);

/// Ends deliveries that outlived their retries (also ones whose sender died holding the lease).
pub fn expire(conn: &mut AnyConnection, now: UnixTime) -> Result<usize, StoreError> {
    Ok(diesel::update(
        d::table
            .filter(d::status.eq_any([OutboxStatus::Queued, OutboxStatus::Sending]))
            .filter(d::expires_at.le(now))
            .filter(d::lease_until.is_null().or(d::lease_until.le(now))),
    )
    .set((d::status.eq(OutboxStatus::Expired), d::lease_until.eq(None::<UnixTime>)))
    .execute(conn)?)
}

/// Records a success, only while this sender still holds the lease it took.
pub fn mark_sent(conn: &mut AnyConnection, id: &str, lease: UnixTime, now: UnixTime) -> Result<(), StoreError> {
    execute_prepared!(
        diesel::update(d::table.find(id).filter(d::status.eq(OutboxStatus::Sending)).filter(d::lease_until.eq(lease)))
            .set((
                d::status.eq(OutboxStatus::Sent),
                d::sent_at.eq(now),
                d::lease_until.eq(None::<UnixTime>),
                d::last_error.eq(None::<String>),
            )),
        conn
    )?;
    Ok(())
}

/// A failed attempt: retried at `retry_at`, or ended (`failed` when permanent, `expired` when
/// the retry would come after the expiry).
pub fn mark_failed(
    conn: &mut AnyConnection,
    (id, lease): (&str, UnixTime),
    error: &str,
    retry_at: Option<UnixTime>,
    expires_at: UnixTime,
) -> Result<OutboxStatus, StoreError> {
    let target = d::table.find(id).filter(d::status.eq(OutboxStatus::Sending)).filter(d::lease_until.eq(lease));
    let (status, next) = match retry_at {
        Some(at) if at < expires_at => (OutboxStatus::Queued, Some(at)),
        Some(_) => (OutboxStatus::Expired, None),
        None => (OutboxStatus::Failed, None),
    };
    execute_prepared!(
        diesel::update(target).set((
            d::status.eq(status),
            d::lease_until.eq(None::<UnixTime>),
            d::last_error.eq(error),
            d::next_attempt_at.eq(next.unwrap_or(expires_at)),
        )),
        conn
    )?;
    Ok(status)
}

/// Deletes deliveries that ended before `before`.
pub fn purge(conn: &mut AnyConnection, before: UnixTime) -> Result<usize, StoreError> {
    Ok(diesel::delete(
        d::table
            .filter(d::status.eq_any([OutboxStatus::Sent, OutboxStatus::Failed, OutboxStatus::Expired]))
            .filter(d::created_at.lt(before)),
    )
    .execute(conn)?)
}
