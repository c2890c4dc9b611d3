//! The jobs Latchkey runs in the background, by name.

use std::sync::Arc;

use super::Job;
use crate::service::{audit_log, outbox, unfinished_alerts, webhooks};
use crate::state::AppState;

/// Every job's name (for the metrics exported at 0).
pub const NAMES: &[&str] =
    &["outbox", "event_webhooks", "unfinished_alerts", "purge", "audit_retention", "rate_limit_memory"];

/// Ended messages, deliveries, challenges and resets are kept this long (for the admin
/// listings), then deleted.
const KEEP_SECS: i64 = 7 * 86_400;

pub fn all(state: &AppState) -> Vec<Job> {
    let mut jobs = vec![
        // Messages the requests could not send: retried with backoff until they expire.
        Job::new("outbox", 0, |state: Arc<AppState>| async move { outbox::send_due(&state).await }),
        // Logins that stopped at the second factor: one alert per user per hour.
        Job::blocking("unfinished_alerts", 0, |state| {
            unfinished_alerts::run(state, &mut *state.db.get()?, state.now())
        }),
        Job::blocking("purge", 60, purge),
        Job::blocking("audit_retention", 3600, |state| audit_log::purge_expired(&mut *state.db.get()?, state.now())),
        Job::new("rate_limit_memory", 60, |state: Arc<AppState>| async move {
            state.limits.forget_idle();
            Ok(0)
        }),
    ];
    match webhooks::delivery_client(state) {
        Ok(client) => jobs.push(Job::new("event_webhooks", 0, move |state: Arc<AppState>| {
            webhooks::deliver_due(state, client.clone())
        })),
        Err(e) => tracing::error!(error = %e, "event webhooks are not sent"),
    }
    jobs
}

/// Deletes what ended more than `KEEP_SECS` ago, and rate counters older than a day.
fn purge(state: &AppState) -> Result<usize, crate::error::AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    let before = now - KEEP_SECS;
    Ok(crate::store::outbox::purge(&mut conn, before)?
        + crate::store::event_webhooks::purge(&mut conn, before)?
        + crate::store::challenges::purge_expired(&mut conn, before)?
        + crate::store::passkey_logins::purge_expired(&mut conn, before)?
        + crate::store::password_resets::purge_expired(&mut conn, before)?
        + crate::store::rate_counters::purge(&mut conn, now - 86_400)?)
}
