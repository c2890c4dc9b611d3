//! Password login. Unknown tenant, unknown user, inactive user and wrong password all end in
//! the same `invalid_credentials` after exactly one argon2 verification.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::sessions::{self, Authenticated, ClientInfo};
use crate::auth::password::Verification;
use crate::auth::validate;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::{tenants, users};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// The tenant's slug.
    #[schema(example = "acme")]
    pub tenant: String,
    /// The user's email address.
    #[schema(example = "alice@example.com")]
    pub identifier: String,
    #[schema(example = "correct horse battery staple")]
    pub password: String,
}

impl std::fmt::Debug for LoginRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginRequest")
            .field("tenant", &self.tenant)
            .field("identifier", &self.identifier)
            .finish_non_exhaustive()
    }
}

/// What a login leads to; `status` tells which.
#[derive(Debug, Serialize, ToSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum LoginResponse {
    /// Every factor policy asks for was given: here are the tokens.
    Authenticated(Authenticated),
}

pub fn password_login(
    state: &AppState,
    req: LoginRequest,
    client: ClientInfo,
) -> Result<LoginResponse, AppError> {
    if req.password.chars().count() > crate::auth::password::MAX_PASSWORD_CHARS {
        // Refused before hashing so oversized inputs cannot buy extra CPU; no user is looked up.
        return Err(AppError::InvalidCredentials);
    }
    let mut conn = state.db.get()?;
    let tenant = tenants::find_by_slug(&mut conn, req.tenant.trim())?;
    let user = match (&tenant, validate::email(&req.identifier)) {
        (Some(t), Ok(email)) => users::find_by_email(&mut conn, &t.id, &email)?,
        _ => None,
    };
    let verification = state.passwords.verify(
        &req.password,
        user.as_ref().map(|u| u.password_hash.as_str()),
    );
    let (Some(tenant), Some(user), Verification::Match { rehash }) = (tenant, user, verification)
    else {
        tracing::info!(tenant = %req.tenant, "password login refused");
        return Err(AppError::InvalidCredentials);
    };
    if !user.active {
        tracing::info!(tenant = %tenant.slug, user_id = %user.id, "login by a deactivated user refused");
        return Err(AppError::InvalidCredentials);
    }
    if let Some(new_hash) = rehash {
        users::upgrade_password_hash(&mut conn, &user.id, &user.password_hash, &new_hash)?;
    }
    let authenticated =
        sessions::open_session(&mut conn, state, &tenant, &user, &["pwd"], &client)?;
    tracing::info!(tenant = %tenant.slug, user_id = %user.id, session_id = %authenticated.session_id, "login succeeded");
    Ok(LoginResponse::Authenticated(authenticated))
}
