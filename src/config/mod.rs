//! Typed settings from `LATCHKEY_*` environment variables, optionally from an env-style file
//! named by `LATCHKEY_CONFIG_FILE` (the real environment wins). A wrong value fails start-up
//! with the variable's name; a `LATCHKEY_*` variable Latchkey does not read is reported
//! (`Settings::unknown_variables`), since a misspelt name would otherwise be silently ignored.

use std::collections::HashMap;
use std::path::PathBuf;
use std::str::FromStr;

use crate::auth::password::HashParams;
use crate::delivery::DeliverySettings;

mod delivery;
pub mod logging;
pub mod variables;
use crate::domain::TwoFactorMode;
pub use crate::secret::Secret;
use crate::store::DatabaseTarget;
use delivery::delivery_config;

#[derive(Debug, Clone)]
pub struct Settings {
    /// `LATCHKEY_BIND`: address to listen on; port 0 picks a free port.
    pub bind: String,
    /// `LATCHKEY_DATA_DIR`: where the SQLite database and a development master key live.
    pub data_dir: PathBuf,
    /// `LATCHKEY_DATABASE_URL`: `postgres://…` or `sqlite://path`; default `sqlite://<data_dir>/latchkey.db`.
    pub database: DatabaseTarget,
    pub db_pool_size: u32,
    /// `LATCHKEY_DB_WAIT_MS`: how long a request waits for a database connection (a busy pool,
    /// or no primary during a failover) before `503` with `Retry-After` (default 5000).
    pub db_wait: std::time::Duration,
    pub migrate_on_start: bool,
    /// `LATCHKEY_MASTER_KEY`: 32 bytes, base64. Kept out of Debug output.
    pub master_key: Option<Secret>,
    /// `LATCHKEY_BOOTSTRAP_ADMIN_KEY`: the first platform admin key, when the database has none.
    pub bootstrap_admin_key: Option<Secret>,
    /// `LATCHKEY_ISSUER`: the `iss` of every token.
    pub issuer: String,
    pub access_token_ttl_secs: i64,
    pub refresh_token_ttl_secs: i64,
    /// `LATCHKEY_STEP_UP_WINDOW_SECS`: a sensitive admin action needs a sign-in with the second
    /// factor this recently (default 600).
    pub step_up_window_secs: i64,
    pub argon2: HashParams,
    /// How many password hashes may run at once (each holds `argon2.memory_kib`).
    pub max_concurrent_hashes: usize,
    /// How much nicer (Linux scheduling priority, 0–19) the hashing threads are than the HTTP workers.
    pub hash_nice: i32,
    /// How many logins may wait for a hashing slot before the server answers 503.
    pub max_queued_logins: usize,
    /// How long a login may wait for a hashing slot.
    pub login_queue_timeout_ms: u64,
    /// `LATCHKEY_CORS_ORIGINS`: comma-separated origins allowed to call the public endpoints.
    pub cors_origins: Vec<String>,
    /// `LATCHKEY_UI_DIR`: a built sign-in app (`web/dist`) served at `/ui/`; unset: none.
    pub ui_dir: Option<std::path::PathBuf>,
    pub max_body_bytes: usize,
    pub workers: usize,
    /// `LATCHKEY_CHALLENGE_TTL_SECS`: how long a login challenge stays open.
    pub challenge_ttl_secs: i64,
    /// `LATCHKEY_DELIVERY` (`log` or `webhook`) with `LATCHKEY_DELIVERY_WEBHOOK_URL`,
    /// `LATCHKEY_DELIVERY_WEBHOOK_SECRET` and `LATCHKEY_DELIVERY_TIMEOUT_MS`.
    pub delivery: DeliverySettings,
    /// `LATCHKEY_DEFAULT_TWO_FACTOR`: the second-factor mode of a new tenant (default `off`).
    pub default_two_factor: TwoFactorMode,
    /// `LATCHKEY_TRUSTED_PROXIES`: comma-separated CIDRs of reverse proxies whose
    /// `X-Forwarded-For` / `Forwarded` headers are believed (empty: none, the TCP peer is the client).
    pub trusted_proxies: Vec<ipnetwork::IpNetwork>,
    /// `LATCHKEY_FORWARDED_HEADER`: the header the trusted proxies write: `x-forwarded-for`
    /// (default) or `forwarded` (RFC 7239). The other one is ignored.
    pub forwarded_header: crate::domain::network::ForwardedHeader,
    /// `LATCHKEY_OUTBOX_POLL_MS`: how often the outbox worker looks for messages to retry.
    pub outbox_poll_ms: u64,
    /// `LATCHKEY_RATE_LIMIT_PER_IP`: requests per minute one client address may make to the
    /// public sign-in endpoints, per instance (0: no limit).
    pub rate_limit_per_ip: u32,
    /// `LATCHKEY_RATE_LIMIT_PER_ACCOUNT`: requests per minute aimed at one (tenant, identifier)
    /// or one challenge, per instance (0: no limit).
    pub rate_limit_per_account: u32,
    /// `LATCHKEY_METRICS_BIND`: a separate address serving `/metrics` without a key (empty: only
    /// `/metrics` on the main address, behind the platform admin key).
    pub metrics_bind: Option<String>,
    /// `LATCHKEY_WEBHOOKS_ALLOW_PRIVATE`: let event webhooks reach loopback, private and
    /// link-local addresses and plain `http://` (tests, on-premises).
    pub webhooks_allow_private: bool,
    /// Names in the environment or the config file that Latchkey does not read (typos), sorted;
    /// `main` logs them once the log is up.
    pub unknown_variables: Vec<String>,
}

/// Where `serve` listens, and `healthcheck` looks, when `LATCHKEY_BIND` is not set.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";

#[derive(Debug, thiserror::Error)]
#[error("{name}: {message}")]
pub struct ConfigError {
    pub name: String,
    pub message: String,
}

fn cores() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2)
}

impl Settings {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_map(&read_vars()?)
    }

    pub fn from_map(vars: &HashMap<String, String>) -> Result<Self, ConfigError> {
        let get = |name: &str| vars.get(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let data_dir = PathBuf::from(get("LATCHKEY_DATA_DIR").unwrap_or_else(|| "./data".into()));
        let database_url = get("LATCHKEY_DATABASE_URL")
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("latchkey.db").display()));
        let database = DatabaseTarget::parse(&database_url)
            .map_err(|message| ConfigError { name: "LATCHKEY_DATABASE_URL".into(), message })?;
        let parse = Parser { get: &get };
        let settings = Settings {
            bind: get("LATCHKEY_BIND").unwrap_or_else(|| DEFAULT_BIND.into()),
            data_dir,
            database,
            db_pool_size: parse.or("LATCHKEY_DB_POOL_SIZE", 16)?,
            db_wait: std::time::Duration::from_millis(parse.or("LATCHKEY_DB_WAIT_MS", 5000)?),
            migrate_on_start: parse.or("LATCHKEY_MIGRATE_ON_START", true)?,
            master_key: get("LATCHKEY_MASTER_KEY").map(Secret::new),
            bootstrap_admin_key: get("LATCHKEY_BOOTSTRAP_ADMIN_KEY").map(Secret::new),
            issuer: get("LATCHKEY_ISSUER").unwrap_or_else(|| "http://localhost:8080".into()),
            access_token_ttl_secs: parse.or("LATCHKEY_ACCESS_TOKEN_TTL_SECS", 900)?,
            refresh_token_ttl_secs: parse.or("LATCHKEY_REFRESH_TOKEN_TTL_SECS", 30 * 24 * 3600)?,
            step_up_window_secs: parse.or("LATCHKEY_STEP_UP_WINDOW_SECS", 600)?,
            argon2: HashParams {
                memory_kib: parse.or("LATCHKEY_ARGON2_MEMORY_KIB", HashParams::default().memory_kib)?,
                iterations: parse.or("LATCHKEY_ARGON2_ITERATIONS", HashParams::default().iterations)?,
                parallelism: parse.or("LATCHKEY_ARGON2_PARALLELISM", HashParams::default().parallelism)?,
            },
            max_concurrent_hashes: parse.or("LATCHKEY_MAX_CONCURRENT_HASHES", cores())?,
            hash_nice: parse.or("LATCHKEY_HASH_NICE", 10)?,
            max_queued_logins: parse.or("LATCHKEY_MAX_QUEUED_LOGINS", 64 * cores())?,
            login_queue_timeout_ms: parse.or("LATCHKEY_LOGIN_QUEUE_TIMEOUT_MS", 2000)?,
            cors_origins: get("LATCHKEY_CORS_ORIGINS")
                .map(|v| {
                    v.split(',').map(|o| o.trim().trim_end_matches('/').to_owned()).filter(|o| !o.is_empty()).collect()
                })
                .unwrap_or_default(),
            ui_dir: get("LATCHKEY_UI_DIR").filter(|v| !v.trim().is_empty()).map(std::path::PathBuf::from),
            max_body_bytes: parse.or("LATCHKEY_MAX_BODY_BYTES", 64 * 1024)?,
            workers: parse.or("LATCHKEY_WORKERS", cores())?,
            challenge_ttl_secs: parse.or("LATCHKEY_CHALLENGE_TTL_SECS", 300)?,
            delivery: DeliverySettings {
                sms: delivery_config(&get, &parse, "LATCHKEY_DELIVERY_SMS")?,
                email: delivery_config(&get, &parse, "LATCHKEY_DELIVERY_EMAIL")?,
            },
            forwarded_header: match get("LATCHKEY_FORWARDED_HEADER").as_deref().map(str::to_ascii_lowercase).as_deref()
            {
                None | Some("x-forwarded-for") => crate::domain::network::ForwardedHeader::XForwardedFor,
                Some("forwarded") => crate::domain::network::ForwardedHeader::Forwarded,
                Some(other) => {
                    return Err(ConfigError {
                        name: "LATCHKEY_FORWARDED_HEADER".into(),
                        message: format!("{other:?}: use x-forwarded-for or forwarded"),
                    })
                }
            },
            outbox_poll_ms: parse.or("LATCHKEY_OUTBOX_POLL_MS", 1000)?,
            rate_limit_per_ip: parse.or("LATCHKEY_RATE_LIMIT_PER_IP", 300)?,
            rate_limit_per_account: parse.or("LATCHKEY_RATE_LIMIT_PER_ACCOUNT", 30)?,
            metrics_bind: get("LATCHKEY_METRICS_BIND"),
            webhooks_allow_private: parse.or("LATCHKEY_WEBHOOKS_ALLOW_PRIVATE", false)?,
            default_two_factor: parse.or("LATCHKEY_DEFAULT_TWO_FACTOR", TwoFactorMode::Off)?,
            trusted_proxies: match get("LATCHKEY_TRUSTED_PROXIES") {
                Some(list) => {
                    crate::domain::network::parse_cidrs(list.split(',').map(str::trim).filter(|e| !e.is_empty()))
                        .map_err(|e| ConfigError { name: "LATCHKEY_TRUSTED_PROXIES".into(), message: e.message })?
                }
                None => Vec::new(),
            },
            unknown_variables: variables::unknown(vars.keys()),
        };
        settings.check()?;
        Ok(settings)
    }

    fn check(&self) -> Result<(), ConfigError> {
        let fail = |name: &str, message: &str| Err(ConfigError { name: name.into(), message: message.into() });
        if self.access_token_ttl_secs < 30 {
            return fail("LATCHKEY_ACCESS_TOKEN_TTL_SECS", "must be at least 30");
        }
        if !(10..=86_400).contains(&self.step_up_window_secs) {
            return fail("LATCHKEY_STEP_UP_WINDOW_SECS", "must be between 10 and 86400");
        }
        if self.refresh_token_ttl_secs < self.access_token_ttl_secs {
            return fail("LATCHKEY_REFRESH_TOKEN_TTL_SECS", "must be at least the access token lifetime");
        }
        match url::Url::parse(&self.issuer) {
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.has_host() => {}
            _ => return fail("LATCHKEY_ISSUER", "must be an absolute http(s) URL, such as https://auth.example.com"),
        }
        if self.max_concurrent_hashes == 0 {
            return fail("LATCHKEY_MAX_CONCURRENT_HASHES", "must be at least 1");
        }
        if !(0..=19).contains(&self.hash_nice) {
            return fail("LATCHKEY_HASH_NICE", "must be between 0 and 19");
        }
        if !(100..=60_000).contains(&self.db_wait.as_millis()) {
            return fail("LATCHKEY_DB_WAIT_MS", "must be between 100 and 60000");
        }
        if self.db_pool_size == 0 {
            return fail("LATCHKEY_DB_POOL_SIZE", "must be at least 1");
        }
        if !(30..=3600).contains(&self.challenge_ttl_secs) {
            return fail("LATCHKEY_CHALLENGE_TTL_SECS", "must be between 30 and 3600");
        }
        if self.workers == 0 {
            return fail("LATCHKEY_WORKERS", "must be at least 1");
        }
        for origin in &self.cors_origins {
            if !(origin.starts_with("http://") || origin.starts_with("https://")) {
                return fail("LATCHKEY_CORS_ORIGINS", "each origin must start with http:// or https://");
            }
        }
        if let Some(dir) = &self.ui_dir {
            if !dir.join("index.html").is_file() {
                return fail("LATCHKEY_UI_DIR", "must be a directory holding index.html (a built web/: npm run build)");
            }
        }
        Ok(())
    }

    /// Warns about each variable Latchkey does not read, with the name it was probably meant to be.
    pub fn warn_about_unknown_variables(&self) {
        for name in &self.unknown_variables {
            match variables::closest(name) {
                Some(meant) => tracing::warn!("{name} is not a Latchkey setting and is ignored: did you mean {meant}?"),
                None => tracing::warn!("{name} is not a Latchkey setting and is ignored (latchkey --help lists them)"),
            }
        }
    }
}

/// The settings as given: `LATCHKEY_*` environment variables over the lines of the file named
/// by `LATCHKEY_CONFIG_FILE`.
pub fn read_vars() -> Result<HashMap<String, String>, ConfigError> {
    let mut vars: HashMap<String, String> = HashMap::new();
    if let Ok(path) = std::env::var("LATCHKEY_CONFIG_FILE") {
        let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
            name: "LATCHKEY_CONFIG_FILE".into(),
            message: format!("cannot read {path}: {e}"),
        })?;
        vars.extend(parse_env_file(&text));
    }
    vars.extend(std::env::vars().filter(|(k, _)| k.starts_with("LATCHKEY_")));
    Ok(vars)
}

struct Parser<'a, G: Fn(&str) -> Option<String>> {
    get: &'a G,
}

impl<G: Fn(&str) -> Option<String>> Parser<'_, G> {
    fn or<T: FromStr>(&self, name: &str, default: T) -> Result<T, ConfigError>
    where
        T::Err: std::fmt::Display,
    {
        match (self.get)(name) {
            None => Ok(default),
            Some(raw) => raw
                .parse()
                .map_err(|e: T::Err| ConfigError { name: name.into(), message: format!("cannot parse {raw:?}: {e}") }),
        }
    }
}

/// `KEY=VALUE` lines; `#` starts a comment; surrounding quotes are removed.
pub fn parse_env_file(text: &str) -> HashMap<String, String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.strip_prefix("export ").unwrap_or(l).split_once('='))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().trim_matches('"').trim_matches('\'').to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn defaults_serve_sqlite_under_data() -> Result<(), ConfigError> {
        let s = Settings::from_map(&HashMap::new())?;
        assert_eq!(s.bind, "127.0.0.1:8080");
        assert_eq!(s.database.connect_to, "./data/latchkey.db");
        assert_eq!(s.access_token_ttl_secs, 900);
        assert!(s.cors_origins.is_empty());
        Ok(())
    }

    #[test]
    fn a_bad_value_names_its_variable() {
        let err = Settings::from_map(&map(&[("LATCHKEY_ACCESS_TOKEN_TTL_SECS", "soon")])).err();
        assert_eq!(err.map(|e| e.name), Some("LATCHKEY_ACCESS_TOKEN_TTL_SECS".to_string()));
        let err = Settings::from_map(&map(&[("LATCHKEY_DATABASE_URL", "mysql://x")])).err();
        assert_eq!(err.map(|e| e.name), Some("LATCHKEY_DATABASE_URL".to_string()));
        let err = Settings::from_map(&map(&[("LATCHKEY_DELIVERY", "webhook")])).err();
        assert_eq!(err.map(|e| e.name), Some("LATCHKEY_DELIVERY_WEBHOOK_URL".to_string()));
        let err = Settings::from_map(&map(&[("LATCHKEY_CORS_ORIGINS", "example.com")])).err();
        assert_eq!(err.map(|e| e.name), Some("LATCHKEY_CORS_ORIGINS".to_string()));
    }

    #[test]
    fn the_issuer_must_be_an_http_url() {
        for bad in ["latchkey", "auth.example.com", "ftp://auth.example.com", "https://"] {
            let err = Settings::from_map(&map(&[("LATCHKEY_ISSUER", bad)])).err();
            assert_eq!(err.map(|e| e.name).as_deref(), Some("LATCHKEY_ISSUER"), "{bad}");
        }
        assert!(Settings::from_map(&map(&[("LATCHKEY_ISSUER", "https://auth.example.com/acme")])).is_ok());
    }

    #[test]
    fn unknown_variables_are_reported_and_known_ones_are_not() -> Result<(), ConfigError> {
        let s = Settings::from_map(&map(&[
            ("LATCHKEY_RATE_LIMT_PER_IP", "10"),
            ("LATCHKEY_BIND", "127.0.0.1:0"),
            ("LATCHKEY_LOG_FORMAT", "json"),
            ("LATCHKEY_CONFIG_FILE", "/dev/null"),
            ("LATCHKEY_TEST_DATABASE_URL", "postgres://x@y/z"),
        ]))?;
        assert_eq!(s.unknown_variables, vec!["LATCHKEY_RATE_LIMT_PER_IP".to_string()]);
        assert!(Settings::from_map(&HashMap::new())?.unknown_variables.is_empty());
        Ok(())
    }

    #[test]
    fn env_files_parse() {
        let vars = parse_env_file("# c\nLATCHKEY_BIND=0.0.0.0:1\nexport LATCHKEY_ISSUER=\"https://x\"\n\n");
        assert_eq!(vars.get("LATCHKEY_BIND").map(String::as_str), Some("0.0.0.0:1"));
        assert_eq!(vars.get("LATCHKEY_ISSUER").map(String::as_str), Some("https://x"));
    }

    #[test]
    fn secrets_stay_out_of_debug() -> Result<(), ConfigError> {
        let s = Settings::from_map(&map(&[
            ("LATCHKEY_MASTER_KEY", "c2VjcmV0"),
            ("LATCHKEY_BOOTSTRAP_ADMIN_KEY", "lk_admin_x"),
        ]))?;
        let debug = format!("{s:?}");
        assert!(!debug.contains("c2VjcmV0") && !debug.contains("lk_admin_x"));
        Ok(())
    }
    #[test]
    fn the_ui_dir_must_hold_a_built_app() {
        let err = Settings::from_map(&map(&[("LATCHKEY_UI_DIR", "/nonexistent/web/dist")])).err();
        assert_eq!(err.map(|e| e.name), Some("LATCHKEY_UI_DIR".to_string()));
    }
}
