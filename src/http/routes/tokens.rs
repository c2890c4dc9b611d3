use crate::http::json_body::Json;
use actix_web::{post, web, Either, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::AppError;
use crate::http::client_auth::IntrospectionCaller;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, Bearer};
use crate::http::rate_limit;
use crate::infra::rate_limits::AccountKey;
use crate::service::sessions::{self, Authenticated, Introspection};
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

#[derive(Deserialize, ToSchema)]
pub struct IntrospectRequest {
    /// An access token or a refresh token.
    pub token: String,
    /// Accepted for RFC 7662 compatibility; the token's prefix tells its type.
    pub token_type_hint: Option<String>,
}

/// Exchange a refresh token for a new access and refresh token.
///
/// The presented refresh token is retired. Presenting a retired refresh token again revokes
/// the whole session (theft detection).
#[utoipa::path(tag = "tokens", request_body = RefreshRequest, responses(
    (status = 200, description = "A new access token and a new refresh token; the one sent is retired", body = Authenticated),
    (status = 400, description = "Malformed body", body = ErrorBody),
    (status = 401, description = "`invalid_grant`: unknown, expired, used or revoked", body = ErrorBody),
))]
#[post("/token/refresh")]
pub async fn refresh(state: web::Data<AppState>, body: Json<RefreshRequest>) -> Result<HttpResponse, AppError> {
    rate_limit::account(&state, AccountKey::Subject { kind: "refresh_token", id: &body.refresh_token })?;
    let pair = blocking(move || sessions::refresh(&state, &body.refresh_token)).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(pair))
}

/// End the caller's session; its refresh token stops working and introspection reports it inactive.
#[utoipa::path(tag = "tokens", security(("access_token" = [])), responses(
    (status = 204, description = "The session is revoked"),
    (status = 401, description = "`missing_credentials` or `invalid_token`", body = ErrorBody),
))]
#[post("/logout")]
pub async fn logout(state: web::Data<AppState>, bearer: Bearer) -> Result<HttpResponse, AppError> {
    blocking(move || sessions::logout(&state, &bearer.0)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// RFC 7662 token introspection for product backends (tenant API key or admin key).
///
/// The key goes as `Authorization: Bearer <key>` or, as RFC 7662 clients send it, with HTTP
/// Basic client authentication: user name the key's id, password the key. Accepts JSON or `application/x-www-form-urlencoded`. A token of another tenant, a revoked
/// session, an expired or unknown token all answer `{"active": false}`.
#[utoipa::path(tag = "tokens", security(("api_key" = []), ("client_basic" = [])),
    request_body(content(
        (IntrospectRequest = "application/json"),
        (IntrospectRequest = "application/x-www-form-urlencoded"),
    )),
    responses(
        (status = 200, description = "`{\"active\": true, …}` with the token's claims, or only `{\"active\": false}` (unknown, expired, revoked or another tenant's)", body = Introspection),
        (status = 400, description = "Malformed body", body = ErrorBody),
        (status = 401, description = "`missing_credentials` (none, or Basic credentials that are not `<key id>:<key>`) or `invalid_api_key` (also a key sent with another key's id)", body = ErrorBody),
    ))]
#[post("/token/introspect")]
pub async fn introspect(
    state: web::Data<AppState>,
    caller: IntrospectionCaller,
    body: Either<Json<IntrospectRequest>, web::Form<IntrospectRequest>>,
) -> Result<HttpResponse, AppError> {
    let token = match body {
        Either::Left(json) => json.into_inner().token,
        Either::Right(form) => form.into_inner().token,
    };
    let answer = blocking(move || sessions::introspect(&state, &caller.0, &token)).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(answer))
}
