use actix_web::{get, web, HttpResponse};

use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, ApiCaller};
use crate::state::AppState;

/// Prometheus metrics (text exposition format 0.0.4).
///
/// Needs a platform admin key. Operators who scrape without a key set `LATCHKEY_METRICS_BIND`
/// to a separate (internal) address, which serves the same document at `/metrics` with no key.
/// See README "Operating Latchkey" for the list of series.
#[utoipa::path(tag = "operations", security(("admin_key" = [])), responses(
    (status = 200, description = "Prometheus text format", content_type = "text/plain; version=0.0.4", body = String),
    (status = 401, description = "Missing or unknown key", body = ErrorBody),
    (status = 403, description = "`forbidden`: a tenant key", body = ErrorBody),
))]
#[get("/metrics")]
pub async fn metrics(state: web::Data<AppState>, caller: ApiCaller) -> Result<HttpResponse, AppError> {
    caller.0.require_platform()?;
    exposition(state).await
}

/// The same document, on the metrics-only listener (`LATCHKEY_METRICS_BIND`).
pub async fn metrics_without_key(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    exposition(state).await
}

async fn exposition(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let text = blocking(move || crate::telemetry::metrics::render(&state)).await?;
    Ok(HttpResponse::Ok().content_type("text/plain; version=0.0.4; charset=utf-8").body(text))
}
