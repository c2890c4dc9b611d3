//! What an admin sees of the outbox (never a body or a code), and the retry of a failed message.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::access::{tenant_for, Need};
use super::api_keys::Principal;
use crate::domain::{Channel, ErrorCode, OutboxId, OutboxStatus, Slug};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::outbox::{self as rows, OutboxRow};

#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxMessage {
    #[schema(format = Uuid)]
    pub id: String,
    pub channel: Channel,
    /// The phone number or address, masked.
    #[schema(example = "+358 ••• •• 67")]
    pub recipient: String,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    #[schema(format = DateTime)]
    pub next_attempt_at: String,
    #[schema(format = DateTime)]
    pub expires_at: String,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub sent_at: Option<String>,
}

impl From<&OutboxRow> for OutboxMessage {
    fn from(r: &OutboxRow) -> Self {
        let recipient = match r.channel {
            Channel::Sms => crate::domain::PhoneNumber::parse(&r.recipient).map(|p| p.hint()),
            Channel::Email => crate::domain::Email::parse(&r.recipient).map(|e| e.hint()),
        }
        .unwrap_or_else(|_| "•••".into());
        Self {
            id: r.id.to_string(),
            channel: r.channel,
            recipient,
            status: r.status,
            attempts: r.attempts,
            last_error: r.last_error.clone(),
            next_attempt_at: r.next_attempt_at.rfc3339(),
            expires_at: r.expires_at.rfc3339(),
            created_at: r.created_at.rfc3339(),
            sent_at: r.sent_at.map(|t| t.rfc3339()),
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutboxQuery {
    /// Only messages in this status.
    #[param(value_type = Option<OutboxStatus>)]
    pub status: Option<String>,
    /// At most this many, newest first (1-200, default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

pub fn list(
    state: &AppState,
    principal: &Principal,
    slug: &Slug,
    q: OutboxQuery,
) -> Result<Vec<OutboxMessage>, AppError> {
    let status = q
        .status
        .as_deref()
        .map(|s| {
            s.parse::<OutboxStatus>().map_err(|_| {
                AppError::validation(ErrorCode::InvalidQuery, "status must be queued, sending, sent, failed or expired")
            })
        })
        .transpose()?;
    let limit = q.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(AppError::validation(ErrorCode::InvalidLimit, "limit must be between 1 and 200"));
    }
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN)?;
    Ok(rows::list(&mut conn, &tenant.id, status, limit)?.iter().map(OutboxMessage::from).collect())
}

/// Queues a failed message again (while its code is still valid); the worker sends it.
pub fn retry(state: &AppState, principal: &Principal, slug: &Slug, id: &OutboxId) -> Result<OutboxMessage, AppError> {
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN)?;
    if !rows::requeue(&mut conn, &tenant.id, id, state.now())? {
        return match rows::find(&mut conn, id)?.filter(|r| r.tenant_id.as_ref() == Some(&tenant.id)) {
            None => Err(AppError::not_found("message")),
            Some(_) => Err(AppError::conflict(
                ErrorCode::InvalidBody,
                "only a failed message whose code is still valid can be retried",
            )),
        };
    }
    let row = rows::find(&mut conn, id)?.ok_or(AppError::not_found("message"))?;
    Ok(OutboxMessage::from(&row))
}
