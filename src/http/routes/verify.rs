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
/// Send the code from the method of the challenge (or a recovery code); for a `webauthn` method,
/// the key's answer as `credential` (`credential.toJSON()`: an authentication, or while a key
/// is enrolled at login its registration); for a passkey sign-in (`POST /login/passkey`), the
/// passkey's answer. Exactly one of `code`, `recovery_code` and `credential`. Wrong codes and
/// refused keys count towards the account's lockout across every method and challenge; the
/// response tells how many attempts remain (not at a passkey sign-in). On success the body is
/// the same `authenticated` body as a password login, with `amr` naming the factors (e.g.
/// `["pwd", "otp", "mfa"]`, `["pwd", "hwk", "mfa"]`, or `["hwk", "mfa"]` for a passkey sign-in).
#[utoipa::path(tag = "login", request_body = VerifyRequest, responses(
    (status = 200, description = "`status: authenticated`", body = LoginResponse),
    (status = 400, description = "`code_required`; `invalid_body`: more than one of `code`, `recovery_code` and `credential`, a `credential` that is not a WebAuthn response, or `remember_device` with a passkey sign-in (it has no second factor to skip)", body = ErrorBody),
    (status = 401, description = "`invalid_code` with `attempts_remaining`; `invalid_credential`: the key's answer did not verify (signature, challenge, origin, relying party, a key of another account, a replay, a counter that went back); `user_verification_required`: the key signed without its PIN or fingerprint where one is needed", body = ErrorBody),
    (status = 403, description = "`authenticator_not_allowed`: a key enrolled at login is of a model the tenant does not accept; `passkey_sign_in_disabled`", body = ErrorBody),
    (status = 404, description = "No such challenge", body = ErrorBody),
    (status = 409, description = "`enrollment_incomplete`: enroll a method first; `wrong_proof`: the challenge's method takes the other kind of proof (a code, or a key's answer); `sso_required`; `webauthn_unavailable`", body = ErrorBody),
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
