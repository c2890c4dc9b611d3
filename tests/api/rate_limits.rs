//! Per-address and per-account request budgets on the public sign-in endpoints.

use serde_json::{json, Value};

use crate::helpers::*;

fn retry_after(r: &reqwest::Response) -> u64 {
    r.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok()).unwrap_or(0)
}

#[tokio::test]
async fn one_account_gets_its_budget_then_429_with_retry_after() -> TestResult {
    let app = spawn_app_with(&[("LATCHKEY_RATE_LIMIT_PER_ACCOUNT", "5")]).await;
    let tenant = app.tenant("rl-acct").await;
    app.user(&tenant, "a@example.com").await;
    for _ in 0..5 {
        assert_eq!(app.login(&tenant, "a@example.com", "wrong password!").await.status(), 401);
    }
    let r = app.login(&tenant, "A@Example.com", PASSWORD).await;
    assert_eq!(r.status(), 429, "the identifier is counted however it is typed");
    assert!((1..=12).contains(&retry_after(&r)), "{}", retry_after(&r));
    let (_, body) = status_body(r).await;
    assert_eq!(body["error"], "rate_limited");
    assert!(body["retry_after"].as_u64().is_some());
    // Another account from the same address is not affected, nor is a password reset of the
    // same identifier counted apart from logins.
    app.user(&tenant, "b@example.com").await;
    assert_eq!(app.login(&tenant, "b@example.com", PASSWORD).await.status(), 200);
    let r = app.post_json("/password-reset", json!({"tenant": tenant, "identifier": "a@example.com"})).await;
    assert_eq!(r.status(), 429, "login and reset share the account's budget");
    Ok(())
}

#[tokio::test]
async fn one_address_gets_its_budget_across_endpoints() -> TestResult {
    let app = spawn_app_with(&[("LATCHKEY_RATE_LIMIT_PER_IP", "6")]).await;
    let tenant = app.tenant("rl-ip").await;
    app.user(&tenant, "a@example.com").await;
    for i in 0..3 {
        assert_eq!(app.login(&tenant, &format!("u{i}@example.com"), "whatever password").await.status(), 401);
    }
    let r =
        app.post_json("/verify", json!({"challenge_id": "00000000-0000-4000-8000-000000000000", "code": "1"})).await;
    assert_eq!(r.status(), 404);
    let r = app.post_json("/token/refresh", json!({"refresh_token": "nope"})).await;
    assert_eq!(r.status(), 401);
    assert_eq!(app.post_json("/password-reset", json!({"tenant": tenant, "identifier": "x"})).await.status(), 202);
    let r = app.login(&tenant, "a@example.com", PASSWORD).await;
    assert_eq!(r.status(), 429);
    assert!(retry_after(&r) >= 1);
    let r =
        app.post_json("/%6cogin", json!({"tenant": tenant, "identifier": "a@example.com", "password": PASSWORD})).await;
    assert_eq!(r.status(), 429, "an encoded path is the same endpoint");
    assert!(r.headers().get("x-request-id").is_some());
    // What is not a sign-in endpoint keeps working.
    assert_eq!(app.client.get(app.url("/healthz")).send().await?.status(), 200);
    assert_eq!(app.admin_get("/admin/tenants").await.status(), 200);
    Ok(())
}

#[tokio::test]
async fn the_address_is_the_one_resolved_through_trusted_proxies() -> TestResult {
    let app =
        spawn_app_with(&[("LATCHKEY_RATE_LIMIT_PER_IP", "2"), ("LATCHKEY_TRUSTED_PROXIES", "127.0.0.1/32")]).await;
    let login = |ip: &'static str| {
        app.client
            .post(app.url("/login"))
            .header("x-forwarded-for", ip)
            .json(&json!({"tenant": "none", "identifier": "x", "password": "y"}))
            .send()
    };
    assert_eq!(login("198.51.100.1").await?.status(), 401);
    assert_eq!(login("198.51.100.1").await?.status(), 401);
    assert_eq!(login("198.51.100.1").await?.status(), 429);
    assert_eq!(login("198.51.100.2").await?.status(), 401, "another client behind the proxy has its own budget");
    Ok(())
}

#[tokio::test]
async fn a_challenge_has_an_account_budget_too() -> TestResult {
    let app = spawn_app_with(&[("LATCHKEY_RATE_LIMIT_PER_ACCOUNT", "3")]).await;
    let tenant = app.tenant_with_2fa("rl-ch", "required").await;
    app.user(&tenant, "c@example.com").await;
    app.enrolled_with_totp(&tenant, "c@example.com").await;
    let r = app.login(&tenant, "c@example.com", PASSWORD).await;
    let challenge: serde_json::Value = r.json().await?;
    let id = &challenge["challenge_id"];
    let mut statuses = Vec::new();
    let upper = Value::from(id.as_str().unwrap_or("").to_uppercase());
    for id in [id, &upper, id, &upper] {
        statuses.push(app.verify(id, "000000").await.status().as_u16());
    }
    assert_eq!(statuses, [401, 401, 401, 429], "the same challenge however its id is written");
    Ok(())
}
