//! Keeps `INSERT` and `UPDATE` statements prepared on PostgreSQL.
//!
//! diesel caches the prepared statement of a `SELECT`, but never of an `UPDATE` (its SQL may
//! vary with the values, so diesel cannot tell whether a cache would stay bounded), and it
//! decides that on a path that cannot be overridden for a statement run by `execute`. Uncached,
//! PostgreSQL parses and plans every write of every request again (an unnamed statement). The
//! write statements of the store take one or a few SQL texts each, so they may be cached by
//! their text: `execute_prepared!` runs one through the path that honours `Prepared`
//! (`… RETURNING 1`, loaded and counted). On SQLite the plain `execute` is used: preparing a
//! statement there is an in-process parse, cheaper than the temporary table `RETURNING` needs.
//! Do not use it on a statement whose text grows with its input (an `IN (…)` list on SQLite, a
//! many-row `INSERT`, an update from a struct of optional fields: each set of fields is another
//! text), or the cache would grow without bound; nor on an update of many rows, each of which
//! `RETURNING` would send back.

use diesel::backend::Backend;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::{QueryResult, RunQueryDsl};

/// A statement cached by its SQL text (see the module's documentation).
#[derive(Debug, Clone, Copy)]
pub struct Prepared<Q>(pub Q);

impl<Q, DB> QueryFragment<DB> for Prepared<Q>
where
    DB: Backend,
    Q: QueryFragment<DB>,
{
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.0.walk_ast(pass)
    }

    fn is_safe_to_cache_prepared(&self, _backend: &DB) -> QueryResult<bool> {
        Ok(true)
    }
}

/// No static id: the cache is keyed by the SQL text (and bind types), so two texts of one
/// statement type (an optional `SET` column, an omitted insert column) get two entries.
impl<Q> QueryId for Prepared<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: Query> Query for Prepared<Q> {
    type SqlType = Q::SqlType;
}

impl<Q, Conn> RunQueryDsl<Conn> for Prepared<Q> {}

/// Runs an `INSERT` or `UPDATE` (kept prepared on PostgreSQL, see the module) on an
/// `AnyConnection` and gives the number of rows it wrote: `execute_prepared!(statement, conn)`.
macro_rules! execute_prepared {
    ($statement:expr, $conn:expr) => {{
        use diesel::RunQueryDsl as _;
        match $conn {
            $crate::store::AnyConnection::Postgresql(pg) => $crate::store::prepared::Prepared(
                $statement.returning(diesel::dsl::sql::<diesel::sql_types::Integer>("1")),
            )
            .load::<i32>(pg)
            .map(|rows| rows.len()),
            $crate::store::AnyConnection::Sqlite(lite) => $statement.execute(lite),
        }
    }};
}
pub(crate) use execute_prepared;

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use diesel::connection::{Instrumentation, InstrumentationEvent, SimpleConnection};
    use diesel::prelude::*;

    use crate::store::AnyConnection;

    diesel::table! {
        counters (id) {
            id -> Integer,
            n -> Integer,
        }
    }

    struct CountPrepares(Arc<AtomicUsize>);

    impl Instrumentation for CountPrepares {
        fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
            if let InstrumentationEvent::CacheQuery { .. } = event {
                self.0.fetch_add(1, Ordering::SeqCst);
            }
        }
    }

    /// How many statements were prepared for the cache while an update and an insert ran three
    /// times each through `execute_prepared!`, and the rows they wrote.
    fn prepares_of(url: &str) -> Result<(usize, usize), Box<dyn std::error::Error>> {
        let mut conn = AnyConnection::establish(url)?;
        conn.batch_execute(
            "CREATE TEMP TABLE counters (id INTEGER PRIMARY KEY, n INTEGER NOT NULL); INSERT INTO counters VALUES (1, 0);",
        )?;
        let cached = Arc::new(AtomicUsize::new(0));
        conn.set_instrumentation(CountPrepares(cached.clone()));
        let mut written = 0;
        for i in 0..3 {
            written += execute_prepared!(diesel::update(counters::table.find(1)).set(counters::n.eq(i)), &mut conn)?;
            written += execute_prepared!(diesel::update(counters::table.find(2)).set(counters::n.eq(i)), &mut conn)?;
            written += execute_prepared!(
                diesel::insert_into(counters::table).values((counters::id.eq(10 + i), counters::n.eq(i))),
                &mut conn
            )?;
        }
        Ok((cached.load(Ordering::SeqCst), written))
    }

    #[test]
    fn writes_count_their_rows_and_stay_prepared_on_postgres() -> Result<(), Box<dyn std::error::Error>> {
        // SQLite runs the plain statements: the update is prepared each time, the single-row
        // insert is one diesel caches itself.
        assert_eq!(prepares_of(":memory:")?, (1, 6));
        if let Ok(url) = std::env::var("LATCHKEY_TEST_DATABASE_URL") {
            // One preparation per SQL text: the update (twice the same text) and the insert.
            assert_eq!(prepares_of(&url)?, (2, 6), "PostgreSQL");
        }
        Ok(())
    }
}
