//! The binary's subcommands, run as a user would run them.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::*;

fn latchkey(dir: &std::path::Path, db: &str, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_latchkey"))
        .args(args)
        .env_clear()
        .env("LATCHKEY_DATA_DIR", dir)
        .env("LATCHKEY_DATABASE_URL", db)
        .env("LATCHKEY_LOG", "warn")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn migrate_mint_a_key_and_rotate_offline_then_serve_with_them() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (db, _guard) = test_database(dir.path());
    let (ok, stdout, _) = latchkey(dir.path(), &db, &["migrate"]);
    assert!(ok);
    assert!(stdout.contains("up to date"));
    let (ok, key, _) = latchkey(dir.path(), &db, &["admin-key", "create", "--name", "ops"]);
    assert!(ok);
    let key = key.trim().to_owned();
    assert!(key.starts_with("lk_admin_"));

    // First serve: the database already has an admin key (the minted one), so none is printed.
    let mut child = Command::new(env!("CARGO_BIN_EXE_latchkey"))
        .arg("serve")
        .env_clear()
        .env("LATCHKEY_BIND", "127.0.0.1:0")
        .env("LATCHKEY_DATA_DIR", dir.path())
        .env("LATCHKEY_DATABASE_URL", &db)
        .env("LATCHKEY_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(port) = line.split("port=").nth(1).and_then(|r| r.split_whitespace().next()) {
                let _ = tx.send(port.to_owned());
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    let port = loop {
        if let Ok(port) = rx.recv_timeout(Duration::from_millis(100)) {
            break port;
        }
        assert!(Instant::now() < deadline, "no port reported");
    };
    let url = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let r = client.get(format!("{url}/admin/signing-keys")).bearer_auth(&key).send().await?;
    assert_eq!(r.status(), 200);
    let before: serde_json::Value = r.json().await?;
    assert_eq!(before.as_array().map(Vec::len), Some(1));

    // An offline rotation is visible to the running server, which now signs with the new key.
    let (ok, kid, _) = latchkey(dir.path(), &db, &["signing-key", "rotate"]);
    assert!(ok);
    let after: serde_json::Value =
        client.get(format!("{url}/admin/signing-keys")).bearer_auth(&key).send().await?.json().await?;
    assert!(after.as_array().unwrap().iter().any(|k| k["kid"] == kid.trim() && k["active"] == true));
    let _ = child.kill();
    let _ = child.wait();
    let stdout = child.stdout.take().map(|mut s| {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut s, &mut text);
        text
    });
    assert!(!stdout.unwrap_or_default().contains("lk_admin_"), "no key is printed when one exists");
    Ok(())
}

#[tokio::test]
async fn the_first_start_prints_an_admin_key_once() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (db, _guard) = test_database(dir.path());
    let first = latchkey_first_lines(dir.path(), &db);
    let key = first.split_whitespace().find(|w| w.starts_with("lk_admin_")).map(str::to_owned);
    assert!(key.is_some(), "the first start prints a key: {first}");
    assert!(dir.path().join("master.key").exists(), "a development master key was generated");
    let second = latchkey_first_lines(dir.path(), &db);
    assert!(!second.contains("lk_admin_"), "the key is printed only once");
    Ok(())
}

/// Starts `serve`, waits until it reports its port, stops it, and returns what it printed.
fn latchkey_first_lines(dir: &std::path::Path, db: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_latchkey"))
        .arg("serve")
        .env_clear()
        .env("LATCHKEY_BIND", "127.0.0.1:0")
        .env("LATCHKEY_DATA_DIR", dir)
        .env("LATCHKEY_DATABASE_URL", db)
        .env("LATCHKEY_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut lines = BufReader::new(stderr).lines();
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        match lines.next() {
            Some(Ok(line)) if line.contains("Latchkey is serving") => break,
            Some(_) => {}
            None => break,
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let mut text = String::new();
    if let Some(mut out) = child.stdout.take() {
        let _ = std::io::Read::read_to_string(&mut out, &mut text);
    }
    text
}

#[tokio::test]
async fn a_bootstrap_key_the_database_does_not_know_is_reported_as_ignored() {
    let app = spawn_app().await;
    let other = format!("lk_admin_{}", "x".repeat(40));
    let sibling = app.sibling(&[("LATCHKEY_BOOTSTRAP_ADMIN_KEY", other.as_str())]).await;
    let r = sibling.client.get(sibling.url("/admin/tenants")).bearer_auth(&other).send().await.unwrap();
    assert_eq!(r.status(), 401, "not a key of this database");
    assert!(
        crate::logs::text().contains("LATCHKEY_BOOTSTRAP_ADMIN_KEY is ignored"),
        "the operator is told why the key does not work"
    );
}
