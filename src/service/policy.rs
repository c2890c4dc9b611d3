//! Gathering the facts of the second-factor policy in one place, and explaining the decision
//! ("why am I (not) asked") to support staff and to the user.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::api_keys::Principal;
use super::sessions::{AccessContext, Warning, WarningCode};
use crate::auth::policy::{evaluate, Decision, Evaluation, Facts};
use crate::domain::{ErrorCode, GroupRule, MethodKind, Slug, TwoFactorMode, UserId};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::methods::{self, Method};
use crate::store::tenants::Tenant;
use crate::store::users::User;
use crate::store::{groups, recovery_codes, AnyConnection};

/// The facts of one user's login, and their active methods (which the caller usually needs next).
pub fn gather(
    c: &mut AnyConnection,
    tenant: &Tenant,
    user: &User,
    client_ip: Option<IpAddr>,
    remembered_device: bool,
) -> Result<(Facts, Vec<Method>), AppError> {
    let active = methods::active_for_user(c, &user.id)?;
    let groups: Vec<_> = groups::of_user(c, &user.id)?.into_iter().map(|g| (g.name, g.two_factor)).collect();
    let kinds: Vec<MethodKind> = active.iter().map(|m| m.kind).collect();
    let facts = facts_of(tenant, user, &kinds, &groups, client_ip, remembered_device);
    Ok((facts, active))
}

/// The facts of a login from what was read: the one place they are put together (a login, the
/// "why" explanations, the settings preview).
pub fn facts_of(
    tenant: &Tenant,
    user: &User,
    active_kinds: &[MethodKind],
    groups: &[(String, GroupRule)],
    client_ip: Option<IpAddr>,
    remembered_device: bool,
) -> Facts {
    Facts {
        tenant_mode: tenant.two_factor,
        sign_in: tenant.policy.sign_in,
        allowed_kinds: tenant.policy.allowed_methods.clone(),
        groups: groups.to_vec(),
        exempt: user.two_factor_exempt,
        active_kinds: active_kinds.to_vec(),
        client_ip,
        trusted_networks: tenant.policy.trusted_networks.clone(),
        remembered_device,
        prompt_dismissed: user.enrollment_prompt_dismissed,
        administrator: user.role.is_some(),
    }
}

/// The user's active methods that the tenant still allows, primary first.
pub fn usable(active: &[Method], tenant: &Tenant) -> Vec<Method> {
    active.iter().filter(|m| tenant.policy.allows(m.kind)).cloned().collect()
}

/// The methods a challenge offers: the usable ones, or, for a user whose methods are all of
/// kinds no longer allowed, those (see `auth::policy::evaluate`).
pub fn offered(active: &[Method], tenant: &Tenant) -> Vec<Method> {
    let usable = usable(active, tenant);
    if usable.is_empty() {
        active.to_vec()
    } else {
        usable
    }
}

/// What a signed-in user should know or fix, after a login that issued tokens.
pub fn login_warnings(
    c: &mut AnyConnection,
    tenant: &Tenant,
    user: &User,
    evaluation: &Evaluation,
    facts: &Facts,
) -> Result<Vec<Warning>, AppError> {
    let mut warnings = Vec::new();
    let mode = evaluation.effective_mode;
    if mode != TwoFactorMode::Off && tenant.policy.allows(MethodKind::Sms) && user.phone_number.is_none() {
        warnings.push(Warning::new(
            WarningCode::PhoneNumberMissing,
            "your profile has no phone number: ask your administrator to add it",
        ));
    }
    let has_usable = facts.active_kinds.iter().any(|k| facts.allowed_kinds.contains(k));
    if !has_usable && !facts.active_kinds.is_empty() {
        warnings.push(Warning::new(
            WarningCode::MethodNotAllowed,
            "your organisation no longer allows your second-factor method: set up another one",
        ));
    }
    if has_usable {
        let left = recovery_codes::remaining(c, &user.id)?;
        if left <= 2 {
            warnings.push(Warning::new(
                WarningCode::RecoveryCodesLow,
                format!("{left} recovery codes left: generate a new set and keep it safe"),
            ));
        }
    } else if matches!(mode, TwoFactorMode::Optional | TwoFactorMode::Prompted) {
        warnings.push(Warning::new(
            WarningCode::NoSecondFactor,
            "your account has no second factor: set one up to protect it",
        ));
    }
    Ok(warnings)
}

/// The decision as the `why` endpoints name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecisionName {
    Authenticate,
    SecondFactor,
    Enroll,
    EnrollmentSuggested,
    Refuse,
}

impl From<&Decision> for DecisionName {
    fn from(d: &Decision) -> Self {
        match d {
            Decision::Authenticate => DecisionName::Authenticate,
            Decision::SecondFactor { .. } => DecisionName::SecondFactor,
            Decision::Enroll { dismissible: false, .. } => DecisionName::Enroll,
            Decision::Enroll { dismissible: true, .. } => DecisionName::EnrollmentSuggested,
            Decision::Refuse { .. } => DecisionName::Refuse,
        }
    }
}

/// Why a user is (not) asked for a second factor at a password login.
#[derive(Debug, Serialize, ToSchema)]
pub struct PolicyExplanation {
    pub decision: DecisionName,
    /// In the order they were weighed, e.g. `group:clinicians requires two_factor`, `not exempt`,
    /// `ip 203.0.113.9 not in trusted networks`, `has method totp`.
    pub reasons: Vec<String>,
    /// The mode the user is held to: the strictest of the tenant's and their groups'.
    pub effective_mode: TwoFactorMode,
    /// The kinds the user may be asked for or may set up.
    pub allowed_kinds: Vec<MethodKind>,
    /// The tenant lets its users sign in with a passkey alone (`POST /login/passkey`): a sign-in
    /// page may offer to create one.
    pub passkey_sign_in: bool,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExplainQuery {
    /// The client address to decide for (trusted networks); default: none known.
    #[param(schema_with = crate::domain::schema::ip_address)]
    pub ip: Option<String>,
}

fn explain(
    c: &mut AnyConnection,
    tenant: &Tenant,
    user: &User,
    ip: Option<IpAddr>,
    redact_networks: bool,
) -> Result<PolicyExplanation, AppError> {
    let (facts, _) = gather(c, tenant, user, ip, false)?;
    let evaluation = evaluate(&facts);
    Ok(PolicyExplanation {
        decision: DecisionName::from(&evaluation.decision),
        reasons: if redact_networks {
            // Users learn that their address is trusted, not which networks the tenant trusts.
            evaluation
                .reasons
                .into_iter()
                .map(|r| match r.split_once(" in trusted network ") {
                    Some((ip, _)) => format!("{ip} in a trusted network"),
                    None => r,
                })
                .collect()
        } else {
            evaluation.reasons
        },
        effective_mode: evaluation.effective_mode,
        allowed_kinds: facts.allowed_kinds,
        passkey_sign_in: tenant.policy.passkey_sign_in,
    })
}

/// Admin: the decision for a user, as if they logged in from `ip`.
pub fn explain_for_user(
    state: &AppState,
    principal: &Principal,
    slug: &Slug,
    user_id: &UserId,
    query: ExplainQuery,
) -> Result<PolicyExplanation, AppError> {
    let ip = match query.ip.as_deref() {
        Some(raw) => Some(
            raw.trim()
                .parse::<IpAddr>()
                .map_err(|_| AppError::validation(ErrorCode::InvalidIp, "ip must be an IPv4 or IPv6 address"))?,
        ),
        None => None,
    };
    let mut conn = state.db.get()?;
    let tenant = super::access::tenant_for(&mut conn, principal, slug, super::access::Need::ADMIN)?;
    let user =
        crate::store::users::find_in_tenant(&mut conn, &tenant.id, user_id)?.ok_or(AppError::not_found("user"))?;
    explain(&mut conn, &tenant, &user, ip, false)
}

/// The signed-in user's own decision, from the address of this request.
pub fn explain_for_self(
    state: &AppState,
    ctx: &AccessContext,
    ip: Option<IpAddr>,
) -> Result<PolicyExplanation, AppError> {
    let mut conn = state.db.get()?;
    explain(&mut conn, &ctx.tenant, &ctx.user, ip, true)
}
