use serde_json::{json, Value};

use crate::helpers::*;

#[tokio::test]
async fn an_admin_manages_users_and_never_sees_a_hash() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let r = app
        .admin_post(
            "/admin/tenants/acme/users",
            json!({"email": " Alice@Example.com ", "password": PASSWORD, "phone_number": "+358 40 123 4567", "display_name": "Alice"}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let user: Value = r.json().await?;
    assert_eq!(user["email"], "alice@example.com");
    assert_eq!(user["phone_number"], "+358401234567");
    assert_eq!(user["active"], true);
    let text = user.to_string();
    assert!(!text.contains("argon2") && !text.contains(PASSWORD) && !text.contains("password"));

    let id = str_of(&user, "id");
    let got: Value = app.admin_get(&format!("/admin/tenants/acme/users/{id}")).await.json().await?;
    assert_eq!(got, user);

    let r = app
        .client
        .patch(app.url(&format!("/admin/tenants/acme/users/{id}")))
        .bearer_auth(&app.admin_key)
        .json(&json!({"phone_number": null, "display_name": "Alice A."}))
        .send()
        .await?;
    assert_eq!(r.status(), 200);
    let updated: Value = r.json().await?;
    assert_eq!(updated["phone_number"], Value::Null);
    assert_eq!(updated["display_name"], "Alice A.");
    Ok(())
}

#[tokio::test]
async fn user_input_is_validated() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.user("acme", "alice@example.com").await;
    let cases = [
        (json!({"email": "not-an-email", "password": PASSWORD}), 400, "invalid_email"),
        (json!({"email": "b@example.com", "password": "short"}), 400, "password_too_short"),
        (json!({"email": "b@example.com", "password": "x".repeat(257)}), 400, "password_too_long"),
        (json!({"email": "b@example.com", "password": "B@Example.com"}), 400, "password_equals_email"),
        (
            json!({"email": "b@example.com", "password": PASSWORD, "phone_number": "040 123"}),
            400,
            "invalid_phone_number",
        ),
        (json!({"email": "ALICE@example.com", "password": PASSWORD}), 409, "email_taken"),
        (json!({"email": "b@example.com", "password": 12345678}), 400, "invalid_body"),
    ];
    for (body, status, code) in cases {
        let r = app.admin_post("/admin/tenants/acme/users", body.clone()).await;
        assert_eq!(r.status(), status, "{body}");
        assert_eq!(r.json::<Value>().await?["error"], code, "{body}");
    }
    let r = app.admin_post("/admin/tenants/nope/users", json!({"email": "b@example.com", "password": PASSWORD})).await;
    assert_eq!(r.status(), 404);
    let r = app.admin_get("/admin/tenants/acme/users/00000000-0000-0000-0000-000000000000").await;
    assert_eq!(r.status(), 404);
    Ok(())
}

#[tokio::test]
async fn users_are_listed_a_page_at_a_time() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    for name in ["carol", "alice", "bob"] {
        app.user("acme", &format!("{name}@example.com")).await;
    }
    let page: Value = app.admin_get("/admin/tenants/acme/users?limit=2").await.json().await?;
    let emails: Vec<&str> = page["users"].as_array().unwrap().iter().map(|u| u["email"].as_str().unwrap()).collect();
    assert_eq!(emails, ["alice@example.com", "bob@example.com"]);
    assert_eq!(page["next_after"], "bob@example.com");
    let page: Value = app.admin_get("/admin/tenants/acme/users?limit=2&after=bob@example.com").await.json().await?;
    assert_eq!(page["users"][0]["email"], "carol@example.com");
    assert_eq!(page["next_after"], Value::Null);
    let r = app.admin_get("/admin/tenants/acme/users?limit=0").await;
    assert_eq!(r.json::<Value>().await?["error"], "invalid_limit");
    let r = app.admin_get("/admin/tenants/acme/users?limit=abc").await;
    assert_eq!(r.status(), 400);
    assert_eq!(r.json::<Value>().await?["error"], "invalid_query");
    Ok(())
}

#[tokio::test]
async fn deactivating_a_user_ends_their_sessions_and_logins() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let user = app.user("acme", "alice@example.com").await;
    let session = app.logged_in("acme", "alice@example.com").await;
    let r = app
        .client
        .delete(app.url(&format!("/admin/tenants/acme/users/{}", str_of(&user, "id"))))
        .bearer_auth(&app.admin_key)
        .send()
        .await?;
    assert_eq!(r.status(), 204);
    assert_eq!(app.get_with_token("/me", str_of(&session, "access_token")).await.status(), 401);
    let r = app.post_json("/token/refresh", json!({"refresh_token": session["refresh_token"]})).await;
    assert_eq!(r.status(), 401);
    let r = app.login("acme", "alice@example.com", PASSWORD).await;
    assert_eq!(r.status(), 401);
    assert_eq!(r.json::<Value>().await?["error"], "invalid_credentials");
    Ok(())
}

#[tokio::test]
async fn a_password_change_revokes_sessions_and_the_new_password_works() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let user = app.user("acme", "alice@example.com").await;
    let session = app.logged_in("acme", "alice@example.com").await;
    let r = app
        .client
        .patch(app.url(&format!("/admin/tenants/acme/users/{}", str_of(&user, "id"))))
        .bearer_auth(&app.admin_key)
        .json(&json!({"password": "a brand new password"}))
        .send()
        .await?;
    assert_eq!(r.status(), 200);
    assert_eq!(app.get_with_token("/me", str_of(&session, "access_token")).await.status(), 401);
    assert_eq!(app.login("acme", "alice@example.com", PASSWORD).await.status(), 401);
    assert_eq!(app.login("acme", "alice@example.com", "a brand new password").await.status(), 200);
    Ok(())
}

#[tokio::test]
async fn a_tenant_key_manages_its_own_users() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let key = app.tenant_key("acme").await;
    let r = app
        .client
        .post(app.url("/admin/tenants/acme/users"))
        .bearer_auth(&key)
        .json(&json!({"email": "dave@example.com", "password": PASSWORD}))
        .send()
        .await?;
    assert_eq!(r.status(), 201);
    assert_eq!(app.login("acme", "dave@example.com", PASSWORD).await.status(), 200);
    Ok(())
}
