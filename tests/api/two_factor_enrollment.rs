use std::process::Command;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{json, Value};

use crate::helpers::*;
use latchkey::clock::Clock;

async fn body(r: reqwest::Response) -> Value {
    r.json().await.unwrap()
}

/// Runs an external tool; without it the test can only be skipped locally, never in CI
/// (`.ci/run` installs oathtool and zbar-tools).
fn tool(name: &str, args: &[&str]) -> Option<String> {
    match Command::new(name).args(args).output() {
        Ok(out) => {
            assert!(out.status.success(), "{name} failed: {}", String::from_utf8_lossy(&out.stderr));
            Some(String::from_utf8_lossy(&out.stdout).trim().to_owned())
        }
        Err(_) if std::env::var("CI").is_err() => {
            eprintln!("{name} is not installed: skipping this check (CI installs it)");
            None
        }
        Err(e) => panic!("{name} is required in CI: {e}"),
    }
}

async fn enrollment_challenge(app: &TestApp, email: &str) -> String {
    let login = body(app.login("acme", email, PASSWORD).await).await;
    assert_eq!(login["status"], "enrollment_required", "{login}");
    assert_eq!(login["allowed_kinds"], json!(["totp", "sms", "email", "webauthn"]));
    str_of(&login, "challenge_id").to_owned()
}

#[tokio::test]
async fn totp_enrollment_at_login_works_with_an_independent_authenticator_and_a_scannable_qr() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    let id = enrollment_challenge(&app, "alice@example.com").await;
    let r = app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "totp"})).await;
    assert_eq!(r.status(), 200);
    let enrollment = body(r).await;
    assert_eq!(enrollment["method"]["status"], "pending");
    let secret = str_of(&enrollment["totp"], "secret").to_owned();
    let uri = str_of(&enrollment["totp"], "otpauth_uri").to_owned();
    assert!(uri.starts_with("otpauth://totp/acme%20Clinic:alice%40example.com?"), "{uri}");
    assert!(uri.contains(&format!("secret={secret}")) && uri.contains("issuer=acme%20Clinic"));

    // The QR code decodes to exactly the URI.
    let png = STANDARD.decode(str_of(&enrollment["totp"], "qr_png_base64"))?;
    assert_eq!(&png[1..4], b"PNG");
    let path = app.dir.path().join("qr.png");
    std::fs::write(&path, &png)?;
    if let Some(decoded) = tool("zbarimg", &["--raw", "-q", path.to_str().unwrap()]) {
        assert_eq!(decoded, uri);
    }

    // A code computed by oathtool (an independent implementation) is accepted.
    let code = tool("oathtool", &["--totp", "-b", &secret]).unwrap_or_else(|| app.totp_now(&secret));
    let r = app.verify(&json!(id), &code).await;
    assert_eq!(r.status(), 200, "{}", r.text().await?);
    Ok(())
}

#[tokio::test]
async fn a_tenant_may_choose_sha256_eight_digits_and_another_period() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    let tenant = app.patch_tenant("acme", json!({"totp": {"algorithm": "SHA256", "digits": 8, "period": 60}})).await;
    assert_eq!(tenant["settings"]["totp"], json!({"algorithm": "SHA256", "digits": 8, "period": 60}));
    app.user("acme", "alice@example.com").await;
    let id = enrollment_challenge(&app, "alice@example.com").await;
    let enrollment = body(app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "totp"})).await).await;
    let uri = str_of(&enrollment["totp"], "otpauth_uri");
    assert!(uri.contains("algorithm=SHA256") && uri.contains("digits=8") && uri.contains("period=60"), "{uri}");
    let secret = str_of(&enrollment["totp"], "secret");
    let code = match tool("oathtool", &["--totp=sha256", "-d", "8", "-s", "60", "-b", secret]) {
        Some(code) => code,
        None => {
            let bytes = totp_rs::Secret::Encoded(secret.to_owned()).to_bytes().unwrap();
            let params = latchkey::auth::totp::TotpParams::new("SHA256", 8, 60)?;
            latchkey::auth::totp::code_at(&bytes, params, app.clock.now().secs() as u64)
        }
    };
    assert_eq!(code.len(), 8);
    assert_eq!(app.verify(&json!(id), &code).await.status(), 200);
    let r = app
        .client
        .patch(app.url("/admin/tenants/acme"))
        .bearer_auth(&app.admin_key)
        .json(&json!({"totp": {"digits": 9}}))
        .send()
        .await?;
    assert_eq!(body(r).await["error"], "invalid_totp_digits");
    Ok(())
}

#[tokio::test]
async fn sms_enrollment_uses_the_profile_number_when_there_is_one() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let id = enrollment_challenge(&app, "alice@example.com").await;
    let enrollment = body(app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "sms"})).await).await;
    assert_eq!(enrollment["method"]["kind"], "sms");
    assert!(enrollment["code_expires_at"].is_string());
    assert_eq!(app.inbox.count_to("+358401234567"), 1);
    let done = body(app.verify(&json!(id), &app.inbox.last_code_to("+358401234567")).await).await;
    assert_eq!(done["status"], "authenticated");
    assert!(!done["warnings"].as_array().unwrap().iter().any(|w| w["code"] == "phone_number_missing"));
    Ok(())
}

#[tokio::test]
async fn sms_enrollment_asks_for_a_number_when_the_profile_has_none() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    assert_eq!(login["phone_number_on_profile"], false);
    let id = str_of(&login, "challenge_id");
    let r = app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "sms"})).await;
    assert_eq!(r.status(), 400);
    assert_eq!(body(r).await["error"], "phone_number_required");
    let r = app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "sms", "phone_number": "040 123"})).await;
    assert_eq!(body(r).await["error"], "invalid_phone_number");
    let r = app
        .post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "sms", "phone_number": "+44 7911 123456"}))
        .await;
    assert_eq!(r.status(), 200);
    let done = body(app.verify(&json!(id), &app.inbox.last_code_to("+447911123456")).await).await;
    assert_eq!(done["status"], "authenticated");
    assert!(done["warnings"].as_array().unwrap().iter().any(|w| w["code"] == "phone_number_missing"));
    Ok(())
}

#[tokio::test]
async fn email_enrollment_sends_a_code_to_the_users_address() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    let id = enrollment_challenge(&app, "alice@example.com").await;
    let enrollment = body(app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "email"})).await).await;
    assert_eq!(enrollment["method"]["hint"], "a•••e@example.com");
    let message = app.inbox.messages().last().cloned().unwrap();
    assert_eq!(message["channel"], "email");
    assert_eq!(message["subject"], "Your acme Clinic sign-in code");
    let done = body(app.verify(&json!(id), str_of(&message, "code")).await).await;
    assert_eq!(jwt_part(str_of(&done, "access_token"), 1)["amr"], json!(["pwd", "otp", "mfa"]));
    let users: Value = app.admin_get("/admin/tenants/acme/users").await.json().await?;
    assert_eq!(users["users"][0]["email_verified"], true, "the code typed back proved the profile's address");
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    assert_eq!(login["method"]["kind"], "email");
    Ok(())
}

#[tokio::test]
async fn enrolling_again_replaces_the_unconfirmed_choice_and_verify_needs_one() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let id = enrollment_challenge(&app, "alice@example.com").await;
    let r = app.verify(&json!(id), "123456").await;
    assert_eq!(r.status(), 409);
    assert_eq!(body(r).await["error"], "enrollment_incomplete");
    let first = body(app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "totp"})).await).await;
    app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "sms"})).await;
    // The TOTP secret of the abandoned choice no longer works.
    let stale = app.totp_now(str_of(&first["totp"], "secret"));
    assert_eq!(app.verify(&json!(id), &stale).await.status(), 401);
    let done = body(app.verify(&json!(id), &app.inbox.last_code_to("+358401234567")).await).await;
    let methods = body(app.get_with_token("/me/methods", str_of(&done, "access_token")).await).await;
    let kinds: Vec<&str> = methods["methods"].as_array().unwrap().iter().map(|m| m["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["sms"]);
    assert_eq!(methods["methods"][0]["primary"], true);
    let r = app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "fax"})).await;
    assert_eq!(r.status(), 410);
    Ok(())
}

#[tokio::test]
async fn an_old_enrollment_challenge_cannot_add_a_method_once_one_exists() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    // Someone holding the password opens an enrollment challenge and waits ...
    let stale = enrollment_challenge(&app, "alice@example.com").await;
    // ... while Alice enrolls her own authenticator in another one.
    app.enrolled_with_totp("acme", "alice@example.com").await;
    let r = app.post_json(&format!("/challenges/{stale}/enroll"), json!({"kind": "totp"})).await;
    assert_eq!(r.status(), 410);
    assert_eq!(body(r).await["error"], "challenge_expired");
    Ok(())
}
