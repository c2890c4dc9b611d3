//! Groups of users with a second-factor rule (admin): the strictest of the tenant's mode and
//! a user's groups' rules applies to the user; the per-user exemption wins over all of them.

use serde::Deserialize;
use utoipa::ToSchema;

use super::access::{tenant_for, Need};
use super::api_keys::Principal;
use super::audit;
use super::views::GroupView;
use crate::domain::{text, AuditEvent, AuditOutcome, ErrorCode, GroupId, GroupRule, Slug, UnixTime};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::groups::{self as rows, Group, GroupChanges};
use crate::store::AnyConnection;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateGroup {
    #[schema(schema_with = crate::domain::schema::name_100)]
    pub name: String,
    /// `inherit` (default), `optional`, `prompted` or `required`.
    #[schema(value_type = Option<GroupRule>)]
    pub two_factor: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct UpdateGroup {
    #[schema(schema_with = crate::domain::schema::name_100_or_null)]
    pub name: Option<String>,
    #[schema(value_type = Option<GroupRule>)]
    pub two_factor: Option<String>,
}

fn rule(input: Option<&str>) -> Result<Option<GroupRule>, AppError> {
    input
        .map(|r| {
            r.parse().map_err(|_| {
                AppError::validation(
                    ErrorCode::InvalidTwoFactor,
                    "two_factor must be inherit, optional, prompted or required",
                )
            })
        })
        .transpose()
}

fn name(input: &str) -> Result<String, AppError> {
    Ok(text::line(input, 100, ErrorCode::InvalidName, "the group name")?)
}

fn group_not_found() -> AppError {
    AppError::NotFound { code: ErrorCode::GroupNotFound, what: "group" }
}

fn group_exists() -> AppError {
    AppError::conflict(ErrorCode::GroupExists, "a group with this name exists in the tenant")
}

fn audit_change(
    c: &mut AnyConnection,
    principal: &Principal,
    group: &Group,
    what: &str,
    now: UnixTime,
) -> Result<(), AppError> {
    let detail = format!("group {what}: {}", group.name);
    audit::entry(AuditEvent::PolicyChanged, AuditOutcome::Success)
        .tenant(&group.tenant_id)
        .actor(principal)
        .detail(&detail)
        .record(c, now)
}

pub fn create(state: &AppState, principal: &Principal, slug: &Slug, input: CreateGroup) -> Result<GroupView, AppError> {
    let name = name(&input.name)?;
    let two_factor = rule(input.two_factor.as_deref())?.unwrap_or(GroupRule::Inherit);
    let now = state.now();
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::OWNER.recent())?;
    let group = Group { id: GroupId::new(), tenant_id: tenant.id, name, two_factor, created_at: now, updated_at: now };
    let created = state.db.transaction_on(&mut conn, |c| -> Result<(), AppError> {
        rows::insert(c, &group).map_err(|e| if e.is_unique_violation() { group_exists() } else { e.into() })?;
        audit_change(c, principal, &group, "created", now)
    });
    match created {
        Ok(()) => Ok(GroupView::from(&group)),
        // SQLite reports the unique violation; some drivers report it only as a failed statement.
        Err(AppError::Internal(_)) if rows::list(&mut conn, &group.tenant_id)?.iter().any(|g| g.name == group.name) => {
            Err(group_exists())
        }
        Err(e) => Err(e),
    }
}

pub fn list(state: &AppState, principal: &Principal, slug: &Slug) -> Result<Vec<GroupView>, AppError> {
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN)?;
    Ok(rows::list(&mut conn, &tenant.id)?.iter().map(GroupView::from).collect())
}

pub fn update(
    state: &AppState,
    principal: &Principal,
    slug: &Slug,
    id: &GroupId,
    input: UpdateGroup,
) -> Result<GroupView, AppError> {
    let changes = GroupChanges {
        name: input.name.as_deref().map(name).transpose()?,
        two_factor: rule(input.two_factor.as_deref())?,
        updated_at: Some(state.now()),
    };
    let now = state.now();
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::OWNER.recent())?;
    state.db.transaction_on(&mut conn, |c| {
        rows::find(c, &tenant.id, id)?.ok_or_else(group_not_found)?;
        if let Some(name) = &changes.name {
            if rows::list(c, &tenant.id)?.iter().any(|g| &g.name == name && &g.id != id) {
                return Err(group_exists());
            }
        }
        rows::update(c, id, &changes).map_err(|e| if e.is_unique_violation() { group_exists() } else { e.into() })?;
        let group = rows::find(c, &tenant.id, id)?.ok_or_else(group_not_found)?;
        audit_change(c, principal, &group, "changed", now)?;
        Ok(GroupView::from(&group))
    })
}

pub fn delete(state: &AppState, principal: &Principal, slug: &Slug, id: &GroupId) -> Result<(), AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::OWNER.recent())?;
    state.db.transaction_on(&mut conn, |c| {
        let group = rows::find(c, &tenant.id, id)?.ok_or_else(group_not_found)?;
        rows::delete(c, &tenant.id, id)?;
        audit_change(c, principal, &group, "deleted", now)
    })
}
