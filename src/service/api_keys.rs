//! API keys: platform admin keys (every admin endpoint) and tenant keys (a product backend's
//! access to its own tenant: user management and token introspection). Stored as hashes only.

use serde::Serialize;
use utoipa::ToSchema;

use super::access::{tenant_for, Need};
use super::audit;
use super::views::ApiKeyView;
use crate::crypto::{hash_token, OpaqueToken, TokenKind};
use crate::domain::text;
use crate::domain::{ApiKeyId, AuditEvent, AuditOutcome, ErrorCode, KeyScope, Slug, TenantId, UnixTime};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::api_keys::{self as rows, ApiKey};
use crate::store::AnyConnection;

pub use super::access::Principal;

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub key: ApiKeyView,
    /// The key itself, shown only in this response.
    #[schema(example = "lk_tenant_4yQ8…")]
    pub secret: String,
}

/// Whether a bearer credential is an API key (else it is taken for an access token).
pub fn looks_like_key(presented: &str) -> bool {
    presented.starts_with(TokenKind::AdminKey.prefix()) || presented.starts_with(TokenKind::TenantKey.prefix())
}

pub fn authenticate(state: &AppState, presented: &str) -> Result<Principal, AppError> {
    let invalid = || AppError::unauthorized(ErrorCode::InvalidApiKey, "the API key is not valid");
    if !looks_like_key(presented) {
        return Err(invalid());
    }
    let mut conn = state.db.get()?;
    let key = rows::find_active_by_hash(&mut conn, &hash_token(presented))?.ok_or_else(invalid)?;
    Ok(match key.tenant_id {
        None => Principal::Platform { key_id: key.id },
        Some(tenant_id) => Principal::Tenant { key_id: key.id, tenant_id, admin_scope: key.admin_scope },
    })
}

/// HTTP Basic client authentication: `key` must be valid and be the key with id `key_id`. The
/// key is looked up by its hash, as with a bearer key, and the id compared after: one answer
/// and one cost for a wrong id and a wrong key.
pub fn authenticate_client(state: &AppState, key_id: &str, key: &str) -> Result<Principal, AppError> {
    let principal = authenticate(state, key)?;
    if principal.actor().key_id.is_none_or(|id| id.as_str() != key_id) {
        return Err(AppError::unauthorized(ErrorCode::InvalidApiKey, "the API key is not valid"));
    }
    Ok(principal)
}

fn insert_key(
    conn: &mut AnyConnection,
    token: &OpaqueToken,
    tenant_id: Option<&TenantId>,
    name: &str,
    admin_scope: bool,
    now: UnixTime,
) -> Result<ApiKey, AppError> {
    let key = ApiKey {
        id: ApiKeyId::new(),
        tenant_id: tenant_id.cloned(),
        name: name.to_owned(),
        prefix: token.display_prefix(),
        key_hash: token.hash(),
        created_at: now,
        revoked_at: None,
        admin_scope,
    };
    rows::insert(conn, &key)?;
    Ok(key)
}

/// Mints a platform admin key (the CLI's offline path and the first-start bootstrap).
pub fn create_admin_key(conn: &mut AnyConnection, name: &str, now: UnixTime) -> Result<OpaqueToken, AppError> {
    let token = OpaqueToken::generate(TokenKind::AdminKey);
    insert_key(conn, &token, None, name, true, now)?;
    Ok(token)
}

/// On first start with no admin key: store the configured bootstrap key, or mint one.
/// Returns the key to print when it was minted here (never when it was configured).
pub fn bootstrap(
    conn: &mut AnyConnection,
    configured: Option<&str>,
    now: UnixTime,
) -> Result<Option<OpaqueToken>, AppError> {
    if rows::count_platform_keys(conn)? > 0 {
        // A configured key that is not one of the database's would be silently useless: say so.
        if let Some(value) = configured {
            if rows::find_active_by_hash(conn, &crate::crypto::hash_token(value))?.is_none() {
                tracing::warn!(
                    "LATCHKEY_BOOTSTRAP_ADMIN_KEY is ignored: this database already has an admin key. Use that \
                     key, create another with `latchkey admin-key create`, or start with an empty LATCHKEY_DATA_DIR"
                );
            }
        }
        return Ok(None);
    }
    match configured {
        Some(value) => {
            if !value.starts_with(TokenKind::AdminKey.prefix()) || value.len() < TokenKind::AdminKey.prefix().len() + 32
            {
                return Err(AppError::internal(format!(
                    "LATCHKEY_BOOTSTRAP_ADMIN_KEY must start with {} and have at least 32 characters after it",
                    TokenKind::AdminKey.prefix()
                )));
            }
            insert_key(conn, &OpaqueToken::from_plaintext(value.to_owned()), None, "bootstrap", true, now)?;
            Ok(None)
        }
        None => create_admin_key(conn, "bootstrap", now).map(Some),
    }
}

/// A tenant key: `scopes` absent gives `["introspect"]`; `admin` includes `introspect`.
pub fn create_tenant_key(
    state: &AppState,
    principal: &Principal,
    slug: &Slug,
    name: Option<String>,
    scopes: Option<Vec<KeyScope>>,
) -> Result<CreatedApiKey, AppError> {
    let name = match name {
        Some(n) if !n.trim().is_empty() => text::line(&n, 100, ErrorCode::InvalidName, "the key name")?,
        _ => "default".to_owned(),
    };
    let admin_scope = scopes.is_some_and(|s| s.contains(&KeyScope::Admin));
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| {
        let tenant = tenant_for(c, principal, slug, Need::SETTINGS.recent())?;
        let token = OpaqueToken::generate(TokenKind::TenantKey);
        let key = insert_key(c, &token, Some(&tenant.id), &name, admin_scope, now)?;
        let detail = format!("{} {}", key.id, if admin_scope { "introspect admin" } else { "introspect" });
        audit::entry(AuditEvent::ApiKeyCreated, AuditOutcome::Success)
            .tenant(&tenant.id)
            .actor(principal)
            .detail(&detail)
            .record(c, now)?;
        Ok(CreatedApiKey { key: ApiKeyView::new(&key, Some(&tenant.slug)), secret: token.reveal().to_owned() })
    })
}

pub fn list_tenant_keys(state: &AppState, principal: &Principal, slug: &Slug) -> Result<Vec<ApiKeyView>, AppError> {
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::SETTINGS)?;
    Ok(rows::list_for_tenant(&mut conn, &tenant.id)?.iter().map(|k| ApiKeyView::new(k, Some(&tenant.slug))).collect())
}

pub fn revoke_tenant_key(
    state: &AppState,
    principal: &Principal,
    slug: &Slug,
    key_id: &ApiKeyId,
) -> Result<(), AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| {
        let tenant = tenant_for(c, principal, slug, Need::SETTINGS)?;
        if !rows::revoke(c, &tenant.id, key_id, now)? {
            return Err(AppError::not_found("API key"));
        }
        audit::entry(AuditEvent::ApiKeyRevoked, AuditOutcome::Success)
            .tenant(&tenant.id)
            .actor(principal)
            .detail(key_id.as_str())
            .record(c, now)
    })
}

/// The platform admin keys (never the keys themselves).
pub fn list_admin_keys(conn: &mut AnyConnection) -> Result<Vec<ApiKeyView>, AppError> {
    Ok(rows::list_platform_keys(conn)?.iter().map(|k| ApiKeyView::new(k, None)).collect())
}

/// Revokes a platform admin key, never the last live one (the platform would lock itself out;
/// `latchkey admin-key create` mints another offline first). One revocation at a time, so two
/// concurrent ones cannot both leave none.
pub fn revoke_admin_key(db: &crate::store::Db, key_id: &ApiKeyId, now: UnixTime) -> Result<(), AppError> {
    let mut conn = db.get()?;
    db.transaction_on(&mut conn, |c| {
        let keys = rows::list_platform_keys(c)?;
        let Some(key) = keys.iter().find(|k| &k.id == key_id && k.revoked_at.is_none()) else {
            return Err(AppError::not_found("admin key"));
        };
        if rows::count_live_platform_keys(c)? <= 1 {
            return Err(AppError::conflict(
                ErrorCode::LastAdminKey,
                "this is the last live admin key: create another (latchkey admin-key create) before revoking it",
            ));
        }
        if !rows::revoke_platform_key(c, &key.id, now)? {
            return Err(AppError::not_found("admin key"));
        }
        Ok(())
    })
}
