//! The lease queue both outboxes use (messages, event-webhook deliveries): rows with `status`,
//! `attempts`, `next_attempt_at`, `lease_until` and `expires_at`. A row is due when it is queued
//! (or sending under a lease that ran out), its turn has come and it has not expired; a sender
//! takes it with one conditional `UPDATE`, so of several instances or tasks trying at once
//! exactly one gets the lease, and records the outcome under that lease.
//!
//! Written as a macro over a table module because diesel's tables are distinct types with no
//! common trait for "a table with these columns": each queue's functions are generated from the
//! same text, so the two cannot drift.

/// `due` and `claim` for the table module `$t` whose `id` column holds `$id`.
macro_rules! lease_queue {
    ($t:ident, $id:ty) => {
        /// Rows whose turn has come, unexpired, not under a live lease, oldest turn first.
        pub fn due(
            conn: &mut $crate::store::AnyConnection,
            now: $crate::domain::UnixTime,
            limit: i64,
        ) -> Result<Vec<$id>, $crate::store::StoreError> {
            use $crate::domain::OutboxStatus;
            Ok($t::table
                .filter($t::status.eq_any([OutboxStatus::Queued, OutboxStatus::Sending]))
                .filter($t::next_attempt_at.le(now))
                .filter($t::expires_at.gt(now))
                .filter($t::lease_until.is_null().or($t::lease_until.le(now)))
                .order($t::next_attempt_at.asc())
                .limit(limit)
                .select($t::id)
                .load(conn)?)
        }

        /// Takes the lease on one row for `lease_secs` (a conditional `UPDATE`: of several
        /// senders trying at once exactly one gets it) and counts the attempt. Returns the
        /// lease's end, under which the outcome is recorded, or `None` when another sender has it.
        pub fn claim(
            conn: &mut $crate::store::AnyConnection,
            id: &$id,
            now: $crate::domain::UnixTime,
            lease_secs: i64,
        ) -> Result<Option<$crate::domain::UnixTime>, $crate::store::StoreError> {
            use $crate::domain::OutboxStatus;
            let lease = now + lease_secs;
            let n = diesel::update(
                $t::table
                    .find(id)
                    .filter($t::status.eq_any([OutboxStatus::Queued, OutboxStatus::Sending]))
                    .filter($t::next_attempt_at.le(now))
                    .filter($t::expires_at.gt(now))
                    .filter($t::lease_until.is_null().or($t::lease_until.le(now))),
            )
            .set(($t::status.eq(OutboxStatus::Sending), $t::lease_until.eq(lease), $t::attempts.eq($t::attempts + 1)))
            .execute(conn)?;
            Ok((n == 1).then_some(lease))
        }
    };
}
pub(crate) use lease_queue;
