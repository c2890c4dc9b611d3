//! Writing the audit trail from use cases.

use super::sessions::ClientInfo;
use super::webhooks::EventContext;
use crate::domain::{AuditEvent, AuditOutcome, TenantId, UnixTime, UserId, WebhookEvent};
use crate::error::AppError;
use crate::store::audit::{self, Entry};
use crate::store::tenants::Tenant;
use crate::store::users::{FailureOutcome, User};
use crate::store::AnyConnection;

/// A user agent is kept to this many characters (they are free text from the client).
const MAX_USER_AGENT_CHARS: usize = 256;

/// Records one event; call inside the transaction of the change it describes.
#[allow(clippy::too_many_arguments)]
pub fn record(
    conn: &mut AnyConnection,
    tenant_id: Option<&TenantId>,
    user_id: Option<&UserId>,
    client: &ClientInfo,
    event: AuditEvent,
    outcome: AuditOutcome,
    detail: Option<&str>,
    now: UnixTime,
) -> Result<(), AppError> {
    let ip = client.ip.map(|ip| ip.to_string());
    let user_agent = client.user_agent.as_deref().map(|ua| crate::domain::text::for_log(ua, MAX_USER_AGENT_CHARS));
    let (ip, user_agent) = (ip.as_deref(), user_agent.as_deref());
    audit::record(conn, Entry { tenant_id, user_id, event, outcome, detail, ip, user_agent, at: now })?;
    if let (Some(tenant_id), Some(announced)) = (tenant_id, WebhookEvent::from_audit(event, outcome, user_id.is_some()))
    {
        let ctx = EventContext { tenant_id, user_id, detail, ip, user_agent, at: now };
        super::webhooks::emit(conn, announced, ctx)?;
    }
    Ok(())
}

/// An entry that no client request carries (the outbox, the worker): no address, no agent.
pub fn by_system(
    conn: &mut AnyConnection,
    (tenant_id, user_id): (&TenantId, Option<&UserId>),
    event: AuditEvent,
    outcome: AuditOutcome,
    detail: &str,
    now: UnixTime,
) -> Result<(), AppError> {
    record(conn, Some(tenant_id), user_id, &ClientInfo::default(), event, outcome, Some(detail), now)
}

/// Records a failed attempt with what it did to the account, and the lock when it caused one.
#[allow(clippy::too_many_arguments)]
pub fn failed_attempt(
    conn: &mut AnyConnection,
    tenant: &Tenant,
    user: &User,
    client: &ClientInfo,
    event: AuditEvent,
    detail: Option<&str>,
    outcome: FailureOutcome,
    now: UnixTime,
) -> Result<(), AppError> {
    let recorded = match outcome {
        FailureOutcome::AlreadyLocked { .. } => AuditOutcome::Locked,
        FailureOutcome::Counted { .. } | FailureOutcome::LockedNow { .. } => AuditOutcome::Failure,
    };
    record(conn, Some(&tenant.id), Some(&user.id), client, event, recorded, detail, now)?;
    if let FailureOutcome::LockedNow { .. } = outcome {
        record(
            conn,
            Some(&tenant.id),
            Some(&user.id),
            client,
            AuditEvent::AccountLocked,
            AuditOutcome::Success,
            Some(event.as_str()),
            now,
        )?;
    }
    Ok(())
}
