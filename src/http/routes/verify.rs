use crate::http::json_body::Json;
use actix_web::{post, web, HttpRequest, HttpResponse};

use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, client_info};
use crate::http::rate_limit;
use crate::infra::rate_limits::AccountKey;
use crate::service::login::LoginResponse;
use crate::service::second_factor::verify::{verify as verify_code, VerifyRequest};
use crate::state::AppState;

/// Complete a login with the second factor.
///
/// Send the code from the method of the challenge (or a recovery code). Wrong codes count
/// towards the account's lockout across every method and challenge; the response tells how many
/// attempts remain. On success the body is the same `authenticated` body as a password login,
/// with `amr` naming the factors (e.g. `["pwd", "otp", "mfa"]`).
#[utoipa::path(tag = "login", request_body = VerifyRequest, responses(
    (status = 200, description = "`status: authenticated`", body = LoginResponse),
    (status = 400, description = "`code_required` or a malformed body", body = ErrorBody),
    (status = 401, description = "`invalid_code` with `attempts_remaining`", body = ErrorBody),
    (status = 404, description = "No such challenge", body = ErrorBody),
    (status = 409, description = "`enrollment_incomplete`: enroll a method first", body = ErrorBody),
    (status = 410, description = "`challenge_expired` or `challenge_used`", body = ErrorBody),
    (status = 423, description = "`account_locked` with `retry_after` (and `Retry-After`)", body = ErrorBody),
))]
#[post("/verify")]
pub async fn verify(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<VerifyRequest>,
) -> Result<HttpResponse, AppError> {
    // Counted under the canonical id: the same challenge written another way is the same budget.
    let canonical = crate::domain::ChallengeId::parse_known(&body.challenge_id).ok().flatten().map(|id| id.to_string());
    let id = canonical.as_deref().unwrap_or(&body.challenge_id);
    rate_limit::account(&state, AccountKey::Subject { kind: "challenge", id })?;
    let client = client_info(&req);
    let outcome = blocking(move || verify_code(&state, body.into_inner(), &client)).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(outcome))
}
