use diesel::prelude::*;

use super::prepared::execute_prepared;
use crate::domain::{SessionId, UnixTime};

use super::schema::refresh_tokens;
use super::{AnyConnection, StoreError};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = refresh_tokens)]
pub struct RefreshToken {
    pub id: String,
    pub session_id: SessionId,
    pub token_hash: String,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    pub used_at: Option<UnixTime>,
}

pub fn insert(conn: &mut AnyConnection, token: &RefreshToken) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(refresh_tokens::table).values(token), conn)?;
    Ok(())
}

pub fn find_by_hash(conn: &mut AnyConnection, token_hash: &str) -> Result<Option<RefreshToken>, StoreError> {
    Ok(refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select(RefreshToken::as_select())
        .first(conn)
        .optional()?)
}

/// Marks the token used. Exactly one of several concurrent callers gets `true`.
pub fn mark_used(conn: &mut AnyConnection, id: &str, now: UnixTime) -> Result<bool, StoreError> {
    let n = execute_prepared!(
        diesel::update(refresh_tokens::table.find(id).filter(refresh_tokens::used_at.is_null()))
            .set(refresh_tokens::used_at.eq(now)),
        conn
    )?;
    Ok(n == 1)
}
