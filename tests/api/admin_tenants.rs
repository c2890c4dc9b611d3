use serde_json::{json, Value};

use crate::helpers::*;

#[tokio::test]
async fn an_admin_creates_reads_lists_and_renames_tenants() -> TestResult {
    let app = spawn_app().await;
    let r = app.admin_post("/admin/tenants", json!({"slug": "acme", "name": "Acme Clinic"})).await;
    assert_eq!(r.status(), 201);
    let created: Value = r.json().await?;
    assert_eq!(created["slug"], "acme");
    assert_eq!(created["name"], "Acme Clinic");

    let got: Value = app.admin_get("/admin/tenants/acme").await.json().await?;
    assert_eq!(got["id"], created["id"]);
    app.tenant("beta").await;
    let list: Value = app.admin_get("/admin/tenants").await.json().await?;
    let slugs: Vec<&str> = list["tenants"].as_array().unwrap().iter().map(|t| t["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs, ["acme", "beta"]);
    assert!(list["next_after"].is_null());

    let r = app
        .client
        .patch(app.url("/admin/tenants/acme"))
        .bearer_auth(&app.admin_key)
        .json(&json!({"name": "Acme Vets"}))
        .send()
        .await?;
    assert_eq!(r.status(), 200);
    let renamed: Value = r.json().await?;
    assert_eq!(renamed["name"], "Acme Vets");
    Ok(())
}

#[tokio::test]
async fn bad_tenant_input_is_refused_with_a_code() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let cases = [
        (json!({"slug": "acme", "name": "Again"}), 409, "tenant_exists"),
        (json!({"slug": "Not Valid", "name": "X"}), 400, "invalid_slug"),
        (json!({"slug": "ok-slug", "name": "  "}), 400, "invalid_name"),
        (json!({"slug": "ok-slug"}), 400, "invalid_body"),
        (json!({"slug": "ok-slug", "name": "X", "extra": 1}), 400, "invalid_body"),
    ];
    for (body, status, code) in cases {
        let r = app.admin_post("/admin/tenants", body.clone()).await;
        assert_eq!(r.status(), status, "{body}");
        let err: Value = r.json().await?;
        assert_eq!(err["error"], code, "{body}");
        assert!(err["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let r = app.admin_get("/admin/tenants/missing").await;
    assert_eq!(r.status(), 404);
    Ok(())
}

#[tokio::test]
async fn admin_endpoints_need_a_valid_platform_key() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let r = app.client.get(app.url("/admin/tenants")).send().await?;
    assert_eq!(r.status(), 401);
    assert_eq!(r.headers().get("www-authenticate").map(|v| v.to_str().unwrap_or("")), Some("Bearer"));
    assert_eq!(r.json::<Value>().await?["error"], "missing_credentials");

    let r = app.client.get(app.url("/admin/tenants")).bearer_auth("lk_admin_wrong").send().await?;
    assert_eq!(r.status(), 401);
    assert_eq!(r.json::<Value>().await?["error"], "invalid_api_key");

    let tenant_key = app.tenant_key("acme").await;
    let r = app.client.get(app.url("/admin/tenants")).bearer_auth(&tenant_key).send().await?;
    assert_eq!(r.status(), 403);
    assert_eq!(r.json::<Value>().await?["error"], "forbidden");
    Ok(())
}

#[tokio::test]
async fn tenants_are_listed_a_page_at_a_time() -> TestResult {
    let app = spawn_app().await;
    for slug in ["t-a", "t-b", "t-c", "t-d", "t-e"] {
        app.tenant(slug).await;
    }
    let mut seen = Vec::new();
    let mut after = String::new();
    loop {
        let page: Value = app.admin_get(&format!("/admin/tenants?limit=2{after}")).await.json().await?;
        let slugs: Vec<String> =
            page["tenants"].as_array().unwrap().iter().map(|t| t["slug"].as_str().unwrap().to_owned()).collect();
        assert!(slugs.len() <= 2);
        seen.extend(slugs);
        match page["next_after"].as_str() {
            Some(next) => after = format!("&after={next}"),
            None => break,
        }
    }
    assert_eq!(seen, ["t-a", "t-b", "t-c", "t-d", "t-e"]);
    assert_eq!(app.admin_get("/admin/tenants?limit=0").await.status(), 400);
    assert_eq!(app.admin_get("/admin/tenants?limit=201").await.status(), 400);
    Ok(())
}

#[tokio::test]
async fn a_tenant_key_cannot_tell_whether_another_tenant_exists() -> TestResult {
    let app = spawn_app().await;
    app.tenant("mine").await;
    app.tenant("theirs").await;
    let key = app.tenant_key("mine").await;
    let mut answers = Vec::new();
    for slug in ["theirs", "nobody-has-this"] {
        let r = app.client.get(app.url(&format!("/admin/tenants/{slug}/users"))).bearer_auth(&key).send().await?;
        answers.push((r.status().as_u16(), error_body(r).await));
    }
    assert_eq!(answers[0].0, 403);
    assert_eq!(answers[0], answers[1], "an existing and a made-up tenant answer alike");
    Ok(())
}
