//! Security keys and passkeys: registration (self-service and at login), a key as the second
//! factor, passkey sign-in, and everything a relying party must refuse.

use serde_json::{json, Value};

use crate::authenticator::{with_bad_signature, SoftKey, TEST_AAGUID, TEST_AAGUID_TEXT};
use crate::helpers::*;
use latchkey::clock::Clock;

/// The tests' issuer is https://latchkey.test: the default relying party.
pub const ORIGIN: &str = "https://latchkey.test";

async fn body(r: reqwest::Response) -> Value {
    r.json().await.unwrap()
}

/// Under `required`: enrolls a key at the first login (a passkey or not) and returns the
/// session and the key.
pub async fn enrolled_with_key(app: &TestApp, tenant: &str, email: &str, passkey: bool) -> (Value, SoftKey) {
    let login = body(app.login(tenant, email, PASSWORD).await).await;
    assert_eq!(login["status"], "enrollment_required", "{login}");
    let id = str_of(&login, "challenge_id").to_owned();
    let kinds = login["allowed_kinds"].as_array().unwrap();
    assert!(kinds.contains(&json!("webauthn")), "{login}");
    let enroll = json!({"kind": "webauthn", "name": "Laptop", "passkey": passkey});
    let r = app.post_json(&format!("/challenges/{id}/enroll"), enroll).await;
    let (status, enrollment) = status_body(r).await;
    assert_eq!(status, 200, "{enrollment}");
    assert_eq!(enrollment["method"]["status"], "pending");
    let options = &enrollment["webauthn"];
    let selection = &options["publicKey"]["authenticatorSelection"];
    if passkey {
        assert_eq!(selection["residentKey"], "required", "{options}");
        assert_eq!(selection["userVerification"], "required", "{options}");
    } else {
        assert_eq!(selection["userVerification"], "preferred", "{options}");
    }
    assert_eq!(options["publicKey"]["rp"]["id"], "latchkey.test");
    let (key, registration) = SoftKey::register(options, ORIGIN, true, TEST_AAGUID);
    let r = app.post_json("/verify", json!({"challenge_id": id, "credential": registration})).await;
    let (status, session) = status_body(r).await;
    assert_eq!(status, 200, "{session}");
    (session, key)
}

/// Logs in with the password and answers the key challenge.
async fn second_factor_with(app: &TestApp, tenant: &str, email: &str, key: &mut SoftKey) -> reqwest::Response {
    let login = body(app.login(tenant, email, PASSWORD).await).await;
    assert_eq!(login["status"], "second_factor_required", "{login}");
    assert_eq!(login["method"]["kind"], "webauthn");
    let assertion = key.sign(&login["webauthn"], ORIGIN);
    app.post_json("/verify", json!({"challenge_id": login["challenge_id"], "credential": assertion})).await
}

#[tokio::test]
async fn a_security_key_from_an_independent_authenticator_is_added_and_asked_for_at_login() -> TestResult {
    use webauthn_authenticator_rs::softpasskey::SoftPasskey;
    use webauthn_authenticator_rs::WebauthnAuthenticator;
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "optional").await;
    app.user("acme", "alice@example.com").await;
    let session = app.logged_in("acme", "alice@example.com").await;
    let access = str_of(&session, "access_token");

    let r = app.post_bearer("/me/methods", access, json!({"kind": "webauthn", "name": "YubiKey 5"})).await;
    let (status, added) = status_body(r).await;
    assert_eq!(status, 201, "{added}");
    assert_eq!(added["method"]["status"], "pending");
    assert_eq!(added["method"]["hint"], "YubiKey 5");
    let id = str_of(&added["method"], "id").to_owned();
    let origin = url::Url::parse(ORIGIN)?;
    let mut authenticator = WebauthnAuthenticator::new(SoftPasskey::new(true));
    let options = serde_json::from_value(added["webauthn"].clone())?;
    let registration = authenticator.do_registration(origin.clone(), options).map_err(|e| format!("{e:?}"))?;
    let r = app.post_bearer(&format!("/me/methods/{id}/confirm"), access, json!({"credential": registration})).await;
    let (status, confirmed) = status_body(r).await;
    assert_eq!(status, 200, "{confirmed}");
    assert_eq!((confirmed["status"].as_str(), confirmed["primary"].as_bool()), (Some("active"), Some(true)));
    assert_eq!(confirmed["passkey"], false);
    assert_eq!(confirmed["name"], "YubiKey 5");

    let listed = body(app.get_with_token("/me/methods", access).await).await;
    assert_eq!(listed["methods"][0]["kind"], "webauthn", "{listed}");
    assert!(listed["methods"][0].get("aaguid").is_some(), "{listed}");

    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    assert_eq!(login["status"], "second_factor_required", "{login}");
    assert_eq!(login["method"]["kind"], "webauthn");
    let allowed = login["webauthn"]["publicKey"]["allowCredentials"].as_array().cloned().unwrap_or_default();
    assert_eq!(allowed.len(), 1, "{login}");
    let options = serde_json::from_value(login["webauthn"].clone())?;
    let assertion = authenticator.do_authentication(origin, options).map_err(|e| format!("{e:?}"))?;
    let r = app.post_json("/verify", json!({"challenge_id": login["challenge_id"], "credential": assertion})).await;
    let (status, signed_in) = status_body(r).await;
    assert_eq!(status, 200, "{signed_in}");
    let claims = jwt_part(str_of(&signed_in, "access_token"), 1);
    assert_eq!(claims["amr"], json!(["pwd", "hwk", "mfa"]));
    let listed = body(app.get_with_token("/me/methods", access).await).await;
    assert!(listed["methods"][0]["last_used_at"].is_string(), "{listed}");
    Ok(())
}

#[tokio::test]
async fn a_key_enrolled_at_login_signs_in_and_a_passkey_alone_counts_as_two_factors() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    let (session, mut key) = enrolled_with_key(&app, "acme", "alice@example.com", true).await;
    assert_eq!(jwt_part(str_of(&session, "access_token"), 1)["amr"], json!(["pwd", "hwk", "mfa"]));

    // Off until the tenant allows it.
    let r = app.post_json("/login/passkey", json!({"tenant": "acme"})).await;
    assert_eq!((r.status().as_u16(), body(r).await["error"].clone()), (403, json!("passkey_sign_in_disabled")));
    let r = app.post_json("/login/passkey", json!({"tenant": "nowhere"})).await;
    assert_eq!((r.status().as_u16(), body(r).await["error"].clone()), (403, json!("passkey_sign_in_disabled")));
    app.patch_tenant("acme", json!({"passkey_sign_in": true})).await;

    let started = body(app.post_json("/login/passkey", json!({"tenant": "acme"})).await).await;
    assert!(started["webauthn"]["publicKey"].get("allowCredentials").is_none_or(|a| a == &json!([])), "{started}");
    assert_eq!(started["webauthn"]["publicKey"]["userVerification"], "required");
    let assertion = key.sign(&started["webauthn"], ORIGIN);
    let r = app
        .post_json("/verify", json!({"challenge_id": started["challenge_id"], "credential": assertion.clone()}))
        .await;
    let (status, signed_in) = status_body(r).await;
    assert_eq!(status, 200, "{signed_in}");
    assert_eq!(jwt_part(str_of(&signed_in, "access_token"), 1)["amr"], json!(["hwk", "mfa"]));
    // The same answer again: the challenge was used.
    let r = app.post_json("/verify", json!({"challenge_id": started["challenge_id"], "credential": assertion})).await;
    assert_eq!(body(r).await["error"], "challenge_used");

    // Without user verification: refused with words a person can act on.
    key.user_verified = false;
    let started = body(app.post_json("/login/passkey", json!({"tenant": "acme"})).await).await;
    let assertion = key.sign(&started["webauthn"], ORIGIN);
    let r = app.post_json("/verify", json!({"challenge_id": started["challenge_id"], "credential": assertion})).await;
    assert_eq!(r.status(), 401);
    let refused = body(r).await;
    assert_eq!(refused["error"], "user_verification_required");
    assert!(refused["message"].as_str().unwrap().contains("PIN"), "{refused}");
    assert!(refused.get("attempts_remaining").is_none(), "{refused}");
    Ok(())
}

#[tokio::test]
async fn refused_answers_count_towards_the_one_lockout_and_a_counter_that_goes_back_is_reported() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    let alice = app.user("acme", "alice@example.com").await;
    let (_, mut key) = enrolled_with_key(&app, "acme", "alice@example.com", false).await;

    // A bad signature.
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let assertion = with_bad_signature(key.sign(&login["webauthn"], ORIGIN));
    let r = app.post_json("/verify", json!({"challenge_id": login["challenge_id"], "credential": assertion})).await;
    let refused = body(r).await;
    assert_eq!(
        (refused["error"].as_str(), refused["attempts_remaining"].as_i64()),
        (Some("invalid_credential"), Some(4))
    );
    // Another origin.
    let assertion = key.sign(&login["webauthn"], "https://evil.example");
    let r = app.post_json("/verify", json!({"challenge_id": login["challenge_id"], "credential": assertion})).await;
    assert_eq!(body(r).await["attempts_remaining"], 3);
    // A right answer signs in and resets the count.
    let assertion = key.sign(&login["webauthn"], ORIGIN);
    let replay = assertion.clone();
    let r = app.post_json("/verify", json!({"challenge_id": login["challenge_id"], "credential": assertion})).await;
    assert_eq!(r.status(), 200);
    // That answer replayed at a new challenge.
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let r = app.post_json("/verify", json!({"challenge_id": login["challenge_id"], "credential": replay})).await;
    assert_eq!(body(r).await["attempts_remaining"], 4);
    // A copy of the key: the right challenge, signed with a counter it already used.
    let challenge = login["webauthn"]["publicKey"]["challenge"].as_str().unwrap();
    let copied = key.sign_with(challenge, ORIGIN, key.counter.unwrap());
    let r = app.post_json("/verify", json!({"challenge_id": login["challenge_id"], "credential": copied})).await;
    let refused = body(r).await;
    assert_eq!(
        (refused["error"].as_str(), refused["attempts_remaining"].as_i64()),
        (Some("invalid_credential"), Some(3))
    );
    let user_id = str_of(&alice, "id");
    assert!(app.audit_of(user_id).contains(&("webauthn.counter_regression".into(), "failure".into())));
    // The notice of the new key, then the one of the copied key.
    assert!(app.inbox.wait_for("alice@example.com", 2).await, "the user hears of the copied key");
    let notice =
        app.inbox.messages().into_iter().rev().find(|m| m.to_string().contains("counter")).map(|m| m.to_string());
    assert!(notice.is_some(), "a notice names the counter");
    // Three more wrong answers lock, as five wrong codes in a row do; then even a right one is refused.
    for _ in 0..3 {
        let assertion = with_bad_signature(key.sign(&login["webauthn"], ORIGIN));
        app.post_json("/verify", json!({"challenge_id": login["challenge_id"], "credential": assertion})).await;
    }
    let assertion = key.sign(&login["webauthn"], ORIGIN);
    let r = app.post_json("/verify", json!({"challenge_id": login["challenge_id"], "credential": assertion})).await;
    assert_eq!(r.status(), 423);
    Ok(())
}

#[tokio::test]
async fn a_synced_passkey_that_always_reports_zero_keeps_working() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    let (_, mut key) = enrolled_with_key(&app, "acme", "alice@example.com", true).await;
    key.counter = None;
    for _ in 0..3 {
        let r = second_factor_with(&app, "acme", "alice@example.com", &mut key).await;
        assert_eq!(r.status(), 200);
    }
    Ok(())
}

#[tokio::test]
async fn a_key_of_another_user_or_tenant_never_verifies() -> TestResult {
    let app = spawn_app().await;
    for tenant in ["acme", "globex"] {
        app.tenant_with_2fa(tenant, "required").await;
        app.patch_tenant(tenant, json!({"passkey_sign_in": true})).await;
    }
    app.user("acme", "alice@example.com").await;
    app.user("acme", "bob@example.com").await;
    app.user("globex", "carol@example.com").await;
    let (_, mut alice_key) = enrolled_with_key(&app, "acme", "alice@example.com", true).await;
    let (_, mut bob_key) = enrolled_with_key(&app, "acme", "bob@example.com", true).await;
    let (_, mut carol_key) = enrolled_with_key(&app, "globex", "carol@example.com", true).await;

    // Bob's key answering Alice's challenge.
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let assertion = bob_key.sign(&login["webauthn"], ORIGIN);
    let r = app.post_json("/verify", json!({"challenge_id": login["challenge_id"], "credential": assertion})).await;
    assert_eq!(body(r).await["error"], "invalid_credential");

    // Carol's passkey (another tenant) at acme's passkey sign-in, and Bob's passkey claiming to
    // be Alice's: the same answer as a key that never existed.
    let started = body(app.post_json("/login/passkey", json!({"tenant": "acme"})).await).await;
    let from_globex = carol_key.sign(&started["webauthn"], ORIGIN);
    let r = app.post_json("/verify", json!({"challenge_id": started["challenge_id"], "credential": from_globex})).await;
    let foreign = error_body(r).await;
    let started = body(app.post_json("/login/passkey", json!({"tenant": "acme"})).await).await;
    bob_key.user_handle = alice_key.user_handle.clone();
    let impostor = bob_key.sign(&started["webauthn"], ORIGIN);
    let r = app.post_json("/verify", json!({"challenge_id": started["challenge_id"], "credential": impostor})).await;
    let mismatched = error_body(r).await;
    let started = body(app.post_json("/login/passkey", json!({"tenant": "acme"})).await).await;
    let (mut stranger, _) = SoftKey::register(&alice_creation_like(), ORIGIN, true, TEST_AAGUID);
    let unknown = stranger.sign(&started["webauthn"], ORIGIN);
    let r = app.post_json("/verify", json!({"challenge_id": started["challenge_id"], "credential": unknown})).await;
    let never = error_body(r).await;
    assert_eq!(foreign, never);
    assert_eq!(mismatched, never);
    assert_eq!(never["error"], "invalid_credential");

    // A second-factor key (not registered as a passkey) that the authenticator made discoverable
    // anyway does not sign in alone.
    let dave = app.user("acme", "dave@example.com").await;
    let (_, mut dave_key) = enrolled_with_key(&app, "acme", "dave@example.com", false).await;
    let dave_id = str_of(&dave, "id");
    let uuid = uuid::Uuid::parse_str(dave_id)?;
    dave_key.user_handle =
        Some(base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, uuid.as_bytes()));
    let started = body(app.post_json("/login/passkey", json!({"tenant": "acme"})).await).await;
    let second_factor_key = dave_key.sign(&started["webauthn"], ORIGIN);
    let r = app
        .post_json("/verify", json!({"challenge_id": started["challenge_id"], "credential": second_factor_key}))
        .await;
    assert_eq!(error_body(r).await, never);

    // Alice's own passkey still works.
    let started = body(app.post_json("/login/passkey", json!({"tenant": "acme"})).await).await;
    let mine = alice_key.sign(&started["webauthn"], ORIGIN);
    let r = app.post_json("/verify", json!({"challenge_id": started["challenge_id"], "credential": mine})).await;
    assert_eq!(r.status(), 200);
    Ok(())
}

/// Creation options shaped like the server's, for a key no account knows.
fn alice_creation_like() -> Value {
    json!({"publicKey": {
        "rp": {"id": "latchkey.test", "name": "x"},
        "user": {"id": "AAAAAAAAAAAAAAAAAAAAAA", "name": "x", "displayName": "x"},
        "challenge": "AAAA",
        "authenticatorSelection": {"residentKey": "required"},
    }})
}

#[tokio::test]
async fn the_tenant_chooses_its_relying_party_and_the_models_it_accepts() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "optional").await;
    let alice = app.user("acme", "alice@example.com").await;
    let patch = |body: Value| {
        let app = &app;
        async move {
            app.client
                .patch(app.url("/admin/tenants/acme"))
                .bearer_auth(&app.admin_key)
                .json(&body)
                .send()
                .await
                .unwrap()
        }
    };
    for bad in [
        json!({"webauthn_rp_id": "10.0.0.1"}),
        json!({"webauthn_rp_id": "acme.example", "webauthn_origins": ["https://evil.example"]}),
        json!({"webauthn_origins": ["https://app.acme.example"]}),
    ] {
        let r = patch(bad.clone()).await;
        assert_eq!(
            (r.status().as_u16(), body(r).await["error"].clone()),
            (400, json!("invalid_webauthn_rp_id")),
            "{bad}"
        );
    }
    let settings = app
        .patch_tenant(
            "acme",
            json!({"webauthn_rp_id": "acme.example", "webauthn_origins": ["https://app.acme.example"], "webauthn_allowed_aaguids": ["00000000-0000-0000-0000-000000000001"]}),
        )
        .await;
    assert_eq!(settings["settings"]["webauthn_rp_id"], "acme.example");

    let session = app.logged_in("acme", "alice@example.com").await;
    let access = str_of(&session, "access_token");
    let added = body(app.post_bearer("/me/methods", access, json!({"kind": "webauthn"})).await).await;
    assert_eq!(added["webauthn"]["publicKey"]["rp"]["id"], "acme.example");
    let id = str_of(&added["method"], "id").to_owned();
    // Made on the wrong origin: refused.
    let (_, registration) = SoftKey::register(&added["webauthn"], "https://latchkey.test", true, TEST_AAGUID);
    let r = app.post_bearer(&format!("/me/methods/{id}/confirm"), access, json!({"credential": registration})).await;
    assert_eq!((r.status().as_u16(), body(r).await["error"].clone()), (401, json!("invalid_credential")));
    // A model the tenant does not accept.
    let (_, registration) = SoftKey::register(&added["webauthn"], "https://app.acme.example", true, TEST_AAGUID);
    let r = app.post_bearer(&format!("/me/methods/{id}/confirm"), access, json!({"credential": registration})).await;
    assert_eq!((r.status().as_u16(), body(r).await["error"].clone()), (403, json!("authenticator_not_allowed")));
    app.patch_tenant("acme", json!({"webauthn_allowed_aaguids": [TEST_AAGUID_TEXT]})).await;
    let (_, registration) = SoftKey::register(&added["webauthn"], "https://app.acme.example", true, TEST_AAGUID);
    let r = app.post_bearer(&format!("/me/methods/{id}/confirm"), access, json!({"credential": registration})).await;
    let (status, confirmed) = status_body(r).await;
    assert_eq!(status, 200, "{confirmed}");
    assert_eq!(confirmed["aaguid"], TEST_AAGUID_TEXT);
    // The administrator sees the key: its name, kind of key, model and backup state.
    let admin_view = body(app.admin_get(&format!("/admin/tenants/acme/users/{}", str_of(&alice, "id"))).await).await;
    let key = &admin_view["methods"][0];
    assert_eq!(key["kind"], "webauthn", "{admin_view}");
    assert_eq!((key["passkey"].as_bool(), key["aaguid"].as_str()), (Some(false), Some(TEST_AAGUID_TEXT)));
    assert_eq!(key["backup_state"], false);
    assert!(!admin_view.to_string().contains("credential"), "no credential material in the admin view");
    Ok(())
}

#[tokio::test]
async fn without_a_domain_name_there_are_no_keys_and_bodies_name_one_proof() -> TestResult {
    let app = spawn_app_with(&[("LATCHKEY_ISSUER", "http://127.0.0.1:8080")]).await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let id = str_of(&login, "challenge_id").to_owned();
    let r = app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "webauthn"})).await;
    assert_eq!((r.status().as_u16(), body(r).await["error"].clone()), (409, json!("webauthn_unavailable")));
    let r = app.post_json("/verify", json!({"challenge_id": id, "code": "123456", "credential": {"id": "x"}})).await;
    assert_eq!((r.status().as_u16(), body(r).await["error"].clone()), (400, json!("invalid_body")));
    let r = app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "totp", "passkey": true})).await;
    assert_eq!((r.status().as_u16(), body(r).await["error"].clone()), (400, json!("invalid_body")));
    Ok(())
}

#[tokio::test]
async fn refused_key_answers_through_two_instances_lock_after_exactly_five_and_a_right_one_works_once() -> TestResult {
    let app = spawn_app().await;
    let sibling = app.sibling(&[]).await;
    sibling.clock.set(app.clock.now().secs());
    app.tenant_with_2fa("acme", "required").await;
    let alice = app.user("acme", "alice@example.com").await;
    let (_, mut key) = enrolled_with_key(&app, "acme", "alice@example.com", false).await;

    // One right answer sent ten times at once, through both instances: one session.
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let right = key.sign(&login["webauthn"], ORIGIN);
    let body_of = json!({"challenge_id": login["challenge_id"], "credential": right});
    let sends = (0..10).map(|i| [&app, &sibling][i % 2].post_json("/verify", body_of.clone()));
    let statuses: Vec<u16> = futures_util::future::join_all(sends).await.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");

    // Forty forged answers at once on two challenges, through both instances: exactly five count.
    let a = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let b = body(sibling.login("acme", "alice@example.com", PASSWORD).await).await;
    let forged = |login: &Value, key: &mut SoftKey| json!({"challenge_id": login["challenge_id"], "credential": with_bad_signature(key.sign(&login["webauthn"], ORIGIN))});
    let bodies: Vec<Value> = (0..40).map(|i| forged(if i % 2 == 0 { &a } else { &b }, &mut key)).collect();
    let sends = bodies.iter().enumerate().map(|(i, b)| [&app, &sibling][(i / 2) % 2].post_json("/verify", b.clone()));
    let statuses: Vec<u16> = futures_util::future::join_all(sends).await.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 401).count(), 4, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 423).count(), 36, "{statuses:?}");
    let failures = app
        .audit_of(str_of(&alice, "id"))
        .iter()
        .filter(|(e, o)| e == "second_factor.verify" && o == "failure")
        .count();
    assert_eq!(failures, 5);
    Ok(())
}

#[tokio::test]
async fn a_key_steps_up_a_session_and_the_last_one_stays_under_required() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    let (session, mut key) = enrolled_with_key(&app, "acme", "alice@example.com", true).await;
    let access = str_of(&session, "access_token").to_owned();
    let methods = body(app.get_with_token("/me/methods", &access).await).await;
    let id = str_of(&methods["methods"][0], "id").to_owned();
    let r = app.client.delete(app.url(&format!("/me/methods/{id}"))).bearer_auth(&access).send().await?;
    assert_eq!((r.status().as_u16(), body(r).await["error"].clone()), (409, json!("last_method")));

    // Off: a password alone signs in; the key steps the session up.
    app.patch_tenant("acme", json!({"two_factor": "off"})).await;
    let plain = app.logged_in("acme", "alice@example.com").await;
    let plain_access = str_of(&plain, "access_token");
    assert_eq!(jwt_part(plain_access, 1)["amr"], json!(["pwd"]));
    let r = app.post_bearer("/me/step-up", plain_access, json!({})).await;
    let (status, challenge) = status_body(r).await;
    assert_eq!(status, 200, "{challenge}");
    assert_eq!(challenge["method"]["kind"], "webauthn");
    let answer = key.sign(&challenge["webauthn"], ORIGIN);
    let r = app.post_json("/verify", json!({"challenge_id": challenge["challenge_id"], "credential": answer})).await;
    let (status, stepped) = status_body(r).await;
    assert_eq!(status, 200, "{stepped}");
    assert_eq!(jwt_part(str_of(&stepped, "access_token"), 1)["amr"], json!(["pwd", "hwk", "mfa"]));
    Ok(())
}

#[tokio::test]
async fn a_credential_id_the_tenant_already_holds_is_refused_not_stored_twice() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    app.user("acme", "bob@example.com").await;
    let (_, alice_key) = enrolled_with_key(&app, "acme", "alice@example.com", false).await;

    // Bob's authenticator answers his registration, but claims Alice's credential id.
    let login = body(app.login("acme", "bob@example.com", PASSWORD).await).await;
    let id = str_of(&login, "challenge_id").to_owned();
    let enrollment = body(app.post_json(&format!("/challenges/{id}/enroll"), json!({"kind": "webauthn"})).await).await;
    let copied = alice_key.credential_id.clone();
    let (_, registration) = SoftKey::register_as(&enrollment["webauthn"], ORIGIN, true, TEST_AAGUID, copied);
    let r = app.post_json("/verify", json!({"challenge_id": id, "credential": registration})).await;
    let refused = body(r).await;
    assert_eq!(
        (refused["error"].as_str(), refused["attempts_remaining"].as_i64()),
        (Some("invalid_credential"), Some(4))
    );
    // The refusal was committed with the transaction still usable, and Bob can still enroll his own.
    let (_, own) = SoftKey::register(&enrollment["webauthn"], ORIGIN, true, TEST_AAGUID);
    let r = app.post_json("/verify", json!({"challenge_id": id, "credential": own})).await;
    assert_eq!(r.status(), 200);
    Ok(())
}
