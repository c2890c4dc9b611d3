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

/// Runs the binary with only `vars` in its environment.
fn latchkey_with(args: &[&str], vars: &[(&str, &str)]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_latchkey"))
        .args(args)
        .env_clear()
        .envs(vars.iter().copied())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A local port nothing listens on.
fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[test]
fn openapi_prints_the_document_whatever_the_settings() {
    let (code, stdout, stderr) = latchkey_with(&["openapi"], &[("LATCHKEY_ACCESS_TOKEN_TTL_SECS", "soon")]);
    assert_eq!(code, Some(0), "{stderr}");
    let document: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(document["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
}

#[test]
fn openapi_into_a_pipe_closed_early_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_latchkey"))
        .arg("openapi")
        .env_clear()
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Like `| head -c 10`: read a little, then close (the document is larger than a pipe's buffer).
    let mut first = [0u8; 10];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.is_empty(), "nothing about a panic or a broken pipe: {stderr}");
}

#[test]
fn an_unreachable_postgresql_fails_at_once_with_one_line_naming_the_variable() {
    let port = closed_port();
    let url = format!("postgres://latchkey:hunter2@127.0.0.1:{port}/latchkey");
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let (code, _, stderr) = latchkey_with(
        &["serve"],
        &[
            ("LATCHKEY_BIND", "127.0.0.1:0"),
            ("LATCHKEY_DATA_DIR", &dir.path().display().to_string()),
            ("LATCHKEY_DATABASE_URL", &url),
        ],
    );
    assert!(started.elapsed() < Duration::from_secs(10), "took {:?}", started.elapsed());
    assert_eq!(code, Some(1));
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.starts_with(&format!(
            "latchkey: LATCHKEY_DATABASE_URL: cannot connect to PostgreSQL at 127.0.0.1:{port}: "
        )),
        "{stderr}"
    );
    assert!(stderr.contains("refused"), "the driver's reason: {stderr}");
    assert!(!stderr.contains("hunter2"), "no password: {stderr}");
}

#[test]
fn an_address_in_use_names_latchkey_bind() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = latchkey_with(
        &["serve"],
        &[("LATCHKEY_BIND", &addr), ("LATCHKEY_DATA_DIR", &dir.path().display().to_string())],
    );
    assert_eq!(code, Some(1));
    assert!(stderr.contains(&format!("latchkey: LATCHKEY_BIND: cannot listen on {addr}: ")), "{stderr}");
}

#[test]
fn wrong_log_settings_stop_start_up_naming_the_variable() {
    for (name, value) in [("LATCHKEY_LOG", "info,latchkey=loud"), ("LATCHKEY_LOG_FORMAT", "xml")] {
        let (code, _, stderr) = latchkey_with(&["migrate"], &[(name, value)]);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stderr.starts_with(&format!("latchkey: {name}: ")), "{stderr}");
    }
}

#[test]
fn json_logs_are_one_object_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _guard) = test_database(dir.path());
    let (code, _, stderr) = latchkey_with(
        &["migrate"],
        &[
            ("LATCHKEY_DATA_DIR", &dir.path().display().to_string()),
            ("LATCHKEY_DATABASE_URL", &db),
            ("LATCHKEY_LOG", "info"),
            ("LATCHKEY_LOG_FORMAT", "json"),
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("applied migrations"), "{stderr}");
    for line in stderr.lines() {
        let event: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(event["level"].is_string() && event["fields"].is_object(), "{line}");
    }
}

#[test]
fn unknown_variables_are_named_in_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _guard) = test_database(dir.path());
    let file = dir.path().join("latchkey.env");
    std::fs::write(&file, "LATCHKEY_ISSUR=https://auth.example.com\n").unwrap();
    let (code, _, stderr) = latchkey_with(
        &["migrate"],
        &[
            ("LATCHKEY_DATA_DIR", &dir.path().display().to_string()),
            ("LATCHKEY_DATABASE_URL", &db),
            ("LATCHKEY_CONFIG_FILE", &file.display().to_string()),
            ("LATCHKEY_LOG", "warn"),
            ("LATCHKEY_RATE_LIMT_PER_IP", "10"),
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("LATCHKEY_RATE_LIMT_PER_IP is not a Latchkey setting"), "{stderr}");
    assert!(stderr.contains("did you mean LATCHKEY_RATE_LIMIT_PER_IP?"), "{stderr}");
    assert!(stderr.contains("LATCHKEY_ISSUR is not a Latchkey setting"), "from the file too: {stderr}");
    assert_eq!(stderr.lines().count(), 2, "known names are not reported: {stderr}");
}

#[test]
fn help_lists_every_setting() {
    let (code, stdout, _) = latchkey_with(&["--help"], &[]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("LATCHKEY_RATE_LIMIT_PER_IP"), "{stdout}");
    for (name, _) in latchkey::config::variables::VARIABLES {
        assert!(stdout.contains(name), "{name} is missing from --help");
    }
}

#[tokio::test]
async fn healthcheck_passes_against_a_running_server_also_when_it_listens_everywhere() {
    let app = spawn_app().await;
    let port = app.address.rsplit(':').next().unwrap().to_owned();
    for bind in [format!("127.0.0.1:{port}"), format!("0.0.0.0:{port}")] {
        let (code, stdout, stderr) = latchkey_with(&["healthcheck"], &[("LATCHKEY_BIND", &bind)]);
        assert_eq!(code, Some(0), "{bind}: {stderr}");
        assert!(stdout.contains("/healthz: HTTP/1.1 200"), "{stdout}");
    }
}

#[test]
fn healthcheck_fails_with_one_line_when_nothing_answers() {
    let port = closed_port();
    let (code, _, stderr) = latchkey_with(&["healthcheck"], &[("LATCHKEY_BIND", &format!("0.0.0.0:{port}"))]);
    assert_eq!(code, Some(1));
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with(&format!("latchkey: healthcheck: http://127.0.0.1:{port}/healthz: ")), "{stderr}");
}

#[tokio::test]
async fn platform_admin_keys_are_listed_and_revoked_but_never_the_last() -> TestResult {
    let app = spawn_app().await;
    let (dir, db) = (app.dir.path(), app.database_url.as_str());
    let list = |key: &str| app.client.get(app.url("/admin/keys")).bearer_auth(key.to_owned()).send();
    let revoke = |key: &str, id: &str| {
        app.client.delete(app.url(&format!("/admin/keys/{id}"))).bearer_auth(key.to_owned()).send()
    };

    let keys: serde_json::Value = list(&app.admin_key).await?.json().await?;
    assert_eq!(keys.as_array().map(Vec::len), Some(1), "{keys}");
    let bootstrap_id = str_of(&keys[0], "id").to_owned();
    assert!(!keys.to_string().contains(&app.admin_key), "never the key itself");
    let r = revoke(&app.admin_key, &bootstrap_id).await?;
    assert_eq!(
        (r.status().as_u16(), r.json::<serde_json::Value>().await?["error"].clone()),
        (409, serde_json::json!("last_admin_key"))
    );

    // A second key, minted offline; the CLI lists both.
    let (ok, spare, _) = latchkey(dir, db, &["admin-key", "create", "--name", "spare"]);
    assert!(ok);
    let spare = spare.trim().to_owned();
    let (ok, listed, _) = latchkey(dir, db, &["admin-key", "list"]);
    assert!(ok);
    assert!(
        listed.contains(&bootstrap_id) && listed.contains("spare") && listed.matches("live").count() == 2,
        "{listed}"
    );

    // The spare revokes the bootstrap key over HTTP: it stops working at once.
    let r = revoke(&spare, &bootstrap_id).await?;
    assert_eq!(r.status(), 204);
    assert_eq!(list(&app.admin_key).await?.status(), 401);
    let keys: serde_json::Value = list(&spare).await?.json().await?;
    let bootstrap = keys.as_array().unwrap().iter().find(|k| k["id"] == bootstrap_id.as_str()).cloned();
    assert!(bootstrap.is_some_and(|k| k["revoked_at"].is_string()), "{keys}");
    let r = revoke(&spare, &bootstrap_id).await?;
    assert_eq!(r.status(), 404, "already revoked");

    // Tenant keys may not see them; the CLI refuses the last live key too.
    let tenant = serde_json::json!({"slug": "acme", "name": "Acme"});
    let r = app.client.post(app.url("/admin/tenants")).bearer_auth(&spare).json(&tenant).send().await?;
    assert_eq!(r.status(), 201);
    let r = app
        .client
        .post(app.url("/admin/tenants/acme/api-keys"))
        .bearer_auth(&spare)
        .json(&serde_json::json!({}))
        .send()
        .await?;
    let tenant_key = r.json::<serde_json::Value>().await?["secret"].as_str().unwrap_or_default().to_owned();
    assert_eq!(list(&tenant_key).await?.status(), 403);
    let spare_id =
        keys.as_array().unwrap().iter().find(|k| k["name"] == "spare").map(|k| str_of(k, "id").to_owned()).unwrap();
    let (ok, _, stderr) = latchkey(dir, db, &["admin-key", "revoke", &spare_id]);
    assert!(!ok && stderr.contains("last"), "{stderr}");
    Ok(())
}
