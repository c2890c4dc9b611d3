//! Usernames: another identifier at login (company ID + user name + password), unique per tenant
//! and case-insensitive, without telling who exists.

use serde_json::{json, Value};

use crate::helpers::*;

async fn create(app: &TestApp, tenant: &str, body: Value) -> (u16, Value) {
    status_body(app.admin_post(&format!("/admin/tenants/{tenant}/users"), body).await).await
}

#[tokio::test]
async fn a_user_signs_in_with_the_username_in_any_case_or_the_email() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let body = json!({"email": "alice@example.com", "username": "Alice.M", "password": PASSWORD});
    let (status, user) = create(&app, "acme", body).await;
    assert_eq!((status, user["username"].as_str()), (201, Some("alice.m")), "{user}");
    for identifier in ["alice.m", "ALICE.M", " Alice.M ", "alice@example.com"] {
        let r =
            app.post_json("/login", json!({"tenant": "acme", "identifier": identifier, "password": PASSWORD})).await;
        let (status, body) = status_body(r).await;
        assert_eq!((status, body["status"].as_str()), (200, Some("authenticated")), "{identifier}: {body}");
    }
    Ok(())
}

#[tokio::test]
async fn usernames_are_unique_per_tenant_and_checked() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.tenant("other").await;
    let (_, alice) =
        create(&app, "acme", json!({"email": "a@example.com", "username": "sam", "password": PASSWORD})).await;
    let (status, body) =
        create(&app, "acme", json!({"email": "b@example.com", "username": "SAM", "password": PASSWORD})).await;
    assert_eq!((status, body["error"].as_str()), (409, Some("username_taken")));
    let (status, _) =
        create(&app, "other", json!({"email": "b@example.com", "username": "sam", "password": PASSWORD})).await;
    assert_eq!(status, 201, "another tenant may have its own sam");
    for bad in ["ab", "sam@example", "-sam", "sämi", "sam smith"] {
        let (status, body) =
            create(&app, "acme", json!({"email": "c@example.com", "username": bad, "password": PASSWORD})).await;
        assert_eq!((status, body["error"].as_str()), (400, Some("invalid_username")), "{bad:?}");
    }

    let (_, bob) = create(&app, "acme", json!({"email": "bob@example.com", "password": PASSWORD})).await;
    let bob_path = format!("/admin/tenants/acme/users/{}", str_of(&bob, "id"));
    let (status, body) =
        status_body(app.admin_send(reqwest::Method::PATCH, &bob_path, json!({"username": "Sam"})).await).await;
    assert_eq!((status, body["error"].as_str()), (409, Some("username_taken")), "{body}");
    let (status, body) =
        status_body(app.admin_send(reqwest::Method::PATCH, &bob_path, json!({"username": "bob.b"})).await).await;
    assert_eq!((status, body["username"].as_str()), (200, Some("bob.b")));

    let alice_path = format!("/admin/tenants/acme/users/{}", str_of(&alice, "id"));
    let (status, body) =
        status_body(app.admin_send(reqwest::Method::PATCH, &alice_path, json!({"username": null})).await).await;
    assert_eq!((status, body["username"].clone()), (200, Value::Null));
    let r = app.post_json("/login", json!({"tenant": "acme", "identifier": "sam", "password": PASSWORD})).await;
    assert_eq!(r.status(), 401, "the removed name no longer signs in");
    Ok(())
}

#[tokio::test]
async fn unknown_usernames_and_wrong_passwords_look_the_same() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    create(&app, "acme", json!({"email": "a@example.com", "username": "sam", "password": PASSWORD})).await;
    let mut answers = Vec::new();
    for (identifier, password) in
        [("sam", "wrong password 1"), ("nobody", PASSWORD), ("not a name!", PASSWORD), ("x@y", PASSWORD)]
    {
        let r =
            app.post_json("/login", json!({"tenant": "acme", "identifier": identifier, "password": password})).await;
        answers.push((r.status().as_u16(), error_body(r).await));
    }
    assert!(answers.iter().all(|a| a == &answers[0]), "{answers:?}");
    assert_eq!(answers[0].0, 401);
    Ok(())
}
