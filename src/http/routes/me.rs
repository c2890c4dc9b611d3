use crate::http::json_body::Json;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, client_info, Bearer};
use crate::service::audit_log::{self, ActivityQuery, AuditPage};
use crate::service::password_change::{self, ChangePassword};
use crate::service::views::UserView;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub user: UserView,
    #[schema(format = Uuid)]
    pub session_id: String,
    /// How this session was authenticated (RFC 8176), e.g. `["pwd"]`.
    pub amr: Vec<String>,
    /// Expiry of the presented access token (unix seconds).
    pub exp: i64,
}

/// The caller's profile.
///
/// Send `X-Latchkey-Tenant: <slug>` to refuse tokens of any other tenant.
#[utoipa::path(tag = "me", security(("access_token" = [])),
    params(("X-Latchkey-Tenant" = Option<String>, Header, description = "Expected tenant slug")),
    responses(
        (status = 200, description = "The caller's profile", body = Me),
        (status = 401, description = "`missing_credentials` or `invalid_token`", body = ErrorBody),
    ))]
#[get("/me")]
pub async fn me(bearer: Bearer) -> HttpResponse {
    let ctx = bearer.0;
    HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(Me {
        user: UserView::new(&ctx.user, &ctx.tenant.slug),
        session_id: ctx.session.id.to_string(),
        amr: ctx.claims.amr,
        exp: ctx.claims.exp,
    })
}

/// Change the password.
///
/// A wrong `current_password` counts towards the password lockout like a wrong password at login.
/// The user's other sessions (and their refresh tokens) and remembered devices end; this session
/// stays. The user gets a security notice by email.
#[utoipa::path(tag = "me", security(("access_token" = [])),
    request_body = ChangePassword,
    responses(
        (status = 204, description = "Changed"),
        (status = 400, description = "`password_too_short`, `password_too_long`, `password_equals_email`, `password_equals_username` or `password_too_common`", body = ErrorBody),
        (status = 401, description = "`missing_credentials` or `invalid_token`", body = ErrorBody),
        (status = 403, description = "`invalid_current_password`", body = ErrorBody),
        (status = 423, description = "`account_locked`", body = ErrorBody),
    ))]
#[post("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    bearer: Bearer,
    body: Json<ChangePassword>,
) -> Result<HttpResponse, AppError> {
    password_change::change(state.into_inner(), bearer.0, body.into_inner(), client_info(&req)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The caller's recent activity: sign-ins, wrong passwords and codes, locks, method, device and
/// password changes, newest first, with the address and user agent of each.
#[utoipa::path(tag = "me", security(("access_token" = [])),
    params(ActivityQuery),
    responses(
        (status = 200, description = "The caller's recent sign-ins and security events, newest first", body = AuditPage),
        (status = 400, description = "`invalid_limit` or `invalid_cursor`", body = ErrorBody),
        (status = 401, description = "`missing_credentials` or `invalid_token`", body = ErrorBody),
    ))]
#[get("/me/activity")]
pub async fn my_activity(
    state: web::Data<AppState>,
    bearer: Bearer,
    query: web::Query<ActivityQuery>,
) -> Result<HttpResponse, AppError> {
    let page = blocking(move || audit_log::my_activity(&state, &bearer.0, query.into_inner())).await?;
    Ok(HttpResponse::Ok().insert_header(("Cache-Control", "no-store")).json(page))
}
