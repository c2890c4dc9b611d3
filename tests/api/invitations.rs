//! Invitations end to end, the email read from a real SMTP server: invite → link → registration
//! page → choose a password (and optionally a second factor) → signed in.

use serde_json::{json, Value};

use crate::helpers::*;
use crate::smtp_sink::{app_with_smtp, part, SmtpSink};

const CHOSEN: &str = "my own long passphrase";

async fn app_and_tenant(sink: &SmtpSink, mode: &str) -> TestApp {
    let app = app_with_smtp(sink, &[("LATCHKEY_SMTP_USERNAME", ""), ("LATCHKEY_SMTP_PASSWORD", "")]).await;
    app.tenant_with_2fa("acme", mode).await;
    app.patch_tenant("acme", json!({"public_url": "https://app.acme.example/"})).await;
    app
}

async fn invite(app: &TestApp, body: Value) -> (u16, Value) {
    status_body(app.admin_post("/admin/tenants/acme/invitations", body).await).await
}

/// The token of the latest invitation email to `to`.
async fn token_sent_to(sink: &SmtpSink, to: &str, count: usize) -> String {
    let received = sink.wait_for(count).await;
    let mail = received.iter().rev().find(|m| m["rcpt_tos"][0] == to).unwrap_or_else(|| panic!("no mail to {to}"));
    let text = part(mail, "text/plain");
    let link = text.lines().find(|l| l.starts_with("https://")).unwrap_or_else(|| panic!("no link in {text}"));
    let token = link.strip_prefix("https://app.acme.example/invitation#token=").unwrap_or_else(|| panic!("{link}"));
    assert!(part(mail, "text/html").contains(link), "the HTML part links to it too");
    token.to_owned()
}

async fn accept(app: &TestApp, token: &str, body: Value) -> (u16, Value) {
    status_body(app.post_json(&format!("/invitations/{token}/accept"), body).await).await
}

#[tokio::test]
async fn an_invited_user_chooses_a_password_and_an_authenticator_app_on_the_registration_page() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app_and_tenant(&sink, "optional").await;
    let (status, invitation) =
        invite(&app, json!({"email": "new@example.com", "username": "N.Colleague", "expires_in_days": 3})).await;
    assert_eq!(status, 201, "{invitation}");
    assert!(!invitation.to_string().contains("lk_inv_"), "the token is shown nowhere but in the email");
    let token = token_sent_to(&sink, "new@example.com", 1).await;
    assert_eq!(
        app.login("acme", "new@example.com", "anything at all 1").await.status(),
        401,
        "no password before accepting"
    );

    let (status, info) = status_body(app.client.get(app.url(&format!("/invitations/{token}"))).send().await?).await;
    assert_eq!(status, 200, "{info}");
    assert_eq!(
        (info["tenant"]["name"].as_str(), info["email"].as_str()),
        (Some("acme Clinic"), Some("new@example.com"))
    );
    assert_eq!((info["username"].as_str(), info["two_factor"].as_str()), (Some("n.colleague"), Some("optional")));
    assert_eq!(info["password_rules"]["min_length"], 8);

    let (status, body) = accept(&app, &token, json!({"password": "password123", "enroll": "totp"})).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("password_too_common")), "the usual rules");
    let (status, body) = accept(&app, &token, json!({"password": CHOSEN, "enroll": "totp"})).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("enrollment_required")), "{body}");
    let id = str_of(&body, "challenge_id").to_owned();
    let enrollment: Value =
        app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "totp"})).await.json().await?;
    let secret = str_of(&enrollment["totp"], "secret").to_owned();
    let (status, done) = status_body(app.verify(&json!(id), &app.totp_now(&secret)).await).await;
    assert_eq!((status, done["status"].as_str()), (200, Some("authenticated")), "{done}");

    crate::logs::capture();
    let logs = crate::logs::text();
    assert!(logs.contains("POST /invitations/<redacted>/accept"), "the access log is captured, redacted");
    assert!(!logs.contains(&token), "the token never reaches the logs");
    let (status, again) = accept(&app, &token, json!({"password": CHOSEN})).await;
    assert_eq!((status, again["error"].as_str()), (410, Some("invitation_expired")), "single use");
    let users: Value = app.admin_get("/admin/tenants/acme/users").await.json().await?;
    assert_eq!(users["users"][0]["email_verified"], true, "{users}");
    app.next_totp_step();
    let login: Value = app
        .post_json("/login", json!({"tenant": "acme", "identifier": "n.colleague", "password": CHOSEN}))
        .await
        .json()
        .await?;
    assert_eq!(login["status"], "second_factor_required", "{login}");
    Ok(())
}

#[tokio::test]
async fn without_a_method_asked_for_accepting_signs_in_as_policy_allows() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app_and_tenant(&sink, "off").await;
    invite(&app, json!({"email": "new@example.com"})).await;
    let token = token_sent_to(&sink, "new@example.com", 1).await;
    let (status, body) = accept(&app, &token, json!({"password": CHOSEN})).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("authenticated")), "{body}");
    assert!(body["access_token"].is_string());
    Ok(())
}

#[tokio::test]
async fn tokens_expire_are_replaced_by_a_new_invitation_and_can_be_withdrawn() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app_and_tenant(&sink, "off").await;
    let get = |token: String| {
        let app = &app;
        async move {
            let r = app.client.get(app.url(&format!("/invitations/{token}"))).send().await.unwrap();
            let status = r.status().as_u16();
            let mut body: Value = r.json().await.unwrap_or(Value::Null);
            if let Some(fields) = body.as_object_mut() {
                fields.remove("request_id"); // differs on every request
            }
            (status, body)
        }
    };
    assert_eq!(get("lk_inv_unknown".into()).await.1["error"], "invitation_not_found");
    assert_eq!(get("not-a-token".into()).await.0, 404);

    invite(&app, json!({"email": "a@example.com", "expires_in_days": 1})).await;
    let first = token_sent_to(&sink, "a@example.com", 1).await;
    invite(&app, json!({"email": "a@example.com"})).await;
    let second = token_sent_to(&sink, "a@example.com", 2).await;
    assert_ne!(first, second);
    assert_eq!(get(first).await, (410, get_error("invitation_expired")), "re-inviting replaced the first link");
    let pending: Value = app.admin_get("/admin/tenants/acme/invitations").await.json().await?;
    assert_eq!(pending.as_array().map(Vec::len), Some(1), "{pending}");
    let path = format!("/admin/tenants/acme/invitations/{}", str_of(&pending[0], "id"));
    assert_eq!(app.admin_send(reqwest::Method::DELETE, &path, json!({})).await.status(), 204);
    assert_eq!(get(second).await.0, 410, "withdrawn");
    assert_eq!(app.admin_send(reqwest::Method::DELETE, &path, json!({})).await.status(), 404);

    invite(&app, json!({"email": "b@example.com", "expires_in_days": 1})).await;
    let third = token_sent_to(&sink, "b@example.com", 3).await;
    app.clock.advance(86_401);
    assert_eq!(get(third).await.0, 410, "expired after its day");
    Ok(())
}

fn get_error(code: &str) -> Value {
    json!({"error": code, "message": "this invitation has expired, was used or was withdrawn: ask your administrator for a new one"})
}

#[tokio::test]
async fn invitations_need_a_public_url_and_a_new_address() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app_with_smtp(&sink, &[("LATCHKEY_SMTP_USERNAME", ""), ("LATCHKEY_SMTP_PASSWORD", "")]).await;
    app.tenant("acme").await;
    let (status, body) = invite(&app, json!({"email": "a@example.com"})).await;
    assert_eq!((status, body["error"].as_str()), (409, Some("public_url_required")));
    app.patch_tenant("acme", json!({"public_url": "https://app.acme.example"})).await;
    app.user("acme", "existing@example.com").await;
    let (status, body) = invite(&app, json!({"email": "existing@example.com"})).await;
    assert_eq!((status, body["error"].as_str()), (409, Some("email_taken")));
    let (status, body) = invite(&app, json!({"email": "a@example.com", "expires_in_days": 0})).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("invalid_expiry")));
    Ok(())
}

#[tokio::test]
async fn concurrent_invitations_of_one_address_never_fail_with_a_server_error() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app_and_tenant(&sink, "off").await;
    let body = json!({"email": "same@example.com"});
    let (a, b) = tokio::join!(invite(&app, body.clone()), invite(&app, body.clone()));
    for (status, answer) in [&a, &b] {
        assert!(matches!(status, 201 | 409), "{status} {answer}");
    }
    assert!(a.0 == 201 || b.0 == 201, "one of them invited");
    let pending: Value = app.admin_get("/admin/tenants/acme/invitations").await.json().await?;
    assert_eq!(pending.as_array().map(Vec::len), Some(1), "one pending link: {pending}");
    Ok(())
}

/// Users of an SSO tenant sign in at the identity provider: no invitation to choose a password
/// here is sent (its link could not work).
#[tokio::test]
async fn an_sso_tenant_refuses_invitations_up_front() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app_and_tenant(&sink, "off").await;
    let url = "https://idp.example.com/saml/login";
    app.patch_tenant("acme", json!({"sign_in": "sso", "sso_url": url})).await;
    let (status, err) = invite(&app, json!({"email": "new@example.com"})).await;
    assert_eq!((status, err["error"].as_str(), err["sso_url"].as_str()), (409, Some("sso_required"), Some(url)));
    let listed: Value = app.admin_get("/admin/tenants/acme/invitations").await.json().await?;
    assert_eq!(listed, json!([]), "nothing was created");
    let r = app.admin_get("/admin/tenants/acme/users").await;
    let users: Value = r.json().await?;
    assert!(users.to_string().find("new@example.com").is_none(), "no user was created: {users}");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(sink.received().is_empty(), "no email went out");
    Ok(())
}
