//! Backend selection (by the database URL's scheme), the r2d2 pool and the
//! transaction helper every write goes through.

use std::sync::Arc;
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::r2d2::{CustomizeConnection, HandleError, Pool};
use diesel::{Connection, PgConnection, SqliteConnection};

use super::pool::{self, Manager};
use super::sqlite_writer::SqliteWriter;
use super::StoreError;

#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

pub type DbPool = Pool<Manager>;
pub use super::pool::DbConn;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Where a database URL points, after its scheme has chosen the backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatabaseTarget {
    pub backend: Backend,
    /// What the backend's driver is given: a file path for SQLite, the URL for PostgreSQL
    /// (with `connect_timeout=5` unless it sets one: an unreachable host fails in seconds).
    pub connect_to: String,
}

/// Seconds libpq may take to open a connection when the URL does not say.
const PG_CONNECT_TIMEOUT_SECS: u32 = 5;

impl DatabaseTarget {
    pub fn parse(url: &str) -> Result<Self, String> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let connect_to = if url.contains("connect_timeout=") {
                url.to_owned()
            } else {
                let separator = if url.contains('?') { '&' } else { '?' };
                format!("{url}{separator}connect_timeout={PG_CONNECT_TIMEOUT_SECS}")
            };
            return Ok(Self { backend: Backend::Postgres, connect_to });
        }
        let path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")).unwrap_or(url);
        if path.is_empty() {
            return Err("the SQLite path is empty".into());
        }
        if path.contains("://") {
            return Err(format!("unsupported database scheme in {path:?}: use postgres:// or sqlite://"));
        }
        Ok(Self { backend: Backend::Sqlite, connect_to: path.to_owned() })
    }
}

/// Opens one connection outside any pool and closes it, to report the driver's own reason
/// when that fails (a pool retries until its timeout, then says only that it timed out). The
/// message names the server or file, never the URL's password.
pub fn probe(target: &DatabaseTarget) -> Result<(), String> {
    match target.backend {
        Backend::Postgres => PgConnection::establish(&target.connect_to).map(drop).map_err(|e| {
            let url = url::Url::parse(&target.connect_to).ok();
            let mut reason = one_line(&e.to_string());
            if let Some(password) = url.as_ref().and_then(url::Url::password).filter(|p| !p.is_empty()) {
                reason = reason.replace(password, "***");
            }
            let server = match url.as_ref().and_then(|u| u.host_str().map(|host| (host, u.port()))) {
                Some((host, port)) if !host.is_empty() => format!("{host}:{}", port.unwrap_or(5432)),
                _ => "the server named in the URL".into(),
            };
            format!("cannot connect to PostgreSQL at {server}: {reason}")
        }),
        Backend::Sqlite => {
            create_parent_dir(&target.connect_to)?;
            SqliteConnection::establish(&target.connect_to).map(drop).map_err(|e| {
                format!("cannot open the SQLite database {}: {}", target.connect_to, one_line(&e.to_string()))
            })
        }
    }
}

/// libpq's messages span lines (a reason, then a hint); a start-up error is one line.
fn one_line(message: &str) -> String {
    message.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("; ")
}

fn create_parent_dir(path: &str) -> Result<(), String> {
    match std::path::Path::new(path).parent() {
        Some(parent) if !parent.as_os_str().is_empty() => std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create the directory {} for the SQLite database: {e}", parent.display())),
        _ => Ok(()),
    }
}

/// r2d2 logs every failed connection attempt at error level, dozens while a server is down;
/// the failure reaches the caller anyway (a pool timeout carries the last reason).
#[derive(Debug)]
struct QuietErrors;

impl HandleError<diesel::r2d2::Error> for QuietErrors {
    fn handle_error(&self, error: diesel::r2d2::Error) {
        tracing::debug!(%error, "opening a database connection failed");
    }
}

/// Per-connection SQLite settings: busy_timeout first so that the others wait for locks too.
#[derive(Debug)]
pub(super) struct SqlitePragmas;

impl CustomizeConnection<AnyConnection, diesel::r2d2::Error> for SqlitePragmas {
    fn on_acquire(&self, conn: &mut AnyConnection) -> Result<(), diesel::r2d2::Error> {
        if let AnyConnection::Sqlite(c) = conn {
            c.batch_execute(
                "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                 PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
            )
            .map_err(diesel::r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

/// Whether a failed transaction should still commit what it wrote: a refusal that must leave a
/// trace (an audit entry, a counted attempt) is returned as an error and committed.
pub trait CommitsOnError {
    fn commits(&self) -> bool {
        false
    }
}

impl CommitsOnError for StoreError {}

#[derive(Clone)]
pub struct Db {
    pool: DbPool,
    backend: Backend,
    /// SQLite has one writer at a time, so every write transaction of this process runs on
    /// this one connection, taking turns here instead of sleeping in SQLite's busy handler
    /// (which would add tens of milliseconds of latency). One connection also keeps its page
    /// cache and prepared statements warm: a pooled connection finds its cache stale whenever
    /// another one has written, and reads the pages again. Other processes on the same file
    /// are still handled by busy_timeout. `None` on PostgreSQL.
    sqlite_writer: Option<Arc<SqliteWriter>>,
    /// How long a checkout waits for a connection.
    wait: Duration,
}

/// A checkout's wait for a connection unless configured (`LATCHKEY_DB_WAIT_MS`).
pub const DEFAULT_WAIT: Duration = Duration::from_secs(5);

impl Db {
    pub fn connect(target: &DatabaseTarget, max_size: u32) -> Result<Self, StoreError> {
        Self::connect_waiting(target, max_size, DEFAULT_WAIT)
    }

    /// A pool whose checkouts wait at most `wait` for a connection (a busy pool, or a database
    /// with no primary during a failover) before `503 database_unavailable`.
    pub fn connect_waiting(target: &DatabaseTarget, max_size: u32, wait: Duration) -> Result<Self, StoreError> {
        let mut db = Self::connect_pool(target, max_size, wait)?;
        if target.backend == Backend::Sqlite {
            db.sqlite_writer = Some(SqliteWriter::open(&target.connect_to)?);
        }
        Ok(db)
    }

    /// The pool alone, without a SQLite writer.
    fn connect_pool(target: &DatabaseTarget, max_size: u32, wait: Duration) -> Result<Self, StoreError> {
        let builder = Pool::builder()
            .max_size(max_size)
            .connection_timeout(wait)
            // After a failover, connections opened before it are gone within this bound even when
            // idle ones would otherwise live on (libpq picks the primary again on reconnecting).
            .max_lifetime(Some(Duration::from_secs(300)))
            // A pooled PostgreSQL connection that idled or failed is checked before use (the
            // server may have restarted or closed it: see `pool`); a SQLite connection is a file
            // handle and needs no `SELECT 1`.
            .test_on_check_out(target.backend == Backend::Postgres)
            .error_handler(Box::new(QuietErrors))
            .connection_customizer(pool::customize(SqlitePragmas));
        let builder = match target.backend {
            // Readers only (writes go to the writer connection): opened on demand, each with its
            // own page cache, and closed after two idle minutes.
            Backend::Sqlite => {
                create_parent_dir(&target.connect_to).map_err(StoreError::Setup)?;
                builder.min_idle(Some(1)).idle_timeout(Some(Duration::from_secs(120)))
            }
            // Each PostgreSQL connection is a server process: keep no spare one (r2d2 opens a
            // new connection whenever a checkout leaves fewer than `min_idle` idle, so a spare
            // of two grew an idle server to five), open them on demand up to `max_size`, and
            // close those idle for a minute. An idle server holds the one its background
            // workers use each second (and the signing-key loader's, for a minute after use).
            Backend::Postgres => builder.min_idle(Some(0)).idle_timeout(Some(Duration::from_secs(60))),
        };
        let pool = builder.build(Manager::new(&target.connect_to))?;
        Ok(Self { pool, backend: target.backend, sqlite_writer: None, wait })
    }

    /// Another pool of `max_size` connections to the same database, sharing this one's SQLite
    /// writer (one writer and one checkpoint thread per process).
    pub fn beside(&self, target: &DatabaseTarget, max_size: u32) -> Result<Self, StoreError> {
        let mut other = Self::connect_pool(target, max_size, self.wait)?;
        other.sqlite_writer = self.sqlite_writer.clone();
        Ok(other)
    }

    /// One round trip on a pooled connection: the database answers.
    pub fn ping(&self) -> Result<(), StoreError> {
        use diesel::connection::SimpleConnection;
        Ok(self.get()?.batch_execute("SELECT 1")?)
    }

    /// Readiness, within `within`: a connection comes, and on PostgreSQL the server accepts
    /// writes (a primary, not a standby in recovery). Waits no longer than `within`, whatever the
    /// pool's own wait.
    pub fn accepts_writes(&self, within: Duration) -> Result<bool, StoreError> {
        use diesel::RunQueryDsl;
        let mut conn = DbConn::new(self.pool.get_timeout(within)?);
        match self.backend {
            Backend::Sqlite => {
                conn.batch_execute("SELECT 1")?;
                Ok(true)
            }
            Backend::Postgres => {
                let in_recovery: bool =
                    diesel::select(diesel::dsl::sql::<diesel::sql_types::Bool>("pg_is_in_recovery()"))
                        .get_result(&mut *conn)?;
                Ok(!in_recovery)
            }
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn get(&self) -> Result<DbConn, StoreError> {
        let asked = std::time::Instant::now();
        let conn = self.pool.get();
        metrics::histogram!("latchkey_db_pool_wait_seconds").record(asked.elapsed().as_secs_f64());
        Ok(DbConn::new(conn?))
    }

    /// Connections open and idle now (for the metrics).
    pub fn pool_state(&self) -> diesel::r2d2::State {
        self.pool.state()
    }

    /// Runs `f` in one transaction: on PostgreSQL on a pooled connection, on SQLite on the
    /// writer connection.
    pub fn transaction<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, E>,
        E: From<StoreError> + CommitsOnError,
    {
        match &self.sqlite_writer {
            Some(writer) => transaction(&mut *writer.turn()?, f),
            None => transaction(&mut *self.get()?, f),
        }
    }

    /// Runs `f` in one transaction. On PostgreSQL it runs on `conn`, and rows are locked by the
    /// statements themselves. On SQLite it runs on the writer connection whatever `conn` is (the
    /// caller may have read on `conn` before), one writer of this process at a time, and starts
    /// with `BEGIN IMMEDIATE` (a read-then-write never fails on a lock upgrade).
    pub fn transaction_on<T, E, F>(&self, conn: &mut AnyConnection, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, E>,
        E: From<StoreError> + CommitsOnError,
    {
        match &self.sqlite_writer {
            Some(writer) => transaction(&mut *writer.turn()?, f),
            None => transaction(conn, f),
        }
    }
}

fn transaction<T, E, F>(conn: &mut AnyConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<StoreError> + CommitsOnError,
{
    let begun = match conn {
        AnyConnection::Sqlite(c) => AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE"),
        AnyConnection::Postgresql(c) => AnsiTransactionManager::begin_transaction(c),
    };
    begun.map_err(StoreError::from)?;
    match f(conn) {
        Ok(value) => {
            commit(conn)?;
            Ok(value)
        }
        Err(err) if err.commits() => {
            commit(conn)?;
            Err(err)
        }
        Err(err) => {
            if let Err(rollback) = <AnyConnection as Connection>::TransactionManager::rollback_transaction(conn) {
                tracing::error!(error = %rollback, "rollback failed");
            }
            Err(err)
        }
    }
}

/// Commits, and says so to the request's scope. A connection lost while committing leaves the
/// outcome unknown: the request must not be replayed (`StoreError::CommitOutcomeUnknown`).
fn commit(conn: &mut AnyConnection) -> Result<(), StoreError> {
    match <AnyConnection as Connection>::TransactionManager::commit_transaction(conn) {
        Ok(()) => {
            super::request_scope::note_commit();
            Ok(())
        }
        Err(e) => {
            let e = StoreError::from(e);
            if e.is_connection_lost() {
                super::request_scope::note_commit(); // it may have committed
                if let StoreError::Query(cause) = e {
                    return Err(StoreError::CommitOutcomeUnknown(cause));
                }
            }
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scheme_picks_the_backend() {
        assert_eq!(DatabaseTarget::parse("postgres://u@h/db").map(|t| t.backend), Ok(Backend::Postgres));
        assert_eq!(DatabaseTarget::parse("postgresql://u@h/db").map(|t| t.backend), Ok(Backend::Postgres));
        assert_eq!(
            DatabaseTarget::parse("sqlite://./data/x.db"),
            Ok(DatabaseTarget { backend: Backend::Sqlite, connect_to: "./data/x.db".into() })
        );
        assert_eq!(DatabaseTarget::parse("data/x.db").map(|t| t.connect_to), Ok("data/x.db".into()));
        assert!(DatabaseTarget::parse("mysql://x").is_err());
        assert!(DatabaseTarget::parse("sqlite://").is_err());
    }

    #[test]
    fn postgres_urls_get_a_connect_timeout_unless_they_set_one() {
        let url = |u: &str| DatabaseTarget::parse(u).map(|t| t.connect_to);
        assert_eq!(url("postgres://u@h/db"), Ok("postgres://u@h/db?connect_timeout=5".into()));
        assert_eq!(
            url("postgres://u@h/db?sslmode=disable"),
            Ok("postgres://u@h/db?sslmode=disable&connect_timeout=5".into())
        );
        assert_eq!(url("postgres://u@h/db?connect_timeout=1"), Ok("postgres://u@h/db?connect_timeout=1".into()));
    }

    #[test]
    fn an_unreachable_server_is_named_without_the_password() {
        let closed = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).unwrap();
        let target = DatabaseTarget::parse(&format!("postgres://latchkey:hunter2@127.0.0.1:{closed}/x")).unwrap();
        let message = probe(&target).unwrap_err();
        assert!(message.starts_with(&format!("cannot connect to PostgreSQL at 127.0.0.1:{closed}: ")), "{message}");
        assert!(!message.contains("hunter2") && !message.contains('\n'), "{message}");
    }
}
