//! A local server speaking Twilio's Messages API as Twilio does: basic auth with the account
//! SID and auth token, a form POST to `/2010-04-01/Accounts/{sid}/Messages.json`, 201 with the
//! message resource, and Twilio's error bodies (`{"code", "message", "more_info", "status"}`).
//! Only the paid vendor is replaced; Latchkey's real Twilio client runs against it.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use serde_json::json;

pub const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
pub const AUTH_TOKEN: &str = "twilio-auth-token-for-tests";

/// How the fake answers one request.
#[derive(Clone, Debug)]
pub enum Reply {
    Accept,
    /// Twilio's error body with this HTTP status and Twilio error code.
    Error(u16, i64),
    /// Answers only after this long (longer than Latchkey's timeout).
    Stall(Duration),
}

#[derive(Clone, Default)]
pub struct FakeTwilio {
    pub base_url: String,
    script: Arc<Mutex<VecDeque<Reply>>>,
    accepted: Arc<Mutex<Vec<HashMap<String, String>>>>,
    requests: Arc<Mutex<usize>>,
}

fn error_body(status: u16, code: i64) -> serde_json::Value {
    let message = match code {
        21211 => "The 'To' number is not a valid phone number.",
        20429 => "Too Many Requests",
        20003 => "Authenticate",
        _ => "Service Unavailable",
    };
    json!({"code": code, "message": message, "more_info": format!("https://www.twilio.com/docs/errors/{code}"), "status": status})
}

fn authorized(req: &HttpRequest) -> bool {
    use base64::Engine;
    let expected = base64::engine::general_purpose::STANDARD.encode(format!("{ACCOUNT_SID}:{AUTH_TOKEN}"));
    req.headers().get("authorization").and_then(|v| v.to_str().ok()) == Some(&format!("Basic {expected}"))
}

impl FakeTwilio {
    pub async fn start() -> FakeTwilio {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let fake = FakeTwilio { base_url: format!("http://127.0.0.1:{port}"), ..FakeTwilio::default() };
        let shared = fake.clone();
        let server = HttpServer::new(move || {
            let shared = shared.clone();
            App::new().route(
                "/2010-04-01/Accounts/{sid}/Messages.json",
                web::post().to(
                    move |req: HttpRequest, sid: web::Path<String>, form: web::Form<HashMap<String, String>>| {
                        let shared = shared.clone();
                        async move {
                            *shared.requests.lock().unwrap() += 1;
                            if sid.as_str() != ACCOUNT_SID || !authorized(&req) {
                                return HttpResponse::Unauthorized().json(error_body(401, 20003));
                            }
                            let reply = shared.script.lock().unwrap().pop_front().unwrap_or(Reply::Accept);
                            match reply {
                                Reply::Stall(delay) => {
                                    tokio::time::sleep(delay).await;
                                    HttpResponse::ServiceUnavailable().finish()
                                }
                                Reply::Error(status, code) => {
                                    let status = actix_web::http::StatusCode::from_u16(status).unwrap();
                                    HttpResponse::build(status).json(error_body(status.as_u16(), code))
                                }
                                Reply::Accept => {
                                    let form = form.into_inner();
                                    let resource = json!({
                                        "sid": format!("SM{:032x}", uuid::Uuid::new_v4().as_u128()),
                                        "account_sid": ACCOUNT_SID,
                                        "to": form.get("To"),
                                        "from": form.get("From"),
                                        "messaging_service_sid": form.get("MessagingServiceSid"),
                                        "body": form.get("Body"),
                                        "status": "queued",
                                        "num_segments": "1",
                                    });
                                    shared.accepted.lock().unwrap().push(form);
                                    HttpResponse::Created().json(resource)
                                }
                            }
                        }
                    },
                ),
            )
        })
        .workers(2)
        .listen(listener)
        .unwrap()
        .run();
        tokio::spawn(server);
        fake
    }

    /// The answers to the next requests, in order; then it accepts.
    pub fn script(&self, replies: &[Reply]) {
        self.script.lock().unwrap().extend(replies.iter().cloned());
    }

    /// The forms of the messages accepted.
    pub fn accepted(&self) -> Vec<HashMap<String, String>> {
        self.accepted.lock().unwrap().clone()
    }

    pub fn requests(&self) -> usize {
        *self.requests.lock().unwrap()
    }

    pub async fn wait_for_accepted(&self, count: usize) -> Vec<HashMap<String, String>> {
        for _ in 0..100 {
            if self.accepted().len() >= count {
                break;
            }
            tokio::time::sleep(Duration::from_millis(30)).await;
        }
        self.accepted()
    }
}
