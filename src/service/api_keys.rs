//! API keys: platform admin keys (every admin endpoint) and tenant keys (a product backend's
//! access to its own tenant: user management and token introspection). Stored as hashes only.

use serde::Serialize;
use utoipa::ToSchema;

use super::views::ApiKeyView;
use crate::crypto::{hash_token, OpaqueToken, TokenKind};
use crate::domain::text;
use crate::domain::{ApiKeyId, ErrorCode, Slug, TenantId, UnixTime};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::api_keys::{self as rows, ApiKey};
use crate::store::{tenants, AnyConnection};

/// Who presented a valid API key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    Platform { key_id: ApiKeyId },
    Tenant { key_id: ApiKeyId, tenant_id: TenantId },
}

impl Principal {
    pub fn may_manage_tenant(&self, tenant_id: &TenantId) -> bool {
        match self {
            Principal::Platform { .. } => true,
            Principal::Tenant { tenant_id: own, .. } => own == tenant_id,
        }
    }

    pub fn require_platform(&self) -> Result<(), AppError> {
        match self {
            Principal::Platform { .. } => Ok(()),
            Principal::Tenant { .. } => Err(AppError::forbidden("this endpoint needs a platform admin key")),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub key: ApiKeyView,
    /// The key itself, shown only in this response.
    #[schema(example = "lk_tenant_4yQ8…")]
    pub secret: String,
}

pub fn authenticate(state: &AppState, presented: &str) -> Result<Principal, AppError> {
    let invalid = || AppError::unauthorized(ErrorCode::InvalidApiKey, "the API key is not valid");
    if !(presented.starts_with(TokenKind::AdminKey.prefix()) || presented.starts_with(TokenKind::TenantKey.prefix())) {
        return Err(invalid());
    }
    let mut conn = state.db.get()?;
    let key = rows::find_active_by_hash(&mut conn, &hash_token(presented))?.ok_or_else(invalid)?;
    Ok(match key.tenant_id {
        None => Principal::Platform { key_id: key.id },
        Some(tenant_id) => Principal::Tenant { key_id: key.id, tenant_id },
    })
}

/// HTTP Basic client authentication: `key` must be valid and be the key with id `key_id`. The
/// key is looked up by its hash, as with a bearer key, and the id compared after: one answer
/// and one cost for a wrong id and a wrong key.
pub fn authenticate_client(state: &AppState, key_id: &str, key: &str) -> Result<Principal, AppError> {
    let principal = authenticate(state, key)?;
    let id = match &principal {
        Principal::Platform { key_id } | Principal::Tenant { key_id, .. } => key_id,
    };
    if id.as_str() != key_id {
        return Err(AppError::unauthorized(ErrorCode::InvalidApiKey, "the API key is not valid"));
    }
    Ok(principal)
}

fn insert_key(
    conn: &mut AnyConnection,
    token: &OpaqueToken,
    tenant_id: Option<&TenantId>,
    name: &str,
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
    };
    rows::insert(conn, &key)?;
    Ok(key)
}

/// Mints a platform admin key (the CLI's offline path and the first-start bootstrap).
pub fn create_admin_key(conn: &mut AnyConnection, name: &str, now: UnixTime) -> Result<OpaqueToken, AppError> {
    let token = OpaqueToken::generate(TokenKind::AdminKey);
    insert_key(conn, &token, None, name, now)?;
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
            insert_key(conn, &OpaqueToken::from_plaintext(value.to_owned()), None, "bootstrap", now)?;
            Ok(None)
        }
        None => create_admin_key(conn, "bootstrap", now).map(Some),
    }
}

pub fn create_tenant_key(state: &AppState, slug: &Slug, name: Option<String>) -> Result<CreatedApiKey, AppError> {
    let name = match name {
        Some(n) if !n.trim().is_empty() => text::line(&n, 100, ErrorCode::InvalidName, "the key name")?,
        _ => "default".to_owned(),
    };
    let mut conn = state.db.get()?;
    let tenant = tenants::find_by_slug(&mut conn, slug)?.ok_or(AppError::not_found("tenant"))?;
    let token = OpaqueToken::generate(TokenKind::TenantKey);
    let key = insert_key(&mut conn, &token, Some(&tenant.id), &name, state.now())?;
    Ok(CreatedApiKey { key: ApiKeyView::new(&key, Some(&tenant.slug)), secret: token.reveal().to_owned() })
}

pub fn list_tenant_keys(state: &AppState, slug: &Slug) -> Result<Vec<ApiKeyView>, AppError> {
    let mut conn = state.db.get()?;
    let tenant = tenants::find_by_slug(&mut conn, slug)?.ok_or(AppError::not_found("tenant"))?;
    Ok(rows::list_for_tenant(&mut conn, &tenant.id)?.iter().map(|k| ApiKeyView::new(k, Some(&tenant.slug))).collect())
}

pub fn revoke_tenant_key(state: &AppState, slug: &Slug, key_id: &ApiKeyId) -> Result<(), AppError> {
    let mut conn = state.db.get()?;
    let tenant = tenants::find_by_slug(&mut conn, slug)?.ok_or(AppError::not_found("tenant"))?;
    if rows::revoke(&mut conn, &tenant.id, key_id, state.now())? {
        Ok(())
    } else {
        Err(AppError::not_found("API key"))
    }
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
