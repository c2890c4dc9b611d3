use crate::http::json_body::Json;
use actix_web::{delete, get, patch, post, web, HttpResponse};

use crate::domain::{Slug, UserId};
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, ApiCaller};
use crate::service::second_factor::methods;
use crate::service::users::{self, CreateUser, ListUsers, UpdateUser, UserPage};
use crate::service::views::UserView;
use crate::state::AppState;

/// Create a user in a tenant.
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("api_key" = []), ("admin_token" = [])), request_body = CreateUser,
    params(("slug" = String, Path, description = "Tenant slug")),
    responses(
        (status = 201, description = "The new user", body = UserView),
        (status = 400, description = "`invalid_email`, `password_too_short`, `password_too_long`, `password_equals_email`, `invalid_phone_number`", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, description = "The key belongs to another tenant", body = ErrorBody),
        (status = 404, description = "No such tenant", body = ErrorBody),
        (status = 409, description = "`email_taken` or `username_taken`", body = ErrorBody),
    ))]
#[post("/tenants/{slug}/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<Slug>,
    body: Json<CreateUser>,
) -> Result<HttpResponse, AppError> {
    // Hashing the password: on the bounded hashing pool like every argon2 computation.
    let pool = state.clone();
    let user = pool.hash_pool.run(move || users::create(&state, &caller.0, &path, body.into_inner())).await?;
    Ok(HttpResponse::Created().json(user))
}

/// List a tenant's users, ordered by email, a page at a time; `q` finds them by the start of
/// their email, user name, phone number or name (any case), and the filters narrow the list.
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("api_key" = []), ("admin_token" = [])),
    params(("slug" = String, Path, description = "Tenant slug"), ListUsers),
    responses(
        (status = 200, description = "One page of the tenant's users; `next_after` fetches the next", body = UserPage),
        (status = 400, description = "`invalid_limit`, `invalid_query` (`q` blank or over 100 characters, an unknown `two_factor`, a `group` that is not an id)", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
#[get("/tenants/{slug}/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<Slug>,
    query: web::Query<ListUsers>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(blocking(move || users::list(&state, &caller.0, &path, query.into_inner())).await?))
}

/// Read a user.
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("api_key" = []), ("admin_token" = [])),
    params(("slug" = String, Path, description = "Tenant slug"), ("user_id" = String, Path, description = "User id")),
    responses(
        (status = 200, description = "The user, with groups and lock state", body = UserView),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
#[get("/tenants/{slug}/users/{user_id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(Slug, UserId)>,
) -> Result<HttpResponse, AppError> {
    let (slug, user_id) = path.into_inner();
    Ok(HttpResponse::Ok().json(blocking(move || users::get(&state, &caller.0, &slug, &user_id)).await?))
}

/// Update a user: email, password (revokes sessions), phone number, display name, active.
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("api_key" = []), ("admin_token" = [])), request_body = UpdateUser,
    params(("slug" = String, Path, description = "Tenant slug"), ("user_id" = String, Path, description = "User id")),
    responses(
        (status = 200, description = "The user as they are after the change", body = UserView),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`email_taken` or `username_taken`; `last_owner`: deactivating the tenant's last owner", body = ErrorBody),
    ))]
#[patch("/tenants/{slug}/users/{user_id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(Slug, UserId)>,
    body: Json<UpdateUser>,
) -> Result<HttpResponse, AppError> {
    let (slug, user_id) = path.into_inner();
    let pool = state.clone();
    let user = pool.hash_pool.run(move || users::update(&state, &caller.0, &slug, &user_id, body.into_inner())).await?;
    Ok(HttpResponse::Ok().json(user))
}

/// Deactivate a user: they can no longer log in and their sessions are revoked.
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("api_key" = []), ("admin_token" = [])),
    params(("slug" = String, Path, description = "Tenant slug"), ("user_id" = String, Path, description = "User id")),
    responses(
        (status = 204, description = "Deactivated"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`last_owner`: the tenant's last owner cannot be deactivated", body = ErrorBody),
    ))]
#[delete("/tenants/{slug}/users/{user_id}")]
pub async fn deactivate_user(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(Slug, UserId)>,
) -> Result<HttpResponse, AppError> {
    let (slug, user_id) = path.into_inner();
    blocking(move || users::deactivate(&state, &caller.0, &slug, &user_id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Lift a lockout (after too many failed passwords or codes).
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("api_key" = []), ("admin_token" = [])),
    params(("slug" = String, Path, description = "Tenant slug"), ("user_id" = String, Path, description = "User id")),
    responses(
        (status = 204, description = "Unlocked"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
#[post("/tenants/{slug}/users/{user_id}/unlock")]
pub async fn unlock_user(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(Slug, UserId)>,
) -> Result<HttpResponse, AppError> {
    let (slug, user_id) = path.into_inner();
    blocking(move || methods::unlock(&state, &caller.0, &slug, &user_id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Reset a user's second factor: every method and recovery code is removed and remembered
/// devices are forgotten. Under `required` the user enrolls again at the next login.
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("api_key" = []), ("admin_token" = [])),
    params(("slug" = String, Path, description = "Tenant slug"), ("user_id" = String, Path, description = "User id")),
    responses(
        (status = 204, description = "Reset"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
#[delete("/tenants/{slug}/users/{user_id}/methods")]
pub async fn reset_methods(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(Slug, UserId)>,
) -> Result<HttpResponse, AppError> {
    let (slug, user_id) = path.into_inner();
    blocking(move || methods::reset_for_user(&state, &caller.0, &slug, &user_id)).await?;
    Ok(HttpResponse::NoContent().finish())
}
