//! Sending due deliveries: lease one (exactly one instance gets it), sign, POST through the
//! SSRF-guarded client, record the outcome. Failures are retried with the outbox's backoff until
//! the delivery expires; a refused destination is not retried.

use std::sync::Arc;
use std::time::Duration;

use super::secret_context;
use crate::delivery::{key_of, safe_destination, standard_signature};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::event_webhooks::{self as rows, DeliveryRow, WebhookRow};

const BATCH: i64 = 50;
const LEASE_SECS: i64 = 60;
const TIMEOUT: Duration = Duration::from_secs(10);
/// Ended deliveries are kept this long for the listing, then deleted.
const KEEP_SECS: i64 = 7 * 24 * 3600;

/// One pass over the due deliveries; returns how many were sent.
pub async fn deliver_due(state: &Arc<AppState>) -> Result<usize, AppError> {
    let s = state.clone();
    let due = tokio::task::spawn_blocking(move || -> Result<Vec<String>, AppError> {
        let now = s.now();
        let mut conn = s.db.get()?;
        rows::purge(&mut conn, now - KEEP_SECS)?;
        Ok(rows::due(&mut conn, now, BATCH)?)
    })
    .await
    .map_err(AppError::internal)??;
    if due.is_empty() {
        return Ok(0);
    }
    let client =
        safe_destination::client(state.settings.webhooks_allow_private, TIMEOUT).map_err(AppError::internal)?;
    let mut sent = 0;
    for id in due {
        let s = state.clone();
        let claimed =
            tokio::task::spawn_blocking(move || -> Result<Option<(DeliveryRow, WebhookRow, String)>, AppError> {
                let now = s.now();
                let mut conn = s.db.get()?;
                if !rows::claim(&mut conn, &id, now, LEASE_SECS)? {
                    return Ok(None);
                }
                let Some(delivery) = rows::find_delivery(&mut conn, &id)? else { return Ok(None) };
                let Some(webhook) = rows::find(&mut conn, &delivery.webhook_id)? else { return Ok(None) };
                let secret =
                    s.secrets.open(&secret_context(&webhook.id), &webhook.secret_sealed).map_err(AppError::internal)?;
                let secret = String::from_utf8(secret).map_err(AppError::internal)?;
                Ok(Some((delivery, webhook, secret)))
            })
            .await
            .map_err(AppError::internal)??;
        let Some((delivery, webhook, secret)) = claimed else { continue };
        let allow_private = state.settings.webhooks_allow_private;
        let result = post((&client, allow_private), &webhook.url, &secret, &delivery, state.now().secs()).await;
        let ok = result.is_ok();
        metrics::counter!("latchkey_webhook_events_total", "outcome" => match &result {
            Ok(()) => "sent",
            Err(Failure::Refused(_)) => "refused",
            Err(Failure::Retry(_)) => "failed",
        })
        .increment(1);
        let s = state.clone();
        tokio::task::spawn_blocking(move || -> Result<(), AppError> {
            let now = s.now();
            let mut conn = s.db.get()?;
            match result {
                Ok(()) => rows::mark_sent(&mut conn, &delivery.id, now)?,
                Err(failure) => {
                    let (error, retry_at) = match failure {
                        Failure::Refused(e) => (e, None),
                        Failure::Retry(e) => (e, Some(now + crate::service::outbox::backoff_secs(delivery.attempts))),
                    };
                    let status = rows::mark_failed(&mut conn, &delivery.id, &error, retry_at, delivery.expires_at)?;
                    tracing::warn!(webhook_id = %delivery.webhook_id, delivery_id = %delivery.id, ?status, %error, "event webhook delivery failed");
                }
            }
            Ok(())
        })
        .await
        .map_err(AppError::internal)??;
        sent += usize::from(ok);
    }
    Ok(sent)
}

enum Failure {
    /// The destination is not allowed (or the secret unusable): never retried.
    Refused(String),
    /// A network error or a non-2xx answer: retried with backoff.
    Retry(String),
}

async fn post(
    (client, allow_private): (&reqwest::Client, bool),
    url: &str,
    secret: &str,
    delivery: &DeliveryRow,
    timestamp: i64,
) -> Result<(), Failure> {
    // The host is checked again here: an address literal never reaches the resolver.
    let url = safe_destination::check_url(url, allow_private).map_err(Failure::Refused)?;
    let key = key_of(secret).map_err(Failure::Refused)?;
    let body = delivery.payload.as_bytes().to_vec();
    let signature = standard_signature(&key, &delivery.id, timestamp, &body);
    let response = client
        .post(url)
        .header("content-type", "application/json")
        .header("webhook-id", &delivery.id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(body)
        .send()
        .await
        .map_err(|e| {
            if safe_destination::was_refused(&e) {
                Failure::Refused(safe_destination::Refused.to_string())
            } else {
                Failure::Retry(format!("request failed: {}", e.without_url()))
            }
        })?;
    if response.status().is_success() {
        Ok(())
    } else {
        Err(Failure::Retry(format!("the endpoint answered {}", response.status().as_u16())))
    }
}
