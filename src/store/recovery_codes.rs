use diesel::prelude::*;

use super::prepared::execute_prepared;
use crate::domain::{UnixTime, UserId};

use super::schema::recovery_codes as rc;
use super::{AnyConnection, StoreError};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = rc)]
pub struct RecoveryCode {
    pub id: String,
    pub user_id: UserId,
    pub code_hash: String,
    pub created_at: UnixTime,
    pub used_at: Option<UnixTime>,
}

/// Replaces the user's codes with a new set.
pub fn replace_all(conn: &mut AnyConnection, user_id: &UserId, codes: &[RecoveryCode]) -> Result<(), StoreError> {
    diesel::delete(rc::table.filter(rc::user_id.eq(user_id))).execute(conn)?;
    for code in codes {
        execute_prepared!(diesel::insert_into(rc::table).values(code), conn)?;
    }
    Ok(())
}

pub fn delete_all(conn: &mut AnyConnection, user_id: &UserId) -> Result<(), StoreError> {
    diesel::delete(rc::table.filter(rc::user_id.eq(user_id))).execute(conn)?;
    Ok(())
}

pub fn remaining(conn: &mut AnyConnection, user_id: &UserId) -> Result<i64, StoreError> {
    Ok(rc::table.filter(rc::user_id.eq(user_id)).filter(rc::used_at.is_null()).count().get_result(conn)?)
}

/// Uses the unused code with this hash; exactly one concurrent caller gets `true`.
pub fn consume(conn: &mut AnyConnection, user_id: &UserId, code_hash: &str, now: UnixTime) -> Result<bool, StoreError> {
    let n = execute_prepared!(
        diesel::update(
            rc::table.filter(rc::user_id.eq(user_id)).filter(rc::code_hash.eq(code_hash)).filter(rc::used_at.is_null()),
        )
        .set(rc::used_at.eq(now)),
        conn
    )?;
    Ok(n == 1)
}
