use actix_web::{delete, get, post, web, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::domain::ErrorCode;
use crate::domain::{ApiKeyId, Slug};
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, ApiCaller};
use crate::service::api_keys::{self, CreatedApiKey};
use crate::service::views::ApiKeyView;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKey {
    /// A label, e.g. the backend that will use the key.
    #[schema(schema_with = crate::domain::schema::key_name_or_null)]
    pub name: Option<String>,
    /// `["introspect"]` (token checks only; the default) or `["introspect", "admin"]` (also the
    /// tenant's admin API: users, and groups' rules and webhooks). `admin` includes `introspect`.
    #[schema(min_items = 1, max_items = 2)]
    pub scopes: Option<Vec<crate::domain::KeyScope>>,
}

/// Mint a tenant API key for a product backend (platform admin, or an owner after a recent
/// sign-in with the second factor). The key is shown only here.
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("admin_token" = [])), request_body(content = Option<CreateApiKey>),
    params(("slug" = String, Path, description = "Tenant slug")),
    responses(
        (status = 201, description = "The new key: `secret` is shown this once", body = CreatedApiKey),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
#[post("/tenants/{slug}/api-keys")]
pub async fn create_api_key(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<Slug>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    // The body is optional; when there is one it must be valid (never silently ignored).
    let body = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        let unfit = |e: serde_json::Error| {
            AppError::validation(ErrorCode::InvalidBody, format!("the request body does not fit: {e}"))
        };
        let value: serde_json::Value = serde_json::from_slice(&body).map_err(unfit)?;
        // An object (or null), never an array read field by field.
        if !(value.is_object() || value.is_null()) {
            return Err(AppError::validation(ErrorCode::InvalidBody, "the request body must be a JSON object"));
        }
        serde_json::from_value::<Option<CreateApiKey>>(value).map_err(unfit)?
    };
    let CreateApiKey { name, scopes } = body.unwrap_or_default();
    if scopes.as_ref().is_some_and(|s| s.is_empty() || s.len() > 2) {
        return Err(AppError::validation(ErrorCode::InvalidBody, "scopes: one or two of introspect, admin"));
    }
    let created = blocking(move || api_keys::create_tenant_key(&state, &caller.0, &path, name, scopes)).await?;
    Ok(HttpResponse::Created().insert_header(("Cache-Control", "no-store")).json(created))
}

/// List a tenant's API keys (platform admin or owner); secrets are never shown again.
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("admin_token" = [])),
    params(("slug" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, description = "The tenant's API keys (never the keys themselves)", body = Vec<ApiKeyView>),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
#[get("/tenants/{slug}/api-keys")]
pub async fn list_api_keys(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(blocking(move || api_keys::list_tenant_keys(&state, &caller.0, &path)).await?))
}

/// Revoke a tenant API key (platform admin or owner).
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("admin_token" = [])),
    params(("slug" = String, Path, description = "Tenant slug"), ("key_id" = String, Path, description = "API key id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
#[delete("/tenants/{slug}/api-keys/{key_id}")]
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(Slug, ApiKeyId)>,
) -> Result<HttpResponse, AppError> {
    let (slug, key_id) = path.into_inner();
    blocking(move || api_keys::revoke_tenant_key(&state, &caller.0, &slug, &key_id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// List the platform admin keys (platform admin); the keys themselves are never shown again.
#[utoipa::path(tag = "admin", security(("admin_key" = [])),
    responses(
        (status = 200, description = "Every platform admin key, live and revoked, oldest first", body = Vec<ApiKeyView>),
        (status = 401, body = ErrorBody),
        (status = 403, description = "`forbidden`: a tenant key", body = ErrorBody),
    ))]
#[get("/keys")]
pub async fn list_admin_keys(state: web::Data<AppState>, caller: ApiCaller) -> Result<HttpResponse, AppError> {
    caller.0.require_platform()?;
    let keys = blocking(move || {
        let mut conn = state.db.get()?;
        api_keys::list_admin_keys(&mut conn)
    })
    .await?;
    Ok(HttpResponse::Ok().json(keys))
}

/// Revoke a platform admin key (platform admin): it stops working at once. The last live one
/// cannot be revoked.
#[utoipa::path(tag = "admin", security(("admin_key" = [])),
    params(("key_id" = String, Path, description = "Admin key id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 400, description = "`invalid_path`", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, description = "`forbidden`: a tenant key", body = ErrorBody),
        (status = 404, description = "No live admin key with this id", body = ErrorBody),
        (status = 409, description = "`last_admin_key`: create another before revoking the last one", body = ErrorBody),
    ))]
#[delete("/keys/{key_id}")]
pub async fn revoke_admin_key(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<ApiKeyId>,
) -> Result<HttpResponse, AppError> {
    caller.0.require_platform()?;
    blocking(move || api_keys::revoke_admin_key(&state.db, &path, state.now())).await?;
    Ok(HttpResponse::NoContent().finish())
}
