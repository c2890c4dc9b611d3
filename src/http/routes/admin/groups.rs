use crate::http::json_body::Json;
use actix_web::{delete, get, patch, post, put, web, HttpResponse};

use crate::domain::{GroupId, Slug, UserId};
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, ApiCaller};
use crate::service::groups::{self, CreateGroup, UpdateGroup};
use crate::service::users::{self, SetGroups};
use crate::service::views::{GroupView, UserView};
use crate::state::AppState;

/// Create a group with a second-factor rule.
///
/// A user gets the strictest of the tenant's mode and their groups' rules (`inherit` defers to
/// the tenant); the per-user exemption wins over all of them.
#[utoipa::path(tag = "admin", security(("api_key" = [])), request_body = CreateGroup,
    params(("slug" = String, Path, description = "Tenant slug")),
    responses(
        (status = 201, description = "The new group", body = GroupView),
        (status = 400, description = "`invalid_name` or `invalid_two_factor`", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`group_exists`", body = ErrorBody),
    ))]
#[post("/tenants/{slug}/groups")]
pub async fn create_group(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<Slug>,
    body: Json<CreateGroup>,
) -> Result<HttpResponse, AppError> {
    let group = blocking(move || groups::create(&state, &caller.0, &path, body.into_inner())).await?;
    Ok(HttpResponse::Created().json(group))
}

/// List the tenant's groups.
#[utoipa::path(tag = "admin", security(("api_key" = [])),
    params(("slug" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, description = "The tenant's groups", body = Vec<GroupView>),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
#[get("/tenants/{slug}/groups")]
pub async fn list_groups(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(blocking(move || groups::list(&state, &caller.0, &path)).await?))
}

/// Rename a group or change its rule; absent fields stay as they are.
#[utoipa::path(tag = "admin", security(("api_key" = [])), request_body = UpdateGroup,
    params(("slug" = String, Path, description = "Tenant slug"), ("group_id" = String, Path)),
    responses(
        (status = 200, description = "The group as it is after the change", body = GroupView),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, description = "`group_not_found` (also a group of another tenant)", body = ErrorBody),
        (status = 409, description = "`group_exists`", body = ErrorBody),
    ))]
#[patch("/tenants/{slug}/groups/{group_id}")]
pub async fn update_group(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(Slug, GroupId)>,
    body: Json<UpdateGroup>,
) -> Result<HttpResponse, AppError> {
    let (slug, id) = path.into_inner();
    Ok(HttpResponse::Ok()
        .json(blocking(move || groups::update(&state, &caller.0, &slug, &id, body.into_inner())).await?))
}

/// Delete a group (its members keep their other groups).
#[utoipa::path(tag = "admin", security(("api_key" = [])),
    params(("slug" = String, Path, description = "Tenant slug"), ("group_id" = String, Path)),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, description = "`group_not_found`", body = ErrorBody),
    ))]
#[delete("/tenants/{slug}/groups/{group_id}")]
pub async fn delete_group(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(Slug, GroupId)>,
) -> Result<HttpResponse, AppError> {
    let (slug, id) = path.into_inner();
    blocking(move || groups::delete(&state, &caller.0, &slug, &id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Set a user's groups (replaces them).
#[utoipa::path(tag = "admin", security(("api_key" = [])), request_body = SetGroups,
    params(("slug" = String, Path, description = "Tenant slug"), ("user_id" = String, Path)),
    responses(
        (status = 200, description = "The user with their new groups", body = UserView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, description = "`not_found` (user) or `group_not_found` (also a group of another tenant)", body = ErrorBody),
    ))]
#[put("/tenants/{slug}/users/{user_id}/groups")]
pub async fn set_user_groups(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(Slug, UserId)>,
    body: Json<SetGroups>,
) -> Result<HttpResponse, AppError> {
    let (slug, id) = path.into_inner();
    Ok(HttpResponse::Ok()
        .json(blocking(move || users::set_groups(&state, &caller.0, &slug, &id, body.into_inner())).await?))
}
