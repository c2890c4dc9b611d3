use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;

use crate::helpers::*;

fn b64(v: &Value) -> String {
    URL_SAFE_NO_PAD.encode(v.to_string())
}

async fn alice(app: &TestApp) -> Value {
    app.tenant("acme").await;
    app.user("acme", "alice@example.com").await;
    app.logged_in("acme", "alice@example.com").await
}

async fn refused(app: &TestApp, token: &str) -> TestResult {
    let r = app.get_with_token("/me", token).await;
    assert_eq!(r.status(), 401, "token {token}");
    assert_eq!(r.json::<Value>().await?["error"], "invalid_token");
    Ok(())
}

#[tokio::test]
async fn me_returns_the_callers_profile() -> TestResult {
    let app = spawn_app().await;
    let session = alice(&app).await;
    let r = app.get_with_token("/me", str_of(&session, "access_token")).await;
    assert_eq!(r.status(), 200);
    let me: Value = r.json().await?;
    assert_eq!(me["user"]["email"], "alice@example.com");
    assert_eq!(me["session_id"], session["session_id"]);
    assert_eq!(me["amr"], json!(["pwd"]));
    let r = app.client.get(app.url("/me")).send().await?;
    assert_eq!(r.status(), 401);
    assert_eq!(r.json::<Value>().await?["error"], "missing_credentials");
    Ok(())
}

#[tokio::test]
async fn a_tampered_token_is_refused() -> TestResult {
    let app = spawn_app().await;
    let session = alice(&app).await;
    let token = str_of(&session, "access_token");
    let parts: Vec<&str> = token.split('.').collect();
    let mut claims = jwt_part(token, 1);
    claims["sub"] = json!("someone-else");
    refused(&app, &format!("{}.{}.{}", parts[0], b64(&claims), parts[2])).await?;
    let mut sig = parts[2].to_owned();
    sig.replace_range(0..2, if sig.starts_with("AA") { "BB" } else { "AA" });
    refused(&app, &format!("{}.{}.{}", parts[0], parts[1], sig)).await?;
    refused(&app, "not-a-jwt").await
}

#[tokio::test]
async fn alg_none_is_refused() -> TestResult {
    let app = spawn_app().await;
    let session = alice(&app).await;
    let token = str_of(&session, "access_token");
    let mut header = jwt_part(token, 0);
    header["alg"] = json!("none");
    let payload = token.split('.').nth(1).unwrap_or_default();
    refused(&app, &format!("{}.{}.", b64(&header), payload)).await
}

#[tokio::test]
async fn an_hs256_token_made_with_the_public_key_is_refused() -> TestResult {
    let app = spawn_app().await;
    let session = alice(&app).await;
    let token = str_of(&session, "access_token");
    let jwks: Value = app.client.get(app.url("/.well-known/jwks.json")).send().await?.json().await?;
    let x = str_of(&jwks["keys"][0], "x");
    let mut header = jwt_part(token, 0);
    header["alg"] = json!("HS256");
    let signing_input = format!("{}.{}", b64(&header), token.split('.').nth(1).unwrap_or_default());
    for secret in [x.as_bytes().to_vec(), URL_SAFE_NO_PAD.decode(x)?] {
        let mut mac = Hmac::<Sha256>::new_from_slice(&secret)?;
        mac.update(signing_input.as_bytes());
        let sig = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        refused(&app, &format!("{signing_input}.{sig}")).await?;
    }
    Ok(())
}

#[tokio::test]
async fn an_expired_token_is_refused() -> TestResult {
    let app = spawn_app().await;
    let session = alice(&app).await;
    let token = str_of(&session, "access_token");
    app.clock.advance(899);
    assert_eq!(app.get_with_token("/me", token).await.status(), 200);
    app.clock.advance(2);
    refused(&app, token).await
}

#[tokio::test]
async fn a_token_of_another_tenants_session_is_refused_for_this_tenant() -> TestResult {
    let app = spawn_app().await;
    alice(&app).await;
    app.tenant("beta").await;
    app.user("beta", "bob@example.com").await;
    let bob = app.logged_in("beta", "bob@example.com").await;
    let r = app
        .client
        .get(app.url("/me"))
        .bearer_auth(str_of(&bob, "access_token"))
        .header("X-Latchkey-Tenant", "acme")
        .send()
        .await?;
    assert_eq!(r.status(), 401);
    assert_eq!(r.json::<Value>().await?["error"], "invalid_token");
    let r = app
        .client
        .get(app.url("/me"))
        .bearer_auth(str_of(&bob, "access_token"))
        .header("X-Latchkey-Tenant", "beta")
        .send()
        .await?;
    assert_eq!(r.status(), 200);
    Ok(())
}

#[tokio::test]
async fn a_token_from_another_latchkey_is_refused() -> TestResult {
    let app = spawn_app().await;
    alice(&app).await;
    let other = spawn_app().await;
    let foreign = alice(&other).await;
    refused(&app, str_of(&foreign, "access_token")).await
}
