use serde_json::Value;

use crate::helpers::*;

/// The committed document is what the server serves. Regenerate with
/// `cargo run -- openapi > openapi/openapi.json`.
#[tokio::test]
async fn the_committed_openapi_document_matches_the_served_one() -> TestResult {
    let app = spawn_app().await;
    let served: Value = app.client.get(app.url("/openapi.json")).send().await?.json().await?;
    let committed: Value =
        serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json"))?)?;
    assert!(served == committed, "openapi/openapi.json is stale: run `cargo run -- openapi > openapi/openapi.json`");
    assert_eq!(served["openapi"], "3.1.0");
    Ok(())
}

#[tokio::test]
async fn every_served_route_is_documented_with_its_errors() -> TestResult {
    let app = spawn_app().await;
    let doc: Value = app.client.get(app.url("/openapi.json")).send().await?.json().await?;
    let paths = doc["paths"].as_object().ok_or("no paths")?;
    for expected in [
        "/login",
        "/token/refresh",
        "/token/introspect",
        "/logout",
        "/me",
        "/.well-known/jwks.json",
        "/healthz",
        "/readyz",
        "/admin/tenants",
        "/admin/tenants/{slug}",
        "/admin/tenants/{slug}/users",
        "/admin/tenants/{slug}/users/{user_id}",
        "/admin/tenants/{slug}/api-keys",
        "/admin/tenants/{slug}/api-keys/{key_id}",
        "/admin/signing-keys",
        "/admin/signing-keys/rotate",
    ] {
        assert!(paths.contains_key(expected), "{expected} is not documented");
    }
    for (path, item) in paths {
        for (method, op) in item.as_object().ok_or("bad item")? {
            let responses = op["responses"].as_object().ok_or("no responses")?;
            let needs_errors = path != "/healthz" && path != "/.well-known/jwks.json";
            assert!(
                !needs_errors || responses.keys().any(|code| code.starts_with('4') || code.starts_with('5')),
                "{method} {path} documents no error"
            );
        }
    }
    let r = app.client.get(app.url("/docs/")).send().await?;
    assert_eq!(r.status(), 200);
    assert!(r.text().await?.to_lowercase().contains("swagger"));
    Ok(())
}
