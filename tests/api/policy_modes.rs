//! Tenant modes over HTTP: optional, prompted (skip / do not show again), required, and moving
//! from required to optional.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

async fn login_body(app: &TestApp, email: &str) -> Value {
    app.login("acme", email, PASSWORD).await.json().await.unwrap()
}

fn warning_codes(body: &Value) -> Vec<String> {
    body["warnings"]
        .as_array()
        .map(|w| w.iter().map(|x| x["code"].as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn prompted_users_may_skip_and_not_be_shown_again_until_an_admin_resets_it() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "prompted").await;
    let alice = app.user("acme", "alice@example.com").await;

    let login = login_body(&app, "alice@example.com").await;
    assert_eq!(login["status"], "enrollment_suggested", "{login}");
    assert_eq!(login["allowed_kinds"], json!(["totp", "sms", "email", "webauthn"]));
    let skip = format!("/challenges/{}/skip", str_of(&login, "challenge_id"));
    let (status, done) = status_body(app.post_json(&skip, json!({})).await).await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["status"], "authenticated");
    assert_eq!(jwt_part(str_of(&done, "access_token"), 1)["amr"], json!(["pwd"]));
    assert!(warning_codes(&done).contains(&"no_second_factor".to_owned()));
    assert_eq!(app.post_json(&skip, json!({})).await.status(), 410, "a challenge is skipped once");

    // Without "do not show again" the prompt comes back; with it, it stays away.
    let login = login_body(&app, "alice@example.com").await;
    assert_eq!(login["status"], "enrollment_suggested");
    let skip = format!("/challenges/{}/skip", str_of(&login, "challenge_id"));
    assert_eq!(app.post_json(&skip, json!({"dont_show_again": true})).await.status(), 200);
    assert_eq!(login_body(&app, "alice@example.com").await["status"], "authenticated");
    let user_path = format!("/admin/tenants/acme/users/{}", str_of(&alice, "id"));
    let view: Value = app.admin_get(&user_path).await.json().await?;
    assert_eq!(view["enrollment_prompt_dismissed"], true);
    assert!(app.audit_of(str_of(&alice, "id")).iter().any(|(e, _)| e == "login.enrollment_skipped"));

    let r = app.admin_send(Method::PATCH, &user_path, json!({"enrollment_prompt_dismissed": false})).await;
    assert_eq!(r.status(), 200);
    assert_eq!(login_body(&app, "alice@example.com").await["status"], "enrollment_suggested");
    Ok(())
}

#[tokio::test]
async fn a_prompted_user_who_continues_enrolls_and_passes_a_second_factor() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "prompted").await;
    app.user("acme", "alice@example.com").await;
    let login = login_body(&app, "alice@example.com").await;
    let id = str_of(&login, "challenge_id");
    let enrollment: Value =
        app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "totp"})).await.json().await?;
    let secret = enrollment["totp"]["secret"].as_str().unwrap();
    let done: Value = app.verify(&login["challenge_id"], &app.totp_now(secret)).await.json().await?;
    assert_eq!(jwt_part(str_of(&done, "access_token"), 1)["amr"], json!(["pwd", "otp", "mfa"]));
    app.next_totp_step();
    assert_eq!(login_body(&app, "alice@example.com").await["status"], "second_factor_required");
    Ok(())
}

#[tokio::test]
async fn required_is_never_skippable_and_optional_does_not_prompt() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    let login = login_body(&app, "alice@example.com").await;
    assert_eq!(login["status"], "enrollment_required");
    let skip = format!("/challenges/{}/skip", str_of(&login, "challenge_id"));
    let (status, err) = status_body(app.post_json(&skip, json!({"dont_show_again": true})).await).await;
    assert_eq!((status, err["error"].as_str()), (409, Some("enrollment_required")));

    app.patch_tenant("acme", json!({"two_factor": "optional"})).await;
    let login = login_body(&app, "alice@example.com").await;
    assert_eq!(login["status"], "authenticated");
    assert!(warning_codes(&login).contains(&"no_second_factor".to_owned()));
    Ok(())
}

#[tokio::test]
async fn moving_from_required_to_optional_keeps_methods_and_lets_the_last_one_go() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    let (done, secret) = app.enrolled_with_totp("acme", "alice@example.com").await;
    let access = str_of(&done, "access_token");
    let methods: Value = app.get_with_token("/me/methods", access).await.json().await?;
    let method_id = methods["methods"][0]["id"].as_str().unwrap().to_owned();
    let remove = || app.client.delete(app.url(&format!("/me/methods/{method_id}"))).bearer_auth(access).send();
    let (status, err) = status_body(remove().await?).await;
    assert_eq!((status, err["error"].as_str()), (409, Some("last_method")));

    app.patch_tenant("acme", json!({"two_factor": "optional"})).await;
    app.next_totp_step();
    let login = login_body(&app, "alice@example.com").await;
    assert_eq!(login["status"], "second_factor_required", "the method is kept and still asked for");
    assert_eq!(app.verify(&login["challenge_id"], &app.totp_now(&secret)).await.status(), 200);
    assert_eq!(remove().await?.status(), 204);
    assert_eq!(login_body(&app, "alice@example.com").await["status"], "authenticated");
    Ok(())
}

#[tokio::test]
async fn a_new_tenant_takes_the_operators_default_mode() -> TestResult {
    let app = spawn_app_with(&[("LATCHKEY_DEFAULT_TWO_FACTOR", "required")]).await;
    app.tenant("acme").await;
    let tenant: Value = app.admin_get("/admin/tenants/acme").await.json().await?;
    assert_eq!(tenant["settings"]["two_factor"], "required");
    Ok(())
}
