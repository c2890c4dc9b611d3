//! The composition root: builds every dependency once, binds the listener (port 0 in tests)
//! and reads the real port back.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::{middleware, web, App, HttpServer};

use crate::auth::password::PasswordHasher;
use crate::clock::{Clock, SystemClock};
use crate::config::Settings;
use crate::crypto::{load_or_create_master_key, CodeHasher, OpaqueToken, SecretBox};
use crate::error::AppError;
use crate::infra::hash_pool::HashPool;
use crate::service::api_keys;
use crate::service::signing_keys::{self, KeyLoader, KeyStore};
use crate::state::AppState;
use crate::store::{migrations, Db};

pub struct Application {
    port: u16,
    server: Server,
    /// The metrics-only listener (`LATCHKEY_METRICS_BIND`), with its port.
    metrics: Option<(u16, Server)>,
    state: web::Data<AppState>,
    /// The admin key minted on first start, to be printed once by the caller.
    pub minted_admin_key: Option<OpaqueToken>,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}")]
    Setup(String),
    #[error(transparent)]
    App(#[from] AppError),
    /// The main listener, `LATCHKEY_BIND`.
    #[error("LATCHKEY_BIND: cannot listen on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
    /// The database named by `LATCHKEY_DATABASE_URL` cannot be reached or opened.
    #[error("LATCHKEY_DATABASE_URL: {0}")]
    Database(String),
}

impl From<crate::store::StoreError> for StartError {
    fn from(e: crate::store::StoreError) -> Self {
        StartError::Setup(e.to_string())
    }
}

/// Connects to the database and runs migrations when asked to. One direct connection comes
/// first, so an unreachable server fails at once with the driver's own reason.
pub fn connect(settings: &Settings, migrate: bool) -> Result<Db, StartError> {
    crate::store::connection::probe(&settings.database).map_err(StartError::Database)?;
    let db = Db::connect_waiting(&settings.database, settings.db_pool_size, settings.db_wait)?;
    if migrate {
        let applied = migrations::run_pending(&mut *db.get()?)?;
        if !applied.is_empty() {
            tracing::info!(versions = ?applied, "applied migrations");
        }
    }
    Ok(db)
}

/// Builds the shared state: master key, password hasher, signing keys, first admin key.
pub fn build_state(settings: Settings, clock: Arc<dyn Clock>) -> Result<(AppState, Option<OpaqueToken>), StartError> {
    // First: connections opened from here on count their statements.
    crate::telemetry::metrics::install();
    let db = connect(&settings, settings.migrate_on_start)?;
    let master = load_or_create_master_key(settings.master_key.as_ref().map(|s| s.expose()), &settings.data_dir)
        .map_err(StartError::Setup)?;
    let secrets = SecretBox::new(&master);
    let codes = CodeHasher::from_master_key(&master);
    let sender = crate::delivery::sender_from(&settings.delivery).map_err(StartError::Setup)?;
    if settings.delivery.uses_log() && db.backend() == crate::store::Backend::Postgres {
        tracing::warn!(
            "LATCHKEY_DELIVERY=log writes SMS and email codes to the log: configure a real sender in production"
        );
    }
    let passwords = PasswordHasher::new(settings.argon2).map_err(StartError::Setup)?;
    let now = clock.now();
    let minted = {
        let mut conn = db.get()?;
        signing_keys::ensure_active(&mut conn, &secrets, now)?;
        api_keys::bootstrap(&mut conn, settings.bootstrap_admin_key.as_ref().map(|s| s.expose()), now)?
    };
    let hash_pool = HashPool::new(
        settings.max_concurrent_hashes,
        settings.hash_nice,
        settings.max_queued_logins,
        Duration::from_millis(settings.login_queue_timeout_ms),
    )
    .map_err(StartError::Setup)?;
    let keys = KeyStore::new(KeyLoader {
        db: db.beside(&settings.database, 1)?,
        secrets: secrets.clone(),
        access_ttl: settings.access_token_ttl_secs,
    });
    keys.reload(now)?;
    // The signing keys must still open with this master key; fail at start, not at first login.
    if !keys.ring().has_signing_key() {
        return Err(StartError::Setup(
            "no usable signing key: is LATCHKEY_MASTER_KEY the one the keys were sealed with?".into(),
        ));
    }
    let background = tokio_util::task::TaskTracker::new();
    let limits =
        crate::infra::rate_limits::RateLimits::new(settings.rate_limit_per_ip, settings.rate_limit_per_account);
    Ok((
        AppState { settings, db, clock, secrets, codes, sender, passwords, keys, hash_pool, limits, background },
        minted,
    ))
}

/// `GET /metrics` alone, without a key, on its own address (meant for an internal network).
fn metrics_server(addr: &str, state: web::Data<AppState>) -> Result<(u16, Server), StartError> {
    let bind_error =
        |source: std::io::Error| StartError::Setup(format!("LATCHKEY_METRICS_BIND: cannot listen on {addr}: {source}"));
    let listener = TcpListener::bind(addr).map_err(bind_error)?;
    let port = listener.local_addr().map_err(bind_error)?.port();
    let server = HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .route("/metrics", web::get().to(crate::http::routes::metrics::metrics_without_key))
            .default_service(web::to(crate::http::error::only_not_found))
    })
    .workers(1)
    .disable_signals()
    .listen(listener)
    .map_err(bind_error)?
    .run();
    Ok((port, server))
}

impl Application {
    pub fn build(settings: Settings) -> Result<Self, StartError> {
        Self::build_with_clock(settings, Arc::new(SystemClock))
    }

    pub fn build_with_clock(settings: Settings, clock: Arc<dyn Clock>) -> Result<Self, StartError> {
        let listener = TcpListener::bind(&settings.bind)
            .map_err(|source| StartError::Bind { addr: settings.bind.clone(), source })?;
        let port = listener.local_addr().map_err(|e| StartError::Setup(e.to_string()))?.port();
        let workers = settings.workers;
        let (state, minted_admin_key) = build_state(settings, clock)?;
        let state = web::Data::new(state);
        let app_state = state.clone();
        let server = HttpServer::new(move || {
            let routes = crate::http::configure(&app_state.settings);
            App::new()
                .app_data(app_state.clone())
                .wrap(crate::http::db_retry::DbRetry::new(app_state.settings.max_body_bytes))
                .wrap(middleware::from_fn(crate::http::head::as_get))
                .wrap(middleware::ErrorHandlers::new().default_handler(crate::http::uniform_errors::json_errors))
                .wrap(middleware::from_fn(crate::http::observe::middleware))
                .configure(routes)
        })
        .workers(workers)
        .listen(listener)
        .map_err(|e| StartError::Setup(e.to_string()))?
        .run();
        let metrics = match state.settings.metrics_bind.clone() {
            Some(addr) => Some(metrics_server(&addr, state.clone())?),
            None => None,
        };
        Ok(Self { port, server, metrics, state, minted_admin_key })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The port of the metrics-only listener, when `LATCHKEY_METRICS_BIND` is set.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics.as_ref().map(|(port, _)| *port)
    }

    /// Stops the server from elsewhere (tests, signal handlers).
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    pub fn state(&self) -> web::Data<AppState> {
        self.state.clone()
    }

    /// Serves until stopped (SIGTERM/SIGINT or a handle), with the background jobs alongside
    /// (`jobs`). On stop each job finishes the pass in progress (at most 10 s in all) and ends; a
    /// message it could not finish keeps its lease, which runs out, so another instance or the
    /// next start sends it.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let wake = std::time::Duration::from_millis(self.state.settings.outbox_poll_ms.max(10));
        let state = self.state.clone().into_inner();
        let jobs = crate::jobs::start(state.clone(), crate::jobs::all(&state), wake);
        let metrics = self.metrics.map(|(_, server)| {
            let handle = server.handle();
            (tokio::spawn(server), handle)
        });
        let served = self.server.await;
        // No job starts another pass once the server has stopped; the ones in progress finish
        // while the outcomes of the requests' sends are recorded.
        jobs.signal();
        if let Some((task, handle)) = metrics {
            handle.stop(true).await;
            let _ = task.await;
        }
        let background = &self.state.background;
        background.close();
        let limit = std::time::Duration::from_secs(10);
        let recorded = async {
            if tokio::time::timeout(limit, background.wait()).await.is_err() {
                tracing::warn!("recording the outcome of sends did not finish within 10 s");
            }
        };
        tokio::join!(recorded, jobs.join(limit));
        served
    }
}
