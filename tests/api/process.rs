//! A second Latchkey as a real separate process (the built binary), sharing the test's database.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::helpers::TestApp;

pub struct ChildServer {
    child: Child,
    pub address: String,
    /// Every line the child wrote to stderr (its log).
    pub log: Arc<Mutex<Vec<String>>>,
}

impl Drop for ChildServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl ChildServer {
    /// SIGKILL: no chance to finish anything.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM, then waits (up to `limit`) for the process to exit; `None` if it did not.
    pub async fn terminate(mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status();
        assert!(sent.is_ok_and(|s| s.success()), "cannot send SIGTERM");
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        None
    }

    /// Starts `latchkey serve` on port 0 against `app`'s database, master key and webhook.
    pub fn start(app: &TestApp) -> ChildServer {
        Self::start_with(app, &[])
    }

    /// `start`, with `overrides` set on top.
    pub fn start_with(app: &TestApp, overrides: &[(&str, &str)]) -> ChildServer {
        let mut command = Command::new(env!("CARGO_BIN_EXE_latchkey"));
        command
            .arg("serve")
            .env_clear()
            .env("LATCHKEY_BIND", "127.0.0.1:0")
            .env("LATCHKEY_DATA_DIR", app.dir.path())
            .env("LATCHKEY_DATABASE_URL", &app.database_url)
            .env("LATCHKEY_MASTER_KEY", &app.master_key)
            .env("LATCHKEY_BOOTSTRAP_ADMIN_KEY", &app.admin_key)
            .env("LATCHKEY_ISSUER", "https://latchkey.test")
            .env("LATCHKEY_ARGON2_MEMORY_KIB", "1024")
            .env("LATCHKEY_ARGON2_ITERATIONS", "1")
            .env("LATCHKEY_DELIVERY", "webhook")
            .env("LATCHKEY_DELIVERY_WEBHOOK_URL", &app.inbox.url)
            .env("LATCHKEY_DELIVERY_WEBHOOK_SECRET", crate::inbox::WEBHOOK_SECRET)
            .env("LATCHKEY_LOG", "info")
            // Like the in-process instance: tests send bursts from one address at one account.
            .env("LATCHKEY_RATE_LIMIT_PER_IP", "0")
            .env("LATCHKEY_RATE_LIMIT_PER_ACCOUNT", "0");
        for (name, value) in overrides {
            command.env(name, value);
        }
        let mut child = command
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start the latchkey binary: {e}"));
        let stderr = child.stderr.take().unwrap_or_else(|| panic!("no stderr"));
        let (tx, rx) = std::sync::mpsc::channel();
        let log = Arc::new(Mutex::new(Vec::new()));
        let lines = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                lines.lock().unwrap().push(line.clone());
                if let Some(port) = line.split("port=").nth(1).and_then(|rest| rest.split_whitespace().next()) {
                    let _ = tx.send(port.to_owned());
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(30);
        let port = loop {
            if let Ok(port) = rx.recv_timeout(Duration::from_millis(100)) {
                break port;
            }
            assert!(Instant::now() < deadline, "the child server did not report its port");
        };
        ChildServer { child, address: format!("http://127.0.0.1:{port}"), log }
    }
}
