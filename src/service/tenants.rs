//! Tenants and their policy: created and configured by a platform admin.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::access::{tenant_for, Need, Principal};
use super::audit;
use super::views::TenantView;
use crate::auth::totp::TotpParams;
use crate::auth::validate;
use crate::domain::{
    network, tenant_policy, AuditEvent, AuditOutcome, Email, ErrorCode, MethodKind, PasswordResetMode, SignInSource,
    Slug, TenantId, TenantPolicy, TwoFactorMode, UnixTime,
};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::tenants::{self as rows, Tenant, TenantChanges};
use crate::store::AnyConnection;

/// The tenant's `public_url` (where its users sign in), which links in emails start from; `409
/// public_url_required` naming what needs it when it is not set.
pub fn public_url(tenant: &Tenant, needed_for: &str) -> Result<String, AppError> {
    match &tenant.policy.public_url {
        Some(url) => Ok(url.trim_end_matches('/').to_owned()),
        None => Err(AppError::conflict(
            ErrorCode::PublicUrlRequired,
            format!("set the tenant's public_url (where its users sign in) before {needed_for}"),
        )),
    }
}

/// A new tenant's lockout: after this many wrong codes ...
pub const DEFAULT_SECOND_FACTOR_LOCKOUT_THRESHOLD: i32 = 5;
/// ... for this long.
pub const DEFAULT_LOCKOUT_SECS: i64 = 1800;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTenant {
    #[schema(schema_with = crate::domain::schema::slug)]
    pub slug: String,
    #[schema(schema_with = crate::domain::schema::name_200)]
    pub name: String,
    /// The second-factor mode (default `off`, or `LATCHKEY_DEFAULT_TWO_FACTOR`); the other
    /// settings are changed with PATCH.
    pub two_factor: Option<TwoFactorMode>,
}

#[derive(Debug, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct TotpSettings {
    /// SHA1 (default; what every app accepts), SHA256 or SHA512.
    #[schema(schema_with = crate::domain::schema::totp_algorithm_or_null)]
    pub algorithm: Option<String>,
    /// 6 (default), 7 or 8.
    #[schema(minimum = 6, maximum = 8)]
    #[serde(default, deserialize_with = "crate::domain::whole_number::optional")]
    pub digits: Option<i32>,
    /// Seconds per code, 15-120 (default 30).
    #[schema(minimum = 15, maximum = 120)]
    #[serde(default, deserialize_with = "crate::domain::whole_number::optional")]
    pub period: Option<i32>,
}

/// Settings to change; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct UpdateTenant {
    #[schema(schema_with = crate::domain::schema::name_200_or_null)]
    pub name: Option<String>,
    pub two_factor: Option<TwoFactorMode>,
    /// TOTP parameters for new enrollments (existing ones keep theirs).
    #[serde(default, deserialize_with = "crate::domain::object_only::optional")]
    pub totp: Option<TotpSettings>,
    /// Consecutive failed second-factor attempts that lock the account (default 5).
    #[schema(minimum = 1, maximum = 100)]
    #[serde(default, deserialize_with = "crate::domain::whole_number::optional")]
    pub second_factor_lockout_threshold: Option<i32>,
    /// Consecutive failed passwords that lock the account (default 10).
    #[schema(minimum = 1, maximum = 1000)]
    #[serde(default, deserialize_with = "crate::domain::whole_number::optional")]
    pub password_lockout_threshold: Option<i32>,
    /// How long a lock lasts (default 1800).
    #[schema(minimum = 60, maximum = 2592000)]
    #[serde(default, deserialize_with = "crate::domain::whole_number::optional")]
    pub lockout_duration_secs: Option<i64>,
    /// How long "remember this device" lasts; 0 turns the feature off (default 30).
    #[schema(minimum = 0, maximum = 365)]
    #[serde(default, deserialize_with = "crate::domain::whole_number::optional")]
    pub remember_device_days: Option<i32>,
    /// Kinds users may set up and be asked for: a non-empty subset of `totp`, `sms`, `email`,
    /// `webauthn`.
    /// Existing methods of a kind taken out are no longer offered at login.
    #[schema(value_type = Option<Vec<MethodKind>>, min_items = 1)]
    pub allowed_methods: Option<Vec<String>>,
    /// IPv4/IPv6 CIDRs (at most 100): a password login from inside one is not asked for a
    /// second factor. `[]` clears the list.
    #[schema(schema_with = crate::domain::schema::cidrs)]
    pub trusted_networks: Option<Vec<String>>,
    /// `password` (default) or `sso` (with `sso_url`): users of an `sso` tenant sign in
    /// elsewhere, and a second factor here is unavailable.
    #[schema(value_type = Option<SignInSource>)]
    pub sign_in: Option<String>,
    #[serde(default, deserialize_with = "super::users::double_option")]
    #[schema(schema_with = crate::domain::schema::url_or_null)]
    pub sso_url: Option<Option<String>>,
    /// SMS the tenant may still send (a balance in messages); `null` is unlimited. Top up with
    /// `POST …/sms-budget/top-up`.
    #[serde(default, deserialize_with = "crate::domain::whole_number::nullable")]
    #[schema(value_type = Option<i64>, example = 500, minimum = 0)]
    pub sms_budget: Option<Option<i64>>,
    /// Caps on messages (the pumping guard); absent fields stay as they are.
    #[serde(default, deserialize_with = "crate::domain::object_only::optional")]
    pub message_limits: Option<MessageLimitsPatch>,
    /// ISO 3166 alpha-2 regions SMS may go to (from the number's numbering plan); `[]`: any.
    #[schema(schema_with = crate::domain::schema::country_codes)]
    pub sms_allowed_countries: Option<Vec<String>>,
    /// The origin of the tenant's sign-in page; SMS codes then end with the WebOTP line
    /// (`@app.example.com #123456`). `null` clears it.
    #[serde(default, deserialize_with = "some_value")]
    #[schema(schema_with = crate::domain::schema::origin_or_null)]
    pub web_origin: Option<Option<String>>,
    /// The email address of the tenant's administrators, for notices (a low SMS balance).
    /// `null` clears it.
    #[serde(default, deserialize_with = "some_value")]
    #[schema(schema_with = crate::domain::schema::email_or_null)]
    pub admin_contact: Option<Option<String>>,
    /// One notice goes to `admin_contact` when the SMS balance falls to this many messages
    /// (default 50; 0: no notice).
    #[schema(minimum = 0, maximum = 1000000)]
    #[serde(default, deserialize_with = "crate::domain::whole_number::optional")]
    pub sms_budget_low_threshold: Option<i64>,
    /// Email users about changes to their account (methods, recovery codes, remembered devices,
    /// password, lock); default true.
    pub security_notices: Option<bool>,
    /// Email a user (once an hour at most) when their password was right but the second factor
    /// was not finished before the challenge ended; default true.
    pub notify_unfinished_second_factor: Option<bool>,
    /// Where the tenant's users sign in; invitation links are `{public_url}/invitation#token=…`.
    /// `null` clears it.
    #[serde(default, deserialize_with = "some_value")]
    #[schema(schema_with = crate::domain::schema::public_url_or_null)]
    pub public_url: Option<Option<String>>,
    /// Who may reset a forgotten password: `self_service` (default: a code to a verified
    /// address or phone, then the second factor), `self_service_without_second_factor_users`
    /// (users with a second factor ask an administrator) or `admin_only`.
    #[schema(value_type = Option<PasswordResetMode>)]
    pub password_reset: Option<String>,
    /// Audit events older than this many days are deleted (1–3650, default 365).
    #[schema(minimum = 1, maximum = 3650, example = 365)]
    #[serde(default, deserialize_with = "crate::domain::whole_number::optional")]
    pub audit_retention_days: Option<i64>,
    /// The WebAuthn relying-party id: a domain name such as `acme.example` (never an IP
    /// address). Unset, it is the host of `web_origin`, else of `LATCHKEY_ISSUER` when that is
    /// a domain name. Keys are bound to it: changing it orphans the keys made for the old one.
    /// `null` clears it.
    #[serde(default, deserialize_with = "some_value")]
    #[schema(schema_with = crate::domain::schema::rp_id_or_null)]
    pub webauthn_rp_id: Option<Option<String>>,
    /// Origins whose pages may use keys (`https://app.acme.example`), each on `webauthn_rp_id`
    /// or under it; `[]`: `web_origin` (or `https://{webauthn_rp_id}`).
    #[schema(schema_with = crate::domain::schema::origins)]
    pub webauthn_origins: Option<Vec<String>>,
    /// Authenticator models (AAGUIDs) keys may be registered from; `[]`: any. Without
    /// attestation the AAGUID is the authenticator's own claim.
    #[schema(schema_with = crate::domain::schema::aaguids)]
    pub webauthn_allowed_aaguids: Option<Vec<String>>,
    /// Let users sign in with a passkey alone (`POST /login/passkey`; default false). A passkey
    /// with user verification counts as two factors.
    pub passkey_sign_in: Option<bool>,
}

#[derive(Debug, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct MessageLimitsPatch {
    /// Messages per user per hour, every path (default 10).
    #[schema(minimum = 1, maximum = 1000000)]
    #[serde(default, deserialize_with = "crate::domain::whole_number::optional")]
    pub per_user_per_hour: Option<i64>,
    /// SMS to one number per hour (default 5).
    #[schema(minimum = 1, maximum = 1000000)]
    #[serde(default, deserialize_with = "crate::domain::whole_number::optional")]
    pub per_number_per_hour: Option<i64>,
    /// SMS to one number per day (default 10).
    #[schema(minimum = 1, maximum = 1000000)]
    #[serde(default, deserialize_with = "crate::domain::whole_number::optional")]
    pub per_number_per_day: Option<i64>,
    /// Messages per tenant per hour (default 1000).
    #[schema(minimum = 1, maximum = 1000000)]
    #[serde(default, deserialize_with = "crate::domain::whole_number::optional")]
    pub per_tenant_per_hour: Option<i64>,
}

/// `null` → `Some(None)` (clear), a value → `Some(Some(v))`, absent → `None` (via `default`).
fn some_value<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// The policy document after the changes in `input`, validated as a whole.
fn policy_from(input: &UpdateTenant, current: &TenantPolicy) -> Result<Option<TenantPolicy>, AppError> {
    if input.allowed_methods.is_none()
        && input.trusted_networks.is_none()
        && input.sign_in.is_none()
        && input.sso_url.is_none()
        && input.message_limits.is_none()
        && input.sms_allowed_countries.is_none()
        && input.web_origin.is_none()
        && input.admin_contact.is_none()
        && input.sms_budget_low_threshold.is_none()
        && input.security_notices.is_none()
        && input.notify_unfinished_second_factor.is_none()
        && input.public_url.is_none()
        && input.password_reset.is_none()
        && input.audit_retention_days.is_none()
        && input.webauthn_rp_id.is_none()
        && input.webauthn_origins.is_none()
        && input.webauthn_allowed_aaguids.is_none()
        && input.passkey_sign_in.is_none()
    {
        return Ok(None);
    }
    let mut policy = current.clone();
    if let Some(kinds) = &input.allowed_methods {
        let mut parsed = Vec::new();
        for kind in kinds {
            let kind: MethodKind = kind.parse().map_err(|_| {
                AppError::validation(ErrorCode::InvalidKind, "allowed_methods may hold totp, sms, email and webauthn")
            })?;
            if !parsed.contains(&kind) {
                parsed.push(kind);
            }
        }
        policy.allowed_methods = parsed;
    }
    if let Some(networks) = &input.trusted_networks {
        policy.trusted_networks = network::parse_cidrs(networks.iter().map(String::as_str))?;
    }
    if let Some(source) = &input.sign_in {
        policy.sign_in = source
            .parse()
            .map_err(|_| AppError::validation(ErrorCode::InvalidSignIn, "sign_in must be password or sso"))?;
    }
    if let Some(url) = &input.sso_url {
        policy.sso_url = url.as_deref().map(|u| tenant_policy::parse_url(u, "sso_url")).transpose()?;
    }
    if let Some(patch) = &input.message_limits {
        let l = &mut policy.message_limits;
        l.per_user_per_hour = patch.per_user_per_hour.unwrap_or(l.per_user_per_hour);
        l.per_number_per_hour = patch.per_number_per_hour.unwrap_or(l.per_number_per_hour);
        l.per_number_per_day = patch.per_number_per_day.unwrap_or(l.per_number_per_day);
        l.per_tenant_per_hour = patch.per_tenant_per_hour.unwrap_or(l.per_tenant_per_hour);
    }
    if let Some(countries) = &input.sms_allowed_countries {
        let mut upper: Vec<String> = countries.iter().map(|c| c.trim().to_ascii_uppercase()).collect();
        upper.dedup();
        policy.sms_allowed_countries = upper;
    }
    if let Some(origin) = &input.web_origin {
        policy.web_origin = origin.as_deref().map(tenant_policy::parse_origin).transpose()?;
    }
    if let Some(contact) = &input.admin_contact {
        policy.admin_contact =
            contact.as_deref().map(|c| Email::parse(c).map(|e| e.as_str().to_owned())).transpose()?;
    }
    if let Some(threshold) = input.sms_budget_low_threshold {
        policy.sms_budget_low_threshold = threshold;
    }
    if let Some(on) = input.security_notices {
        policy.security_notices = on;
    }
    if let Some(on) = input.notify_unfinished_second_factor {
        policy.notify_unfinished_second_factor = on;
    }
    if let Some(url) = &input.public_url {
        policy.public_url = url.as_deref().map(tenant_policy::parse_public_url).transpose()?;
    }
    if let Some(mode) = &input.password_reset {
        policy.password_reset = mode.parse().map_err(|_| {
            AppError::validation(
                ErrorCode::InvalidPasswordResetMode,
                "password_reset must be self_service, self_service_without_second_factor_users or admin_only",
            )
        })?;
    }
    if let Some(days) = input.audit_retention_days {
        policy.audit_retention_days = days;
    }
    if let Some(rp_id) = &input.webauthn_rp_id {
        policy.webauthn_rp_id = rp_id.as_deref().map(tenant_policy::parse_rp_id).transpose()?;
    }
    if let Some(origins) = &input.webauthn_origins {
        let mut parsed = Vec::new();
        for origin in origins.iter().take(21) {
            let origin = tenant_policy::parse_origin(origin)?;
            if !parsed.contains(&origin) {
                parsed.push(origin);
            }
        }
        if parsed.len() > 20 {
            return Err(AppError::validation(ErrorCode::InvalidBody, "webauthn_origins may hold at most 20 origins"));
        }
        policy.webauthn_origins = parsed;
    }
    if let Some(aaguids) = &input.webauthn_allowed_aaguids {
        if aaguids.len() > 100 {
            return Err(AppError::validation(ErrorCode::InvalidBody, "webauthn_allowed_aaguids may hold at most 100"));
        }
        let mut parsed = Vec::new();
        for aaguid in aaguids {
            let aaguid = tenant_policy::parse_aaguid(aaguid)?;
            if !parsed.contains(&aaguid) {
                parsed.push(aaguid);
            }
        }
        policy.webauthn_allowed_aaguids = parsed;
    }
    if let Some(on) = input.passkey_sign_in {
        policy.passkey_sign_in = on;
    }
    policy.validate()?;
    Ok(Some(policy))
}

pub(crate) fn changes_from(input: UpdateTenant, current: &Tenant, now: UnixTime) -> Result<TenantChanges, AppError> {
    let totp = match &input.totp {
        Some(t) => {
            let params = TotpParams::new(
                t.algorithm.as_deref().unwrap_or(&current.totp_algorithm),
                t.digits.unwrap_or(current.totp_digits),
                t.period.unwrap_or(current.totp_period),
            )?;
            let (digits, period) = params.stored();
            Some((params.algorithm.as_str().to_owned(), digits, period))
        }
        None => None,
    };
    let in_range = |value: Option<i64>, range: std::ops::RangeInclusive<i64>, code: ErrorCode, what: &str| match value {
        Some(v) if !range.contains(&v) => {
            Err(AppError::validation(code, format!("{what} must be between {} and {}", range.start(), range.end())))
        }
        _ => Ok(()),
    };
    in_range(
        input.second_factor_lockout_threshold.map(i64::from),
        1..=100,
        ErrorCode::InvalidLockoutThreshold,
        "second_factor_lockout_threshold",
    )?;
    in_range(
        input.password_lockout_threshold.map(i64::from),
        1..=1000,
        ErrorCode::InvalidLockoutThreshold,
        "password_lockout_threshold",
    )?;
    in_range(input.lockout_duration_secs, 60..=30 * 86400, ErrorCode::InvalidLockoutDuration, "lockout_duration_secs")?;
    in_range(
        input.remember_device_days.map(i64::from),
        0..=365,
        ErrorCode::InvalidRememberDeviceDays,
        "remember_device_days",
    )?;
    Ok(TenantChanges {
        name: input.name.as_deref().map(validate::tenant_name).transpose()?,
        updated_at: Some(now),
        two_factor: input.two_factor,
        totp_algorithm: totp.as_ref().map(|t| t.0.clone()),
        totp_digits: totp.as_ref().map(|t| t.1),
        totp_period: totp.as_ref().map(|t| t.2),
        second_factor_lockout_threshold: input.second_factor_lockout_threshold,
        password_lockout_threshold: input.password_lockout_threshold,
        lockout_duration_secs: input.lockout_duration_secs,
        remember_device_days: input.remember_device_days,
        policy: policy_from(&input, &current.policy)?,
        sms_budget: match input.sms_budget {
            Some(Some(n)) if n < 0 => {
                return Err(AppError::validation(ErrorCode::InvalidLimits, "sms_budget must be 0 or more, or null"))
            }
            other => other,
        },
        // A new budget re-arms the low-balance notice.
        sms_budget_low_notice_at: input.sms_budget.map(|_| None),
    })
}

pub fn create(state: &AppState, input: CreateTenant) -> Result<TenantView, AppError> {
    let slug = Slug::parse(&input.slug)?;
    let name = validate::tenant_name(&input.name)?;
    let now = state.now();
    let defaults = TotpParams::default();
    let tenant = Tenant {
        id: TenantId::new(),
        slug,
        name,
        created_at: now,
        updated_at: now,
        two_factor: state.settings.default_two_factor,
        totp_algorithm: defaults.algorithm.as_str().into(),
        totp_digits: defaults.stored().0,
        totp_period: defaults.stored().1,
        second_factor_lockout_threshold: DEFAULT_SECOND_FACTOR_LOCKOUT_THRESHOLD,
        password_lockout_threshold: 10,
        lockout_duration_secs: DEFAULT_LOCKOUT_SECS,
        remember_device_days: 30,
        policy: TenantPolicy::default(),
        sms_budget: None,
        sms_budget_low_notice_at: None,
        event_webhooks: 0,
    };
    let changes = changes_from(UpdateTenant { two_factor: input.two_factor, ..UpdateTenant::default() }, &tenant, now)?;
    let mut conn = state.db.get()?;
    let inserted = state.db.transaction_on(&mut conn, |c| -> Result<(), AppError> {
        rows::insert(c, &tenant)?;
        rows::update(c, &tenant.id, &changes)?;
        Ok(())
    });
    match inserted {
        Ok(()) => Ok(TenantView::from(&require(&mut conn, &tenant.slug)?)),
        Err(_) if rows::find_by_slug(&mut conn, &tenant.slug)?.is_some_and(|t| t.id != tenant.id) => {
            Err(AppError::conflict(ErrorCode::TenantExists, "a tenant with this slug exists"))
        }
        Err(e) => Err(e),
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListTenants {
    /// At most this many tenants (1-200, default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// Continue after this slug (the `next_after` of the previous page).
    #[param(schema_with = crate::domain::schema::slug)]
    pub after: Option<Slug>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TenantPage {
    pub tenants: Vec<TenantView>,
    /// Pass as `after` to get the next page; absent on the last page.
    pub next_after: Option<String>,
}

/// Tenants by slug, a page at a time.
pub fn list(state: &AppState, query: ListTenants) -> Result<TenantPage, AppError> {
    let limit = query.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(AppError::validation(ErrorCode::InvalidLimit, "limit must be between 1 and 200"));
    }
    let mut conn = state.db.get()?;
    let rows = rows::page(&mut conn, query.after.as_ref(), limit + 1)?;
    let shown = usize::try_from(limit).unwrap_or(0);
    let more = rows.len() > shown;
    let tenants: Vec<TenantView> = rows.iter().take(shown).map(TenantView::from).collect();
    let next_after = if more { tenants.last().map(|t| t.slug.clone()) } else { None };
    Ok(TenantPage { tenants, next_after })
}

/// The names of the settings a change sets (never their values), for the audit trail.
fn changed_settings(input: &UpdateTenant) -> String {
    let set = [
        ("name", input.name.is_some()),
        ("two_factor", input.two_factor.is_some()),
        ("totp", input.totp.is_some()),
        ("second_factor_lockout_threshold", input.second_factor_lockout_threshold.is_some()),
        ("password_lockout_threshold", input.password_lockout_threshold.is_some()),
        ("lockout_duration_secs", input.lockout_duration_secs.is_some()),
        ("remember_device_days", input.remember_device_days.is_some()),
        ("allowed_methods", input.allowed_methods.is_some()),
        ("trusted_networks", input.trusted_networks.is_some()),
        ("sign_in", input.sign_in.is_some()),
        ("sso_url", input.sso_url.is_some()),
        ("sms_budget", input.sms_budget.is_some()),
        ("message_limits", input.message_limits.is_some()),
        ("sms_allowed_countries", input.sms_allowed_countries.is_some()),
        ("web_origin", input.web_origin.is_some()),
        ("admin_contact", input.admin_contact.is_some()),
        ("sms_budget_low_threshold", input.sms_budget_low_threshold.is_some()),
        ("security_notices", input.security_notices.is_some()),
        ("notify_unfinished_second_factor", input.notify_unfinished_second_factor.is_some()),
        ("public_url", input.public_url.is_some()),
        ("password_reset", input.password_reset.is_some()),
        ("audit_retention_days", input.audit_retention_days.is_some()),
        ("webauthn_rp_id", input.webauthn_rp_id.is_some()),
        ("webauthn_origins", input.webauthn_origins.is_some()),
        ("webauthn_allowed_aaguids", input.webauthn_allowed_aaguids.is_some()),
        ("passkey_sign_in", input.passkey_sign_in.is_some()),
    ];
    set.iter().filter(|(_, on)| *on).map(|(name, _)| *name).collect::<Vec<_>>().join(" ")
}

/// The tenant as it would be with `changes` (its mode and policy document), refusing a second
/// factor asked of a tenant that signs in through SSO.
pub(crate) fn after(tenant: &Tenant, changes: &TenantChanges) -> Result<Tenant, AppError> {
    let mut next = tenant.clone();
    next.two_factor = changes.two_factor.unwrap_or(tenant.two_factor);
    if let Some(policy) = &changes.policy {
        next.policy = policy.clone();
    }
    if next.policy.sign_in == SignInSource::Sso && next.two_factor != TwoFactorMode::Off {
        return Err(AppError::conflict(
            ErrorCode::TwoFactorUnavailable,
            "a second factor is unavailable for this tenant: sign-in through SSO (set two_factor to off)",
        ));
    }
    Ok(next)
}

pub fn require(conn: &mut AnyConnection, slug: &Slug) -> Result<Tenant, AppError> {
    rows::find_by_slug(conn, slug)?.ok_or(AppError::not_found("tenant"))
}

pub fn get(state: &AppState, principal: &Principal, slug: &Slug) -> Result<TenantView, AppError> {
    let mut conn = state.db.get()?;
    Ok(TenantView::from(&tenant_for(&mut conn, principal, slug, Need::ADMIN)?))
}

/// Applies the changes on the row as it is under its lock, so that two concurrent changes of the
/// policy document cannot overwrite each other's fields.
///
/// Owners change everything but the SMS budget, which is the platform's (`POST …/sms-budget/top-up`).
pub fn update(
    state: &AppState,
    principal: &Principal,
    slug: &Slug,
    input: UpdateTenant,
) -> Result<TenantView, AppError> {
    if input.sms_budget.is_some() {
        principal.require_platform()?;
    }
    let changed = changed_settings(&input);
    let mut conn = state.db.get()?;
    let now = state.now();
    let tenant = state.db.transaction_on(&mut conn, |c| {
        let id = tenant_for(c, principal, slug, Need::SETTINGS.recent())?.id;
        rows::lock(c, &id)?;
        let tenant = rows::find_by_id(c, &id)?.ok_or(AppError::not_found("tenant"))?;
        let changes = changes_from(input, &tenant, now)?;
        let sign_in = after(&tenant, &changes)?.policy.sign_in;
        let policy_changed = changes.policy.is_some() || changes.two_factor.is_some();
        let to_sso = sign_in == SignInSource::Sso && tenant.policy.sign_in != SignInSource::Sso;
        rows::update(c, &id, &changes)?;
        if to_sso {
            // Users now sign in elsewhere: sessions and remembered devices from password logins end.
            crate::store::sessions::revoke_all_for_tenant(c, &id, "tenant_switched_to_sso", now)?;
            crate::store::device_tokens::revoke_all_for_tenant(c, &id, now)?;
        }
        if policy_changed {
            audit::entry(AuditEvent::PolicyChanged, AuditOutcome::Success)
                .tenant(&id)
                .actor(principal)
                .detail(&changed)
                .record(c, now)?;
        }
        rows::find_by_id(c, &id)?.ok_or(AppError::not_found("tenant"))
    })?;
    Ok(TenantView::from(&tenant))
}
