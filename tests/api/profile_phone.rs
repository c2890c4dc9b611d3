//! Provet Cloud's "ask the administrator to fix the number on your profile": an SMS method
//! enrolled from the profile's number follows it; one enrolled with a typed number keeps its own.

use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::*;

const OLD: &str = "+358401111111";
const NEW: &str = "+358402222222";
const TYPED: &str = "+358403333333";

async fn sms_only_tenant(app: &TestApp) {
    app.tenant_with_2fa("acme", "required").await;
    app.patch_tenant("acme", json!({"allowed_methods": ["sms"]})).await;
}

async fn methods_of(app: &TestApp, session: &Value) -> Value {
    app.get_with_token("/me/methods", str_of(session, "access_token")).await.json().await.unwrap()
}

#[tokio::test]
async fn a_method_from_the_profile_follows_a_new_number_and_the_old_one_is_told() -> TestResult {
    let app = spawn_app().await;
    sms_only_tenant(&app).await;
    let user = app.user_with_phone("acme", "alice@example.com", OLD).await;
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["code_sent"], true, "{login}");
    let session: Value = app.verify(&login["challenge_id"], &app.inbox.last_code_to(OLD)).await.json().await?;
    let methods = methods_of(&app, &session).await;
    assert_eq!(methods["methods"][0]["follows_profile"], true, "{methods}");

    let path = format!("/admin/tenants/acme/users/{}", str_of(&user, "id"));
    let r = app.admin_send(reqwest::Method::PATCH, &path, json!({"phone_number": NEW})).await;
    assert_eq!(r.status(), 200);
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["code_sent"], true);
    assert_eq!(app.inbox.count_to(NEW), 1, "the next code goes to the new number");
    assert_eq!(app.verify(&login["challenge_id"], &app.inbox.last_code_to(NEW)).await.status(), 200);

    for _ in 0..100 {
        if app.inbox.count_to(OLD) == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    let to_old: Vec<Value> = app.inbox.messages().into_iter().filter(|m| m["to"] == OLD).collect();
    assert_eq!(to_old.len(), 2, "the enrollment code, then the notice");
    assert!(str_of(&to_old[1], "body").contains("now go to another phone number"), "{to_old:?}");
    assert!(to_old[1]["code"].is_null());
    let audit = app.audit_of(str_of(&user, "id"));
    assert!(audit.iter().any(|(event, _)| event == "user.phone_number_changed"), "{audit:?}");
    Ok(())
}

#[tokio::test]
async fn a_method_with_a_typed_number_keeps_it_when_the_profile_changes() -> TestResult {
    let app = spawn_app().await;
    sms_only_tenant(&app).await;
    let user = app.user("acme", "bob@example.com").await;
    let login: Value = app.login("acme", "bob@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["status"], "enrollment_required");
    let enroll = format!("/challenges/{}/enroll", str_of(&login, "challenge_id"));
    let r = app.post_json(&enroll, json!({"kind": "sms", "phone_number": TYPED})).await;
    assert_eq!(r.status(), 200);
    let session: Value = app.verify(&login["challenge_id"], &app.inbox.last_code_to(TYPED)).await.json().await?;
    assert_eq!(methods_of(&app, &session).await["methods"][0]["follows_profile"], false);

    let path = format!("/admin/tenants/acme/users/{}", str_of(&user, "id"));
    let r = app.admin_send(reqwest::Method::PATCH, &path, json!({"phone_number": NEW})).await;
    assert_eq!(r.status(), 200);
    let login: Value = app.login("acme", "bob@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["code_sent"], true);
    assert_eq!(app.inbox.count_to(TYPED), 2, "still the typed number");
    assert_eq!(app.inbox.count_to(NEW), 0);
    Ok(())
}

#[tokio::test]
async fn a_user_who_gets_no_codes_by_sms_is_not_told_about_a_new_number() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.patch_tenant("acme", json!({"sms_budget": 100})).await;
    let user = app.user_with_phone("acme", "carol@example.com", OLD).await;
    app.enrolled_with_totp("acme", "carol@example.com").await;

    let path = format!("/admin/tenants/acme/users/{}", str_of(&user, "id"));
    let r = app.admin_send(reqwest::Method::PATCH, &path, json!({"phone_number": NEW})).await;
    assert_eq!(r.status(), 200);
    // The outbox worker polls every 50 ms: a queued notice would have gone out by now.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(app.inbox.count_to(OLD), 0, "{:?}", app.inbox.messages());
    for status in ["queued", "sending", "sent", "failed"] {
        let listed = app.outbox_with("acme", status, 0).await;
        assert!(listed.iter().all(|m| m["channel"] != "sms"), "an SMS is {status}: {listed:?}");
    }
    let budget: Value = app.admin_get("/admin/tenants/acme/sms-budget").await.json().await?;
    assert_eq!(budget["balance"], 100, "no SMS spent: {budget}");
    let audit = app.audit_of(str_of(&user, "id"));
    assert!(audit.iter().any(|(event, _)| event == "user.phone_number_changed"), "{audit:?}");
    Ok(())
}
