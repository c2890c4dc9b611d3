//! Every answer carries a request id: the caller's `X-Request-Id` when it is plain, else a new
//! one; error bodies and the log lines of the request carry the same id.

use serde_json::json;

use crate::helpers::*;

fn id_of(r: &reqwest::Response) -> String {
    r.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned()
}

#[tokio::test]
async fn the_callers_id_is_echoed_in_the_header_the_error_body_and_the_logs() -> TestResult {
    let app = spawn_app().await;
    let r = app
        .client
        .post(app.url("/login"))
        .header("x-request-id", "trace-4711.abc_DEF")
        .json(&json!({"tenant": "no-such-tenant", "identifier": "x@example.com", "password": "nope nope"}))
        .send()
        .await?;
    assert_eq!(id_of(&r), "trace-4711.abc_DEF");
    let (status, body) = status_body(r).await;
    assert_eq!(status, 401);
    assert_eq!(body["request_id"], "trace-4711.abc_DEF");
    let logs = crate::logs::text();
    let line = logs.lines().find(|l| l.contains("trace-4711.abc_DEF") && l.contains("POST /login")).unwrap_or("");
    assert!(line.contains("401"), "the access log line carries the id and the status: {line:?}");
    assert!(line.contains("tenant=no-such-tenant") || line.contains("tenant"), "{line}");
    Ok(())
}

#[tokio::test]
async fn a_missing_or_unsafe_id_is_replaced() -> TestResult {
    let app = spawn_app().await;
    let r = app.client.get(app.url("/healthz")).send().await?;
    let made = id_of(&r);
    assert_eq!(made.len(), 32, "{made}");
    assert!(made.chars().all(|c| c.is_ascii_hexdigit()));
    let r = app.client.get(app.url("/nope")).header("x-request-id", "evil\"id with spaces").send().await?;
    let replaced = id_of(&r);
    assert_eq!(replaced.len(), 32, "{replaced}");
    let (_, body) = status_body(r).await;
    assert_eq!(body["request_id"], replaced.as_str(), "404s carry it too");
    let long = "a".repeat(65);
    let r = app.client.get(app.url("/healthz")).header("x-request-id", &long).send().await?;
    assert_ne!(id_of(&r), long);
    Ok(())
}
