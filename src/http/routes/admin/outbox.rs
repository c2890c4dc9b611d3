use actix_web::{get, post, web, HttpResponse};

use crate::domain::{OutboxId, Slug};
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, ApiCaller};
use crate::service::outbox_admin::{self, OutboxMessage, OutboxQuery};
use crate::state::AppState;

/// The tenant's outbox, newest first: status, attempts and errors, never a body or a code.
#[utoipa::path(tag = "admin", security(("api_key" = [])),
    params(("slug" = String, Path, description = "Tenant slug"), OutboxQuery),
    responses(
        (status = 200, description = "The tenant's queued, sent and failed messages (never their codes)", body = Vec<OutboxMessage>),
        (status = 400, description = "`invalid_query` or `invalid_limit`", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
#[get("/tenants/{slug}/outbox")]
pub async fn list_outbox(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<Slug>,
    query: web::Query<OutboxQuery>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok()
        .json(blocking(move || outbox_admin::list(&state, &caller.0, &path, query.into_inner())).await?))
}

/// Retry a failed message while its code is still valid (the worker sends it).
#[utoipa::path(tag = "admin", security(("api_key" = [])),
    params(("slug" = String, Path, description = "Tenant slug"), ("message_id" = String, Path)),
    responses(
        (status = 200, description = "The message, queued again", body = OutboxMessage),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "Not a failed message, or its code expired", body = ErrorBody),
    ))]
#[post("/tenants/{slug}/outbox/{message_id}/retry")]
pub async fn retry_outbox_message(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(Slug, OutboxId)>,
) -> Result<HttpResponse, AppError> {
    let (slug, id) = path.into_inner();
    Ok(HttpResponse::Ok().json(blocking(move || outbox_admin::retry(&state, &caller.0, &slug, &id)).await?))
}
