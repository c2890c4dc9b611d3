use actix_web::{post, web, HttpRequest, HttpResponse};

use crate::domain::{Slug, UserId};
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, client_info, ApiCaller};
use crate::service::password_reset::{start, ResetStarted};
use crate::state::AppState;

/// Email the user a link to choose a new password (the path for users who may not reset
/// themselves): `{public_url}/password-reset#reset_id=…&code=…`, working once, for 24 hours. The
/// page sends `code` to `POST /password-reset/{reset_id}/verify`, then the new password to
/// `…/complete`; no second factor is asked (the administrator vouches; the next sign-in asks for
/// it as usual). The link replaces the user's open resets.
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("api_key" = []), ("admin_token" = [])),
    params(("slug" = String, Path, description = "Tenant slug"), ("user_id" = String, Path, description = "User id")),
    responses(
        (status = 202, description = "The reset is open; its link is on its way to the user by email", body = ResetStarted),
        (status = 400, description = "`invalid_path`", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, description = "The key belongs to another tenant", body = ErrorBody),
        (status = 404, description = "No such tenant or user", body = ErrorBody),
        (status = 409, description = "`public_url_required`, `user_inactive` or `invitation_pending` (invite the user again)", body = ErrorBody),
        (status = 429, description = "`too_many_messages`", body = ErrorBody),
    ))]
#[post("/tenants/{slug}/users/{user_id}/password-reset")]
pub async fn send_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: ApiCaller,
    path: web::Path<(Slug, UserId)>,
) -> Result<HttpResponse, AppError> {
    let client = client_info(&req);
    let (slug, user_id) = path.into_inner();
    let started = blocking(move || start::send_link(&state, &caller.0, &slug, &user_id, &client)).await?;
    Ok(HttpResponse::Accepted().json(started))
}
