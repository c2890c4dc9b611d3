//! `/metrics`: the admin-key endpoint, the keyless listener, and the series operators alert on.

use serde_json::json;

use crate::helpers::*;

async fn scrape(app: &TestApp) -> String {
    let r = app.admin_get("/metrics").await;
    assert_eq!(r.status(), 200);
    let kind = r.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert!(kind.starts_with("text/plain"), "{kind}");
    r.text().await.unwrap_or_default()
}

/// The value of one series (name with its labels exactly as rendered), 0 when absent.
fn value(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(series).and_then(|rest| rest.strip_prefix(' ')))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0.0)
}

#[tokio::test]
async fn metrics_count_requests_logins_verifications_and_locks() -> TestResult {
    let app = spawn_app().await;
    let tenant = app.tenant_with_2fa("metrics-co", "required").await;
    app.user(&tenant, "m@example.com").await;
    app.enrolled_with_totp(&tenant, "m@example.com").await;
    let before = scrape(&app).await;

    assert_eq!(app.login(&tenant, "m@example.com", "wrong password!").await.status(), 401);
    let r = app.login(&tenant, "m@example.com", PASSWORD).await;
    let challenge: serde_json::Value = r.json().await?;
    for _ in 0..5 {
        let r = app.verify(&challenge["challenge_id"], "000000").await;
        assert!(r.status() == 401 || r.status() == 423);
    }
    // The background jobs wake every 50 ms here: give them a few wake-ups.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let after = scrape(&app).await;

    let grew = |series: &str, by: f64| {
        let (b, a) = (value(&before, series), value(&after, series));
        assert!(a - b >= by, "{series}: {b} -> {a}\n{after}");
    };
    grew(r#"latchkey_logins_total{outcome="invalid"}"#, 1.0);
    grew(r#"latchkey_logins_total{outcome="second_factor_required"}"#, 1.0);
    grew(r#"latchkey_second_factor_verifications_total{kind="totp",outcome="invalid"}"#, 4.0);
    grew(r#"latchkey_account_locks_total{reason="second_factor"}"#, 1.0);
    grew(r#"latchkey_http_requests_total{route="/login",method="POST",status="401"}"#, 1.0);
    // The background jobs ran meanwhile (each wakes every 50 ms in tests).
    grew(r#"latchkey_job_runs_total{job="outbox",outcome="ok"}"#, 1.0);
    grew(r#"latchkey_job_runs_total{job="unfinished_alerts",outcome="ok"}"#, 1.0);
    for present in [
        // The status on the duration: errors' latency apart from successes'.
        "latchkey_http_request_duration_seconds_bucket{route=\"/verify\",method=\"POST\",status=\"401\",le=\"0.005\"}",
        "latchkey_http_request_duration_seconds_bucket{route=\"/login\",method=\"POST\",status=\"200\",le=\"0.005\"}",
        "latchkey_hash_queue_depth ",
        "latchkey_db_pool_connections{state=\"idle\"}",
        "latchkey_outbox_messages{status=\"queued\"}",
        "# HELP latchkey_logins_total",
    ] {
        assert!(after.contains(present), "{present} missing");
    }
    // No label carries an id, an address or a raw path.
    assert!(!after.contains(tenant.as_str()) && !after.contains("m@example.com"));
    assert!(!after.contains(challenge["challenge_id"].as_str().unwrap_or("-")));
    Ok(())
}

#[tokio::test]
async fn metrics_need_the_platform_admin_key() -> TestResult {
    let app = spawn_app().await;
    assert_eq!(app.client.get(app.url("/metrics")).send().await?.status(), 401);
    app.tenant("metrics-key").await;
    let key = app.tenant_key("metrics-key").await;
    let r = app.client.get(app.url("/metrics")).bearer_auth(key).send().await?;
    assert_eq!(r.status(), 403);
    Ok(())
}

#[tokio::test]
async fn a_separate_metrics_address_serves_without_a_key() -> TestResult {
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let bind = format!("127.0.0.1:{port}");
    let app = spawn_app_with(&[("LATCHKEY_METRICS_BIND", bind.as_str())]).await;
    let _ = app.post_json("/login", json!({"tenant": "none", "identifier": "x", "password": "y"})).await;
    let r = app.client.get(format!("http://{bind}/metrics")).send().await?;
    assert_eq!(r.status(), 200);
    assert!(r.text().await?.contains("latchkey_logins_total"));
    // Only /metrics is there: the API is not exposed on the metrics address.
    assert_eq!(app.client.get(format!("http://{bind}/healthz")).send().await?.status(), 404);
    Ok(())
}

/// A fresh process exports every counter and histogram whose labels are known, at 0, so that a
/// dashboard's `rate(…)` sees a series before the first SMS, lock or refusal.
#[tokio::test]
async fn a_fresh_server_exports_its_counters_at_zero() -> TestResult {
    let app = spawn_app().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let bind = format!("127.0.0.1:{port}");
    let child = crate::process::ChildServer::start_with(&app, &[("LATCHKEY_METRICS_BIND", bind.as_str())]);
    let text = app.client.get(format!("http://{bind}/metrics")).send().await?.text().await?;
    drop(child);
    for series in [
        "latchkey_sms_spent_total",
        r#"latchkey_messages_sent_total{channel="sms",outcome="sent"}"#,
        r#"latchkey_messages_sent_total{channel="email",outcome="failed"}"#,
        r#"latchkey_logins_total{outcome="locked"}"#,
        r#"latchkey_second_factor_verifications_total{kind="recovery_code",outcome="success"}"#,
        r#"latchkey_account_locks_total{reason="password"}"#,
        r#"latchkey_rate_limited_total{scope="ip"}"#,
        r#"latchkey_webhook_events_total{outcome="refused"}"#,
        r#"latchkey_job_runs_total{job="event_webhooks",outcome="panicked"}"#,
        "latchkey_hash_queue_wait_seconds_count",
        "latchkey_db_pool_wait_seconds_count",
    ] {
        let line = text.lines().find(|l| l.strip_prefix(series).is_some_and(|rest| rest.starts_with(' ')));
        assert!(line.is_some(), "{series} is not exported\n{text}");
    }
    assert_eq!(value(&text, "latchkey_sms_spent_total"), 0.0);
    assert_eq!(value(&text, r#"latchkey_account_locks_total{reason="second_factor"}"#), 0.0);
    Ok(())
}

/// An idle server on PostgreSQL holds the connection its background workers use (two when their
/// passes overlap) and, for a minute after start, the signing-key loader's: not a pool's worth.
#[tokio::test]
async fn an_idle_server_holds_few_database_connections() -> TestResult {
    if !is_postgres() {
        return Ok(());
    }
    let app = spawn_app().await;
    let url = format!("{}&application_name=latchkey_idle_child", app.database_url);
    let child = crate::process::ChildServer::start_with(&app, &[("LATCHKEY_DATABASE_URL", url.as_str())]);
    let r = app.client.get(format!("{}/healthz", child.address)).send().await?;
    assert_eq!(r.status(), 200);
    let admin = std::env::var("LATCHKEY_TEST_DATABASE_URL")?;
    let count = || -> Result<i64, Box<dyn std::error::Error>> {
        use diesel::{Connection, RunQueryDsl};
        #[derive(diesel::QueryableByName)]
        struct Held {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let mut conn = diesel::PgConnection::establish(&admin)?;
        let held: Held = diesel::sql_query(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'latchkey_idle_child'",
        )
        .get_result(&mut conn)?;
        Ok(held.n)
    };
    let mut most = 0;
    for _ in 0..10 {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        most = most.max(count()?);
    }
    drop(child);
    assert!(most >= 1, "the child is connected");
    assert!(most <= 3, "an idle server held {most} connections");
    Ok(())
}
