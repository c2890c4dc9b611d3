use serde_json::{json, Value};

use crate::helpers::*;

async fn body(r: reqwest::Response) -> Value {
    r.json().await.unwrap()
}

#[tokio::test]
async fn a_user_adds_confirms_lists_and_prioritises_methods() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "optional").await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let session = app.logged_in("acme", "alice@example.com").await;
    let access = str_of(&session, "access_token");
    let methods = body(app.get_with_token("/me/methods", access).await).await;
    assert_eq!(methods, json!({"methods": [], "recovery_codes_remaining": 0}));

    let r = app.post_bearer("/me/methods", access, json!({"kind": "sms"})).await;
    assert_eq!(r.status(), 201);
    let sms = body(r).await;
    assert_eq!(sms["method"]["status"], "pending");
    let sms_id = str_of(&sms["method"], "id").to_owned();
    let code = app.inbox.last_code_to("+358401234567");
    let r = app.post_bearer(&format!("/me/methods/{sms_id}/confirm"), access, json!({"code": "999999x"})).await;
    assert_eq!(r.status(), 401);
    assert_eq!(body(r).await["error"], "invalid_code");
    let r = app.post_bearer(&format!("/me/methods/{sms_id}/primary"), access, json!({})).await;
    assert_eq!(body(r).await["error"], "method_not_active");
    let confirmed =
        body(app.post_bearer(&format!("/me/methods/{sms_id}/confirm"), access, json!({"code": code})).await).await;
    assert_eq!(confirmed["status"], "active");
    assert_eq!(confirmed["primary"], true);
    let r = app.post_bearer(&format!("/me/methods/{sms_id}/confirm"), access, json!({"code": code})).await;
    assert_eq!(body(r).await["error"], "already_confirmed");

    let totp = body(app.post_bearer("/me/methods", access, json!({"kind": "totp"})).await).await;
    let totp_id = str_of(&totp["method"], "id").to_owned();
    let secret = str_of(&totp["totp"], "secret").to_owned();
    app.post_bearer(&format!("/me/methods/{totp_id}/confirm"), access, json!({"code": app.totp_now(&secret)})).await;
    let r = app.post_bearer(&format!("/me/methods/{totp_id}/primary"), access, json!({})).await;
    assert_eq!(body(r).await["primary"], true);
    let methods = body(app.get_with_token("/me/methods", access).await).await;
    let listed: Vec<(String, bool)> = methods["methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["kind"].as_str().unwrap().to_owned(), m["primary"].as_bool().unwrap()))
        .collect();
    assert_eq!(listed, [("totp".to_owned(), true), ("sms".to_owned(), false)]);
    assert!(!methods.to_string().contains(&secret) && !methods.to_string().contains("+358401234567"));
    Ok(())
}

#[tokio::test]
async fn removing_a_method_needs_a_second_factor_session_and_keeps_the_last_under_required() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let (session, secret) = app.enrolled_with_totp("acme", "alice@example.com").await;
    let access = str_of(&session, "access_token").to_owned();
    let methods = body(app.get_with_token("/me/methods", &access).await).await;
    let totp_id = str_of(&methods["methods"][0], "id").to_owned();
    let r = app.client.delete(app.url(&format!("/me/methods/{totp_id}"))).bearer_auth(&access).send().await?;
    assert_eq!(r.status(), 409);
    assert_eq!(body(r).await["error"], "last_method");

    // A password-only session (via a remembered device) may not remove methods.
    let device = app.remembered_device("acme", "alice@example.com", &secret).await;
    let r = app
        .post_json(
            "/login",
            json!({"tenant": "acme", "identifier": "alice@example.com", "password": PASSWORD, "device_token": device}),
        )
        .await;
    let pwd_only = body(r).await;
    let pwd_access = str_of(&pwd_only, "access_token");
    let r = app.client.delete(app.url(&format!("/me/methods/{totp_id}"))).bearer_auth(pwd_access).send().await?;
    assert_eq!(r.status(), 403);
    assert_eq!(body(r).await["error"], "second_factor_required");
    let r = app.post_bearer("/me/recovery-codes", pwd_access, json!({})).await;
    assert_eq!(r.status(), 403);

    // With a second method, the TOTP can go; remembered devices are forgotten with it.
    let sms = body(app.post_bearer("/me/methods", &access, json!({"kind": "sms"})).await).await;
    let sms_id = str_of(&sms["method"], "id");
    app.post_bearer(
        &format!("/me/methods/{sms_id}/confirm"),
        &access,
        json!({"code": app.inbox.last_code_to("+358401234567")}),
    )
    .await;
    let r = app.client.delete(app.url(&format!("/me/methods/{totp_id}"))).bearer_auth(&access).send().await?;
    assert_eq!(r.status(), 204);
    let r = app
        .post_json(
            "/login",
            json!({"tenant": "acme", "identifier": "alice@example.com", "password": PASSWORD, "device_token": device}),
        )
        .await;
    let login = body(r).await;
    assert_eq!(login["status"], "second_factor_required");
    assert_eq!(login["method"]["kind"], "sms");
    Ok(())
}

#[tokio::test]
async fn new_recovery_codes_void_the_old_set() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    let (session, _) = app.enrolled_with_totp("acme", "alice@example.com").await;
    let access = str_of(&session, "access_token");
    let old = body(app.post_bearer("/me/recovery-codes", access, json!({})).await).await;
    let new = body(app.post_bearer("/me/recovery-codes", access, json!({})).await).await;
    assert_ne!(old["codes"], new["codes"]);
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let r = app
        .post_json("/verify", json!({"challenge_id": login["challenge_id"], "recovery_code": old["codes"][0]}))
        .await;
    assert_eq!(r.status(), 401);
    let r = app
        .post_json("/verify", json!({"challenge_id": login["challenge_id"], "recovery_code": new["codes"][0]}))
        .await;
    assert_eq!(r.status(), 200);
    Ok(())
}

#[tokio::test]
async fn an_admin_reset_makes_the_user_enroll_again() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    let user = app.user("acme", "alice@example.com").await;
    let (session, _) = app.enrolled_with_totp("acme", "alice@example.com").await;
    app.post_bearer("/me/recovery-codes", str_of(&session, "access_token"), json!({})).await;
    let path = format!("/admin/tenants/acme/users/{}/methods", str_of(&user, "id"));
    let r = app.client.delete(app.url(&path)).bearer_auth(&app.admin_key).send().await?;
    assert_eq!(r.status(), 204);
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    assert_eq!(login["status"], "enrollment_required");
    let key = app.tenant_key("acme").await;
    app.tenant("beta").await;
    let other_key = app.tenant_key("beta").await;
    assert_eq!(app.client.delete(app.url(&path)).bearer_auth(&key).send().await?.status(), 204);
    assert_eq!(app.client.delete(app.url(&path)).bearer_auth(&other_key).send().await?.status(), 403);
    Ok(())
}

#[tokio::test]
async fn every_step_is_audited() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    let user = app.user("acme", "alice@example.com").await;
    app.login("acme", "alice@example.com", "wrong password").await;
    app.enrolled_with_totp("acme", "alice@example.com").await;
    let events = app.audit_of(str_of(&user, "id"));
    let names: Vec<&str> = events.iter().map(|(e, _)| e.as_str()).collect();
    for expected in [
        "login.password",
        "second_factor.enrollment_required",
        "method.enrollment_started",
        "method.enrolled",
        "second_factor.verify",
    ] {
        assert!(names.contains(&expected), "{expected} missing in {names:?}");
    }
    assert!(events.contains(&("login.password".into(), "failure".into())));
    Ok(())
}

#[tokio::test]
async fn a_password_only_session_cannot_add_a_method_next_to_existing_ones() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "optional").await;
    app.user("acme", "alice@example.com").await;
    let first = app.logged_in("acme", "alice@example.com").await;
    let access = str_of(&first, "access_token");
    let totp = body(app.post_bearer("/me/methods", access, json!({"kind": "totp"})).await).await;
    let id = str_of(&totp["method"], "id");
    let code = app.totp_now(str_of(&totp["totp"], "secret"));
    assert_eq!(
        app.post_bearer(&format!("/me/methods/{id}/confirm"), access, json!({"code": code})).await.status(),
        200
    );

    // Someone with only the password, on a tenant where Alice skips the second factor
    // (remembered device), cannot slip in a method of their own.
    app.patch_tenant("acme", json!({"two_factor": "off"})).await;
    let thief = app.logged_in("acme", "alice@example.com").await;
    let r = app.post_bearer("/me/methods", str_of(&thief, "access_token"), json!({"kind": "totp"})).await;
    assert_eq!(r.status(), 403);
    assert_eq!(body(r).await["error"], "second_factor_required");

    // Alice herself steps up with her authenticator and may then manage her methods.
    let pwd_only = str_of(&thief, "access_token");
    let secret = str_of(&totp["totp"], "secret").to_owned();
    let r = app.post_bearer("/me/step-up", pwd_only, json!({})).await;
    assert_eq!(r.status(), 200);
    let challenge = body(r).await;
    assert_eq!(challenge["method"]["kind"], "totp");
    app.next_totp_step();
    let stepped = body(app.verify(&challenge["challenge_id"], &app.totp_now(&secret)).await).await;
    assert_eq!(jwt_part(str_of(&stepped, "access_token"), 1)["amr"], json!(["pwd", "otp", "mfa"]));
    let r = app.post_bearer("/me/recovery-codes", str_of(&stepped, "access_token"), json!({})).await;
    assert_eq!(r.status(), 201);
    Ok(())
}

#[tokio::test]
async fn a_recovery_code_cannot_replace_enrollment() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    let user = app.user("acme", "alice@example.com").await;
    let (session, _) = app.enrolled_with_totp("acme", "alice@example.com").await;
    let codes = body(app.post_bearer("/me/recovery-codes", str_of(&session, "access_token"), json!({})).await).await;
    // Only the methods are reset here (the recovery codes go too); a stale code must not work.
    let path = format!("/admin/tenants/acme/users/{}/methods", str_of(&user, "id"));
    app.client.delete(app.url(&path)).bearer_auth(&app.admin_key).send().await?;
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    assert_eq!(login["status"], "enrollment_required");
    let r = app
        .post_json("/verify", json!({"challenge_id": login["challenge_id"], "recovery_code": codes["codes"][0]}))
        .await;
    assert_eq!(r.status(), 409);
    assert_eq!(body(r).await["error"], "enrollment_incomplete");
    Ok(())
}
