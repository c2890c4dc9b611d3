//! One replay of a request that lost its database connection before anything of it committed
//! (a failover: the pooled connection went to the old primary). The request runs again on a
//! fresh connection — the pool's wait (`LATCHKEY_DB_WAIT_MS`) gives the new primary time to come —
//! and is counted in `latchkey_db_retries_total`. A request that committed something, or whose
//! commit outcome is unknown, is never replayed: it answers `503` with `Retry-After`.
//!
//! The body is kept (up to `LATCHKEY_MAX_BODY_BYTES`, announced by `Content-Length`) so that the
//! request can be handed to the app again; a larger or chunked body is not replayable.

use std::future::{ready, Future, Ready};
use std::pin::Pin;
use std::rc::Rc;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::http::header::CONTENT_LENGTH;
use actix_web::web::{Bytes, BytesMut};
use actix_web::Error;
use futures_util::StreamExt;

use crate::store::request_scope::serve;

/// Set on an error response whose request may be replayed (see `AppError::ConnectionLost`).
#[derive(Debug, Clone, Copy)]
pub struct Replayable;

pub struct DbRetry {
    max_body: usize,
}

impl DbRetry {
    pub fn new(max_body: usize) -> Self {
        Self { max_body }
    }
}

impl<S, B> Transform<S, ServiceRequest> for DbRetry
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<BoxBody>;
    type Error = Error;
    type Transform = DbRetryService<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(DbRetryService { service: Rc::new(service), max_body: self.max_body }))
    }
}

pub struct DbRetryService<S> {
    service: Rc<S>,
    max_body: usize,
}

impl<S, B> Service<ServiceRequest> for DbRetryService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<BoxBody>;
    type Error = Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>>>>;

    actix_web::dev::forward_ready!(service);

    fn call(&self, req: ServiceRequest) -> Self::Future {
        let service = self.service.clone();
        let max_body = self.max_body;
        Box::pin(async move {
            let length =
                req.headers().get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
            let chunked = length.is_none() && req.headers().contains_key(actix_web::http::header::TRANSFER_ENCODING);
            if chunked || length.is_some_and(|n| n > max_body) {
                // Not kept: served once, as it comes.
                let res = serve(service.call(req)).await?;
                return Ok(res.map_into_boxed_body());
            }
            let (http, mut payload) = req.into_parts();
            let mut body = BytesMut::with_capacity(length.unwrap_or(0));
            while let Some(chunk) = payload.next().await {
                body.extend_from_slice(&chunk?);
            }
            let body: Bytes = body.freeze();
            let first = ServiceRequest::from_parts(http, Payload::from(body.clone()));
            let res = serve(service.call(first)).await?;
            if res.response().extensions().get::<Replayable>().is_none() {
                return Ok(res.map_into_boxed_body());
            }
            metrics::counter!("latchkey_db_retries_total").increment(1);
            tracing::info!("database connection lost before anything committed: serving the request once more");
            let (http, lost) = res.into_parts();
            drop(lost);
            let mut again = ServiceRequest::from_parts(http, Payload::from(body));
            again.match_info_mut().reset();
            let res = serve(service.call(again)).await?;
            Ok(res.map_into_boxed_body())
        })
    }
}
