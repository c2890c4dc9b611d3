//! The one place where errors become HTTP: status, headers and the `{"error", "message"}` body.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{error::JsonPayloadError, HttpRequest, HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::ErrorCode;
use crate::error::AppError;

/// Every error response has this shape.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// A stable snake_case code to switch on.
    pub error: ErrorCode,
    /// A human-readable explanation; wording may change.
    pub message: String,
    /// Seconds to wait before retrying (423, 429, 503).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    /// Wrong codes left before the account locks (with `invalid_code`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attempts_remaining: Option<i32>,
    /// Where to sign in instead (with `sso_required`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sso_url: Option<String>,
    /// The request's id, as in the `X-Request-Id` response header and the server's logs.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "0f4c8a2e6b1d4c5f9a3e7b2d1c6f8a90")]
    pub request_id: Option<String>,
}

impl ErrorBody {
    pub fn new(error: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            error,
            message: message.into(),
            retry_after: None,
            attempts_remaining: None,
            sso_url: None,
            request_id: super::observe::request_id(),
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::Validation { .. } => StatusCode::BAD_REQUEST,
            AppError::InvalidCredentials | AppError::Unauthorized { .. } | AppError::InvalidGrant => {
                StatusCode::UNAUTHORIZED
            }
            AppError::Forbidden { .. } => StatusCode::FORBIDDEN,
            AppError::NotFound { .. } => StatusCode::NOT_FOUND,
            AppError::Conflict { .. } | AppError::SsoRequired { .. } => StatusCode::CONFLICT,
            AppError::Overloaded { .. } => StatusCode::SERVICE_UNAVAILABLE,
            AppError::InvalidCode { .. } | AppError::InvalidResetCode | AppError::KeyRefused { .. } => {
                StatusCode::UNAUTHORIZED
            }
            AppError::AccountLocked { .. } => StatusCode::LOCKED,
            AppError::Gone { .. } => StatusCode::GONE,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::DeliveryFailed => StatusCode::BAD_GATEWAY,
            AppError::SmsBudgetExhausted => StatusCode::PAYMENT_REQUIRED,
            AppError::DatabaseUnavailable { .. } | AppError::ConnectionLost { .. } => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        let message = match self {
            AppError::Internal(cause) => {
                tracing::error!(cause = %cause, "internal error");
                "the server could not complete the request".to_owned()
            }
            other => other.to_string(),
        };
        let retry_after = match self {
            AppError::Overloaded { retry_after_secs }
            | AppError::DatabaseUnavailable { retry_after_secs }
            | AppError::AccountLocked { retry_after_secs }
            | AppError::TooManyRequests { retry_after_secs, .. } => Some(*retry_after_secs),
            AppError::ConnectionLost { .. } => Some(1),
            _ => None,
        };
        let attempts_remaining = match self {
            AppError::InvalidCode { attempts_remaining } => Some(*attempts_remaining),
            AppError::KeyRefused { attempts_remaining, .. } => *attempts_remaining,
            _ => None,
        };
        let mut response = HttpResponse::build(status);
        if let Some(secs) = retry_after {
            response.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        if status == StatusCode::UNAUTHORIZED {
            response.insert_header((header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer")));
        }
        response.insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")));
        let sso_url = match self {
            AppError::SsoRequired { url } => Some(url.clone()),
            _ => None,
        };
        let mut response = response.json(ErrorBody {
            retry_after,
            attempts_remaining,
            sso_url,
            ..ErrorBody::new(self.code(), message)
        });
        if let AppError::ConnectionLost { replayable: true } = self {
            response.extensions_mut().insert(super::db_retry::Replayable);
        }
        response
    }
}

/// A response error with a status and code that did not come from a use case
/// (malformed JSON, oversized body, unknown route).
#[derive(Debug)]
pub struct RequestError {
    pub status: StatusCode,
    pub code: ErrorCode,
    pub message: String,
}

impl std::fmt::Display for RequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl ResponseError for RequestError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        HttpResponse::build(self.status).json(ErrorBody::new(self.code, self.message.clone()))
    }
}

pub fn json_error(err: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let (status, code, message) = match &err {
        JsonPayloadError::Overflow { limit } | JsonPayloadError::OverflowKnownLength { limit, .. } => (
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::PayloadTooLarge,
            format!("the request body is larger than {limit} bytes"),
        ),
        JsonPayloadError::ContentType => (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::UnsupportedMediaType,
            "the request body must be JSON (Content-Type: application/json)".to_owned(),
        ),
        JsonPayloadError::Deserialize(e) if e.is_data() => {
            (StatusCode::BAD_REQUEST, ErrorCode::InvalidBody, format!("the request body does not fit: {e}"))
        }
        JsonPayloadError::Deserialize(e) => {
            (StatusCode::BAD_REQUEST, ErrorCode::MalformedJson, format!("the request body is not valid JSON: {e}"))
        }
        _ => (StatusCode::BAD_REQUEST, ErrorCode::InvalidBody, "the request body could not be read".to_owned()),
    };
    RequestError { status, code, message }.into()
}

pub fn path_error(err: actix_web::error::PathError, _req: &HttpRequest) -> actix_web::Error {
    RequestError { status: StatusCode::BAD_REQUEST, code: ErrorCode::InvalidPath, message: err.to_string() }.into()
}

pub fn query_error(err: actix_web::error::QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    RequestError { status: StatusCode::BAD_REQUEST, code: ErrorCode::InvalidQuery, message: err.to_string() }.into()
}

pub fn form_error(err: actix_web::error::UrlencodedError, _req: &HttpRequest) -> actix_web::Error {
    let (status, code) = match err {
        actix_web::error::UrlencodedError::Overflow { .. } => {
            (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge)
        }
        actix_web::error::UrlencodedError::ContentType => {
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, ErrorCode::UnsupportedMediaType)
        }
        _ => (StatusCode::BAD_REQUEST, ErrorCode::InvalidBody),
    };
    RequestError { status, code, message: err.to_string() }.into()
}

/// No route took the request: `405` with `Allow` when the path is an endpoint that takes other
/// methods, else `404`.
pub async fn not_found(req: HttpRequest) -> HttpResponse {
    let path = crate::domain::text::for_log(req.path(), 200);
    if let Some(allowed) = super::openapi::methods_of(req.path()) {
        let mut response = RequestError {
            status: StatusCode::METHOD_NOT_ALLOWED,
            code: ErrorCode::HttpMethodNotAllowed,
            message: format!("{path} takes {allowed}, not {}", req.method()),
        }
        .error_response();
        if let Ok(value) = HeaderValue::from_str(&allowed) {
            response.headers_mut().insert(header::ALLOW, value);
        }
        return response;
    }
    nothing_at(&path)
}

/// `404` without looking for other methods (a listener that serves only some endpoints).
pub async fn only_not_found(req: HttpRequest) -> HttpResponse {
    nothing_at(&crate::domain::text::for_log(req.path(), 200))
}

fn nothing_at(path: &str) -> HttpResponse {
    RequestError { status: StatusCode::NOT_FOUND, code: ErrorCode::NotFound, message: format!("no endpoint at {path}") }
        .error_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_unavailable_is_a_503_with_retry_after() {
        let e = AppError::DatabaseUnavailable { retry_after_secs: 1 };
        let response = e.error_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers().get(header::RETRY_AFTER).and_then(|v| v.to_str().ok()), Some("1"));
    }
}
