//! "Why am I (not) asked for a second factor?": the policy decision and its reasons.

use actix_web::{get, web, HttpRequest, HttpResponse};

use crate::domain::{Slug, UserId};
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, client_info, ApiCaller, Bearer};
use crate::service::policy::{self, ExplainQuery, PolicyExplanation};
use crate::state::AppState;

/// Explain the second-factor decision for a user, as if they logged in from `ip`.
///
/// For support staff: `reasons` lists what was weighed, in order (sign-in source, tenant and
/// group rules, exemption, trusted networks, methods, the enrollment prompt).
#[utoipa::path(tag = "admin", security(("api_key" = [])),
    params(("slug" = String, Path, description = "Tenant slug"), ("user_id" = String, Path), ExplainQuery),
    responses(
        (status = 200, description = "Whether the user is asked for a second factor, and why", body = PolicyExplanation),
        (status = 400, description = "`invalid_ip`", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
#[get("/tenants/{slug}/users/{user_id}/policy")]
pub async fn explain_user_policy(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(Slug, UserId)>,
    query: web::Query<ExplainQuery>,
) -> Result<HttpResponse, AppError> {
    let (slug, id) = path.into_inner();
    let explanation =
        blocking(move || policy::explain_for_user(&state, &caller.0, &slug, &id, query.into_inner())).await?;
    Ok(HttpResponse::Ok().json(explanation))
}

/// Explain the second-factor decision for the signed-in user, from this request's address.
#[utoipa::path(tag = "me", security(("access_token" = [])),
    responses(
        (status = 200, description = "Whether the caller is asked for a second factor, and why", body = PolicyExplanation),
        (status = 401, body = ErrorBody),
    ))]
#[get("/me/policy")]
pub async fn explain_my_policy(
    state: web::Data<AppState>,
    req: HttpRequest,
    bearer: Bearer,
) -> Result<HttpResponse, AppError> {
    let ip = client_info(&req).ip;
    Ok(HttpResponse::Ok().json(blocking(move || policy::explain_for_self(&state, &bearer.0, ip)).await?))
}
