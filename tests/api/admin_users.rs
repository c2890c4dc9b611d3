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

/// The emails a list answers, in order.
async fn emails_of(app: &TestApp, query: &str) -> Vec<String> {
    let r = app.admin_get(&format!("/admin/tenants/acme/users?{query}")).await;
    assert_eq!(r.status(), 200, "{query}");
    let page: Value = r.json().await.unwrap();
    page["users"].as_array().unwrap().iter().map(|u| u["email"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn an_admin_finds_users_by_any_identifier_and_filters_them() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "optional").await;
    app.tenant("globex").await;
    let new = |body: Value| app.admin_post("/admin/tenants/acme/users", body);
    new(json!({"email": "alice.martin@example.com", "password": PASSWORD, "display_name": "Alice Martin", "phone_number": "+358401234567"})).await;
    new(json!({"email": "bob@example.com", "password": PASSWORD, "username": "Bobby_T", "display_name": "Robert Martinez"})).await;
    new(json!({"email": "carol@clinic.example", "password": PASSWORD, "display_name": "Carol 100%"})).await;
    app.admin_post("/admin/tenants/globex/users", json!({"email": "alice@globex.example", "password": PASSWORD})).await;

    assert_eq!(emails_of(&app, "q=ALI").await, ["alice.martin@example.com"], "email prefix, any case; own tenant only");
    assert_eq!(emails_of(&app, "q=bobby_").await, ["bob@example.com"], "user name; `_` is a character, not a wildcard");
    assert_eq!(
        emails_of(&app, "q=martin").await,
        ["alice.martin@example.com", "bob@example.com"],
        "a word of the name"
    );
    assert_eq!(emails_of(&app, "q=%2B35840").await, ["alice.martin@example.com"], "phone number");
    assert!(emails_of(&app, "q=10%25").await.is_empty(), "`%` is a character: no word starts with `10%`");
    assert_eq!(emails_of(&app, "q=carol%20100%25").await, ["carol@clinic.example"]);
    assert!(emails_of(&app, "q=example").await.is_empty(), "a prefix, not a substring");

    // Two-factor and lock filters.
    app.patch_tenant("acme", json!({"two_factor": "required"})).await;
    app.enrolled_with_totp("acme", "bob@example.com").await;
    app.patch_tenant("acme", json!({"two_factor": "optional"})).await;
    assert_eq!(emails_of(&app, "two_factor=enrolled").await, ["bob@example.com"]);
    assert_eq!(emails_of(&app, "two_factor=none").await, ["alice.martin@example.com", "carol@clinic.example"]);
    for _ in 0..10 {
        app.login("acme", "carol@clinic.example", "not the password at all").await;
    }
    assert_eq!(emails_of(&app, "locked=true").await, ["carol@clinic.example"]);
    assert_eq!(emails_of(&app, "locked=false&two_factor=none").await, ["alice.martin@example.com"]);

    // Group filter.
    let group: Value = app.admin_post("/admin/tenants/acme/groups", json!({"name": "nurses"})).await.json().await?;
    let page: Value = app.admin_get("/admin/tenants/acme/users?q=carol").await.json().await?;
    let carol_id = str_of(&page["users"][0], "id").to_owned();
    let path = format!("/admin/tenants/acme/users/{carol_id}/groups");
    let r = app.admin_send(reqwest::Method::PUT, &path, json!({"group_ids": [group["id"]]})).await;
    assert_eq!(r.status(), 200);
    assert_eq!(emails_of(&app, &format!("group={}", str_of(&group, "id"))).await, ["carol@clinic.example"]);

    // Paging goes on within the search.
    assert_eq!(emails_of(&app, "q=martin&limit=1").await, ["alice.martin@example.com"]);
    assert_eq!(emails_of(&app, "q=martin&limit=1&after=alice.martin%40example.com").await, ["bob@example.com"]);

    for bad in ["q=%20%20", "q=al%00ice", "two_factor=sometimes", "locked=maybe", "group=42"] {
        let r = app.admin_get(&format!("/admin/tenants/acme/users?{bad}")).await;
        assert_eq!(r.status(), 400, "{bad}");
    }
    Ok(())
}
