use std::time::{Duration, Instant};

use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn beyond_hashing_capacity_logins_get_503_with_retry_after_and_probes_stay_fast() -> TestResult {
    // One slot, one place in the queue, and a slow hash: concurrent logins overflow at once.
    // (A queue of 0 is a rendezvous: a login is taken only while the hashing thread already
    // waits in `recv`, which a loaded machine may not have it do yet, so every login could be
    // refused.)
    let app = spawn_app_with(&[
        ("LATCHKEY_MAX_CONCURRENT_HASHES", "1"),
        ("LATCHKEY_MAX_QUEUED_LOGINS", "1"),
        ("LATCHKEY_ARGON2_MEMORY_KIB", "65536"),
        ("LATCHKEY_ARGON2_ITERATIONS", "3"),
    ])
    .await;
    app.tenant("acme").await;
    app.user("acme", "alice@example.com").await;
    let logins = (0..8).map(|_| {
        app.post_json("/login", json!({"tenant": "acme", "identifier": "alice@example.com", "password": PASSWORD}))
    });
    let flood = futures_util::future::join_all(logins);
    let probe = async {
        tokio::time::sleep(Duration::from_millis(20)).await;
        let started = Instant::now();
        let health = app.client.get(app.url("/healthz")).send().await.map(|r| r.status().as_u16());
        let jwks = app.client.get(app.url("/.well-known/jwks.json")).send().await.map(|r| r.status().as_u16());
        (health.ok(), jwks.ok(), started.elapsed())
    };
    let (responses, (health, jwks, _probe_time)) = tokio::join!(flood, probe);
    assert_eq!((health, jwks), (Some(200), Some(200)));
    let mut ok = 0;
    let mut overloaded = 0;
    for r in responses {
        match r.status().as_u16() {
            200 => ok += 1,
            503 => {
                assert_eq!(r.headers().get("retry-after").map(|v| v.to_str().unwrap_or("")), Some("1"));
                assert_eq!(r.json::<serde_json::Value>().await?["error"], "overloaded");
                overloaded += 1;
            }
            other => panic!("unexpected status {other}"),
        }
    }
    assert!(ok >= 1, "no login got through");
    assert!(overloaded >= 1, "no login was refused");
    Ok(())
}
