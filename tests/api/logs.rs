//! Captures everything the service logs during the test run, so tests can check that no
//! secret was written there.

use std::io::Write;
use std::sync::{Mutex, Once};

static LOGS: Mutex<Vec<u8>> = Mutex::new(Vec::new());
static INIT: Once = Once::new();

struct Capture;

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut logs) = LOGS.lock() {
            logs.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Installs the capturing subscriber (debug level for Latchkey) once per test binary.
pub fn capture() {
    INIT.call_once(|| {
        let _ = tracing_subscriber::fmt()
            .with_env_filter("latchkey=debug,actix_web=info,warn")
            .with_ansi(false)
            .with_writer(|| Capture)
            .try_init();
    });
}

pub fn text() -> String {
    LOGS.lock().map(|l| String::from_utf8_lossy(&l).into_owned()).unwrap_or_default()
}
