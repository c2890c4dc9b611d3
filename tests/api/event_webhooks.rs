//! Event webhooks: registration, signed deliveries written with the change, retries, and the
//! SSRF guard (HTTPS only; destinations resolving to internal addresses refused at send time).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;

use crate::helpers::*;

/// One request as received: its headers and its body.
type Received = (Vec<(String, String)>, Vec<u8>);

/// A receiver that records every POST (headers and body) and answers `status`.
#[derive(Clone)]
struct Receiver {
    got: Arc<Mutex<Vec<Received>>>,
    status: Arc<Mutex<u16>>,
    port: u16,
}

impl Receiver {
    async fn start() -> Receiver {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let receiver = Receiver { got: Arc::default(), status: Arc::new(Mutex::new(200)), port };
        let shared = receiver.clone();
        let server = HttpServer::new(move || {
            let shared = shared.clone();
            App::new().default_service(web::to(move |req: HttpRequest, body: web::Bytes| {
                let shared = shared.clone();
                async move {
                    let headers = req
                        .headers()
                        .iter()
                        .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
                        .collect();
                    shared.got.lock().unwrap().push((headers, body.to_vec()));
                    let status = *shared.status.lock().unwrap();
                    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap()).finish()
                }
            }))
        })
        .workers(1)
        .listen(listener)
        .unwrap()
        .run();
        tokio::spawn(server);
        receiver
    }

    fn events(&self) -> Vec<Value> {
        self.got.lock().unwrap().iter().map(|(_, body)| serde_json::from_slice(body).unwrap()).collect()
    }

    async fn wait_for(&self, kind: &str) -> Value {
        for _ in 0..200 {
            if let Some(event) = self.events().into_iter().find(|e| e["type"] == kind) {
                return event;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("no {kind} event arrived: {:?}", self.events());
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> &'a str {
    headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
}

/// Standard Webhooks, checked as a receiver would.
fn signed_with(secret: &str, headers: &[(String, String)], body: &[u8]) -> bool {
    let key = base64::engine::general_purpose::STANDARD.decode(secret.trim_start_matches("whsec_")).unwrap();
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
    mac.update(format!("{}.{}.", header(headers, "webhook-id"), header(headers, "webhook-timestamp")).as_bytes());
    mac.update(body);
    let expected = format!("v1,{}", base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes()));
    header(headers, "webhook-signature").split(' ').any(|s| s == expected)
}

#[tokio::test]
async fn security_events_reach_a_registered_endpoint_signed() -> TestResult {
    let app = spawn_app_with(&[("LATCHKEY_WEBHOOKS_ALLOW_PRIVATE", "true")]).await;
    let receiver = Receiver::start().await;
    let tenant = app.tenant_with_2fa("hooked", "required").await;
    let key = app.tenant_key(&tenant).await;
    let r = app
        .client
        .post(app.url(&format!("/admin/tenants/{tenant}/webhooks")))
        .bearer_auth(&key)
        .json(&json!({
            "url": format!("http://127.0.0.1:{}/events", receiver.port),
            "events": ["login.succeeded", "login.second_factor_failed", "user.locked", "method.added"],
            "description": "SIEM"
        }))
        .send()
        .await?;
    let (status, created) = status_body(r).await;
    assert_eq!(status, 201, "{created}");
    let secret = str_of(&created, "secret").to_owned();
    assert!(secret.starts_with("whsec_"));

    let user = app.user(&tenant, "w@example.com").await;
    app.enrolled_with_totp(&tenant, "w@example.com").await; // method.added, then login.succeeded
    let added = receiver.wait_for("method.added").await;
    assert_eq!(added["data"]["user_id"], user["id"]);
    assert_eq!(added["data"]["detail"], "totp");
    let login = receiver.wait_for("login.succeeded").await;
    assert_eq!(login["data"]["tenant_id"].as_str().map(str::len), Some(36));

    let r = app.login(&tenant, "w@example.com", PASSWORD).await;
    let challenge: Value = r.json().await?;
    for _ in 0..5 {
        app.verify(&challenge["challenge_id"], "000000").await;
    }
    receiver.wait_for("login.second_factor_failed").await;
    let locked = receiver.wait_for("user.locked").await;
    assert_eq!(locked["data"]["detail"], "second_factor.verify");
    assert!(receiver.events().iter().all(|e| e["type"] != "login.failed"), "only subscribed events are sent");
    for (headers, body) in receiver.got.lock().unwrap().iter() {
        assert!(signed_with(&secret, headers, body), "every delivery is signed with the webhook's secret");
    }

    // The listing shows the deliveries, never the secret.
    let r = app.client.get(app.url(&format!("/admin/tenants/{tenant}/webhooks"))).bearer_auth(&key).send().await?;
    let (status, list) = status_body(r).await;
    assert_eq!(status, 200);
    assert_eq!(list["webhooks"][0]["description"], "SIEM");
    assert_eq!(list["webhooks"][0]["recent_deliveries"][0]["status"], "sent");
    assert!(!list.to_string().contains(&secret));

    // Deleted: nothing more is sent.
    let id = str_of(&created, "id");
    let r =
        app.client.delete(app.url(&format!("/admin/tenants/{tenant}/webhooks/{id}"))).bearer_auth(&key).send().await?;
    assert_eq!(r.status(), 204);
    let r =
        app.client.delete(app.url(&format!("/admin/tenants/{tenant}/webhooks/{id}"))).bearer_auth(&key).send().await?;
    assert_eq!(status_body(r).await.1["error"], "webhook_not_found");
    Ok(())
}

#[tokio::test]
async fn a_failing_endpoint_gets_the_event_again_later() -> TestResult {
    let app = spawn_app_with(&[("LATCHKEY_WEBHOOKS_ALLOW_PRIVATE", "true")]).await;
    let receiver = Receiver::start().await;
    *receiver.status.lock().unwrap() = 503;
    let tenant = app.tenant("retrying").await;
    let url = format!("http://127.0.0.1:{}/events", receiver.port);
    let r = app
        .admin_post(&format!("/admin/tenants/{tenant}/webhooks"), json!({"url": url, "events": ["login.failed"]}))
        .await;
    assert_eq!(r.status(), 201);
    app.user(&tenant, "r@example.com").await;
    assert_eq!(app.login(&tenant, "r@example.com", "wrong password!").await.status(), 401);
    receiver.wait_for("login.failed").await;
    let first = receiver.events().len();
    *receiver.status.lock().unwrap() = 200;
    app.clock.advance(600); // past the backoff
    for _ in 0..200 {
        if receiver.events().len() > first {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let got = receiver.got.lock().unwrap().clone();
    assert!(got.len() > first, "retried after the backoff");
    let ids: Vec<&str> = got.iter().map(|(h, _)| header(h, "webhook-id")).collect();
    assert!(ids.windows(2).all(|w| w[0] == w[1]), "the same webhook-id on every attempt: {ids:?}");
    let r = app.admin_get(&format!("/admin/tenants/{tenant}/webhooks")).await;
    let (_, list) = status_body(r).await;
    let delivery = &list["webhooks"][0]["recent_deliveries"][0];
    assert_eq!(delivery["status"], "sent", "{list}");
    assert!(delivery["attempts"].as_i64() >= Some(2));
    Ok(())
}

#[tokio::test]
async fn urls_must_be_https_to_public_hosts() -> TestResult {
    let app = spawn_app().await;
    let tenant = app.tenant("guarded").await;
    for url in [
        "http://hooks.example.com/x",
        "https://127.0.0.1/x",
        "https://10.0.0.5/x",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::1]:8443/x",
        "https://[fd00:ec2::254]/",
        "https://localhost/x",
        "https://u:p@hooks.example.com/",
        "hooks.example.com",
    ] {
        let r = app.admin_post(&format!("/admin/tenants/{tenant}/webhooks"), json!({"url": url})).await;
        let (status, body) = status_body(r).await;
        assert_eq!((status, body["error"].as_str()), (400, Some("invalid_webhook_url")), "{url}");
    }
    let r = app
        .admin_post(
            &format!("/admin/tenants/{tenant}/webhooks"),
            json!({"url": "https://x.example/", "events": ["nope"]}),
        )
        .await;
    assert_eq!(r.status(), 400);
    for i in 0..10 {
        let url = format!("https://hooks{i}.example.com/x");
        assert_eq!(
            app.admin_post(&format!("/admin/tenants/{tenant}/webhooks"), json!({"url": url})).await.status(),
            201
        );
    }
    let r =
        app.admin_post(&format!("/admin/tenants/{tenant}/webhooks"), json!({"url": "https://eleven.example/"})).await;
    assert_eq!(status_body(r).await.1["error"], "too_many_webhooks");
    Ok(())
}

#[tokio::test]
async fn a_name_that_resolves_to_an_internal_address_is_refused_when_sending() -> TestResult {
    // A name that looks public but resolves to loopback (from /etc/hosts; there is no DNS here):
    // accepted at registration, refused by the resolver when sending, never connected to.
    let app = spawn_app().await;
    let receiver = Receiver::start().await;
    let tenant = app.tenant("rebind").await;
    let hosts = std::fs::read_to_string("/etc/hosts").unwrap_or_default();
    let Some(name) = hosts
        .lines()
        .filter(|l| l.starts_with("127.") || l.starts_with("::1"))
        .flat_map(|l| l.split_whitespace().skip(1))
        .find(|n| *n != "localhost" && !n.ends_with(".localhost") && !n.starts_with('#'))
    else {
        eprintln!("skipped: /etc/hosts names no loopback host besides localhost");
        return Ok(());
    };
    let url = format!("https://{name}:{}/x", receiver.port);
    let r = app
        .admin_post(&format!("/admin/tenants/{tenant}/webhooks"), json!({"url": url, "events": ["login.failed"]}))
        .await;
    assert_eq!(r.status(), 201, "{name} looks public by its name");
    app.user(&tenant, "s@example.com").await;
    assert_eq!(app.login(&tenant, "s@example.com", "wrong password!").await.status(), 401);
    let mut delivery = Value::Null;
    for _ in 0..200 {
        let (_, list) = status_body(app.admin_get(&format!("/admin/tenants/{tenant}/webhooks")).await).await;
        delivery = list["webhooks"][0]["recent_deliveries"][0].clone();
        if delivery["status"] == "failed" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(delivery["status"], "failed", "refused for good, not retried: {delivery}");
    assert!(delivery["last_error"].as_str().unwrap_or("").contains("private, loopback or link-local"));
    assert!(receiver.events().is_empty(), "nothing reached the internal address");
    Ok(())
}
