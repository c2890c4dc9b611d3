//! Password change and security notices, with the emails read from a real SMTP server.

use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::*;
use crate::smtp_sink::{app_with_smtp, part, SmtpSink};

const NEW_PASSWORD: &str = "a brand new passphrase";

async fn change(app: &TestApp, token: &str, current: &str, new: &str) -> (u16, Value) {
    let body = json!({"current_password": current, "new_password": new});
    status_body(app.post_bearer("/me/password", token, body).await).await
}

fn subjects_to(received: &[Value], to: &str) -> Vec<String> {
    received
        .iter()
        .filter(|m| m["rcpt_tos"][0] == to)
        .map(|m| format!("{} | {}", m["headers"]["subject"].as_str().unwrap_or(""), part(m, "text/plain")))
        .collect()
}

#[tokio::test]
async fn a_password_change_keeps_this_session_ends_the_others_and_tells_the_user() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app_with_smtp(&sink, &[("LATCHKEY_SMTP_USERNAME", ""), ("LATCHKEY_SMTP_PASSWORD", "")]).await;
    app.tenant("acme").await;
    app.user("acme", "alice@example.com").await;
    let this = app.logged_in("acme", "alice@example.com").await;
    let other = app.logged_in("acme", "alice@example.com").await;
    let token = str_of(&this, "access_token");

    let (status, body) = change(&app, token, "not my password", NEW_PASSWORD).await;
    assert_eq!((status, body["error"].as_str()), (403, Some("invalid_current_password")));
    let (status, body) = change(&app, token, PASSWORD, "password123").await;
    assert_eq!((status, body["error"].as_str()), (400, Some("password_too_common")));
    let (status, body) = change(&app, token, PASSWORD, "alice@example.com").await;
    assert_eq!((status, body["error"].as_str()), (400, Some("password_equals_email")));
    let (status, _) = change(&app, token, PASSWORD, NEW_PASSWORD).await;
    assert_eq!(status, 204);

    assert_eq!(app.get_with_token("/me", token).await.status(), 200, "this session stays");
    assert_eq!(app.get_with_token("/me", str_of(&other, "access_token")).await.status(), 401, "others end");
    let refresh = json!({"refresh_token": other["refresh_token"]});
    assert_eq!(app.post_json("/token/refresh", refresh).await.status(), 401, "with their refresh tokens");
    assert_eq!(app.login("acme", "alice@example.com", PASSWORD).await.status(), 401);
    assert_eq!(app.login("acme", "alice@example.com", NEW_PASSWORD).await.status(), 200);

    let received = sink.wait_for(1).await;
    let notices = subjects_to(&received, "alice@example.com");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].starts_with("acme Clinic: security notice | Your password was changed."), "{notices:?}");
    assert!(notices[0].contains("From: 127.0.0.1"), "{notices:?}");
    Ok(())
}

#[tokio::test]
async fn wrong_current_passwords_lock_the_account_like_wrong_logins() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app_with_smtp(&sink, &[("LATCHKEY_SMTP_USERNAME", ""), ("LATCHKEY_SMTP_PASSWORD", "")]).await;
    app.tenant("acme").await;
    app.patch_tenant("acme", json!({"password_lockout_threshold": 3})).await;
    app.user("acme", "alice@example.com").await;
    let session = app.logged_in("acme", "alice@example.com").await;
    let token = str_of(&session, "access_token");
    for _ in 0..3 {
        assert_eq!(change(&app, token, "wrong password 9", NEW_PASSWORD).await.0, 403);
    }
    let (status, body) = change(&app, token, PASSWORD, NEW_PASSWORD).await;
    assert_eq!((status, body["error"].as_str()), (423, Some("account_locked")), "{body}");
    let received = sink.wait_for(1).await;
    let notices = subjects_to(&received, "alice@example.com");
    assert!(notices.iter().any(|n| n.contains("Your account was locked")), "{notices:?}");
    Ok(())
}

#[tokio::test]
async fn users_hear_of_new_methods_and_remembered_devices_unless_the_tenant_turns_it_off() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app_with_smtp(&sink, &[("LATCHKEY_SMTP_USERNAME", ""), ("LATCHKEY_SMTP_PASSWORD", "")]).await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    let (_, secret) = app.enrolled_with_totp("acme", "alice@example.com").await;
    app.remembered_device("acme", "alice@example.com", &secret).await;
    let received = sink.wait_for(2).await;
    let notices = subjects_to(&received, "alice@example.com");
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(notices.iter().any(|n| n.contains("An authenticator app was added as a sign-in method")));
    assert!(notices.iter().any(|n| n.contains("A device was remembered")));

    app.patch_tenant("acme", json!({"security_notices": false})).await;
    app.user("acme", "bob@example.com").await;
    app.enrolled_with_totp("acme", "bob@example.com").await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(subjects_to(&sink.received(), "bob@example.com").is_empty(), "notices turned off");
    Ok(())
}
