//! The token signing keys: generated on first start, private parts sealed under the master
//! key, rotated on request. A rotated-out key stays published (and verifying) until every
//! token it signed has expired. Each process caches the ring and reloads it from the
//! database when it meets an unknown `kid` or the cache is older than `CACHE_SECS`.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};

use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::jwt::{self, KeyMaterial, KeyRing};
use crate::clock::rfc3339;
use crate::crypto::SecretBox;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::signing_keys::{self as rows, SigningKeyRow};
use crate::store::{AnyConnection, Db};

const CACHE_SECS: i64 = 30;
/// Clock skew allowed to verifiers when deciding how long a retired key stays published.
const RETIREMENT_GRACE_SECS: i64 = 60;

/// A token naming an unknown kid reloads the keys at most this often, so that forged
/// headers cannot turn every request into a database read and a decryption.
const MISS_RELOAD_SECS: i64 = 5;

#[derive(Default)]
pub struct KeyStore {
    ring: RwLock<Arc<KeyRing>>,
    loaded_at: AtomicI64,
    miss_reloaded_at: AtomicI64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SigningKeyView {
    pub kid: String,
    #[schema(example = "EdDSA")]
    pub algorithm: String,
    pub created_at: String,
    pub retired_at: Option<String>,
    /// Whether the key is in the JWKS now.
    pub published: bool,
    /// Whether new tokens are signed with it.
    pub active: bool,
}

impl KeyStore {
    pub fn ring(&self) -> Arc<KeyRing> {
        match self.ring.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    pub fn is_stale(&self, now: i64) -> bool {
        now - self.loaded_at.load(Ordering::Acquire) >= CACHE_SECS
    }

    /// Reads the published keys from the database into the cache.
    pub fn reload(&self, db: &Db, secrets: &SecretBox, now: i64, access_ttl: i64) -> Result<Arc<KeyRing>, AppError> {
        let mut conn = db.get()?;
        let rows = rows::list_published(&mut conn, now - access_ttl - RETIREMENT_GRACE_SECS)?;
        let mut keys = Vec::with_capacity(rows.len());
        for row in rows {
            // Retired keys only verify; their private part is not even opened.
            let private = match row.retired_at {
                None => Some(secrets.open(row.kid.as_bytes(), &row.private_key)?),
                Some(_) => None,
            };
            keys.push(KeyMaterial::new(row.kid, row.created_at, row.retired_at, row.public_key, private.as_deref()));
        }
        let ring = Arc::new(KeyRing::new(keys));
        match self.ring.write() {
            Ok(mut guard) => *guard = ring.clone(),
            Err(poisoned) => *poisoned.into_inner() = ring.clone(),
        }
        self.loaded_at.store(now, Ordering::Release);
        Ok(ring)
    }

    /// The ring to verify a token with: reloaded first when the token names a key we do not know.
    pub fn ring_for(&self, state: &AppState, kid: &str) -> Result<Arc<KeyRing>, AppError> {
        let ring = self.ring();
        let now = state.now();
        let last = self.miss_reloaded_at.load(Ordering::Acquire);
        // Only one of a burst of requests naming unknown kids wins the right to reload.
        if ring.knows(kid)
            || now - last < MISS_RELOAD_SECS
            || self.miss_reloaded_at.compare_exchange(last, now, Ordering::AcqRel, Ordering::Acquire).is_err()
        {
            return Ok(ring);
        }
        self.reload(&state.db, &state.secrets, now, state.settings.access_token_ttl_secs)
    }
}

fn new_key_row(secrets: &SecretBox, now: i64) -> Result<SigningKeyRow, AppError> {
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

fn chrono_date(now: i64) -> String {
    rfc3339(now).chars().take(10).collect()
}

/// Creates a first key when none is active. Safe to race: the loser's insert is harmless,
/// since the newest unretired key signs and all published keys verify.
pub fn ensure_active(conn: &mut AnyConnection, secrets: &SecretBox, now: i64) -> Result<bool, AppError> {
    let has_active = rows::list_all(conn)?.iter().any(|k| k.retired_at.is_none());
    if has_active {
        return Ok(false);
    }
    rows::insert(conn, &new_key_row(secrets, now)?)?;
    Ok(true)
}

/// Retires the active key(s) and makes a new one active, in one transaction. Returns the new kid.
pub fn rotate(db: &Db, secrets: &SecretBox, now: i64) -> Result<String, AppError> {
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
