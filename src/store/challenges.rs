//! Login challenges: the state between a correct password and the second factor.

use super::prepared::execute_prepared;
use diesel::prelude::*;

use crate::domain::{ChallengeId, ChallengePurpose, MethodId, TenantId, UnixTime, UserId};

use super::schema::challenges as c;
use super::{AnyConnection, StoreError};

#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = c)]
pub struct Challenge {
    pub id: ChallengeId,
    pub tenant_id: TenantId,
    pub user_id: UserId,
    pub purpose: ChallengePurpose,
    /// The method being verified (for an enrollment: the pending method once chosen).
    pub method_id: Option<MethodId>,
    /// Keyed hash of the latest SMS/email code sent in this challenge.
    pub code_hash: Option<String>,
    pub code_expires_at: Option<UnixTime>,
    pub sends: i32,
    pub last_sent_at: Option<UnixTime>,
    pub attempts: i32,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    pub completed_at: Option<UnixTime>,
    /// When the worker handled it as abandoned (password right, second factor not finished).
    pub unfinished_noticed_at: Option<UnixTime>,
    /// While the method in play is a WebAuthn key: the authentication ceremony's state.
    pub webauthn_state: Option<String>,
}

impl std::fmt::Debug for Challenge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Challenge")
            .field("id", &self.id)
            .field("purpose", &self.purpose)
            .field("method_id", &self.method_id)
            .finish_non_exhaustive()
    }
}

/// A user may hold this many open challenges; opening another ends the oldest.
pub const MAX_OPEN_PER_USER: i64 = 5;

/// Inserts a challenge and ends (expires now) the user's oldest open ones beyond
/// `MAX_OPEN_PER_USER` (the new one counted). Exact when the caller holds the user's row lock (a
/// login does). A challenge another request holds locked (being verified) is left alone on
/// PostgreSQL: that request takes the challenge before the user, this one the other way round.
pub fn insert(conn: &mut AnyConnection, challenge: &Challenge) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(c::table).values(challenge), conn)?;
    let now = challenge.created_at;
    macro_rules! beyond_the_cap {
        ($query:expr) => {
            $query
                .filter(c::user_id.eq(&challenge.user_id))
                .filter(c::id.ne(&challenge.id))
                .filter(c::completed_at.is_null())
                .filter(c::expires_at.gt(now))
                .order((c::created_at.desc(), c::id.desc()))
                .offset(MAX_OPEN_PER_USER - 1)
                .select(c::id)
        };
    }
    let beyond: Vec<ChallengeId> = match conn {
        AnyConnection::Postgresql(pg) => beyond_the_cap!(c::table).for_update().skip_locked().load(pg)?,
        AnyConnection::Sqlite(lite) => beyond_the_cap!(c::table).load(lite)?,
    };
    if !beyond.is_empty() {
        // Ended by the cap, not abandoned: no "second factor not finished" notice for them.
        diesel::update(c::table.filter(c::id.eq_any(&beyond)))
            .set((c::expires_at.eq(now), c::unfinished_noticed_at.eq(now)))
            .execute(conn)?;
    }
    Ok(())
}

pub fn find(conn: &mut AnyConnection, id: &ChallengeId) -> Result<Option<Challenge>, StoreError> {
    Ok(c::table.find(id).select(Challenge::as_select()).first(conn).optional()?)
}

/// Takes the challenge's row lock for the rest of the transaction (and counts the attempt),
/// so concurrent verifications of one challenge run one after another. `false` when the
/// challenge is already completed.
pub fn lock_open(conn: &mut AnyConnection, id: &ChallengeId) -> Result<bool, StoreError> {
    let n = execute_prepared!(
        diesel::update(c::table.find(id).filter(c::completed_at.is_null())).set(c::attempts.eq(c::attempts + 1)),
        conn
    )?;
    Ok(n == 1)
}

/// `lock_open` and `find` in one statement (`UPDATE … RETURNING`): the open challenge, locked,
/// with this attempt counted; `None` when it is unknown or already completed.
pub fn lock_open_returning(conn: &mut AnyConnection, id: &ChallengeId) -> Result<Option<Challenge>, StoreError> {
    macro_rules! update_returning {
        ($conn:expr) => {
            diesel::update(c::table.find(id).filter(c::completed_at.is_null()))
                .set(c::attempts.eq(c::attempts + 1))
                .returning(Challenge::as_returning())
                .get_result($conn)
                .optional()?
        };
    }
    // RETURNING is written per backend: the multi-backend connection has no RETURNING of its own.
    Ok(match conn {
        AnyConnection::Postgresql(pg) => update_returning!(pg),
        AnyConnection::Sqlite(lite) => update_returning!(lite),
    })
}

pub fn complete(conn: &mut AnyConnection, id: &ChallengeId, now: UnixTime) -> Result<bool, StoreError> {
    let n = execute_prepared!(
        diesel::update(c::table.find(id).filter(c::completed_at.is_null())).set(c::completed_at.eq(now)),
        conn
    )?;
    Ok(n == 1)
}

/// Points the challenge at a method and forgets any code sent for another.
pub fn set_method(conn: &mut AnyConnection, id: &ChallengeId, method_id: &MethodId) -> Result<(), StoreError> {
    execute_prepared!(
        diesel::update(c::table.find(id)).set((
            c::method_id.eq(method_id),
            c::webauthn_state.eq(None::<String>),
            c::code_hash.eq(None::<String>),
            c::code_expires_at.eq(None::<i64>)
        )),
        conn
    )?;
    Ok(())
}

/// Keeps (or, with `None`, forgets) the authentication ceremony of the challenge's keys.
pub fn set_webauthn_state(conn: &mut AnyConnection, id: &ChallengeId, state: Option<&str>) -> Result<(), StoreError> {
    execute_prepared!(diesel::update(c::table.find(id)).set(c::webauthn_state.eq(state)), conn)?;
    Ok(())
}

/// Records a newly sent code; it replaces any earlier one.
pub fn record_send(
    conn: &mut AnyConnection,
    id: &ChallengeId,
    code_hash: &str,
    code_expires_at: UnixTime,
    now: UnixTime,
) -> Result<(), StoreError> {
    execute_prepared!(
        diesel::update(c::table.find(id)).set((
            c::code_hash.eq(code_hash),
            c::code_expires_at.eq(code_expires_at),
            c::sends.eq(c::sends + 1),
            c::last_sent_at.eq(now),
        )),
        conn
    )?;
    Ok(())
}

/// Deletes challenges that expired before `before` (the outbox worker's clean-up).
/// Challenges a password opened that ended without being finished and were not yet handled,
/// expired in the last day (older ones are let go), oldest first.
pub fn abandoned(conn: &mut AnyConnection, now: UnixTime, limit: i64) -> Result<Vec<Challenge>, StoreError> {
    Ok(c::table
        .filter(c::expires_at.le(now))
        .filter(c::expires_at.gt(now - 86_400))
        .filter(c::completed_at.is_null())
        .filter(c::unfinished_noticed_at.is_null())
        .filter(c::purpose.eq_any([ChallengePurpose::Verify, ChallengePurpose::Enroll]))
        .order(c::expires_at.asc())
        .limit(limit)
        .select(Challenge::as_select())
        .load(conn)?)
}

/// Takes an abandoned challenge for handling: true for exactly one worker.
pub fn claim_abandoned(conn: &mut AnyConnection, id: &ChallengeId, now: UnixTime) -> Result<bool, StoreError> {
    let n = execute_prepared!(
        diesel::update(c::table.find(id).filter(c::unfinished_noticed_at.is_null()).filter(c::completed_at.is_null()))
            .set(c::unfinished_noticed_at.eq(Some(now))),
        conn
    )?;
    Ok(n == 1)
}

/// Marks a challenge that no password opened (a step-up) as never to be alerted on.
pub fn exclude_from_unfinished_alerts(
    conn: &mut AnyConnection,
    id: &ChallengeId,
    now: UnixTime,
) -> Result<(), StoreError> {
    execute_prepared!(diesel::update(c::table.find(id)).set(c::unfinished_noticed_at.eq(Some(now))), conn)?;
    Ok(())
}

pub fn purge_expired(conn: &mut AnyConnection, before: UnixTime) -> Result<usize, StoreError> {
    Ok(diesel::delete(c::table.filter(c::expires_at.lt(before))).execute(conn)?)
}
