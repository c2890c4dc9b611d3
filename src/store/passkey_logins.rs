//! "Sign in with a passkey" ceremonies: opened with no user (the passkey names its user), used once.

use super::prepared::execute_prepared;
use diesel::prelude::*;

use crate::domain::{ChallengeId, TenantId, UnixTime};

use super::schema::passkey_logins as p;
use super::{AnyConnection, StoreError};

#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = p)]
pub struct PasskeyLogin {
    pub id: ChallengeId,
    pub tenant_id: TenantId,
    /// The authentication ceremony's state (webauthn-rs JSON).
    pub webauthn_state: String,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    pub completed_at: Option<UnixTime>,
}

pub fn insert(conn: &mut AnyConnection, login: &PasskeyLogin) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(p::table).values(login), conn)?;
    Ok(())
}

pub fn exists(conn: &mut AnyConnection, id: &ChallengeId) -> Result<bool, StoreError> {
    Ok(p::table.find(id).select(p::id).first::<ChallengeId>(conn).optional()?.is_some())
}

/// Takes the ceremony for one answer: exactly one caller gets it, whether the answer then
/// verifies or not (a failed passkey sign-in starts again). `None` when it is unknown or used.
pub fn take(conn: &mut AnyConnection, id: &ChallengeId, now: UnixTime) -> Result<Option<PasskeyLogin>, StoreError> {
    macro_rules! update_returning {
        ($conn:expr) => {
            diesel::update(p::table.find(id).filter(p::completed_at.is_null()))
                .set(p::completed_at.eq(Some(now)))
                .returning(PasskeyLogin::as_returning())
                .get_result($conn)
                .optional()?
        };
    }
    Ok(match conn {
        AnyConnection::Postgresql(pg) => update_returning!(pg),
        AnyConnection::Sqlite(lite) => update_returning!(lite),
    })
}

pub fn purge_expired(conn: &mut AnyConnection, before: UnixTime) -> Result<usize, StoreError> {
    Ok(diesel::delete(p::table.filter(p::expires_at.lt(before))).execute(conn)?)
}
