use crate::http::json_body::Json;
use actix_web::{get, post, web, HttpResponse};

use crate::domain::Slug;
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, ApiCaller};
use crate::service::sms_budget::{self, SmsBudget, TopUp};
use crate::state::AppState;

/// The tenant's SMS budget: the balance and the usage per day.
#[utoipa::path(tag = "admin", security(("api_key" = [])),
    params(("slug" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, description = "The SMS balance and the daily use", body = SmsBudget),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
#[get("/tenants/{slug}/sms-budget")]
pub async fn get_sms_budget(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(blocking(move || sms_budget::get(&state, &caller.0, &path)).await?))
}

/// Add messages to the tenant's SMS budget (platform admin; audited).
#[utoipa::path(tag = "admin", security(("admin_key" = [])), request_body = TopUp,
    params(("slug" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, description = "The balance after the top-up", body = SmsBudget),
        (status = 400, description = "`invalid_limits`", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, description = "A tenant key was used", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`invalid_limits`: the budget is unlimited", body = ErrorBody),
    ))]
#[post("/tenants/{slug}/sms-budget/top-up")]
pub async fn top_up_sms_budget(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<Slug>,
    body: Json<TopUp>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok()
        .json(blocking(move || sms_budget::top_up(&state, &caller.0, &path, body.into_inner())).await?))
}
