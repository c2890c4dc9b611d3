//! Load generator for a running Latchkey: concurrent `/login` for a fixed time, printing
//! requests/s, p50/p99 latency, error counts, the server's peak RSS, the single-hash time on
//! this machine and the ratio `throughput / (cores / hash time)`.
//!
//! Usage: latchkey-bench --url http://127.0.0.1:8080 --admin-key lk_admin_… [--seconds 20]
//!        [--concurrency 16] [--users 32] [--server-pid PID] [--label sqlite]
#![allow(clippy::print_stdout)]

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use latchkey::auth::password::{HashParams, PasswordHasher};
use serde_json::{json, Value};
use tokio::sync::Mutex;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

const PASSWORD: &str = "benchmark password 1";

struct Args {
    url: String,
    admin_key: String,
    seconds: u64,
    concurrency: usize,
    users: usize,
    server_pid: Option<u32>,
    label: String,
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
        seconds: get("seconds", "20").parse()?,
        concurrency: get("concurrency", "16").parse()?,
        users: get("users", "32").parse()?,
        server_pid: map.get("server-pid").map(|p| p.parse()).transpose()?,
        label: get("label", "login"),
    })
}

fn peak_rss_mib(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Median time of one argon2id hash with the production defaults, on this machine.
fn single_hash_seconds() -> Result<f64, BoxError> {
    let hasher = PasswordHasher::new(HashParams::default())?;
    let hash = hasher.hash(PASSWORD).map_err(|e| e.to_string())?;
    let mut times: Vec<f64> = (0..15)
        .map(|_| {
            let t = Instant::now();
            let _ = hasher.verify(PASSWORD, Some(&hash));
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    Ok(times[times.len() / 2])
}

async fn setup(client: &reqwest::Client, args: &Args, tenant: &str) -> Result<Vec<String>, BoxError> {
    let admin = |path: &str, body: Value| {
        client.post(format!("{}{path}", args.url)).bearer_auth(&args.admin_key).json(&body).send()
    };
    let r = admin("/admin/tenants", json!({"slug": tenant, "name": "Benchmark"})).await?;
    if !r.status().is_success() {
        return Err(format!("creating the tenant: {}", r.text().await?).into());
    }
    let mut emails = Vec::new();
    for i in 0..args.users {
        let email = format!("user{i}@bench.example");
        let r = admin(&format!("/admin/tenants/{tenant}/users"), json!({"email": email, "password": PASSWORD})).await?;
        if !r.status().is_success() {
            return Err(format!("creating a user: {}", r.text().await?).into());
        }
        emails.push(email);
    }
    Ok(emails)
}

#[derive(Default)]
struct Tally {
    ok: u64,
    overloaded: u64,
    other: u64,
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let args = parse_args()?;
    let client = reqwest::Client::builder().pool_max_idle_per_host(args.concurrency).build()?;
    let tenant = format!("bench-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let emails = Arc::new(setup(&client, &args, &tenant).await?);
    let hash_secs = tokio::task::spawn_blocking(single_hash_seconds).await??;
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);

    let histogram = Arc::new(Mutex::new(Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..args.concurrency {
        let (client, url, tenant) = (client.clone(), args.url.clone(), tenant.clone());
        let (emails, histogram, tally) = (emails.clone(), histogram.clone(), tally.clone());
        tasks.push(tokio::spawn(async move {
            let mut i = worker;
            while Instant::now() < deadline {
                let email = &emails[i % emails.len()];
                i += args_stride(worker);
                let t = Instant::now();
                let body = json!({"tenant": tenant, "identifier": email, "password": PASSWORD});
                let status = client.post(format!("{url}/login")).json(&body).send().await.map(|r| r.status().as_u16());
                let micros = t.elapsed().as_micros() as u64;
                let mut tally = tally.lock().await;
                match status {
                    Ok(200) => {
                        tally.ok += 1;
                        let _ = histogram.lock().await.record(micros.max(1));
                    }
                    Ok(503) => tally.overloaded += 1,
                    _ => tally.other += 1,
                }
            }
        }));
    }
    for t in tasks {
        t.await?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let h = histogram.lock().await;
    let tally = tally.lock().await;
    let rps = tally.ok as f64 / elapsed;
    let limit = cores as f64 / hash_secs;
    println!("== {} /login: {} s, concurrency {}, {} users", args.label, args.seconds, args.concurrency, args.users);
    println!("successful logins/s   {rps:.1}");
    println!(
        "latency p50 / p99     {:.1} ms / {:.1} ms",
        h.value_at_quantile(0.5) as f64 / 1000.0,
        h.value_at_quantile(0.99) as f64 / 1000.0
    );
    println!("errors                {} overloaded (503), {} other", tally.overloaded, tally.other);
    match args.server_pid.and_then(peak_rss_mib) {
        Some(mib) => println!("server peak RSS       {mib:.1} MiB"),
        None => println!("server peak RSS       (pass --server-pid to read it)"),
    }
    println!("single hash           {:.1} ms (argon2id m=19456 t=2 p=1)", hash_secs * 1000.0);
    println!("limit cores/hash      {limit:.1} logins/s ({cores} cores)");
    println!("ratio                 {:.2}", rps / limit);
    Ok(())
}

/// Workers walk the user list with a stride so that concurrent requests hit different users.
fn args_stride(_worker: usize) -> usize {
    7
}
