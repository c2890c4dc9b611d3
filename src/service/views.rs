//! What the API shows of stored rows: never a hash, never a secret.

use serde::Serialize;
use utoipa::ToSchema;

use crate::clock::rfc3339;
use crate::domain::tenant_policy::MessageLimits;
use crate::domain::{GroupRule, MethodKind, SignInSource, Slug, TwoFactorMode};
use crate::store::api_keys::ApiKey;
use crate::store::groups::Group;
use crate::store::tenants::Tenant;
use crate::store::users::User;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TenantView {
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(example = "acme")]
    pub slug: String,
    #[schema(example = "Acme Clinic")]
    pub name: String,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
    pub settings: TenantSettings,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TenantSettings {
    pub two_factor: TwoFactorMode,
    pub totp: TotpSettingsView,
    pub second_factor_lockout_threshold: i32,
    pub password_lockout_threshold: i32,
    pub lockout_duration_secs: i64,
    /// 0: remember-device is off.
    pub remember_device_days: i32,
    /// Kinds users may set up and be asked for.
    pub allowed_methods: Vec<MethodKind>,
    /// CIDRs from which a password login is not asked for a second factor.
    pub trusted_networks: Vec<String>,
    pub sign_in: SignInSource,
    pub sso_url: Option<String>,
    pub message_limits: MessageLimits,
    /// Regions SMS may go to; empty: any.
    pub sms_allowed_countries: Vec<String>,
    /// SMS left to send; `null` is unlimited.
    pub sms_budget: Option<i64>,
    /// The sign-in page's origin (the WebOTP line of SMS codes).
    pub web_origin: Option<String>,
    /// Where notices for the tenant's administrators go.
    pub admin_contact: Option<String>,
    /// The SMS balance at which one notice goes to `admin_contact` (0: none).
    pub sms_budget_low_threshold: i64,
    /// Users get an email when their account changes.
    pub security_notices: bool,
    /// Users hear of a right password whose second factor was not finished.
    pub notify_unfinished_second_factor: bool,
    /// Where the tenant's users sign in (invitation and password-reset links).
    pub public_url: Option<String>,
    /// Who may reset a forgotten password.
    pub password_reset: crate::domain::PasswordResetMode,
    /// Audit events are kept this many days.
    pub audit_retention_days: i64,
    /// The WebAuthn relying party as set (`null`: from `web_origin`, else the issuer).
    #[schema(schema_with = crate::domain::schema::rp_id_or_null)]
    pub webauthn_rp_id: Option<String>,
    pub webauthn_origins: Vec<String>,
    /// Authenticator models keys may come from; empty: any.
    pub webauthn_allowed_aaguids: Vec<String>,
    /// Users may sign in with a passkey alone.
    pub passkey_sign_in: bool,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TotpSettingsView {
    #[schema(schema_with = crate::domain::schema::totp_algorithm)]
    pub algorithm: String,
    pub digits: i32,
    pub period: i32,
}

impl From<&Tenant> for TenantView {
    fn from(t: &Tenant) -> Self {
        Self {
            id: t.id.to_string(),
            slug: t.slug.to_string(),
            name: t.name.clone(),
            created_at: rfc3339(t.created_at),
            updated_at: rfc3339(t.updated_at),
            settings: TenantSettings {
                two_factor: t.two_factor,
                totp: TotpSettingsView {
                    algorithm: t.totp_algorithm.clone(),
                    digits: t.totp_digits,
                    period: t.totp_period,
                },
                second_factor_lockout_threshold: t.second_factor_lockout_threshold,
                password_lockout_threshold: t.password_lockout_threshold,
                lockout_duration_secs: t.lockout_duration_secs,
                remember_device_days: t.remember_device_days,
                allowed_methods: t.policy.allowed_methods.clone(),
                trusted_networks: t.policy.trusted_networks.iter().map(ToString::to_string).collect(),
                sign_in: t.policy.sign_in,
                sso_url: t.policy.sso_url.clone(),
                message_limits: t.policy.message_limits.clone(),
                sms_allowed_countries: t.policy.sms_allowed_countries.clone(),
                sms_budget: t.sms_budget,
                web_origin: t.policy.web_origin.clone(),
                admin_contact: t.policy.admin_contact.clone(),
                sms_budget_low_threshold: t.policy.sms_budget_low_threshold,
                security_notices: t.policy.security_notices,
                notify_unfinished_second_factor: t.policy.notify_unfinished_second_factor,
                public_url: t.policy.public_url.clone(),
                password_reset: t.policy.password_reset,
                audit_retention_days: t.policy.audit_retention_days,
                webauthn_rp_id: t.policy.webauthn_rp_id.clone(),
                webauthn_origins: t.policy.webauthn_origins.clone(),
                webauthn_allowed_aaguids: t.policy.webauthn_allowed_aaguids.clone(),
                passkey_sign_in: t.policy.passkey_sign_in,
            },
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UserView {
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(example = "acme")]
    pub tenant: String,
    #[schema(example = "alice@example.com")]
    pub email: String,
    /// Another identifier at login (lower case).
    #[schema(example = "alice.m")]
    pub username: Option<String>,
    /// The user proved the email address (or an admin vouched for it).
    pub email_verified: bool,
    /// E.164, e.g. +358401234567.
    pub phone_number: Option<String>,
    pub display_name: Option<String>,
    pub active: bool,
    pub two_factor_exempt: bool,
    /// The user chose "do not show this again" on the enrollment prompt (an admin resets it).
    pub enrollment_prompt_dismissed: bool,
    /// The user's groups (in admin views).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<GroupRef>>,
    /// The user's second-factor methods, pending ones included (in the admin view of one
    /// user): kind, hint, primary, and for keys the name, `passkey`, AAGUID, backup state and
    /// last use. Never a secret or a full destination.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub methods: Option<Vec<crate::service::second_factor::MethodSummary>>,
    /// The user's live remembered devices (in the admin view of one user).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub devices: Option<Vec<crate::service::second_factor::devices::DeviceView>>,
    /// What the user may do on the tenant's admin API: `[]`, `["admin"]` or `["owner"]`.
    pub roles: Vec<crate::domain::Role>,
    /// When the user last signed in (in the admin view of one user; `null`: never).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Option<String>>, format = DateTime)]
    pub last_sign_in_at: Option<Option<String>>,
    /// Set while the account is locked after too many failures.
    #[schema(format = DateTime)]
    pub locked_until: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
}

impl UserView {
    pub fn new(user: &User, tenant_slug: &Slug) -> Self {
        Self {
            id: user.id.to_string(),
            tenant: tenant_slug.to_string(),
            email: user.email.to_string(),
            username: user.username.as_ref().map(ToString::to_string),
            email_verified: user.email_verified,
            phone_number: user.phone_number.as_ref().map(ToString::to_string),
            display_name: user.display_name.clone(),
            active: user.active,
            two_factor_exempt: user.two_factor_exempt,
            enrollment_prompt_dismissed: user.enrollment_prompt_dismissed,
            groups: None,
            methods: None,
            devices: None,
            roles: user.role.into_iter().collect(),
            last_sign_in_at: None,
            locked_until: user.locked_until.map(rfc3339),
            created_at: rfc3339(user.created_at),
            updated_at: rfc3339(user.updated_at),
        }
    }
}

impl UserView {
    pub fn with_groups(mut self, groups: &[Group]) -> Self {
        self.groups = Some(groups.iter().map(GroupRef::from).collect());
        self
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GroupRef {
    #[schema(format = Uuid)]
    pub id: String,
    pub name: String,
}

impl From<&Group> for GroupRef {
    fn from(g: &Group) -> Self {
        Self { id: g.id.to_string(), name: g.name.clone() }
    }
}

/// A group and its second-factor rule.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GroupView {
    #[schema(format = Uuid)]
    pub id: String,
    pub name: String,
    pub two_factor: GroupRule,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
}

impl From<&Group> for GroupView {
    fn from(g: &Group) -> Self {
        Self {
            id: g.id.to_string(),
            name: g.name.clone(),
            two_factor: g.two_factor,
            created_at: rfc3339(g.created_at),
            updated_at: rfc3339(g.updated_at),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiKeyView {
    #[schema(format = Uuid)]
    pub id: String,
    pub name: String,
    /// The first characters of the key, to recognise it in listings.
    #[schema(example = "lk_tenant_AbCd")]
    pub prefix: String,
    pub tenant: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub revoked_at: Option<String>,
    /// A tenant key's scopes: `["introspect"]`, or `["introspect", "admin"]`; absent for a
    /// platform admin key (it may do everything).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<crate::domain::KeyScope>>,
}

impl ApiKeyView {
    pub fn new(key: &ApiKey, tenant_slug: Option<&Slug>) -> Self {
        Self {
            id: key.id.to_string(),
            name: key.name.clone(),
            prefix: key.prefix.clone(),
            tenant: tenant_slug.map(ToString::to_string),
            created_at: rfc3339(key.created_at),
            revoked_at: key.revoked_at.map(rfc3339),
            scopes: key.tenant_id.as_ref().map(|_| {
                use crate::domain::KeyScope;
                if key.admin_scope {
                    vec![KeyScope::Introspect, KeyScope::Admin]
                } else {
                    vec![KeyScope::Introspect]
                }
            }),
        }
    }
}
