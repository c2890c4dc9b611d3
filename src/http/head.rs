//! `HEAD` is answered as `GET` without the body (RFC 9110 §9.3.2): every GET endpoint takes it,
//! with the same status and headers. The method is rewritten before routing; actix-http sees
//! the request was `HEAD` and writes no body. Logs and metrics still show `HEAD`.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::Error;

pub async fn as_get(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    if req.method() == Method::HEAD {
        req.head_mut().method = Method::GET;
    }
    next.call(req).await
}
