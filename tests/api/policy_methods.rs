//! Allowed method kinds, "nothing to choose", a typed email address, and SSO tenants.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

#[tokio::test]
async fn only_allowed_kinds_can_be_enrolled_switched_to_or_asked_for() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let (done, secret) = app.enrolled_with_totp("acme", "alice@example.com").await;
    let access = str_of(&done, "access_token").to_owned();

    let tenant = app.patch_tenant("acme", json!({"allowed_methods": ["sms", "email"]})).await;
    assert_eq!(tenant["settings"]["allowed_methods"], json!(["sms", "email"]));
    let methods: Value = app.get_with_token("/me/methods", &access).await.json().await?;
    assert_eq!(methods["methods"][0]["disabled"], true, "a totp method is listed as disabled");
    let (status, err) = status_body(app.post_bearer("/me/methods", &access, json!({"kind": "totp"})).await).await;
    assert_eq!((status, err["error"].as_str()), (409, Some("method_not_allowed")));

    // A user whose only method is of a kind no longer allowed is still asked for it (never
    // downgraded to the password, never made to enroll on the strength of the password alone),
    // and is told to replace it.
    app.next_totp_step();
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["status"], "second_factor_required", "{login}");
    let done: Value = app.verify(&login["challenge_id"], &app.totp_now(&secret)).await.json().await?;
    let codes: Vec<&str> = done["warnings"].as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"method_not_allowed"), "{done}");
    let access = str_of(&done, "access_token");
    let added: Value = app.post_bearer("/me/methods", access, json!({"kind": "sms"})).await.json().await?;
    let sms_id = added["method"]["id"].as_str().unwrap().to_owned();
    let code = app.inbox.last_code_to("+358401234567");
    let r = app.post_bearer(&format!("/me/methods/{sms_id}/confirm"), access, json!({"code": code})).await;
    assert_eq!(r.status(), 200);
    // Now the allowed method is the one offered; the totp method is not.
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["method"]["kind"], "sms", "{login}");
    assert_eq!(login["methods"].as_array().map(Vec::len), Some(1));

    // Enrollment at login offers the allowed kinds only.
    app.user("acme", "bob@example.com").await;
    let login: Value = app.login("acme", "bob@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["allowed_kinds"], json!(["sms", "email"]));
    let enroll = format!("/challenges/{}/enroll", str_of(&login, "challenge_id"));
    let (status, err) = status_body(app.post_json(&enroll, json!({"kind": "totp"})).await).await;
    assert_eq!((status, err["error"].as_str()), (409, Some("method_not_allowed")));

    let r = app.admin_send(Method::PATCH, "/admin/tenants/acme", json!({"allowed_methods": ["u2f"]})).await;
    assert_eq!(status_body(r).await.1["error"], "invalid_kind");
    let r = app.admin_send(Method::PATCH, "/admin/tenants/acme", json!({"allowed_methods": []})).await;
    assert_eq!(status_body(r).await.1["error"], "invalid_allowed_methods");
    Ok(())
}

#[tokio::test]
async fn with_one_kind_and_nothing_to_type_the_first_login_sends_the_code_at_once() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.patch_tenant("acme", json!({"allowed_methods": ["sms"]})).await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    app.user("acme", "bob@example.com").await;

    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["status"], "second_factor_required", "{login}");
    assert_eq!(login["code_sent"], true);
    assert_eq!(login["method"]["kind"], "sms");
    let code = app.inbox.last_code_to("+358401234567");
    let (status, done) = status_body(app.verify(&login["challenge_id"], &code).await).await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(jwt_part(str_of(&done, "access_token"), 1)["amr"], json!(["pwd", "sms", "mfa"]));
    let methods: Value = app.get_with_token("/me/methods", str_of(&done, "access_token")).await.json().await?;
    assert_eq!(methods["methods"][0]["status"], "active");

    // No number on the profile: something to type, so the user enrolls.
    let login: Value = app.login("acme", "bob@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["status"], "enrollment_required");

    app.patch_tenant("acme", json!({"allowed_methods": ["email"]})).await;
    let login: Value = app.login("acme", "bob@example.com", PASSWORD).await.json().await?;
    assert_eq!((login["status"].as_str(), login["code_sent"].as_bool()), (Some("second_factor_required"), Some(true)));
    let code = app.inbox.last_code_to("bob@example.com");
    assert_eq!(app.verify(&login["challenge_id"], &code).await.status(), 200);
    Ok(())
}

#[tokio::test]
async fn an_email_method_may_use_an_address_the_user_types() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    let enroll = format!("/challenges/{}/enroll", str_of(&login, "challenge_id"));
    let r = app.post_json(&enroll, json!({"kind": "email", "email": "Alice.Work@Example.org"})).await;
    let (status, body) = status_body(r).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["method"]["hint"], "a•••k@example.org");
    let code = app.inbox.last_code_to("alice.work@example.org");
    assert_eq!(app.verify(&login["challenge_id"], &code).await.status(), 200);
    let r = app.post_json(&enroll, json!({"kind": "totp", "email": "x@example.org"})).await;
    assert_eq!(r.status(), 410, "the challenge is used");
    Ok(())
}

#[tokio::test]
async fn sso_tenants_send_users_elsewhere_and_offer_no_second_factor() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    let patch = |body: Value| app.admin_send(Method::PATCH, "/admin/tenants/acme", body);

    let (status, err) = status_body(patch(json!({"sign_in": "sso"})).await).await;
    assert_eq!((status, err["error"].as_str()), (400, Some("invalid_sign_in")), "sso needs a URL");
    let url = "https://idp.example.com/saml/login";
    let (status, err) = status_body(patch(json!({"sign_in": "sso", "sso_url": url})).await).await;
    assert_eq!((status, err["error"].as_str()), (409, Some("two_factor_unavailable")), "mode still required");

    // A session and an enrollment challenge from before the switch.
    let pending: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(pending["status"], "enrollment_required");
    app.patch_tenant("acme", json!({"two_factor": "off"})).await;
    let session = app.logged_in("acme", "alice@example.com").await;
    let (status, tenant) = status_body(patch(json!({"sign_in": "sso", "sso_url": url})).await).await;
    assert_eq!(status, 200, "{tenant}");
    assert_eq!(tenant["settings"]["sign_in"], "sso");

    let (status, err) = status_body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    assert_eq!((status, err["error"].as_str(), err["sso_url"].as_str()), (409, Some("sso_required"), Some(url)));
    let (status, err) = status_body(app.login("acme", "nobody@example.com", "wrong password").await).await;
    assert_eq!((status, err["error"].as_str()), (409, Some("sso_required")));
    let (status, err) = status_body(patch(json!({"two_factor": "required"})).await).await;
    assert_eq!((status, err["error"].as_str()), (409, Some("two_factor_unavailable")));
    // Password sessions end with the switch; an open enrollment challenge adds nothing.
    assert_eq!(app.get_with_token("/me", str_of(&session, "access_token")).await.status(), 401);
    let enroll = format!("/challenges/{}/enroll", str_of(&pending, "challenge_id"));
    let (status, err) = status_body(app.post_json(&enroll, json!({"kind": "totp"})).await).await;
    assert_eq!((status, err["error"].as_str()), (409, Some("two_factor_unavailable")));
    assert!(str_of(&err, "message").contains("sign-in through SSO"));
    Ok(())
}
