use serde_json::{json, Value};

use crate::helpers::*;
use latchkey::clock::Clock;

async fn body(r: reqwest::Response) -> Value {
    r.json().await.unwrap()
}

async fn totp_user(app: &TestApp) -> (Value, String) {
    app.tenant_with_2fa("acme", "required").await;
    let user = app.user("acme", "alice@example.com").await;
    let (_, secret) = app.enrolled_with_totp("acme", "alice@example.com").await;
    app.next_totp_step();
    (user, secret)
}

fn wrong_code(right: &str) -> String {
    let n: u32 = right.parse().unwrap();
    format!("{:06}", (n + 1) % 1_000_000)
}

#[tokio::test]
async fn five_wrong_codes_lock_the_account_for_thirty_minutes() -> TestResult {
    let app = spawn_app().await;
    let (user, secret) = totp_user(&app).await;
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let right = app.totp_now(&secret);
    for remaining in (1..=4).rev() {
        let r = app.verify(&login["challenge_id"], &wrong_code(&right)).await;
        assert_eq!(r.status(), 401);
        assert_eq!(body(r).await["attempts_remaining"], remaining);
    }
    let r = app.verify(&login["challenge_id"], &wrong_code(&right)).await;
    assert_eq!(r.status(), 423);
    assert_eq!(r.headers().get("retry-after").map(|v| v.to_str().unwrap().to_owned()), Some("1800".into()));
    let err = body(r).await;
    assert_eq!(err["error"], "account_locked");
    assert_eq!(err["retry_after"], 1800);
    // While locked no code is accepted, and /login answers 423 whatever the password: no
    // password oracle during the lock.
    assert_eq!(app.verify(&login["challenge_id"], &right).await.status(), 423);
    assert_eq!(app.login("acme", "alice@example.com", PASSWORD).await.status(), 423);
    assert_eq!(app.login("acme", "alice@example.com", "wrong password").await.status(), 423);
    let admin_view = body(app.admin_get(&format!("/admin/tenants/acme/users/{}", str_of(&user, "id"))).await).await;
    assert!(admin_view["locked_until"].is_string());

    app.clock.advance(1800);
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    assert_eq!(login["status"], "second_factor_required");
    assert_eq!(app.verify(&login["challenge_id"], &app.totp_now(&secret)).await.status(), 200);
    let events = app.audit_of(str_of(&user, "id"));
    assert!(events.contains(&("account.locked".into(), "success".into())));
    Ok(())
}

#[tokio::test]
async fn an_admin_can_unlock_and_a_success_resets_the_count() -> TestResult {
    let app = spawn_app().await;
    let (user, secret) = totp_user(&app).await;
    let right = app.totp_now(&secret);
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    for _ in 0..4 {
        app.verify(&login["challenge_id"], &wrong_code(&right)).await;
    }
    assert_eq!(app.verify(&login["challenge_id"], &right).await.status(), 200);
    app.next_totp_step();
    let right = app.totp_now(&secret);
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let r = app.verify(&login["challenge_id"], &wrong_code(&right)).await;
    assert_eq!(body(r).await["attempts_remaining"], 4, "the success reset the counter");
    for _ in 0..4 {
        app.verify(&login["challenge_id"], &wrong_code(&right)).await;
    }
    assert_eq!(app.verify(&login["challenge_id"], &right).await.status(), 423);
    let path = format!("/admin/tenants/acme/users/{}/unlock", str_of(&user, "id"));
    assert_eq!(app.admin_post(&path, json!({})).await.status(), 204);
    assert_eq!(app.verify(&login["challenge_id"], &right).await.status(), 200);
    Ok(())
}

#[tokio::test]
async fn failures_of_every_method_and_recovery_codes_count_together() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let (session, _) = app.enrolled_with_totp("acme", "alice@example.com").await;
    let access = str_of(&session, "access_token");
    let sms = body(app.post_bearer("/me/methods", access, json!({"kind": "sms"})).await).await;
    let sms_id = str_of(&sms["method"], "id");
    // A wrong confirmation code counts too.
    let r = app.post_bearer(&format!("/me/methods/{sms_id}/confirm"), access, json!({"code": "000000x"})).await;
    assert_eq!(body(r).await["attempts_remaining"], 4);
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let r =
        app.post_json("/verify", json!({"challenge_id": login["challenge_id"], "recovery_code": "aaaaa-bbbbb"})).await;
    assert_eq!(body(r).await["attempts_remaining"], 3);
    let other = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    assert_eq!(body(app.verify(&other["challenge_id"], "000000").await).await["attempts_remaining"], 2);
    Ok(())
}

#[tokio::test]
async fn wrong_passwords_lock_the_account_silently() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.patch_tenant("acme", json!({"password_lockout_threshold": 3, "lockout_duration_secs": 600})).await;
    app.user("acme", "alice@example.com").await;
    let user = app.admin_get("/admin/tenants/acme/users?limit=1").await.json::<Value>().await?["users"][0].clone();
    for _ in 0..3 {
        assert_eq!(app.login("acme", "alice@example.com", "wrong password").await.status(), 401);
    }
    // Locked by password guessing: the right password now looks exactly like a wrong one (and like
    // an unknown user), so guessing on learns nothing and the account's existence stays hidden.
    let locked = app.login("acme", "alice@example.com", PASSWORD).await;
    assert_eq!(locked.status(), 401);
    let unknown = app.login("acme", "nobody@example.com", PASSWORD).await;
    assert_eq!(error_body(locked).await, error_body(unknown).await);
    assert!(app.audit_of(str_of(&user, "id")).contains(&("account.locked".into(), "success".into())));
    app.clock.advance(599);
    assert_eq!(app.login("acme", "alice@example.com", PASSWORD).await.status(), 401);
    app.clock.advance(1);
    assert_eq!(app.login("acme", "alice@example.com", PASSWORD).await.status(), 200);
    Ok(())
}

/// Sends `n` wrong codes at once, spread over the given servers; returns the statuses.
async fn flood(apps: &[&TestApp], challenge: &Value, code: &str, n: usize) -> Vec<u16> {
    let requests = (0..n).map(|i| apps[i % apps.len()].verify(challenge, code));
    futures_util::future::join_all(requests).await.iter().map(|r| r.status().as_u16()).collect()
}

fn counted_failures(app: &TestApp, user_id: &str) -> usize {
    app.audit_of(user_id).iter().filter(|(e, o)| e == "second_factor.verify" && o == "failure").count()
}

#[tokio::test]
async fn fifty_concurrent_wrong_codes_count_exactly_five() -> TestResult {
    let app = spawn_app().await;
    let (user, secret) = totp_user(&app).await;
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let statuses = flood(&[&app], &login["challenge_id"], &wrong_code(&app.totp_now(&secret)), 50).await;
    assert_eq!(statuses.iter().filter(|s| **s == 401).count(), 4, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 423).count(), 46, "{statuses:?}");
    assert_eq!(counted_failures(&app, str_of(&user, "id")), 5);
    Ok(())
}

#[tokio::test]
async fn two_instances_sharing_the_database_count_exactly_five() -> TestResult {
    let app = spawn_app().await;
    let sibling = app.sibling(&[]).await;
    let (user, secret) = totp_user(&app).await;
    sibling.clock.set(app.clock.now().secs());
    // Wrong codes against several challenges of the same user, through both instances.
    let a = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let b = body(sibling.login("acme", "alice@example.com", PASSWORD).await).await;
    let wrong = wrong_code(&app.totp_now(&secret));
    let (forward, backward) = ([&app, &sibling], [&sibling, &app]);
    let (first, second) =
        tokio::join!(flood(&forward, &a["challenge_id"], &wrong, 25), flood(&backward, &b["challenge_id"], &wrong, 25));
    let statuses: Vec<u16> = first.into_iter().chain(second).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 401).count(), 4, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 423).count(), 46, "{statuses:?}");
    assert_eq!(counted_failures(&app, str_of(&user, "id")), 5);
    Ok(())
}

#[tokio::test]
async fn the_same_valid_code_sent_twenty_times_at_once_succeeds_once() -> TestResult {
    let app = spawn_app().await;
    let (_, secret) = totp_user(&app).await;
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let code = app.totp_now(&secret);
    let requests = (0..20).map(|_| app.verify(&login["challenge_id"], &code));
    let statuses: Vec<u16> =
        futures_util::future::join_all(requests).await.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 410), "{statuses:?}");

    // The same code in twenty different challenges: one success, the rest are replays.
    app.next_totp_step();
    let mut challenges = Vec::new();
    for _ in 0..20 {
        challenges.push(body(app.login("acme", "alice@example.com", PASSWORD).await).await["challenge_id"].clone());
    }
    let code = app.totp_now(&secret);
    let requests = challenges.iter().map(|c| app.verify(c, &code));
    let statuses: Vec<u16> =
        futures_util::future::join_all(requests).await.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    Ok(())
}

#[tokio::test]
async fn two_processes_sharing_the_database_count_exactly_five() -> TestResult {
    let app = spawn_app().await;
    let (user, secret) = totp_user(&app).await;
    let child = crate::process::ChildServer::start(&app);
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let wrong = wrong_code(&app.totp_now(&secret));
    let requests = (0..50).map(|i| {
        let base = if i % 2 == 0 { app.address.clone() } else { child.address.clone() };
        let body = json!({"challenge_id": login["challenge_id"], "code": wrong});
        let client = app.client.clone();
        async move {
            client.post(format!("{base}/verify")).json(&body).send().await.map(|r| r.status().as_u16()).unwrap_or(0)
        }
    });
    let statuses: Vec<u16> = futures_util::future::join_all(requests).await;
    assert_eq!(statuses.iter().filter(|s| **s == 401).count(), 4, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 423).count(), 46, "{statuses:?}");
    assert_eq!(counted_failures(&app, str_of(&user, "id")), 5);
    Ok(())
}

/// Every place that checks a second factor goes through one routine: wrong codes at a method's
/// confirmation and at `/verify`, of any kind, count towards one lockout.
#[tokio::test]
async fn wrong_codes_at_confirmation_and_at_verify_count_towards_one_lockout() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    let user = app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let (session, secret) = app.enrolled_with_totp("acme", "alice@example.com").await;
    let access = str_of(&session, "access_token");
    let added = body(app.post_bearer("/me/methods", access, json!({"kind": "sms"})).await).await;
    let confirm = format!("/me/methods/{}/confirm", str_of(&added["method"], "id"));
    let right_sms = app.inbox.last_code_to("+358401234567");
    for remaining in [4, 3, 2] {
        let r = app.post_bearer(&confirm, access, json!({"code": wrong_code(&right_sms)})).await;
        let (status, err) = status_body(r).await;
        assert_eq!((status, err["attempts_remaining"].as_i64()), (401, Some(remaining)), "{err}");
    }
    app.next_totp_step();
    let login = body(app.login("acme", "alice@example.com", PASSWORD).await).await;
    let right = app.totp_now(&secret);
    let r = app.verify(&login["challenge_id"], &wrong_code(&right)).await;
    assert_eq!(body(r).await["attempts_remaining"], 1, "the confirmation's wrong codes counted");
    let r = app.verify(&login["challenge_id"], &wrong_code(&right)).await;
    assert_eq!(r.status(), 423, "the fifth wrong code, wherever typed, locks");
    let audit = app.audit_of(str_of(&user, "id"));
    let failed: Vec<_> = audit.iter().filter(|(_, outcome)| outcome == "failure").map(|(e, _)| e.as_str()).collect();
    assert_eq!(failed.iter().filter(|e| **e == "method.confirm").count(), 3, "{audit:?}");
    assert_eq!(failed.iter().filter(|e| **e == "second_factor.verify").count(), 2, "{audit:?}");
    Ok(())
}
