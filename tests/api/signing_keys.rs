use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ring::signature::{UnparsedPublicKey, ED25519};
use serde_json::{json, Value};

use crate::helpers::*;

/// Verifies a token against a JWKS with ring directly, as any backend would, not through our code.
fn verifies_with_jwks(token: &str, jwks: &Value) -> bool {
    let header = jwt_part(token, 0);
    let Some(key) = jwks["keys"].as_array().and_then(|keys| keys.iter().find(|k| k["kid"] == header["kid"])) else {
        return false;
    };
    let (signing_input, sig) = token.rsplit_once('.').unwrap_or_default();
    let x = URL_SAFE_NO_PAD.decode(key["x"].as_str().unwrap_or_default()).unwrap_or_default();
    let sig = URL_SAFE_NO_PAD.decode(sig).unwrap_or_default();
    key["kty"] == "OKP"
        && key["crv"] == "Ed25519"
        && UnparsedPublicKey::new(&ED25519, x).verify(signing_input.as_bytes(), &sig).is_ok()
}

async fn jwks(app: &TestApp) -> Value {
    app.client.get(app.url("/.well-known/jwks.json")).send().await.unwrap().json().await.unwrap()
}

#[tokio::test]
async fn tokens_verify_against_the_published_jwks() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.user("acme", "alice@example.com").await;
    let session = app.logged_in("acme", "alice@example.com").await;
    let keys = jwks(&app).await;
    assert_eq!(keys["keys"][0]["alg"], "EdDSA");
    assert_eq!(keys["keys"][0]["use"], "sig");
    assert!(verifies_with_jwks(str_of(&session, "access_token"), &keys));
    Ok(())
}

#[tokio::test]
async fn a_rotated_out_key_verifies_until_its_tokens_expire() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    app.user("acme", "alice@example.com").await;
    let old = app.logged_in("acme", "alice@example.com").await;
    let old_token = str_of(&old, "access_token");
    let old_kid = jwt_part(old_token, 0)["kid"].clone();

    let r = app.admin_post("/admin/signing-keys/rotate", json!({})).await;
    assert_eq!(r.status(), 201);
    let new_kid = r.json::<Value>().await?["kid"].clone();
    assert_ne!(new_kid, old_kid);

    let new = app.logged_in("acme", "alice@example.com").await;
    assert_eq!(jwt_part(str_of(&new, "access_token"), 0)["kid"], new_kid);
    let keys = jwks(&app).await;
    assert_eq!(keys["keys"].as_array().map(Vec::len), Some(2));
    assert!(verifies_with_jwks(old_token, &keys));
    assert_eq!(app.get_with_token("/me", old_token).await.status(), 200);

    let listed: Value = app.admin_get("/admin/signing-keys").await.json().await?;
    assert_eq!(listed.as_array().map(|k| k.iter().filter(|k| k["active"] == true).count()), Some(1));

    // Past the old tokens' lifetime (and the grace for clock skew) the old key is withdrawn.
    app.clock.advance(900 + 61);
    app.clock.advance(31); // past the JWKS cache age
    let keys = jwks(&app).await;
    assert_eq!(keys["keys"].as_array().map(Vec::len), Some(1));
    assert_eq!(keys["keys"][0]["kid"], new_kid);
    assert_eq!(app.get_with_token("/me", old_token).await.status(), 401);
    Ok(())
}

#[tokio::test]
async fn a_sibling_instance_learns_a_rotation_from_the_database() -> TestResult {
    let app = spawn_app().await;
    let sibling = app.sibling(&[]).await;
    app.tenant("acme").await;
    app.user("acme", "alice@example.com").await;
    app.admin_post("/admin/signing-keys/rotate", json!({})).await;
    let token = app.logged_in("acme", "alice@example.com").await;
    // The sibling never saw the new kid; it reloads when a token names it.
    assert_eq!(sibling.get_with_token("/me", str_of(&token, "access_token")).await.status(), 200);
    Ok(())
}

#[tokio::test]
async fn rotation_is_for_platform_admins() -> TestResult {
    let app = spawn_app().await;
    app.tenant("acme").await;
    let key = app.tenant_key("acme").await;
    let r = app.client.post(app.url("/admin/signing-keys/rotate")).bearer_auth(&key).send().await?;
    assert_eq!(r.status(), 403);
    Ok(())
}
