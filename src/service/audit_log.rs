//! Reading the audit trail over HTTP: a tenant's trail for its administrators, and a user's own
//! recent activity. Newest first, paged by an opaque cursor that is stable while events are added.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::access::{tenant_for, Need};
use super::api_keys::Principal;
use super::sessions::AccessContext;
use crate::domain::{AuditEvent, AuditOutcome, ErrorCode, Slug, UnixTime, UserId};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::audit::{self, AuditRow, Filter};

const DEFAULT_LIMIT: i64 = 100;
const MAX_LIMIT: i64 = 500;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only this user's events.
    #[param(value_type = Option<uuid::Uuid>)]
    pub user_id: Option<String>,
    /// Only this event (e.g. `login.password`, `account.locked`).
    #[param(value_type = Option<AuditEvent>)]
    pub event: Option<String>,
    /// Events at or after this time (RFC 3339, e.g. `2026-11-01T00:00:00Z`).
    #[param(format = DateTime)]
    pub since: Option<String>,
    /// Events at or before this time (RFC 3339).
    #[param(format = DateTime)]
    pub until: Option<String>,
    /// At most this many events (1–500, default 100).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    #[param(pattern = "^[0-9]{1,12}_[0-9A-Za-z-]{1,64}$")]
    pub cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActivityQuery {
    /// At most this many events (1–500, default 100).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    #[param(pattern = "^[0-9]{1,12}_[0-9A-Za-z-]{1,64}$")]
    pub cursor: Option<String>,
}

/// One audit event.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntry {
    #[schema(format = Uuid)]
    pub id: String,
    pub event: AuditEvent,
    pub outcome: AuditOutcome,
    /// The user the event is about (absent for unknown identifiers and tenant events).
    #[schema(format = Uuid)]
    pub user_id: Option<String>,
    /// What else the event records: a method kind, a reason, the network that matched.
    pub detail: Option<String>,
    /// The client's address (resolved through trusted proxies).
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    #[schema(format = DateTime, example = "2026-11-25T09:30:00Z")]
    pub created_at: String,
    /// Who did it on the admin API (absent for the user's own actions and the system's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<AuditActor>,
}

/// An administrator (a user of the tenant) or an API key.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditActor {
    #[schema(format = Uuid)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    #[schema(format = Uuid)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPage {
    pub events: Vec<AuditEntry>,
    /// Pass as `cursor` for the next (older) page; absent on the last page.
    pub next_cursor: Option<String>,
}

pub fn tenant_trail(
    state: &AppState,
    principal: &Principal,
    slug: &Slug,
    query: AuditQuery,
) -> Result<AuditPage, AppError> {
    let limit = limit_of(query.limit)?;
    let user_id = query.user_id.as_deref().map(UserId::parse).transpose()?;
    let event = query
        .event
        .as_deref()
        .map(|e| {
            e.parse::<AuditEvent>().map_err(|_| {
                AppError::validation(
                    ErrorCode::InvalidEvent,
                    "event must be an audit event name such as login.password",
                )
            })
        })
        .transpose()?;
    let since = query.since.as_deref().map(|t| time_of(t, "since")).transpose()?;
    let until = query.until.as_deref().map(|t| time_of(t, "until")).transpose()?;
    let before = query.cursor.as_deref().map(decode_cursor).transpose()?;
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN)?;
    let filter = Filter { tenant_id: Some(&tenant.id), user_id: user_id.as_ref(), event, since, until, before };
    Ok(page_of(audit::page(&mut conn, &filter, limit + 1)?, limit))
}

/// The signed-in user's own events: sign-ins, failures, locks, method and password changes.
pub fn my_activity(state: &AppState, ctx: &AccessContext, query: ActivityQuery) -> Result<AuditPage, AppError> {
    let limit = limit_of(query.limit)?;
    let before = query.cursor.as_deref().map(decode_cursor).transpose()?;
    let filter = Filter { tenant_id: Some(&ctx.tenant.id), user_id: Some(&ctx.user.id), before, ..Filter::default() };
    Ok(page_of(audit::page(&mut *state.db.get()?, &filter, limit + 1)?, limit))
}

/// Deletes events past their tenant's `audit_retention_days` (platform events: the default).
pub fn purge_expired(conn: &mut crate::store::AnyConnection, now: UnixTime) -> Result<usize, AppError> {
    const DAY: i64 = 86_400;
    let mut purged = 0;
    for tenant in crate::store::tenants::list(conn)? {
        purged += audit::purge_tenant(conn, &tenant.id, now - tenant.policy.audit_retention_days * DAY)?;
    }
    purged += audit::purge_platform(conn, now - crate::domain::tenant_policy::DEFAULT_AUDIT_RETENTION_DAYS * DAY)?;
    Ok(purged)
}

fn limit_of(limit: Option<i64>) -> Result<i64, AppError> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(AppError::validation(ErrorCode::InvalidLimit, "limit must be between 1 and 500"));
    }
    Ok(limit)
}

fn page_of(rows: Vec<AuditRow>, limit: i64) -> AuditPage {
    let shown = usize::try_from(limit).unwrap_or(0);
    let next_cursor = (rows.len() > shown).then(|| rows.get(shown - 1).map(encode_cursor)).flatten();
    let events = rows
        .into_iter()
        .take(shown)
        .map(|r| AuditEntry {
            id: r.id,
            event: r.event,
            outcome: r.outcome,
            user_id: r.user_id.map(|u| u.to_string()),
            detail: r.detail,
            ip: r.ip,
            user_agent: r.user_agent,
            created_at: r.created_at.rfc3339(),
            actor: (r.actor_user_id.is_some() || r.actor_key_id.is_some()).then(|| AuditActor {
                user_id: r.actor_user_id.map(|u| u.to_string()),
                key_id: r.actor_key_id.map(|k| k.to_string()),
            }),
        })
        .collect();
    AuditPage { events, next_cursor }
}

fn time_of(text: &str, name: &str) -> Result<UnixTime, AppError> {
    chrono::DateTime::parse_from_rfc3339(text.trim()).map(|t| UnixTime::from_secs(t.timestamp())).map_err(|_| {
        AppError::validation(
            ErrorCode::InvalidTime,
            format!("{name} must be an RFC 3339 time such as 2026-11-01T00:00:00Z"),
        )
    })
}

/// `{seconds}_{id}`: a position in the (created_at, id) order, nothing secret; any value of
/// this shape is a valid position (`CURSOR_PATTERN` in the document).
fn encode_cursor(row: &AuditRow) -> String {
    format!("{}_{}", row.created_at.secs(), row.id)
}

pub const CURSOR_PATTERN: &str = "^[0-9]{1,12}_[0-9A-Za-z-]{1,64}$";

fn decode_cursor(cursor: &str) -> Result<(UnixTime, String), AppError> {
    let invalid = || AppError::validation(ErrorCode::InvalidCursor, "cursor must be a next_cursor from this endpoint");
    let (at, id) = cursor.trim().split_once('_').ok_or_else(invalid)?;
    if at.is_empty() || at.len() > 12 || !at.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    let at: i64 = at.parse().map_err(|_| invalid())?;
    if id.is_empty() || id.len() > 64 || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(invalid());
    }
    Ok((UnixTime::from_secs(at), id.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        let row = AuditRow {
            id: "0b9f6f1e-3c2a-4f7e-9a51-1d2c3b4a5f60".into(),
            tenant_id: None,
            user_id: None,
            event: AuditEvent::LoginPassword,
            outcome: AuditOutcome::Success,
            detail: None,
            ip: None,
            created_at: UnixTime::from_secs(1_700_000_000),
            user_agent: None,
            actor_user_id: None,
            actor_key_id: None,
        };
        let decoded = decode_cursor(&encode_cursor(&row)).ok();
        assert_eq!(decoded, Some((UnixTime::from_secs(1_700_000_000), row.id.clone())));
        for bad in ["", "!!", "MTIz", "x_y", "1_a'b", "-1_a", "1_", "_a", "1234567890123_a"] {
            assert!(decode_cursor(bad).is_err(), "{bad}");
        }
    }
}
