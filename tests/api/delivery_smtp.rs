//! Email over SMTP, end to end: Latchkey's `smtp` sender (lettre) talks to a real SMTP server
//! on 127.0.0.1 (aiosmtpd), and the test reads what the server received.

use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::*;
use crate::smtp_sink::SmtpSink;

use crate::smtp_sink::{app_with_smtp, SMTP_PASSWORD, USER};

/// A tenant whose users get a code by email at their first login.
async fn email_tenant(app: &TestApp, name: &str) {
    app.tenant_with_2fa("acme", "required").await;
    app.patch_tenant("acme", json!({"name": name, "allowed_methods": ["email"]})).await;
}

use crate::smtp_sink::part;

#[tokio::test]
async fn an_email_code_arrives_over_smtp_as_text_and_html_from_the_tenant() -> TestResult {
    let Some(sink) = SmtpSink::start(Some((USER, SMTP_PASSWORD))) else { return Ok(()) };
    let app = app_with_smtp(&sink, &[]).await;
    email_tenant(&app, "Tom & Jerry's Clinic").await;
    app.user("acme", "alice@example.com").await;

    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    let outbox: Value = app.admin_get("/admin/tenants/acme/outbox").await.json().await?;
    assert_eq!(login["code_sent"], true, "{login} {outbox}");
    let received = sink.wait_for(1).await;
    assert_eq!(received.len(), 1);
    let mail = &received[0];
    assert_eq!(mail["auth_user"], USER, "authenticated with the configured credentials");
    assert_eq!(mail["mail_from"], "no-reply@latchkey.test");
    assert_eq!(mail["rcpt_tos"], json!(["alice@example.com"]));
    let headers = &mail["headers"];
    let from = str_of(headers, "from");
    assert!(from.contains("Tom & Jerry's Clinic") && from.ends_with("<no-reply@latchkey.test>"), "{from}");
    assert_eq!(headers["subject"], "Your Tom & Jerry's Clinic sign-in code");
    assert!(str_of(headers, "message-id").ends_with("@latchkey.test>"));
    assert_eq!(mail["content_type"], "multipart/alternative");

    let text = part(mail, "text/plain");
    let code: String = text.split("sign-in code is ").nth(1).unwrap_or("").chars().take(6).collect();
    assert_eq!(code.len(), 6, "{text}");
    assert!(text.contains("It expires in 10 minutes."), "the real lifetime: {text}");
    let html = part(mail, "text/html");
    assert!(html.contains(&code) && html.contains("Tom &amp; Jerry&#39;s Clinic"), "{html}");
    for tracking in ["http://", "https://", "<img", "src="] {
        assert!(!html.contains(tracking), "no links, remote images or tracking: {tracking}");
    }

    assert_eq!(app.verify(&login["challenge_id"], &code).await.status(), 200, "the emailed code signs in");
    Ok(())
}

#[tokio::test]
async fn a_refused_recipient_fails_for_good_and_a_deferred_one_is_retried() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app_with_smtp(&sink, &[("LATCHKEY_SMTP_USERNAME", ""), ("LATCHKEY_SMTP_PASSWORD", "")]).await;
    email_tenant(&app, "Acme").await;
    app.user("acme", "reject-bob@example.com").await;
    app.user("acme", "tempfail-carol@example.com").await;

    for email in ["reject-bob@example.com", "tempfail-carol@example.com"] {
        let login: Value = app.login("acme", email, PASSWORD).await.json().await?;
        assert_eq!(login["code_sent"], false, "{email}: the server refused it");
    }
    let failed = app.outbox_with("acme", "failed", 1).await;
    assert_eq!(failed.len(), 1, "550 is final: {failed:?}");
    assert!(str_of(&failed[0], "last_error").contains("550"), "{failed:?}");
    let queued = app.outbox_with("acme", "queued", 1).await;
    assert_eq!(queued.len(), 1, "451 is retried later: {queued:?}");

    app.clock.advance(10);
    tokio::time::sleep(Duration::from_millis(400)).await;
    let queued: Value = app.admin_get("/admin/tenants/acme/outbox?status=queued").await.json().await?;
    assert_eq!(queued[0]["attempts"], 2, "the worker tried again after the backoff: {queued}");
    assert!(sink.received().is_empty());
    Ok(())
}

#[tokio::test]
async fn the_admin_contact_gets_one_notice_when_the_sms_budget_runs_low() -> TestResult {
    let Some(sink) = SmtpSink::start(Some((USER, SMTP_PASSWORD))) else { return Ok(()) };
    let app = app_with_smtp(&sink, &[("LATCHKEY_DELIVERY_SMS", "webhook")]).await;
    app.tenant_with_2fa("acme", "required").await;
    let settings = json!({
        "allowed_methods": ["sms"], "sms_budget": 4, "sms_budget_low_threshold": 2, "admin_contact": "it@acme.example"
    });
    let tenant = app.patch_tenant("acme", settings).await;
    assert_eq!(tenant["settings"]["admin_contact"], "it@acme.example");
    for (i, phone) in ["+358401000001", "+358401000002", "+358401000003"].iter().enumerate() {
        let email = format!("user{i}@example.com");
        app.user_with_phone("acme", &email, phone).await;
        let login: Value = app.login("acme", &email, PASSWORD).await.json().await?;
        assert_eq!(login["code_sent"], true, "{login}");
    }
    // Balance 4 → 1: the notice went out once, when it reached 2.
    let received = sink.wait_for(1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(sink.received().len(), 1, "one notice, not one per SMS: {received:?}");
    let notice = &received[0];
    assert_eq!(notice["rcpt_tos"], json!(["it@acme.example"]));
    assert_eq!(notice["headers"]["subject"], "acme Clinic: 2 SMS left");
    assert!(part(notice, "text/plain").contains("down to 2 messages"));
    let audit = app.audit_of_tenant("acme");
    assert_eq!(audit.iter().filter(|e| e.as_str() == "tenant.sms_budget_low").count(), 1, "{audit:?}");

    // A top-up re-arms it.
    let r = app.admin_post("/admin/tenants/acme/sms-budget/top-up", json!({"messages": 1})).await;
    assert_eq!(r.status(), 200);
    app.user_with_phone("acme", "late@example.com", "+358401000004").await;
    let login: Value = app.login("acme", "late@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["code_sent"], true);
    assert_eq!(sink.wait_for(2).await.len(), 2, "balance 2 → 1 after the top-up: a new notice");
    Ok(())
}
