use crate::http::json_body::Json;
use actix_web::{delete, get, post, web, HttpRequest, HttpResponse};

use crate::domain::{InvitationId, Slug};
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, client_info, ApiCaller};
use crate::service::invitations::{self, CreateInvitation, InvitationView};
use crate::state::AppState;

/// Invite a user: creates the user without a password (or re-invites one who never accepted:
/// the new link replaces the old) and emails a single-use link to `{public_url}/invitation#token=…`.
/// The token is shown nowhere else.
#[utoipa::path(tag = "admin", security(("api_key" = [])),
    params(("slug" = String, Path, description = "Tenant slug")),
    request_body = CreateInvitation,
    responses(
        (status = 201, description = "The invitation; its link went to the user", body = InvitationView),
        (status = 400, description = "`invalid_email`, `invalid_username` or `invalid_expiry`", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, description = "`not_found` or `group_not_found`", body = ErrorBody),
        (status = 409, description = "`email_taken`, `username_taken`, `public_url_required`, or `sso_required` (with `sso_url`): the tenant signs in through SSO, so nobody is invited to choose a password", body = ErrorBody),
        (status = 429, description = "`too_many_messages`", body = ErrorBody),
    ))]
#[post("/tenants/{slug}/invitations")]
pub async fn create_invitation(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: ApiCaller,
    path: web::Path<Slug>,
    body: Json<CreateInvitation>,
) -> Result<HttpResponse, AppError> {
    let client = client_info(&req);
    let view = blocking(move || invitations::create(&state, &caller.0, &path, body.into_inner(), &client)).await?;
    Ok(HttpResponse::Created().json(view))
}

/// The tenant's pending invitations, newest first.
#[utoipa::path(tag = "admin", security(("api_key" = [])),
    params(("slug" = String, Path, description = "Tenant slug")),
    responses(
        (status = 200, description = "The tenant's pending invitations, newest first", body = Vec<InvitationView>),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
#[get("/tenants/{slug}/invitations")]
pub async fn list_invitations(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<Slug>,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(blocking(move || invitations::list(&state, &caller.0, &path)).await?))
}

/// Withdraw a pending invitation: its link then answers `410 invitation_expired`.
#[utoipa::path(tag = "admin", security(("api_key" = [])),
    params(("slug" = String, Path, description = "Tenant slug"), ("invitation_id" = String, Path)),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, description = "`invitation_not_found`", body = ErrorBody),
    ))]
#[delete("/tenants/{slug}/invitations/{invitation_id}")]
pub async fn revoke_invitation(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: ApiCaller,
    path: web::Path<(Slug, InvitationId)>,
) -> Result<HttpResponse, AppError> {
    let client = client_info(&req);
    let (slug, id) = path.into_inner();
    blocking(move || invitations::revoke(&state, &caller.0, &slug, &id, &client)).await?;
    Ok(HttpResponse::NoContent().finish())
}
