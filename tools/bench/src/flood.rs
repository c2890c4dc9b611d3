//! `--mode flood`: a `/login` flood at `--concurrency` connections (256 in `tools/bench.sh`) with
//! the production argon2id parameters, far beyond what the hashing threads can do, while four
//! probes, each on its own connection and one request at a time, measure what other clients see:
//! `/healthz`, `/.well-known/jwks.json`, `/verify` (TOTP, a fresh code per request) and
//! `/token/refresh` (one rotating chain). Prints the flood's logins/s and 503s, and p50/p99/max
//! per probe.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::stream::{self, StreamExt};
use hdrhistogram::Histogram;
use serde_json::{json, Value};

use super::{enroll, login_load, now_secs, totp, Bench, BoxError, Recorder};

/// Pause between two requests of one probe.
const PROBE_INTERVAL: Duration = Duration::from_millis(25);
/// Users enrolled with TOTP for the `/verify` probe: each gives one fresh code per 30 s step.
const VERIFY_USERS: usize = 120;

struct Probe {
    name: &'static str,
    histogram: Histogram<u64>,
    failures: u64,
}

impl Probe {
    fn new(name: &'static str) -> Result<Self, BoxError> {
        Ok(Self { name, histogram: Histogram::new_with_bounds(1, 60_000_000, 3)?, failures: 0 })
    }

    fn record(&mut self, ok: bool, started: Instant) {
        if ok {
            let micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
            let _ = self.histogram.record(micros.max(1));
        } else {
            self.failures += 1;
        }
    }

    fn print(&self) {
        let ms = |q: f64| self.histogram.value_at_quantile(q) as f64 / 1000.0;
        println!(
            "probe {:<24} {:>5} requests  p50 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms  failures {}",
            self.name,
            self.histogram.len(),
            ms(0.5),
            ms(0.99),
            self.histogram.max() as f64 / 1000.0,
            self.failures
        );
    }
}

/// A client of its own per probe: its requests never wait behind the flood's connections.
fn probe_client() -> Result<reqwest::Client, BoxError> {
    Ok(reqwest::Client::builder().pool_max_idle_per_host(1).build()?)
}

async fn probe_get(
    bench: Arc<Bench>,
    name: &'static str,
    path: &'static str,
    until: Instant,
) -> Result<Probe, BoxError> {
    let client = probe_client()?;
    let mut probe = Probe::new(name)?;
    while Instant::now() < until {
        let t = Instant::now();
        let r = client.get(format!("{}{path}", bench.args.url)).send().await;
        let ok = match r {
            Ok(r) => r.status().is_success() && r.bytes().await.is_ok(),
            Err(_) => false,
        };
        probe.record(ok, t);
        tokio::time::sleep(PROBE_INTERVAL).await;
    }
    Ok(probe)
}

async fn probe_refresh(bench: Arc<Bench>, mut token: String, until: Instant) -> Result<Probe, BoxError> {
    let client = probe_client()?;
    let mut probe = Probe::new("POST /token/refresh")?;
    while Instant::now() < until {
        let t = Instant::now();
        let r = client
            .post(format!("{}/token/refresh", bench.args.url))
            .json(&json!({"refresh_token": token}))
            .send()
            .await;
        let next = match r {
            Ok(r) if r.status().is_success() => r.json::<Value>().await.ok(),
            _ => None,
        };
        let fresh = next.as_ref().and_then(|b| b["refresh_token"].as_str()).map(str::to_owned);
        probe.record(fresh.is_some(), t);
        match fresh {
            Some(fresh) => token = fresh,
            None => break, // the chain is broken: nothing more to measure
        }
        tokio::time::sleep(PROBE_INTERVAL).await;
    }
    Ok(probe)
}

async fn probe_verify(bench: Arc<Bench>, challenges: Vec<(String, String)>, until: Instant) -> Result<Probe, BoxError> {
    let client = probe_client()?;
    let mut probe = Probe::new("POST /verify (TOTP)")?;
    for (challenge, code) in challenges {
        if Instant::now() >= until {
            break;
        }
        let t = Instant::now();
        let r = client
            .post(format!("{}/verify", bench.args.url))
            .json(&json!({"challenge_id": challenge, "code": code}))
            .send()
            .await;
        let ok = matches!(&r, Ok(r) if r.status().is_success());
        if let Ok(r) = r {
            let _ = r.bytes().await;
        }
        probe.record(ok, t);
        tokio::time::sleep(PROBE_INTERVAL).await;
    }
    Ok(probe)
}

/// Users of a second tenant enrolled with TOTP, each with one challenge whose code is for the
/// next time step (fresh for everyone, valid within the ±1 step drift from then on).
async fn verify_challenges(bench: &Bench) -> Result<Vec<(String, String)>, BoxError> {
    let mut args = bench.args.clone();
    args.users = VERIFY_USERS;
    let tenant = format!("{}-totp", bench.tenant);
    let totp_bench = Bench { client: bench.client.clone(), args, tenant };
    let emails = totp_bench.create_users("required").await?;
    let secrets: Vec<Result<Vec<u8>, BoxError>> =
        stream::iter(emails.iter()).map(|e| enroll(&totp_bench, e)).buffered(8).collect().await;
    let secrets = secrets.into_iter().collect::<Result<Vec<_>, _>>()?;
    let step = now_secs() / 30 + 1;
    let mut challenges = Vec::new();
    for (email, secret) in emails.iter().zip(&secrets) {
        let login = totp_bench.login(email).await?;
        let id = login["challenge_id"].as_str().ok_or("no challenge")?.to_owned();
        challenges.push((id, totp(secret, step)));
    }
    while now_secs() / 30 < step {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Ok(challenges)
}

pub async fn flood_mode(bench: Arc<Bench>) -> Result<(), BoxError> {
    // The flood's users: no second factor, so one of them also starts the refresh chain.
    let emails = Arc::new(bench.create_users("off").await?);
    let first = bench.login(&emails[0]).await?;
    let refresh = first["refresh_token"].as_str().ok_or("no refresh token at login")?.to_owned();
    let challenges = verify_challenges(&bench).await?;
    println!("setup: {} flood users, {} TOTP challenges", emails.len(), challenges.len());

    let recorder = Recorder::new()?;
    let started = Instant::now();
    let until = started + Duration::from_secs(bench.args.seconds);
    let flood = login_load(&bench, &emails, &recorder, until);
    // The probes start once the flood is under way.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let probes = vec![
        tokio::spawn(probe_get(bench.clone(), "GET /healthz", "/healthz", until)),
        tokio::spawn(probe_get(bench.clone(), "GET /.well-known/jwks.json", "/.well-known/jwks.json", until)),
        tokio::spawn(probe_verify(bench.clone(), challenges, until)),
        tokio::spawn(probe_refresh(bench.clone(), refresh, until)),
    ];
    for task in flood {
        task.await?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let tally = recorder.tally.lock().await;
    bench.report(
        &format!("/login flood for {} s", bench.args.seconds),
        elapsed,
        &*recorder.histogram.lock().await,
        &tally,
    );
    println!("overloaded (503)/s    {:.1}", tally.overloaded as f64 / elapsed);
    for probe in probes {
        probe.await??.print();
    }
    Ok(())
}
