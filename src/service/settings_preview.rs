//! `POST /admin/tenants/{slug}/settings/preview`: what a change of the tenant's settings would do
//! to its users, decided by the same evaluator as a login (`auth::policy::evaluate`), before
//! anything is saved.

use std::collections::HashMap;

use serde::Serialize;
use utoipa::ToSchema;

use super::access::{tenant_for, Need, Principal};
use super::policy::facts_of;
use super::tenants::{self, UpdateTenant};
use crate::auth::policy::{evaluate, Decision};
use crate::domain::{GroupRule, MethodKind, Slug, UserId};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::tenants::Tenant;
use crate::store::users::User;
use crate::store::{groups, methods, users};

/// At most this many example users per outcome.
const EXAMPLES: usize = 20;

/// What the change would do, counted over the tenant's active users for a sign-in from outside
/// the trusted networks on a device that is not remembered.
#[derive(Debug, Serialize, ToSchema)]
pub struct SettingsPreview {
    /// Active users weighed.
    pub users: usize,
    /// Users who would be asked to set up a second factor at their next sign-in (and are not now).
    pub would_enroll: Affected,
    /// Users who would be asked for their second factor (and are not now).
    pub would_be_asked: Affected,
    /// Users who are asked for a second factor (or to set one up) now, and would no longer be.
    pub would_no_longer_be_asked: Affected,
    /// Users whose every method is of a kind the change takes out of `allowed_methods`.
    pub would_lose_methods: Affected,
}

#[derive(Debug, Default, Serialize, ToSchema)]
pub struct Affected {
    pub count: usize,
    /// Up to 20 of them, by email.
    pub examples: Vec<UserRef>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserRef {
    #[schema(format = Uuid)]
    pub id: String,
    pub email: String,
    pub display_name: Option<String>,
}

impl Affected {
    fn add(&mut self, user: &User) {
        self.count += 1;
        if self.examples.len() < EXAMPLES {
            self.examples.push(UserRef {
                id: user.id.to_string(),
                email: user.email.to_string(),
                display_name: user.display_name.clone(),
            });
        }
    }
}

pub fn preview(
    state: &AppState,
    principal: &Principal,
    slug: &Slug,
    input: UpdateTenant,
) -> Result<SettingsPreview, AppError> {
    if input.sms_budget.is_some() {
        principal.require_platform()?;
    }
    let mut conn = state.db.get()?;
    let before = tenant_for(&mut conn, principal, slug, Need::SETTINGS)?;
    let changes = tenants::changes_from(input, &before, state.now())?;
    let after = tenants::after(&before, &changes)?;
    let mut kinds: HashMap<UserId, Vec<MethodKind>> = HashMap::new();
    for (user, kind) in methods::active_kinds_in_tenant(&mut conn, &before.id)? {
        kinds.entry(user).or_default().push(kind);
    }
    let mut memberships: HashMap<UserId, Vec<(String, GroupRule)>> = HashMap::new();
    for (user, name, rule) in groups::memberships_in_tenant(&mut conn, &before.id)? {
        memberships.entry(user).or_default().push((name, rule));
    }
    let everyone = users::active_in_tenant(&mut conn, &before.id)?;
    let mut preview = SettingsPreview {
        users: everyone.len(),
        would_enroll: Affected::default(),
        would_be_asked: Affected::default(),
        would_no_longer_be_asked: Affected::default(),
        would_lose_methods: Affected::default(),
    };
    for user in &everyone {
        let active = kinds.get(&user.id).map(Vec::as_slice).unwrap_or_default();
        let groups = memberships.get(&user.id).map(Vec::as_slice).unwrap_or_default();
        let now = evaluate(&facts_of(&before, user, active, groups, None, false)).decision;
        let next = evaluate(&facts_of(&after, user, active, groups, None, false)).decision;
        let enrolls = |d: &Decision| matches!(d, Decision::Enroll { .. });
        let asked = |d: &Decision| matches!(d, Decision::SecondFactor { .. });
        if enrolls(&next) && !enrolls(&now) {
            preview.would_enroll.add(user);
        }
        if asked(&next) && !asked(&now) {
            preview.would_be_asked.add(user);
        }
        if (asked(&now) || enrolls(&now)) && next == Decision::Authenticate {
            preview.would_no_longer_be_asked.add(user);
        }
        let usable = |t: &Tenant| active.iter().any(|k| t.policy.allows(*k));
        if usable(&before) && !usable(&after) {
            preview.would_lose_methods.add(user);
        }
    }
    Ok(preview)
}
