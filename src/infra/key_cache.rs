//! The signing-key cache of one process: the published keys, reloaded from the database when a
//! token names an unknown `kid` or the cache is older than `CACHE_SECS`. It needs nothing of the
//! application state, only its loader.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};

use crate::auth::jwt::{KeyMaterial, KeyRing};
use crate::crypto::SecretBox;
use crate::domain::UnixTime;
use crate::error::AppError;
use crate::store::signing_keys as rows;
use crate::store::Db;

const CACHE_SECS: i64 = 30;
/// Clock skew allowed to verifiers when deciding how long a retired key stays published.
pub const RETIREMENT_GRACE_SECS: i64 = 60;

/// A token naming an unknown kid reloads the keys at most this often, so that forged
/// headers cannot turn every request into a database read and a decryption.
const MISS_RELOAD_SECS: i64 = 5;

/// The key cache, with its own loader: a one-connection pool of its own, so that signing or
/// verifying never takes a second connection from the request pool (a request that holds one
/// and signs cannot starve the pool), and so the cache needs nothing of the application state.
pub struct KeyStore {
    ring: RwLock<Arc<KeyRing>>,
    loaded_at: AtomicI64,
    miss_reloaded_at: AtomicI64,
    loader: KeyLoader,
}

/// What loading the published keys needs.
pub struct KeyLoader {
    pub db: Db,
    pub secrets: SecretBox,
    pub access_ttl: i64,
}

impl KeyStore {
    pub fn new(loader: KeyLoader) -> Self {
        Self {
            ring: RwLock::new(Arc::new(KeyRing::new(Vec::new()))),
            loaded_at: AtomicI64::new(i64::MIN / 2),
            miss_reloaded_at: AtomicI64::new(i64::MIN / 2),
            loader,
        }
    }

    pub fn ring(&self) -> Arc<KeyRing> {
        match self.ring.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    pub fn is_stale(&self, now: UnixTime) -> bool {
        now.secs().saturating_sub(self.loaded_at.load(Ordering::Acquire)) >= CACHE_SECS
    }

    /// Reads the published keys from the database into the cache.
    pub fn reload(&self, now: UnixTime) -> Result<Arc<KeyRing>, AppError> {
        let KeyLoader { db, secrets, access_ttl } = &self.loader;
        let mut conn = db.get()?;
        let rows = rows::list_published(&mut conn, now - *access_ttl - RETIREMENT_GRACE_SECS)?;
        drop(conn);
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
        self.loaded_at.store(now.secs(), Ordering::Release);
        Ok(ring)
    }

    /// The ring to verify a token with: reloaded first when the token names a key we do not know.
    pub fn ring_for(&self, kid: &str, now: UnixTime) -> Result<Arc<KeyRing>, AppError> {
        let ring = self.ring();
        let last = self.miss_reloaded_at.load(Ordering::Acquire);
        // Only one of a burst of requests naming unknown kids wins the right to reload.
        if ring.knows(kid)
            || now.secs().saturating_sub(last) < MISS_RELOAD_SECS
            || self.miss_reloaded_at.compare_exchange(last, now.secs(), Ordering::AcqRel, Ordering::Acquire).is_err()
        {
            return Ok(ring);
        }
        self.reload(now)
    }

    /// The ring to sign with: reloaded first when no active key is cached.
    pub fn signing_ring(&self, now: UnixTime) -> Result<Arc<KeyRing>, AppError> {
        let ring = self.ring();
        if ring.has_signing_key() {
            return Ok(ring);
        }
        self.reload(now)
    }
}
