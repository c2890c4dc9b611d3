use crate::http::json_body::Json;
use actix_web::{post, web, HttpRequest, HttpResponse};

use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, client_info};
use crate::http::rate_limit;
use crate::infra::rate_limits::AccountKey;
use crate::service::login::{outcome_label, password_login, LoginRequest, LoginResponse};
use crate::service::second_factor::webauthn::passkey_login::{self, PasskeyLoginRequest, PasskeyLoginStarted};
use crate::state::AppState;

/// Log in with a password.
///
/// Unknown tenant, unknown user and wrong password give the same 401 in the same time.
/// When policy asks for a second factor the answer is `second_factor_required` (a code was sent
/// for an SMS or email primary) or `enrollment_required`; send `device_token` to skip it on a
/// remembered device.
/// When the server is hashing at capacity it answers 503 with `Retry-After` at once.
#[utoipa::path(tag = "login", request_body = LoginRequest, responses(
    (status = 200, description = "`status` says what follows: `authenticated` (tokens), `second_factor_required`, `enrollment_required` or `enrollment_suggested` (a challenge)", body = LoginResponse),
    (status = 400, description = "Malformed body", body = ErrorBody),
    (status = 401, description = "`invalid_credentials` (also while a lock caused by wrong passwords is in force)", body = ErrorBody),
    (status = 413, description = "Body too large", body = ErrorBody),
    (status = 415, description = "Not JSON", body = ErrorBody),
    (status = 423, description = "`account_locked` after too many wrong second-factor codes, with `retry_after` and `Retry-After`", body = ErrorBody),
    (status = 409, description = "`sso_required` (with `sso_url`), or `sms_country_not_allowed`", body = ErrorBody),
    (status = 429, description = "`rate_limited`: too many requests from this address or for this account (`Retry-After`); or `too_many_messages`: the code would exceed the tenant's message caps", body = ErrorBody),
    (status = 503, description = "`overloaded`: retry after `Retry-After` seconds", body = ErrorBody),
))]
#[post("/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<LoginRequest>,
) -> Result<HttpResponse, AppError> {
    let client = client_info(&req);
    let body = body.into_inner();
    crate::http::observe::record_tenant(&body.tenant);
    let result = match rate_limit::account(
        &state,
        AccountKey::Identifier { tenant: &body.tenant, identifier: &body.identifier },
    ) {
        Ok(()) => password_login(state.clone().into_inner(), body, client).await,
        Err(refused) => Err(refused),
    };
    metrics::counter!("latchkey_logins_total", "outcome" => outcome_label(&result)).increment(1);
    let outcome = result?.send(&state).await;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(outcome))
}

/// Start a sign-in with a passkey (no password).
///
/// For tenants with `passkey_sign_in`. The answer's `webauthn` are request options with no
/// `allowCredentials`: the browser offers the passkeys it holds for the tenant's relying party
/// (in a dialog, or as autofill on a field with `autocomplete="username webauthn"` under
/// conditional mediation). Send `credential.toJSON()` to `POST /verify` with `challenge_id`.
/// A passkey with user verification is two factors: it satisfies every `two_factor` mode, and
/// the token's `amr` is `["hwk", "mfa"]` (never `pwd`). The challenge is used once: a failed
/// answer starts again here.
#[utoipa::path(tag = "login", path = "/login/passkey", request_body = PasskeyLoginRequest, responses(
    (status = 200, description = "The challenge and the options for the browser", body = PasskeyLoginStarted),
    (status = 400, description = "Malformed body", body = ErrorBody),
    (status = 403, description = "`passkey_sign_in_disabled`: the tenant does not offer it (also for an unknown tenant)", body = ErrorBody),
    (status = 409, description = "`sso_required` (with `sso_url`), or `webauthn_unavailable`: the tenant has no relying party a browser accepts", body = ErrorBody),
    (status = 413, description = "Body too large", body = ErrorBody),
    (status = 415, description = "Not JSON", body = ErrorBody),
    (status = 429, description = "`rate_limited`: too many requests from this address (`Retry-After`)", body = ErrorBody),
))]
#[post("/login/passkey")]
pub async fn login_passkey(
    state: web::Data<AppState>,
    body: Json<PasskeyLoginRequest>,
) -> Result<HttpResponse, AppError> {
    crate::http::observe::record_tenant(&body.tenant);
    let started = blocking(move || passkey_login::start(&state, &body.into_inner())).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(started))
}
