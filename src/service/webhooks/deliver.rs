//! Sending due deliveries, in a worker of their own (a slow or silent endpoint never holds up
//! codes in the message outbox): lease one (exactly one instance gets it), sign, POST through
//! the SSRF-guarded client, record the outcome under that lease. Failures are retried with the
//! outbox's backoff until the delivery expires; a refused destination is not retried.

use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;

use super::secret_context;
use crate::delivery::{key_of, safe_destination, standard_signature};
use crate::domain::UnixTime;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::event_webhooks::{self as rows, DeliveryRow};

const BATCH: i64 = 50;
/// Deliveries sent at once in a pass.
const CONCURRENCY: usize = 8;
const LEASE_SECS: i64 = 60;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
const TIMEOUT: Duration = Duration::from_secs(10);

/// The HTTP client of the deliveries: the SSRF guard in its resolver, no redirects, no proxy.
pub fn delivery_client(state: &AppState) -> Result<reqwest::Client, String> {
    safe_destination::client(state.settings.webhooks_allow_private, CONNECT_TIMEOUT, TIMEOUT).map_err(|e| e.to_string())
}

/// The `event_webhooks` job's pass over the due deliveries; returns how many were sent.
pub async fn deliver_due(state: Arc<AppState>, client: reqwest::Client) -> Result<usize, AppError> {
    let s = state.clone();
    let due = tokio::task::spawn_blocking(move || -> Result<Vec<String>, AppError> {
        let now = s.now();
        let mut conn = s.db.get()?;
        rows::expire(&mut conn, now)?;
        Ok(rows::due(&mut conn, now, BATCH)?)
    })
    .await
    .map_err(AppError::internal)??;
    let sent = futures_util::stream::iter(due)
        .map(|id| deliver_one(state.clone(), client.clone(), id))
        .buffer_unordered(CONCURRENCY)
        .fold(0, |sent, result| async move {
            match result {
                Ok(ok) => sent + usize::from(ok),
                Err(e) => {
                    tracing::warn!(error = %e, "a webhook delivery could not be recorded");
                    sent
                }
            }
        })
        .await;
    Ok(sent)
}

/// What a leased delivery needs: the row, the lease, and its endpoint's URL and secret (or why
/// it cannot be sent at all).
type Leased = (DeliveryRow, UnixTime, Result<(String, String), String>);

async fn deliver_one(state: Arc<AppState>, client: reqwest::Client, id: String) -> Result<bool, AppError> {
    let s = state.clone();
    let leased = tokio::task::spawn_blocking(move || -> Result<Option<Leased>, AppError> {
        let now = s.now();
        let mut conn = s.db.get()?;
        let Some(lease) = rows::claim(&mut conn, &id, now, LEASE_SECS)? else { return Ok(None) };
        let Some(delivery) = rows::find_delivery(&mut conn, &id)? else { return Ok(None) };
        let endpoint = match rows::find(&mut conn, &delivery.webhook_id)? {
            None => Err("the webhook was deleted".to_owned()),
            Some(webhook) => s
                .secrets
                .open(&secret_context(&webhook.id), &webhook.secret_sealed)
                .ok()
                .and_then(|secret| String::from_utf8(secret).ok())
                .map(|secret| (webhook.url, secret))
                .ok_or_else(|| "the webhook's secret cannot be opened with this master key".to_owned()),
        };
        Ok(Some((delivery, lease, endpoint)))
    })
    .await
    .map_err(AppError::internal)??;
    let Some((delivery, lease, endpoint)) = leased else { return Ok(false) };
    let result = match endpoint {
        Ok((url, secret)) => {
            let allow_private = state.settings.webhooks_allow_private;
            post((&client, allow_private), &url, &secret, &delivery, state.now().secs()).await
        }
        Err(reason) => Err(Failure::Refused(reason)),
    };
    let ok = result.is_ok();
    metrics::counter!("latchkey_webhook_events_total", "outcome" => match &result {
        Ok(()) => "sent",
        Err(Failure::Refused(_)) => "refused",
        Err(Failure::Retry(_)) => "failed",
    })
    .increment(1);
    crate::service::outbox::until_recorded(move || {
        let now = state.now();
        let mut conn = state.db.get()?;
        match &result {
            Ok(()) => rows::mark_sent(&mut conn, &delivery.id, lease, now)?,
            Err(failure) => {
                let (error, retry_at) = match failure {
                    Failure::Refused(e) => (e.clone(), None),
                    Failure::Retry(e) => (e.clone(), Some(now + crate::service::outbox::backoff_secs(delivery.attempts))),
                };
                let status = rows::mark_failed(&mut conn, (&delivery.id, lease), &error, retry_at, delivery.expires_at)?;
                tracing::warn!(webhook_id = %delivery.webhook_id, delivery_id = %delivery.id, ?status, %error, "event webhook delivery failed");
            }
        }
        Ok(())
    })
    .await?;
    Ok(ok)
}

enum Failure {
    /// The destination is not allowed, or the delivery cannot be signed: never retried.
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
