//! Input that must be refused where it enters, with a JSON error, on both databases: NUL bytes
//! (PostgreSQL cannot store them), invisible formatting characters (display spoofing) and log
//! injection.

use serde_json::{json, Value};

use crate::helpers::*;

async fn assert_json_400(r: reqwest::Response, what: &str) -> Value {
    assert_eq!(r.status(), 400, "{what}");
    let body: Value = r.json().await.unwrap_or_else(|e| panic!("{what}: not JSON: {e}"));
    assert!(body["error"].is_string() && body["message"].is_string(), "{what}: {body}");
    body
}

#[tokio::test]
async fn nul_bytes_are_refused_with_400_everywhere_including_unauthenticated_endpoints() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let alice = app.user("acme", "alice@example.com").await;

    let r = app
        .post_json("/login", json!({"tenant": "ac\u{0}me", "identifier": "alice@example.com", "password": PASSWORD}));
    assert_json_400(r.await, "login tenant").await;
    let r = app.post_json("/verify", json!({"challenge_id": "\u{0}", "code": "123456"}));
    assert_json_400(r.await, "verify challenge_id").await;
    let r = app.admin_post("/admin/tenants", json!({"slug": "nul", "name": "Nul\u{0}Clinic"}));
    assert_json_400(r.await, "tenant name").await;
    let r = app.admin_post(
        "/admin/tenants/acme/users",
        json!({"email": "bob@example.com", "password": PASSWORD, "display_name": "Bob\u{0}"}),
    );
    assert_json_400(r.await, "display name").await;
    let r = app.admin_post("/admin/tenants/acme/api-keys", json!({"name": "key\u{0}"}));
    assert_json_400(r.await, "API key name").await;
    assert_json_400(app.admin_get("/admin/tenants/acme/users/%00").await, "user id in the path").await;
    assert_json_400(app.admin_get("/admin/tenants/ac%00me").await, "slug in the path").await;
    assert_json_400(app.admin_get("/admin/tenants/acme/users?after=%00").await, "after in the query").await;
    let path = format!("/challenges/{}%00/resend", str_of(&alice, "id"));
    assert_json_400(app.post_json(&path, json!({})).await, "challenge id in the path").await;
    Ok(())
}

#[tokio::test]
async fn names_and_emails_refuse_bidi_overrides_and_invisible_characters() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let r = app.admin_post("/admin/tenants", json!({"slug": "spoof", "name": "Acme\u{202E}cinilC"}));
    assert_eq!(assert_json_400(r.await, "tenant name").await["error"], "invalid_name");
    let r = app
        .admin_post("/admin/tenants/acme/users", json!({"email": "admin\u{202E}@example.com", "password": PASSWORD}));
    assert_eq!(assert_json_400(r.await, "email").await["error"], "invalid_email");
    let r = app.admin_post(
        "/admin/tenants/acme/users",
        json!({"email": "carol@example.com", "password": PASSWORD, "display_name": "Carol\u{200B}Admin"}),
    );
    assert_eq!(assert_json_400(r.await, "display name").await["error"], "invalid_display_name");
    Ok(())
}

#[tokio::test]
async fn a_refused_login_cannot_forge_log_lines() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let forged = "acme\n2026-11-25T00:00:00Z  INFO latchkey: FORGED admin login\u{1b}[2J";
    let r = app.post_json("/login", json!({"tenant": forged, "identifier": "x@example.com", "password": PASSWORD}));
    assert_eq!(r.await.status(), 400);
    let r = app.post_json("/login", json!({"tenant": "nosuch", "identifier": "x@example.com", "password": PASSWORD}));
    assert_eq!(r.await.status(), 401);
    let logs = crate::logs::text();
    assert!(!logs.contains("FORGED admin login"), "a client's text reached the log raw");
    assert!(!logs.contains('\u{1b}'), "a terminal escape reached the log");
    Ok(())
}

#[tokio::test]
async fn phone_hints_know_the_country_code() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user_with_phone("acme", "alice@example.com", "+33 1 23 45 67 89").await;
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["status"], "enrollment_required");
    assert_eq!(login["phone_hint"], "+33 ••• •• 89");
    Ok(())
}

#[tokio::test]
async fn a_wrong_method_is_405_with_allow_in_json() -> TestResult {
    let app = spawn_app().await;
    for (method, path, allow) in [
        ("TRACE", "/login", "POST"),
        ("GET", "/verify", "POST"),
        ("DELETE", "/admin/tenants", "GET, HEAD, POST"),
        ("PUT", "/admin/tenants/acme/users/9f1c1b1e-2f4c-4a57-9a55-5f0f6f4c2a10", "GET, HEAD, PATCH, DELETE"),
    ] {
        let method = reqwest::Method::from_bytes(method.as_bytes())?;
        let r = app.client.request(method.clone(), app.url(path)).send().await?;
        assert_eq!(r.status(), 405, "{method} {path}");
        assert_eq!(r.headers().get("allow").and_then(|v| v.to_str().ok()), Some(allow), "{method} {path}");
        let (_, body) = status_body(r).await;
        assert_eq!(body["error"], "http_method_not_allowed");
    }
    let r = app.client.get(app.url("/no/such/thing")).send().await?;
    assert_eq!(status_body(r).await.1["error"], "not_found");
    Ok(())
}

#[tokio::test]
async fn head_is_served_wherever_get_is() -> TestResult {
    let app = spawn_app().await;
    for (path, key, status) in [
        ("/healthz", None, 200),
        ("/.well-known/jwks.json", None, 200),
        ("/openapi.json", None, 200),
        ("/admin/tenants", Some(app.admin_key.clone()), 200),
        ("/admin/tenants", None, 401),
    ] {
        let with_key = |r: reqwest::RequestBuilder| match &key {
            Some(k) => r.bearer_auth(k),
            None => r,
        };
        let get = with_key(app.client.get(app.url(path))).send().await?;
        let head = with_key(app.client.head(app.url(path))).send().await?;
        assert_eq!(head.status(), status, "HEAD {path}");
        assert_eq!(get.status(), status, "GET {path}");
        for name in ["content-type", "content-length", "cache-control"] {
            assert_eq!(head.headers().get(name), get.headers().get(name), "HEAD {path}: {name}");
        }
        assert!(head.bytes().await?.is_empty(), "HEAD {path} has no body");
    }
    Ok(())
}

#[tokio::test]
async fn oversized_bodies_are_json_413_everywhere() -> TestResult {
    let app = spawn_app_with(&[("LATCHKEY_MAX_BODY_BYTES", "1024")]).await;
    app.tenant("acme").await;
    let big = "x".repeat(4096);
    let key = app.tenant_key("acme").await;
    let requests = [
        app.client.post(app.url("/token/introspect")).bearer_auth(&key).json(&json!({"token": big})),
        app.client.post(app.url("/token/introspect")).bearer_auth(&key).form(&[("token", big.as_str())]),
        app.client
            .post(app.url("/admin/tenants/acme/api-keys"))
            .bearer_auth(&app.admin_key)
            .json(&json!({"name": big})),
        app.client.post(app.url("/login")).json(&json!({"tenant": "acme", "identifier": big, "password": "x"})),
    ];
    for request in requests {
        let r = request.send().await?;
        assert_eq!(r.status(), 413);
        assert!(r
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .starts_with("application/json"));
        let (_, body) = status_body(r).await;
        assert_eq!(body["error"], "payload_too_large", "{body}");
        assert!(body["request_id"].is_string());
    }
    Ok(())
}
