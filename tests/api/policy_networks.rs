//! Trusted networks, over IPv4 and IPv6, behind real and forged proxy headers.

use serde_json::{json, Value};

use crate::helpers::*;

async fn login_from(app: &TestApp, forwarded_for: Option<&str>) -> Value {
    let mut req = app
        .client
        .post(app.url("/login"))
        .json(&json!({"tenant": "acme", "identifier": "alice@example.com", "password": PASSWORD}));
    if let Some(xff) = forwarded_for {
        req = req.header("X-Forwarded-For", xff);
    }
    req.send().await.unwrap().json().await.unwrap()
}

async fn required_tenant(app: &TestApp, networks: Value) -> Value {
    app.tenant_with_2fa("acme", "required").await;
    let alice = app.user("acme", "alice@example.com").await;
    app.patch_tenant("acme", json!({"trusted_networks": networks})).await;
    alice
}

#[tokio::test]
async fn a_login_from_a_trusted_network_is_not_asked_for_a_second_factor() -> TestResult {
    let app = spawn_app().await;
    let alice = required_tenant(&app, json!(["127.0.0.0/8"])).await;
    let done = login_from(&app, None).await;
    assert_eq!(done["status"], "authenticated", "{done}");
    assert_eq!(jwt_part(str_of(&done, "access_token"), 1)["amr"], json!(["pwd"]));
    assert!(app.audit_of(str_of(&alice, "id")).iter().any(|(e, _)| e == "login.trusted_network"));

    app.patch_tenant("acme", json!({"trusted_networks": []})).await;
    assert_eq!(login_from(&app, None).await["status"], "enrollment_required");
    Ok(())
}

#[tokio::test]
async fn a_forged_forwarded_header_from_an_untrusted_peer_changes_nothing() -> TestResult {
    let app = spawn_app().await;
    required_tenant(&app, json!(["203.0.113.0/24", "2001:db8::/32"])).await;
    assert_eq!(login_from(&app, Some("203.0.113.9")).await["status"], "enrollment_required");
    assert_eq!(login_from(&app, Some("2001:db8::5")).await["status"], "enrollment_required");
    Ok(())
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_right_most_untrusted_address_is_the_client() -> TestResult {
    let app = spawn_app_with(&[("LATCHKEY_TRUSTED_PROXIES", "127.0.0.1/32, ::1/128")]).await;
    required_tenant(&app, json!(["203.0.113.0/24", "2001:db8::/32"])).await;
    // IPv4 and IPv6 clients inside the trusted networks.
    assert_eq!(login_from(&app, Some("198.51.100.1, 203.0.113.9")).await["status"], "authenticated");
    assert_eq!(login_from(&app, Some("2001:db8::5")).await["status"], "authenticated");
    // What a client writes itself stands left of what the proxy appended: never believed.
    assert_eq!(login_from(&app, Some("203.0.113.9, 198.51.100.1")).await["status"], "enrollment_required");
    assert_eq!(login_from(&app, Some("2001:db9::1")).await["status"], "enrollment_required");
    let forwarded = |app: &TestApp| {
        app.client
            .post(app.url("/login"))
            .header("Forwarded", "for=\"[2001:db8::7]:4711\"")
            .json(&json!({"tenant": "acme", "identifier": "alice@example.com", "password": PASSWORD}))
            .send()
    };
    let r = forwarded(&app).await?;
    assert_eq!(r.json::<Value>().await?["status"], "enrollment_required", "only the configured header is read");
    let rfc7239 =
        app.sibling(&[("LATCHKEY_TRUSTED_PROXIES", "127.0.0.1/32"), ("LATCHKEY_FORWARDED_HEADER", "forwarded")]).await;
    let r = forwarded(&rfc7239).await?;
    assert_eq!(r.json::<Value>().await?["status"], "authenticated", "RFC 7239 Forwarded when configured");
    Ok(())
}

#[tokio::test]
async fn a_proxy_address_never_stands_in_for_an_unreadable_client() -> TestResult {
    // The tenant trusts the network its proxies live in; a client that makes its own entry
    // unreadable must not be taken for the proxy.
    let app = spawn_app_with(&[("LATCHKEY_TRUSTED_PROXIES", "127.0.0.1/32")]).await;
    required_tenant(&app, json!(["127.0.0.0/8"])).await;
    for forged in [&b"\xff"[..], b"not-an-address", b""] {
        let r = app
            .client
            .post(app.url("/login"))
            .header("X-Forwarded-For", reqwest::header::HeaderValue::from_bytes(forged)?)
            .json(&json!({"tenant": "acme", "identifier": "alice@example.com", "password": PASSWORD}))
            .send()
            .await?;
        assert_eq!(r.json::<Value>().await?["status"], "enrollment_required", "{forged:?}");
    }
    Ok(())
}

#[tokio::test]
async fn trusted_networks_are_validated() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let patch =
        |body: Value| app.client.patch(app.url("/admin/tenants/acme")).bearer_auth(&app.admin_key).json(&body).send();
    let (status, err) = status_body(patch(json!({"trusted_networks": ["10.0.0.0/8", "10.0.0.0/33"]})).await?).await;
    assert_eq!((status, err["error"].as_str()), (400, Some("invalid_cidr")));
    assert!(str_of(&err, "message").contains("10.0.0.0/33"), "{err}");
    let many: Vec<String> = (0..101).map(|i| format!("10.{i}.0.0/16")).collect();
    assert_eq!(status_body(patch(json!({"trusted_networks": many})).await?).await.1["error"], "invalid_cidr");
    let (status, ok) =
        status_body(patch(json!({"trusted_networks": ["203.0.113.7/24", "2001:db8::1/32"]})).await?).await;
    assert_eq!(status, 200);
    assert_eq!(ok["settings"]["trusted_networks"], json!(["203.0.113.0/24", "2001:db8::/32"]));
    Ok(())
}
