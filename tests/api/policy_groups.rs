//! Groups with second-factor rules, the per-user exemption, and the "why" endpoints.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

async fn group(app: &TestApp, tenant: &str, name: &str, rule: &str) -> String {
    let r = app.admin_post(&format!("/admin/tenants/{tenant}/groups"), json!({"name": name, "two_factor": rule})).await;
    let (status, body) = status_body(r).await;
    assert_eq!(status, 201, "{body}");
    str_of(&body, "id").to_owned()
}

#[tokio::test]
async fn a_group_requirement_applies_to_its_members_unless_exempt() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let clinicians = group(&app, "acme", "clinicians", "required").await;
    let alice = app.user("acme", "alice@example.com").await;
    app.user("acme", "bob@example.com").await;
    let alice_path = format!("/admin/tenants/acme/users/{}", str_of(&alice, "id"));

    let r = app.admin_send(Method::PUT, &format!("{alice_path}/groups"), json!({"group_ids": [clinicians]})).await;
    let (status, view) = status_body(r).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["groups"][0]["name"], "clinicians");

    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["status"], "enrollment_required", "the group requires it although the tenant is off");
    let login: Value = app.login("acme", "bob@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["status"], "authenticated", "non-members follow the tenant");

    let why: Value = app.admin_get(&format!("{alice_path}/policy?ip=203.0.113.9")).await.json().await?;
    assert_eq!(why["decision"], "enroll");
    assert_eq!(
        why["reasons"],
        json!([
            "group:clinicians requires two_factor",
            "not exempt",
            "ip 203.0.113.9 not in trusted networks",
            "has no method"
        ])
    );

    assert_eq!(app.admin_send(Method::PATCH, &alice_path, json!({"two_factor_exempt": true})).await.status(), 200);
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["status"], "authenticated", "the exemption wins over the group");
    assert!(app.audit_of(str_of(&alice, "id")).iter().any(|(e, _)| e == "user.exemption_changed"));
    let why: Value = app.admin_get(&format!("{alice_path}/policy")).await.json().await?;
    assert_eq!(why["reasons"], json!(["group:clinicians requires two_factor", "exempt"]));

    // The user's own view, from the address of the request.
    let me: Value = app.get_with_token("/me/policy", str_of(&login, "access_token")).await.json().await?;
    assert_eq!(me["decision"], "authenticate");
    Ok(())
}

#[tokio::test]
async fn groups_are_managed_per_tenant_and_bad_ids_are_group_not_found() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.tenant("other").await;
    let staff = group(&app, "acme", "staff", "inherit").await;
    let foreign = group(&app, "other", "staff", "required").await;

    let r = app.admin_post("/admin/tenants/acme/groups", json!({"name": "staff"})).await;
    assert_eq!(status_body(r).await.1["error"], "group_exists");
    let r = app.admin_post("/admin/tenants/acme/groups", json!({"name": "x", "two_factor": "always"})).await;
    assert_eq!(status_body(r).await.0, 400);

    let r = app
        .admin_post(
            "/admin/tenants/acme/users",
            json!({"email": "carol@example.com", "password": PASSWORD, "group_ids": [staff]}),
        )
        .await;
    let (status, carol) = status_body(r).await;
    assert_eq!(status, 201, "{carol}");
    assert_eq!(carol["groups"][0]["id"], staff.as_str());
    let carol_path = format!("/admin/tenants/acme/users/{}", str_of(&carol, "id"));

    for bad in [json!([foreign]), json!(["no-such-group"]), json!([uuid::Uuid::new_v4().to_string()])] {
        let r = app.admin_send(Method::PUT, &format!("{carol_path}/groups"), json!({"group_ids": bad})).await;
        let (status, body) = status_body(r).await;
        assert_eq!((status, body["error"].as_str()), (404, Some("group_not_found")), "{bad}");
        let r = app.admin_send(Method::PATCH, &carol_path, json!({"group_ids": bad})).await;
        assert_eq!(status_body(r).await.1["error"], "group_not_found");
    }
    let r = app.admin_send(Method::PATCH, &format!("/admin/tenants/acme/groups/{foreign}"), json!({"name": "x"})).await;
    assert_eq!(status_body(r).await.1["error"], "group_not_found", "a group of another tenant");

    let r = app
        .admin_send(Method::PATCH, &format!("/admin/tenants/acme/groups/{staff}"), json!({"two_factor": "prompted"}))
        .await;
    assert_eq!(status_body(r).await.1["two_factor"], "prompted");
    let login: Value = app.login("acme", "carol@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["status"], "enrollment_suggested");

    let groups: Value = app.admin_get("/admin/tenants/acme/groups").await.json().await?;
    assert_eq!(groups.as_array().map(Vec::len), Some(1));
    let r = app.admin_send(Method::DELETE, &format!("/admin/tenants/acme/groups/{staff}"), json!({})).await;
    assert_eq!(r.status(), 204);
    let view: Value = app.admin_get(&carol_path).await.json().await?;
    assert_eq!(view["groups"], json!([]));
    let login: Value = app.login("acme", "carol@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["status"], "authenticated");
    Ok(())
}
