//! Fixed-window counters in the database, for caps that must hold across every instance
//! sharing it (a per-instance limiter would let N instances allow N times as much).

use super::prepared::execute_prepared;
use diesel::prelude::*;
use diesel::upsert::excluded;

use crate::domain::UnixTime;

use super::schema::rate_counters as rc;
use super::{AnyConnection, StoreError};

/// Counts one hit on `key` in the window that starts at `window_start` and returns the hits of
/// that window so far, this one included. Run it inside the transaction of the change it
/// guards: the row lock (PostgreSQL) or the write lock (SQLite) makes concurrent hits count one
/// after another, on one instance or many.
pub fn hit(conn: &mut AnyConnection, key: &str, window_start: UnixTime) -> Result<i32, StoreError> {
    // A counter of an earlier window starts again from zero.
    execute_prepared!(
        diesel::update(rc::table.find(key).filter(rc::window_start.ne(window_start)))
            .set((rc::window_start.eq(window_start), rc::hits.eq(0))),
        conn
    )?;
    // The multi-backend connection has no upsert: the same statement, on each backend.
    macro_rules! upsert {
        ($c:expr) => {
            diesel::insert_into(rc::table)
                .values((rc::key.eq(key), rc::window_start.eq(window_start), rc::hits.eq(1)))
                .on_conflict(rc::key)
                .do_update()
                .set((rc::hits.eq(rc::hits + 1), rc::window_start.eq(excluded(rc::window_start))))
                .execute($c)?
        };
    }
    match conn {
        AnyConnection::Sqlite(c) => upsert!(c),
        AnyConnection::Postgresql(c) => upsert!(c),
    };
    Ok(rc::table.find(key).select(rc::hits).first(conn)?)
}

/// Deletes counters whose window started before `before` (the outbox worker's clean-up).
pub fn purge(conn: &mut AnyConnection, before: UnixTime) -> Result<usize, StoreError> {
    Ok(diesel::delete(rc::table.filter(rc::window_start.lt(before))).execute(conn)?)
}
