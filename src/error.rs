//! The one error type of the use cases. Business outcomes are variants with a stable code;
//! the unexpected is `Internal`, whose cause is logged and never shown to the client.
//! `http::error` maps it to a status and a JSON body in one place.

use crate::domain::{ErrorCode, Invalid, UnixTime};
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("the request is invalid: {message}")]
    Validation { code: ErrorCode, message: String },
    #[error("the identifier or password is incorrect")]
    InvalidCredentials,
    #[error("{message}")]
    Unauthorized { code: ErrorCode, message: String },
    #[error("{message}")]
    Forbidden { code: ErrorCode, message: String },
    #[error("{what} was not found")]
    NotFound { code: ErrorCode, what: &'static str },
    #[error("{message}")]
    Conflict { code: ErrorCode, message: String },
    #[error("the refresh token is invalid, expired or already used")]
    InvalidGrant,
    #[error("the code is not valid")]
    InvalidCode { attempts_remaining: i32 },
    /// A security key's or passkey's answer that was refused (`invalid_credential`, or
    /// `user_verification_required`); at a passkey sign-in (no account known yet) without
    /// `attempts_remaining`, so it says nothing of the key.
    #[error("{}", key_refusal_message(*code))]
    KeyRefused { code: ErrorCode, attempts_remaining: Option<i32> },
    /// A password-reset code that is not right (or cannot be checked now): like a wrong password,
    /// it says nothing of the account, not even how many attempts remain.
    #[error("the code is not valid or has expired: check it, or start again later")]
    InvalidResetCode,
    #[error("the account is locked after too many failed attempts; try again later")]
    AccountLocked { retry_after_secs: u64 },
    #[error("{message}")]
    Gone { code: ErrorCode, message: String },
    #[error("{message}")]
    TooManyRequests { code: ErrorCode, message: String, retry_after_secs: u64 },
    #[error("the message could not be delivered; try sending a new code")]
    DeliveryFailed,
    #[error("the server is at capacity; retry shortly")]
    Overloaded { retry_after_secs: u64 },
    #[error(
        "no SMS can be sent: your organisation's SMS budget is used up. Ask your administrator, or use another method"
    )]
    SmsBudgetExhausted,
    #[error("this organisation signs in through single sign-on: continue at {url}")]
    SsoRequired { url: String },
    /// The database did not hand out a connection in time: the request may succeed if retried.
    #[error("the database is not answering; retry shortly")]
    DatabaseUnavailable { retry_after_secs: u64 },
    #[error("the database connection was lost; retry shortly")]
    /// The database connection was lost (a failover): `503 database_unavailable` with
    /// `Retry-After`. `replayable` when nothing of the request committed: the HTTP layer then
    /// runs the request once more on a fresh connection (`http::db_retry`).
    ConnectionLost { replayable: bool },
    #[error("internal error: {0}")]
    Internal(Cause),
}

fn key_refusal_message(code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::UserVerificationRequired => {
            "your key needs its PIN or fingerprint: set one up on the key, or use another key, and try again"
        }
        _ => "the security key's answer could not be verified: try again with your key",
    }
}

/// The cause of an internal error with its chain of sources, for the log only (never shown to
/// a client).
#[derive(Debug)]
pub struct Cause(Box<dyn std::error::Error + Send + Sync + 'static>);

impl Cause {
    pub fn new(cause: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>) -> Self {
        Cause(cause.into())
    }
}

impl std::fmt::Display for Cause {
    /// The error, then each of its sources: `a: b: c`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        while let Some(cause) = source {
            write!(f, ": {cause}")?;
            source = cause.source();
        }
        Ok(())
    }
}

impl AppError {
    pub fn validation(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError::Validation { code, message: message.into() }
    }

    pub fn unauthorized(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError::Unauthorized { code, message: message.into() }
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        AppError::Forbidden { code: ErrorCode::Forbidden, message: message.into() }
    }

    /// `403` with its own code (a role, a scope, a protected account).
    pub fn forbidden_as(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError::Forbidden { code, message: message.into() }
    }

    pub fn conflict(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError::Conflict { code, message: message.into() }
    }

    pub fn gone(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError::Gone { code, message: message.into() }
    }

    pub fn locked_until(until: UnixTime, now: UnixTime) -> Self {
        AppError::AccountLocked { retry_after_secs: (until - now).max(1).unsigned_abs() }
    }

    /// `404 not_found` naming what was not found.
    pub fn not_found(what: &'static str) -> Self {
        AppError::NotFound { code: ErrorCode::NotFound, what }
    }

    /// An unexpected failure; an error value keeps its chain of sources for the log.
    pub fn internal(cause: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>) -> Self {
        AppError::Internal(Cause::new(cause))
    }

    /// The stable snake_case code clients switch on.
    pub fn code(&self) -> ErrorCode {
        match self {
            AppError::Validation { code, .. }
            | AppError::Unauthorized { code, .. }
            | AppError::Forbidden { code, .. }
            | AppError::Conflict { code, .. }
            | AppError::Gone { code, .. }
            | AppError::TooManyRequests { code, .. } => *code,
            AppError::InvalidCode { .. } | AppError::InvalidResetCode => ErrorCode::InvalidCode,
            AppError::KeyRefused { code, .. } => *code,
            AppError::AccountLocked { .. } => ErrorCode::AccountLocked,
            AppError::DeliveryFailed => ErrorCode::DeliveryFailed,
            AppError::InvalidCredentials => ErrorCode::InvalidCredentials,
            AppError::NotFound { code, .. } => *code,
            AppError::InvalidGrant => ErrorCode::InvalidGrant,
            AppError::Overloaded { .. } => ErrorCode::Overloaded,
            AppError::SsoRequired { .. } => ErrorCode::SsoRequired,
            AppError::SmsBudgetExhausted => ErrorCode::SmsBudgetExhausted,
            AppError::DatabaseUnavailable { .. } | AppError::ConnectionLost { .. } => ErrorCode::DatabaseUnavailable,
            AppError::Internal(_) => ErrorCode::InternalError,
        }
    }
}

/// A refused message (the pumping guard) commits its audit entry; every other error rolls back.
impl crate::store::CommitsOnError for AppError {
    fn commits(&self) -> bool {
        matches!(self, AppError::TooManyRequests { code: ErrorCode::TooManyMessages, .. })
    }
}

impl From<Invalid> for AppError {
    fn from(err: Invalid) -> Self {
        AppError::Validation { code: err.code, message: err.message }
    }
}

impl From<StoreError> for AppError {
    fn from(err: StoreError) -> Self {
        match err {
            // Every connection stayed busy (or the server did not answer) for the pool's whole
            // wait: a moment of overload or an outage, not a bug.
            StoreError::Pool(cause) => {
                tracing::warn!(error = %cause, "no database connection within the pool's wait");
                AppError::DatabaseUnavailable { retry_after_secs: 1 }
            }
            lost if lost.is_connection_lost() => {
                tracing::warn!(error = %lost, "database connection lost");
                let replayable = !matches!(lost, StoreError::CommitOutcomeUnknown(_))
                    && crate::store::request_scope::nothing_committed();
                AppError::ConnectionLost { replayable }
            }
            other => AppError::internal(other),
        }
    }
}

impl From<crate::crypto::CryptoError> for AppError {
    fn from(err: crate::crypto::CryptoError) -> Self {
        AppError::internal(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("outer")]
    struct Outer(#[source] std::io::Error);

    #[test]
    fn an_internal_error_keeps_its_chain_of_causes_for_the_log() {
        let e = AppError::internal(Outer(std::io::Error::other("the inner cause")));
        assert_eq!(e.to_string(), "internal error: outer: the inner cause");
        assert_eq!(e.code(), ErrorCode::InternalError);
    }

    #[test]
    fn no_connection_within_the_pools_wait_is_database_unavailable_not_internal() {
        use diesel::r2d2::{ConnectionManager, Pool};
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        // A database file in a folder that does not exist: no connection can ever be made.
        let url = dir.path().join("missing").join("x.db").display().to_string();
        let pool = Pool::builder()
            .connection_timeout(std::time::Duration::from_millis(50))
            .build_unchecked(ConnectionManager::<diesel::SqliteConnection>::new(url));
        let Err(timeout) = pool.get() else { panic!("a connection was made") };
        let e = AppError::from(StoreError::Pool(timeout));
        assert!(matches!(e, AppError::DatabaseUnavailable { retry_after_secs: 1 }), "{e:?}");
        assert_eq!(e.code(), ErrorCode::DatabaseUnavailable);
    }
}
