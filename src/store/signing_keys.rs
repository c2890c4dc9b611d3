use diesel::prelude::*;

use super::prepared::execute_prepared;
use super::schema::signing_keys;
use super::{AnyConnection, StoreError};
use crate::domain::UnixTime;

#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = signing_keys)]
pub struct SigningKeyRow {
    pub kid: String,
    pub algorithm: String,
    /// PKCS#8 private key, sealed under the master key with the kid as associated data.
    pub private_key: Vec<u8>,
    pub public_key: Vec<u8>,
    pub created_at: UnixTime,
    pub retired_at: Option<UnixTime>,
}

impl std::fmt::Debug for SigningKeyRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKeyRow")
            .field("kid", &self.kid)
            .field("created_at", &self.created_at)
            .field("retired_at", &self.retired_at)
            .finish_non_exhaustive()
    }
}

pub fn insert(conn: &mut AnyConnection, key: &SigningKeyRow) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(signing_keys::table).values(key), conn)?;
    Ok(())
}

/// Keys still worth publishing: the active ones and those retired after `retired_since`.
pub fn list_published(conn: &mut AnyConnection, retired_since: UnixTime) -> Result<Vec<SigningKeyRow>, StoreError> {
    Ok(signing_keys::table
        .filter(signing_keys::retired_at.is_null().or(signing_keys::retired_at.gt(retired_since)))
        .order(signing_keys::created_at.desc())
        .select(SigningKeyRow::as_select())
        .load(conn)?)
}

pub fn list_all(conn: &mut AnyConnection) -> Result<Vec<SigningKeyRow>, StoreError> {
    Ok(signing_keys::table.order(signing_keys::created_at.desc()).select(SigningKeyRow::as_select()).load(conn)?)
}

pub fn retire_active(conn: &mut AnyConnection, now: UnixTime) -> Result<usize, StoreError> {
    Ok(diesel::update(signing_keys::table.filter(signing_keys::retired_at.is_null()))
        .set(signing_keys::retired_at.eq(now))
        .execute(conn)?)
}
