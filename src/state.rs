//! Everything a request may need, built once by the composition root (`startup`).

use std::sync::Arc;

use crate::auth::password::PasswordHasher;
use crate::clock::Clock;
use crate::config::Settings;
use crate::crypto::{CodeHasher, SecretBox};
use crate::delivery::Sender;
use crate::infra::hash_pool::HashPool;
use crate::infra::key_cache::KeyStore;
use crate::store::Db;

pub struct AppState {
    pub settings: Settings,
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub secrets: SecretBox,
    pub codes: CodeHasher,
    pub sender: Arc<dyn Sender>,
    pub passwords: PasswordHasher,
    pub keys: KeyStore,
    pub hash_pool: HashPool,
    /// Per-address and per-account request budgets of the public sign-in endpoints.
    pub limits: crate::infra::rate_limits::RateLimits,
    /// Work a request started but does not wait for (recording a send's outcome); the server
    /// waits for it on a stop.
    pub background: tokio_util::task::TaskTracker,
}

impl AppState {
    pub fn now(&self) -> crate::domain::UnixTime {
        self.clock.now()
    }
}
