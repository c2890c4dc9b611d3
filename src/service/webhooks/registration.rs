//! Registering, listing and deleting a tenant's event webhooks.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use strum::VariantArray;
use utoipa::ToSchema;

use super::{secret_context, MAX_WEBHOOKS_PER_TENANT};
use crate::delivery::safe_destination;
use crate::domain::{ErrorCode, OutboxStatus, Slug, WebhookEvent};
use crate::error::AppError;
use crate::service::access::{tenant_for, Need};
use crate::service::api_keys::Principal;
use crate::state::AppState;
use crate::store::event_webhooks::{self as rows, DeliveryRow, WebhookRow};
use crate::store::tenants;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateWebhook {
    /// Where events are POSTed: `https://`, to a host on the public internet.
    #[schema(schema_with = crate::domain::schema::webhook_url)]
    pub url: String,
    /// The events to send; absent: all of them.
    #[schema(min_items = 1)]
    pub events: Option<Vec<WebhookEvent>>,
    /// A note for administrators (at most 200 characters).
    #[schema(schema_with = crate::domain::schema::description_or_null)]
    pub description: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookView {
    #[schema(format = Uuid)]
    pub id: String,
    pub url: String,
    pub events: Vec<WebhookEvent>,
    pub description: Option<String>,
    #[schema(format = DateTime, example = "2026-11-25T09:30:00Z")]
    pub created_at: String,
    /// The last deliveries, newest first (at most 5).
    pub recent_deliveries: Vec<DeliverySummary>,
}

/// The answer to a registration: the webhook and its signing secret, shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedWebhook {
    #[schema(format = Uuid)]
    pub id: String,
    pub url: String,
    pub events: Vec<WebhookEvent>,
    pub description: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    /// The Standard Webhooks secret (`whsec_…`) that signs every delivery. Store it now.
    pub secret: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliverySummary {
    /// The `webhook-id` header of the delivery.
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(value_type = crate::domain::WebhookEvent)]
    pub event: String,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookList {
    pub webhooks: Vec<WebhookView>,
}

pub fn create(
    state: &AppState,
    principal: &Principal,
    slug: &Slug,
    input: CreateWebhook,
) -> Result<CreatedWebhook, AppError> {
    let url = safe_destination::check_url(&input.url, state.settings.webhooks_allow_private)
        .map_err(|reason| AppError::validation(ErrorCode::InvalidWebhookUrl, format!("url: {reason}")))?;
    let events = match input.events {
        Some(events) if events.is_empty() => {
            return Err(AppError::validation(ErrorCode::InvalidEvent, "events must name at least one event"))
        }
        Some(mut events) => {
            events.sort_by_key(|e| e.as_str());
            events.dedup();
            events
        }
        None => WebhookEvent::VARIANTS.to_vec(),
    };
    let description = match input.description.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => Some(crate::domain::text::line(d, 200, ErrorCode::InvalidName, "description")?),
        None => None,
    };
    let mut key = [0u8; 32];
    rand::rng().fill_bytes(&mut key);
    let secret = format!("whsec_{}", STANDARD.encode(key));
    let id = uuid::Uuid::new_v4().to_string();
    let sealed = state.secrets.seal(&secret_context(&id), secret.as_bytes()).map_err(AppError::internal)?;
    let now = state.now();
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::OWNER.recent())?;
    let row = WebhookRow {
        id,
        tenant_id: tenant.id.clone(),
        url: url.to_string(),
        events: events.iter().map(|e| e.as_str()).collect::<Vec<_>>().join(","),
        description,
        secret_sealed: sealed,
        created_at: now,
    };
    state.db.transaction_on(&mut conn, |c| -> Result<(), AppError> {
        tenants::lock(c, &tenant.id)?; // the count below is exact under concurrent registrations
        if rows::count(c, &tenant.id)? >= MAX_WEBHOOKS_PER_TENANT {
            return Err(AppError::conflict(
                ErrorCode::TooManyWebhooks,
                format!("a tenant may register at most {MAX_WEBHOOKS_PER_TENANT} webhooks"),
            ));
        }
        rows::insert(c, &row)?;
        tenants::count_webhooks(c, &tenant.id, 1)?;
        Ok(())
    })?;
    Ok(CreatedWebhook {
        id: row.id,
        url: row.url,
        events,
        description: row.description,
        created_at: row.created_at.rfc3339(),
        secret,
    })
}

pub fn list(state: &AppState, principal: &Principal, slug: &Slug) -> Result<WebhookList, AppError> {
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::OWNER)?;
    let mut webhooks = Vec::new();
    for row in rows::list(&mut conn, &tenant.id)? {
        let recent = rows::recent_deliveries(&mut conn, &row.id, 5)?;
        webhooks.push(view(row, recent));
    }
    Ok(WebhookList { webhooks })
}

pub fn delete(state: &AppState, principal: &Principal, slug: &Slug, id: &str) -> Result<(), AppError> {
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::OWNER)?;
    state.db.transaction_on(&mut conn, |c| -> Result<(), AppError> {
        tenants::lock(c, &tenant.id)?;
        if !rows::delete(c, &tenant.id, id)? {
            return Err(AppError::NotFound { code: ErrorCode::WebhookNotFound, what: "webhook" });
        }
        tenants::count_webhooks(c, &tenant.id, -1)?;
        Ok(())
    })
}

fn view(row: WebhookRow, recent: Vec<DeliveryRow>) -> WebhookView {
    WebhookView {
        events: row.events.split(',').filter_map(|e| e.parse().ok()).collect(),
        id: row.id,
        url: row.url,
        description: row.description,
        created_at: row.created_at.rfc3339(),
        recent_deliveries: recent
            .into_iter()
            .map(|d| DeliverySummary {
                id: d.id,
                event: d.event,
                status: d.status,
                attempts: d.attempts,
                last_error: d.last_error,
                created_at: d.created_at.rfc3339(),
            })
            .collect(),
    }
}
