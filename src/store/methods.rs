//! Verified second-factor methods (TOTP, SMS, email) and their pending enrollments.

use super::prepared::execute_prepared;
use diesel::prelude::*;

use crate::domain::{MethodId, MethodKind, MethodStatus, TenantId, UnixTime, UserId};

use super::schema::second_factor_methods as m;
use super::{AnyConnection, StoreError};

#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = m)]
pub struct Method {
    pub id: MethodId,
    pub tenant_id: TenantId,
    pub user_id: UserId,
    pub kind: MethodKind,
    pub status: MethodStatus,
    pub is_primary: bool,
    /// E.164 phone number or email address for `sms` / `email`.
    pub destination: Option<String>,
    /// The TOTP secret, sealed under the master key with the method id as associated data.
    pub totp_secret: Option<Vec<u8>>,
    pub totp_algorithm: Option<String>,
    pub totp_digits: Option<i32>,
    pub totp_period: Option<i32>,
    /// The last TOTP time step accepted; never accepted again.
    pub last_used_step: Option<i64>,
    /// Keyed hash of the code sent to confirm a pending SMS or email method.
    pub code_hash: Option<String>,
    pub code_expires_at: Option<UnixTime>,
    pub created_at: UnixTime,
    pub confirmed_at: Option<UnixTime>,
    /// An SMS method enrolled from the profile's number: it follows the profile when the
    /// number changes. One with a number typed at enrollment keeps its own.
    pub follows_profile: bool,
}

/// Points the SMS methods that follow the profile at its new number; how many changed.
pub fn follow_profile_number(conn: &mut AnyConnection, user_id: &UserId, number: &str) -> Result<usize, StoreError> {
    Ok(diesel::update(
        m::table.filter(m::user_id.eq(user_id)).filter(m::kind.eq(MethodKind::Sms)).filter(m::follows_profile.eq(true)),
    )
    .set(m::destination.eq(Some(number)))
    .execute(conn)?)
}

/// Removes the SMS methods that follow the profile (its number was cleared); how many.
pub fn delete_following_profile(conn: &mut AnyConnection, user_id: &UserId) -> Result<usize, StoreError> {
    Ok(diesel::delete(
        m::table.filter(m::user_id.eq(user_id)).filter(m::kind.eq(MethodKind::Sms)).filter(m::follows_profile.eq(true)),
    )
    .execute(conn)?)
}

impl std::fmt::Debug for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Method")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("status", &self.status)
            .field("is_primary", &self.is_primary)
            .finish_non_exhaustive()
    }
}

impl Method {
    pub fn is_active(&self) -> bool {
        self.status == MethodStatus::Active
    }
}

pub fn insert(conn: &mut AnyConnection, method: &Method) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(m::table).values(method), conn)?;
    Ok(())
}

pub fn find_for_user(conn: &mut AnyConnection, user_id: &UserId, id: &MethodId) -> Result<Option<Method>, StoreError> {
    Ok(m::table
        .filter(m::user_id.eq(user_id))
        .filter(m::id.eq(id))
        .select(Method::as_select())
        .first(conn)
        .optional()?)
}

/// Every method of a user, primary first, then oldest first.
pub fn list_for_user(conn: &mut AnyConnection, user_id: &UserId) -> Result<Vec<Method>, StoreError> {
    Ok(m::table
        .filter(m::user_id.eq(user_id))
        .order((m::is_primary.desc(), m::created_at.asc(), m::id.asc()))
        .select(Method::as_select())
        .load(conn)?)
}

pub fn active_for_user(conn: &mut AnyConnection, user_id: &UserId) -> Result<Vec<Method>, StoreError> {
    Ok(list_for_user(conn, user_id)?.into_iter().filter(Method::is_active).collect())
}

/// Accepts a TOTP time step only if it is later than every step accepted before; exactly one
/// of several concurrent callers with the same step gets `true`.
pub fn accept_totp_step(conn: &mut AnyConnection, id: &MethodId, step: i64) -> Result<bool, StoreError> {
    let n = execute_prepared!(
        diesel::update(m::table.find(id).filter(m::last_used_step.is_null().or(m::last_used_step.lt(step))))
            .set(m::last_used_step.eq(step)),
        conn
    )?;
    Ok(n == 1)
}

pub fn set_pending_code(
    conn: &mut AnyConnection,
    id: &MethodId,
    code_hash: &str,
    expires_at: UnixTime,
) -> Result<(), StoreError> {
    execute_prepared!(
        diesel::update(m::table.find(id)).set((m::code_hash.eq(code_hash), m::code_expires_at.eq(expires_at))),
        conn
    )?;
    Ok(())
}

/// Makes a pending method active (and primary when the user has no primary yet).
pub fn activate(conn: &mut AnyConnection, user_id: &UserId, id: &MethodId, now: UnixTime) -> Result<(), StoreError> {
    let has_primary = m::table
        .filter(m::user_id.eq(user_id))
        .filter(m::status.eq(MethodStatus::Active))
        .filter(m::is_primary.eq(true))
        .count()
        .get_result::<i64>(conn)?
        > 0;
    execute_prepared!(
        diesel::update(m::table.find(id)).set((
            m::status.eq(MethodStatus::Active),
            m::confirmed_at.eq(now),
            m::is_primary.eq(!has_primary),
            m::code_hash.eq(None::<String>),
            m::code_expires_at.eq(None::<i64>),
        )),
        conn
    )?;
    Ok(())
}

pub fn set_primary(conn: &mut AnyConnection, user_id: &UserId, id: &MethodId) -> Result<(), StoreError> {
    diesel::update(m::table.filter(m::user_id.eq(user_id))).set(m::is_primary.eq(false)).execute(conn)?;
    execute_prepared!(diesel::update(m::table.find(id)).set(m::is_primary.eq(true)), conn)?;
    Ok(())
}

pub fn delete(conn: &mut AnyConnection, user_id: &UserId, id: &MethodId) -> Result<bool, StoreError> {
    Ok(diesel::delete(m::table.filter(m::user_id.eq(user_id)).filter(m::id.eq(id))).execute(conn)? == 1)
}

pub fn delete_all_for_user(conn: &mut AnyConnection, user_id: &UserId) -> Result<usize, StoreError> {
    Ok(diesel::delete(m::table.filter(m::user_id.eq(user_id))).execute(conn)?)
}

/// After a removal, makes the oldest remaining active method primary if none is.
pub fn ensure_primary(conn: &mut AnyConnection, user_id: &UserId) -> Result<(), StoreError> {
    let active = active_for_user(conn, user_id)?;
    if !active.iter().any(|x| x.is_primary) {
        if let Some(first) = active.first() {
            execute_prepared!(diesel::update(m::table.find(&first.id)).set(m::is_primary.eq(true)), conn)?;
        }
    }
    Ok(())
}
