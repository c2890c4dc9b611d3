//! SMS through the `twilio` sender, against a local server that answers as Twilio does:
//! success, a permanent 4xx, 5xx and 429 retried with backoff, and a timeout retried.

use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::*;
use crate::twilio_fake::{FakeTwilio, Reply, ACCOUNT_SID, AUTH_TOKEN};

const PHONE: &str = "+358401234567";

async fn app_with_twilio(twilio: &FakeTwilio, sender: (&str, &str)) -> TestApp {
    spawn_app_with(&[
        ("LATCHKEY_DELIVERY_SMS", "twilio"),
        ("LATCHKEY_TWILIO_ACCOUNT_SID", ACCOUNT_SID),
        ("LATCHKEY_TWILIO_AUTH_TOKEN", AUTH_TOKEN),
        sender,
        ("LATCHKEY_TWILIO_BASE_URL", &twilio.base_url),
        ("LATCHKEY_DELIVERY_TIMEOUT_MS", "500"),
    ])
    .await
}

async fn sms_tenant(app: &TestApp) {
    app.tenant_with_2fa("acme", "required").await;
    app.patch_tenant("acme", json!({"allowed_methods": ["sms"]})).await;
    app.user_with_phone("acme", "alice@example.com", PHONE).await;
}

#[tokio::test]
async fn an_sms_code_goes_through_twilio_with_the_webotp_line() -> TestResult {
    let twilio = FakeTwilio::start().await;
    let app = app_with_twilio(&twilio, ("LATCHKEY_TWILIO_FROM", "+15005550006")).await;
    sms_tenant(&app).await;
    app.patch_tenant("acme", json!({"name": "Acme", "web_origin": "https://app.acme.example"})).await;

    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["code_sent"], true, "{login}");
    let accepted = twilio.accepted();
    assert_eq!(accepted.len(), 1);
    let form = &accepted[0];
    assert_eq!((form["To"].as_str(), form["From"].as_str()), (PHONE, "+15005550006"));
    assert!(!form.contains_key("MessagingServiceSid"));
    let body = &form["Body"];
    let code: String = body.chars().take(6).collect();
    assert_eq!(body, &format!("{code} is your Acme sign-in code.\n\n@app.acme.example #{code}"));
    assert_eq!(app.verify(&login["challenge_id"], &code).await.status(), 200);
    // The code is recorded as sent (the enrollment's security notice, by email, may be too).
    let mut sms_sent = 0;
    for wanted in 1..=3 {
        let sent = app.outbox_with("acme", "sent", wanted).await;
        sms_sent = sent.iter().filter(|m| m["channel"] == "sms").count();
        if sms_sent > 0 {
            break;
        }
    }
    assert_eq!(sms_sent, 1);
    Ok(())
}

#[tokio::test]
async fn a_messaging_service_sends_when_configured_instead_of_a_number() -> TestResult {
    let twilio = FakeTwilio::start().await;
    let app = app_with_twilio(&twilio, ("LATCHKEY_TWILIO_MESSAGING_SERVICE_SID", "MG0123456789")).await;
    sms_tenant(&app).await;
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["code_sent"], true);
    let form = &twilio.accepted()[0];
    assert_eq!(form.get("MessagingServiceSid").map(String::as_str), Some("MG0123456789"));
    assert!(!form.contains_key("From"));
    assert!(!form["Body"].contains('@'), "no WebOTP line without a web_origin");
    Ok(())
}

#[tokio::test]
async fn an_invalid_number_fails_for_good_without_retries() -> TestResult {
    let twilio = FakeTwilio::start().await;
    let app = app_with_twilio(&twilio, ("LATCHKEY_TWILIO_FROM", "+15005550006")).await;
    sms_tenant(&app).await;
    twilio.script(&[Reply::Error(400, 21211)]);
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["code_sent"], false);
    app.clock.advance(120);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(twilio.requests(), 1, "a permanent error is not retried");
    let failed = app.outbox_with("acme", "failed", 1).await;
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["last_error"], "twilio answered 400 (error 21211)", "Twilio's code, not its text");
    Ok(())
}

#[tokio::test]
async fn server_errors_throttling_and_timeouts_are_retried_with_backoff_until_sent() -> TestResult {
    let twilio = FakeTwilio::start().await;
    let app = app_with_twilio(&twilio, ("LATCHKEY_TWILIO_FROM", "+15005550006")).await;
    sms_tenant(&app).await;
    twilio.script(&[Reply::Error(503, 20500), Reply::Error(429, 20429), Reply::Stall(Duration::from_secs(2))]);

    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["code_sent"], false, "503 on the request's own attempt");
    let mut expected_errors = vec!["twilio answered 503 (error 20500)", "twilio answered 429 (error 20429)"];
    expected_errors.reverse();
    // Each retry comes only after its backoff (5 s, 10 s, 20 s ± 20 %), driven by the clock.
    for (attempt, wait) in [(2, 7), (3, 13), (4, 25)] {
        let queued = app.outbox_with("acme", "queued", 1).await;
        assert_eq!(queued.len(), 1, "still queued before attempt {attempt}");
        if let Some(expected) = expected_errors.pop() {
            assert_eq!(queued[0]["last_error"], expected);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(twilio.requests(), attempt - 1, "nothing before the backoff passed");
        app.clock.advance(wait);
        for _ in 0..100 {
            if twilio.requests() >= attempt {
                break;
            }
            tokio::time::sleep(Duration::from_millis(30)).await;
        }
        assert_eq!(twilio.requests(), attempt);
        if attempt == 3 {
            // The stalled answer times out after LATCHKEY_DELIVERY_TIMEOUT_MS.
            tokio::time::sleep(Duration::from_millis(900)).await;
        }
    }
    let accepted = twilio.wait_for_accepted(1).await;
    assert_eq!(accepted.len(), 1, "delivered on the fourth attempt");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let sent = app.outbox_with("acme", "sent", 1).await;
    assert_eq!((sent.len(), sent[0]["attempts"].as_i64()), (1, Some(4)));
    let code: String = accepted[0]["Body"].chars().take(6).collect();
    assert_eq!(app.verify(&login["challenge_id"], &code).await.status(), 200);
    Ok(())
}
