//! Every `LATCHKEY_*` variable Latchkey reads, with what it does and its default: the one list
//! behind `latchkey --help` and the warning about variables Latchkey does not know. A test keeps
//! it in step with the names the code reads.

/// (name, what it does and its default).
pub const VARIABLES: &[(&str, &str)] = &[
    ("LATCHKEY_CONFIG_FILE", "an env-style file of these settings; the environment wins (default: none)"),
    ("LATCHKEY_BIND", "address to listen on; port 0 picks a free port (default 127.0.0.1:8080)"),
    ("LATCHKEY_DATA_DIR", "where the SQLite database and a development master key live (default ./data)"),
    ("LATCHKEY_DATABASE_URL", "postgres://… or sqlite://path (default sqlite://<LATCHKEY_DATA_DIR>/latchkey.db)"),
    ("LATCHKEY_DB_POOL_SIZE", "most database connections open at once (default 16)"),
    ("LATCHKEY_MIGRATE_ON_START", "apply pending migrations when serving starts (default true)"),
    ("LATCHKEY_MASTER_KEY", "32 bytes, base64, encrypting secrets at rest (default: a development key file)"),
    ("LATCHKEY_BOOTSTRAP_ADMIN_KEY", "the first platform admin key (default: one is generated and printed once)"),
    ("LATCHKEY_ISSUER", "the iss of every token, an http(s) URL (default http://localhost:8080); its host is the default WebAuthn relying party when it is a domain name"),
    (
        "LATCHKEY_DB_WAIT_MS",
        "how long a request waits for a database connection (a busy pool, a failover) before 503 with Retry-After, 100-60000 (default 5000)",
    ),
    ("LATCHKEY_ACCESS_TOKEN_TTL_SECS", "access token lifetime, at least 30 (default 900)"),
    (
        "LATCHKEY_STEP_UP_WINDOW_SECS",
        "a sensitive admin action needs a sign-in with the second factor this recently, 10-86400 (default 600)",
    ),
    ("LATCHKEY_REFRESH_TOKEN_TTL_SECS", "refresh token lifetime (default 2592000, 30 days)"),
    ("LATCHKEY_ARGON2_MEMORY_KIB", "argon2id memory for new password hashes (default 19456)"),
    ("LATCHKEY_ARGON2_ITERATIONS", "argon2id iterations (default 2)"),
    ("LATCHKEY_ARGON2_PARALLELISM", "argon2id lanes (default 1)"),
    ("LATCHKEY_MAX_CONCURRENT_HASHES", "password hashes running at once (default: the number of cores)"),
    ("LATCHKEY_HASH_NICE", "how much lower the hashing threads' scheduling priority is, 0-19 (default 10; Linux)"),
    ("LATCHKEY_MAX_QUEUED_LOGINS", "logins waiting for a hash before 503 (default 64 per core)"),
    ("LATCHKEY_LOGIN_QUEUE_TIMEOUT_MS", "longest wait for a hash before 503 (default 2000)"),
    ("LATCHKEY_UI_DIR", "a built sign-in app (web/dist) served at /ui/ (default: none)"),
    ("LATCHKEY_CORS_ORIGINS", "comma-separated browser origins allowed on public endpoints (default: none)"),
    ("LATCHKEY_MAX_BODY_BYTES", "largest request body (default 65536)"),
    ("LATCHKEY_WORKERS", "HTTP worker threads (default: the number of cores)"),
    ("LATCHKEY_CHALLENGE_TTL_SECS", "how long a login challenge stays open, 30 to 3600 (default 300)"),
    ("LATCHKEY_DEFAULT_TWO_FACTOR", "a new tenant's mode: off, optional, prompted or required (default off)"),
    ("LATCHKEY_TRUSTED_PROXIES", "comma-separated CIDRs whose forwarded headers are believed (default: none)"),
    ("LATCHKEY_FORWARDED_HEADER", "their header: x-forwarded-for or forwarded (default x-forwarded-for)"),
    ("LATCHKEY_OUTBOX_POLL_MS", "how often the background jobs wake, e.g. to retry messages (default 1000)"),
    ("LATCHKEY_RATE_LIMIT_PER_IP", "sign-in requests per minute per client address, 0: none (default 300)"),
    ("LATCHKEY_RATE_LIMIT_PER_ACCOUNT", "sign-in requests per minute per account or challenge, 0: none (default 30)"),
    ("LATCHKEY_METRICS_BIND", "a separate address serving /metrics without a key (default: none)"),
    ("LATCHKEY_WEBHOOKS_ALLOW_PRIVATE", "let event webhooks reach private addresses and http:// (default false)"),
    ("LATCHKEY_DELIVERY", "where SMS and email codes go: log or webhook (default log, development only)"),
    ("LATCHKEY_DELIVERY_SMS", "the SMS sender: log, webhook or twilio (default LATCHKEY_DELIVERY)"),
    ("LATCHKEY_DELIVERY_EMAIL", "the email sender: log, webhook or smtp (default LATCHKEY_DELIVERY)"),
    ("LATCHKEY_DELIVERY_TIMEOUT_MS", "longest single delivery attempt (default 5000)"),
    ("LATCHKEY_DELIVERY_WEBHOOK_URL", "the delivery webhook's http(s) URL (required with webhook)"),
    ("LATCHKEY_DELIVERY_WEBHOOK_SECRET", "its Standard Webhooks secret, whsec_… (required with webhook)"),
    ("LATCHKEY_DELIVERY_WEBHOOK_LEGACY_SIGNATURE", "also send X-Latchkey-Signature (default true)"),
    ("LATCHKEY_SMTP_HOST", "the SMTP server (required with smtp)"),
    ("LATCHKEY_SMTP_PORT", "its port (default: 587, 465 or 25 by LATCHKEY_SMTP_TLS)"),
    ("LATCHKEY_SMTP_TLS", "starttls, tls or none (default starttls)"),
    ("LATCHKEY_SMTP_USERNAME", "SMTP user name, with the password (default: none)"),
    ("LATCHKEY_SMTP_PASSWORD", "SMTP password (default: none)"),
    ("LATCHKEY_SMTP_FROM", "the From address, e.g. Latchkey <no-reply@example.com> (required with smtp)"),
    ("LATCHKEY_TWILIO_ACCOUNT_SID", "the Twilio account, AC… (required with twilio)"),
    ("LATCHKEY_TWILIO_AUTH_TOKEN", "its auth token (required with twilio)"),
    ("LATCHKEY_TWILIO_FROM", "the sender number; or LATCHKEY_TWILIO_MESSAGING_SERVICE_SID"),
    ("LATCHKEY_TWILIO_MESSAGING_SERVICE_SID", "the messaging service, MG…; or LATCHKEY_TWILIO_FROM"),
    ("LATCHKEY_TWILIO_BASE_URL", "the API's address (default https://api.twilio.com)"),
    ("LATCHKEY_LOG", "the log filter, tracing EnvFilter syntax (default info,actix_server=warn)"),
    ("LATCHKEY_LOG_FORMAT", "text, or json for one JSON object per line (default text)"),
    ("LATCHKEY_TEST_DATABASE_URL", "tests only: a PostgreSQL server for per-test databases (default: SQLite)"),
];

pub fn is_known(name: &str) -> bool {
    VARIABLES.iter().any(|(known, _)| *known == name)
}

/// The names Latchkey does not read, sorted: a typo would otherwise be silently ignored.
pub fn unknown<'a>(names: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    let mut unknown: Vec<String> = names.into_iter().filter(|name| !is_known(name)).cloned().collect();
    unknown.sort();
    unknown
}

/// The known name an unknown one was probably meant to be (at most three edits away).
pub fn closest(name: &str) -> Option<&'static str> {
    VARIABLES
        .iter()
        .map(|(known, _)| (edit_distance(name, known), *known))
        .filter(|(distance, _)| *distance <= 3)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, known)| known)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// The list as `--help` shows it.
pub fn help() -> String {
    let width = VARIABLES.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
    let mut text = String::from(
        "Settings (environment variables, or KEY=VALUE lines in the file named by LATCHKEY_CONFIG_FILE):\n",
    );
    for (name, about) in VARIABLES {
        text.push_str(&format!("  {name:width$}  {about}\n"));
    }
    text.push_str(
        "\nA wrong value stops start-up naming the variable; an unknown LATCHKEY_* variable is logged as a warning.",
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `"LATCHKEY_…"` literal in the code that reads settings, outside its tests.
    fn names_read_by_the_code() -> Vec<String> {
        let sources = [
            include_str!("mod.rs"),
            include_str!("delivery.rs"),
            include_str!("logging.rs"),
            include_str!("../main.rs"),
            include_str!("../run.rs"),
            include_str!("../startup.rs"),
        ];
        let mut names = Vec::new();
        for source in sources {
            let code = source.split("#[cfg(test)]").next().unwrap_or(source);
            for (at, _) in code.match_indices("\"LATCHKEY_") {
                let rest = &code[at + 1..];
                let end = rest.find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'));
                let name = &rest[..end.unwrap_or(rest.len())];
                // `"LATCHKEY_"` alone is the prefix, not a variable.
                if name.len() > "LATCHKEY_".len() {
                    names.push(name.to_owned());
                }
            }
        }
        names
    }

    #[test]
    fn the_list_names_every_variable_the_code_reads() {
        let names = names_read_by_the_code();
        assert!(names.len() > 40, "the scan finds the settings: {names:?}");
        let missing: Vec<&String> = names.iter().filter(|name| !is_known(name)).collect();
        assert!(missing.is_empty(), "add these to VARIABLES: {missing:?}");
    }

    #[test]
    fn the_list_names_only_variables_the_code_reads() {
        let names = names_read_by_the_code();
        let stale: Vec<&str> = VARIABLES
            .iter()
            .map(|(name, _)| *name)
            .filter(|name| *name != "LATCHKEY_TEST_DATABASE_URL" && !names.iter().any(|read| read == name))
            .collect();
        assert!(stale.is_empty(), "nothing reads these: {stale:?}");
    }

    #[test]
    fn every_variable_is_in_the_example_file() {
        let example = include_str!("../../.env.example");
        let absent: Vec<&str> = VARIABLES
            .iter()
            .map(|(name, _)| *name)
            .filter(|name| *name != "LATCHKEY_TEST_DATABASE_URL" && *name != "LATCHKEY_CONFIG_FILE")
            .filter(|name| !example.contains(&format!("{name}=")))
            .collect();
        assert!(absent.is_empty(), "document these in .env.example: {absent:?}");
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<&str> = VARIABLES.iter().map(|(name, _)| *name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), VARIABLES.len());
    }

    #[test]
    fn a_typo_finds_the_name_it_meant() {
        assert_eq!(closest("LATCHKEY_RATE_LIMT_PER_IP"), Some("LATCHKEY_RATE_LIMIT_PER_IP"));
        assert_eq!(closest("LATCHKEY_DATABASE"), None);
        assert_eq!(closest("LATCHKEY_SOMETHING_ELSE_ENTIRELY"), None);
    }

    #[test]
    fn help_lists_every_variable() {
        let help = help();
        assert!(VARIABLES.iter().all(|(name, _)| help.contains(name)));
    }
}
