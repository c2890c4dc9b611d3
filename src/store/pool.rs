//! The pool's connection manager: when a pooled connection is checked before use.
//!
//! diesel's own manager sends `SELECT 1` before every checkout, one statement in every request
//! (one in thirteen of a `/verify` on PostgreSQL). Here a connection is pinged only when it may
//! have gone bad: it sat idle longer than [`TRUSTED_FOR`] (the server may have restarted or
//! closed it meanwhile), or a statement on it failed, or another connection of the pool was found
//! broken since it came back (a server that went away took them all: after a failover every
//! pooled connection is checked before reuse, so a request's replay gets a live one). A
//! connection that just came back from a request whose statements all succeeded is handed out as
//! it is.

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::connection::{Connection, Instrumentation, InstrumentationEvent};
use diesel::r2d2::{ConnectionManager, ManageConnection, PooledConnection};

use super::connection::AnyConnection;

/// How long after its last successful use a connection is handed out without a ping.
pub const TRUSTED_FOR: Duration = Duration::from_secs(1);

/// A connection as the pool holds it.
pub struct Pooled {
    conn: AnyConnection,
    /// When it last came back to the pool.
    returned_at: Instant,
    /// Set when a statement on it failed since its last ping.
    failed: Arc<AtomicBool>,
    /// The pool's count of broken connections when this one was last known good.
    seen_breaks: u64,
    /// A statement on it found the server gone or read-only (a failover): it is dropped on return.
    lost: Arc<AtomicBool>,
}

/// A connection checked out of the pool; derefs to the connection.
pub struct DbConn(PooledConnection<Manager>);

impl Deref for DbConn {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        &self.0.conn
    }
}

impl DerefMut for DbConn {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.0.conn
    }
}

impl DbConn {
    pub(super) fn new(inner: PooledConnection<Manager>) -> Self {
        Self(inner)
    }
}

/// diesel's manager, with the checks above.
#[derive(Debug)]
pub struct Manager {
    inner: ConnectionManager<AnyConnection>,
    /// Connections found broken so far.
    breaks: AtomicU64,
}

impl Manager {
    pub fn new(url: &str) -> Self {
        Self { inner: ConnectionManager::new(url), breaks: AtomicU64::new(0) }
    }
}

impl ManageConnection for Manager {
    type Connection = Pooled;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<Pooled, Self::Error> {
        let mut conn = self.inner.connect()?;
        let failed = Arc::new(AtomicBool::new(false));
        let lost = Arc::new(AtomicBool::new(false));
        conn.set_instrumentation(WatchFailures {
            inner: diesel::connection::get_default_instrumentation(),
            failed: failed.clone(),
            lost: lost.clone(),
        });
        let seen_breaks = self.breaks.load(Ordering::SeqCst);
        Ok(Pooled { conn, returned_at: Instant::now(), failed, seen_breaks, lost })
    }

    fn is_valid(&self, pooled: &mut Pooled) -> Result<(), Self::Error> {
        let breaks = self.breaks.load(Ordering::SeqCst);
        let others_broke = pooled.seen_breaks < breaks;
        if others_broke || needs_ping(pooled.returned_at.elapsed(), pooled.failed.load(Ordering::Relaxed)) {
            writable(&mut pooled.conn)?;
            pooled.failed.store(false, Ordering::Relaxed);
            pooled.seen_breaks = breaks;
        }
        Ok(())
    }

    fn has_broken(&self, pooled: &mut Pooled) -> bool {
        pooled.returned_at = Instant::now();
        let broken = self.inner.has_broken(&mut pooled.conn) || pooled.lost.load(Ordering::Relaxed);
        if broken {
            self.breaks.fetch_add(1, Ordering::SeqCst);
        }
        broken
    }
}

/// The ping: the server answers, and on PostgreSQL it still takes writes (a primary being demoted
/// in a switchover answers `SELECT 1` but refuses every write with `25006`).
fn writable(conn: &mut AnyConnection) -> Result<(), diesel::r2d2::Error> {
    use diesel::result::{DatabaseErrorKind, Error};
    use diesel::RunQueryDsl;
    match conn {
        AnyConnection::Postgresql(_) => {
            let rows = diesel::sql_query("SELECT 1 WHERE current_setting('transaction_read_only') = 'off'")
                .execute(conn)
                .map_err(diesel::r2d2::Error::QueryError)?;
            if rows == 0 {
                let read_only = Box::new("the server no longer takes writes".to_owned());
                return Err(diesel::r2d2::Error::QueryError(Error::DatabaseError(
                    DatabaseErrorKind::ReadOnlyTransaction,
                    read_only,
                )));
            }
            Ok(())
        }
        AnyConnection::Sqlite(_) => {
            use diesel::connection::SimpleConnection;
            conn.batch_execute("SELECT 1").map_err(diesel::r2d2::Error::QueryError)
        }
    }
}

fn needs_ping(idle: Duration, failed: bool) -> bool {
    failed || idle >= TRUSTED_FOR
}

/// The process's default instrumentation (statement counting), plus a flag raised when a
/// statement fails.
struct WatchFailures {
    inner: Option<Box<dyn Instrumentation>>,
    failed: Arc<AtomicBool>,
    lost: Arc<AtomicBool>,
}

impl Instrumentation for WatchFailures {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if let InstrumentationEvent::FinishQuery { error: Some(error), .. } = &event {
            self.failed.store(true, Ordering::Relaxed);
            use diesel::result::{DatabaseErrorKind as K, Error as E};
            if matches!(
                error,
                E::DatabaseError(K::ClosedConnection | K::UnableToSendCommand | K::ReadOnlyTransaction, _)
            ) {
                self.lost.store(true, Ordering::Relaxed);
            }
        }
        if let Some(inner) = self.inner.as_mut() {
            inner.on_connection_event(event);
        }
    }
}

/// The pool's connection-level customisation works on the connection inside.
pub fn customize<C>(customizer: C) -> Box<dyn diesel::r2d2::CustomizeConnection<Pooled, diesel::r2d2::Error>>
where
    C: diesel::r2d2::CustomizeConnection<AnyConnection, diesel::r2d2::Error>,
{
    Box::new(Inside(customizer))
}

#[derive(Debug)]
struct Inside<C>(C);

impl<C> diesel::r2d2::CustomizeConnection<Pooled, diesel::r2d2::Error> for Inside<C>
where
    C: diesel::r2d2::CustomizeConnection<AnyConnection, diesel::r2d2::Error>,
{
    fn on_acquire(&self, pooled: &mut Pooled) -> Result<(), diesel::r2d2::Error> {
        self.0.on_acquire(&mut pooled.conn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use diesel::sql_types::Integer;
    use diesel::{PgConnection, QueryableByName, RunQueryDsl};

    use crate::store::{DatabaseTarget, Db};

    #[derive(QueryableByName)]
    struct Pid {
        #[diesel(sql_type = Integer)]
        pid: i32,
    }

    fn backend_pid(conn: &mut AnyConnection) -> Result<i32, diesel::result::Error> {
        diesel::sql_query("SELECT pg_backend_pid() AS pid").get_result::<Pid>(conn).map(|row| row.pid)
    }

    /// A connection whose server process died fails the one request that finds out, and is
    /// replaced before the next: the failure makes the pool ping it.
    #[test]
    fn a_connection_that_failed_is_pinged_and_replaced() -> Result<(), Box<dyn std::error::Error>> {
        let Ok(url) = std::env::var("LATCHKEY_TEST_DATABASE_URL") else { return Ok(()) };
        let db = Db::connect(&DatabaseTarget::parse(&url)?, 1)?;
        let first = backend_pid(&mut *db.get()?)?;
        assert_eq!(backend_pid(&mut *db.get()?)?, first, "a connection just returned is reused, unpinged");
        let mut admin = PgConnection::establish(&url)?;
        diesel::sql_query(format!("SELECT pg_terminate_backend({first}, 5000)")).execute(&mut admin)?;
        assert!(backend_pid(&mut *db.get()?).is_err(), "used within {TRUSTED_FOR:?}, it is not pinged");
        let replaced = backend_pid(&mut *db.get()?)?;
        assert_ne!(replaced, first);
        Ok(())
    }

    #[test]
    fn a_connection_is_pinged_after_idling_or_failing_only() {
        assert!(!needs_ping(Duration::from_millis(5), false));
        assert!(needs_ping(Duration::from_millis(5), true));
        assert!(needs_ping(TRUSTED_FOR, false));
        assert!(needs_ping(Duration::from_secs(60), false));
    }
}
