//! A real HTTP endpoint that receives Latchkey's webhook deliveries (SMS and email) and checks
//! their signatures, standing in for an SMS vendor or mail relay at the HTTP boundary.

use std::sync::{Arc, Mutex};

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;

/// A Standard Webhooks secret: `whsec_` and 24 random-looking bytes in base64.
pub const WEBHOOK_SECRET: &str = "whsec_dGVzdC13ZWJob29rLXNlY3JldC0yNC1ieXRlcw==";

/// One delivery as received: its headers and its body, for checks by other verifiers.
#[derive(Clone, Debug)]
pub struct Raw {
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

#[derive(Clone, Default)]
pub struct Inbox {
    messages: Arc<Mutex<Vec<Value>>>,
    raw: Arc<Mutex<Vec<Raw>>>,
    /// When set, the endpoint answers 500 (a gateway outage).
    failing: Arc<Mutex<Option<u16>>>,
    /// When set, the endpoint answers only after this long (a slow gateway).
    delay: Arc<Mutex<Option<std::time::Duration>>>,
    pub url: String,
}

fn key() -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(WEBHOOK_SECRET.trim_start_matches("whsec_")).unwrap()
}

/// Standard Webhooks, checked by hand: `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`.
fn standard_signature_is_valid(req: &HttpRequest, body: &[u8]) -> bool {
    use base64::Engine;
    let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let (Some(id), Some(timestamp), Some(signature)) =
        (header("webhook-id"), header("webhook-timestamp"), header("webhook-signature"))
    else {
        return false;
    };
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&key()) else { return false };
    mac.update(format!("{id}.{timestamp}.").as_bytes());
    mac.update(body);
    let expected = format!("v1,{}", base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes()));
    signature.split(' ').any(|s| s == expected)
}

fn signature_is_valid(req: &HttpRequest, body: &[u8]) -> bool {
    standard_signature_is_valid(req, body) && legacy_signature_is_valid(req, body)
}

fn legacy_signature_is_valid(req: &HttpRequest, body: &[u8]) -> bool {
    let Some(header) = req.headers().get("X-Latchkey-Signature").and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let mut t = None;
    let mut v1 = None;
    for part in header.split(',') {
        match part.split_once('=') {
            Some(("t", value)) => t = Some(value.to_owned()),
            Some(("v1", value)) => v1 = Some(value.to_owned()),
            _ => {}
        }
    }
    let (Some(t), Some(v1)) = (t, v1) else { return false };
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&key()) else { return false };
    mac.update(format!("{t}.").as_bytes());
    mac.update(body);
    let expected: String = mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect();
    expected == v1
}

impl Inbox {
    pub async fn start() -> Inbox {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let inbox = Inbox { url: format!("http://127.0.0.1:{port}/deliver"), ..Inbox::default() };
        let shared = inbox.clone();
        let server = HttpServer::new(move || {
            let shared = shared.clone();
            App::new().route(
                "/deliver",
                web::post().to(move |req: HttpRequest, body: web::Bytes| {
                    let shared = shared.clone();
                    async move {
                        let delay = *shared.delay.lock().unwrap();
                        if let Some(delay) = delay {
                            tokio::time::sleep(delay).await;
                        }
                        if let Some(status) = *shared.failing.lock().unwrap() {
                            let status = actix_web::http::StatusCode::from_u16(status).unwrap();
                            return HttpResponse::build(status).finish();
                        }
                        if !signature_is_valid(&req, &body) {
                            return HttpResponse::Unauthorized().finish();
                        }
                        let headers = req
                            .headers()
                            .iter()
                            .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
                            .collect();
                        shared.raw.lock().unwrap().push(Raw { headers, body: body.to_vec() });
                        let value: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                        shared.messages.lock().unwrap().push(value);
                        HttpResponse::Ok().finish()
                    }
                }),
            )
        })
        .workers(1)
        .listen(listener)
        .unwrap()
        .run();
        tokio::spawn(server);
        inbox
    }

    pub fn raw(&self) -> Vec<Raw> {
        self.raw.lock().unwrap().clone()
    }

    pub fn messages(&self) -> Vec<Value> {
        self.messages.lock().unwrap().clone()
    }

    pub fn count_to(&self, to: &str) -> usize {
        self.messages().iter().filter(|m| m["to"] == to).count()
    }

    /// Waits up to 3 s until `count` messages reached `to`; whether they did.
    pub async fn wait_for(&self, to: &str, count: usize) -> bool {
        for _ in 0..100 {
            if self.count_to(to) >= count {
                return true;
            }
            tokio::time::sleep(std::time::Duration::from_millis(30)).await;
        }
        false
    }

    /// The code of the latest message to `to`.
    pub fn last_code_to(&self, to: &str) -> String {
        let messages = self.messages();
        let last = messages.iter().rev().find(|m| m["to"] == to).unwrap_or_else(|| panic!("no message to {to}"));
        last["code"].as_str().unwrap().to_owned()
    }

    pub fn set_failing(&self, failing: bool) {
        *self.failing.lock().unwrap() = failing.then_some(500);
    }

    /// Answers each delivery only after `delay`.
    pub fn set_delay(&self, delay: std::time::Duration) {
        *self.delay.lock().unwrap() = Some(delay);
    }

    /// Answers every delivery with this status (e.g. 400: a permanent refusal).
    pub fn fail_with(&self, status: u16) {
        *self.failing.lock().unwrap() = Some(status);
    }
}
