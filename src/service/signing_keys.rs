//! The token signing keys: generated on first start, private parts sealed under the master
//! key, rotated on request. A rotated-out key stays published (and verifying) until every
//! token it signed has expired. Each process caches the ring and reloads it from the
//! database when it meets an unknown `kid` or the cache is older than `CACHE_SECS`.

use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::jwt;
use crate::clock::rfc3339;
use crate::crypto::SecretBox;
use crate::domain::UnixTime;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::signing_keys::{self as rows, SigningKeyRow};
use crate::store::{AnyConnection, Db};

pub use crate::infra::key_cache::{KeyLoader, KeyStore, RETIREMENT_GRACE_SECS};

#[derive(Debug, Serialize, ToSchema)]
pub struct SigningKeyView {
    pub kid: String,
    #[schema(schema_with = crate::domain::schema::eddsa)]
    pub algorithm: String,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub retired_at: Option<String>,
    /// Whether the key is in the JWKS now.
    pub published: bool,
    /// Whether new tokens are signed with it.
    pub active: bool,
}

fn new_key_row(secrets: &SecretBox, now: UnixTime) -> Result<SigningKeyRow, AppError> {
    let (pkcs8, public_key) = jwt::generate_ed25519().map_err(AppError::internal)?;
    let kid = format!("{}-{}", chrono_date(now), &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let private_key = secrets.seal(kid.as_bytes(), &pkcs8)?;
    Ok(SigningKeyRow {
        kid,
        algorithm: jwt::ALGORITHM_NAME.into(),
        private_key,
        public_key,
        created_at: now,
        retired_at: None,
    })
}

fn chrono_date(now: UnixTime) -> String {
    rfc3339(now).chars().take(10).collect()
}

/// Creates a first key when none is active. Safe to race: the loser's insert is harmless,
/// since the newest unretired key signs and all published keys verify.
pub fn ensure_active(conn: &mut AnyConnection, secrets: &SecretBox, now: UnixTime) -> Result<bool, AppError> {
    let has_active = rows::list_all(conn)?.iter().any(|k| k.retired_at.is_none());
    if has_active {
        return Ok(false);
    }
    rows::insert(conn, &new_key_row(secrets, now)?)?;
    Ok(true)
}

/// Retires the active key(s) and makes a new one active, in one transaction. Returns the new kid.
pub fn rotate(db: &Db, secrets: &SecretBox, now: UnixTime) -> Result<String, AppError> {
    let row = new_key_row(secrets, now)?;
    let kid = row.kid.clone();
    db.transaction(|conn| -> Result<(), AppError> {
        rows::retire_active(conn, now)?;
        rows::insert(conn, &row)?;
        Ok(())
    })?;
    Ok(kid)
}

pub fn list(state: &AppState) -> Result<Vec<SigningKeyView>, AppError> {
    let now = state.now();
    let publish_after = now - state.settings.access_token_ttl_secs - RETIREMENT_GRACE_SECS;
    let mut conn = state.db.get()?;
    Ok(rows::list_all(&mut conn)?
        .into_iter()
        .map(|k| SigningKeyView {
            active: k.retired_at.is_none(),
            published: k.retired_at.is_none_or(|r| r > publish_after),
            kid: k.kid,
            algorithm: k.algorithm,
            created_at: rfc3339(k.created_at),
            retired_at: k.retired_at.map(rfc3339),
        })
        .collect())
}
