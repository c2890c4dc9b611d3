//! The outbox: a code the request could not send is retried by the worker, with backoff driven
//! by the clock, delivered once, and never sent after its code has expired.

use std::time::Duration;

use latchkey::clock::Clock;
use serde_json::{json, Value};

use crate::helpers::*;

const PHONE: &str = "+358401234567";

/// A tenant where the first login sends an SMS code at once (one allowed kind, number on file).
async fn sms_tenant(app: &TestApp) {
    app.tenant_with_2fa("acme", "required").await;
    app.patch_tenant("acme", json!({"allowed_methods": ["sms"]})).await;
    app.user_with_phone("acme", "alice@example.com", PHONE).await;
}

#[tokio::test]
async fn a_code_the_gateway_refused_is_retried_by_the_worker_and_delivered_once() -> TestResult {
    let app = spawn_app().await;
    sms_tenant(&app).await;
    app.inbox.set_failing(true);
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["status"], "second_factor_required");
    assert_eq!(login["code_sent"], false, "the first attempt failed");

    app.inbox.set_failing(false);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.inbox.count_to(PHONE), 0, "not before the backoff has passed (clock not moved)");
    app.clock.advance(10);
    assert!(app.inbox.wait_for(PHONE, 1).await, "the worker sent it once the backoff passed");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.inbox.count_to(PHONE), 1, "sent exactly once");

    let code = app.inbox.last_code_to(PHONE);
    assert_eq!(app.verify(&login["challenge_id"], &code).await.status(), 200, "the retried code works");
    Ok(())
}

#[tokio::test]
async fn a_code_is_never_sent_after_it_expired() -> TestResult {
    let app = spawn_app().await;
    sms_tenant(&app).await;
    app.inbox.set_failing(true);
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["code_sent"], false);
    app.clock.advance(601);
    app.inbox.set_failing(false);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(app.inbox.count_to(PHONE), 0);
    Ok(())
}

#[tokio::test]
async fn a_sent_message_keeps_no_content_in_the_database() -> TestResult {
    let app = spawn_app().await;
    sms_tenant(&app).await;
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["code_sent"], true);
    let code = app.inbox.last_code_to(PHONE);
    assert_eq!(app.outbox_with("acme", "sent", 1).await.len(), 1);
    let target = latchkey::store::DatabaseTarget::parse(&app.database_url)?;
    let (sealed, status) = tokio::task::spawn_blocking(move || {
        use diesel::prelude::*;
        use latchkey::store::schema::outbox as o;
        let db = latchkey::store::Db::connect(&target, 1).unwrap();
        let mut conn = db.get().unwrap();
        o::table.select((o::sealed, o::status)).first::<(Option<Vec<u8>>, String)>(&mut *conn).unwrap()
    })
    .await?;
    assert_eq!((sealed, status.as_str()), (None, "sent"), "the body and code are erased once sent");
    assert!(!code.is_empty());
    Ok(())
}

#[tokio::test]
async fn two_instances_sharing_the_database_send_a_message_once() -> TestResult {
    let app = spawn_app().await;
    sms_tenant(&app).await;
    let sibling = app.sibling(&[("LATCHKEY_DELIVERY_WEBHOOK_URL", app.inbox.url.as_str())]).await;
    app.inbox.set_failing(true);
    for _ in 0..5 {
        let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
        assert_eq!(login["code_sent"], false);
    }
    // The failed attempts are recorded (with their backoff) just after the answers.
    assert_eq!(app.outbox_with("acme", "queued", 5).await.len(), 5);
    app.inbox.set_failing(false);
    app.clock.advance(10);
    sibling.clock.set(app.clock.now().secs());
    assert!(app.inbox.wait_for(PHONE, 5).await, "all five retried");
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(app.inbox.count_to(PHONE), 5, "each message sent by exactly one of the two workers");
    Ok(())
}

#[tokio::test]
async fn an_admin_sees_failed_messages_without_their_content_and_can_retry_them() -> TestResult {
    let app = spawn_app().await;
    sms_tenant(&app).await;
    app.inbox.fail_with(400);
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["code_sent"], false);
    app.clock.advance(60);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let failed: Value = app.admin_get("/admin/tenants/acme/outbox?status=failed").await.json().await?;
    assert_eq!(failed.as_array().map(Vec::len), Some(1), "a 400 is final: not retried by the worker");
    let message = &failed[0];
    assert_eq!((message["channel"].as_str(), message["attempts"].as_i64()), (Some("sms"), Some(1)));
    assert_eq!(message["recipient"], "+358 ••• •• 67");
    assert!(message.get("body").is_none() && !message.to_string().contains("sign-in code"));
    assert_eq!(app.admin_get("/admin/tenants/acme/outbox?status=lost").await.status(), 400);

    app.inbox.set_failing(false);
    let id = str_of(message, "id").to_owned();
    let app = &app;
    let retry = |id: String| async move {
        let path = format!("/admin/tenants/acme/outbox/{id}/retry");
        app.admin_post(&path, json!({})).await
    };
    let (status, queued) = status_body(retry(id.clone()).await).await;
    assert_eq!((status, queued["status"].as_str()), (200, Some("queued")));
    assert!(app.inbox.wait_for(PHONE, 1).await, "the worker sent the retried message");
    let code = app.inbox.last_code_to(PHONE);
    assert_eq!(app.verify(&login["challenge_id"], &code).await.status(), 200);
    assert_eq!(retry(id).await.status(), 409, "a sent message is not retried");
    assert_eq!(retry(uuid::Uuid::new_v4().to_string()).await.status(), 404);
    Ok(())
}

#[tokio::test]
async fn a_message_queued_by_a_killed_process_is_delivered_once_by_another() -> TestResult {
    let app = spawn_app().await;
    sms_tenant(&app).await;
    app.inbox.set_failing(true);
    let child = crate::process::ChildServer::start(&app);
    let r = app
        .client
        .post(format!("{}/login", child.address))
        .json(&json!({"tenant": "acme", "identifier": "alice@example.com", "password": PASSWORD}))
        .send()
        .await?;
    let login: Value = r.json().await?;
    assert_eq!(login["code_sent"], false, "the gateway was down: the message waits in the outbox");
    child.kill(); // SIGKILL, with the message queued

    app.inbox.set_failing(false);
    // Killed perhaps before it recorded the failed attempt: then the message is still leased to
    // the dead process, and another instance takes it over once the lease (30 s) has run out.
    app.clock.advance(31);
    assert!(app.inbox.wait_for(PHONE, 1).await, "another instance sent it");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.inbox.count_to(PHONE), 1, "exactly once");
    let code = app.inbox.last_code_to(PHONE);
    assert_eq!(app.verify(&login["challenge_id"], &code).await.status(), 200);
    Ok(())
}

#[tokio::test]
async fn sigterm_finishes_the_send_in_flight_then_stops_the_worker_and_exits_cleanly() -> TestResult {
    let app = spawn_app().await;
    sms_tenant(&app).await;
    let child = crate::process::ChildServer::start(&app);
    app.inbox.set_delay(Duration::from_millis(1500));
    let request = app
        .client
        .post(format!("{}/login", child.address))
        .json(&json!({"tenant": "acme", "identifier": "alice@example.com", "password": PASSWORD}));
    let login = tokio::spawn(request.send());
    tokio::time::sleep(Duration::from_millis(600)).await; // the login now waits on the slow gateway

    let log = child.log.clone();
    let status = child.terminate(Duration::from_secs(20)).await;
    assert!(status.is_some_and(|s| s.success()), "exited 0 after SIGTERM: {status:?}");
    let login: Value = login.await??.json().await?;
    assert_eq!(login["code_sent"], true, "the send in flight was finished, not cut: {login}");
    assert_eq!(app.inbox.count_to(PHONE), 1);
    let sent: Value = app.admin_get("/admin/tenants/acme/outbox?status=sent").await.json().await?;
    assert_eq!(sent.as_array().map(Vec::len), Some(1), "recorded as sent, no lease left behind");
    let log = log.lock().map(|l| l.join("\n")).unwrap_or_default();
    assert!(log.lines().any(|l| l.contains("background job stopped") && l.contains("outbox")), "{log}");
    Ok(())
}

#[tokio::test]
async fn a_code_replaced_by_a_new_one_is_never_sent_late() -> TestResult {
    let app = spawn_app().await;
    sms_tenant(&app).await;
    app.inbox.set_failing(true);
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["code_sent"], false);
    assert_eq!(app.outbox_with("acme", "queued", 1).await.len(), 1, "waiting for its retry");
    // The gateway stays down for the retry too; then the user asks for a new code (after the
    // 30 s cooldown), which goes out while the old message still waits for its next retry.
    app.clock.advance(31);
    let mut retried = false;
    for _ in 0..100 {
        let queued = app.outbox_with("acme", "queued", 1).await;
        if queued.first().is_some_and(|m| m["attempts"] == 2) {
            retried = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    assert!(retried, "the worker retried once, in vain");
    app.inbox.set_failing(false);
    let resend = format!("/challenges/{}/resend", str_of(&login, "challenge_id"));
    let r = app.post_json(&resend, json!({})).await;
    assert_eq!(r.status(), 200);
    let fresh = app.inbox.last_code_to(PHONE);
    app.clock.advance(15); // the old message's next retry is due
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(app.inbox.count_to(PHONE), 1, "the old code was not sent after the new one");
    let ended = app.outbox_with("acme", "expired", 1).await;
    assert_eq!(ended[0]["last_error"], "superseded by a newer code", "{ended:?}");
    assert_eq!(app.verify(&login["challenge_id"], &fresh).await.status(), 200);
    Ok(())
}
