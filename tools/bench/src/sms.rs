//! `--mode sms`: the outbox path. Logins of users whose primary method is SMS (each login writes
//! the code's message to the outbox and the request sends it to a local gateway before it
//! answers), next to logins of users with an authenticator app (no message), on the same server
//! for the same time. The difference of the two is what the message costs a login; the delay from
//! the start of a login to the SMS arriving at the gateway is measured too.
//!
//! The gateway is an HTTP receiver in this process on `--gateway-port`; the server must send SMS
//! there (`LATCHKEY_DELIVERY_SMS=webhook`, `LATCHKEY_DELIVERY_WEBHOOK_URL=http://127.0.0.1:PORT/sms`).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_web::{web, App, HttpResponse, HttpServer};
use futures_util::stream::{self, StreamExt};
use hdrhistogram::Histogram;
use serde_json::{json, Value};
use tokio::sync::Mutex;

use super::{enroll, Bench, BoxError, Recorder, PASSWORD};

/// What the gateway received: the latest code and arrival time per number.
#[derive(Clone, Default)]
struct Gateway {
    latest: Arc<std::sync::Mutex<HashMap<String, (String, Instant)>>>,
}

impl Gateway {
    fn start(port: u16) -> Result<Gateway, BoxError> {
        let gateway = Gateway::default();
        let shared = gateway.clone();
        let server = HttpServer::new(move || {
            let shared = shared.clone();
            App::new().route(
                "/sms",
                web::post().to(move |body: web::Json<Value>| {
                    let shared = shared.clone();
                    async move {
                        let arrived = Instant::now();
                        if let (Some(to), Some(code)) = (body["to"].as_str(), body["code"].as_str()) {
                            if let Ok(mut latest) = shared.latest.lock() {
                                latest.insert(to.to_owned(), (code.to_owned(), arrived));
                            }
                        }
                        HttpResponse::Ok().finish()
                    }
                }),
            )
        })
        .workers(1)
        .bind(("127.0.0.1", port))?
        .run();
        tokio::spawn(server);
        Ok(gateway)
    }

    fn latest(&self, to: &str) -> Option<(String, Instant)> {
        self.latest.lock().ok()?.get(to).cloned()
    }

    /// Waits up to 5 s for a message to `to` that arrived after `since`.
    async fn wait(&self, to: &str, since: Instant) -> Option<(String, Instant)> {
        for _ in 0..500 {
            match self.latest(to) {
                Some((code, at)) if at >= since => return Some((code, at)),
                _ => tokio::time::sleep(Duration::from_millis(10)).await,
            }
        }
        None
    }
}

fn phone(i: usize) -> String {
    format!("+3584010{i:05}")
}

async fn admin(bench: &Bench, method: reqwest::Method, path: String, body: Value) -> Result<(), BoxError> {
    let url = format!("{}{path}", bench.args.url);
    let r = bench.client.request(method, url).bearer_auth(&bench.args.admin_key).json(&body).send().await?;
    if !r.status().is_success() {
        return Err(format!("{path}: {}", r.text().await?).into());
    }
    Ok(())
}

/// A tenant requiring a second factor of `kind`, with caps high enough for a benchmark, and
/// its users (with phone numbers).
async fn tenant_with_users(bench: &Bench, kind: &str) -> Result<Vec<(String, String)>, BoxError> {
    let post = reqwest::Method::POST;
    let body = json!({"slug": bench.tenant, "name": "Benchmark", "two_factor": "required"});
    admin(bench, post.clone(), "/admin/tenants".into(), body).await?;
    let limits = json!({"per_user_per_hour": 1_000_000, "per_number_per_hour": 1_000_000,
        "per_number_per_day": 1_000_000, "per_tenant_per_hour": 1_000_000});
    let patch = json!({"allowed_methods": [kind], "message_limits": limits});
    admin(bench, reqwest::Method::PATCH, format!("/admin/tenants/{}", bench.tenant), patch).await?;
    let users: Vec<(String, String)> =
        (0..bench.args.users).map(|i| (format!("{kind}{i}@bench.example"), phone(i))).collect();
    let created: Vec<Result<(), BoxError>> = stream::iter(users.iter())
        .map(|(email, phone)| {
            let body = json!({"email": email, "password": PASSWORD, "phone_number": phone});
            admin(bench, post.clone(), format!("/admin/tenants/{}/users", bench.tenant), body)
        })
        .buffer_unordered(bench.args.concurrency)
        .collect()
        .await;
    created.into_iter().collect::<Result<Vec<()>, _>>()?;
    Ok(users)
}

/// Enrolls SMS at login: the first login sends a code to the profile number; verifying it makes
/// SMS the user's primary method.
async fn enroll_sms(bench: &Bench, gateway: &Gateway, email: &str, phone: &str) -> Result<(), BoxError> {
    let since = Instant::now();
    let login = bench.login(email).await?;
    let (code, _) = gateway.wait(phone, since).await.ok_or("no enrollment SMS at the gateway")?;
    let (status, body) = bench.post("/verify", json!({"challenge_id": login["challenge_id"], "code": code})).await?;
    if status != 200 {
        return Err(format!("sms enrollment: {status} {body}").into());
    }
    Ok(())
}

/// Logs in for `--seconds`, each worker with its own users; returns the SMS delays.
async fn timed_logins(
    bench: Arc<Bench>,
    users: Arc<Vec<(String, String)>>,
    gateway: Option<Gateway>,
    recorder: Arc<Recorder>,
) -> Result<(f64, Histogram<u64>), BoxError> {
    let delays = Arc::new(Mutex::new(Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?));
    let deadline = Instant::now() + Duration::from_secs(bench.args.seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    let workers = bench.args.concurrency.min(users.len());
    for worker in 0..workers {
        let (bench, users, gateway, recorder, delays) =
            (bench.clone(), users.clone(), gateway.clone(), recorder.clone(), delays.clone());
        tasks.push(tokio::spawn(async move {
            let mut i = worker;
            while Instant::now() < deadline {
                let (email, phone) = &users[i % users.len()];
                i += workers;
                let t = Instant::now();
                let body = json!({"tenant": bench.tenant, "identifier": email, "password": PASSWORD});
                let response = bench.client.post(format!("{}/login", bench.args.url)).json(&body).send().await;
                let status = match response {
                    Ok(r) => {
                        let status = r.status().as_u16();
                        let body: Value = r.json().await.unwrap_or(Value::Null);
                        let expected = body["status"] == "second_factor_required"
                            && (gateway.is_none() || body["code_sent"] == true);
                        Some(if expected { status } else { 500 })
                    }
                    Err(_) => None,
                };
                recorder.record(status, t).await;
                if let (Some(gateway), Some(200)) = (&gateway, status) {
                    if let Some((_, arrived)) = gateway.wait(phone, t).await {
                        let micros = u64::try_from(arrived.duration_since(t).as_micros()).unwrap_or(u64::MAX);
                        let _ = delays.lock().await.record(micros.max(1));
                    }
                }
            }
        }));
    }
    for t in tasks {
        t.await?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let delays = delays.lock().await.clone();
    Ok((elapsed, delays))
}

pub async fn sms_mode(bench: Arc<Bench>, gateway_port: u16) -> Result<(), BoxError> {
    let gateway = Gateway::start(gateway_port)?;
    let setup = Instant::now();
    let totp_bench = Arc::new(Bench {
        client: bench.client.clone(),
        args: bench.args.clone(),
        tenant: format!("{}-app", bench.tenant),
    });
    let totp_users = tenant_with_users(&totp_bench, "totp").await?;
    let enrolled: Vec<Result<Vec<u8>, BoxError>> = stream::iter(totp_users.iter())
        .map(|(email, _)| enroll(&totp_bench, email))
        .buffer_unordered(bench.args.concurrency)
        .collect()
        .await;
    enrolled.into_iter().collect::<Result<Vec<_>, _>>()?;
    let sms_users = tenant_with_users(&bench, "sms").await?;
    let enrolled: Vec<Result<(), BoxError>> = stream::iter(sms_users.iter())
        .map(|(email, phone)| enroll_sms(&bench, &gateway, email, phone))
        .buffer_unordered(bench.args.concurrency)
        .collect()
        .await;
    enrolled.into_iter().collect::<Result<Vec<()>, _>>()?;
    println!(
        "setup: {} + {} users enrolled in {:.1} s",
        totp_users.len(),
        sms_users.len(),
        setup.elapsed().as_secs_f64()
    );

    let app_recorder = Recorder::new()?;
    let (elapsed, _) = timed_logins(totp_bench.clone(), Arc::new(totp_users), None, app_recorder.clone()).await?;
    let app_p50 = app_recorder.histogram.lock().await.value_at_quantile(0.5);
    totp_bench.report(
        "/login, authenticator-app primary (no message)",
        elapsed,
        &*app_recorder.histogram.lock().await,
        &*app_recorder.tally.lock().await,
    );

    let sms_recorder = Recorder::new()?;
    let (elapsed, delays) =
        timed_logins(bench.clone(), Arc::new(sms_users), Some(gateway), sms_recorder.clone()).await?;
    let sms_p50 = sms_recorder.histogram.lock().await.value_at_quantile(0.5);
    bench.report(
        "/login, SMS primary (outbox + send)",
        elapsed,
        &*sms_recorder.histogram.lock().await,
        &*sms_recorder.tally.lock().await,
    );
    let ms = |micros: u64| micros as f64 / 1000.0;
    println!(
        "login start → SMS at gateway p50 / p99  {:.2} ms / {:.2} ms ({} messages)",
        ms(delays.value_at_quantile(0.5)),
        ms(delays.value_at_quantile(0.99)),
        delays.len()
    );
    println!("the message adds (p50 SMS − p50 app)   {:.2} ms per login", ms(sms_p50) - ms(app_p50));
    Ok(())
}
