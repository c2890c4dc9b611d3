//! Process-wide machinery the use cases run on, below them: the password-hashing pool, the
//! signing-key cache and the in-memory request budgets. Built once by `startup`, held by
//! `AppState`; nothing here knows a use case.

pub mod hash_pool;
pub mod key_cache;
pub mod rate_limits;
