//! "Remember this device": a random token, stored hashed, that lets one user skip the second
//! factor until it expires or is revoked (on request, password change, method removal or reset).

use serde::Serialize;
use utoipa::ToSchema;

use crate::clock::rfc3339;
use crate::crypto::{hash_token, OpaqueToken, TokenKind};
use crate::domain::{AuditEvent, AuditOutcome, DeviceId, UnixTime, UserId};
use crate::error::AppError;
use crate::service::audit;
use crate::service::notices::{self, Notice};
use crate::service::sessions::{AccessContext, ClientInfo};
use crate::state::AppState;
use crate::store::device_tokens::{self as rows, DeviceToken};
use crate::store::tenants::Tenant;
use crate::store::users::User;
use crate::store::AnyConnection;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeviceView {
    #[schema(format = Uuid)]
    pub id: String,
    /// The browser or app that asked to be remembered.
    pub label: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub expires_at: String,
    #[schema(format = DateTime)]
    pub last_used_at: Option<String>,
}

/// Issues a device token when the tenant allows it (`remember_device_days > 0`).
pub fn remember(
    c: &mut AnyConnection,
    state: &AppState,
    tenant: &Tenant,
    user: &User,
    client: &ClientInfo,
    now: UnixTime,
) -> Result<Option<String>, AppError> {
    if tenant.remember_device_days <= 0 {
        return Ok(None);
    }
    let token = OpaqueToken::generate(TokenKind::DeviceToken);
    rows::insert(
        c,
        &DeviceToken {
            id: DeviceId::new(),
            tenant_id: tenant.id.clone(),
            user_id: user.id.clone(),
            token_hash: token.hash(),
            label: client.user_agent.as_ref().map(|ua| ua.chars().take(200).collect()),
            created_at: now,
            expires_at: now + i64::from(tenant.remember_device_days) * 86_400,
            last_used_at: None,
            revoked_at: None,
        },
    )?;
    audit::entry(AuditEvent::DeviceRemembered, AuditOutcome::Success)
        .tenant(&tenant.id)
        .user(&user.id)
        .by(client)
        .record(c, now)?;
    notices::send(c, state, (tenant, user), Notice::DeviceRemembered, client, now)?;
    Ok(Some(token.reveal().to_owned()))
}

/// Whether `presented` is a live device token of this user (and marks it used).
pub fn is_remembered(c: &mut AnyConnection, user: &User, presented: &str, now: UnixTime) -> Result<bool, AppError> {
    if !presented.starts_with(TokenKind::DeviceToken.prefix()) {
        return Ok(false);
    }
    match rows::find_live(c, &user.id, &hash_token(presented), now)? {
        Some(device) => {
            rows::touch(c, &device.id, now)?;
            Ok(true)
        }
        None => Ok(false),
    }
}

pub fn list(state: &AppState, ctx: &AccessContext) -> Result<Vec<DeviceView>, AppError> {
    let mut conn = state.db.get()?;
    of_user(&mut conn, &ctx.user.id, state.now())
}

/// A user's live remembered devices (the user's own list, and the admin view of the user).
pub fn of_user(conn: &mut AnyConnection, user_id: &UserId, now: UnixTime) -> Result<Vec<DeviceView>, AppError> {
    Ok(rows::list_live(conn, user_id, now)?
        .into_iter()
        .map(|d| DeviceView {
            id: d.id.to_string(),
            label: d.label,
            created_at: rfc3339(d.created_at),
            expires_at: rfc3339(d.expires_at),
            last_used_at: d.last_used_at.map(rfc3339),
        })
        .collect())
}

pub fn revoke(
    state: &AppState,
    ctx: &AccessContext,
    device_id: &DeviceId,
    client: &ClientInfo,
) -> Result<(), AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| {
        if !rows::revoke(c, &ctx.user.id, device_id, now)? {
            return Err(AppError::not_found("device"));
        }
        audit::entry(AuditEvent::DeviceRevoked, AuditOutcome::Success)
            .tenant(&ctx.tenant.id)
            .user(&ctx.user.id)
            .by(client)
            .record(c, now)
    })
}

pub fn revoke_all(c: &mut AnyConnection, user_id: &UserId, now: UnixTime) -> Result<(), AppError> {
    rows::revoke_all(c, user_id, now)?;
    Ok(())
}
