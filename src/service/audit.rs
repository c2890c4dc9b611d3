//! Writing the audit trail from use cases.

use super::access::{Actor, Principal};
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

/// One entry of the trail: what happened (`event`, `outcome`), in which tenant and to whom, by
/// which client, with what detail. Built with `entry(…)` and written with `record`, inside the
/// transaction of the change it describes:
///
/// ```text
/// audit::entry(AuditEvent::GroupsChanged, AuditOutcome::Success).tenant(&tenant.id).user(&user.id).by(client).record(c, now)?;
/// ```
///
/// Recording also names the tenant, the user and the event on the current tracing span (the
/// request's), so the request's later log lines and its access line carry them.
#[must_use = "an audit entry is written only by `record`"]
pub struct Audit<'a> {
    event: AuditEvent,
    outcome: AuditOutcome,
    tenant_id: Option<&'a TenantId>,
    user_id: Option<&'a UserId>,
    client: Option<&'a ClientInfo>,
    detail: Option<&'a str>,
    actor: Actor<'a>,
}

/// An entry for `event` with `outcome`; no tenant, user, client or detail yet.
pub fn entry<'a>(event: AuditEvent, outcome: AuditOutcome) -> Audit<'a> {
    Audit { event, outcome, tenant_id: None, user_id: None, client: None, detail: None, actor: Actor::default() }
}

impl<'a> Audit<'a> {
    pub fn tenant(self, tenant_id: &'a TenantId) -> Self {
        Self { tenant_id: Some(tenant_id), ..self }
    }

    pub fn tenant_opt(self, tenant_id: Option<&'a TenantId>) -> Self {
        Self { tenant_id, ..self }
    }

    pub fn user(self, user_id: &'a UserId) -> Self {
        Self { user_id: Some(user_id), ..self }
    }

    pub fn user_opt(self, user_id: Option<&'a UserId>) -> Self {
        Self { user_id, ..self }
    }

    /// The client that caused it (its address and user agent are kept); none for the system's
    /// own work.
    pub fn by(self, client: &'a ClientInfo) -> Self {
        Self { client: Some(client), ..self }
    }

    /// Who did it on the admin API: the administrator (a user) or the API key.
    pub fn actor(self, principal: &'a Principal) -> Self {
        Self { actor: principal.actor(), ..self }
    }

    pub fn detail(self, detail: &'a str) -> Self {
        Self { detail: Some(detail), ..self }
    }

    pub fn detail_opt(self, detail: Option<&'a str>) -> Self {
        Self { detail, ..self }
    }

    /// Writes the entry (and, for security events, their webhook deliveries).
    pub fn record(self, conn: &mut AnyConnection, now: UnixTime) -> Result<(), AppError> {
        let Audit { event, outcome, tenant_id, user_id, client, detail, actor } = self;
        let span = tracing::Span::current();
        if let Some(tenant_id) = tenant_id {
            span.record("tenant_id", tracing::field::display(tenant_id));
        }
        if let Some(user_id) = user_id {
            span.record("user_id", tracing::field::display(user_id));
        }
        span.record("event", event.as_str());
        let ip = client.and_then(|c| c.ip).map(|ip| ip.to_string());
        let user_agent = client
            .and_then(|c| c.user_agent.as_deref())
            .map(|ua| crate::domain::text::for_log(ua, MAX_USER_AGENT_CHARS));
        let (ip, user_agent) = (ip.as_deref(), user_agent.as_deref());
        audit::record(
            conn,
            Entry {
                tenant_id,
                user_id,
                event,
                outcome,
                detail,
                ip,
                user_agent,
                at: now,
                actor_user_id: actor.user_id,
                actor_key_id: actor.key_id,
            },
        )?;
        if let (Some(tenant_id), Some(announced)) =
            (tenant_id, WebhookEvent::from_audit(event, outcome, user_id.is_some()))
        {
            let ctx = EventContext { tenant_id, user_id, detail, ip, user_agent, at: now };
            super::webhooks::emit(conn, announced, ctx)?;
        }
        Ok(())
    }
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
    entry(event, outcome).tenant(tenant_id).user_opt(user_id).detail(detail).record(conn, now)
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
    entry(event, recorded).tenant(&tenant.id).user(&user.id).by(client).detail_opt(detail).record(conn, now)?;
    if let FailureOutcome::LockedNow { .. } = outcome {
        entry(AuditEvent::AccountLocked, AuditOutcome::Success)
            .tenant(&tenant.id)
            .user(&user.id)
            .by(client)
            .detail(event.as_str())
            .record(conn, now)?;
    }
    Ok(())
}
