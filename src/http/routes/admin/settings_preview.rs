use crate::http::json_body::Json;
use actix_web::{post, web, HttpResponse};

use crate::domain::Slug;
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, ApiCaller};
use crate::service::settings_preview::{self, SettingsPreview};
use crate::service::tenants::UpdateTenant;
use crate::state::AppState;

/// What a change of the tenant's settings would do to its users, changing nothing: the same body
/// as `PATCH /admin/tenants/{slug}`, weighed by the evaluator a login uses, for every active user
/// signing in from outside the trusted networks on a device that is not remembered (platform
/// admin or owner).
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("admin_token" = [])), request_body = UpdateTenant,
    params(("slug" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, description = "Who would be asked to set up a second factor, be asked for one, no longer be asked, or lose their methods; up to 20 examples each", body = SettingsPreview),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`two_factor_unavailable`: a second factor asked of an SSO tenant", body = ErrorBody),
    ))]
#[post("/tenants/{slug}/settings/preview")]
pub async fn preview_settings(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<Slug>,
    body: Json<UpdateTenant>,
) -> Result<HttpResponse, AppError> {
    let preview = blocking(move || settings_preview::preview(&state, &caller.0, &path, body.into_inner())).await?;
    Ok(HttpResponse::Ok().json(preview))
}
