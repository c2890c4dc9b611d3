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
pub mod request_scope;
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
    /// The connection was lost while committing: whether the transaction committed is unknown.
    #[error("database connection lost during commit: {0}")]
    CommitOutcomeUnknown(diesel::result::Error),
}

impl StoreError {
    /// The connection no longer reaches a primary: closed (a crash, `57P01` admin shutdown, a
    /// network failure, `08xxx`), unable to send, or on a server that is now read-only (`25006`,
    /// a demoted primary). The connection is discarded (`pool` pings it before any reuse).
    pub fn is_connection_lost(&self) -> bool {
        use diesel::result::{DatabaseErrorKind as K, Error as E};
        matches!(
            self,
            StoreError::Query(
                E::DatabaseError(K::ClosedConnection | K::UnableToSendCommand | K::ReadOnlyTransaction, _)
                    | E::BrokenTransactionManager
            ) | StoreError::CommitOutcomeUnknown(_)
        )
    }

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
