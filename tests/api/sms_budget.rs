//! The tenant's SMS budget: exact under concurrency, shown with its usage, topped up by a
//! platform admin; an exhausted budget still opens the login and says why no code came.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

async fn sms_only_tenant(app: &TestApp) {
    app.tenant_with_2fa("acme", "required").await;
    app.patch_tenant("acme", json!({"allowed_methods": ["sms"]})).await;
}

#[tokio::test]
async fn fifty_concurrent_logins_with_a_balance_of_ten_send_exactly_ten_sms() -> TestResult {
    let app = spawn_app().await;
    sms_only_tenant(&app).await;
    for i in 0..50 {
        app.user_with_phone("acme", &format!("user{i}@example.com"), &format!("+35840123{}", 4500 + i)).await;
    }
    let tenant = app.patch_tenant("acme", json!({"sms_budget": 10})).await;
    assert_eq!(tenant["settings"]["sms_budget"], 10);
    let logins = (0..50).map(|i| {
        let client = app.client.clone();
        let url = app.url("/login");
        async move {
            let body = json!({"tenant": "acme", "identifier": format!("user{i}@example.com"), "password": PASSWORD});
            client.post(url).json(&body).send().await.unwrap().json::<Value>().await.unwrap()
        }
    });
    let answers: Vec<Value> = futures_util::future::join_all(logins).await;
    let sent = answers.iter().filter(|a| a["code_sent"] == true).count();
    let refused: Vec<&Value> = answers.iter().filter(|a| a["code_sent"] == false).collect();
    assert_eq!(sent, 10, "{answers:?}");
    assert_eq!(refused.len(), 40);
    assert!(refused
        .iter()
        .all(|a| a["status"] == "second_factor_required" && a["delivery_error"] == "sms_budget_exhausted"));
    assert_eq!(app.inbox.messages().len(), 10, "exactly ten SMS reached the gateway");

    let budget: Value = app.admin_get("/admin/tenants/acme/sms-budget").await.json().await?;
    assert_eq!(budget["balance"], 0);
    assert_eq!(budget["usage"][0]["messages"], 10);

    // "Send new code" with nothing left: a 402 the user can act on.
    let challenge = refused[0]["challenge_id"].as_str().unwrap();
    app.clock.advance(31);
    let (status, err) = status_body(app.post_json(&format!("/challenges/{challenge}/resend"), json!({})).await).await;
    assert_eq!((status, err["error"].as_str()), (402, Some("sms_budget_exhausted")));
    assert!(str_of(&err, "message").contains("administrator"));
    Ok(())
}

#[tokio::test]
async fn only_a_platform_admin_tops_up_a_limited_budget() -> TestResult {
    let app = spawn_app().await;
    sms_only_tenant(&app).await;
    let top_up = |key: String, body: Value| {
        app.client.post(app.url("/admin/tenants/acme/sms-budget/top-up")).bearer_auth(key).json(&body).send()
    };
    let (status, err) = status_body(top_up(app.admin_key.clone(), json!({"messages": 5})).await?).await;
    assert_eq!((status, err["error"].as_str()), (409, Some("invalid_limits")), "an unlimited budget");
    app.patch_tenant("acme", json!({"sms_budget": 0})).await;
    let tenant_key = app.tenant_key("acme").await;
    assert_eq!(top_up(tenant_key.clone(), json!({"messages": 5})).await?.status(), 403);
    assert_eq!(top_up(app.admin_key.clone(), json!({"messages": 0})).await?.status(), 400);
    let (status, budget) = status_body(top_up(app.admin_key.clone(), json!({"messages": 5})).await?).await;
    assert_eq!((status, budget["balance"].as_i64()), (200, Some(5)));
    let r = app.client.get(app.url("/admin/tenants/acme/sms-budget")).bearer_auth(&tenant_key).send().await?;
    assert_eq!(r.json::<Value>().await?["balance"], 5, "the tenant sees its balance");
    let r = app.admin_send(Method::PATCH, "/admin/tenants/acme", json!({"sms_budget": -1})).await;
    assert_eq!(r.status(), 400);
    let r = app.admin_send(Method::PATCH, "/admin/tenants/acme", json!({"sms_budget": null})).await;
    assert_eq!(status_body(r).await.1["settings"]["sms_budget"], Value::Null, "null: unlimited again");
    Ok(())
}
