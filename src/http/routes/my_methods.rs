use crate::http::json_body::Json;
use actix_web::{delete, get, post, web, HttpRequest, HttpResponse};

use crate::domain::MethodId;
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, client_info, Bearer};
use crate::service::second_factor::challenge::{self, SecondFactorRequired};
use crate::service::second_factor::enrollment::{self, EnrollRequest};
use crate::service::second_factor::methods::{self, ConfirmMethod, MethodList};
use crate::service::second_factor::recovery::{self, RecoveryCodes};
use crate::service::second_factor::{Enrollment, MethodSummary};
use crate::state::AppState;

/// The caller's second-factor methods and how many recovery codes are left.
#[utoipa::path(tag = "me", security(("access_token" = [])), responses(
    (status = 200, description = "The caller's second-factor methods and how many recovery codes are left", body = MethodList),
    (status = 401, body = ErrorBody),
))]
#[get("/me/methods")]
pub async fn list_methods(state: web::Data<AppState>, bearer: Bearer) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(blocking(move || methods::list(&state, &bearer.0)).await?))
}

/// Add a method: `totp` returns what the authenticator app needs; `sms` and `email` send a
/// code; `webauthn` returns the options for the browser to create a key with (`passkey: true`
/// for a passkey that also signs in on its own). The method stays `pending` until confirmed.
#[utoipa::path(tag = "me", security(("access_token" = [])), request_body = EnrollRequest, responses(
    (status = 201, description = "The method, pending until confirmed: a TOTP QR code and secret, where the code went, or the WebAuthn creation options (`webauthn`)", body = Enrollment),
    (status = 400, description = "`invalid_kind`, `phone_number_required`, `invalid_phone_number`, `invalid_body` (a field of another kind)", body = ErrorBody),
    (status = 401, body = ErrorBody),
    (status = 409, description = "`method_not_allowed`, `two_factor_unavailable` (SSO), `webauthn_unavailable` (no relying party a browser accepts: set the tenant's `webauthn_rp_id` or `web_origin`)", body = ErrorBody),
    (status = 423, description = "`account_locked`", body = ErrorBody),
    (status = 429, description = "`too_many_messages` (the pumping guard), with `Retry-After`", body = ErrorBody),
    (status = 502, description = "`delivery_failed`: the destination refused the code for good (an invalid number or address): use another method. A gateway failure that Latchkey retries is not an error: the answer is a success with `code_sent: false` and `delivery_error: delivery_delayed`", body = ErrorBody),
))]
#[post("/me/methods")]
pub async fn add_method(
    state: web::Data<AppState>,
    req: HttpRequest,
    bearer: Bearer,
    body: Json<EnrollRequest>,
) -> Result<HttpResponse, AppError> {
    let client = client_info(&req);
    let s = state.clone();
    let enrollment = blocking(move || enrollment::add_for_self(&s, &bearer.0, body.into_inner(), &client))
        .await?
        .send_or_fail(&state)
        .await?;
    Ok(HttpResponse::Created().insert_header(("Cache-Control", "no-store")).json(enrollment))
}

/// Confirm a pending method with a code from it, or a key with its registration response
/// (`credential`). Wrong codes and refused keys count towards the lockout.
#[utoipa::path(tag = "me", security(("access_token" = [])), request_body = ConfirmMethod,
    params(("method_id" = String, Path, description = "The pending method")),
    responses(
        (status = 200, description = "The method, now active", body = MethodSummary),
        (status = 400, description = "`code_required`, `invalid_body` (both `code` and `credential`, or a `credential` that is not a WebAuthn registration response)", body = ErrorBody),
        (status = 401, description = "`invalid_code` or `invalid_credential` (the key's registration did not verify: origin, relying party, challenge) or `user_verification_required` (a passkey made without its PIN or fingerprint), with `attempts_remaining`; or a bad token", body = ErrorBody),
        (status = 403, description = "`second_factor_required`; `authenticator_not_allowed`: the tenant accepts only some models of key (`webauthn_allowed_aaguids`)", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`already_confirmed`; `wrong_proof`: a code for a key, or a key's answer for a code method; `method_not_allowed`; `webauthn_unavailable`: the tenant's relying party is gone (its `web_origin` or `webauthn_rp_id` was cleared)", body = ErrorBody),
        (status = 423, description = "`account_locked`", body = ErrorBody),
    ))]
#[post("/me/methods/{method_id}/confirm")]
pub async fn confirm_method(
    state: web::Data<AppState>,
    req: HttpRequest,
    bearer: Bearer,
    path: web::Path<MethodId>,
    body: Json<ConfirmMethod>,
) -> Result<HttpResponse, AppError> {
    let client = client_info(&req);
    let method = blocking(move || methods::confirm(&state, &bearer.0, &path, body.into_inner(), &client)).await?;
    Ok(HttpResponse::Ok().json(method))
}

/// Make a confirmed method the one asked for first at login.
#[utoipa::path(tag = "me", security(("access_token" = [])),
    params(("method_id" = String, Path, description = "An active method")),
    responses(
        (status = 200, description = "The method, now the one asked for first", body = MethodSummary),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`method_not_active`", body = ErrorBody),
    ))]
#[post("/me/methods/{method_id}/primary")]
pub async fn make_primary(
    state: web::Data<AppState>,
    req: HttpRequest,
    bearer: Bearer,
    path: web::Path<MethodId>,
) -> Result<HttpResponse, AppError> {
    let client = client_info(&req);
    Ok(HttpResponse::Ok().json(blocking(move || methods::set_primary(&state, &bearer.0, &path, &client)).await?))
}

/// Remove a method. Needs a session that passed a second factor; under `required` the last
/// method cannot be removed. Remembered devices are forgotten.
#[utoipa::path(tag = "me", security(("access_token" = [])),
    params(("method_id" = String, Path, description = "The method")),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, body = ErrorBody),
        (status = 403, description = "`second_factor_required`", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`last_method`", body = ErrorBody),
    ))]
#[delete("/me/methods/{method_id}")]
pub async fn remove_method(
    state: web::Data<AppState>,
    req: HttpRequest,
    bearer: Bearer,
    path: web::Path<MethodId>,
) -> Result<HttpResponse, AppError> {
    let client = client_info(&req);
    blocking(move || methods::remove(&state, &bearer.0, &path, &client)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Generate ten new recovery codes, shown once; the old set stops working. Needs a session
/// that passed a second factor.
#[utoipa::path(tag = "me", security(("access_token" = [])), responses(
    (status = 201, description = "The new recovery codes, shown this once; the old ones no longer work", body = RecoveryCodes),
    (status = 401, body = ErrorBody),
    (status = 403, description = "`second_factor_required`", body = ErrorBody),
    (status = 409, description = "`no_method`", body = ErrorBody),
))]
#[post("/me/recovery-codes")]
pub async fn regenerate_recovery_codes(
    state: web::Data<AppState>,
    req: HttpRequest,
    bearer: Bearer,
) -> Result<HttpResponse, AppError> {
    let client = client_info(&req);
    let codes = blocking(move || recovery::regenerate(&state, &bearer.0, &client)).await?;
    Ok(HttpResponse::Created().insert_header(("Cache-Control", "no-store")).json(codes))
}

/// Step up: open a second-factor challenge for the signed-in user (a code is sent for an SMS or
/// email primary). `POST /verify` with it returns a new session that passed a second factor,
/// which removing methods and making recovery codes need.
#[utoipa::path(tag = "me", security(("access_token" = [])), responses(
    (status = 200, description = "A challenge for the signed-in user (a code went out for an SMS or email primary, or `delivery_error` says why not, and the user may switch method): `POST /verify` with it returns a session that passed a second factor", body = SecondFactorRequired),
    (status = 401, body = ErrorBody),
    (status = 409, description = "`no_method`", body = ErrorBody),
    (status = 423, description = "`account_locked`", body = ErrorBody),
))]
#[post("/me/step-up")]
pub async fn step_up(state: web::Data<AppState>, req: HttpRequest, bearer: Bearer) -> Result<HttpResponse, AppError> {
    let client = client_info(&req);
    let s = state.clone();
    let body = blocking(move || challenge::step_up(&s, &bearer.0, &client)).await?.send(&state).await;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(body))
}
