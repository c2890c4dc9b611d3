//! Password reset through verified methods, end to end: emails read from a real SMTP server,
//! SMS from the webhook inbox, the clock driven by the test.

use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::*;
use crate::smtp_sink::{app_with_smtp, part, SmtpSink};

const NEW_PASSWORD: &str = "a brand new passphrase";
const PHONE: &str = "+358401234567";

async fn app(sink: &SmtpSink, mode: &str) -> TestApp {
    let app = app_with_smtp(sink, &[("LATCHKEY_SMTP_USERNAME", ""), ("LATCHKEY_SMTP_PASSWORD", "")]).await;
    app.tenant_with_2fa("acme", mode).await;
    app
}

/// A user whose profile email is verified (an administrator vouched for it).
async fn verified_user(app: &TestApp, email: &str, phone: Option<&str>) -> Value {
    let mut body = json!({"email": email, "password": PASSWORD, "email_verified": true});
    if let Some(phone) = phone {
        body["phone_number"] = json!(phone);
    }
    let (status, user) = status_body(app.admin_post("/admin/tenants/acme/users", body).await).await;
    assert_eq!(status, 201, "{user}");
    user
}

async fn start(app: &TestApp, tenant: &str, identifier: &str) -> (u16, Value) {
    status_body(app.post_json("/password-reset", json!({"tenant": tenant, "identifier": identifier})).await).await
}

async fn step(app: &TestApp, id: &str, what: &str, body: Value) -> (u16, Value) {
    status_body(app.post_json(&format!("/password-reset/{id}/{what}"), body).await).await
}

/// The mails to `to` received so far, as "subject | text".
fn mails_to(sink: &SmtpSink, to: &str) -> Vec<String> {
    sink.received()
        .iter()
        .filter(|m| m["rcpt_tos"][0] == to)
        .map(|m| format!("{} | {}", m["headers"]["subject"].as_str().unwrap_or(""), part(m, "text/plain")))
        .collect()
}

/// Waits up to 3 s for the `n`th mail to `to` that contains `about` (security notices about
/// the same changes arrive in their own time).
async fn nth_mail_to(sink: &SmtpSink, to: &str, about: &str, n: usize) -> String {
    for _ in 0..100 {
        if let Some(mail) = mails_to(sink, to).into_iter().filter(|m| m.contains(about)).nth(n - 1) {
            return mail;
        }
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    panic!("no mail #{n} about {about:?} to {to}: {:?}", mails_to(sink, to))
}

const CODE: &str = "password reset code";

/// The 6-digit code in a mail.
fn code_in(mail: &str) -> String {
    let at = mail.find("code is ").unwrap_or_else(|| panic!("no code in {mail}"));
    mail[at + 8..].chars().take(6).collect()
}

#[tokio::test]
async fn a_user_without_a_second_factor_resets_through_the_verified_email() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app(&sink, "off").await;
    let user = verified_user(&app, "alice@example.com", None).await;
    let before = app.logged_in("acme", "alice@example.com").await;

    let (status, started) = start(&app, "acme", "alice@example.com").await;
    assert_eq!(status, 202, "{started}");
    let id = str_of(&started, "reset_id").to_owned();
    let mail = nth_mail_to(&sink, "alice@example.com", CODE, 1).await;
    assert!(mail.starts_with("Your acme Clinic password reset code |"), "{mail}");
    assert!(mail.contains("It expires in 10 minutes"), "{mail}");
    let code = code_in(&mail);

    let (status, early) = step(&app, &id, "complete", json!({"new_password": NEW_PASSWORD})).await;
    assert_eq!(
        (status, early["error"].as_str()),
        (409, Some("password_reset_incomplete")),
        "no password before the code"
    );
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let (status, body) = step(&app, &id, "verify", json!({"code": wrong})).await;
    assert_eq!((status, body["error"].as_str()), (401, Some("invalid_code")), "{body}");
    assert!(body.get("attempts_remaining").is_none(), "like a wrong password, it tells nothing more: {body}");
    let (status, body) = step(&app, &id, "verify", json!({"code": code})).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("new_password_required")), "{body}");

    let (status, body) = step(&app, &id, "complete", json!({"new_password": "password123"})).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("password_too_common")), "the usual rules");
    let (status, done) = step(&app, &id, "complete", json!({"new_password": NEW_PASSWORD})).await;
    assert_eq!((status, done["locked_until"].clone()), (200, Value::Null), "{done}");

    assert_eq!(app.get_with_token("/me", str_of(&before, "access_token")).await.status(), 401, "sessions end");
    let refresh = json!({"refresh_token": before["refresh_token"]});
    assert_eq!(app.post_json("/token/refresh", refresh).await.status(), 401, "with their refresh tokens");
    assert_eq!(app.login("acme", "alice@example.com", PASSWORD).await.status(), 401);
    assert_eq!(app.login("acme", "alice@example.com", NEW_PASSWORD).await.status(), 200);
    let (status, again) = step(&app, &id, "complete", json!({"new_password": "yet another passphrase"})).await;
    assert_eq!((status, again["error"].as_str()), (410, Some("password_reset_expired")), "single use");

    let notice = nth_mail_to(&sink, "alice@example.com", "security notice", 1).await;
    assert!(notice.starts_with("acme Clinic: security notice | Your password was reset"), "{notice}");
    let audit = app.audit_of(str_of(&user, "id"));
    for event in ["password_reset.requested", "password_reset.verify", "password_reset.completed"] {
        assert!(audit.iter().any(|(e, o)| e == event && o == "success"), "{event} in {audit:?}");
    }
    crate::logs::capture();
    assert!(!crate::logs::text().contains(&code), "the code never reaches the logs");
    Ok(())
}

#[tokio::test]
async fn unknown_accounts_and_unverified_addresses_get_the_same_answer_and_fail_like_wrong_codes() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app(&sink, "off").await;
    verified_user(&app, "known@example.com", None).await;
    // Created by an administrator without vouching for the address: it may not carry a code.
    app.user("acme", "unverified@example.com").await;

    let mut answers = Vec::new();
    for (tenant, identifier) in [
        ("acme", "known@example.com"),
        ("acme", "unverified@example.com"),
        ("acme", "nobody@example.com"),
        ("acme", "no.such.username"),
        ("nowhere", "known@example.com"),
    ] {
        let (status, body) = start(&app, tenant, identifier).await;
        assert_eq!(status, 202, "{identifier}@{tenant}: {body}");
        let mut keys: Vec<&String> = body.as_object().map(|o| o.keys().collect()).unwrap_or_default();
        keys.sort();
        assert_eq!(keys, ["expires_at", "reset_id"], "the same shape for {identifier}@{tenant}");
        answers.push(str_of(&body, "reset_id").to_owned());
    }
    nth_mail_to(&sink, "known@example.com", CODE, 1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(mails_to(&sink, "unverified@example.com").is_empty(), "never to an unverified address");
    assert_eq!(sink.received().len(), 1, "only the known, verified account got a code");

    // Every reset without a code fails like a wrong code of a real account: a bare invalid_code,
    // never a count or a lock that could tell the two apart.
    for id in &answers[1..] {
        for _ in 0..12 {
            let (status, body) = step(&app, id, "verify", json!({"code": "123456"})).await;
            assert_eq!((status, body["error"].as_str()), (401, Some("invalid_code")), "{body}");
            assert!(body.get("attempts_remaining").is_none() && body.get("retry_after").is_none(), "{body}");
        }
        let (status, _) = step(&app, id, "complete", json!({"new_password": NEW_PASSWORD})).await;
        assert_eq!(status, 409);
    }
    let unknown = "9f1c1b1e-2f4c-4a57-9a55-5f0f6f4c2a10";
    let (status, body) = step(&app, unknown, "verify", json!({"code": "123456"})).await;
    assert_eq!((status, body["error"].as_str()), (404, Some("password_reset_not_found")));
    let (status, body) = step(&app, "not-an-id", "verify", json!({"code": "123456"})).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("invalid_path")));
    Ok(())
}

#[tokio::test]
async fn a_user_with_an_authenticator_app_proves_it_after_the_email_code() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app(&sink, "required").await;
    verified_user(&app, "alice@example.com", None).await;
    let (session, secret) = app.enrolled_with_totp("acme", "alice@example.com").await;
    let codes: Value =
        app.post_bearer("/me/recovery-codes", str_of(&session, "access_token"), json!({})).await.json().await?;
    let recovery: Vec<String> =
        codes["codes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_owned()).collect();
    let device = app.remembered_device("acme", "alice@example.com", &secret).await;

    let (_, started) = start(&app, "acme", "alice@example.com").await;
    let id = str_of(&started, "reset_id").to_owned();
    let code = code_in(&nth_mail_to(&sink, "alice@example.com", CODE, 1).await);
    let (status, body) = step(&app, &id, "verify", json!({"code": code})).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("second_factor_required")), "{body}");
    assert_eq!((body["method"]["kind"].as_str(), body["code_sent"].as_bool()), (Some("totp"), Some(false)));
    assert_eq!(body["methods"].as_array().map(Vec::len), Some(1), "{body}");
    assert_eq!(body["recovery_codes_available"], true);
    let (status, body) = step(&app, &id, "verify", json!({"code": code})).await;
    assert_eq!((status, body["error"].as_str()), (409, Some("already_confirmed")));

    let (status, body) = step(&app, &id, "complete", json!({"new_password": NEW_PASSWORD})).await;
    assert_eq!((status, body["error"].as_str()), (409, Some("password_reset_incomplete")), "the second factor first");
    app.next_totp_step();
    let wrong = if app.totp_now(&secret) == "000000" { "111111" } else { "000000" };
    let (status, body) = step(&app, &id, "second-factor", json!({"code": wrong})).await;
    assert_eq!((status, body["error"].as_str()), (401, Some("invalid_code")), "{body}");
    assert_eq!(body["attempts_remaining"], 4, "the second step counts like /verify: {body}");
    let (status, body) = step(&app, &id, "second-factor", json!({"recovery_code": recovery[0]})).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("new_password_required")), "{body}");
    // A login challenge opened with the old password ends with it.
    let old_login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    app.clock.advance(1);
    let (status, _) = step(&app, &id, "complete", json!({"new_password": NEW_PASSWORD})).await;
    assert_eq!(status, 200);
    let (status, body) = status_body(app.verify(&old_login["challenge_id"], &app.totp_now(&secret)).await).await;
    assert_eq!((status, body["error"].as_str()), (410, Some("challenge_expired")), "{body}");
    let (status, body) = status_body(
        app.post_json("/verify", json!({"challenge_id": old_login["challenge_id"], "recovery_code": recovery[1]}))
            .await,
    )
    .await;
    assert_eq!(status, 410, "{body}");

    app.next_totp_step();
    let login =
        json!({"tenant": "acme", "identifier": "alice@example.com", "password": NEW_PASSWORD, "device_token": device});
    let body: Value = app.post_json("/login", login).await.json().await?;
    assert_eq!(body["status"], "second_factor_required", "the remembered device was forgotten: {body}");
    Ok(())
}

#[tokio::test]
async fn the_method_that_carried_the_code_cannot_be_the_second_factor() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app(&sink, "optional").await;
    // The profile email is not verified: the only proven destination is the SMS method's phone.
    let r = app
        .admin_post(
            "/admin/tenants/acme/users",
            json!({"email": "bob@example.com", "password": PASSWORD, "phone_number": PHONE}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let session = app.logged_in("acme", "bob@example.com").await;
    let access = str_of(&session, "access_token");
    let added: Value = app.post_bearer("/me/methods", access, json!({"kind": "sms"})).await.json().await?;
    let sms_id = str_of(&added["method"], "id").to_owned();
    let r = app
        .post_bearer(&format!("/me/methods/{sms_id}/confirm"), access, json!({"code": app.inbox.last_code_to(PHONE)}))
        .await;
    assert_eq!(r.status(), 200);
    let totp: Value = app.post_bearer("/me/methods", access, json!({"kind": "totp"})).await.json().await?;
    let secret = str_of(&totp["totp"], "secret").to_owned();
    let totp_id = str_of(&totp["method"], "id").to_owned();
    let r = app
        .post_bearer(&format!("/me/methods/{totp_id}/confirm"), access, json!({"code": app.totp_now(&secret)}))
        .await;
    assert_eq!(r.status(), 200);
    let sent_before = app.inbox.count_to(PHONE);

    let (_, started) = start(&app, "acme", "bob@example.com").await;
    let id = str_of(&started, "reset_id").to_owned();
    for _ in 0..100 {
        if app.inbox.count_to(PHONE) > sent_before {
            break;
        }
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    let sms = app.inbox.messages().into_iter().rev().find(|m| m["to"] == PHONE).unwrap_or_default();
    assert!(str_of(&sms, "body").contains("is your acme Clinic password reset code"), "{sms}");
    let (status, body) = step(&app, &id, "verify", json!({"code": str_of(&sms, "code")})).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("second_factor_required")), "{body}");
    let kinds: Vec<&str> = body["methods"].as_array().unwrap().iter().filter_map(|m| m["kind"].as_str()).collect();
    assert_eq!(kinds, ["totp"], "the phone that got the reset code is not a second factor: {body}");
    let (status, body) = step(&app, &id, "method", json!({"method_id": sms_id})).await;
    assert_eq!((status, body["error"].as_str()), (409, Some("method_not_active")), "{body}");
    app.next_totp_step();
    let (status, _) = step(&app, &id, "second-factor", json!({"code": app.totp_now(&secret)})).await;
    assert_eq!(status, 200);
    let (status, _) = step(&app, &id, "complete", json!({"new_password": NEW_PASSWORD})).await;
    assert_eq!(status, 200);
    assert!(
        mails_to(&sink, "bob@example.com").iter().all(|m| !m.contains("reset code")),
        "no code to the unverified email"
    );
    Ok(())
}

#[tokio::test]
async fn an_sms_second_factor_gets_its_own_code() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app(&sink, "optional").await;
    verified_user(&app, "carol@example.com", Some(PHONE)).await;
    let session = app.logged_in("acme", "carol@example.com").await;
    let access = str_of(&session, "access_token");
    let added: Value = app.post_bearer("/me/methods", access, json!({"kind": "sms"})).await.json().await?;
    let sms_id = str_of(&added["method"], "id").to_owned();
    let confirm = json!({"code": app.inbox.last_code_to(PHONE)});
    assert_eq!(app.post_bearer(&format!("/me/methods/{sms_id}/confirm"), access, confirm).await.status(), 200);
    let sent_before = app.inbox.count_to(PHONE);

    let (_, started) = start(&app, "acme", "carol@example.com").await;
    let id = str_of(&started, "reset_id").to_owned();
    let code = code_in(&nth_mail_to(&sink, "carol@example.com", CODE, 1).await);
    let (status, body) = step(&app, &id, "verify", json!({"code": code})).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("second_factor_required")), "{body}");
    assert_eq!((body["method"]["kind"].as_str(), body["code_sent"].as_bool()), (Some("sms"), Some(true)), "{body}");
    assert_eq!(app.inbox.count_to(PHONE), sent_before + 1);
    let (status, body) = step(&app, &id, "method", json!({"method_id": sms_id})).await;
    assert_eq!((status, body["error"].as_str()), (429, Some("resend_too_soon")), "{body}");
    app.clock.advance(31);
    let (status, body) = step(&app, &id, "method", json!({"method_id": sms_id})).await;
    assert_eq!((status, body["sends_remaining"].as_i64()), (200, Some(3)), "{body}");
    let (status, _) = step(&app, &id, "second-factor", json!({"code": app.inbox.last_code_to(PHONE)})).await;
    assert_eq!(status, 200);
    let (status, _) = step(&app, &id, "complete", json!({"new_password": NEW_PASSWORD})).await;
    assert_eq!(status, 200);
    Ok(())
}

#[tokio::test]
async fn self_service_without_second_factor_users_sends_two_factor_users_to_the_administrator() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app(&sink, "optional").await;
    let tenant = app.patch_tenant("acme", json!({"password_reset": "self_service_without_second_factor_users"})).await;
    assert_eq!(tenant["settings"]["password_reset"], "self_service_without_second_factor_users");
    verified_user(&app, "dave@example.com", None).await;
    verified_user(&app, "erin@example.com", None).await;
    let session = app.logged_in("acme", "dave@example.com").await;
    let totp: Value =
        app.post_bearer("/me/methods", str_of(&session, "access_token"), json!({"kind": "totp"})).await.json().await?;
    let (secret, totp_id) = (str_of(&totp["totp"], "secret").to_owned(), str_of(&totp["method"], "id").to_owned());
    let confirm = json!({"code": app.totp_now(&secret)});
    let r = app.post_bearer(&format!("/me/methods/{totp_id}/confirm"), str_of(&session, "access_token"), confirm).await;
    assert_eq!(r.status(), 200);

    let (status, with_2fa) = start(&app, "acme", "dave@example.com").await;
    let (status2, without) = start(&app, "acme", "erin@example.com").await;
    assert_eq!((status, status2), (202, 202), "the answer never tells who has a second factor");
    assert_eq!(with_2fa.as_object().map(|o| o.len()), without.as_object().map(|o| o.len()));
    let told = nth_mail_to(&sink, "dave@example.com", "ask your administrator", 1).await;
    assert!(told.contains("ask your administrator"), "{told}");
    assert!(!told.contains("code is"), "no code: {told}");
    let (status, _) = step(&app, str_of(&with_2fa, "reset_id"), "verify", json!({"code": "123456"})).await;
    assert_eq!(status, 401);
    let code = code_in(&nth_mail_to(&sink, "erin@example.com", CODE, 1).await);
    let (status, body) = step(&app, str_of(&without, "reset_id"), "verify", json!({"code": code})).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("new_password_required")), "{body}");
    Ok(())
}

#[tokio::test]
async fn admin_only_refuses_for_the_whole_tenant_and_the_administrator_sends_a_link() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app(&sink, "required").await;
    let (status, body) = status_body(
        app.admin_send(reqwest::Method::PATCH, "/admin/tenants/acme", json!({"password_reset": "sometimes"})).await,
    )
    .await;
    assert_eq!((status, body["error"].as_str()), (400, Some("invalid_password_reset_mode")));
    app.patch_tenant("acme", json!({"password_reset": "admin_only"})).await;
    let user = app.user("acme", "frank@example.com").await;
    app.enrolled_with_totp("acme", "frank@example.com").await;
    for identifier in ["frank@example.com", "nobody@example.com"] {
        let (status, body) = start(&app, "acme", identifier).await;
        assert_eq!((status, body["error"].as_str()), (403, Some("password_reset_disabled")), "{identifier}");
    }

    let path = format!("/admin/tenants/acme/users/{}/password-reset", str_of(&user, "id"));
    let (status, body) = status_body(app.admin_post(&path, json!({})).await).await;
    assert_eq!((status, body["error"].as_str()), (409, Some("public_url_required")));
    app.patch_tenant("acme", json!({"public_url": "https://app.acme.example"})).await;
    let (status, sent) = status_body(app.admin_post(&path, json!({})).await).await;
    assert_eq!(status, 202, "{sent}");
    assert!(!sent.to_string().contains("lk_rst_"), "the link's secret is only in the email");
    let mail = nth_mail_to(&sink, "frank@example.com", "Choose a new", 1).await;
    let link = mail.lines().find(|l| l.starts_with("https://")).unwrap_or_else(|| panic!("{mail}"));
    let fragment = link.strip_prefix("https://app.acme.example/password-reset#").unwrap_or_else(|| panic!("{link}"));
    let (id, code) = fragment.split_once("&code=").unwrap_or_else(|| panic!("{fragment}"));
    let id = id.strip_prefix("reset_id=").unwrap_or_else(|| panic!("{fragment}"));
    assert_eq!(id, str_of(&sent, "reset_id"));

    let (status, body) = step(&app, id, "verify", json!({"code": code})).await;
    assert_eq!(
        (status, body["status"].as_str()),
        (200, Some("new_password_required")),
        "the administrator vouches: {body}"
    );
    let (status, _) = step(&app, id, "complete", json!({"new_password": NEW_PASSWORD})).await;
    assert_eq!(status, 200);
    let users: Value = app.admin_get("/admin/tenants/acme/users").await.json().await?;
    assert_eq!(users["users"][0]["email_verified"], true, "the link proved the address: {users}");
    app.next_totp_step();
    let login: Value = app.login("acme", "frank@example.com", NEW_PASSWORD).await.json().await?;
    assert_eq!(login["status"], "second_factor_required", "the next sign-in still asks: {login}");
    Ok(())
}

#[tokio::test]
async fn a_reset_never_lifts_a_lock_and_wrong_codes_count_like_wrong_passwords() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app(&sink, "off").await;
    verified_user(&app, "gina@example.com", None).await;
    for _ in 0..10 {
        assert_eq!(app.login("acme", "gina@example.com", "a wrong password").await.status(), 401);
    }
    // Locked: no code is checked, not even the right one, and the answer does not say why.
    let (_, started) = start(&app, "acme", "gina@example.com").await;
    let id = str_of(&started, "reset_id").to_owned();
    let code = code_in(&nth_mail_to(&sink, "gina@example.com", CODE, 1).await);
    let (status, body) = step(&app, &id, "verify", json!({"code": code})).await;
    assert_eq!((status, body["error"].as_str()), (401, Some("invalid_code")), "{body}");

    app.clock.advance(1801);
    let (_, started) = start(&app, "acme", "gina@example.com").await;
    let id = str_of(&started, "reset_id").to_owned();
    let code = code_in(&nth_mail_to(&sink, "gina@example.com", CODE, 2).await);
    let (status, _) = step(&app, &id, "verify", json!({"code": code})).await;
    assert_eq!(status, 200);
    for _ in 0..10 {
        assert_eq!(app.login("acme", "gina@example.com", "a wrong password").await.status(), 401);
    }
    let (status, done) = step(&app, &id, "complete", json!({"new_password": NEW_PASSWORD})).await;
    assert_eq!(status, 200, "the proofs were in before the lock");
    assert!(done["locked_until"].is_string(), "the lock stays, and is told: {done}");
    assert_eq!(app.login("acme", "gina@example.com", NEW_PASSWORD).await.status(), 401, "still locked");
    app.clock.advance(1801);
    assert_eq!(app.login("acme", "gina@example.com", NEW_PASSWORD).await.status(), 200, "once the lock ends");

    // Ten wrong reset codes lock the account as ten wrong passwords would (silently, like them).
    let (_, started) = start(&app, "acme", "gina@example.com").await;
    let id = str_of(&started, "reset_id").to_owned();
    let code = code_in(&nth_mail_to(&sink, "gina@example.com", CODE, 3).await);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..10 {
        let (status, body) = step(&app, &id, "verify", json!({"code": wrong})).await;
        assert_eq!((status, body["error"].as_str()), (401, Some("invalid_code")), "{body}");
    }
    assert_eq!(step(&app, &id, "verify", json!({"code": code})).await.0, 401, "not even the right code while locked");
    assert_eq!(app.login("acme", "gina@example.com", NEW_PASSWORD).await.status(), 401);
    Ok(())
}

#[tokio::test]
async fn a_user_has_at_most_three_resets_open_and_they_expire() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app(&sink, "off").await;
    let user = verified_user(&app, "hugo@example.com", None).await;
    let mut ids = Vec::new();
    for n in 1..=4 {
        let (status, started) = start(&app, "acme", "hugo@example.com").await;
        assert_eq!(status, 202);
        ids.push(str_of(&started, "reset_id").to_owned());
        if n <= 3 {
            nth_mail_to(&sink, "hugo@example.com", CODE, n).await;
        }
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let codes = mails_to(&sink, "hugo@example.com").into_iter().filter(|m| m.contains(CODE)).count();
    assert_eq!(codes, 3, "the fourth sends nothing");
    let audit = app.audit_of(str_of(&user, "id"));
    assert_eq!(audit.iter().filter(|(e, o)| e == "password_reset.requested" && o == "failure").count(), 1, "{audit:?}");

    // A tenant that leaves self-service stops the resets under way.
    app.patch_tenant("acme", json!({"password_reset": "admin_only"})).await;
    let code = code_in(&nth_mail_to(&sink, "hugo@example.com", CODE, 2).await);
    let (status, body) = step(&app, &ids[1], "verify", json!({"code": code})).await;
    assert_eq!((status, body["error"].as_str()), (403, Some("password_reset_disabled")), "{body}");
    app.patch_tenant("acme", json!({"password_reset": "self_service"})).await;
    let code = code_in(&nth_mail_to(&sink, "hugo@example.com", CODE, 1).await);
    app.clock.advance(15 * 60 + 1);
    let (status, body) = step(&app, &ids[0], "verify", json!({"code": code})).await;
    assert_eq!((status, body["error"].as_str()), (410, Some("password_reset_expired")), "15 minutes");
    Ok(())
}

#[tokio::test]
async fn one_address_may_start_thirty_resets_an_hour_even_concurrently() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    // Concurrent requests count one after another: exactly 30 pass.
    let starts = (0..40).map(|n| {
        let app = &app;
        async move { start(app, "acme", &format!("user{n}@example.com")).await.0 }
    });
    let statuses = futures_util::future::join_all(starts).await;
    assert_eq!(statuses.iter().filter(|s| **s == 202).count(), 30, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 10, "{statuses:?}");
    let r = app.post_json("/password-reset", json!({"tenant": "acme", "identifier": "x@example.com"})).await;
    let retry_after: i64 = r.headers()["retry-after"].to_str()?.parse()?;
    assert!((1..=3600).contains(&retry_after), "{retry_after}");
    let (status, body) = status_body(r).await;
    assert_eq!((status, body["error"].as_str()), (429, Some("rate_limited")), "{body}");
    app.clock.advance(3600);
    assert_eq!(start(&app, "acme", "x@example.com").await.0, 202, "the next hour starts afresh");
    Ok(())
}

#[tokio::test]
async fn concurrent_steps_on_one_users_resets_never_deadlock() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app(&sink, "off").await;
    verified_user(&app, "ivy@example.com", None).await;
    let mut ids = Vec::new();
    for n in 1..=3 {
        let (_, started) = start(&app, "acme", "ivy@example.com").await;
        ids.push((
            str_of(&started, "reset_id").to_owned(),
            code_in(&nth_mail_to(&sink, "ivy@example.com", CODE, n).await),
        ));
    }
    let (status, _) = step(&app, &ids[0].0, "verify", json!({"code": ids[0].1})).await;
    assert_eq!(status, 200);
    app.clock.advance(1);
    // Completing one reset while wrong and right codes hit the others, and an admin sends a link.
    let complete = step(&app, &ids[0].0, "complete", json!({"new_password": NEW_PASSWORD}));
    let users: Value = app.admin_get("/admin/tenants/acme/users").await.json().await?;
    let user_id = users["users"][0]["id"].as_str().unwrap_or_default().to_owned();
    app.patch_tenant("acme", json!({"public_url": "https://app.acme.example"})).await;
    let link_path = format!("/admin/tenants/acme/users/{user_id}/password-reset");
    let link = app.admin_post(&link_path, json!({}));
    let others = ids[1..].iter().flat_map(|(id, code)| {
        [step(&app, id, "verify", json!({"code": "000001"})), step(&app, id, "verify", json!({"code": code}))]
    });
    let (done, link, others) = tokio::join!(complete, link, futures_util::future::join_all(others));
    // The link replaces the open resets: completing one races it, and either may come first.
    assert!([200, 410].contains(&done.0), "{done:?}");
    assert_eq!(link.status(), 202);
    for (status, body) in others {
        assert!([200, 401, 409, 410].contains(&status), "{status} {body}");
    }
    // The other resets are over: the password changed after they began.
    for (id, code) in &ids[1..] {
        let (status, body) = step(&app, id, "complete", json!({"new_password": "another fine passphrase"})).await;
        assert!([409, 410].contains(&status), "{status} {body} {code}");
    }
    Ok(())
}

/// The Procare case: a user whose one proven destination is an SMS method. Where login asks for
/// a second factor, that one proof is not enough and the user is sent to the administrator;
/// where login asks for the password alone, the code to that phone is enough.
#[tokio::test]
async fn one_verified_method_resets_where_login_asks_for_no_second_factor() -> TestResult {
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app(&sink, "optional").await;
    let body = json!({"email": "dana@example.com", "password": PASSWORD, "phone_number": PHONE});
    assert_eq!(app.admin_post("/admin/tenants/acme/users", body).await.status(), 201);
    let session = app.logged_in("acme", "dana@example.com").await;
    let access = str_of(&session, "access_token");
    let added: Value = app.post_bearer("/me/methods", access, json!({"kind": "sms"})).await.json().await?;
    let sms_id = str_of(&added["method"], "id").to_owned();
    let confirm = json!({"code": app.inbox.last_code_to(PHONE)});
    assert_eq!(app.post_bearer(&format!("/me/methods/{sms_id}/confirm"), access, confirm).await.status(), 200);

    // `optional` with a method: login asks for it, so one proof is not enough.
    let sent = app.inbox.count_to(PHONE);
    start(&app, "acme", "dana@example.com").await;
    let sms = sms_after(&app, sent).await;
    assert!(str_of(&sms, "body").contains("ask your administrator"), "{sms}");

    // `off`: login asks for the password alone, and so does the reset, after the code.
    app.patch_tenant("acme", json!({"two_factor": "off"})).await;
    let sent = app.inbox.count_to(PHONE);
    let (_, started) = start(&app, "acme", "dana@example.com").await;
    let id = str_of(&started, "reset_id").to_owned();
    let sms = sms_after(&app, sent).await;
    assert!(str_of(&sms, "body").contains("password reset code"), "{sms}");
    let (status, body) = step(&app, &id, "verify", json!({"code": str_of(&sms, "code")})).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("new_password_required")), "{body}");
    let (status, _) = step(&app, &id, "complete", json!({"new_password": NEW_PASSWORD})).await;
    assert_eq!(status, 200);
    assert_eq!(app.login("acme", "dana@example.com", NEW_PASSWORD).await.status(), 200);
    Ok(())
}

/// The newest SMS to `PHONE` once there are more than `count`; waits up to 3 s.
async fn sms_after(app: &TestApp, count: usize) -> Value {
    app.inbox.wait_for(PHONE, count + 1).await;
    app.inbox.messages().into_iter().rev().find(|m| m["to"] == PHONE).unwrap_or_default()
}

#[tokio::test]
async fn a_security_key_proves_the_second_step_of_a_reset() -> TestResult {
    use crate::authenticator::with_bad_signature;
    use crate::webauthn::{enrolled_with_key, ORIGIN};
    let Some(sink) = SmtpSink::start(None) else { return Ok(()) };
    let app = app(&sink, "required").await;
    verified_user(&app, "alice@example.com", None).await;
    let (_, mut key) = enrolled_with_key(&app, "acme", "alice@example.com", false).await;

    let (_, started) = start(&app, "acme", "alice@example.com").await;
    let id = str_of(&started, "reset_id").to_owned();
    let code = code_in(&nth_mail_to(&sink, "alice@example.com", CODE, 1).await);
    let (status, body) = step(&app, &id, "verify", json!({"code": code})).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("second_factor_required")), "{body}");
    assert_eq!(body["method"]["kind"], "webauthn", "{body}");
    let options = body["webauthn"].clone();
    assert!(options["publicKey"]["allowCredentials"].as_array().is_some_and(|a| a.len() == 1), "{body}");

    let (status, refused) = step(&app, &id, "second-factor", json!({"code": "123456"})).await;
    assert_eq!((status, refused["error"].as_str()), (409, Some("wrong_proof")), "{refused}");
    let forged = with_bad_signature(key.sign(&options, ORIGIN));
    let (status, refused) = step(&app, &id, "second-factor", json!({"credential": forged})).await;
    assert_eq!((status, refused["error"].as_str()), (401, Some("invalid_credential")), "{refused}");
    assert_eq!(refused["attempts_remaining"], 4, "{refused}");
    let answer = key.sign(&options, ORIGIN);
    let (status, body) = step(&app, &id, "second-factor", json!({"credential": answer})).await;
    assert_eq!((status, body["status"].as_str()), (200, Some("new_password_required")), "{body}");
    let (status, _) = step(&app, &id, "complete", json!({"new_password": NEW_PASSWORD})).await;
    assert_eq!(status, 200);
    Ok(())
}
