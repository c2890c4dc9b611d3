//! `SELECT … FOR NO KEY UPDATE OF <table>` on PostgreSQL: a join that locks the rows of one of
//! its tables only (diesel's `for_no_key_update()` would lock the rows of every joined table,
//! and so serialize all logins of a tenant on the tenant's row).
//!
//! The rows of the locked table are returned as they are once the lock is held, also when the
//! statement waited for another transaction to commit (PostgreSQL re-reads them then): one
//! statement that locks and reads, where a lock and a read after it would take two.

use diesel::pg::Pg;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::{QueryResult, RunQueryDsl};

#[derive(Debug, Clone, Copy)]
pub struct ForNoKeyUpdateOf<Q> {
    query: Q,
    table: &'static str,
}

/// `query` (a select without a locking clause), locking the rows it reads of `table`.
pub fn for_no_key_update_of<Q>(query: Q, table: &'static str) -> ForNoKeyUpdateOf<Q> {
    ForNoKeyUpdateOf { query, table }
}

impl<Q: Query> Query for ForNoKeyUpdateOf<Q> {
    type SqlType = Q::SqlType;
}

impl<Q: QueryFragment<Pg>> QueryFragment<Pg> for ForNoKeyUpdateOf<Q> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.query.walk_ast(out.reborrow())?;
        out.push_sql(" FOR NO KEY UPDATE OF ");
        out.push_identifier(self.table)
    }
}

/// No static id: the cache is keyed by the SQL text, the query's plus `table`'s name.
impl<Q> QueryId for ForNoKeyUpdateOf<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q, Conn> RunQueryDsl<Conn> for ForNoKeyUpdateOf<Q> {}
