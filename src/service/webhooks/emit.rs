//! Writing an event's deliveries, in the transaction of the change it announces: an event is
//! sent if and only if its change committed.

use serde_json::json;

use super::DELIVERY_TTL_SECS;
use crate::domain::{OutboxStatus, TenantId, UnixTime, UserId, WebhookEvent};
use crate::error::AppError;
use crate::store::event_webhooks::{self as rows, DeliveryRow};
use crate::store::AnyConnection;

/// What an event says besides its name.
#[derive(Debug, Clone, Copy)]
pub struct EventContext<'a> {
    pub tenant_id: &'a TenantId,
    pub user_id: Option<&'a UserId>,
    /// A method kind, a reason, the factors of a session.
    pub detail: Option<&'a str>,
    pub ip: Option<&'a str>,
    pub user_agent: Option<&'a str>,
    pub at: UnixTime,
}

/// Queues `event` for each of the tenant's webhooks that subscribed to it. One indexed read
/// when the tenant has no webhooks.
pub fn emit(conn: &mut AnyConnection, event: WebhookEvent, ctx: EventContext<'_>) -> Result<(), AppError> {
    let subscribed: Vec<String> = rows::subscriptions(conn, ctx.tenant_id)?
        .into_iter()
        .filter(|(_, events)| events.split(',').any(|e| e == event.as_str()))
        .map(|(id, _)| id)
        .collect();
    for webhook_id in subscribed {
        let id = uuid::Uuid::new_v4().to_string();
        let payload = json!({
            "type": event.as_str(),
            "timestamp": ctx.at.rfc3339(),
            "data": {
                "event_id": id,
                "tenant_id": ctx.tenant_id.to_string(),
                "user_id": ctx.user_id.map(ToString::to_string),
                "detail": ctx.detail,
                "ip": ctx.ip,
                "user_agent": ctx.user_agent,
            }
        });
        rows::enqueue(
            conn,
            &DeliveryRow {
                id,
                webhook_id,
                tenant_id: ctx.tenant_id.clone(),
                event: event.as_str().to_owned(),
                payload: payload.to_string(),
                status: OutboxStatus::Queued,
                attempts: 0,
                next_attempt_at: ctx.at,
                lease_until: None,
                last_error: None,
                expires_at: ctx.at + DELIVERY_TTL_SECS,
                created_at: ctx.at,
                sent_at: None,
            },
        )?;
    }
    Ok(())
}
