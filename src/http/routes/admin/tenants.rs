use crate::http::json_body::Json;
use actix_web::{get, patch, post, web, HttpResponse};

use crate::domain::Slug;
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, ApiCaller};
use crate::service::tenants::{self, CreateTenant, ListTenants, TenantPage, UpdateTenant};
use crate::service::views::TenantView;
use crate::state::AppState;

/// Create a tenant (platform admin).
#[utoipa::path(tag = "admin", security(("admin_key" = [])), request_body = CreateTenant, responses(
    (status = 201, description = "The new tenant", body = TenantView),
    (status = 400, description = "`invalid_slug`, `invalid_name` or a malformed body", body = ErrorBody),
    (status = 401, description = "`missing_credentials` or `invalid_api_key`", body = ErrorBody),
    (status = 403, description = "A tenant key was used", body = ErrorBody),
    (status = 409, description = "`tenant_exists`", body = ErrorBody),
))]
#[post("/tenants")]
pub async fn create_tenant(
    state: web::Data<AppState>,
    caller: ApiCaller,
    body: Json<CreateTenant>,
) -> Result<HttpResponse, AppError> {
    caller.0.require_platform()?;
    let tenant = blocking(move || tenants::create(&state, body.into_inner())).await?;
    Ok(HttpResponse::Created().json(tenant))
}

/// List tenants by slug, a page at a time (platform admin).
#[utoipa::path(tag = "admin", security(("admin_key" = [])), params(ListTenants), responses(
    (status = 200, description = "One page of tenants, by slug; `next_after` fetches the next", body = TenantPage),
    (status = 400, description = "`invalid_limit` or `invalid_query`", body = ErrorBody),
    (status = 401, body = ErrorBody),
    (status = 403, body = ErrorBody),
))]
#[get("/tenants")]
pub async fn list_tenants(
    state: web::Data<AppState>,
    caller: ApiCaller,
    query: web::Query<ListTenants>,
) -> Result<HttpResponse, AppError> {
    caller.0.require_platform()?;
    Ok(HttpResponse::Ok().json(blocking(move || tenants::list(&state, query.into_inner())).await?))
}

/// Read a tenant (platform admin, or the tenant's key or administrators).
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("api_key" = []), ("admin_token" = [])),
    params(("slug" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, description = "The tenant and its settings", body = TenantView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
#[get("/tenants/{slug}")]
pub async fn get_tenant(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(blocking(move || tenants::get(&state, &caller.0, &path)).await?))
}

/// Change a tenant's settings (platform admin, or an owner after a recent sign-in with the
/// second factor; `sms_budget` is the platform's only).
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("admin_token" = [])), request_body = UpdateTenant,
    params(("slug" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, description = "The tenant as it is after the change", body = TenantView),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`two_factor_unavailable`: a second factor asked of an SSO tenant", body = ErrorBody),
    ))]
#[patch("/tenants/{slug}")]
pub async fn update_tenant(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<Slug>,
    body: Json<UpdateTenant>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(blocking(move || tenants::update(&state, &caller.0, &path, body.into_inner())).await?))
}
