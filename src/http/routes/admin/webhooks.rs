use crate::http::json_body::Json;
use actix_web::{delete, get, post, web, HttpResponse};

use crate::domain::{ErrorCode, Slug};
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, ApiCaller};
use crate::service::webhooks::{self, CreateWebhook, CreatedWebhook, WebhookList};
use crate::state::AppState;

/// Register an endpoint for the tenant's security events.
///
/// Each event is POSTed as JSON `{type, timestamp, data: {event_id, tenant_id, user_id, detail,
/// ip, user_agent}}`, signed with the Standard Webhooks scheme (`webhook-id`,
/// `webhook-timestamp`, `webhook-signature`) under the `secret` returned here once. Deliveries
/// are written with the change they announce and retried with backoff for 24 hours. The URL
/// must be `https://` to a public host: destinations that resolve to loopback, private,
/// link-local or metadata addresses are refused when sending (unless the operator set
/// `LATCHKEY_WEBHOOKS_ALLOW_PRIVATE=true`).
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("api_key" = []), ("admin_token" = [])), request_body = CreateWebhook,
    params(("slug" = String, Path, description = "Tenant slug")),
    responses(
        (status = 201, description = "The webhook: its signing `secret` is shown this once", body = CreatedWebhook),
        (status = 400, description = "`invalid_webhook_url`, `invalid_event`, `invalid_name` or a malformed body", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, description = "The key belongs to another tenant", body = ErrorBody),
        (status = 404, description = "No such tenant", body = ErrorBody),
        (status = 409, description = "`too_many_webhooks` (10 per tenant)", body = ErrorBody),
    ))]
#[post("/tenants/{slug}/webhooks")]
pub async fn create_webhook(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<Slug>,
    body: Json<CreateWebhook>,
) -> Result<HttpResponse, AppError> {
    let created = blocking(move || webhooks::create(&state, &caller.0, &path, body.into_inner())).await?;
    Ok(HttpResponse::Created().insert_header(("Cache-Control", "no-store")).json(created))
}

/// The tenant's event webhooks, each with its last deliveries (status, attempts, last error).
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("api_key" = []), ("admin_token" = [])),
    params(("slug" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, description = "The tenant's webhooks with their last deliveries", body = WebhookList),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
#[get("/tenants/{slug}/webhooks")]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    let list = blocking(move || webhooks::list(&state, &caller.0, &path)).await?;
    Ok(HttpResponse::Ok().json(list))
}

/// Delete an event webhook; its undelivered events are dropped.
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("api_key" = []), ("admin_token" = [])),
    params(("slug" = String, Path, description = "Tenant slug"), ("webhook_id" = String, Path, description = "The webhook's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, description = "`invalid_path`", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, description = "`not_found` (tenant) or `webhook_not_found`", body = ErrorBody),
    ))]
#[delete("/tenants/{slug}/webhooks/{webhook_id}")]
pub async fn delete_webhook(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(Slug, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, id) = path.into_inner();
    let id = uuid::Uuid::parse_str(&id)
        .map_err(|_| AppError::validation(ErrorCode::InvalidPath, "webhook_id must be a webhook's id (a UUID)"))?;
    blocking(move || webhooks::delete(&state, &caller.0, &slug, &id.to_string())).await?;
    Ok(HttpResponse::NoContent().finish())
}
