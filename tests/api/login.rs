use serde_json::{json, Value};

use crate::helpers::*;

#[tokio::test]
async fn a_password_login_returns_signed_tokens_and_the_user() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let user = app.user("acme", "alice@example.com").await;
    let r = app.login("acme", "Alice@Example.com", PASSWORD).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers().get("cache-control").map(|v| v.to_str().unwrap_or("")), Some("no-store"));
    let body: Value = r.json().await?;
    assert_eq!(body["status"], "authenticated");
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    assert!(str_of(&body, "refresh_token").starts_with("lk_rt_"));
    assert_eq!(body["user"]["id"], user["id"]);

    let token = str_of(&body, "access_token");
    let header = jwt_part(token, 0);
    assert_eq!(header["alg"], "EdDSA");
    assert!(header["kid"].is_string());
    let claims = jwt_part(token, 1);
    assert_eq!(claims["iss"], "https://latchkey.test");
    assert_eq!(claims["sub"], user["id"]);
    assert_eq!(claims["aud"], "acme");
    assert_eq!(claims["tenant"], "acme");
    assert_eq!(claims["amr"], json!(["pwd"]));
    assert_eq!(claims["sid"], body["session_id"]);
    assert!(claims["jti"].is_string());
    assert_eq!(claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(), 900);
    Ok(())
}

#[tokio::test]
async fn unknown_tenant_unknown_user_and_wrong_password_look_the_same() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.user("acme", "alice@example.com").await;
    let mut answers = Vec::new();
    for (tenant, email, password) in [
        ("acme", "alice@example.com", "wrong password"),
        ("acme", "nobody@example.com", PASSWORD),
        ("nope", "alice@example.com", PASSWORD),
        ("acme", "not an email", PASSWORD),
    ] {
        let r = app.login(tenant, email, password).await;
        answers.push((r.status().as_u16(), error_body(r).await));
    }
    assert_eq!(answers[0].0, 401);
    assert_eq!(answers[0].1["error"], "invalid_credentials");
    for other in &answers[1..] {
        assert_eq!(other, &answers[0]);
    }
    Ok(())
}

#[tokio::test]
async fn malformed_requests_get_400_413_or_415_never_500() -> TestResult {
    let app = spawn_app_with(&[("LATCHKEY_MAX_BODY_BYTES", "1024")]).await;
    let post = |body: String, content_type: &'static str| {
        app.client.post(app.url("/login")).header("content-type", content_type).body(body).send()
    };
    let cases = [
        (post("{not json".into(), "application/json").await?, 400, "malformed_json"),
        (post(r#"{"tenant": "acme"}"#.into(), "application/json").await?, 400, "invalid_body"),
        (
            post(r#"{"tenant": 1, "identifier": "a", "password": "b"}"#.into(), "application/json").await?,
            400,
            "invalid_body",
        ),
        (post(format!(r#"{{"tenant": "{}"}}"#, "x".repeat(2000)), "application/json").await?, 413, "payload_too_large"),
        (post("tenant=acme".into(), "text/plain").await?, 415, "unsupported_media_type"),
    ];
    for (r, status, code) in cases {
        assert_eq!(r.status(), status);
        assert_eq!(r.json::<Value>().await?["error"], code);
    }
    Ok(())
}

#[tokio::test]
async fn a_hash_with_old_parameters_is_upgraded_on_login() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.user("acme", "alice@example.com").await;
    // Same database, stronger parameters: the stored hash is upgraded on the next login.
    let stronger = app.sibling(&[("LATCHKEY_ARGON2_MEMORY_KIB", "2048")]).await;
    let hash_of_alice = || {
        use diesel::prelude::*;
        use latchkey::store::schema::users::dsl::*;
        let target = latchkey::store::DatabaseTarget::parse(&app.database_url).unwrap();
        let db = latchkey::store::Db::connect(&target, 1).unwrap();
        let mut conn = db.get().unwrap();
        users.filter(email.eq("alice@example.com")).select(password_hash).first::<String>(&mut *conn).unwrap()
    };
    assert!(hash_of_alice().contains("m=1024"));
    assert_eq!(stronger.login("acme", "alice@example.com", PASSWORD).await.status(), 200);
    assert!(hash_of_alice().contains("m=2048"));
    assert_eq!(stronger.login("acme", "alice@example.com", PASSWORD).await.status(), 200);
    Ok(())
}
