use serde_json::{json, Value};

use crate::helpers::*;

async fn refresh(app: &TestApp, token: &Value) -> reqwest::Response {
    app.post_json("/token/refresh", json!({"refresh_token": token})).await
}

#[tokio::test]
async fn a_refresh_returns_a_new_pair_and_retires_the_old_token() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.user("acme", "alice@example.com").await;
    let first = app.logged_in("acme", "alice@example.com").await;
    let r = refresh(&app, &first["refresh_token"]).await;
    assert_eq!(r.status(), 200);
    let second: Value = r.json().await?;
    assert_ne!(second["refresh_token"], first["refresh_token"]);
    assert_ne!(second["access_token"], first["access_token"]);
    assert_eq!(second["session_id"], first["session_id"]);
    assert_eq!(jwt_part(str_of(&second, "access_token"), 1)["amr"], json!(["pwd"]));
    assert_eq!(app.get_with_token("/me", str_of(&second, "access_token")).await.status(), 200);
    let third = refresh(&app, &second["refresh_token"]).await;
    assert_eq!(third.status(), 200);
    Ok(())
}

#[tokio::test]
async fn reusing_a_retired_refresh_token_revokes_the_whole_session() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.user("acme", "alice@example.com").await;
    let first = app.logged_in("acme", "alice@example.com").await;
    let second: Value = refresh(&app, &first["refresh_token"]).await.json().await?;
    // A thief replays the old token:
    let r = refresh(&app, &first["refresh_token"]).await;
    assert_eq!(r.status(), 401);
    assert_eq!(r.json::<Value>().await?["error"], "invalid_grant");
    // ... and the legitimate holder's newer tokens die with the session.
    assert_eq!(refresh(&app, &second["refresh_token"]).await.status(), 401);
    assert_eq!(app.get_with_token("/me", str_of(&second, "access_token")).await.status(), 401);
    Ok(())
}

#[tokio::test]
async fn concurrent_use_of_one_refresh_token_succeeds_at_most_once() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.user("acme", "alice@example.com").await;
    let first = app.logged_in("acme", "alice@example.com").await;
    let attempts = (0..10).map(|_| refresh(&app, &first["refresh_token"]));
    let statuses: Vec<u16> =
        futures_util::future::join_all(attempts).await.iter().map(|r| r.status().as_u16()).collect();
    assert!(statuses.iter().all(|s| *s == 200 || *s == 401), "{statuses:?}");
    assert!(statuses.iter().filter(|s| **s == 200).count() <= 1, "{statuses:?}");
    Ok(())
}

#[tokio::test]
async fn unknown_and_expired_refresh_tokens_are_refused() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.user("acme", "alice@example.com").await;
    assert_eq!(refresh(&app, &json!("lk_rt_unknown")).await.status(), 401);
    let session = app.logged_in("acme", "alice@example.com").await;
    app.clock.advance(30 * 24 * 3600 + 1);
    assert_eq!(refresh(&app, &session["refresh_token"]).await.status(), 401);
    Ok(())
}

#[tokio::test]
async fn logout_revokes_the_session() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.user("acme", "alice@example.com").await;
    let session = app.logged_in("acme", "alice@example.com").await;
    let access = str_of(&session, "access_token");
    let r = app.client.post(app.url("/logout")).bearer_auth(access).send().await?;
    assert_eq!(r.status(), 204);
    assert_eq!(app.get_with_token("/me", access).await.status(), 401);
    assert_eq!(refresh(&app, &session["refresh_token"]).await.status(), 401);
    let r = app.client.post(app.url("/logout")).send().await?;
    assert_eq!(r.status(), 401);
    Ok(())
}

async fn introspect(app: &TestApp, key: &str, token: &str) -> Value {
    let r = app.client.post(app.url("/token/introspect")).bearer_auth(key).json(&json!({"token": token})).send().await;
    let r = r.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.status(), 200);
    r.json().await.unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn introspection_tells_a_backend_at_once_that_a_session_ended() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let user = app.user("acme", "alice@example.com").await;
    let key = app.tenant_key("acme").await;
    let session = app.logged_in("acme", "alice@example.com").await;
    let access = str_of(&session, "access_token");

    let answer = introspect(&app, &key, access).await;
    assert_eq!(answer["active"], true);
    assert_eq!(answer["sub"], user["id"]);
    assert_eq!(answer["username"], "alice@example.com");
    assert_eq!(answer["token_type"], "access_token");
    assert_eq!(answer["tenant"], "acme");
    assert_eq!(answer["sid"], session["session_id"]);
    let answer = introspect(&app, &key, str_of(&session, "refresh_token")).await;
    assert_eq!(answer["active"], true);
    assert_eq!(answer["token_type"], "refresh_token");

    // RFC 7662's form encoding works too.
    let r = app.client.post(app.url("/token/introspect")).bearer_auth(&key).form(&[("token", access)]).send().await?;
    assert_eq!(r.json::<Value>().await?["active"], true);

    app.client.post(app.url("/logout")).bearer_auth(access).send().await?;
    assert_eq!(introspect(&app, &key, access).await, json!({"active": false}));
    assert_eq!(introspect(&app, &key, str_of(&session, "refresh_token")).await, json!({"active": false}));
    assert_eq!(introspect(&app, &key, "garbage").await, json!({"active": false}));
    Ok(())
}

#[tokio::test]
async fn introspection_needs_a_key_and_hides_other_tenants_tokens() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.tenant("beta").await;
    app.user("beta", "bob@example.com").await;
    let acme_key = app.tenant_key("acme").await;
    let beta_key = app.tenant_key("beta").await;
    let bob = app.logged_in("beta", "bob@example.com").await;
    let access = str_of(&bob, "access_token");
    assert_eq!(introspect(&app, &acme_key, access).await, json!({"active": false}));
    assert_eq!(introspect(&app, &acme_key, str_of(&bob, "refresh_token")).await, json!({"active": false}));
    assert_eq!(introspect(&app, &beta_key, access).await["active"], true);
    assert_eq!(introspect(&app, &app.admin_key, access).await["active"], true);
    let r = app.post_json("/token/introspect", json!({"token": access})).await;
    assert_eq!(r.status(), 401);
    Ok(())
}

/// RFC 7662 clients authenticate with HTTP Basic: the key's id as user name, the key as password.
#[tokio::test]
async fn introspection_accepts_http_basic_client_authentication() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.user("acme", "alice@example.com").await;
    let r = app.admin_post("/admin/tenants/acme/api-keys", json!({"name": "backend"})).await;
    let created: Value = r.json().await?;
    let (key_id, key) = (str_of(&created, "id"), str_of(&created, "secret"));
    let other = app.tenant_key("acme").await;
    let session = app.logged_in("acme", "alice@example.com").await;
    let access = str_of(&session, "access_token");
    let introspect_as = |user: String, password: Option<String>| {
        let form = [("token", access.to_owned()), ("token_type_hint", "access_token".to_owned())];
        app.client.post(app.url("/token/introspect")).basic_auth(user, password).form(&form).send()
    };

    let r = introspect_as(key_id.to_owned(), Some(key.to_owned())).await?;
    assert_eq!(r.status(), 200);
    let answer: Value = r.json().await?;
    assert_eq!((answer["active"].as_bool(), answer["tenant"].as_str()), (Some(true), Some("acme")));

    // A valid key sent under another key's id, a wrong key, no password: all one answer.
    for (user, password) in [(key_id, Some(other.as_str())), (key_id, Some("lk_tenant_wrong")), (key_id, None)] {
        let r = introspect_as(user.to_owned(), password.map(str::to_owned)).await?;
        assert_eq!(r.status(), 401, "{user}:{password:?}");
        let code = error_body(r).await["error"].clone();
        assert!(code == "invalid_api_key" || code == "missing_credentials", "{code}");
    }
    let r =
        app.client.post(app.url("/token/introspect")).header("Authorization", "Basic !!!").form(&[("token", access)]);
    assert_eq!(error_body(r.send().await?).await["error"], "missing_credentials");
    Ok(())
}

/// RFC 8414: a JWT library that discovers keys from the issuer finds them.
#[tokio::test]
async fn authorization_server_metadata_names_the_keys_and_the_introspection_endpoint() -> TestResult {
    let app = spawn_app().await;
    let r = app.client.get(app.url("/.well-known/oauth-authorization-server")).send().await?;
    assert_eq!(r.status(), 200);
    let metadata: Value = r.json().await?;
    let issuer = str_of(&metadata, "issuer").to_owned();
    let session_issuer = {
        app.tenant("acme").await;
        app.user("acme", "alice@example.com").await;
        let session = app.logged_in("acme", "alice@example.com").await;
        jwt_part(str_of(&session, "access_token"), 1)["iss"].as_str().unwrap_or_default().to_owned()
    };
    assert_eq!(issuer, session_issuer, "the metadata's issuer is the tokens' iss");
    let base = issuer.trim_end_matches('/');
    assert_eq!(metadata["jwks_uri"], format!("{base}/.well-known/jwks.json"));
    assert_eq!(metadata["introspection_endpoint"], format!("{base}/token/introspect"));
    assert_eq!(metadata["introspection_endpoint_auth_methods_supported"], json!(["client_secret_basic"]));
    assert_eq!(metadata["response_types_supported"], json!([]));
    Ok(())
}
