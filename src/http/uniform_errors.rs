//! One error shape everywhere: an error answer that did not come from our handlers as JSON
//! (actix's own extractor and payload errors, a wrong method) is rewritten as
//! `{"error", "message", "request_id"}` with the same status and headers.

use actix_web::body::MessageBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::HttpResponse;

use super::error::ErrorBody;
use crate::domain::ErrorCode;

pub fn json_errors<B: MessageBody + 'static>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json || res.request().method() == Method::HEAD {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let from_browser = res.request().headers().contains_key(header::ORIGIN);
    let (code, message) = match describe(status) {
        // actix-cors refuses an origin it was not told about with a bare 400.
        (ErrorCode::InvalidBody, _) if from_browser => {
            (ErrorCode::OriginNotAllowed, "this origin may not call Latchkey (LATCHKEY_CORS_ORIGINS)")
        }
        described => described,
    };
    let (req, old) = res.into_parts();
    let mut new = HttpResponse::build(status);
    for (name, value) in old.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            new.append_header((name.clone(), value.clone()));
        }
    }
    new.insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")));
    let response = new.json(ErrorBody::new(code, message));
    Ok(ErrorHandlerResponse::Response(ServiceResponse::new(req, response).map_into_right_body()))
}

fn describe(status: StatusCode) -> (ErrorCode, &'static str) {
    match status {
        StatusCode::PAYLOAD_TOO_LARGE => (ErrorCode::PayloadTooLarge, "the request body is too large"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            (ErrorCode::UnsupportedMediaType, "the request body must be JSON (Content-Type: application/json)")
        }
        StatusCode::NOT_FOUND => (ErrorCode::NotFound, "no endpoint here"),
        StatusCode::METHOD_NOT_ALLOWED => (ErrorCode::HttpMethodNotAllowed, "this endpoint does not take this method"),
        s if s.is_server_error() => (ErrorCode::InternalError, "the server could not complete the request"),
        _ => (ErrorCode::InvalidBody, "the request could not be read"),
    }
}
