//! Request extractors: who is calling (admin or tenant API key, bearer access token) and from where.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};

use crate::domain::ErrorCode;
use crate::error::AppError;
use crate::service::access::{Member, Principal};
use crate::service::api_keys;
use crate::service::sessions::{self, AccessContext, ClientInfo};
use crate::state::AppState;

/// Runs blocking work (diesel, argon2) on the blocking pool, never on an async worker.
pub async fn blocking<T, F>(f: F) -> Result<T, AppError>
where
    F: FnOnce() -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    // The request's span goes along, so the use case's log lines carry its request id.
    let span = tracing::Span::current();
    // The request's commits go along too: a lost connection is replayed only if none happened.
    let commits = crate::store::request_scope::of_this_task();
    web::block(move || crate::store::request_scope::in_request(commits, || span.in_scope(f)))
        .await
        .map_err(AppError::internal)?
}

pub(super) fn state_of(req: &HttpRequest) -> Result<web::Data<AppState>, AppError> {
    req.app_data::<web::Data<AppState>>().cloned().ok_or_else(|| AppError::internal("application state missing"))
}

pub fn bearer_token(req: &HttpRequest) -> Result<String, AppError> {
    let missing = || AppError::unauthorized(ErrorCode::MissingCredentials, "send Authorization: Bearer <token>");
    let value = req.headers().get(header::AUTHORIZATION).ok_or_else(missing)?;
    let value = value.to_str().map_err(|_| missing())?;
    let (scheme, token) = value.split_once(' ').ok_or_else(missing)?;
    let token = token.trim();
    if !scheme.eq_ignore_ascii_case("bearer") || token.is_empty() {
        return Err(missing());
    }
    Ok(token.to_owned())
}

pub(super) type Fut<T> = Pin<Box<dyn Future<Output = Result<T, AppError>>>>;

/// A caller of the admin API: a platform admin key, a tenant API key, or the access token of a
/// tenant's user (whose role is read from the database now, for this request).
pub struct ApiCaller(pub Principal);

impl FromRequest for ApiCaller {
    type Error = AppError;
    type Future = Fut<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let prepared = state_of(req).and_then(|s| bearer_token(req).map(|t| (s, t)));
        Box::pin(async move {
            let (state, token) = prepared?;
            if api_keys::looks_like_key(&token) {
                return blocking(move || api_keys::authenticate(&state, &token)).await.map(ApiCaller);
            }
            let ctx = blocking(move || {
                let ctx = sessions::authenticate(&state, &token)?;
                let recent = (state.now(), state.settings.step_up_window_secs);
                Ok((Member::new(&ctx.user, &ctx.session.amr, ctx.session.created_at, recent), ctx.tenant.slug))
            })
            .await?;
            super::observe::record_tenant(ctx.1.as_str());
            Ok(ApiCaller(Principal::Member(ctx.0)))
        })
    }
}

/// A caller holding a valid access token of a live session.
pub struct Bearer(pub AccessContext);

/// Header a single-page app may send to insist that the token belongs to its tenant.
pub const TENANT_HEADER: &str = "X-Latchkey-Tenant";

impl FromRequest for Bearer {
    type Error = AppError;
    type Future = Fut<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let prepared = state_of(req).and_then(|s| bearer_token(req).map(|t| (s, t)));
        let expected_tenant = req.headers().get(TENANT_HEADER).map(|v| v.to_str().unwrap_or("").to_owned());
        Box::pin(async move {
            let (state, token) = prepared?;
            let ctx = blocking(move || sessions::authenticate(&state, &token)).await?;
            super::observe::record_tenant(ctx.tenant.slug.as_str());
            if expected_tenant.is_some_and(|t| t != ctx.tenant.slug.as_str()) {
                return Err(AppError::unauthorized(
                    ErrorCode::InvalidToken,
                    "the access token belongs to another tenant",
                ));
            }
            Ok(Bearer(ctx))
        })
    }
}

/// The client's address (see `client_ip`) and user agent.
pub fn client_info(req: &HttpRequest) -> ClientInfo {
    let ip = state_of(req)
        .ok()
        .and_then(|s| super::client_ip::of(req, &s.settings.trusted_proxies, s.settings.forwarded_header));
    ClientInfo {
        ip,
        user_agent: req.headers().get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_owned),
    }
}
