//! Load generator for a running Latchkey. Four modes:
//!
//! - `--mode login` (default): concurrent `/login` for a fixed time. Prints requests/s, p50/p99,
//!   errors, the server's peak RSS, the time of one argon2id hash on this machine and the ratio
//!   `throughput / (cores / hash time)`.
//! - `--mode verify`: TOTP second factors for many distinct users (so replay protection is
//!   honoured): sets up users enrolled with an authenticator app, opens two challenges per user,
//!   then sends every `/verify` concurrently and prints requests/s, p50/p99, errors and peak RSS.
//!
//! - `--mode sms`: the outbox path (see `sms.rs`): logins with an SMS primary method
//!   against a local gateway on `--gateway-port`, next to logins with an authenticator app.
//! - `--mode flood`: a `/login` flood with probes of `/healthz`, the JWKS, `/verify` and
//!   `/token/refresh` measuring what other clients see meanwhile (see `flood.rs`).
//!
//! Usage: latchkey-bench --url http://127.0.0.1:8080 --admin-key lk_admin_… [--mode login|verify|sms|flood]
//!        [--seconds 20] [--concurrency 16] [--users 32] [--server-pid PID] [--label sqlite]
#![allow(clippy::print_stdout)]

mod flood;
mod sms;

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::stream::{self, StreamExt};
use hdrhistogram::Histogram;
use latchkey::auth::password::{HashParams, PasswordHasher};
use latchkey::auth::totp::{code_at, TotpParams};
use serde_json::{json, Value};
use tokio::sync::Mutex;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

const PASSWORD: &str = "benchmark password 1";

#[derive(Clone)]
struct Args {
    url: String,
    admin_key: String,
    mode: String,
    seconds: u64,
    concurrency: usize,
    users: usize,
    server_pid: Option<u32>,
    label: String,
    gateway_port: u16,
}

fn parse_args() -> Result<Args, BoxError> {
    let mut map: HashMap<String, String> = HashMap::new();
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        map.insert(flag.trim_start_matches("--").to_owned(), value);
    }
    let get = |k: &str, d: &str| map.get(k).cloned().unwrap_or_else(|| d.to_owned());
    Ok(Args {
        url: get("url", "http://127.0.0.1:8080"),
        admin_key: map.get("admin-key").cloned().ok_or("--admin-key is required")?,
        mode: get("mode", "login"),
        seconds: get("seconds", "20").parse()?,
        concurrency: get("concurrency", "16").parse()?,
        users: get("users", "32").parse()?,
        server_pid: map.get("server-pid").map(|p| p.parse()).transpose()?,
        label: get("label", "bench"),
        gateway_port: get("gateway-port", "18090").parse()?,
    })
}

fn peak_rss_mib(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Time of one argon2id hash with the production defaults, on this machine.
fn single_hash_seconds() -> Result<f64, BoxError> {
    let hasher = PasswordHasher::new(HashParams::default())?;
    let hash = hasher.hash(PASSWORD).map_err(|e| e.to_string())?;
    // Warm up first (the allocator then reuses the 19 MiB block, as the server's hashing
    // threads do), then take the fastest run: the most demanding limit to compare with.
    let times: Vec<f64> = (0..25)
        .map(|_| {
            let t = Instant::now();
            let _ = hasher.verify(PASSWORD, Some(&hash));
            t.elapsed().as_secs_f64()
        })
        .skip(5)
        .collect();
    Ok(times.into_iter().fold(f64::INFINITY, f64::min))
}

/// Hashes per second when every core hashes at once (memory bandwidth is shared): what the
/// machine can do at best, with no HTTP or database work at all.
fn parallel_hash_capacity(cores: usize) -> Result<f64, BoxError> {
    let hasher = PasswordHasher::new(HashParams::default())?;
    let hash = hasher.hash(PASSWORD).map_err(|e| e.to_string())?;
    let deadline = Instant::now() + Duration::from_secs(3);
    let started = Instant::now();
    let counts: Vec<u64> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..cores)
            .map(|_| {
                s.spawn(|| {
                    let mut n = 0u64;
                    while Instant::now() < deadline {
                        let _ = hasher.verify(PASSWORD, Some(&hash));
                        n += 1;
                    }
                    n
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).collect()
    });
    Ok(counts.iter().sum::<u64>() as f64 / started.elapsed().as_secs_f64())
}

struct Bench {
    client: reqwest::Client,
    args: Args,
    tenant: String,
}

impl Bench {
    async fn post(&self, path: &str, body: Value) -> Result<(u16, Value), BoxError> {
        let r = self.client.post(format!("{}{path}", self.args.url)).json(&body).send().await?;
        let status = r.status().as_u16();
        Ok((status, r.json().await.unwrap_or(Value::Null)))
    }

    /// `latchkey_db_statements_total` from the server's `/metrics` (every SQL statement it sent).
    async fn statements(&self) -> Option<f64> {
        let r = self.client.get(format!("{}/metrics", self.args.url)).bearer_auth(&self.args.admin_key).send().await;
        let text = r.ok()?.text().await.ok()?;
        text.lines().find_map(|l| l.strip_prefix("latchkey_db_statements_total ")).and_then(|v| v.trim().parse().ok())
    }

    async fn admin(&self, path: String, body: Value) -> Result<(), BoxError> {
        let r = self
            .client
            .post(format!("{}{path}", self.args.url))
            .bearer_auth(&self.args.admin_key)
            .json(&body)
            .send()
            .await?;
        if !r.status().is_success() {
            return Err(format!("{path}: {}", r.text().await?).into());
        }
        Ok(())
    }

    async fn create_users(&self, two_factor: &str) -> Result<Vec<String>, BoxError> {
        self.admin(
            "/admin/tenants".into(),
            json!({"slug": self.tenant, "name": "Benchmark", "two_factor": two_factor}),
        )
        .await?;
        let emails: Vec<String> = (0..self.args.users).map(|i| format!("user{i}@bench.example")).collect();
        let results: Vec<Result<(), BoxError>> = stream::iter(emails.iter())
            .map(|email| {
                self.admin(
                    format!("/admin/tenants/{}/users", self.tenant),
                    json!({"email": email, "password": PASSWORD}),
                )
            })
            .buffer_unordered(self.args.concurrency)
            .collect()
            .await;
        results.into_iter().collect::<Result<Vec<()>, _>>()?;
        Ok(emails)
    }

    async fn login(&self, email: &str) -> Result<Value, BoxError> {
        let (status, body) =
            self.post("/login", json!({"tenant": self.tenant, "identifier": email, "password": PASSWORD})).await?;
        if status != 200 {
            return Err(format!("login: {status} {body}").into());
        }
        Ok(body)
    }

    fn report(&self, what: &str, elapsed: f64, h: &Histogram<u64>, tally: &Tally) {
        println!("== {} {what}: concurrency {}, {} users", self.args.label, self.args.concurrency, self.args.users);
        println!("successful requests/s {:.1}", tally.ok as f64 / elapsed);
        println!(
            "latency p50 / p99     {:.2} ms / {:.2} ms",
            h.value_at_quantile(0.5) as f64 / 1000.0,
            h.value_at_quantile(0.99) as f64 / 1000.0
        );
        println!("errors                {} overloaded (503), {} other", tally.overloaded, tally.other);
        match self.args.server_pid.and_then(peak_rss_mib) {
            Some(mib) => println!("server peak RSS       {mib:.1} MiB"),
            None => println!("server peak RSS       (pass --server-pid to read it)"),
        }
    }
}

#[derive(Default)]
struct Tally {
    ok: u64,
    overloaded: u64,
    other: u64,
}

struct Recorder {
    histogram: Mutex<Histogram<u64>>,
    tally: Mutex<Tally>,
}

impl Recorder {
    fn new() -> Result<Arc<Self>, BoxError> {
        Ok(Arc::new(Self {
            histogram: Mutex::new(Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?),
            tally: Mutex::new(Tally::default()),
        }))
    }

    async fn record(&self, status: Option<u16>, started: Instant) {
        let micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
        let mut tally = self.tally.lock().await;
        match status {
            Some(200) => {
                tally.ok += 1;
                let _ = self.histogram.lock().await.record(micros.max(1));
            }
            Some(503) => tally.overloaded += 1,
            _ => tally.other += 1,
        }
    }
}

/// `--concurrency` tasks sending `/login` for the users in turn until `until`.
fn login_load(
    bench: &Arc<Bench>,
    emails: &Arc<Vec<String>>,
    recorder: &Arc<Recorder>,
    until: Instant,
) -> Vec<tokio::task::JoinHandle<()>> {
    (0..bench.args.concurrency)
        .map(|worker| {
            let (bench, emails, recorder) = (bench.clone(), emails.clone(), recorder.clone());
            tokio::spawn(async move {
                let mut i = worker;
                while Instant::now() < until {
                    let email = &emails[i % emails.len()];
                    i += 7;
                    let t = Instant::now();
                    let body = json!({"tenant": bench.tenant, "identifier": email, "password": PASSWORD});
                    let status = bench.client.post(format!("{}/login", bench.args.url)).json(&body).send().await;
                    recorder.record(status.ok().map(|r| r.status().as_u16()), t).await;
                }
            })
        })
        .collect()
}

async fn login_mode(bench: Arc<Bench>) -> Result<(), BoxError> {
    let emails = Arc::new(bench.create_users("off").await?);
    let hash_secs = tokio::task::spawn_blocking(single_hash_seconds).await??;
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let parallel = tokio::task::spawn_blocking(move || parallel_hash_capacity(cores)).await??;
    let recorder = Recorder::new()?;
    let deadline = Instant::now() + Duration::from_secs(bench.args.seconds);
    let started = Instant::now();
    let tasks = login_load(&bench, &emails, &recorder, deadline);
    for t in tasks {
        t.await?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let tally = recorder.tally.lock().await;
    bench.report(&format!("/login for {} s", bench.args.seconds), elapsed, &*recorder.histogram.lock().await, &tally);
    let limit = cores as f64 / hash_secs;
    println!("single hash           {:.1} ms (argon2id m=19456 t=2 p=1)", hash_secs * 1000.0);
    println!("limit cores/hash      {limit:.1} logins/s ({cores} cores)");
    println!("ratio                 {:.2}", tally.ok as f64 / elapsed / limit);
    println!(
        "all cores hashing     {parallel:.1} hashes/s (nothing else running; ratio to it {:.2})",
        tally.ok as f64 / elapsed / parallel
    );
    Ok(())
}

fn now_secs() -> i64 {
    chrono::Utc::now().timestamp()
}

fn totp(secret: &[u8], step: i64) -> String {
    code_at(secret, TotpParams::default(), (step * 30).unsigned_abs())
}

/// Enrolls one user with TOTP at login and returns the raw secret.
async fn enroll(bench: &Bench, email: &str) -> Result<Vec<u8>, BoxError> {
    let login = bench.login(email).await?;
    let id = login["challenge_id"].as_str().ok_or("no challenge")?.to_owned();
    let (_, enrollment) = bench.post(&format!("/challenges/{id}/enroll"), json!({"kind": "totp"})).await?;
    let encoded = enrollment["totp"]["secret"].as_str().ok_or("no secret")?.to_owned();
    let secret = totp_rs::Secret::Encoded(encoded).to_bytes().map_err(|e| format!("{e:?}"))?;
    let (status, body) =
        bench.post("/verify", json!({"challenge_id": id, "code": totp(&secret, now_secs() / 30)})).await?;
    if status != 200 {
        return Err(format!("enrollment verify: {status} {body}").into());
    }
    Ok(secret)
}

async fn verify_mode(bench: Arc<Bench>) -> Result<(), BoxError> {
    let setup = Instant::now();
    let emails = bench.create_users("required").await?;
    let secrets: Vec<Result<Vec<u8>, BoxError>> =
        stream::iter(emails.iter()).map(|e| enroll(&bench, e)).buffered(bench.args.concurrency).collect().await;
    let secrets = secrets.into_iter().collect::<Result<Vec<_>, _>>()?;
    // Every enrollment used a step at or before now; codes of later steps are fresh for everyone.
    let step = now_secs() / 30 + 1;
    let challenges: Vec<Result<(String, String), BoxError>> = stream::iter(0..emails.len() * 2)
        .map(|i| {
            let bench = bench.clone();
            let (user, round) = (i % emails.len(), i / emails.len());
            let code = totp(&secrets[user], step + i64::try_from(round).unwrap_or(0));
            let email = emails[user].clone();
            async move {
                let login = bench.login(&email).await?;
                Ok((login["challenge_id"].as_str().ok_or("no challenge")?.to_owned(), code))
            }
        })
        .buffered(bench.args.concurrency)
        .collect()
        .await;
    // Each user's earlier step comes first; a later one consumed first would make it a replay.
    let queue: VecDeque<(String, String)> = challenges.into_iter().collect::<Result<_, _>>()?;
    println!(
        "setup: {} users enrolled, {} challenges opened in {:.1} s",
        emails.len(),
        queue.len(),
        setup.elapsed().as_secs_f64()
    );
    // From `step` on, both rounds' codes (`step` and `step + 1`) are within ±1 step of drift.
    while now_secs() / 30 < step {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    println!("measuring");
    let queue = Arc::new(Mutex::new(queue));
    let recorder = Recorder::new()?;
    let statements_before = bench.statements().await;
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..bench.args.concurrency {
        let (bench, queue, recorder) = (bench.clone(), queue.clone(), recorder.clone());
        tasks.push(tokio::spawn(async move {
            loop {
                let Some((challenge, code)) = queue.lock().await.pop_front() else { break };
                let t = Instant::now();
                let body = json!({"challenge_id": challenge, "code": code});
                let status = bench.client.post(format!("{}/verify", bench.args.url)).json(&body).send().await;
                recorder.record(status.ok().map(|r| r.status().as_u16()), t).await;
            }
        }));
    }
    for t in tasks {
        t.await?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let statements_after = bench.statements().await;
    let tally = recorder.tally.lock().await;
    let sent = tally.ok + tally.other + tally.overloaded;
    bench.report(&format!("/verify (TOTP) x {sent}"), elapsed, &*recorder.histogram.lock().await, &tally);
    match (statements_before, statements_after) {
        (Some(before), Some(after)) if sent > 0 => {
            println!("SQL statements/verify {:.1} (latchkey_db_statements_total)", (after - before) / sent as f64)
        }
        _ => println!("SQL statements/verify (not available: the server has no latchkey_db_statements_total)"),
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let args = parse_args()?;
    let client = reqwest::Client::builder().pool_max_idle_per_host(args.concurrency).build()?;
    let tenant = format!("bench-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let mode = args.mode.clone();
    let bench = Arc::new(Bench { client, args, tenant });
    match mode.as_str() {
        "login" => login_mode(bench).await,
        "verify" => verify_mode(bench).await,
        "flood" => flood::flood_mode(bench).await,
        "sms" => {
            let port = bench.args.gateway_port;
            sms::sms_mode(bench, port).await
        }
        other => Err(format!("unknown --mode {other}: use login, verify, sms or flood").into()),
    }
}
