use crate::http::json_body::Json;
use actix_web::{post, web, HttpRequest, HttpResponse};

use crate::domain::PasswordResetId;
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, client_info};
use crate::http::rate_limit;
use crate::infra::rate_limits::AccountKey;
use crate::service::password_reset::{
    complete, proof, start, CompleteReset, ResetCode, ResetDone, ResetMethodState, ResetProgress, ResetSecondFactor,
    ResetStarted, ResetSwitchMethod, StartReset,
};
use crate::state::AppState;

/// Start a password reset ("forgot password").
///
/// Always `202` with a `reset_id`, the same body and the same work whether or not the account
/// exists. When it exists and may reset itself, a 6-digit code goes to an address or phone the
/// user proved (the verified profile email, or an active email or SMS method), never to an
/// unverified one. Under `self_service_without_second_factor_users`, a user with a second factor
/// gets a message saying to ask the administrator instead. A user may have 3 resets open; one client
/// address may start 30 an hour.
#[utoipa::path(tag = "password reset", security(()), request_body = StartReset, responses(
    (status = 202, description = "Always this answer, whether or not the account exists: a code went out if it does", body = ResetStarted),
    (status = 400, description = "`invalid_slug` or a malformed body", body = ErrorBody),
    (status = 403, description = "`password_reset_disabled`: the tenant's `password_reset` is `admin_only`", body = ErrorBody),
    (status = 409, description = "`sso_required`: the tenant signs in elsewhere", body = ErrorBody),
    (status = 429, description = "`rate_limited`: 30 resets per client address per hour (across instances), with `Retry-After`", body = ErrorBody),
))]
#[post("/password-reset")]
pub async fn start_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<StartReset>,
) -> Result<HttpResponse, AppError> {
    rate_limit::account(&state, AccountKey::Identifier { tenant: &body.tenant, identifier: &body.identifier })?;
    let started = start::start(state.into_inner(), body.into_inner(), client_info(&req)).await?;
    Ok(HttpResponse::Accepted().insert_header(("Cache-Control", "no-store")).json(started))
}

/// Check the reset code (or the `code` of an administrator's link).
///
/// Wrong codes count towards the account's lockout, as at `/verify`; a reset of an account that
/// does not exist fails the same way. A right code answers `new_password_required`, or, when the
/// user has a second factor, `second_factor_required` with the methods other than the one that
/// carried the code (a code was sent to `method` when it is SMS or email).
#[utoipa::path(tag = "password reset", security(()), request_body = ResetCode,
    params(("reset_id" = String, Path, description = "The id from `POST /password-reset`")),
    responses(
        (status = 200, description = "The code was right: the next step is the second factor, or the new password", body = ResetProgress),
        (status = 400, description = "`invalid_path` or a malformed body", body = ErrorBody),
        (status = 401, description = "`invalid_code` with `attempts_remaining`", body = ErrorBody),
        (status = 403, description = "`password_reset_disabled`: the tenant's `password_reset` became `admin_only` since the reset began", body = ErrorBody),
        (status = 404, description = "`password_reset_not_found`", body = ErrorBody),
        (status = 409, description = "`already_confirmed`, or `two_factor_unavailable` (no factor left but the one that carried the code: ask the administrator)", body = ErrorBody),
        (status = 410, description = "`password_reset_expired`: ended, replaced or older than 15 minutes", body = ErrorBody),
        (status = 423, description = "`account_locked` with `retry_after` (and `Retry-After`)", body = ErrorBody),
    ))]
#[post("/password-reset/{reset_id}/verify")]
pub async fn verify_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<PasswordResetId>,
    body: Json<ResetCode>,
) -> Result<HttpResponse, AppError> {
    rate_limit::account(&state, AccountKey::Subject { kind: "password_reset", id: path.as_str() })?;
    let client = client_info(&req);
    let s = state.clone();
    let progress = blocking(move || proof::verify(&s, &path, &body, &client)).await?.send(&state).await;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(progress))
}

/// Prove the second factor of a reset: a code of `method`, a recovery code, or, when `method` is
/// a key, its answer to `webauthn` as `credential`.
#[utoipa::path(tag = "password reset", security(()), request_body = ResetSecondFactor,
    params(("reset_id" = String, Path, description = "The reset")),
    responses(
        (status = 200, description = "`status: new_password_required`", body = ResetProgress),
        (status = 400, description = "`code_required`, `invalid_body` (more than one proof, or a `credential` that is not a WebAuthn authentication response) or a malformed body", body = ErrorBody),
        (status = 401, description = "`invalid_code`, `invalid_credential` or `user_verification_required`, with `attempts_remaining`", body = ErrorBody),
        (status = 403, description = "`password_reset_disabled`: the tenant's `password_reset` became `admin_only` since the reset began", body = ErrorBody),
        (status = 404, description = "`password_reset_not_found`", body = ErrorBody),
        (status = 409, description = "`password_reset_incomplete` (verify the reset code first; no second factor needed; no method chosen), `already_confirmed`, or `wrong_proof` (a code for a key, or a key's answer for a code)", body = ErrorBody),
        (status = 410, description = "`password_reset_expired`", body = ErrorBody),
        (status = 423, description = "`account_locked` with `retry_after` (and `Retry-After`)", body = ErrorBody),
    ))]
#[post("/password-reset/{reset_id}/second-factor")]
pub async fn reset_second_factor(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<PasswordResetId>,
    body: Json<ResetSecondFactor>,
) -> Result<HttpResponse, AppError> {
    rate_limit::account(&state, AccountKey::Subject { kind: "password_reset", id: path.as_str() })?;
    let client = client_info(&req);
    let progress = blocking(move || proof::second_factor(&state, &path, &body, &client)).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(progress))
}

/// Use another of the offered methods for the reset's second step, or ask for a new code of the
/// same one (SMS and email: one code every 30 seconds, 5 in all).
#[utoipa::path(tag = "password reset", security(()), request_body = ResetSwitchMethod,
    params(("reset_id" = String, Path, description = "The reset")),
    responses(
        (status = 200, description = "A code went out to the chosen method", body = ResetMethodState),
        (status = 400, description = "`invalid_id` or a malformed body", body = ErrorBody),
        (status = 402, description = "`sms_budget_exhausted`: use another method", body = ErrorBody),
        (status = 403, description = "`password_reset_disabled`: the tenant's `password_reset` became `admin_only` since the reset began", body = ErrorBody),
        (status = 404, description = "`password_reset_not_found`", body = ErrorBody),
        (status = 409, description = "`password_reset_incomplete`, `already_confirmed`, `method_not_active` (not one of `methods`) or `sms_country_not_allowed`", body = ErrorBody),
        (status = 410, description = "`password_reset_expired`", body = ErrorBody),
        (status = 423, description = "`account_locked`", body = ErrorBody),
        (status = 429, description = "`resend_too_soon`, `resend_limit_reached` or `too_many_messages`, with `Retry-After`", body = ErrorBody),
        (status = 502, description = "`delivery_failed`: the destination refused the code for good (an invalid number or address): use another method. A gateway failure that Latchkey retries is not an error: the answer is a success with `code_sent: false` and `delivery_error: delivery_delayed`", body = ErrorBody),
    ))]
#[post("/password-reset/{reset_id}/method")]
pub async fn reset_switch_method(
    state: web::Data<AppState>,
    path: web::Path<PasswordResetId>,
    body: Json<ResetSwitchMethod>,
) -> Result<HttpResponse, AppError> {
    rate_limit::account(&state, AccountKey::Subject { kind: "password_reset", id: path.as_str() })?;
    let s = state.clone();
    let answer = blocking(move || proof::switch_method(&s, &path, &body)).await?.send_or_fail(&state).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(answer))
}

/// Set the new password, once the code (and the second factor, when the user has one) is proven.
///
/// The usual password rules apply. Every session, refresh token and remembered device of the
/// user is revoked and the user's other resets end; the user gets a notice. A reset never lifts
/// a lock: `locked_until` says when sign-in works again if the account is locked.
#[utoipa::path(tag = "password reset", security(()), request_body = CompleteReset,
    params(("reset_id" = String, Path, description = "The reset")),
    responses(
        (status = 200, description = "The password is changed; every session of the user ended", body = ResetDone),
        (status = 400, description = "A password rule (`password_too_short`, `password_too_common`, …) or a malformed body", body = ErrorBody),
        (status = 403, description = "`password_reset_disabled`: the tenant's `password_reset` became `admin_only` since the reset began", body = ErrorBody),
        (status = 404, description = "`password_reset_not_found`", body = ErrorBody),
        (status = 409, description = "`password_reset_incomplete`: a proof is missing", body = ErrorBody),
        (status = 410, description = "`password_reset_expired`", body = ErrorBody),
        (status = 503, description = "`overloaded`: retry after `Retry-After` seconds", body = ErrorBody),
    ))]
#[post("/password-reset/{reset_id}/complete")]
pub async fn complete_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<PasswordResetId>,
    body: Json<CompleteReset>,
) -> Result<HttpResponse, AppError> {
    rate_limit::account(&state, AccountKey::Subject { kind: "password_reset", id: path.as_str() })?;
    let done = complete::complete(state.into_inner(), path.into_inner(), body.into_inner(), client_info(&req)).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(done))
}
