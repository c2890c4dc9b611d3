//! Persistence: diesel schema, rows, queries, migrations and backend selection.
//! Functions here take a connection and return `Result<_, StoreError>`;
//! "not found" is `Ok(None)`, never an error, and a database failure is never "not found".

pub mod api_keys;
pub mod audit;
pub mod challenges;
pub mod connection;
pub mod device_tokens;
pub mod event_webhooks;
pub mod groups;
pub mod invitations;
mod lease_queue;
pub mod methods;
pub mod migrations;
pub mod outbox;
pub mod passkey_logins;
pub mod password_resets;
mod pool;
pub mod prepared;
pub mod rate_counters;
pub mod recovery_codes;
pub mod refresh_tokens;
mod row_lock;
pub mod schema;
pub mod sessions;
pub mod signing_keys;
mod sqlite_writer;
pub mod tenants;
pub mod users;

pub use connection::{AnyConnection, Backend, CommitsOnError, DatabaseTarget, Db};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database query failed: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("database pool: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
    #[error("database migration failed: {0}")]
    Migration(String),
    #[error("database setup failed: {0}")]
    Setup(String),
}

impl StoreError {
    pub fn is_foreign_key_violation(&self) -> bool {
        matches!(
            self,
            StoreError::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::ForeignKeyViolation,
                _
            ))
        )
    }

    pub fn is_unique_violation(&self) -> bool {
        matches!(
            self,
            StoreError::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _
            ))
        )
    }

    /// A unique violation of a constraint on `column`: PostgreSQL names the index
    /// (`users_tenant_username_idx`), SQLite the columns (`users.tenant_id, users.username`).
    pub fn is_unique_violation_on(&self, column: &str) -> bool {
        match self {
            StoreError::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                info,
            )) => info.constraint_name().is_some_and(|name| name.contains(column)) || info.message().contains(column),
            _ => false,
        }
    }
}

/// A fresh random id for a new row.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}
