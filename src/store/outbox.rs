//! The outbox: messages written in the transaction of the change that causes them, and the
//! lease that lets exactly one sender (the request, or one worker of one instance) send each.

use super::prepared::execute_prepared;
use diesel::prelude::*;

use super::schema::outbox as o;
use super::{AnyConnection, StoreError};
use crate::domain::{Channel, OutboxId, OutboxStatus, TenantId, UnixTime, UserId};

#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = o)]
pub struct OutboxRow {
    pub id: OutboxId,
    pub tenant_id: Option<TenantId>,
    pub user_id: Option<UserId>,
    pub channel: Channel,
    pub recipient: String,
    /// The message, sealed under the master key bound to the id; `None` once sent or expired.
    pub sealed: Option<Vec<u8>>,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub next_attempt_at: UnixTime,
    pub lease_until: Option<UnixTime>,
    pub last_error: Option<String>,
    pub expires_at: UnixTime,
    pub created_at: UnixTime,
    pub sent_at: Option<UnixTime>,
    /// The challenge or method a code belongs to; a newer message of the same context
    /// supersedes this one.
    pub context: Option<String>,
}

impl std::fmt::Debug for OutboxRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutboxRow").field("id", &self.id).field("status", &self.status).finish_non_exhaustive()
    }
}

pub fn insert(conn: &mut AnyConnection, row: &OutboxRow) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(o::table).values(row), conn)?;
    Ok(())
}

pub fn find(conn: &mut AnyConnection, id: &OutboxId) -> Result<Option<OutboxRow>, StoreError> {
    Ok(o::table.find(id).select(OutboxRow::as_select()).first(conn).optional()?)
}

/// How many messages were queued since `since`: for a user, to a recipient on a channel, for a
/// tenant (the pumping guard). Every message counts, sent or not: the guard caps what an
/// attacker can make us try to send.
/// What the pumping guard counts, in one round trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecentCounts {
    /// Messages of the user (every channel) in the last hour.
    pub user_hour: i64,
    /// SMS to the recipient in the last hour and day.
    pub number_hour: i64,
    pub number_day: i64,
    /// Messages of the tenant in the last hour.
    pub tenant_hour: i64,
}

/// The guard's counts for a message of `tenant_id` (and `user_id`) to `recipient`, as of `now`.
pub fn recent_counts(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
    user_id: Option<&UserId>,
    recipient: &str,
    now: UnixTime,
) -> Result<RecentCounts, StoreError> {
    let (hour, day) = (now - 3600, now - 86_400);
    // Codes only: notices to the user come from changes the user (or an admin) made, and must
    // not use up the codes the user needs to sign in.
    let user = o::table
        .filter(o::user_id.eq(user_id))
        .filter(o::context.is_not_null())
        .filter(o::created_at.gt(hour))
        .count()
        .single_value();
    let sms_to = o::table.filter(o::channel.eq(Channel::Sms)).filter(o::recipient.eq(recipient));
    let number_hour = sms_to.filter(o::created_at.gt(hour)).count().single_value();
    let number_day = sms_to.filter(o::created_at.gt(day)).count().single_value();
    let tenant = o::table.filter(o::tenant_id.eq(tenant_id)).filter(o::created_at.gt(hour)).count().single_value();
    let (user_hour, number_hour, number_day, tenant_hour): (Option<i64>, Option<i64>, Option<i64>, Option<i64>) =
        diesel::select((user, number_hour, number_day, tenant)).get_result(conn)?;
    Ok(RecentCounts {
        user_hour: user_hour.unwrap_or(0),
        number_hour: number_hour.unwrap_or(0),
        number_day: number_day.unwrap_or(0),
        tenant_hour: tenant_hour.unwrap_or(0),
    })
}

/// The oldest message counted in a window, to tell the client when a slot frees up.
pub fn oldest_for_user(
    conn: &mut AnyConnection,
    user_id: &UserId,
    since: UnixTime,
) -> Result<Option<UnixTime>, StoreError> {
    Ok(o::table
        .filter(o::user_id.eq(user_id))
        .filter(o::context.is_not_null())
        .filter(o::created_at.gt(since))
        .select(diesel::dsl::min(o::created_at))
        .first(conn)?)
}

/// When each SMS of a tenant since `since` was queued (for the usage per day).
pub fn sms_times(conn: &mut AnyConnection, tenant_id: &TenantId, since: UnixTime) -> Result<Vec<UnixTime>, StoreError> {
    Ok(o::table
        .filter(o::tenant_id.eq(tenant_id))
        .filter(o::channel.eq(Channel::Sms))
        .filter(o::created_at.gt(since))
        .select(o::created_at)
        .load(conn)?)
}

/// A tenant's messages, newest first, optionally of one status.
pub fn list(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
    status: Option<OutboxStatus>,
    limit: i64,
) -> Result<Vec<OutboxRow>, StoreError> {
    let mut query = o::table.filter(o::tenant_id.eq(tenant_id)).into_boxed();
    if let Some(status) = status {
        query = query.filter(o::status.eq(status));
    }
    Ok(query.order((o::created_at.desc(), o::id.asc())).limit(limit).select(OutboxRow::as_select()).load(conn)?)
}

/// An admin's retry of a failed message that still has its content: queued again, due now.
pub fn requeue(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
    id: &OutboxId,
    now: UnixTime,
) -> Result<bool, StoreError> {
    let n = diesel::update(
        o::table
            .filter(o::tenant_id.eq(tenant_id))
            .filter(o::id.eq(id))
            .filter(o::status.eq(OutboxStatus::Failed))
            .filter(o::sealed.is_not_null())
            .filter(o::expires_at.gt(now)),
    )
    .set((o::status.eq(OutboxStatus::Queued), o::next_attempt_at.eq(now), o::lease_until.eq(None::<UnixTime>)))
    .execute(conn)?;
    Ok(n == 1)
}

/// Deletes messages that ended (sent, failed, expired) before `before`.
pub fn purge(conn: &mut AnyConnection, before: UnixTime) -> Result<usize, StoreError> {
    Ok(diesel::delete(
        o::table
            .filter(o::status.eq_any([OutboxStatus::Sent, OutboxStatus::Failed, OutboxStatus::Expired]))
            .filter(o::created_at.lt(before)),
    )
    .execute(conn)?)
}

super::lease_queue::lease_queue!(o, OutboxId);

/// Sent: the content is erased.
pub fn mark_sent(conn: &mut AnyConnection, id: &OutboxId, now: UnixTime) -> Result<(), StoreError> {
    execute_prepared!(
        diesel::update(o::table.find(id).filter(o::status.eq(OutboxStatus::Sending))).set((
            o::status.eq(OutboxStatus::Sent),
            o::sent_at.eq(now),
            o::sealed.eq(None::<Vec<u8>>),
            o::lease_until.eq(None::<UnixTime>),
            o::last_error.eq(None::<String>),
        )),
        conn
    )?;
    Ok(())
}

/// A failed attempt: retried at `retry_at`, or, when that is past the expiry or the failure is
/// permanent, ended (`expired` / `failed`) with the content erased.
pub fn mark_failed(
    conn: &mut AnyConnection,
    id: &OutboxId,
    error: &str,
    retry_at: Option<UnixTime>,
    expires_at: UnixTime,
) -> Result<OutboxStatus, StoreError> {
    let target = o::table.find(id).filter(o::status.eq(OutboxStatus::Sending));
    let status = match retry_at {
        Some(at) if at < expires_at => {
            diesel::update(target)
                .set((
                    o::status.eq(OutboxStatus::Queued),
                    o::next_attempt_at.eq(at),
                    o::lease_until.eq(None::<UnixTime>),
                    o::last_error.eq(error),
                ))
                .execute(conn)?;
            return Ok(OutboxStatus::Queued);
        }
        Some(_) => OutboxStatus::Expired,
        None => {
            // Refused for good: kept (sealed) until it expires, so an admin may retry it.
            diesel::update(target)
                .set((o::status.eq(OutboxStatus::Failed), o::lease_until.eq(None::<UnixTime>), o::last_error.eq(error)))
                .execute(conn)?;
            return Ok(OutboxStatus::Failed);
        }
    };
    diesel::update(target)
        .set((
            o::status.eq(status),
            o::sealed.eq(None::<Vec<u8>>),
            o::lease_until.eq(None::<UnixTime>),
            o::last_error.eq(error),
        ))
        .execute(conn)?;
    Ok(status)
}

/// Ends messages that outlived their content (a code that no longer works) and erases it.
/// Whether a newer message of the same context (a code sent again) supersedes `row`.
pub fn is_superseded(conn: &mut AnyConnection, row: &OutboxRow) -> Result<bool, StoreError> {
    let Some(context) = &row.context else { return Ok(false) };
    let newer: i64 =
        o::table.filter(o::context.eq(context)).filter(o::created_at.gt(row.created_at)).count().get_result(conn)?;
    Ok(newer > 0)
}

/// Ends a superseded message unsent: its code no longer works.
pub fn end_superseded(conn: &mut AnyConnection, id: &OutboxId) -> Result<(), StoreError> {
    execute_prepared!(
        diesel::update(o::table.find(id)).set((
            o::status.eq(OutboxStatus::Expired),
            o::sealed.eq(None::<Vec<u8>>),
            o::lease_until.eq(None::<UnixTime>),
            o::last_error.eq(Some("superseded by a newer code")),
        )),
        conn
    )?;
    Ok(())
}

pub fn expire(conn: &mut AnyConnection, now: UnixTime) -> Result<usize, StoreError> {
    let ended = diesel::update(
        o::table
            .filter(o::status.eq_any([OutboxStatus::Queued, OutboxStatus::Sending]))
            .filter(o::expires_at.le(now))
            .filter(o::lease_until.is_null().or(o::lease_until.le(now))),
    )
    .set((o::status.eq(OutboxStatus::Expired), o::sealed.eq(None::<Vec<u8>>), o::lease_until.eq(None::<UnixTime>)))
    .execute(conn)?;
    // A failed message keeps its status, but not its content, once its code is dead (each once).
    diesel::update(
        o::table
            .filter(o::status.eq(OutboxStatus::Failed))
            .filter(o::expires_at.le(now))
            .filter(o::sealed.is_not_null()),
    )
    .set(o::sealed.eq(None::<Vec<u8>>))
    .execute(conn)?;
    Ok(ended)
}

/// How many messages are in each status (for the metrics).
pub fn count_by_status(conn: &mut AnyConnection) -> Result<Vec<(OutboxStatus, i64)>, StoreError> {
    Ok(o::table.group_by(o::status).select((o::status, diesel::dsl::count_star())).load(conn)?)
}
