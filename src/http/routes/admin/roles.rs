use crate::http::json_body::Json;
use actix_web::{put, web, HttpResponse};

use crate::domain::{Slug, UserId};
use crate::error::AppError;
use crate::http::error::ErrorBody;
use crate::http::extract::{blocking, ApiCaller};
use crate::service::users::{self, SetRoles};
use crate::service::views::UserView;
use crate::state::AppState;

/// Set a user's roles on the tenant's admin API: `admin` (users, their methods and devices,
/// locks, invitations, reset links, group membership, the audit trail, the outbox) or `owner`
/// (also the tenant's security settings, API keys and roles). A platform key, or an owner after a
/// recent sign-in with the second factor; audited and sent as the event `user.roles_changed`.
#[utoipa::path(tag = "admin", security(("admin_key" = []), ("admin_token" = [])), request_body = SetRoles,
    params(("slug" = String, Path, description = "Tenant slug"), ("user_id" = String, Path, description = "User id")),
    responses(
        (status = 200, description = "The user with their roles", body = UserView),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`last_owner`: the tenant's last owner cannot be demoted", body = ErrorBody),
    ))]
#[put("/tenants/{slug}/users/{user_id}/roles")]
pub async fn set_roles(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(Slug, UserId)>,
    body: Json<SetRoles>,
) -> Result<HttpResponse, AppError> {
    let (slug, user_id) = path.into_inner();
    let user = blocking(move || users::set_roles(&state, &caller.0, &slug, &user_id, body.into_inner())).await?;
    Ok(HttpResponse::Ok().json(user))
}
