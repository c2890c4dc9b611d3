//! Administrators who are people: roles on the admin API, read afresh on every request, with a
//! second factor always, a recent one for sensitive actions, owners protected from admins, and a
//! tenant that always keeps an owner.

use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::*;

impl TestApp {
    /// Gives `user_id` of `tenant` these roles with the platform key.
    pub async fn grant(&self, tenant: &str, user_id: &str, roles: Value) -> Value {
        let path = format!("/admin/tenants/{tenant}/users/{user_id}/roles");
        let (status, body) = status_body(self.admin_send(Method::PUT, &path, json!({"roles": roles})).await).await;
        assert_eq!(status, 200, "{body}");
        body
    }

    /// A user of `tenant` with `roles`, signed in with TOTP (enrolled at this login): (tokens, secret).
    pub async fn administrator(&self, tenant: &str, email: &str, roles: Value) -> (Value, String) {
        let user = self.user(tenant, email).await;
        self.grant(tenant, str_of(&user, "id"), roles).await;
        self.enrolled_with_totp(tenant, email).await
    }

    pub async fn as_user(&self, method: Method, path: &str, token: &str, body: Option<Value>) -> (u16, Value) {
        let mut request = self.client.request(method, self.url(path)).bearer_auth(token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        status_body(request.send().await.unwrap()).await
    }
}

fn token(session: &Value) -> &str {
    str_of(session, "access_token")
}

#[tokio::test]
async fn an_owner_signs_in_like_everyone_and_manages_the_tenant_with_their_token() -> TestResult {
    let app = spawn_app().await;
    let acme = app.tenant("acme").await; // two_factor off: administrators are asked anyway
    app.tenant("beta").await;
    let (owner, _) = app.administrator(&acme, "owner@example.com", json!(["owner"])).await;
    let claims = jwt_part(token(&owner), 1);
    assert_eq!(claims["roles"], json!(["owner"]), "the token tells the client");
    assert!(claims["amr"].as_array().unwrap().contains(&json!("mfa")));
    assert_eq!(owner["user"]["roles"], json!(["owner"]));

    let (status, page) = app.as_user(Method::GET, "/admin/tenants/acme/users", token(&owner), None).await;
    assert_eq!((status, page["users"].as_array().map(Vec::len)), (200, Some(1)), "{page}");
    // Another tenant is the same 404 as none at all; the platform's endpoints are not theirs.
    let (status, body) = app.as_user(Method::GET, "/admin/tenants/beta/users", token(&owner), None).await;
    assert_eq!((status, body["error"].as_str()), (404, Some("not_found")));
    let (status, _) = app.as_user(Method::GET, "/admin/tenants/nowhere/users", token(&owner), None).await;
    assert_eq!(status, 404);
    let (status, _) = app.as_user(Method::GET, "/admin/tenants", token(&owner), None).await;
    assert_eq!(status, 403);
    let (status, body) =
        app.as_user(Method::PATCH, "/admin/tenants/acme", token(&owner), Some(json!({"sms_budget": 10}))).await;
    assert_eq!((status, body["error"].as_str()), (403, Some("forbidden")), "the SMS budget is the platform's");

    // The tenant's security settings, right after signing in with the second factor.
    let (status, tenant) =
        app.as_user(Method::PATCH, "/admin/tenants/acme", token(&owner), Some(json!({"two_factor": "required"}))).await;
    assert_eq!((status, tenant["settings"]["two_factor"].as_str()), (200, Some("required")), "{tenant}");
    let (status, key) =
        app.as_user(Method::POST, "/admin/tenants/acme/api-keys", token(&owner), Some(json!({"name": "crm"}))).await;
    assert_eq!((status, &key["scopes"]), (201, &json!(["introspect"])), "{key}");

    // Ten minutes on, a refresh does not renew the authentication; a step-up does.
    app.clock.advance(601);
    let (status, body) =
        app.as_user(Method::PATCH, "/admin/tenants/acme", token(&owner), Some(json!({"two_factor": "prompted"}))).await;
    assert_eq!((status, body["error"].as_str()), (401, Some("step_up_required")), "{body}");
    let refreshed: Value =
        app.post_json("/token/refresh", json!({"refresh_token": owner["refresh_token"]})).await.json().await?;
    let (status, body) = app
        .as_user(Method::PATCH, "/admin/tenants/acme", token(&refreshed), Some(json!({"two_factor": "prompted"})))
        .await;
    assert_eq!((status, body["error"].as_str()), (401, Some("step_up_required")), "{body}");
    let (status, _) = app.as_user(Method::GET, "/admin/tenants/acme/users", token(&refreshed), None).await;
    assert_eq!(status, 200, "reading needs no step-up");

    // Every admin action names who did it.
    let owner_id = str_of(&owner["user"], "id");
    let (_, trail) = app
        .as_user(Method::GET, "/admin/tenants/acme/audit?event=tenant.policy_changed", token(&refreshed), None)
        .await;
    let entry = &trail["events"][0];
    assert_eq!(entry["actor"]["user_id"], owner_id, "{trail}");
    assert_eq!(entry["detail"], "two_factor");
    Ok(())
}

#[tokio::test]
async fn a_step_up_renews_the_authentication_for_sensitive_actions() -> TestResult {
    let app = spawn_app().await;
    let acme = app.tenant("acme").await;
    let (owner, secret) = app.administrator(&acme, "owner@example.com", json!(["owner"])).await;
    app.clock.advance(601);
    let bob = app.user(&acme, "bob@example.com").await;
    let roles = format!("/admin/tenants/acme/users/{}/roles", str_of(&bob, "id"));
    let (status, body) = app.as_user(Method::PUT, &roles, token(&owner), Some(json!({"roles": ["admin"]}))).await;
    assert_eq!((status, body["error"].as_str()), (401, Some("step_up_required")));

    let r = app.post_bearer("/me/step-up", token(&owner), json!({})).await;
    let (status, challenge) = status_body(r).await;
    assert_eq!(status, 200, "{challenge}");
    app.next_totp_step();
    let (status, stepped) = status_body(app.verify(&challenge["challenge_id"], &app.totp_now(&secret)).await).await;
    assert_eq!(status, 200, "{stepped}");
    let (status, body) = app.as_user(Method::PUT, &roles, token(&stepped), Some(json!({"roles": ["admin"]}))).await;
    assert_eq!((status, &body["roles"]), (200, &json!(["admin"])), "{body}");
    let (status, body) = app.as_user(Method::PUT, &roles, token(&stepped), Some(json!({"roles": ["root"]}))).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("invalid_body")));

    let audit = app.audit_of_tenant("acme");
    assert!(audit.iter().any(|e| e == "user.roles_changed"), "{audit:?}");
    Ok(())
}

#[tokio::test]
async fn an_admin_manages_users_but_not_owners_settings_or_roles() -> TestResult {
    let app = spawn_app().await;
    let acme = app.tenant("acme").await;
    let (owner, _) = app.administrator(&acme, "owner@example.com", json!(["owner"])).await;
    let (admin, _) = app.administrator(&acme, "admin@example.com", json!(["admin"])).await;
    let carol = app.user_with_phone(&acme, "carol@example.com", "+358401234567").await;
    let owner_id = str_of(&owner["user"], "id");
    let carol_path = format!("/admin/tenants/acme/users/{}", str_of(&carol, "id"));
    let owner_path = format!("/admin/tenants/acme/users/{owner_id}");

    // Users: yes.
    let (status, fixed) =
        app.as_user(Method::PATCH, &carol_path, token(&admin), Some(json!({"phone_number": "+358409876543"}))).await;
    assert_eq!((status, fixed["phone_number"].as_str()), (200, Some("+358409876543")), "{fixed}");
    let (status, _) = app.as_user(Method::DELETE, &format!("{carol_path}/methods"), token(&admin), None).await;
    assert_eq!(status, 204);
    let (status, page) = app.as_user(Method::GET, "/admin/tenants/acme/users?role=owner", token(&admin), None).await;
    assert_eq!((status, page["users"][0]["id"].as_str()), (200, Some(owner_id)), "{page}");

    // The owner's account, the tenant's settings and roles: no.
    for (method, path, body) in [
        (Method::PATCH, owner_path.clone(), Some(json!({"phone_number": "+358401111111"}))),
        (Method::DELETE, format!("{owner_path}/methods"), None),
        (Method::DELETE, owner_path.clone(), None),
    ] {
        let (status, body) = app.as_user(method, &path, token(&admin), body).await;
        assert_eq!((status, body["error"].as_str()), (403, Some("owner_protected")), "{path}: {body}");
    }
    for (method, path, body) in [
        (Method::PATCH, "/admin/tenants/acme".to_owned(), Some(json!({"two_factor": "required"}))),
        (Method::POST, "/admin/tenants/acme/settings/preview".to_owned(), Some(json!({"two_factor": "required"}))),
        (Method::PUT, format!("{carol_path}/roles"), Some(json!({"roles": ["admin"]}))),
        (Method::GET, "/admin/tenants/acme/api-keys".to_owned(), None),
        (Method::POST, "/admin/tenants/acme/groups".to_owned(), Some(json!({"name": "nurses"}))),
    ] {
        let (status, body) = app.as_user(method, &path, token(&admin), body).await;
        assert_eq!((status, body["error"].as_str()), (403, Some("insufficient_role")), "{path}: {body}");
    }

    // A sensitive action needs a recent second factor; reading does not.
    app.clock.advance(601);
    let (status, body) = app.as_user(Method::DELETE, &format!("{carol_path}/methods"), token(&admin), None).await;
    assert_eq!((status, body["error"].as_str()), (401, Some("step_up_required")));

    // A role taken away is gone at once, with the same token.
    app.grant(&acme, str_of(&admin["user"], "id"), json!([])).await;
    let (status, body) = app.as_user(Method::GET, "/admin/tenants/acme/users", token(&admin), None).await;
    assert_eq!((status, body["error"].as_str()), (403, Some("insufficient_role")));
    Ok(())
}

#[tokio::test]
async fn a_session_without_a_second_factor_and_a_user_without_a_role_are_refused() -> TestResult {
    let app = spawn_app().await;
    let acme = app.tenant("acme").await;
    let dave = app.user(&acme, "dave@example.com").await;
    let session = app.logged_in(&acme, "dave@example.com").await; // mode off: the password alone
    let (status, body) = app.as_user(Method::GET, "/admin/tenants/acme/users", token(&session), None).await;
    assert_eq!((status, body["error"].as_str()), (403, Some("insufficient_role")));
    // Made an admin afterwards: this session never passed a second factor.
    app.grant(&acme, str_of(&dave, "id"), json!(["admin"])).await;
    let (status, body) = app.as_user(Method::GET, "/admin/tenants/acme/users", token(&session), None).await;
    assert_eq!((status, body["error"].as_str()), (403, Some("mfa_required")));
    // Nothing skips the second factor for an administrator: not a trusted network, not an exemption.
    app.patch_tenant(&acme, json!({"trusted_networks": ["127.0.0.0/8", "::1/128"]})).await;
    app.admin_send(
        Method::PATCH,
        &format!("/admin/tenants/acme/users/{}", str_of(&dave, "id")),
        json!({"two_factor_exempt": true}),
    )
    .await;
    let (_, login) = status_body(app.login(&acme, "dave@example.com", PASSWORD).await).await;
    assert_eq!(login["status"], "enrollment_required", "{login}");
    app.user(&acme, "erin@example.com").await;
    let (_, login) = status_body(app.login(&acme, "erin@example.com", PASSWORD).await).await;
    assert_eq!(login["status"], "authenticated", "others keep the tenant's rules");
    Ok(())
}

#[tokio::test]
async fn the_last_owner_stays() -> TestResult {
    let app = spawn_app().await;
    let acme = app.tenant("acme").await;
    let (owner, _) = app.administrator(&acme, "owner@example.com", json!(["owner"])).await;
    let owner_id = str_of(&owner["user"], "id").to_owned();
    let own_roles = format!("/admin/tenants/acme/users/{owner_id}/roles");
    let (status, body) = app.as_user(Method::PUT, &own_roles, token(&owner), Some(json!({"roles": ["admin"]}))).await;
    assert_eq!((status, body["error"].as_str()), (409, Some("last_owner")));
    let r = app.admin_send(Method::DELETE, &format!("/admin/tenants/acme/users/{owner_id}"), json!(null)).await;
    assert_eq!(error_body(r).await["error"], "last_owner");
    let r =
        app.admin_send(Method::PATCH, &format!("/admin/tenants/acme/users/{owner_id}"), json!({"active": false})).await;
    assert_eq!(error_body(r).await["error"], "last_owner");

    // With a second owner, either may go, but not both at once.
    let second = app.user(&acme, "second@example.com").await;
    app.grant(&acme, str_of(&second, "id"), json!(["owner"])).await;
    let demote = |id: String| {
        let app = &app;
        async move {
            let path = format!("/admin/tenants/acme/users/{id}/roles");
            app.admin_send(Method::PUT, &path, json!({"roles": []})).await.status().as_u16()
        }
    };
    let (a, b) = tokio::join!(demote(owner_id.clone()), demote(str_of(&second, "id").to_owned()));
    let mut outcomes = [a, b];
    outcomes.sort_unstable();
    assert_eq!(outcomes, [200, 409], "exactly one owner is left");
    let (_, owners) = status_body(app.admin_get("/admin/tenants/acme/users?role=owner").await).await;
    assert_eq!(owners["users"].as_array().map(Vec::len), Some(1), "{owners}");
    Ok(())
}

#[tokio::test]
async fn the_admin_view_of_a_user_shows_methods_devices_roles_and_last_sign_in() -> TestResult {
    let app = spawn_app().await;
    let acme = app.tenant_with_2fa("acme", "required").await;
    let alice = app.user(&acme, "alice@example.com").await;
    let path = format!("/admin/tenants/acme/users/{}", str_of(&alice, "id"));
    let (_, before) = status_body(app.admin_get(&path).await).await;
    assert_eq!((before["last_sign_in_at"].clone(), before["roles"].clone()), (Value::Null, json!([])), "{before}");
    assert_eq!(before["devices"], json!([]));
    let (_, secret) = app.enrolled_with_totp(&acme, "alice@example.com").await;
    app.remembered_device(&acme, "alice@example.com", &secret).await;
    let (_, after) = status_body(app.admin_get(&path).await).await;
    assert_eq!(after["methods"][0]["kind"], "totp", "{after}");
    assert_eq!(after["devices"].as_array().map(Vec::len), Some(1), "{after}");
    assert!(after["last_sign_in_at"].is_string(), "{after}");
    Ok(())
}

#[tokio::test]
async fn a_settings_preview_counts_with_the_login_evaluator_and_changes_nothing() -> TestResult {
    let app = spawn_app().await;
    let acme = app.tenant_with_2fa("acme", "required").await;
    app.user(&acme, "totp@example.com").await;
    app.enrolled_with_totp(&acme, "totp@example.com").await;
    app.patch_tenant(&acme, json!({"two_factor": "optional"})).await;
    app.user(&acme, "none@example.com").await;
    let exempt = app.user(&acme, "exempt@example.com").await;
    let exempt_path = format!("/admin/tenants/acme/users/{}", str_of(&exempt, "id"));
    app.admin_send(Method::PATCH, &exempt_path, json!({"two_factor_exempt": true})).await;
    let app = &app;
    let preview = |body: Value| async move {
        let (status, preview) = status_body(app.admin_post("/admin/tenants/acme/settings/preview", body).await).await;
        assert_eq!(status, 200, "{preview}");
        preview
    };
    let emails = |affected: &Value| -> Vec<String> {
        affected["examples"].as_array().unwrap().iter().map(|u| str_of(u, "email").to_owned()).collect()
    };

    let required = preview(json!({"two_factor": "required"})).await;
    assert_eq!(required["users"], 3);
    assert_eq!(
        (required["would_enroll"]["count"].as_u64(), emails(&required["would_enroll"])),
        (Some(1), vec!["none@example.com".to_owned()])
    );
    assert_eq!(required["would_be_asked"]["count"], 0, "the TOTP user is asked already");
    let off = preview(json!({"two_factor": "off"})).await;
    assert_eq!(emails(&off["would_no_longer_be_asked"]), vec!["totp@example.com".to_owned()], "{off}");
    let sms_only = preview(json!({"allowed_methods": ["sms"]})).await;
    assert_eq!(emails(&sms_only["would_lose_methods"]), vec!["totp@example.com".to_owned()], "{sms_only}");
    let (status, _) =
        status_body(app.admin_post("/admin/tenants/acme/settings/preview", json!({"two_factor": "sometimes"})).await)
            .await;
    assert_eq!(status, 400, "the same rules as the change itself");

    let (_, tenant) = status_body(app.admin_get("/admin/tenants/acme").await).await;
    assert_eq!(
        (tenant["settings"]["two_factor"].as_str(), tenant["settings"]["allowed_methods"].as_array().map(Vec::len)),
        (Some("optional"), Some(4)),
        "nothing changed"
    );
    Ok(())
}
