use actix_web::{get, web, HttpResponse};

use crate::domain::Slug;
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, ApiCaller};
use crate::service::audit_log::{self, AuditPage, AuditQuery};
use crate::state::AppState;

/// A tenant's audit trail, newest first, a page at a time.
///
/// Event names are stable (`login.password`, `second_factor.verify`, `account.locked`,
/// `method.enrolled`, `password.changed`, …); each event has its outcome, the client's address
/// and user agent. Events older than the tenant's `audit_retention_days` are deleted.
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("api_key" = []), ("admin_token" = [])),
    params(("slug" = String, Path, description = "Tenant slug"), AuditQuery),
    responses(
        (status = 200, description = "One page of the tenant's audit trail, newest first; `next_cursor` fetches the next", body = AuditPage),
        (status = 400, description = "`invalid_limit`, `invalid_id`, `invalid_event`, `invalid_time` or `invalid_cursor`", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, description = "The key belongs to another tenant", body = ErrorBody),
        (status = 404, description = "No such tenant", body = ErrorBody),
    ))]
#[get("/tenants/{slug}/audit")]
pub async fn tenant_audit(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<Slug>,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, AppError> {
    let page = blocking(move || audit_log::tenant_trail(&state, &caller.0, &path, query.into_inner())).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(page))
}
