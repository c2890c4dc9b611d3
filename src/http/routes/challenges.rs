use crate::http::json_body::Json;
use actix_web::{post, web, HttpRequest, HttpResponse};

use crate::domain::ChallengeId;
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, client_info};
use crate::http::rate_limit;
use crate::infra::rate_limits::AccountKey;
use crate::service::login::LoginResponse;
use crate::service::second_factor::challenge::{self, ChallengeState, SwitchMethod};
use crate::service::second_factor::enrollment::{self, EnrollRequest};
use crate::service::second_factor::skip::{self, SkipRequest};
use crate::service::second_factor::Enrollment;
use crate::state::AppState;

/// Set up a method during an `enrollment_required` login.
///
/// `totp` returns the secret, the `otpauth://` URI and a QR code to scan; `sms` (with
/// `phone_number` when the profile has none) and `email` send a code; `webauthn` returns the
/// options to create a key (`passkey: true` for a passkey). Then `POST /verify` with the code
/// (or the key's registration response as `credential`) confirms the method and completes the
/// login. Enrolling again replaces the earlier, unconfirmed choice.
#[utoipa::path(tag = "login", request_body = EnrollRequest,
    params(("challenge_id" = String, Path, description = "From the `enrollment_required` response")),
    responses(
        (status = 200, description = "The method being enrolled: a TOTP QR code and secret, where the code went, or the WebAuthn creation options (`webauthn`); confirm it at `/verify`", body = Enrollment),
        (status = 400, description = "`invalid_kind`, `phone_number_required`, `invalid_phone_number`, `invalid_body` (a field of another kind)", body = ErrorBody),
        (status = 404, description = "No such challenge", body = ErrorBody),
        (status = 409, description = "`not_enrolling`: the challenge asks for an existing method; `method_not_allowed`; `webauthn_unavailable`: no relying party a browser accepts (set the tenant's `webauthn_rp_id` or `web_origin`)", body = ErrorBody),
        (status = 410, description = "`challenge_expired` or `challenge_used`", body = ErrorBody),
        (status = 423, description = "`account_locked`", body = ErrorBody),
        (status = 429, description = "`resend_limit_reached`, or `too_many_messages` (the pumping guard) with `Retry-After`", body = ErrorBody),
        (status = 502, description = "`delivery_failed`: the destination refused the code for good (an invalid number or address): use another method. A gateway failure that Latchkey retries is not an error: the answer is a success with `code_sent: false` and `delivery_error: delivery_delayed`", body = ErrorBody),
    ))]
#[post("/challenges/{challenge_id}/enroll")]
pub async fn enroll(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<ChallengeId>,
    body: Json<EnrollRequest>,
) -> Result<HttpResponse, AppError> {
    rate_limit::account(&state, AccountKey::Subject { kind: "challenge", id: path.as_str() })?;
    let client = client_info(&req);
    let s = state.clone();
    let enrollment = blocking(move || enrollment::enroll_at_login(&s, &path, body.into_inner(), &client))
        .await?
        .send_or_fail(&state)
        .await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(enrollment))
}

/// Skip the enrollment prompt (`enrollment_suggested`): the login completes with the password.
///
/// With `dont_show_again: true` the prompt does not come back until an admin resets
/// `enrollment_prompt_dismissed`. A `required` policy is never skippable (`409 enrollment_required`).
#[utoipa::path(tag = "login", request_body = SkipRequest,
    params(("challenge_id" = String, Path, description = "From the `enrollment_suggested` response")),
    responses(
        (status = 200, description = "Signed in without a second factor (the policy lets the prompt be skipped)", body = LoginResponse),
        (status = 400, body = ErrorBody),
        (status = 404, description = "No such challenge", body = ErrorBody),
        (status = 409, description = "`enrollment_required` (policy requires a method) or `not_enrolling`", body = ErrorBody),
        (status = 410, description = "`challenge_expired` or `challenge_used`", body = ErrorBody),
        (status = 423, description = "`account_locked`", body = ErrorBody),
    ))]
#[post("/challenges/{challenge_id}/skip")]
pub async fn skip_enrollment(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<ChallengeId>,
    body: Json<SkipRequest>,
) -> Result<HttpResponse, AppError> {
    rate_limit::account(&state, AccountKey::Subject { kind: "challenge", id: path.as_str() })?;
    let client = client_info(&req);
    let answer = blocking(move || skip::skip(&state, &path, body.into_inner(), &client)).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(answer))
}

/// "Send new code": a new SMS or email code for the challenge; earlier codes stop working.
///
/// At most one every 30 seconds, and a few per challenge.
#[utoipa::path(tag = "login",
    params(("challenge_id" = String, Path, description = "The open challenge")),
    responses(
        (status = 200, description = "A new code went out; the earlier ones no longer work", body = ChallengeState),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`not_resendable` (TOTP) or `no_method_chosen`", body = ErrorBody),
        (status = 410, description = "`challenge_expired` or `challenge_used`", body = ErrorBody),
        (status = 423, description = "`account_locked`", body = ErrorBody),
        (status = 429, description = "`resend_too_soon`, `resend_limit_reached` or `too_many_messages` (the pumping guard), with `Retry-After`", body = ErrorBody),
        (status = 402, description = "`sms_budget_exhausted`: ask your administrator, or use another method", body = ErrorBody),
        (status = 502, description = "`delivery_failed`: the destination refused the code for good (an invalid number or address): use another method. A gateway failure that Latchkey retries is not an error: the answer is a success with `code_sent: false` and `delivery_error: delivery_delayed`", body = ErrorBody),
    ))]
#[post("/challenges/{challenge_id}/resend")]
pub async fn resend(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<ChallengeId>,
) -> Result<HttpResponse, AppError> {
    rate_limit::account(&state, AccountKey::Subject { kind: "challenge", id: path.as_str() })?;
    let client = client_info(&req);
    let s = state.clone();
    let body = blocking(move || challenge::resend(&s, &path, &client)).await?.send_or_fail(&state).await?;
    Ok(HttpResponse::Ok().json(body))
}

/// Use another of the user's methods for this challenge (sends a code for SMS and email, within
/// the challenge's cooldown of one code every 30 seconds and its cap; for a security key, the
/// answer's `webauthn` lists the user's keys).
#[utoipa::path(tag = "login", request_body = SwitchMethod,
    params(("challenge_id" = String, Path, description = "The open challenge")),
    responses(
        (status = 200, description = "The challenge, now for the chosen method (a code went out for `sms` and `email`; `webauthn` request options for a key)", body = ChallengeState),
        (status = 400, body = ErrorBody),
        (status = 404, description = "No such challenge or method", body = ErrorBody),
        (status = 409, description = "`not_verifying`; `method_not_allowed`; `no_method`/`webauthn_unavailable` (no key works with the tenant's relying party)", body = ErrorBody),
        (status = 410, description = "`challenge_expired` or `challenge_used`", body = ErrorBody),
        (status = 423, description = "`account_locked`", body = ErrorBody),
        (status = 429, description = "`resend_too_soon`, `resend_limit_reached` or `too_many_messages` (the pumping guard), with `Retry-After`", body = ErrorBody),
        (status = 402, description = "`sms_budget_exhausted`: ask your administrator, or use another method", body = ErrorBody),
        (status = 502, description = "`delivery_failed`: the destination refused the code for good (an invalid number or address): use another method. A gateway failure that Latchkey retries is not an error: the answer is a success with `code_sent: false` and `delivery_error: delivery_delayed`", body = ErrorBody),
    ))]
#[post("/challenges/{challenge_id}/method")]
pub async fn switch_method(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<ChallengeId>,
    body: Json<SwitchMethod>,
) -> Result<HttpResponse, AppError> {
    rate_limit::account(&state, AccountKey::Subject { kind: "challenge", id: path.as_str() })?;
    let client = client_info(&req);
    let s = state.clone();
    let body = blocking(move || challenge::switch_method(&s, &path, body.into_inner(), &client))
        .await?
        .send_or_fail(&state)
        .await?;
    Ok(HttpResponse::Ok().json(body))
}
