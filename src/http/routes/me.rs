use actix_web::{get, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::error::ErrorBody;
use crate::http::extract::Bearer;
use crate::service::views::UserView;

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub user: UserView,
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
        (status = 200, body = Me),
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
