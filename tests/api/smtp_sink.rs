//! A real SMTP server for the tests: `tests/support/smtp_sink.py` (aiosmtpd, which `.ci/run`
//! installs), started on 127.0.0.1 with a free port. Each received message arrives here parsed
//! by Python's `email` package, an implementation independent of the one that wrote it.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

use crate::helpers::{spawn_app_with, TestApp};

pub const USER: &str = "latchkey";
pub const SMTP_PASSWORD: &str = "relay-password-7";

/// A Latchkey whose email goes to `sink` over SMTP (SMS still to the test's webhook inbox).
pub async fn app_with_smtp(sink: &SmtpSink, extra: &[(&str, &str)]) -> TestApp {
    let port = sink.port.to_string();
    let mut settings = vec![
        ("LATCHKEY_DELIVERY_EMAIL", "smtp"),
        ("LATCHKEY_SMTP_HOST", "127.0.0.1"),
        ("LATCHKEY_SMTP_PORT", port.as_str()),
        ("LATCHKEY_SMTP_TLS", "none"),
        ("LATCHKEY_SMTP_FROM", "Latchkey <no-reply@latchkey.test>"),
        ("LATCHKEY_SMTP_USERNAME", USER),
        ("LATCHKEY_SMTP_PASSWORD", SMTP_PASSWORD),
    ];
    settings.extend_from_slice(extra);
    spawn_app_with(&settings).await
}

/// The text of one part (`text/plain`, `text/html`) of a received message.
pub fn part<'a>(message: &'a Value, content_type: &str) -> &'a str {
    let parts = message["parts"].as_array().unwrap();
    let part = parts.iter().find(|p| p["content_type"] == content_type);
    part.and_then(|p| p["text"].as_str()).unwrap_or_else(|| panic!("no {content_type} part in {message}"))
}

pub struct SmtpSink {
    pub port: u16,
    received: Arc<Mutex<Vec<Value>>>,
    child: Child,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl SmtpSink {
    /// Starts the server, requiring AUTH with these credentials when given. `None` when Python
    /// or aiosmtpd is missing outside CI (in CI that fails the test).
    pub fn start(credentials: Option<(&str, &str)>) -> Option<SmtpSink> {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/smtp_sink.py");
        let mut command = Command::new("python3");
        command.arg(script).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        if let Some((user, password)) = credentials {
            command.env("SMTP_SINK_USER", user).env("SMTP_SINK_PASSWORD", password);
        }
        let mut child = match command.spawn() {
            Ok(child) => child,
            Err(e) => {
                assert!(std::env::var("CI").is_err(), "python3 is required in CI: {e}");
                eprintln!("python3 is missing: skipping the SMTP test (CI runs it)");
                return None;
            }
        };
        let stdout = child.stdout.take()?;
        let mut lines = BufReader::new(stdout).lines();
        let port = match lines.next().and_then(Result::ok).and_then(|l| l.strip_prefix("PORT ")?.parse().ok()) {
            Some(port) => port,
            None => {
                let mut stderr = String::new();
                if let Some(mut e) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut e, &mut stderr);
                }
                let _ = child.kill();
                let missing = stderr.contains("No module named 'aiosmtpd'");
                assert!(!(missing && std::env::var("CI").is_ok()), "aiosmtpd is required in CI");
                assert!(missing, "the SMTP sink did not start: {stderr}");
                eprintln!("aiosmtpd is not installed: skipping the SMTP test (CI installs it)");
                return None;
            }
        };
        let received = Arc::new(Mutex::new(Vec::new()));
        let sink = received.clone();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                if let Ok(value) = serde_json::from_str::<Value>(&line) {
                    sink.lock().unwrap().push(value);
                }
            }
        });
        Some(SmtpSink { port, received, child })
    }

    pub fn received(&self) -> Vec<Value> {
        self.received.lock().unwrap().clone()
    }

    /// Waits up to 3 s for `count` messages in all.
    pub async fn wait_for(&self, count: usize) -> Vec<Value> {
        for _ in 0..100 {
            if self.received().len() >= count {
                break;
            }
            tokio::time::sleep(Duration::from_millis(30)).await;
        }
        self.received()
    }
}
