//! The process-wide Prometheus recorder (`metrics` + `metrics-exporter-prometheus`) and what a
//! scrape reads from the database and the pools. Every label takes a bounded set of values:
//! route templates, methods, statuses, outcomes, kinds; never ids, addresses or raw paths.

use std::sync::OnceLock;
use std::time::Duration;

use metrics::{describe_counter, describe_gauge, describe_histogram, gauge, Unit};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::domain::OutboxStatus;
use crate::error::AppError;
use crate::state::AppState;

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Seconds: from a fast cached read to a slow password hash under load.
const LATENCY_BUCKETS: [f64; 14] =
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

/// Installs the recorder once per process (later calls, as from a second app in tests, reuse it).
pub fn install() {
    HANDLE.get_or_init(|| {
        let builder =
            PrometheusBuilder::new().set_buckets_for_metric(Matcher::Suffix("_seconds".into()), &LATENCY_BUCKETS);
        let handle = match builder.and_then(PrometheusBuilder::install_recorder) {
            Ok(handle) => handle,
            Err(e) => {
                tracing::warn!(error = %e, "metrics are off: the recorder could not be installed");
                return None;
            }
        };
        let upkeep = handle.clone();
        // Folds recorded histogram samples into their buckets, so memory stays flat between scrapes.
        let _ = std::thread::Builder::new().name("latchkey-metrics".into()).spawn(move || loop {
            std::thread::sleep(Duration::from_secs(5));
            upkeep.run_upkeep();
        });
        describe();
        export_at_zero();
        if let Err(e) = diesel::connection::set_default_instrumentation(count_statements) {
            tracing::warn!(error = %e, "database statements are not counted");
        }
        Some(handle)
    });
}

/// Every connection opened from now on counts the statements it sends
/// (`latchkey_db_statements_total`; the benchmark divides it by requests).
fn count_statements() -> Option<Box<dyn diesel::connection::Instrumentation>> {
    static STATEMENTS: OnceLock<metrics::Counter> = OnceLock::new();
    let counter = STATEMENTS.get_or_init(|| metrics::counter!("latchkey_db_statements_total")).clone();
    Some(Box::new(move |event: diesel::connection::InstrumentationEvent<'_>| {
        if let diesel::connection::InstrumentationEvent::StartQuery { .. } = event {
            counter.increment(1);
        }
    }))
}

fn describe() {
    describe_counter!(
        "latchkey_db_statements_total",
        "SQL statements sent to the database (transactions' BEGIN and COMMIT included)"
    );
    describe_counter!("latchkey_http_requests_total", "HTTP requests by route template, method and status");
    describe_histogram!(
        "latchkey_http_request_duration_seconds",
        Unit::Seconds,
        "HTTP request latency by route template, method and status"
    );
    describe_counter!(
        "latchkey_logins_total",
        "Password logins by outcome: authenticated, second_factor_required, enrollment_required, enrollment_suggested, invalid, locked, overloaded, refused"
    );
    describe_counter!(
        "latchkey_second_factor_verifications_total",
        "Second-factor checks by kind (totp, sms, email, webauthn, recovery_code) and outcome (success, invalid, locked)"
    );
    describe_counter!("latchkey_passkey_logins_total", "Passkey sign-ins by outcome (authenticated, refused, locked)");
    describe_counter!(
        "latchkey_webauthn_counter_regressions_total",
        "Key answers refused because the signature counter did not go up (a copied key, or a replay)"
    );
    describe_counter!("latchkey_account_locks_total", "Accounts locked, by reason (password, second_factor)");
    describe_counter!("latchkey_rate_limited_total", "Requests refused by a rate limit, by scope (ip, account)");
    describe_gauge!("latchkey_hash_queue_depth", "Password hashes waiting for a hashing thread");
    describe_histogram!("latchkey_hash_queue_wait_seconds", Unit::Seconds, "Time a password hash waited for a thread");
    describe_gauge!("latchkey_db_pool_connections", "Database pool connections by state (in_use, idle)");
    describe_histogram!("latchkey_db_pool_wait_seconds", Unit::Seconds, "Time spent waiting for a database connection");
    describe_counter!(
        "latchkey_db_retries_total",
        "Requests served once more after their database connection was lost before anything committed (a failover)"
    );
    describe_gauge!("latchkey_outbox_messages", "Outbox messages by status (queued, sending, sent, failed, expired …)");
    describe_counter!(
        "latchkey_messages_sent_total",
        "Messages handed to a sender, by channel (sms, email) and outcome"
    );
    describe_counter!("latchkey_sms_spent_total", "SMS taken from tenants' budgets");
    describe_counter!("latchkey_webhook_events_total", "Event webhook deliveries by outcome");
    describe_counter!("latchkey_job_runs_total", "Background job passes by job and outcome (ok, failed, panicked)");
    describe_histogram!("latchkey_job_duration_seconds", Unit::Seconds, "Background job pass duration by job");
}

/// Every counter and histogram whose label values are known in advance, at 0 from start-up: a
/// dashboard's `rate(…)` or an alert on a series that has not moved yet sees 0, not nothing.
/// (The HTTP series are labelled by route, method and status, and appear with their first
/// request.)
fn export_at_zero() {
    use metrics::{counter, histogram};
    counter!("latchkey_db_statements_total").increment(0);
    for outcome in [
        "authenticated",
        "second_factor_required",
        "enrollment_required",
        "enrollment_suggested",
        "invalid",
        "locked",
        "overloaded",
        "rate_limited",
        "refused",
    ] {
        counter!("latchkey_logins_total", "outcome" => outcome).increment(0);
    }
    for kind in ["totp", "sms", "email", "webauthn", "recovery_code"] {
        for outcome in ["success", "invalid", "locked"] {
            counter!("latchkey_second_factor_verifications_total", "kind" => kind, "outcome" => outcome).increment(0);
        }
    }
    for reason in ["password", "second_factor"] {
        counter!("latchkey_account_locks_total", "reason" => reason).increment(0);
    }
    for outcome in ["authenticated", "refused", "locked"] {
        counter!("latchkey_passkey_logins_total", "outcome" => outcome).increment(0);
    }
    counter!("latchkey_webauthn_counter_regressions_total").increment(0);
    for scope in ["ip", "account"] {
        counter!("latchkey_rate_limited_total", "scope" => scope).increment(0);
    }
    for channel in ["sms", "email"] {
        for outcome in ["sent", "refused", "failed"] {
            counter!("latchkey_messages_sent_total", "channel" => channel, "outcome" => outcome).increment(0);
        }
    }
    counter!("latchkey_sms_spent_total").increment(0);
    for outcome in ["sent", "refused", "failed"] {
        counter!("latchkey_webhook_events_total", "outcome" => outcome).increment(0);
    }
    for job in crate::jobs::NAMES {
        for outcome in ["ok", "failed", "panicked"] {
            counter!("latchkey_job_runs_total", "job" => *job, "outcome" => outcome).increment(0);
        }
    }
    // Registered, so that each exports its buckets at 0 before its first sample.
    drop(histogram!("latchkey_hash_queue_wait_seconds"));
    drop(histogram!("latchkey_db_pool_wait_seconds"));
    counter!("latchkey_db_retries_total").increment(0);
}

/// The Prometheus text for one scrape, with the gauges read now.
pub fn render(state: &AppState) -> Result<String, AppError> {
    let Some(Some(handle)) = HANDLE.get() else {
        return Err(AppError::internal("the metrics recorder is not installed"));
    };
    let pool = state.db.pool_state();
    gauge!("latchkey_db_pool_connections", "state" => "in_use")
        .set(f64::from(pool.connections - pool.idle_connections));
    gauge!("latchkey_db_pool_connections", "state" => "idle").set(f64::from(pool.idle_connections));
    gauge!("latchkey_hash_queue_depth").set(state.hash_pool.queued() as f64);
    let depth = crate::store::outbox::count_by_status(&mut *state.db.get()?)?;
    for status in <OutboxStatus as strum::VariantArray>::VARIANTS {
        let n = depth.iter().find(|(s, _)| s == status).map_or(0, |(_, n)| *n);
        gauge!("latchkey_outbox_messages", "status" => status.as_str()).set(n as f64);
    }
    Ok(handle.render())
}
