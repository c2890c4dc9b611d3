//! Event webhooks: a tenant registers HTTPS endpoints for security events; each event is written
//! as a delivery in the transaction of the change (`emit`) and sent, signed like the delivery
//! webhook (Standard Webhooks), by the outbox worker with retries (`deliver`).

mod deliver;
mod emit;
mod registration;

pub use deliver::{deliver_due, delivery_client};
pub use emit::{emit, EventContext};
pub use registration::{
    create, delete, list, CreateWebhook, CreatedWebhook, DeliverySummary, WebhookList, WebhookView,
};

/// At most this many endpoints per tenant.
pub const MAX_WEBHOOKS_PER_TENANT: i64 = 10;
/// A delivery is retried (with backoff) for this long, then ends as `expired`.
pub const DELIVERY_TTL_SECS: i64 = 24 * 3600;

/// The sealing context of a webhook's secret (bound to its id).
fn secret_context(id: &str) -> Vec<u8> {
    format!("event-webhook:{id}").into_bytes()
}
