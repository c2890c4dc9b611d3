//! The real server on port 0 with its own database: a temporary SQLite file, or a fresh
//! PostgreSQL database when LATCHKEY_TEST_DATABASE_URL is set.

use std::collections::HashMap;
use std::sync::Arc;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use diesel::{Connection, PgConnection, RunQueryDsl};
use latchkey::clock::{Clock, ManualClock};
use latchkey::config::Settings;
use latchkey::startup::Application;
use rand::RngCore;
use serde_json::{json, Value};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

pub const PASSWORD: &str = "correct horse battery";

pub struct TestApp {
    pub address: String,
    pub inbox: crate::inbox::Inbox,
    pub client: reqwest::Client,
    pub clock: ManualClock,
    pub admin_key: String,
    pub master_key: String,
    pub dir: tempfile::TempDir,
    pub database_url: String,
    server: RunningServer,
    _pg: Option<PgDatabase>,
}

/// The server runs on its own thread and actix system, so that it can be stopped (and its
/// database pool closed) when the test ends, before the test database is dropped.
struct RunningServer {
    handle: actix_web::dev::ServerHandle,
    stopped: std::sync::mpsc::Receiver<()>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Sending the command is synchronous; the server's own thread carries it out.
        drop(self.server.handle.stop(false));
        let _ = self.server.stopped.recv_timeout(std::time::Duration::from_secs(10));
    }
}

/// A PostgreSQL database made for one test and dropped after it.
pub struct PgDatabase {
    admin_url: String,
    name: String,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        if let Ok(mut conn) = PgConnection::establish(&self.admin_url) {
            let _ =
                diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.name)).execute(&mut conn);
        }
    }
}

fn random_token(len: usize) -> String {
    let mut bytes = vec![0u8; len];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A database URL for one test, and the guard that drops a PostgreSQL database afterwards.
pub fn test_database(dir: &std::path::Path) -> (String, Option<PgDatabase>) {
    match std::env::var("LATCHKEY_TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) {
        Some(base) => {
            let name = format!("latchkey_test_{}", uuid::Uuid::new_v4().simple());
            let mut conn = PgConnection::establish(&base)
                .unwrap_or_else(|e| panic!("LATCHKEY_TEST_DATABASE_URL is set but PostgreSQL is unreachable: {e}"));
            diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
                .execute(&mut conn)
                .unwrap_or_else(|e| panic!("cannot create the test database: {e}"));
            let (prefix, _) = base.rsplit_once('/').unwrap_or((&base, ""));
            // Local test server: no TLS, so libpq never touches OpenSSL (whose exit-time cleanup
            // races with connections still open on other threads).
            let url = format!("{prefix}/{name}?sslmode=disable&gssencmode=disable");
            (url, Some(PgDatabase { admin_url: base, name }))
        }
        None => (format!("sqlite://{}", dir.join("latchkey.db").display()), None),
    }
}

pub fn is_postgres() -> bool {
    std::env::var("LATCHKEY_TEST_DATABASE_URL").is_ok_and(|u| !u.is_empty())
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// Starts the app; `overrides` are LATCHKEY_* settings on top of the test defaults.
pub async fn spawn_app_with(overrides: &[(&str, &str)]) -> TestApp {
    crate::logs::capture();
    let inbox = crate::inbox::Inbox::start().await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let (database_url, pg) = test_database(dir.path());
    let admin_key = format!("lk_admin_{}", random_token(32));
    let mut master = [0u8; 32];
    rand::rng().fill_bytes(&mut master);
    let master_key = STANDARD.encode(master);
    let mut vars: HashMap<String, String> = [
        ("LATCHKEY_BIND", "127.0.0.1:0".to_owned()),
        ("LATCHKEY_DATA_DIR", dir.path().display().to_string()),
        ("LATCHKEY_DATABASE_URL", database_url.clone()),
        ("LATCHKEY_MASTER_KEY", master_key.clone()),
        ("LATCHKEY_BOOTSTRAP_ADMIN_KEY", admin_key.clone()),
        ("LATCHKEY_ISSUER", "https://latchkey.test".to_owned()),
        // Light hashing keeps the suite fast; production parameters are exercised by the benchmark.
        ("LATCHKEY_ARGON2_MEMORY_KIB", "1024".to_owned()),
        ("LATCHKEY_ARGON2_ITERATIONS", "1".to_owned()),
        ("LATCHKEY_WORKERS", "2".to_owned()),
        ("LATCHKEY_OUTBOX_POLL_MS", "50".to_owned()),
        ("LATCHKEY_DB_POOL_SIZE", "8".to_owned()),
        // Tests send bursts from one address at one account; tests/api/rate_limits.rs turns them on.
        ("LATCHKEY_RATE_LIMIT_PER_IP", "0".to_owned()),
        ("LATCHKEY_RATE_LIMIT_PER_ACCOUNT", "0".to_owned()),
        ("LATCHKEY_DELIVERY", "webhook".to_owned()),
        ("LATCHKEY_DELIVERY_WEBHOOK_URL", inbox.url.clone()),
        ("LATCHKEY_DELIVERY_WEBHOOK_SECRET", crate::inbox::WEBHOOK_SECRET.to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    for (k, v) in overrides {
        vars.insert((*k).to_owned(), (*v).to_owned());
    }
    let master_key = vars.get("LATCHKEY_MASTER_KEY").cloned().unwrap_or_default();
    let admin_key = vars.get("LATCHKEY_BOOTSTRAP_ADMIN_KEY").cloned().unwrap_or_default();
    let settings = Settings::from_map(&vars).unwrap_or_else(|e| panic!("settings: {e}"));
    let clock = ManualClock::starting_now();
    let (started_tx, started_rx) = std::sync::mpsc::channel();
    let (stopped_tx, stopped) = std::sync::mpsc::channel();
    let server_clock = clock.clone();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            match Application::build_with_clock(settings, Arc::new(server_clock)) {
                Ok(app) => {
                    let _ = started_tx.send(Ok((app.port(), app.handle())));
                    let _ = app.run_until_stopped().await;
                }
                Err(e) => {
                    let _ = started_tx.send(Err(e.to_string()));
                }
            }
        });
        let _ = stopped_tx.send(());
    });
    let (port, handle) = tokio::task::spawn_blocking(move || started_rx.recv())
        .await
        .unwrap_or_else(|e| panic!("join: {e}"))
        .unwrap_or_else(|e| panic!("server thread: {e}"))
        .unwrap_or_else(|e| panic!("build: {e}"));
    let address = format!("http://127.0.0.1:{port}");
    let server = RunningServer { handle, stopped };
    TestApp {
        address,
        inbox,
        client: reqwest::Client::new(),
        clock,
        admin_key,
        master_key,
        dir,
        database_url,
        server,
        _pg: pg,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn admin_post(&self, path: &str, body: Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .bearer_auth(&self.admin_key)
            .json(&body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Any admin request with a JSON body (PATCH, PUT, DELETE, …).
    pub async fn admin_send(&self, method: reqwest::Method, path: &str, body: Value) -> reqwest::Response {
        self.client
            .request(method, self.url(path))
            .bearer_auth(&self.admin_key)
            .json(&body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn admin_get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).bearer_auth(&self.admin_key).send().await.unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn post_json(&self, path: &str, body: Value) -> reqwest::Response {
        self.client.post(self.url(path)).json(&body).send().await.unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn get_with_token(&self, path: &str, token: &str) -> reqwest::Response {
        self.client.get(self.url(path)).bearer_auth(token).send().await.unwrap_or_else(|e| panic!("{e}"))
    }

    /// A second server on the same database and master key (another instance of the service).
    pub async fn sibling(&self, overrides: &[(&str, &str)]) -> TestApp {
        let mut all = vec![
            ("LATCHKEY_DATABASE_URL", self.database_url.as_str()),
            ("LATCHKEY_BOOTSTRAP_ADMIN_KEY", self.admin_key.as_str()),
            ("LATCHKEY_MASTER_KEY", self.master_key.as_str()),
        ];
        all.extend_from_slice(overrides);
        spawn_app_with(&all).await
    }

    /// Creates a tenant and returns its slug.
    pub async fn tenant(&self, slug: &str) -> String {
        let r = self.admin_post("/admin/tenants", json!({"slug": slug, "name": format!("{slug} Clinic")})).await;
        assert_eq!(r.status(), 201, "creating tenant {slug}");
        slug.to_owned()
    }

    /// Creates a user and returns its JSON.
    pub async fn user(&self, tenant: &str, email: &str) -> Value {
        let r = self
            .admin_post(&format!("/admin/tenants/{tenant}/users"), json!({"email": email, "password": PASSWORD}))
            .await;
        assert_eq!(r.status(), 201, "creating user {email}");
        r.json().await.unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn login(&self, tenant: &str, email: &str, password: &str) -> reqwest::Response {
        self.post_json("/login", json!({"tenant": tenant, "identifier": email, "password": password})).await
    }

    /// Logs in and returns the `authenticated` body.
    pub async fn logged_in(&self, tenant: &str, email: &str) -> Value {
        let r = self.login(tenant, email, PASSWORD).await;
        assert_eq!(r.status(), 200);
        r.json().await.unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn tenant_key(&self, tenant: &str) -> String {
        let body = json!({"name": "backend", "scopes": ["introspect", "admin"]});
        let r = self.admin_post(&format!("/admin/tenants/{tenant}/api-keys"), body).await;
        assert_eq!(r.status(), 201);
        let body: Value = r.json().await.unwrap_or_else(|e| panic!("{e}"));
        body["secret"].as_str().unwrap_or_default().to_owned()
    }
}

pub fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("{key} missing in {v}"))
}

/// Decodes a JWT part without verifying it.
pub fn jwt_part(token: &str, index: usize) -> Value {
    let part = token.split('.').nth(index).unwrap_or_default();
    let bytes = URL_SAFE_NO_PAD.decode(part).unwrap_or_default();
    serde_json::from_slice(&bytes).unwrap_or(Value::Null)
}

impl TestApp {
    pub async fn patch_tenant(&self, tenant: &str, body: Value) -> Value {
        let r = self
            .client
            .patch(self.url(&format!("/admin/tenants/{tenant}")))
            .bearer_auth(&self.admin_key)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "patching tenant {tenant}");
        r.json().await.unwrap()
    }

    /// A tenant with the given two_factor mode.
    pub async fn tenant_with_2fa(&self, slug: &str, mode: &str) -> String {
        let r = self
            .admin_post("/admin/tenants", json!({"slug": slug, "name": format!("{slug} Clinic"), "two_factor": mode}))
            .await;
        assert_eq!(r.status(), 201);
        slug.to_owned()
    }

    /// A user with a phone number on the profile.
    pub async fn user_with_phone(&self, tenant: &str, email: &str, phone: &str) -> Value {
        let r = self
            .admin_post(
                &format!("/admin/tenants/{tenant}/users"),
                json!({"email": email, "password": PASSWORD, "phone_number": phone}),
            )
            .await;
        assert_eq!(r.status(), 201);
        r.json().await.unwrap()
    }

    pub async fn post_bearer(&self, path: &str, token: &str, body: Value) -> reqwest::Response {
        self.client.post(self.url(path)).bearer_auth(token).json(&body).send().await.unwrap()
    }

    pub async fn verify(&self, challenge_id: &Value, code: &str) -> reqwest::Response {
        self.post_json("/verify", json!({"challenge_id": challenge_id, "code": code})).await
    }

    /// The current TOTP code for a base32 secret, at the server's clock.
    pub fn totp_now(&self, secret_base32: &str) -> String {
        self.totp_at(secret_base32, self.clock.now().secs())
    }

    pub fn totp_at(&self, secret_base32: &str, unix: i64) -> String {
        let secret = totp_rs::Secret::Encoded(secret_base32.to_owned()).to_bytes().unwrap();
        latchkey::auth::totp::code_at(&secret, latchkey::auth::totp::TotpParams::default(), unix as u64)
    }

    /// Logs in under `required`, enrolls TOTP at the login challenge and verifies it.
    /// Returns (the authenticated body, the base32 secret).
    pub async fn enrolled_with_totp(&self, tenant: &str, email: &str) -> (Value, String) {
        let r = self.login(tenant, email, PASSWORD).await;
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["status"], "enrollment_required", "{body}");
        let id = body["challenge_id"].clone();
        let r = self.post_json(&format!("/challenges/{}/enroll", id.as_str().unwrap()), json!({"kind": "totp"})).await;
        assert_eq!(r.status(), 200);
        let enrollment: Value = r.json().await.unwrap();
        let secret = enrollment["totp"]["secret"].as_str().unwrap().to_owned();
        let r = self.verify(&id, &self.totp_now(&secret)).await;
        assert_eq!(r.status(), 200);
        (r.json().await.unwrap(), secret)
    }

    /// Logs in with the authenticator at the next time step asking to remember the device;
    /// returns the device token.
    pub async fn remembered_device(&self, tenant: &str, email: &str, secret: &str) -> String {
        self.next_totp_step();
        let login: Value = self.login(tenant, email, PASSWORD).await.json().await.unwrap();
        let body =
            json!({"challenge_id": login["challenge_id"], "code": self.totp_now(secret), "remember_device": true});
        let done: Value = self.post_json("/verify", body).await.json().await.unwrap();
        str_of(&done, "device_token").to_owned()
    }

    /// Moves the server clock to the start of the next TOTP step, so a new code is accepted.
    pub fn next_totp_step(&self) {
        let now = self.clock.now().secs();
        self.clock.set(now - now % 30 + 30);
    }

    /// Rows of the audit table for a user, as (event, outcome).
    pub fn audit_of(&self, user_id: &str) -> Vec<(String, String)> {
        let user_id = latchkey::domain::UserId::parse(user_id).unwrap();
        let target = latchkey::store::DatabaseTarget::parse(&self.database_url).unwrap();
        let db = latchkey::store::Db::connect(&target, 1).unwrap();
        let mut conn = db.get().unwrap();
        latchkey::store::audit::list_for_user(&mut conn, &user_id)
            .unwrap()
            .into_iter()
            .map(|e| (e.event.as_str().to_owned(), e.outcome.as_str().to_owned()))
            .collect()
    }

    /// The tenant's outbox messages of `status`, once there are `count` of them (the outcome of a
    /// request's own send is recorded just after it answers); waits up to 3 s.
    pub async fn outbox_with(&self, tenant: &str, status: &str, count: usize) -> Vec<Value> {
        let path = format!("/admin/tenants/{tenant}/outbox?status={status}");
        let mut listed = Vec::new();
        for _ in 0..100 {
            let body: Value = self.admin_get(&path).await.json().await.unwrap();
            listed = body.as_array().cloned().unwrap_or_default();
            if listed.len() >= count {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(30)).await;
        }
        listed
    }

    /// The event names of a tenant's audit trail, read from the database.
    pub fn audit_of_tenant(&self, slug: &str) -> Vec<String> {
        let target = latchkey::store::DatabaseTarget::parse(&self.database_url).unwrap();
        let db = latchkey::store::Db::connect(&target, 1).unwrap();
        let mut conn = db.get().unwrap();
        let slug = latchkey::domain::Slug::parse(slug).unwrap();
        let tenant = latchkey::store::tenants::find_by_slug(&mut conn, &slug).unwrap().unwrap();
        latchkey::store::audit::list_for_tenant(&mut conn, &tenant.id)
            .unwrap()
            .into_iter()
            .map(|e| e.event.as_str().to_owned())
            .collect()
    }
}

/// The status and JSON body of a response.
pub async fn status_body(r: reqwest::Response) -> (u16, Value) {
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// An error body without its `request_id` (which differs on every request), for comparing
/// answers that must be the same.
pub async fn error_body(r: reqwest::Response) -> Value {
    let mut body: Value = r.json().await.unwrap_or(Value::Null);
    if let Some(fields) = body.as_object_mut() {
        assert!(fields.remove("request_id").is_some(), "error bodies carry the request id");
    }
    body
}
