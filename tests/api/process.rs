//! A second Latchkey as a real separate process (the built binary), sharing the test's database.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::TestApp;

pub struct ChildServer {
    child: Child,
    pub address: String,
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

    /// Starts `latchkey serve` on port 0 against `app`'s database, master key and webhook.
    pub fn start(app: &TestApp) -> ChildServer {
        let mut child = Command::new(env!("CARGO_BIN_EXE_latchkey"))
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
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start the latchkey binary: {e}"));
        let stderr = child.stderr.take().unwrap_or_else(|| panic!("no stderr"));
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
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
        ChildServer { child, address: format!("http://127.0.0.1:{port}") }
    }
}
