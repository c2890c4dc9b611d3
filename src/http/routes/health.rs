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

/// Readiness: the database answers.
#[utoipa::path(tag = "health", responses(
    (status = 200, description = "The process is serving and its database answers", body = Health),
    (status = 503, description = "The database is unreachable", body = ErrorBody),
))]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let ping = blocking(move || state.db.ping().map_err(AppError::from)).await;
    match ping {
        Ok(()) => HttpResponse::Ok().json(Health { status: "ok".into() }),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            HttpResponse::ServiceUnavailable()
                .json(ErrorBody::new(crate::domain::ErrorCode::DatabaseUnavailable, "the database is not reachable"))
        }
    }
}
