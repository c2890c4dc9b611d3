use serde_json::{json, Value};

use crate::helpers::*;

async fn body(r: reqwest::Response) -> Value {
    r.json().await.unwrap()
}

#[tokio::test]
async fn optional_asks_only_users_who_set_up_a_method() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "optional").await;
    app.user("acme", "alice@example.com").await;
    let session = app.logged_in("acme", "alice@example.com").await;
    assert_eq!(session["status"], "authenticated");

    // Alice sets up an authenticator app herself ...
    let access = str_of(&session, "access_token");
    let enrollment = body(app.post_bearer("/me/methods", access, json!({"kind": "totp"})).await).await;
    let secret = str_of(&enrollment["totp"], "secret").to_owned();
    let id = str_of(&enrollment["method"], "id");
    let r = app.post_bearer(&format!("/me/methods/{id}/confirm"), access, json!({"code": app.totp_now(&secret)})).await;
    assert_eq!(r.status(), 200);

    // ... and from then on she is asked for it.
    app.next_totp_step();
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    assert_eq!(login["status"], "second_factor_required");
    assert_eq!(login["method"]["kind"], "totp");
    assert_eq!(login["code_sent"], false);
    let r = app.verify(&login["challenge_id"], &app.totp_now(&secret)).await;
    assert_eq!(r.status(), 200);
    let done = body(r).await;
    assert_eq!(done["status"], "authenticated");
    assert_eq!(jwt_part(str_of(&done, "access_token"), 1)["amr"], json!(["pwd", "otp", "mfa"]));
    Ok(())
}

#[tokio::test]
async fn a_totp_code_is_never_accepted_twice() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    let (_, secret) = app.enrolled_with_totp("acme", "alice@example.com").await;
    // Same time step as the enrollment's code: refused even in a new challenge.
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let r = app.verify(&login["challenge_id"], &app.totp_now(&secret)).await;
    assert_eq!(r.status(), 401);
    let err = body(r).await;
    assert_eq!(err["error"], "invalid_code");
    assert_eq!(err["attempts_remaining"], 4);
    // A step later, the new code works.
    app.next_totp_step();
    assert_eq!(app.verify(&login["challenge_id"], &app.totp_now(&secret)).await.status(), 200);
    Ok(())
}

#[tokio::test]
async fn an_sms_primary_gets_a_code_at_once() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    // Enroll SMS at login with the profile's number.
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    assert_eq!(login["status"], "enrollment_required");
    assert_eq!(login["phone_number_on_profile"], true);
    assert_eq!(login["phone_hint"], "+358 ••• •• 67");
    let id = login["challenge_id"].as_str().unwrap();
    let r = app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "sms"})).await;
    assert_eq!(r.status(), 200);
    assert_eq!(app.verify(&login["challenge_id"], &app.inbox.last_code_to("+358401234567")).await.status(), 200);

    // The next login sends a code right away; the message holds only the code and the tenant's name.
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    assert_eq!(login["status"], "second_factor_required");
    assert_eq!(login["method"]["kind"], "sms");
    assert_eq!(login["method"]["hint"], "+358 ••• •• 67");
    assert_eq!(login["code_sent"], true);
    assert!(!login.to_string().contains("+358401234567"));
    // (The last SMS: the security notice of the new method goes by email meanwhile.)
    let message = app.inbox.messages().into_iter().rev().find(|m| m["channel"] == "sms").unwrap();
    let code = str_of(&message, "code").to_owned();
    assert_eq!(message["channel"], "sms");
    assert_eq!(message["body"], format!("{code} is your acme Clinic sign-in code."));
    let done = body(app.verify(&login["challenge_id"], &code).await).await;
    assert_eq!(jwt_part(str_of(&done, "access_token"), 1)["amr"], json!(["pwd", "sms", "mfa"]));
    Ok(())
}

#[tokio::test]
async fn send_new_code_makes_the_old_one_invalid_with_a_cooldown_and_a_cap() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let id = login["challenge_id"].as_str().unwrap().to_owned();
    app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "sms"})).await;
    let first = app.inbox.last_code_to("+358401234567");

    let r = app.post_json(&format!("/challenges/{id}/resend"), json!({})).await;
    assert_eq!(r.status(), 429);
    assert!(r.headers().get("retry-after").is_some());
    assert_eq!(body(r).await["error"], "resend_too_soon");

    app.clock.advance(30);
    let r = app.post_json(&format!("/challenges/{id}/resend"), json!({})).await;
    assert_eq!(r.status(), 200);
    let state = body(r).await;
    assert_eq!(state["sends_remaining"], 3);
    // The page counts down to the next resend: the cooldown from this send.
    let sent_at = chrono::DateTime::parse_from_rfc3339(str_of(&state, "code_expires_at"))?;
    let resend_at = chrono::DateTime::parse_from_rfc3339(str_of(&state, "resend_available_at"))?;
    assert_eq!((resend_at - sent_at).num_seconds(), 30 - 600, "{state}");
    let second = app.inbox.last_code_to("+358401234567");
    if first != second {
        assert_eq!(app.verify(&login["challenge_id"], &first).await.status(), 401);
    }
    for _ in 0..3 {
        app.clock.advance(30);
        assert_eq!(app.post_json(&format!("/challenges/{id}/resend"), json!({})).await.status(), 200);
    }
    app.clock.advance(30);
    let r = app.post_json(&format!("/challenges/{id}/resend"), json!({})).await;
    assert_eq!(r.status(), 429);
    assert_eq!(body(r).await["error"], "resend_limit_reached");
    assert_eq!(app.inbox.count_to("+358401234567"), 5);
    assert_eq!(app.verify(&login["challenge_id"], &app.inbox.last_code_to("+358401234567")).await.status(), 200);
    Ok(())
}

#[tokio::test]
async fn the_user_can_switch_to_another_method() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let (session, secret) = app.enrolled_with_totp("acme", "alice@example.com").await;
    // Add SMS and make it primary.
    let access = str_of(&session, "access_token");
    let sms = body(app.post_bearer("/me/methods", access, json!({"kind": "sms"})).await).await;
    let sms_id = str_of(&sms["method"], "id").to_owned();
    let code = app.inbox.last_code_to("+358401234567");
    assert_eq!(
        app.post_bearer(&format!("/me/methods/{sms_id}/confirm"), access, json!({"code": code})).await.status(),
        200
    );
    assert_eq!(app.post_bearer(&format!("/me/methods/{sms_id}/primary"), access, json!({})).await.status(), 200);

    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    assert_eq!(login["method"]["kind"], "sms");
    assert_eq!(login["methods"].as_array().map(Vec::len), Some(2));
    let totp_id = login["methods"].as_array().unwrap().iter().find(|m| m["kind"] == "totp").unwrap()["id"].clone();
    let id = login["challenge_id"].as_str().unwrap();
    let r = app.post_json(&format!("/challenges/{id}/method"), json!({"method_id": totp_id})).await;
    assert_eq!(r.status(), 200);
    assert_eq!(body(r).await["method"]["kind"], "totp");
    app.next_totp_step();
    let done = body(app.verify(&login["challenge_id"], &app.totp_now(&secret)).await).await;
    assert_eq!(jwt_part(str_of(&done, "access_token"), 1)["amr"], json!(["pwd", "otp", "mfa"]));
    Ok(())
}

#[tokio::test]
async fn challenges_are_single_use_expire_and_codes_expire() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let (_, _) = app.enrolled_with_totp("acme", "alice@example.com").await;

    assert_eq!(app.verify(&json!("no-such-challenge"), "123456").await.status(), 404);
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let r = app.post_json("/verify", json!({"challenge_id": login["challenge_id"]})).await;
    assert_eq!(body(r).await["error"], "code_required");
    app.clock.advance(301);
    let r = app.verify(&login["challenge_id"], "123456").await;
    assert_eq!(r.status(), 410);
    assert_eq!(body(r).await["error"], "challenge_expired");

    // An SMS code expires after 10 minutes even inside a live challenge.
    let app = spawn_app_with(&[("LATCHKEY_CHALLENGE_TTL_SECS", "3600")]).await;
    app.tenant_with_2fa("acme", "required").await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let id = login["challenge_id"].as_str().unwrap();
    app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "sms"})).await;
    app.clock.advance(601);
    let r = app.verify(&login["challenge_id"], &app.inbox.last_code_to("+358401234567")).await;
    assert_eq!(r.status(), 401);
    app.clock.advance(30);
    app.post_json(&format!("/challenges/{id}/resend"), json!({})).await;
    let done = app.verify(&login["challenge_id"], &app.inbox.last_code_to("+358401234567")).await;
    assert_eq!(done.status(), 200);
    let r = app.verify(&login["challenge_id"], &app.inbox.last_code_to("+358401234567")).await;
    assert_eq!(r.status(), 410);
    assert_eq!(body(r).await["error"], "challenge_used");
    Ok(())
}

#[tokio::test]
async fn a_remembered_device_skips_the_second_factor_until_revoked() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    let alice = app.user("acme", "alice@example.com").await;
    app.user("acme", "bob@example.com").await;
    let (_, secret) = app.enrolled_with_totp("acme", "alice@example.com").await;
    app.next_totp_step();
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let r = app
        .post_json(
            "/verify",
            json!({"challenge_id": login["challenge_id"], "code": app.totp_now(&secret), "remember_device": true}),
        )
        .await;
    let done = body(r).await;
    let device = str_of(&done, "device_token").to_owned();
    assert!(device.starts_with("lk_dev_"));

    let with_device = |email: &'static str, token: String| {
        app.post_json(
            "/login",
            json!({"tenant": "acme", "identifier": email, "password": PASSWORD, "device_token": token}),
        )
    };
    let skipped = body(with_device("alice@example.com", device.clone()).await).await;
    assert_eq!(skipped["status"], "authenticated");
    assert_eq!(jwt_part(str_of(&skipped, "access_token"), 1)["amr"], json!(["pwd"]));
    // Only for Alice, and only with the token.
    assert_eq!(body(with_device("bob@example.com", device.clone()).await).await["status"], "enrollment_required");
    assert_eq!(body(app.login("acme", "alice@example.com", PASSWORD).await).await["status"], "second_factor_required");

    // Alice forgets the device.
    let access = str_of(&skipped, "access_token");
    let devices = body(app.get_with_token("/me/devices", access).await).await;
    assert_eq!(devices.as_array().map(Vec::len), Some(1));
    let id = str_of(&devices[0], "id");
    let r = app.client.delete(app.url(&format!("/me/devices/{id}"))).bearer_auth(access).send().await?;
    assert_eq!(r.status(), 204);
    assert_eq!(body(with_device("alice@example.com", device.clone()).await).await["status"], "second_factor_required");

    // A password change revokes devices too; so does expiry.
    let device = app.remembered_device("acme", "alice@example.com", &secret).await;
    app.clock.advance(30 * 86400 + 1);
    assert_eq!(body(with_device("alice@example.com", device.clone()).await).await["status"], "second_factor_required");

    let device = app.remembered_device("acme", "alice@example.com", &secret).await;
    let r = app
        .client
        .patch(app.url(&format!("/admin/tenants/acme/users/{}", str_of(&alice, "id"))))
        .bearer_auth(&app.admin_key)
        .json(&json!({"password": "another good password"}))
        .send()
        .await?;
    assert_eq!(r.status(), 200);
    let r = app.post_json("/login", json!({"tenant": "acme", "identifier": "alice@example.com", "password": "another good password", "device_token": device})).await;
    assert_eq!(body(r).await["status"], "second_factor_required");
    Ok(())
}

#[tokio::test]
async fn remember_device_can_be_turned_off_per_tenant() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.patch_tenant("acme", json!({"remember_device_days": 0})).await;
    app.user("acme", "alice@example.com").await;
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let id = login["challenge_id"].as_str().unwrap();
    let enrollment = body(app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "totp"})).await).await;
    let secret = str_of(&enrollment["totp"], "secret");
    let r = app
        .post_json("/verify", json!({"challenge_id": id, "code": app.totp_now(secret), "remember_device": true}))
        .await;
    let done = body(r).await;
    assert_eq!(done["status"], "authenticated");
    assert!(done.get("device_token").is_none());
    Ok(())
}

#[tokio::test]
async fn a_recovery_code_works_once_in_place_of_a_code() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    let (session, _) = app.enrolled_with_totp("acme", "alice@example.com").await;
    assert!(session["warnings"].as_array().unwrap().iter().any(|w| w["code"] == "no_recovery_codes"));
    let r = app.post_bearer("/me/recovery-codes", str_of(&session, "access_token"), json!({})).await;
    assert_eq!(r.status(), 201);
    let codes = body(r).await;
    let list: Vec<String> = codes["codes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_owned()).collect();
    assert_eq!(list.len(), 10);

    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    assert_eq!(login["recovery_codes_available"], true);
    let r = app
        .post_json("/verify", json!({"challenge_id": login["challenge_id"], "recovery_code": list[3].to_uppercase()}))
        .await;
    assert_eq!(r.status(), 200);
    let done = body(r).await;
    assert!(done["warnings"].as_array().unwrap().iter().any(|w| w["code"] == "recovery_code_used"));
    let methods = body(app.get_with_token("/me/methods", str_of(&done, "access_token")).await).await;
    assert_eq!(methods["recovery_codes_remaining"], 9);

    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let r = app.post_json("/verify", json!({"challenge_id": login["challenge_id"], "recovery_code": list[3]})).await;
    assert_eq!(r.status(), 401);
    let r = app.post_json("/verify", json!({"challenge_id": login["challenge_id"], "recovery_code": list[7]})).await;
    assert_eq!(r.status(), 200);
    Ok(())
}

#[tokio::test]
async fn an_exempt_user_skips_the_second_factor_under_required() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    let user = app.user("acme", "alice@example.com").await;
    let r = app
        .client
        .patch(app.url(&format!("/admin/tenants/acme/users/{}", str_of(&user, "id"))))
        .bearer_auth(&app.admin_key)
        .json(&json!({"two_factor_exempt": true}))
        .send()
        .await?;
    assert_eq!(body(r).await["two_factor_exempt"], true);
    assert_eq!(body(app.login("acme", "alice@example.com", PASSWORD).await).await["status"], "authenticated");
    Ok(())
}

/// Waits up to 3 s for the `n`th message to `to`, moving the clock on so that the outbox's
/// backoff (from when it recorded the failure) runs out.
async fn nth_message_to(app: &TestApp, to: &str, n: usize) -> Value {
    for _ in 0..100 {
        if app.inbox.count_to(to) >= n {
            break;
        }
        app.clock.advance(1);
        tokio::time::sleep(std::time::Duration::from_millis(30)).await;
    }
    app.inbox.messages().into_iter().filter(|m| m["to"] == to).nth(n - 1).unwrap_or_else(|| panic!("no message #{n}"))
}

#[tokio::test]
async fn a_code_the_gateway_will_retry_is_on_its_way_not_failed() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let id = login["challenge_id"].as_str().unwrap().to_owned();
    // A gateway outage (500) is retried by the outbox: the answer says the code is on its way.
    app.inbox.set_failing(true);
    let r = app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "sms"})).await;
    let (status, enrollment) = status_body(r).await;
    assert_eq!(status, 200, "{enrollment}");
    assert_eq!(
        (enrollment["code_sent"].as_bool(), enrollment["delivery_error"].as_str()),
        (Some(false), Some("delivery_delayed"))
    );
    assert_eq!(enrollment["delivery_message"], "the code is on its way; it may take a minute");
    // The gateway is back; the worker's retry (after its backoff) delivers that very code.
    app.inbox.set_failing(false);
    let delivered = nth_message_to(&app, "+358401234567", 1).await;
    assert_eq!(app.verify(&login["challenge_id"], str_of(&delivered, "code")).await.status(), 200);

    // At login the challenge comes back the same way.
    app.inbox.set_failing(true);
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    assert_eq!((login["status"].as_str(), login["code_sent"].as_bool()), (Some("second_factor_required"), Some(false)));
    assert_eq!(login["delivery_error"], "delivery_delayed", "{login}");
    Ok(())
}

#[tokio::test]
async fn a_code_refused_for_good_is_a_failed_delivery() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let id = login["challenge_id"].as_str().unwrap().to_owned();
    // A 400 from the gateway is final (an invalid number): nobody will send it.
    app.inbox.fail_with(400);
    let r = app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "sms"})).await;
    assert_eq!(r.status(), 502);
    assert_eq!(body(r).await["error"], "delivery_failed");
    app.inbox.set_failing(false);
    app.clock.advance(30);
    let r = app.post_json(&format!("/challenges/{id}/resend"), json!({})).await;
    let (status, state) = status_body(r).await;
    assert_eq!((status, state["code_sent"].as_bool()), (200, Some(true)), "{state}");
    assert_eq!(app.verify(&login["challenge_id"], &app.inbox.last_code_to("+358401234567")).await.status(), 200);

    // At login the challenge is still returned (the user may switch method), saying why.
    app.inbox.fail_with(400);
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    assert_eq!((login["status"].as_str(), login["code_sent"].as_bool()), (Some("second_factor_required"), Some(false)));
    assert_eq!(login["delivery_error"], "delivery_failed", "{login}");
    // A resend to the refused number is a 502: the gateway refused it for good.
    app.clock.advance(30);
    let id = str_of(&login, "challenge_id");
    let r = app.post_json(&format!("/challenges/{id}/resend"), json!({})).await;
    assert_eq!(r.status(), 502);
    Ok(())
}

#[tokio::test]
async fn adding_a_method_and_stepping_up_while_the_gateway_is_down_say_the_code_is_coming() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "optional").await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let session = app.logged_in("acme", "alice@example.com").await;
    let access = str_of(&session, "access_token").to_owned();
    app.inbox.set_failing(true);
    let (status, added) = status_body(app.post_bearer("/me/methods", &access, json!({"kind": "sms"})).await).await;
    assert_eq!((status, added["code_sent"].as_bool()), (201, Some(false)), "{added}");
    assert_eq!(added["delivery_error"], "delivery_delayed");
    app.inbox.set_failing(false);
    let delivered = nth_message_to(&app, "+358401234567", 1).await;
    let confirm = format!("/me/methods/{}/confirm", str_of(&added["method"], "id"));
    assert_eq!(app.post_bearer(&confirm, &access, json!({"code": str_of(&delivered, "code")})).await.status(), 200);

    app.inbox.set_failing(true);
    app.clock.advance(60);
    let (status, challenge) = status_body(app.post_bearer("/me/step-up", &access, json!({})).await).await;
    assert_eq!((status, challenge["code_sent"].as_bool()), (200, Some(false)), "{challenge}");
    assert_eq!(challenge["delivery_error"], "delivery_delayed");
    // Refused for good: the challenge still comes back (the user may switch to another method).
    app.inbox.fail_with(400);
    app.clock.advance(60);
    let (status, challenge) = status_body(app.post_bearer("/me/step-up", &access, json!({})).await).await;
    assert_eq!((status, challenge["delivery_error"].as_str()), (200, Some("delivery_failed")), "{challenge}");
    assert_eq!(challenge["code_sent"], false);
    Ok(())
}

#[tokio::test]
async fn switching_back_and_forth_does_not_skip_the_cooldown() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let (session, _) = app.enrolled_with_totp("acme", "alice@example.com").await;
    let access = str_of(&session, "access_token");
    let sms = body(app.post_bearer("/me/methods", access, json!({"kind": "sms"})).await).await;
    let sms_id = str_of(&sms["method"], "id").to_owned();
    app.post_bearer(
        &format!("/me/methods/{sms_id}/confirm"),
        access,
        json!({"code": app.inbox.last_code_to("+358401234567")}),
    )
    .await;
    app.post_bearer(&format!("/me/methods/{sms_id}/primary"), access, json!({})).await;
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let id = str_of(&login, "challenge_id");
    let totp_id = login["methods"].as_array().unwrap().iter().find(|m| m["kind"] == "totp").unwrap()["id"].clone();
    assert_eq!(app.post_json(&format!("/challenges/{id}/method"), json!({"method_id": totp_id})).await.status(), 200);
    let r = app.post_json(&format!("/challenges/{id}/method"), json!({"method_id": sms_id})).await;
    assert_eq!(r.status(), 429);
    assert_eq!(body(r).await["error"], "resend_too_soon");
    Ok(())
}

#[tokio::test]
async fn a_user_holds_at_most_five_open_challenges() -> TestResult {
    let app = spawn_app().await;
    let tenant = app.tenant_with_2fa("capped", "required").await;
    app.user(&tenant, "cap@example.com").await;
    let (_, secret) = app.enrolled_with_totp(&tenant, "cap@example.com").await;
    let mut ids = Vec::new();
    for _ in 0..7 {
        let r = app.login(&tenant, "cap@example.com", PASSWORD).await;
        let body: Value = r.json().await?;
        assert_eq!(body["status"], "second_factor_required");
        ids.push(body["challenge_id"].clone());
        app.clock.advance(1);
    }
    // The two oldest were ended when the sixth and seventh opened.
    app.next_totp_step();
    let r = app.verify(&ids[0], &app.totp_now(&secret)).await;
    let (status, body) = status_body(r).await;
    assert_eq!((status, body["error"].as_str()), (410, Some("challenge_expired")), "{body}");
    let r = app.verify(&ids[6], &app.totp_now(&secret)).await;
    assert_eq!(r.status(), 200, "the newest still works");
    for id in &ids[2..6] {
        let r = app.post_json(&format!("/challenges/{}/resend", id.as_str().unwrap_or("")), json!({})).await;
        assert_ne!(r.status(), 410, "the four after the two oldest are still open");
    }
    Ok(())
}
