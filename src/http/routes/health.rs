use actix_web::{get, web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::blocking;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct Health {
    #[schema(schema_with = crate::domain::schema::ok)]
    pub status: String,
}

/// Liveness: the process is serving.
#[utoipa::path(tag = "health", responses((status = 200, description = "The process is serving", body = Health)))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health { status: "ok".into() })
}

/// Readiness, answered within a second: the database answers and accepts writes (on
/// PostgreSQL, a primary; `503` while a failover has none).
#[utoipa::path(tag = "health", responses(
    (status = 200, description = "The process is serving and its database accepts writes", body = Health),
    (status = 503, description = "The database is unreachable, or has no primary now", body = ErrorBody),
))]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let within = std::time::Duration::from_millis(900);
    let check = blocking(move || state.db.accepts_writes(within).map_err(AppError::from)).await;
    let refused = |message: &str| {
        HttpResponse::ServiceUnavailable()
            .insert_header((actix_web::http::header::RETRY_AFTER, "1"))
            .json(ErrorBody::new(crate::domain::ErrorCode::DatabaseUnavailable, message))
    };
    match check {
        Ok(true) => HttpResponse::Ok().json(Health { status: "ok".into() }),
        Ok(false) => refused("the database accepts no writes now (no primary)"),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            refused("the database is not reachable")
        }
    }
}
