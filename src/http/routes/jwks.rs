use actix_web::http::header;
use actix_web::{get, web, HttpResponse};

use crate::auth::jwt::Jwks;
use crate::error::AppError;
use crate::http::extract::blocking;
use crate::state::AppState;

/// The public keys that verify access tokens (RFC 7517). Rotated-out keys stay listed until
/// the tokens they signed have expired.
#[utoipa::path(tag = "tokens", responses((status = 200, description = "The key set: the current signing key and the retired ones whose tokens may still be valid", body = Jwks)))]
#[get("/.well-known/jwks.json")]
pub async fn jwks(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let ring = if state.keys.is_stale(state.now()) {
        let s = state.clone();
        blocking(move || s.keys.reload(s.now())).await?
    } else {
        state.keys.ring()
    };
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "public, max-age=60")).json(ring.jwks()))
}
