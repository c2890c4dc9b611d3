//! The pumping guard, tried as an attacker with a valid account would: every path that sends a
//! message goes through one guard, per user, per number and per tenant, before anything is queued.

use serde_json::{json, Value};

use crate::helpers::*;

const PHONE: &str = "+358401234567";

fn total_messages(app: &TestApp) -> usize {
    app.inbox.messages().len()
}

#[tokio::test]
async fn one_token_cannot_send_sms_to_forty_numbers() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let alice = app.user("acme", "alice@example.com").await;
    let session = app.logged_in("acme", "alice@example.com").await;
    let access = str_of(&session, "access_token");
    let mut statuses = Vec::new();
    for i in 0..40 {
        let number = format!("+35840123{}", 4500 + i);
        let r = app.post_bearer("/me/methods", access, json!({"kind": "sms", "phone_number": number})).await;
        if r.status() == 429 {
            assert!(r.headers().contains_key("retry-after"));
            assert_eq!(r.json::<Value>().await?["error"], "too_many_messages");
            statuses.push(429);
        } else {
            statuses.push(r.status().as_u16());
        }
    }
    assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 10, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 30, "{statuses:?}");
    assert_eq!(total_messages(&app), 10, "no SMS beyond the cap");
    assert!(app.audit_of(str_of(&alice, "id")).iter().any(|(e, o)| e == "delivery.refused" && o == "failure"));

    // An hour later the user may send again.
    app.clock.advance(3601);
    let session = app.logged_in("acme", "alice@example.com").await;
    let access = str_of(&session, "access_token");
    let r = app.post_bearer("/me/methods", access, json!({"kind": "sms", "phone_number": "+358401239999"})).await;
    assert_eq!(r.status(), 201);
    Ok(())
}

#[tokio::test]
async fn step_up_cannot_flood_one_number() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.patch_tenant("acme", json!({"allowed_methods": ["sms"]})).await;
    app.user_with_phone("acme", "alice@example.com", PHONE).await;
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    let code = app.inbox.last_code_to(PHONE);
    let done: Value = app.verify(&login["challenge_id"], &code).await.json().await?;
    let access = str_of(&done, "access_token");
    let mut refused = 0;
    for _ in 0..20 {
        let r = app.post_bearer("/me/step-up", access, json!({})).await;
        if r.status() == 429 {
            refused += 1;
        }
    }
    assert_eq!(app.inbox.count_to(PHONE), 5, "five SMS per number per hour");
    assert_eq!(refused, 16);
    Ok(())
}

#[tokio::test]
async fn tenant_caps_and_allowed_countries_are_tenant_settings() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let r = app
        .client
        .patch(app.url("/admin/tenants/acme"))
        .bearer_auth(&app.admin_key)
        .json(&json!({"sms_allowed_countries": ["Finland"]}))
        .send()
        .await?;
    assert_eq!(status_body(r).await.1["error"], "invalid_country");
    let tenant = app
        .patch_tenant("acme", json!({"sms_allowed_countries": ["se"], "message_limits": {"per_tenant_per_hour": 2}}))
        .await;
    assert_eq!(tenant["settings"]["sms_allowed_countries"], json!(["SE"]));
    assert_eq!(tenant["settings"]["message_limits"]["per_tenant_per_hour"], 2);
    assert_eq!(tenant["settings"]["message_limits"]["per_user_per_hour"], 10, "other limits unchanged");

    app.user("acme", "alice@example.com").await;
    let session = app.logged_in("acme", "alice@example.com").await;
    let access = str_of(&session, "access_token");
    let r = app.post_bearer("/me/methods", access, json!({"kind": "sms", "phone_number": PHONE})).await;
    assert_eq!(status_body(r).await.1["error"], "sms_country_not_allowed");
    assert_eq!(total_messages(&app), 0);

    // Two messages for the whole tenant per hour, whoever asks.
    for email in ["bob@example.com", "carol@example.com", "dave@example.com"] {
        app.user("acme", email).await;
    }
    let mut statuses = Vec::new();
    for email in ["bob@example.com", "carol@example.com", "dave@example.com"] {
        let s = app.logged_in("acme", email).await;
        let r = app.post_bearer("/me/methods", str_of(&s, "access_token"), json!({"kind": "email"})).await;
        statuses.push(r.status().as_u16());
    }
    assert_eq!(statuses, [201, 201, 429]);
    assert_eq!(total_messages(&app), 2);
    Ok(())
}
