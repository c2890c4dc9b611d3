//! Crashes and several instances: what was answered 2xx survives a SIGKILL, and the guarantees
//! that count (lockout, TOTP replay, refresh reuse, the SMS budget) hold across three instances on one database.

use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::*;
use crate::process::ChildServer;

async fn post(client: &reqwest::Client, base: &str, path: &str, body: Value) -> Option<(u16, Value)> {
    let r = client.post(format!("{base}{path}")).json(&body).send().await.ok()?;
    let status = r.status().as_u16();
    let body = r.json().await.ok()?;
    Some((status, body))
}

/// A user with an authenticator app, in a tenant that requires it; returns (email, secret).
async fn totp_user(app: &TestApp, tenant: &str, n: usize) -> (String, String) {
    let email = format!("t{n}@example.com");
    app.user(tenant, &email).await;
    let (_, secret) = app.enrolled_with_totp(tenant, &email).await;
    (email, secret)
}

fn real_now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

#[tokio::test]
async fn what_was_answered_survives_sigkill_under_mixed_load() -> TestResult {
    const ROUNDS: usize = 10;
    let app = spawn_app().await;
    let plain = app.tenant("plain").await;
    let strict = app.tenant_with_2fa("strict", "required").await;
    for n in 0..4 {
        app.user(&plain, &format!("p{n}@example.com")).await;
    }
    // Fresh users each round: a consumed TOTP step or a lock of one round cannot leak into the next.
    let mut totp = Vec::new();
    let mut lockable = Vec::new();
    for round in 0..ROUNDS {
        let mut users = Vec::new();
        for n in 0..4 {
            users.push(totp_user(&app, &strict, round * 10 + n).await);
        }
        totp.push(users);
        lockable.push(totp_user(&app, &strict, round * 10 + 9).await.0);
    }
    let client = reqwest::Client::new();
    let (mut answered, mut cut) = (0, 0);

    for round in 0..ROUNDS {
        // The child runs on the system clock: keep the in-process instance on it too.
        app.clock.set(real_now());
        let child = ChildServer::start(&app);
        let base = child.address.clone();
        // Work prepared on the in-process instance: challenges to verify, tokens to refresh. Codes
        // are of the next time step (enrollment used the current one; one step of drift is allowed).
        let mut challenges = Vec::new();
        for (email, secret) in &totp[round] {
            let r: Value = app.login(&strict, email, PASSWORD).await.json().await?;
            challenges.push((r["challenge_id"].clone(), app.totp_at(secret, real_now() + 30)));
        }
        let mut refresh_tokens = Vec::new();
        for n in 0..4 {
            let session = app.logged_in(&plain, &format!("p{n}@example.com")).await;
            refresh_tokens.push(str_of(&session, "refresh_token").to_owned());
        }
        let lock_challenge: Value = app.login(&strict, &lockable[round], PASSWORD).await.json().await?;

        let logins = (0..4).map(|n| {
            let body = json!({"tenant": plain, "identifier": format!("p{n}@example.com"), "password": PASSWORD});
            post(&client, &base, "/login", body)
        });
        let verifies = challenges
            .iter()
            .map(|(id, code)| post(&client, &base, "/verify", json!({"challenge_id": id, "code": code})));
        let refreshes =
            refresh_tokens.iter().map(|t| post(&client, &base, "/token/refresh", json!({"refresh_token": t})));
        let wrong = (0..5).map(|_| {
            post(&client, &base, "/verify", json!({"challenge_id": lock_challenge["challenge_id"], "code": "000000"}))
        });
        let killer = async {
            tokio::time::sleep(Duration::from_millis(40 + (round as u64 * 53) % 300)).await;
            child.kill();
        };
        let (logins, verifies, refreshes, wrong, ()) = tokio::join!(
            futures_util::future::join_all(logins),
            futures_util::future::join_all(verifies),
            futures_util::future::join_all(refreshes),
            futures_util::future::join_all(wrong),
            killer
        );

        let all = logins.iter().chain(&verifies).chain(&refreshes).chain(&wrong);
        let got = all.clone().filter(|a| a.is_some()).count();
        answered += got;
        cut += all.count() - got;
        // Every session a 2xx login or verify handed out is still valid.
        for answered in logins.iter().chain(verifies.iter()).flatten().filter(|(s, _)| *s == 200) {
            let token = str_of(&answered.1, "access_token");
            assert_eq!(app.get_with_token("/me", token).await.status(), 200, "round {round}: a session was lost");
        }
        // Every TOTP code accepted stays used: the same code is refused on a new challenge.
        for (i, answered) in verifies.iter().enumerate() {
            if answered.as_ref().is_some_and(|(s, _)| *s == 200) {
                let (email, _) = &totp[round][i];
                let r: Value = app.login(&strict, email, PASSWORD).await.json().await?;
                let replay = app.verify(&r["challenge_id"], &challenges[i].1).await;
                assert_eq!(replay.status(), 401, "round {round}: a consumed TOTP step was forgotten");
            }
        }
        // Every rotated refresh token: the new one works, and the one it replaced stays retired.
        for (i, answered) in refreshes.iter().enumerate() {
            if let Some((200, body)) = answered {
                let r = app.post_json("/token/refresh", json!({"refresh_token": str_of(body, "refresh_token")})).await;
                assert_eq!(r.status(), 200, "round {round}: a rotated refresh token was lost");
                let r = app.post_json("/token/refresh", json!({"refresh_token": refresh_tokens[i]})).await;
                assert_eq!(r.status(), 401, "round {round}: a retired refresh token came back");
            }
        }
        // A lock that was answered is still there.
        if wrong.iter().flatten().any(|(s, b)| *s == 423 || b["attempts_remaining"] == 0) {
            let (status, body) = status_body(app.login(&strict, &lockable[round], PASSWORD).await).await;
            assert_eq!(
                (status, body["error"].as_str()),
                (423, Some("account_locked")),
                "round {round}: a lock was lost"
            );
        }
    }
    eprintln!("{answered} requests answered and {cut} cut off by the kills");
    assert!(answered > 0, "the load reached the server before the kills");
    Ok(())
}

#[tokio::test]
async fn three_instances_keep_every_count_exact() -> TestResult {
    let app = spawn_app().await;
    let tenant = app.tenant_with_2fa("scaled", "required").await;
    let (email, secret) = totp_user(&app, &tenant, 0).await;
    let children = [ChildServer::start(&app), ChildServer::start(&app)];
    let bases = [app.address.clone(), children[0].address.clone(), children[1].address.clone()];
    let client = reqwest::Client::new();

    // One TOTP code, sent to the three instances at once: exactly one session.
    app.next_totp_step();
    let code = app.totp_now(&secret);
    let mut ids = Vec::new();
    for _ in 0..3 {
        let r: Value = app.login(&tenant, &email, PASSWORD).await.json().await?;
        ids.push(r["challenge_id"].clone());
    }
    let tries = bases
        .iter()
        .zip(&ids)
        .map(|(base, id)| post(&client, base, "/verify", json!({"challenge_id": id, "code": code})));
    let answers = futures_util::future::join_all(tries).await;
    let ok = answers.iter().flatten().filter(|(s, _)| *s == 200).count();
    assert_eq!(ok, 1, "one winner per TOTP step across instances: {answers:?}");
    let session = answers.iter().flatten().find(|(s, _)| *s == 200).map(|(_, b)| b.clone()).unwrap_or_default();

    // One refresh token, presented to the three at once: one rotation, then the session is revoked.
    let refresh = str_of(&session, "refresh_token").to_owned();
    let tries = bases.iter().map(|base| post(&client, base, "/token/refresh", json!({"refresh_token": refresh})));
    let answers = futures_util::future::join_all(tries).await;
    assert_eq!(answers.iter().flatten().filter(|(s, _)| *s == 200).count(), 1, "{answers:?}");
    assert_eq!(app.get_with_token("/me", str_of(&session, "access_token")).await.status(), 401, "reuse revoked it");

    // Wrong codes, round-robin over the three: the account locks at exactly five. (Another user:
    // the losers of the race above were counted as wrong codes, as they must be.)
    let (other_email, _) = totp_user(&app, &tenant, 1).await;
    let r: Value = app.login(&tenant, &other_email, PASSWORD).await.json().await?;
    let tries = (0..15)
        .map(|i| post(&client, &bases[i % 3], "/verify", json!({"challenge_id": r["challenge_id"], "code": "000000"})));
    let statuses: Vec<u16> =
        futures_util::future::join_all(tries).await.into_iter().flatten().map(|(s, _)| s).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 401).count(), 4, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 423).count(), 11, "{statuses:?}");

    // A signing key rotated on one instance: its tokens verify on the others.
    let r = app.admin_post("/admin/signing-keys/rotate", json!({})).await;
    assert!(r.status().is_success(), "{}", r.status());
    app.user(&tenant, "after@example.com").await;
    let other = app.tenant("no-2fa").await;
    app.user(&other, "plain@example.com").await;
    let fresh = app.logged_in(&other, "plain@example.com").await;
    for base in &bases {
        let r = client.get(format!("{base}/me")).bearer_auth(str_of(&fresh, "access_token")).send().await?;
        assert_eq!(r.status(), 200, "{base} knows the new key");
    }
    Ok(())
}

#[tokio::test]
async fn three_instances_spend_an_sms_budget_exactly() -> TestResult {
    let app = spawn_app().await;
    let tenant = app.tenant_with_2fa("texting", "required").await;
    app.patch_tenant(&tenant, json!({"allowed_methods": ["sms"]})).await;
    for i in 0..30 {
        app.user_with_phone(&tenant, &format!("user{i}@example.com"), &format!("+35840123{}", 4500 + i)).await;
    }
    app.patch_tenant(&tenant, json!({"sms_budget": 10})).await;
    let children = [ChildServer::start(&app), ChildServer::start(&app)];
    let bases = [app.address.clone(), children[0].address.clone(), children[1].address.clone()];
    let client = reqwest::Client::new();

    // Thirty logins at once, round-robin over the three: exactly ten codes go out.
    let logins = (0..30).map(|i| {
        let body = json!({"tenant": tenant, "identifier": format!("user{i}@example.com"), "password": PASSWORD});
        post(&client, &bases[i % 3], "/login", body)
    });
    let answers: Vec<(u16, Value)> = futures_util::future::join_all(logins).await.into_iter().flatten().collect();
    assert_eq!(answers.len(), 30, "every login was answered: {answers:?}");
    assert!(answers.iter().all(|(status, body)| *status == 200 && body["status"] == "second_factor_required"));
    let sent = answers.iter().filter(|(_, body)| body["code_sent"] == true).count();
    let refused = answers.iter().filter(|(_, body)| body["delivery_error"] == "sms_budget_exhausted").count();
    assert_eq!((sent, refused), (10, 20), "{answers:?}");
    assert_eq!(app.inbox.messages().len(), 10, "exactly ten SMS reached the gateway");
    let budget: Value = app.admin_get(&format!("/admin/tenants/{tenant}/sms-budget")).await.json().await?;
    assert_eq!(budget["balance"], 0);
    Ok(())
}

#[tokio::test]
async fn sigterm_finishes_requests_in_flight_and_refuses_new_ones() -> TestResult {
    let app = spawn_app().await;
    let tenant = app.tenant("draining").await;
    for n in 0..6 {
        app.user(&tenant, &format!("d{n}@example.com")).await;
    }
    let child = ChildServer::start(&app);
    let base = child.address.clone();
    let client = reqwest::Client::new();
    // Serving (its signal handlers are installed once the server runs).
    for _ in 0..100 {
        if client.get(format!("{base}/healthz")).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let logins = (0..6).map(|n| {
        let (client, base) = (client.clone(), base.clone());
        let body = json!({"tenant": tenant, "identifier": format!("d{n}@example.com"), "password": PASSWORD});
        async move { post(&client, &base, "/login", body).await }
    });
    let in_flight = tokio::spawn(futures_util::future::join_all(logins));
    tokio::time::sleep(Duration::from_millis(20)).await;
    let status = child.terminate(Duration::from_secs(20)).await;
    assert!(status.is_some_and(|s| s.success()), "stopped cleanly within the bound: {status:?}");
    let answers = in_flight.await?;
    // A request either was answered in full or never reached the server (refused connection).
    for (status, body) in answers.iter().flatten() {
        assert_eq!(*status, 200, "{body}");
    }
    assert!(answers.iter().any(Option::is_some), "requests in flight were finished: {answers:?}");
    assert!(client.get(format!("{base}/healthz")).send().await.is_err(), "no new connections after the stop");
    Ok(())
}
