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

/// What a client generator needs to trust the document: every response described, every
/// operation saying how it authenticates (`security: []` when public), ids typed as UUIDs and
/// times as RFC 3339 date-times.
#[tokio::test]
async fn a_generator_finds_descriptions_security_and_formats_everywhere() -> TestResult {
    let app = spawn_app().await;
    let doc: Value = app.client.get(app.url("/openapi.json")).send().await?.json().await?;
    let mut problems = Vec::new();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            if op["security"].is_null() {
                problems.push(format!("{method} {path}: no security"));
            }
            for (status, response) in op["responses"].as_object().into_iter().flatten() {
                if response["description"].as_str().unwrap_or_default().is_empty() {
                    problems.push(format!("{method} {path} {status}: no description"));
                }
            }
        }
    }
    fn walk(name: &str, schema: &Value, problems: &mut Vec<String>) {
        for (field, property) in schema["properties"].as_object().into_iter().flatten() {
            let is_string = property["type"] == "string"
                || property["type"].as_array().is_some_and(|types| types.iter().any(|t| t == "string"));
            let wants = if field == "id" || (field.ends_with("_id") && field != "request_id") {
                Some("uuid")
            } else if field.ends_with("_at") || field == "locked_until" {
                Some("date-time")
            } else {
                None
            };
            if let Some(format) = wants.filter(|_| is_string && property["pattern"].is_null()) {
                if property["format"] != format {
                    problems.push(format!("{name}.{field}: format {} instead of {format}", property["format"]));
                }
            }
            walk(name, property, problems);
        }
        for key in ["items", "oneOf", "anyOf", "allOf"] {
            match &schema[key] {
                Value::Array(list) => list.iter().for_each(|s| walk(name, s, problems)),
                object @ Value::Object(_) => walk(name, object, problems),
                _ => {}
            }
        }
    }
    for (name, schema) in doc["components"]["schemas"].as_object().into_iter().flatten() {
        walk(name, schema, &mut problems);
    }
    assert!(problems.is_empty(), "{problems:#?}");
    Ok(())
}
