//! Backend selection (by the database URL's scheme), the r2d2 pool and the
//! transaction helper every write goes through.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};
use diesel::{Connection, PgConnection, SqliteConnection};

use super::StoreError;

#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

pub type DbPool = Pool<ConnectionManager<AnyConnection>>;
pub type DbConn = PooledConnection<ConnectionManager<AnyConnection>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Where a database URL points, after its scheme has chosen the backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatabaseTarget {
    pub backend: Backend,
    /// What the backend's driver is given: a file path for SQLite, the URL for PostgreSQL.
    pub connect_to: String,
}

impl DatabaseTarget {
    pub fn parse(url: &str) -> Result<Self, String> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self { backend: Backend::Postgres, connect_to: url.to_owned() });
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

/// Per-connection SQLite settings: busy_timeout first so that the others wait for locks too.
#[derive(Debug)]
struct SqlitePragmas;

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
    /// SQLite has one writer at a time: writers of this process queue here instead of
    /// sleeping in SQLite's busy handler (which would add tens of milliseconds of latency).
    /// Other processes on the same file are still handled by busy_timeout.
    sqlite_writer: Arc<Mutex<()>>,
}

impl Db {
    pub fn connect(target: &DatabaseTarget, max_size: u32) -> Result<Self, StoreError> {
        if target.backend == Backend::Sqlite {
            if let Some(parent) = std::path::Path::new(&target.connect_to).parent() {
                if !parent.as_os_str().is_empty() {
                    std::fs::create_dir_all(parent).map_err(|e| StoreError::Setup(e.to_string()))?;
                }
            }
        }
        let manager = ConnectionManager::<AnyConnection>::new(&target.connect_to);
        let pool = Pool::builder()
            .max_size(max_size)
            .connection_timeout(Duration::from_secs(10))
            .connection_customizer(Box::new(SqlitePragmas))
            .build(manager)?;
        Ok(Self { pool, backend: target.backend, sqlite_writer: Arc::new(Mutex::new(())) })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn get(&self) -> Result<DbConn, StoreError> {
        Ok(self.pool.get()?)
    }

    /// Runs `f` in one transaction on a pooled connection.
    pub fn transaction<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, E>,
        E: From<StoreError> + CommitsOnError,
    {
        let mut conn = self.get()?;
        self.transaction_on(&mut conn, f)
    }

    /// Runs `f` in one transaction on `conn`. On SQLite the transaction starts with
    /// `BEGIN IMMEDIATE` (a read-then-write never fails on a lock upgrade) and this process's
    /// writers take turns; on PostgreSQL rows are locked by the statements themselves.
    pub fn transaction_on<T, E, F>(&self, conn: &mut AnyConnection, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, E>,
        E: From<StoreError> + CommitsOnError,
    {
        let _turn = match conn {
            AnyConnection::Sqlite(_) => {
                Some(self.sqlite_writer.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
            }
            AnyConnection::Postgresql(_) => None,
        };
        transaction(conn, f)
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
            <AnyConnection as Connection>::TransactionManager::commit_transaction(conn).map_err(StoreError::from)?;
            Ok(value)
        }
        Err(err) if err.commits() => {
            <AnyConnection as Connection>::TransactionManager::commit_transaction(conn).map_err(StoreError::from)?;
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
}
