use serde_json::{json, Value};

use crate::helpers::*;

async fn body(r: reqwest::Response) -> Value {
    r.json().await.unwrap()
}

/// Runs every flow that creates a secret, then looks for each secret in the database file
/// (SQLite) and in everything the service logged.
#[tokio::test]
async fn no_secret_code_or_token_is_stored_or_logged_in_plaintext() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let (session, secret) = app.enrolled_with_totp("acme", "alice@example.com").await;
    let access = str_of(&session, "access_token").to_owned();
    let recovery = body(app.post_bearer("/me/recovery-codes", &access, json!({})).await).await;
    let sms = body(app.post_bearer("/me/methods", &access, json!({"kind": "sms"})).await).await;
    let sms_code = app.inbox.last_code_to("+358401234567");
    app.post_bearer(
        &format!("/me/methods/{}/confirm", str_of(&sms["method"], "id")),
        &access,
        json!({"code": sms_code}),
    )
    .await;
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let challenge = str_of(&login, "challenge_id");
    let sms_method = json!({"method_id": sms["method"]["id"]});
    assert_eq!(app.post_json(&format!("/challenges/{challenge}/method"), sms_method).await.status(), 200);
    let login_code = app.inbox.last_code_to("+358401234567");
    let r = app
        .post_json(
            "/verify",
            json!({"challenge_id": login["challenge_id"], "code": login_code, "remember_device": true}),
        )
        .await;
    let done = body(r).await;
    let device = str_of(&done, "device_token").to_owned();

    let raw_secret = totp_rs::Secret::Encoded(secret.clone()).to_bytes().unwrap();
    let mut secrets: Vec<String> = vec![
        secret.clone(),
        sms_code,
        login_code,
        device,
        str_of(&done, "refresh_token").to_owned(),
        str_of(&done, "access_token").to_owned(),
        PASSWORD.to_owned(),
        app.admin_key.clone(),
    ];
    secrets.extend(recovery["codes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_owned()));
    secrets.extend(recovery["codes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().replace('-', "")));

    let logs = crate::logs::text();
    assert!(logs.contains("password accepted"), "the log capture works");
    for s in &secrets {
        assert!(!appears(&logs, s), "a secret appears in the logs: {}", context(&logs, s));
    }
    if !is_postgres() {
        let mut bytes = Vec::new();
        for entry in std::fs::read_dir(app.dir.path())? {
            let path = entry?.path();
            if path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("latchkey.db")) {
                bytes.extend(std::fs::read(path)?);
            }
        }
        let db = String::from_utf8_lossy(&bytes);
        assert!(db.contains("alice@example.com"), "the scan reads the database");
        for s in &secrets {
            assert!(!db.contains(s.as_str()), "a secret is stored in plaintext");
        }
        assert!(!bytes.windows(raw_secret.len()).any(|w| w == raw_secret.as_slice()), "the raw TOTP secret is stored");
    }
    Ok(())
}

/// Whether `secret` is in `text`; a numeric code only as a number of its own, since the shared
/// log of the whole test run holds many digits (timestamps, ports) that may contain it by chance.
fn appears(text: &str, secret: &str) -> bool {
    if !secret.bytes().all(|b| b.is_ascii_digit()) {
        return text.contains(secret);
    }
    text.match_indices(secret).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + secret.len()..].chars().next();
        let part_of_number = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == ':');
        !part_of_number(before) && !part_of_number(after)
    })
}

fn context(text: &str, secret: &str) -> String {
    let Some(at) = text.find(secret) else { return String::new() };
    let end = (at + secret.len() + 40).min(text.len());
    (0..=80).rev().find_map(|back| text.get(at.saturating_sub(back)..end)).unwrap_or(secret).to_owned()
}
