use actix_web::{get, post, web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, ApiCaller};
use crate::service::signing_keys::{self, SigningKeyView};
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct Rotated {
    /// The key that signs new tokens from now on.
    pub kid: String,
}

/// List the token signing keys (platform admin).
#[utoipa::path(tag = "admin", security(("admin_key" = [])), responses(
    (status = 200, description = "Every signing key, newest first, with its state", body = Vec<SigningKeyView>),
    (status = 401, body = ErrorBody),
    (status = 403, body = ErrorBody),
))]
#[get("/signing-keys")]
pub async fn list_signing_keys(state: web::Data<AppState>, caller: ApiCaller) -> Result<HttpResponse, AppError> {
    caller.0.require_platform()?;
    Ok(HttpResponse::Ok().json(blocking(move || signing_keys::list(&state)).await?))
}

/// Rotate the signing key (platform admin). The old key keeps verifying, and stays in the
/// JWKS, until the tokens it signed have expired.
#[utoipa::path(tag = "admin", security(("admin_key" = [])), responses(
    (status = 201, description = "The new current key; the old one stays in the JWKS until its tokens expire", body = Rotated),
    (status = 401, body = ErrorBody),
    (status = 403, body = ErrorBody),
))]
#[post("/signing-keys/rotate")]
pub async fn rotate_signing_key(state: web::Data<AppState>, caller: ApiCaller) -> Result<HttpResponse, AppError> {
    caller.0.require_platform()?;
    let kid = blocking(move || {
        let now = state.now();
        let kid = signing_keys::rotate(&state.db, &state.secrets, now)?;
        state.keys.reload(now)?;
        Ok(kid)
    })
    .await?;
    Ok(HttpResponse::Created().json(Rotated { kid }))
}
