//! SQLite: the one connection every write transaction of this process runs on, and the
//! checkpoints that copy its write-ahead log back into the database file.
//!
//! SQLite has one writer at a time. Writers of this process take turns on this connection
//! instead of sleeping in SQLite's busy handler (which would add tens of milliseconds), and one
//! connection keeps its page cache and prepared statements warm: a pooled connection finds its
//! cache stale whenever another one has written, and reads the pages again. Other processes on
//! the same file are still handled by `busy_timeout`.
//!
//! A commit does not checkpoint (`wal_autocheckpoint = 0`): a thread beside the writer does,
//! every `CHECKPOINT_EVERY`, so copying pages into the database file is not part of any
//! request's turn. A checkpoint beside running writers may never find the log fully copied,
//! and the log restarts only then: once it holds more than `RESTART_FRAMES`, the thread takes
//! the writer's turn for one checkpoint, after which the next commit starts the log again.

use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::Duration;

use diesel::connection::{SimpleConnection, TransactionManager};
use diesel::r2d2::CustomizeConnection;
use diesel::sql_types::Integer;
use diesel::{Connection, QueryableByName, RunQueryDsl};

use super::connection::SqlitePragmas;

type Manager = <AnyConnection as Connection>::TransactionManager;
use super::{AnyConnection, StoreError};

const CHECKPOINT_EVERY: Duration = Duration::from_millis(200);
/// Pages in the log (4 KiB each) past which a checkpoint waits for the writer's turn.
const RESTART_FRAMES: i32 = 4000;

pub(super) struct SqliteWriter {
    path: String,
    connection: Mutex<AnyConnection>,
}

impl SqliteWriter {
    /// Opens the writer connection and starts its checkpoint thread, which stops once the
    /// writer is dropped.
    pub(super) fn open(path: &str) -> Result<Arc<Self>, StoreError> {
        let writer = Arc::new(Self { path: path.to_owned(), connection: Mutex::new(open_writer(path)?) });
        let checkpoints = open(path)?;
        let weak = Arc::downgrade(&writer);
        std::thread::Builder::new()
            .name("latchkey-sqlite-checkpoint".into())
            .spawn(move || checkpoint_loop(&weak, checkpoints))
            .map_err(|e| StoreError::Setup(format!("cannot start the SQLite checkpoint thread: {e}")))?;
        Ok(writer)
    }

    /// The writer's turn. After a panic inside a transaction the connection may still be in
    /// it: it is replaced by a new one.
    /// A connection whose transaction state diesel marked broken (a failed commit whose rollback
    /// failed too) is replaced as well: nothing could be written on it any more.
    pub(super) fn turn(&self) -> Result<MutexGuard<'_, AnyConnection>, StoreError> {
        match self.connection.lock() {
            Ok(mut guard) => {
                if Manager::is_broken_transaction_manager(&mut *guard) {
                    *guard = open_writer(&self.path)?;
                }
                Ok(guard)
            }
            Err(poisoned) => {
                let mut guard = poisoned.into_inner();
                *guard = open_writer(&self.path)?;
                self.connection.clear_poison();
                Ok(guard)
            }
        }
    }
}

fn open(path: &str) -> Result<AnyConnection, StoreError> {
    let mut conn = AnyConnection::establish(path).map_err(|e| StoreError::Setup(e.to_string()))?;
    SqlitePragmas.on_acquire(&mut conn).map_err(|e| StoreError::Setup(e.to_string()))?;
    Ok(conn)
}

fn open_writer(path: &str) -> Result<AnyConnection, StoreError> {
    let mut conn = open(path)?;
    conn.batch_execute("PRAGMA wal_autocheckpoint = 0").map_err(StoreError::from)?;
    Ok(conn)
}

/// A row of `PRAGMA wal_checkpoint`.
#[derive(QueryableByName)]
struct Checkpoint {
    /// 1 when the checkpoint could not finish (a writer or reader was in the way).
    #[diesel(sql_type = Integer)]
    busy: i32,
    /// Pages in the log.
    #[diesel(sql_type = Integer)]
    log: i32,
    /// Pages of the log copied into the database file.
    #[diesel(sql_type = Integer)]
    checkpointed: i32,
}

fn checkpoint(conn: &mut AnyConnection) -> Result<Checkpoint, StoreError> {
    diesel::sql_query("PRAGMA wal_checkpoint(PASSIVE)").get_result::<Checkpoint>(conn).map_err(StoreError::from)
}

fn checkpoint_loop(writer: &Weak<SqliteWriter>, mut conn: AnyConnection) {
    loop {
        std::thread::sleep(CHECKPOINT_EVERY);
        let Some(writer) = writer.upgrade() else { return };
        let done = checkpoint(&mut conn).and_then(|beside| {
            if beside.log <= RESTART_FRAMES {
                return Ok(beside);
            }
            // No writer of this process runs during the turn: the log is copied to its end.
            let _turn = writer.turn()?;
            checkpoint(&mut conn)
        });
        match done {
            Ok(c) => {
                metrics::gauge!("latchkey_sqlite_wal_pages").set(f64::from(c.log - c.checkpointed));
                if c.busy != 0 {
                    tracing::debug!(log = c.log, checkpointed = c.checkpointed, "SQLite checkpoint did not finish");
                }
            }
            Err(error) => tracing::warn!(%error, "SQLite checkpoint failed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_turn_that_panicked_leaves_a_fresh_connection_and_none_of_its_writes() -> Result<(), StoreError> {
        let dir = std::env::temp_dir().join(format!("latchkey-writer-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).map_err(|e| StoreError::Setup(e.to_string()))?;
        let path = dir.join("t.db").to_string_lossy().into_owned();
        let writer = SqliteWriter::open(&path)?;
        writer.turn()?.batch_execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")?;
        let crashed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            if let Ok(mut conn) = writer.turn() {
                let _ = conn.batch_execute("BEGIN IMMEDIATE; INSERT INTO t (id) VALUES (1);");
                std::panic::resume_unwind(Box::new("a bug during a write"));
            }
        }));
        assert!(crashed.is_err());
        // The poisoned turn gives a new connection: the open transaction died with the old one,
        // and writing works again.
        writer.turn()?.batch_execute("INSERT INTO t (id) VALUES (2)")?;
        #[derive(QueryableByName)]
        struct Ids {
            #[diesel(sql_type = Integer)]
            n: i32,
        }
        let ids = diesel::sql_query("SELECT COUNT(*) AS n FROM t").get_result::<Ids>(&mut open(&path)?)?;
        assert_eq!(ids.n, 1, "only the write after the panic is in the database");
        drop(writer);
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    }

    #[test]
    fn the_log_is_copied_back_and_restarts() -> Result<(), StoreError> {
        let dir = std::env::temp_dir().join(format!("latchkey-wal-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).map_err(|e| StoreError::Setup(e.to_string()))?;
        let path = dir.join("t.db").to_string_lossy().into_owned();
        let writer = SqliteWriter::open(&path)?;
        writer.turn()?.batch_execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)")?;
        for _ in 0..(RESTART_FRAMES + 500) {
            writer.turn()?.batch_execute("INSERT INTO t (v) VALUES (zeroblob(3000))")?;
        }
        // Within a few checkpoint periods the thread copies every page and the next commit
        // starts the log from its beginning.
        let mut reader = open(&path)?;
        let mut pages = i32::MAX;
        for _ in 0..50 {
            std::thread::sleep(CHECKPOINT_EVERY);
            writer.turn()?.batch_execute("INSERT INTO t (v) VALUES (zeroblob(10))")?;
            pages = checkpoint(&mut reader)?.log;
            if pages < 100 {
                break;
            }
        }
        assert!(pages < 100, "the log still holds {pages} pages");
        drop(writer);
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    }
}
