//! The webhook is signed with the Standard Webhooks scheme, so receivers verify it with a
//! maintained library: here the `standardwebhooks` package from PyPI (`.ci/run` installs it),
//! as well as by hand in the test receiver (`inbox.rs`).

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

use crate::helpers::*;
use crate::inbox::WEBHOOK_SECRET;

const VERIFY: &str = r#"
import json, sys
from standardwebhooks import Webhook
deliveries = json.load(sys.stdin)
wh = Webhook(sys.argv[1])
for d in deliveries:
    payload = wh.verify(d["body"], d["headers"])
    assert payload["code"], payload
    # A tampered body must fail.
    try:
        wh.verify(d["body"].replace(payload["code"], "000000"), d["headers"])
    except Exception:
        pass
    else:
        raise SystemExit("a tampered body verified")
print(len(deliveries))
"#;

#[tokio::test]
async fn deliveries_verify_with_the_standard_webhooks_library() -> TestResult {
    let app = spawn_app().await;
    app.tenant_with_2fa("acme", "required").await;
    app.patch_tenant("acme", json!({"allowed_methods": ["sms"]})).await;
    app.user_with_phone("acme", "alice@example.com", "+358401234567").await;
    let login: Value = app.login("acme", "alice@example.com", PASSWORD).await.json().await?;
    assert_eq!(login["code_sent"], true);
    let raw = app.inbox.raw();
    assert_eq!(raw.len(), 1);
    let id = raw[0].headers.iter().find(|(k, _)| k == "webhook-id").map(|(_, v)| v.clone()).unwrap_or_default();
    let body: Value = serde_json::from_slice(&raw[0].body)?;
    assert_eq!(body["id"], id.as_str(), "the outbox id, the same on every attempt");

    let deliveries: Vec<Value> = raw
        .iter()
        .map(|r| {
            let headers: serde_json::Map<String, Value> =
                r.headers.iter().map(|(k, v)| (k.clone(), Value::from(v.clone()))).collect();
            json!({"headers": headers, "body": String::from_utf8_lossy(&r.body)})
        })
        .collect();
    let child = Command::new("python3")
        .args(["-c", VERIFY, WEBHOOK_SECRET])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        assert!(std::env::var("CI").is_err(), "python3 is required in CI");
        return Ok(());
    };
    child.stdin.take().unwrap().write_all(serde_json::to_string(&deliveries)?.as_bytes())?;
    let out = child.wait_with_output()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("No module named 'standardwebhooks'") && std::env::var("CI").is_err() {
        eprintln!("standardwebhooks is not installed: skipping (CI installs it)");
        return Ok(());
    }
    assert!(out.status.success(), "the library refused the delivery: {stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "1");
    Ok(())
}

#[tokio::test]
async fn each_channel_has_its_own_sender() -> TestResult {
    // SMS to the development log, email to the webhook.
    let app = spawn_app_with(&[("LATCHKEY_DELIVERY_SMS", "log")]).await;
    app.tenant_with_2fa("acme", "required").await;
    app.user("acme", "alice@example.com").await;
    app.user_with_phone("acme", "bob@example.com", "+358401234567").await;
    let enroll = |email: &'static str, kind: &'static str| {
        let app = &app;
        async move {
            let login: Value = app.login("acme", email, PASSWORD).await.json().await.unwrap();
            let path = format!("/challenges/{}/enroll", str_of(&login, "challenge_id"));
            app.post_json(&path, json!({"kind": kind})).await.status()
        }
    };
    assert_eq!(enroll("alice@example.com", "email").await, 200);
    assert_eq!(enroll("bob@example.com", "sms").await, 200);
    let messages = app.inbox.messages();
    assert_eq!(messages.len(), 1, "only the email reached the webhook");
    assert_eq!(messages[0]["channel"], "email");
    assert!(str_of(&messages[0], "body").contains("expires in 10 minutes"), "the real lifetime");
    assert!(crate::logs::text().contains("DEVELOPMENT delivery"));

    let vars: std::collections::HashMap<String, String> =
        [("LATCHKEY_DELIVERY_EMAIL".to_owned(), "carrier-pigeon".to_owned())].into();
    let err = latchkey::config::Settings::from_map(&vars).unwrap_err();
    assert_eq!(err.name, "LATCHKEY_DELIVERY_EMAIL");
    Ok(())
}
