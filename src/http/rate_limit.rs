//! The per-address budget in front of the public sign-in endpoints. The per-account budget is
//! spent in the handlers, which know the account a request names.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{web, Error, ResponseError};

use crate::error::AppError;
use crate::infra::rate_limits::AccountKey;
use crate::state::AppState;

/// Endpoints (and everything under them) that spend the client address's budget.
const LIMITED: [&str; 7] =
    ["/login", "/verify", "/challenges", "/token/refresh", "/token/introspect", "/password-reset", "/invitations"];

fn is_limited(path: &str) -> bool {
    LIMITED.iter().any(|p| path.strip_prefix(p).is_some_and(|rest| rest.is_empty() || rest.starts_with('/')))
}

/// Answered as a response (not an error) so that the CORS layer around it still applies.
pub async fn per_ip(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    // The decoded path, as the router sees it: `/%6cogin` is `/login`.
    if req.method() != Method::OPTIONS && is_limited(req.match_info().as_str()) {
        if let Some(state) = req.app_data::<web::Data<AppState>>() {
            let ip =
                super::client_ip::of(req.request(), &state.settings.trusted_proxies, state.settings.forwarded_header);
            if let Err(refused) = state.limits.check_ip(ip) {
                return Ok(req.into_response(refused.error_response()).map_into_right_body());
            }
        }
    }
    next.call(req).await.map(ServiceResponse::map_into_left_body)
}

/// Spends one request of the account's budget (see `service::rate_limits`).
pub fn account(state: &AppState, key: AccountKey<'_>) -> Result<(), AppError> {
    state.limits.check_account(key)
}

#[cfg(test)]
mod tests {
    use super::is_limited;

    #[test]
    fn the_sign_in_endpoints_are_limited_and_nothing_else() {
        for path in ["/login", "/verify", "/challenges/x/resend", "/token/refresh", "/password-reset/x/verify"] {
            assert!(is_limited(path), "{path}");
        }
        for path in ["/loginx", "/me", "/healthz", "/token/refreshing", "/admin/tenants/a/invitations"] {
            assert!(!is_limited(path), "{path}");
        }
    }
}
