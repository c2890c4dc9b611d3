use crate::helpers::*;

async fn preflight(app: &TestApp, path: &str, origin: &str) -> reqwest::Response {
    app.client
        .request(reqwest::Method::OPTIONS, app.url(path))
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .send()
        .await
        .unwrap()
}

fn allow_origin(r: &reqwest::Response) -> Option<String> {
    r.headers().get("access-control-allow-origin").map(|v| v.to_str().unwrap_or("").to_owned())
}

#[tokio::test]
async fn configured_origins_may_call_public_endpoints() -> TestResult {
    let app = spawn_app_with(&[("LATCHKEY_CORS_ORIGINS", "https://app.example.com, https://other.example.com/")]).await;
    let r = preflight(&app, "/login", "https://app.example.com").await;
    assert!(r.status().is_success());
    assert_eq!(allow_origin(&r).as_deref(), Some("https://app.example.com"));
    let r = app.client.get(app.url("/healthz")).header("Origin", "https://other.example.com").send().await?;
    assert_eq!(allow_origin(&r).as_deref(), Some("https://other.example.com"));
    // The app may read how long to wait (a lock, a rate limit) and the request's id.
    let exposed = r.headers().get("access-control-expose-headers").map(|v| v.to_str().unwrap_or("").to_lowercase());
    let exposed = exposed.unwrap_or_default();
    assert!(exposed.contains("retry-after") && exposed.contains("x-request-id"), "{exposed}");

    let r = preflight(&app, "/login", "https://evil.example.com").await;
    assert_eq!(allow_origin(&r), None);
    assert_eq!(r.status(), 400);
    let body: serde_json::Value = r.json().await?;
    assert_eq!(body["error"], "origin_not_allowed", "a refused origin is said so, in JSON");
    Ok(())
}

#[tokio::test]
async fn no_origin_is_allowed_by_default_and_admin_is_never_opened() -> TestResult {
    let app = spawn_app().await;
    let r = preflight(&app, "/login", "https://app.example.com").await;
    assert_eq!(allow_origin(&r), None);
    let app = spawn_app_with(&[("LATCHKEY_CORS_ORIGINS", "https://app.example.com")]).await;
    let r = preflight(&app, "/admin/tenants", "https://app.example.com").await;
    assert_eq!(allow_origin(&r), None);
    let r = app
        .client
        .get(app.url("/admin/tenants"))
        .header("Origin", "https://app.example.com")
        .bearer_auth(&app.admin_key)
        .send()
        .await?;
    assert_eq!(allow_origin(&r), None);
    Ok(())
}
