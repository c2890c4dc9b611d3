//! A lost database connection (what a failover does to pooled connections: the old primary is
//! gone) is replayed once when nothing of the request committed, and otherwise answers 503 with
//! Retry-After, never a 500. The whole formation test is `.ci/ha`; this is the same path on one
//! PostgreSQL, whose backends are terminated under the pool (`57P01`, admin shutdown).

use diesel::RunQueryDsl;
use serde_json::json;

use crate::helpers::*;

/// Ends every other connection to the test's database, as a primary's crash would.
fn terminate_backends(database_url: &str) {
    let target = latchkey::store::DatabaseTarget::parse(database_url).unwrap();
    let db = latchkey::store::Db::connect(&target, 1).unwrap();
    let mut conn = db.get().unwrap();
    diesel::sql_query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .execute(&mut *conn)
    .unwrap();
}

fn retries(metrics: &str) -> f64 {
    metrics
        .lines()
        .find(|l| l.starts_with("latchkey_db_retries_total"))
        .and_then(|l| l.split_whitespace().last())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

#[tokio::test]
async fn a_request_on_a_lost_connection_is_served_again_on_a_fresh_one() -> TestResult {
    if !is_postgres() {
        return Ok(()); // SQLite has no server to lose
    }
    let app = spawn_app().await;
    let tenant = app.tenant("acme").await;
    app.user(&tenant, "alice@example.com").await;
    let before = retries(&app.admin_get("/metrics").await.text().await?);
    for _ in 0..3 {
        // The pool trusts a connection returned within the last second: the next login takes
        // the dead one, fails on it, and is served again on a fresh connection.
        assert_eq!(app.login(&tenant, "alice@example.com", PASSWORD).await.status(), 200);
        terminate_backends(&app.database_url);
        let (status, body) = status_body(app.login(&tenant, "alice@example.com", PASSWORD).await).await;
        assert_eq!((status, body["status"].as_str()), (200, Some("authenticated")), "{body}");
    }
    let after = retries(&app.admin_get("/metrics").await.text().await?);
    assert!(after > before, "the replays are counted: {before} → {after}");

    // Readiness answers at once, and says the database accepts writes.
    let started = std::time::Instant::now();
    let r = app.client.get(app.url("/readyz")).send().await?;
    assert_eq!(r.status(), 200);
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    let _ = json!({});
    Ok(())
}
