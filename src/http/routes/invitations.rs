use crate::http::json_body::Json;
use actix_web::{get, post, web, HttpRequest, HttpResponse};

use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, client_info};
use crate::http::rate_limit;
use crate::infra::rate_limits::AccountKey;
use crate::service::invitations::{self, AcceptInvitation, InvitationInfo};
use crate::service::login::LoginResponse;
use crate::state::AppState;

/// What a registration page needs for an invitation: tenant, email, username, password rules and
/// whether a second factor is required, prompted or optional for this user.
#[utoipa::path(tag = "invitations",
    params(("token" = String, Path, description = "The token from the invitation link")),
    responses(
        (status = 200, description = "What the registration page shows: the tenant, the address and whether 2FA may be set up", body = InvitationInfo),
        (status = 404, description = "`invitation_not_found`", body = ErrorBody),
        (status = 410, description = "`invitation_expired`: used, withdrawn or expired", body = ErrorBody),
    ))]
#[get("/invitations/{token}")]
pub async fn invitation_info(state: web::Data<AppState>, path: web::Path<String>) -> Result<HttpResponse, AppError> {
    rate_limit::account(&state, AccountKey::Subject { kind: "invitation", id: &path })?;
    let info = blocking(move || invitations::info(&state, &path)).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(info))
}

/// Accept an invitation: sets the password (the usual rules) and proves the email. Answers like
/// `/login` (`authenticated`, or the challenge policy asks for), or, with `enroll`, the
/// `enrollment_required` challenge of the chosen kind.
#[utoipa::path(tag = "invitations",
    params(("token" = String, Path, description = "The token from the invitation link")),
    request_body = AcceptInvitation,
    responses(
        (status = 200, description = "The account is active; the answer is that of a login (signed in, or a second factor to set up)", body = LoginResponse),
        (status = 400, description = "A password rule (`password_too_short`, `password_too_common`, …), `invalid_kind` or `invalid_phone_number`", body = ErrorBody),
        (status = 404, description = "`invitation_not_found`", body = ErrorBody),
        (status = 409, description = "`method_not_allowed` or `two_factor_unavailable`", body = ErrorBody),
        (status = 410, description = "`invitation_expired`", body = ErrorBody),
    ))]
#[post("/invitations/{token}/accept")]
pub async fn accept_invitation(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<String>,
    body: Json<AcceptInvitation>,
) -> Result<HttpResponse, AppError> {
    rate_limit::account(&state, AccountKey::Subject { kind: "invitation", id: &path })?;
    let state = state.into_inner();
    let response = invitations::accept(state.clone(), path.into_inner(), body.into_inner(), client_info(&req))
        .await?
        .send(&state)
        .await;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(response))
}
