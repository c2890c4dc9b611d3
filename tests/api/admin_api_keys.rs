use serde_json::{json, Value};

use crate::helpers::*;

#[tokio::test]
async fn tenant_keys_are_shown_once_listed_without_secret_and_revocable() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    // A key made without scopes checks tokens only.
    let r = app.admin_post("/admin/tenants/acme/api-keys", json!({"name": "gateway"})).await;
    let (status, introspect_only) = status_body(r).await;
    assert_eq!((status, &introspect_only["scopes"]), (201, &json!(["introspect"])));
    let r = app
        .client
        .get(app.url("/admin/tenants/acme/users"))
        .bearer_auth(str_of(&introspect_only, "secret"))
        .send()
        .await?;
    assert_eq!(error_body(r).await["error"], "insufficient_scope");

    let r = app.admin_post("/admin/tenants/acme/api-keys", json!({"name": "billing", "scopes": ["admin"]})).await;
    assert_eq!(r.status(), 201);
    let created: Value = r.json().await?;
    let secret = str_of(&created, "secret").to_owned();
    assert!(secret.starts_with("lk_tenant_"));
    assert_eq!(created["tenant"], "acme");
    assert_eq!(created["scopes"], json!(["introspect", "admin"]), "admin includes introspect");
    let r = app.admin_post("/admin/tenants/acme/api-keys", json!({"scopes": []})).await;
    assert_eq!(r.status(), 400);
    let r = app.admin_post("/admin/tenants/acme/api-keys", json!({"scopes": ["everything"]})).await;
    assert_eq!(r.status(), 400);
    let r = app.admin_post("/admin/tenants/acme/api-keys", json!([null, null])).await;
    assert_eq!(error_body(r).await["error"], "invalid_body", "an array is not the body");

    let list: Value = app.admin_get("/admin/tenants/acme/api-keys").await.json().await?;
    assert_eq!(list.as_array().map(Vec::len), Some(2));
    assert!(!list.to_string().contains(&secret));
    assert!(secret.starts_with(str_of(&list[1], "prefix")));

    // The key works for its own tenant ...
    let r = app.client.get(app.url("/admin/tenants/acme/users")).bearer_auth(&secret).send().await?;
    assert_eq!(r.status(), 200);
    // ... until it is revoked.
    let id = str_of(&created, "id");
    let r = app
        .client
        .delete(app.url(&format!("/admin/tenants/acme/api-keys/{id}")))
        .bearer_auth(&app.admin_key)
        .send()
        .await?;
    assert_eq!(r.status(), 204);
    let r = app.client.get(app.url("/admin/tenants/acme/users")).bearer_auth(&secret).send().await?;
    assert_eq!(r.status(), 401);
    let r = app
        .client
        .delete(app.url(&format!("/admin/tenants/acme/api-keys/{id}")))
        .bearer_auth(&app.admin_key)
        .send()
        .await?;
    assert_eq!(r.status(), 404);
    Ok(())
}

#[tokio::test]
async fn a_key_can_be_created_without_a_body() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let r = app.client.post(app.url("/admin/tenants/acme/api-keys")).bearer_auth(&app.admin_key).send().await?;
    assert_eq!(r.status(), 201);
    let created: Value = r.json().await?;
    assert_eq!(created["name"], "default");
    Ok(())
}

#[tokio::test]
async fn a_tenant_key_cannot_reach_another_tenant() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.tenant("beta").await;
    let beta_user = app.user("beta", "bob@example.com").await;
    let acme_key = app.tenant_key("acme").await;
    let paths =
        [format!("/admin/tenants/beta/users/{}", str_of(&beta_user, "id")), "/admin/tenants/beta/users".to_owned()];
    for path in &paths {
        let r = app.client.get(app.url(path)).bearer_auth(&acme_key).send().await?;
        assert_eq!(r.status(), 403, "{path}");
        assert_eq!(r.json::<Value>().await?["error"], "forbidden");
    }
    let r = app
        .client
        .post(app.url("/admin/tenants/beta/users"))
        .bearer_auth(&acme_key)
        .json(&json!({"email": "eve@example.com", "password": PASSWORD}))
        .send()
        .await?;
    assert_eq!(r.status(), 403);
    // Minting keys is for platform admins only.
    let r = app.client.post(app.url("/admin/tenants/acme/api-keys")).bearer_auth(&acme_key).send().await?;
    assert_eq!(r.status(), 403);
    Ok(())
}

#[tokio::test]
async fn a_malformed_key_body_is_refused_not_ignored() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let r = app
        .client
        .post(app.url("/admin/tenants/acme/api-keys"))
        .bearer_auth(&app.admin_key)
        .header("content-type", "application/json")
        .body("{\"name\": 12")
        .send()
        .await?;
    assert_eq!(r.status(), 400);
    assert_eq!(r.json::<Value>().await?["error"], "invalid_body");
    Ok(())
}

#[tokio::test]
async fn introspection_with_an_unreadable_body_is_a_clear_4xx() -> TestResult {
    let app = spawn_app().await;
    for (content_type, body) in [("text/plain", "token=x"), ("application/json", "{not json")] {
        let r = app
            .client
            .post(app.url("/token/introspect"))
            .bearer_auth(&app.admin_key)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await?;
        assert!(r.status().is_client_error(), "{content_type}: {}", r.status());
        let err: Value = r.json().await?;
        assert!(err["error"].is_string() && err["message"].is_string());
    }
    Ok(())
}
