//! "Password right, second factor not finished": one email per user per hour, naming when, from
//! where and with what; never for finished challenges or step-ups; a tenant may turn it off.

use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::*;
use crate::smtp_sink::{app_with_smtp, part, SmtpSink};

const AGENT: &str = "Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0";

async fn abandoned_login(app: &TestApp) {
    let body = json!({"tenant": "acme", "identifier": "alice@example.com", "password": PASSWORD});
    let r = app.client.post(app.url("/login")).header("User-Agent", AGENT).json(&body).send().await.unwrap();
    let login: Value = r.json().await.unwrap();
    assert_eq!(login["status"], "second_factor_required", "{login}");
}

fn alerts(sink: &SmtpSink) -> Vec<String> {
    sink.received()
        .iter()
        .map(|m| part(m, "text/plain").to_owned())
        .filter(|text| text.contains("did not finish the second step"))
        .collect()
}

async fn wait_for_alerts(sink: &SmtpSink, count: usize) -> Vec<String> {
    for _ in 0..100 {
        if alerts(sink).len() >= count {
            break;
        }
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    alerts(sink)
}

async fn app_with_totp_user(sink: &SmtpSink) -> (TestApp, String, Value) {
    let app = app_with_smtp(sink, &[("LATCHKEY_SMTP_USERNAME", ""), ("LATCHKEY_SMTP_PASSWORD", "")]).await;
    app.tenant_with_2fa("acme", "required").await;
    let user = app.user("acme", "alice@example.com").await;
    let (_, secret) = app.enrolled_with_totp("acme", "alice@example.com").await;
    (app, secret, user)
}

#[tokio::test]
async fn an_abandoned_challenge_alerts_the_user_once_an_hour() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let (app, _, user) = app_with_totp_user(&sink).await;
    abandoned_login(&app).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(alerts(&sink).is_empty(), "not while the challenge is still open");

    app.clock.advance(301);
    let received = wait_for_alerts(&sink, 1).await;
    assert_eq!(received.len(), 1, "{received:?}");
    let text = &received[0];
    assert!(text.contains("From: 127.0.0.1") && text.contains(AGENT), "{text}");
    assert!(text.contains("change your password"), "{text}");

    abandoned_login(&app).await;
    app.clock.advance(301);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(alerts(&sink).len(), 1, "at most one an hour");
    let audit = app.audit_of(str_of(&user, "id"));
    assert_eq!(audit.iter().filter(|(e, _)| e == "second_factor.unfinished").count(), 2, "each is audited: {audit:?}");

    app.clock.advance(3600);
    abandoned_login(&app).await;
    app.clock.advance(301);
    assert_eq!(wait_for_alerts(&sink, 2).await.len(), 2, "a new hour, a new alert");
    Ok(())
}

#[tokio::test]
async fn finished_challenges_step_ups_and_tenants_that_turned_it_off_get_no_alert() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let (app, secret, _) = app_with_totp_user(&sink).await;
    app.next_totp_step();
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    let session: Value = app.verify(&login["challenge_id"], &app.totp_now(&secret)).await.json().await?;
    let r = app.post_bearer("/me/step-up", str_of(&session, "access_token"), json!({})).await;
    assert_eq!(r.status(), 200, "a step-up challenge, left unfinished");
    app.clock.advance(301);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(alerts(&sink).is_empty(), "{:?}", alerts(&sink));

    app.patch_tenant("acme", json!({"notify_unfinished_second_factor": false})).await;
    abandoned_login(&app).await;
    app.clock.advance(301);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(alerts(&sink).is_empty(), "turned off");
    Ok(())
}
