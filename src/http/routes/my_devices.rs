use actix_web::{delete, get, web, HttpRequest, HttpResponse};

use crate::domain::DeviceId;
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, client_info, Bearer};
use crate::service::second_factor::devices::{self, DeviceView};
use crate::state::AppState;

/// Devices that skip the second factor ("remember this device").
#[utoipa::path(tag = "me", security(("access_token" = [])), responses(
    (status = 200, description = "The caller's remembered devices", body = Vec<DeviceView>),
    (status = 401, body = ErrorBody),
))]
#[get("/me/devices")]
pub async fn list_devices(state: web::Data<AppState>, bearer: Bearer) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(blocking(move || devices::list(&state, &bearer.0)).await?))
}

/// Forget a remembered device: its next login asks for the second factor again.
#[utoipa::path(tag = "me", security(("access_token" = [])),
    params(("device_id" = String, Path, description = "The device")),
    responses(
        (status = 204, description = "Forgotten"),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
#[delete("/me/devices/{device_id}")]
pub async fn revoke_device(
    state: web::Data<AppState>,
    req: HttpRequest,
    bearer: Bearer,
    path: web::Path<DeviceId>,
) -> Result<HttpResponse, AppError> {
    let client = client_info(&req);
    blocking(move || devices::revoke(&state, &bearer.0, &path, &client)).await?;
    Ok(HttpResponse::NoContent().finish())
}
