//! Who calls the admin API, and what each caller may do there: platform admin keys, tenant API
//! keys (with their scopes) and the tenant's own users who hold a role. `tenant_for` is the one
//! check every tenant endpoint makes; `may_act_on` protects owners from admins.

use crate::domain::{ApiKeyId, ErrorCode, Role, Slug, TenantId, UnixTime, UserId};
use crate::error::AppError;
use crate::store::tenants::Tenant;
use crate::store::users::User;
use crate::store::AnyConnection;

/// Who presented valid credentials to the admin API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    Platform {
        key_id: ApiKeyId,
    },
    Tenant {
        key_id: ApiKeyId,
        tenant_id: TenantId,
        admin_scope: bool,
    },
    /// A user of a tenant, by their access token; the role is the database's, read for this request.
    Member(Member),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub user_id: UserId,
    pub tenant_id: TenantId,
    pub role: Option<Role>,
    /// The session passed a second factor (`mfa` in its `amr`).
    pub mfa: bool,
    /// …and it did so within `LATCHKEY_STEP_UP_WINDOW_SECS` (a refresh does not renew it).
    pub recently_authenticated: bool,
}

impl Member {
    /// The member behind a session: `authenticated_at` is when the session was opened (a sign-in
    /// or a step-up's `/verify`), never a refresh; `window` is how recent a sensitive action wants it.
    pub fn new(user: &User, amr: &str, authenticated_at: UnixTime, (now, window): (UnixTime, i64)) -> Self {
        let mfa = amr.split(' ').any(|m| m == "mfa");
        Member {
            user_id: user.id.clone(),
            tenant_id: user.tenant_id.clone(),
            role: user.role,
            mfa,
            recently_authenticated: mfa && now - authenticated_at <= window,
        }
    }
}

/// What a tenant endpoint asks of its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    role: Role,
    /// A sign-in with the second factor in the last 10 minutes (members only).
    recent: bool,
    /// Tenant API keys with the admin scope may do it (else platform keys and owners only).
    tenant_keys: bool,
}

impl Need {
    /// Users, methods, devices, locks, invitations, reset links, group membership, audit, outbox.
    pub const ADMIN: Need = Need { role: Role::Admin, recent: false, tenant_keys: true };
    /// Groups' rules and event webhooks: owners, and tenant keys as before roles existed.
    pub const OWNER: Need = Need { role: Role::Owner, recent: false, tenant_keys: true };
    /// The tenant's settings, API keys and roles: owners and platform keys, never a tenant key.
    pub const SETTINGS: Need = Need { role: Role::Owner, recent: false, tenant_keys: false };

    /// The same, and sensitive: a member must have signed in with the second factor recently.
    pub const fn recent(self) -> Need {
        Need { recent: true, ..self }
    }
}

/// Who did it, for the audit trail.
#[derive(Debug, Clone, Copy, Default)]
pub struct Actor<'a> {
    pub user_id: Option<&'a UserId>,
    pub key_id: Option<&'a ApiKeyId>,
}

impl Principal {
    /// Token introspection: keys of the tenant (any scope) and platform keys.
    pub fn may_introspect(&self, tenant_id: &TenantId) -> bool {
        match self {
            Principal::Platform { .. } => true,
            Principal::Tenant { tenant_id: own, .. } => own == tenant_id,
            Principal::Member(_) => false,
        }
    }

    pub fn require_platform(&self) -> Result<(), AppError> {
        match self {
            Principal::Platform { .. } => Ok(()),
            _ => Err(AppError::forbidden("this endpoint needs a platform admin key")),
        }
    }

    pub fn actor(&self) -> Actor<'_> {
        match self {
            Principal::Platform { key_id } | Principal::Tenant { key_id, .. } => {
                Actor { user_id: None, key_id: Some(key_id) }
            }
            Principal::Member(m) => Actor { user_id: Some(&m.user_id), key_id: None },
        }
    }

    /// An admin may not act on an owner's account; owners and keys may.
    pub fn may_act_on(&self, target: &User) -> Result<(), AppError> {
        match self {
            Principal::Member(m) if m.role < Some(Role::Owner) && target.role == Some(Role::Owner) => {
                Err(AppError::forbidden_as(ErrorCode::OwnerProtected, "an admin may not change an owner's account"))
            }
            _ => Ok(()),
        }
    }
}

/// The tenant named by `slug`, if the principal may do what `need` says there.
///
/// A tenant key asking about another slug gets the same 403 whether that tenant exists or not (its
/// own tenant is checked first); a user asking about another tenant gets the `404` of a missing
/// one. Neither can probe for other tenants.
pub fn tenant_for(
    conn: &mut AnyConnection,
    principal: &Principal,
    slug: &Slug,
    need: Need,
) -> Result<Tenant, AppError> {
    match principal {
        Principal::Platform { .. } => super::tenants::require(conn, slug),
        Principal::Tenant { tenant_id, admin_scope, .. } => {
            let other = || AppError::forbidden("this API key belongs to another tenant");
            let tenant = crate::store::tenants::find_by_slug(conn, slug)?.ok_or_else(other)?;
            if &tenant.id != tenant_id {
                return Err(other());
            }
            if !admin_scope {
                return Err(AppError::forbidden_as(
                    ErrorCode::InsufficientScope,
                    "this API key may only check tokens: its scopes do not include admin",
                ));
            }
            if !need.tenant_keys {
                return Err(AppError::forbidden("this needs a platform admin key or an owner of the tenant"));
            }
            Ok(tenant)
        }
        Principal::Member(member) => {
            let tenant = crate::store::tenants::find_by_slug(conn, slug)?
                .filter(|t| t.id == member.tenant_id)
                .ok_or(AppError::not_found("tenant"))?;
            let Some(role) = member.role else {
                return Err(AppError::forbidden_as(ErrorCode::InsufficientRole, "the admin API needs the admin role"));
            };
            if !member.mfa {
                return Err(AppError::forbidden_as(
                    ErrorCode::MfaRequired,
                    "administrators must sign in with a second factor: sign in again",
                ));
            }
            if role < need.role {
                return Err(AppError::forbidden_as(ErrorCode::InsufficientRole, "this needs the owner role"));
            }
            if need.recent && !member.recently_authenticated {
                return Err(AppError::unauthorized(
                    ErrorCode::StepUpRequired,
                    "confirm with your second factor first (POST /me/step-up, then /verify)",
                ));
            }
            Ok(tenant)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(role: Option<Role>, mfa: bool, recent: bool) -> Principal {
        Principal::Member(Member {
            user_id: UserId::new(),
            tenant_id: TenantId::new(),
            role,
            mfa,
            recently_authenticated: recent,
        })
    }

    #[test]
    fn members_are_never_platform_admins_and_never_introspect() {
        let m = member(Some(Role::Owner), true, true);
        assert!(m.require_platform().is_err());
        assert!(!m.may_introspect(&TenantId::new()));
    }
}
