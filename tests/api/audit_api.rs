//! The audit trail over HTTP: a tenant's trail for its administrators (filters, newest first,
//! cursor paging), a user's own activity, and retention.

use serde_json::{json, Value};

use crate::helpers::*;

#[tokio::test]
async fn a_tenants_trail_is_paged_newest_first_with_filters() -> TestResult {
    let app = spawn_app().await;
    let tenant = app.tenant("audited").await;
    let key = app.tenant_key(&tenant).await;
    let alice = app.user(&tenant, "alice@example.com").await;
    app.user(&tenant, "bob@example.com").await;
    for _ in 0..3 {
        let r = app
            .client
            .post(app.url("/login"))
            .header("user-agent", "AuditTest/1.0")
            .json(&json!({"tenant": tenant, "identifier": "alice@example.com", "password": "wrong password!"}))
            .send()
            .await?;
        assert_eq!(r.status(), 401);
        app.clock.advance(1);
    }
    app.logged_in(&tenant, "bob@example.com").await;

    let get = |query: String| {
        let url = app.url(&format!("/admin/tenants/{tenant}/audit{query}"));
        let key = key.clone();
        let client = app.client.clone();
        async move { status_body(client.get(url).bearer_auth(key).send().await.unwrap()).await }
    };
    let (status, all) = get(String::new()).await;
    assert_eq!(status, 200, "{all}");
    let events = all["events"].as_array().unwrap();
    let times: Vec<&str> = events.iter().map(|e| e["created_at"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first: {times:?}");
    assert_eq!(events[0]["event"], "login.password");
    assert_eq!(events[0]["outcome"], "success");
    let created = events.iter().find(|e| e["event"] == "tenant.api_key_created").expect("the key's creation");
    assert!(created["actor"]["key_id"].is_string(), "an admin action names who did it: {created}");
    let made =
        events.iter().find(|e| e["event"] == "user.created" && e["user_id"] == alice["id"]).expect("a user made");
    assert!(made["actor"]["key_id"].is_string() && made["actor"]["user_id"].is_null(), "{made}");

    let alice_id = str_of(&alice, "id");
    let (_, failures) = get(format!("?user_id={alice_id}&event=login.password&limit=2")).await;
    let page = failures["events"].as_array().unwrap();
    assert_eq!(page.len(), 2);
    assert!(page.iter().all(|e| e["user_id"] == alice_id && e["outcome"] == "failure"));
    assert_eq!(page[0]["user_agent"], "AuditTest/1.0");
    assert_eq!(page[0]["ip"], "127.0.0.1");
    let cursor = failures["next_cursor"].as_str().expect("a next page");
    let (_, rest) = get(format!("?user_id={alice_id}&event=login.password&limit=2&cursor={cursor}")).await;
    let rest = rest["events"].as_array().unwrap();
    assert_eq!(rest.len(), 1, "three failures in all, no repeats");
    assert!(page.iter().all(|e| e["id"] != rest[0]["id"]));

    let since = all["events"][0]["created_at"].as_str().unwrap();
    let (_, recent) = get(format!("?since={since}")).await;
    assert!(recent["events"].as_array().unwrap().iter().all(|e| e["created_at"].as_str() >= Some(since)));

    for (query, code) in [
        ("?limit=0", "invalid_limit"),
        ("?limit=501", "invalid_limit"),
        ("?event=nope", "invalid_event"),
        ("?since=yesterday", "invalid_time"),
        ("?cursor=garbage!", "invalid_cursor"),
        ("?user_id=42", "invalid_id"),
    ] {
        let (status, body) = get(query.to_owned()).await;
        assert_eq!((status, body["error"].as_str()), (400, Some(code)), "{query}: {body}");
    }
    // Another tenant's key sees nothing of this trail.
    app.tenant("other").await;
    let other = app.tenant_key("other").await;
    let r = app.client.get(app.url(&format!("/admin/tenants/{tenant}/audit"))).bearer_auth(other).send().await?;
    assert_eq!(r.status(), 403);
    Ok(())
}

#[tokio::test]
async fn users_see_their_own_activity_only() -> TestResult {
    let app = spawn_app().await;
    let tenant = app.tenant("mine").await;
    app.user(&tenant, "me@example.com").await;
    app.user(&tenant, "them@example.com").await;
    app.clock.advance(1);
    assert_eq!(app.login(&tenant, "me@example.com", "wrong password!").await.status(), 401);
    assert_eq!(app.login(&tenant, "them@example.com", "wrong password!").await.status(), 401);
    app.clock.advance(1);
    let session = app.logged_in(&tenant, "me@example.com").await;
    let me: Value = app.get_with_token("/me", str_of(&session, "access_token")).await.json().await?;
    let r = app.get_with_token("/me/activity?limit=10", str_of(&session, "access_token")).await;
    let (status, body) = status_body(r).await;
    assert_eq!(status, 200, "{body}");
    let events = body["events"].as_array().unwrap();
    assert_eq!(events.len(), 3, "{body}");
    assert_eq!(events[2]["event"], "user.created", "the account's creation, by the administrator");
    assert_eq!((events[0]["event"].as_str(), events[0]["outcome"].as_str()), (Some("login.password"), Some("success")));
    assert_eq!(events[1]["outcome"], "failure");
    assert!(events.iter().all(|e| e["user_id"] == me["user"]["id"]));
    assert_eq!(app.client.get(app.url("/me/activity")).send().await?.status(), 401);
    Ok(())
}

#[tokio::test]
async fn events_older_than_the_retention_are_deleted() -> TestResult {
    let app = spawn_app().await;
    let tenant = app.tenant("short-memory").await;
    let r = app
        .client
        .patch(app.url(&format!("/admin/tenants/{tenant}")))
        .bearer_auth(&app.admin_key)
        .json(&json!({"audit_retention_days": 0}))
        .send()
        .await?;
    assert_eq!(status_body(r).await.1["error"], "invalid_audit_retention");
    let updated = app.patch_tenant(&tenant, json!({"audit_retention_days": 1})).await;
    assert_eq!(updated["settings"]["audit_retention_days"], 1, "{updated}");
    app.user(&tenant, "old@example.com").await;
    assert_eq!(app.login(&tenant, "old@example.com", "wrong password!").await.status(), 401);
    assert!(!app.audit_of_tenant(&tenant).is_empty());
    app.clock.advance(2 * 86_400);
    for _ in 0..200 {
        if app.audit_of_tenant(&tenant).is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert!(app.audit_of_tenant(&tenant).is_empty(), "deleted by the worker's retention pass");
    Ok(())
}
