//! Users of a tenant, managed with a platform admin key, a tenant key or by the tenant's own administrators.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::access::{tenant_for, Need, Principal};
use super::audit;
use super::views::UserView;
use crate::auth::{password, validate};
use crate::domain::ErrorCode;
use crate::domain::{AuditEvent, AuditOutcome, Email, GroupId, PhoneNumber, Role, Slug, UnixTime, UserId, Username};
use crate::error::AppError;
use crate::service::second_factor::MethodSummary;
use crate::state::AppState;
use crate::store::groups;
use crate::store::tenants::Tenant;
use crate::store::users::{self as rows, User, UserChanges};
use crate::store::{sessions, AnyConnection};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    #[schema(schema_with = crate::domain::schema::email)]
    pub email: String,
    /// Another identifier at login: 3-64 characters of a-z, 0-9, '.', '_', '-' (case-insensitive,
    /// unique in the tenant).
    #[schema(schema_with = crate::domain::schema::username_or_null)]
    pub username: Option<String>,
    #[schema(example = "correct horse battery staple", min_length = 8, max_length = 256)]
    pub password: String,
    /// International form; stored as E.164.
    #[schema(schema_with = crate::domain::schema::phone_or_null)]
    pub phone_number: Option<String>,
    #[schema(schema_with = crate::domain::schema::display_name_or_null)]
    pub display_name: Option<String>,
    /// Exempt this user from the tenant's second-factor policy.
    pub two_factor_exempt: Option<bool>,
    /// Groups of the tenant the user belongs to.
    #[schema(schema_with = crate::domain::schema::uuids_or_null)]
    pub group_ids: Option<Vec<String>>,
    /// The admin vouches for the email address (it may then carry password-reset codes).
    pub email_verified: Option<bool>,
}

/// Fields to change; absent fields stay as they are, `null` clears an optional one.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    #[schema(schema_with = crate::domain::schema::email_or_null)]
    pub email: Option<String>,
    /// `null` removes the user name.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = crate::domain::schema::username_or_null)]
    pub username: Option<Option<String>>,
    /// Changing the password revokes the user's sessions.
    #[schema(min_length = 8, max_length = 256)]
    pub password: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = crate::domain::schema::phone_or_null)]
    pub phone_number: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    #[schema(schema_with = crate::domain::schema::display_name_or_null)]
    pub display_name: Option<Option<String>>,
    /// `false` deactivates the user and revokes their sessions.
    pub active: Option<bool>,
    /// Exempt this user from the tenant's second-factor policy (wins over tenant and groups; audited).
    pub two_factor_exempt: Option<bool>,
    /// `false` brings the enrollment prompt back after "do not show this again".
    pub enrollment_prompt_dismissed: Option<bool>,
    /// Replaces the user's groups.
    #[schema(schema_with = crate::domain::schema::uuids_or_null)]
    pub group_ids: Option<Vec<String>>,
}

/// `PUT …/users/{id}/groups`: the user's groups, replacing the ones they had.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetGroups {
    #[schema(schema_with = crate::domain::schema::uuids)]
    pub group_ids: Vec<String>,
}

/// The groups named by `ids`, all of them in the tenant, or `404 group_not_found`.
fn groups_of_tenant(conn: &mut AnyConnection, tenant: &Tenant, ids: &[String]) -> Result<Vec<GroupId>, AppError> {
    let not_found = || AppError::NotFound { code: ErrorCode::GroupNotFound, what: "group" };
    let mut parsed = Vec::new();
    for raw in ids {
        let id = GroupId::parse_known(raw)?.ok_or_else(not_found)?;
        if !parsed.contains(&id) {
            parsed.push(id);
        }
    }
    if groups::find_many(conn, &tenant.id, &parsed)?.len() != parsed.len() {
        return Err(not_found());
    }
    Ok(parsed)
}

/// Makes `ids` the user's groups, checked inside the caller's transaction; a group deleted
/// meanwhile is `404 group_not_found`, not a failed insert.
pub(crate) fn set_groups_checked(
    c: &mut AnyConnection,
    tenant: &Tenant,
    user_id: &UserId,
    ids: &[String],
) -> Result<(), AppError> {
    let ids = groups_of_tenant(c, tenant, ids)?;
    groups::set_for_user(c, user_id, &ids).map_err(|e| {
        if e.is_foreign_key_violation() {
            AppError::NotFound { code: ErrorCode::GroupNotFound, what: "group" }
        } else {
            e.into()
        }
    })
}

/// The admin view of a user: with their groups, methods, remembered devices and last sign-in.
fn admin_view(conn: &mut AnyConnection, tenant: &Tenant, user: &User, now: UnixTime) -> Result<UserView, AppError> {
    let mut view = UserView::new(user, &tenant.slug).with_groups(&groups::of_user(conn, &user.id)?);
    let methods = crate::store::methods::list_for_user(conn, &user.id)?;
    view.methods =
        Some(methods.iter().map(|m| MethodSummary::of(m).disabled_unless(tenant.policy.allows(m.kind))).collect());
    view.devices = Some(crate::service::second_factor::devices::of_user(conn, &user.id, now)?);
    view.last_sign_in_at = Some(sessions::last_opened(conn, &user.id)?.map(crate::clock::rfc3339));
    Ok(view)
}

fn audit_exemption(
    c: &mut AnyConnection,
    principal: &Principal,
    user: &User,
    exempt: bool,
    now: UnixTime,
) -> Result<(), AppError> {
    let detail = if exempt { "exempt" } else { "not_exempt" };
    audit::entry(AuditEvent::ExemptionChanged, AuditOutcome::Success)
        .tenant(&user.tenant_id)
        .user(&user.id)
        .actor(principal)
        .detail(detail)
        .record(c, now)
}

pub fn set_groups(
    state: &AppState,
    principal: &Principal,
    slug: &Slug,
    user_id: &UserId,
    input: SetGroups,
) -> Result<UserView, AppError> {
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN)?;
    let user = require_user(&mut conn, &tenant, user_id)?;
    let now = state.now();
    state.db.transaction_on(&mut conn, |c| -> Result<(), AppError> {
        set_groups_checked(c, &tenant, &user.id, &input.group_ids)?;
        audit::entry(AuditEvent::GroupsChanged, AuditOutcome::Success)
            .tenant(&tenant.id)
            .user(&user.id)
            .actor(principal)
            .record(c, now)
    })?;
    admin_view(&mut conn, &tenant, &user, now)
}

/// `text` for a LIKE pattern: `\`, `%` and `_` stand for themselves.
fn like_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn double_option<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListUsers {
    /// Users whose email, user name, phone number or display name (or a word of it) starts with
    /// this, in any case (1-100 characters; a phone number as stored, `+358…`).
    #[param(schema_with = crate::domain::schema::search_query)]
    pub q: Option<String>,
    /// `true`: only users locked now; `false`: only users not locked.
    pub locked: Option<bool>,
    /// `none`: users with no active second-factor method; `enrolled`: users with one.
    #[param(inline, value_type = Option<TwoFactorFilter>)]
    pub two_factor: Option<TwoFactorFilter>,
    /// Only members of this group.
    #[param(schema_with = crate::domain::schema::uuid)]
    pub group: Option<GroupId>,
    /// Only users holding exactly this role.
    #[param(inline, value_type = Option<Role>)]
    pub role: Option<Role>,
    /// At most this many users (1-200, default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// Continue after this email (the `next_after` of the previous page).
    #[param(schema_with = crate::domain::schema::email)]
    pub after: Option<Email>,
}

/// Whether a user has set up a second factor.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TwoFactorFilter {
    None,
    Enrolled,
}

/// The roles a user holds on the tenant's admin API.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetRoles {
    /// `[]`, `["admin"]` or `["owner"]` (an owner can do all an admin can; `["admin", "owner"]`
    /// is the same as `["owner"]`).
    #[schema(max_items = 2)]
    pub roles: Vec<Role>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserPage {
    pub users: Vec<UserView>,
    /// Pass as `after` to get the next page; absent on the last page.
    pub next_after: Option<String>,
}

impl std::fmt::Debug for CreateUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateUser").field("email", &self.email).finish_non_exhaustive()
    }
}

impl std::fmt::Debug for UpdateUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpdateUser").field("email", &self.email).field("active", &self.active).finish_non_exhaustive()
    }
}

fn require_user(conn: &mut AnyConnection, tenant: &Tenant, user_id: &UserId) -> Result<User, AppError> {
    rows::find_in_tenant(conn, &tenant.id, user_id)?.ok_or(AppError::not_found("user"))
}

fn email_taken() -> AppError {
    AppError::conflict(ErrorCode::EmailTaken, "a user with this email exists in the tenant")
}

fn username_taken() -> AppError {
    AppError::conflict(ErrorCode::UsernameTaken, "a user with this username exists in the tenant")
}

/// Which identifier of `user` another user of the tenant already holds.
pub(crate) fn taken(
    conn: &mut AnyConnection,
    tenant: &Tenant,
    email: &Email,
    username: Option<&Username>,
    id: &UserId,
) -> Result<Option<AppError>, AppError> {
    if rows::find_by_email(conn, &tenant.id, email)?.is_some_and(|u| &u.id != id) {
        return Ok(Some(email_taken()));
    }
    if let Some(name) = username {
        if rows::find_by_username(conn, &tenant.id, name)?.is_some_and(|u| &u.id != id) {
            return Ok(Some(username_taken()));
        }
    }
    Ok(None)
}

pub fn create(state: &AppState, principal: &Principal, slug: &Slug, input: CreateUser) -> Result<UserView, AppError> {
    let email = Email::parse(&input.email)?;
    let username = input.username.as_deref().map(Username::parse).transpose()?;
    password::validate_new_password(&input.password, email.as_str(), username.as_ref().map(Username::as_str))?;
    let phone_number = input.phone_number.as_deref().map(PhoneNumber::parse).transpose()?;
    let display_name = validate::display_name(input.display_name)?;
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN)?;
    let id = UserId::new();
    if let Some(conflict) = taken(&mut conn, &tenant, &email, username.as_ref(), &id)? {
        return Err(conflict);
    }
    let password_hash = state.passwords.hash(&input.password)?;
    let now = state.now();
    let user = User {
        id,
        tenant_id: tenant.id.clone(),
        email,
        password_hash,
        phone_number,
        display_name,
        active: true,
        created_at: now,
        updated_at: now,
        password_changed_at: now,
        two_factor_exempt: input.two_factor_exempt.unwrap_or(false),
        failed_second_factor: 0,
        failed_password: 0,
        locked_until: None,
        lock_reason: None,
        enrollment_prompt_dismissed: false,
        username,
        unfinished_alert_at: None,
        email_verified: input.email_verified.unwrap_or(false),
        role: None,
    };
    let inserted = state.db.transaction_on(&mut conn, |c| -> Result<(), AppError> {
        rows::insert(c, &user)?;
        set_groups_checked(c, &tenant, &user.id, input.group_ids.as_deref().unwrap_or_default())?;
        audit::entry(AuditEvent::UserCreated, AuditOutcome::Success)
            .tenant(&tenant.id)
            .user(&user.id)
            .actor(principal)
            .record(c, now)?;
        if user.two_factor_exempt {
            audit_exemption(c, principal, &user, true, now)?;
        }
        Ok(())
    });
    match inserted {
        Ok(()) => admin_view(&mut conn, &tenant, &user, now),
        Err(AppError::Internal(e)) => match taken(&mut conn, &tenant, &user.email, user.username.as_ref(), &user.id)? {
            Some(conflict) => Err(conflict),
            None => Err(AppError::Internal(e)),
        },
        Err(e) => Err(e),
    }
}

pub fn list(state: &AppState, principal: &Principal, slug: &Slug, query: ListUsers) -> Result<UserPage, AppError> {
    let limit = query.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(AppError::validation(ErrorCode::InvalidLimit, "limit must be between 1 and 200"));
    }
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN)?;
    // One line of visible text (no NUL, which PostgreSQL refuses in text, no controls).
    let prefix = match query.q.as_deref() {
        None => None,
        Some(q) => Some(like_escaped(&crate::domain::text::line(q, 100, ErrorCode::InvalidQuery, "q")?.to_lowercase())),
    };
    let filter = rows::UserFilter {
        prefix,
        locked: query.locked.map(|locked| (locked, state.now())),
        enrolled: query.two_factor.map(|t| matches!(t, TwoFactorFilter::Enrolled)),
        group: query.group.clone(),
        role: query.role,
    };
    let users = rows::list_in_tenant(&mut conn, &tenant.id, &filter, query.after.as_ref(), limit + 1)?;
    let shown = usize::try_from(limit).unwrap_or(0);
    let more = users.len() > shown;
    let users: Vec<UserView> = users.iter().take(shown).map(|u| UserView::new(u, &tenant.slug)).collect();
    let next_after = if more { users.last().map(|u| u.email.clone()) } else { None };
    Ok(UserPage { users, next_after })
}

pub fn get(state: &AppState, principal: &Principal, slug: &Slug, user_id: &UserId) -> Result<UserView, AppError> {
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN)?;
    let user = require_user(&mut conn, &tenant, user_id)?;
    admin_view(&mut conn, &tenant, &user, state.now())
}

pub fn update(
    state: &AppState,
    principal: &Principal,
    slug: &Slug,
    user_id: &UserId,
    input: UpdateUser,
) -> Result<UserView, AppError> {
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN)?;
    let user = require_user(&mut conn, &tenant, user_id)?;
    principal.may_act_on(&user)?;
    let changed = changed_fields(&input);
    let now = state.now();
    let email = input.email.as_deref().map(Email::parse).transpose()?;
    let mut changes = UserChanges {
        phone_number: match input.phone_number {
            Some(Some(p)) => Some(Some(PhoneNumber::parse(&p)?)),
            Some(None) => Some(None),
            None => None,
        },
        display_name: match input.display_name {
            Some(name) => Some(validate::display_name(name)?),
            None => None,
        },
        active: input.active,
        two_factor_exempt: input.two_factor_exempt,
        enrollment_prompt_dismissed: input.enrollment_prompt_dismissed,
        username: match &input.username {
            Some(Some(name)) => Some(Some(Username::parse(name)?)),
            Some(None) => Some(None),
            None => None,
        },
        updated_at: Some(now),
        ..UserChanges::default()
    };
    if let Some(new_password) = &input.password {
        let username = changes.username.as_ref().map_or(user.username.as_ref(), Option::as_ref);
        let email = email.as_ref().unwrap_or(&user.email);
        password::validate_new_password(new_password, email.as_str(), username.map(Username::as_str))?;
        changes.password_hash = Some(state.passwords.hash(new_password)?);
        changes.password_changed_at = Some(now);
    }
    changes.email = email;
    let new_email = changes.email.as_ref().unwrap_or(&user.email);
    let new_username = changes.username.as_ref().map_or(user.username.as_ref(), Option::as_ref);
    if let Some(conflict) = taken(&mut conn, &tenant, new_email, new_username, &user.id)? {
        return Err(conflict);
    }
    // A new address is not proven yet.
    if changes.email.as_ref().is_some_and(|e| e != &user.email) {
        changes.email_verified = Some(false);
    }
    let revoke = changes.password_hash.is_some() || input.active == Some(false);
    // A pending invitation no longer fits a user with a password, a new address, or none at all.
    let withdraw_invitations = revoke || changes.email_verified == Some(false);
    let exemption_changed = input.two_factor_exempt.filter(|e| *e != user.two_factor_exempt);
    let phone_changed = changes.phone_number.clone().filter(|p| p != &user.phone_number);
    state.db.transaction_on(&mut conn, |c| -> Result<(), AppError> {
        if input.active == Some(false) && user.active {
            keep_an_owner(c, &tenant, &user.id)?;
        }
        // Checked above; a unique violation here is a concurrent edit that took it first.
        rows::update(c, &user.id, &changes).map_err(|e| match e {
            e if e.is_unique_violation_on("username") => username_taken(),
            e if e.is_unique_violation() => email_taken(),
            e => e.into(),
        })?;
        if let Some(new_phone) = &phone_changed {
            phone_number_changed(c, state, principal, (&tenant, &user), new_phone.as_ref(), now)?;
        }
        if withdraw_invitations {
            crate::store::invitations::revoke_for_user(c, &user.id, now)?;
        }
        if revoke {
            let reason = if input.active == Some(false) { "user_deactivated" } else { "password_changed" };
            sessions::revoke_all_for_user(c, &user.id, reason, now)?;
            crate::service::second_factor::devices::revoke_all(c, &user.id, now)?;
        }
        if let Some(ids) = &input.group_ids {
            set_groups_checked(c, &tenant, &user.id, ids)?;
            audit::entry(AuditEvent::GroupsChanged, AuditOutcome::Success)
                .tenant(&tenant.id)
                .user(&user.id)
                .actor(principal)
                .record(c, now)?;
        }
        if let Some(exempt) = exemption_changed {
            audit_exemption(c, principal, &user, exempt, now)?;
        }
        let event = if input.active == Some(false) { AuditEvent::UserDeactivated } else { AuditEvent::UserUpdated };
        audit::entry(event, AuditOutcome::Success)
            .tenant(&tenant.id)
            .user(&user.id)
            .actor(principal)
            .detail(&changed)
            .record(c, now)
    })?;
    let user = require_user(&mut conn, &tenant, user_id)?;
    admin_view(&mut conn, &tenant, &user, now)
}

/// The profile's number changed: SMS methods enrolled from it follow it (the next code goes to
/// the new number), the change is audited, and the old number gets a notice when codes went
/// there.
fn phone_number_changed(
    c: &mut AnyConnection,
    state: &AppState,
    principal: &Principal,
    (tenant, user): (&Tenant, &User),
    new_phone: Option<&PhoneNumber>,
    now: UnixTime,
) -> Result<(), AppError> {
    // Without a number (a lost phone, say), methods that followed the profile end with it.
    let (moved, what) = match new_phone {
        Some(number) => (crate::store::methods::follow_profile_number(c, &user.id, number.as_str())?, "follow"),
        None => (crate::store::methods::delete_following_profile(c, &user.id)?, "removed"),
    };
    let hint = |p: Option<&PhoneNumber>| p.map_or_else(|| "none".to_owned(), PhoneNumber::hint);
    let detail = format!("{} → {}; {moved} SMS method(s) {what}", hint(user.phone_number.as_ref()), hint(new_phone));
    audit::entry(AuditEvent::PhoneNumberChanged, AuditOutcome::Success)
        .tenant(&tenant.id)
        .user(&user.id)
        .actor(principal)
        .detail(&detail)
        .record(c, now)?;
    // The notice is about sign-in codes: only a user who received codes at the old number
    // (an SMS method that followed it) gets one; it would cost an SMS for nothing otherwise.
    if let (Some(old), true, true) = (&user.phone_number, tenant.policy.security_notices, moved > 0) {
        let notice = crate::delivery::templates::phone_changed(old.as_str(), &tenant.name);
        let expires = now + 86_400;
        crate::service::outbox::try_enqueue_for_worker(c, state, (tenant, Some(&user.id)), notice, expires, now);
    }
    Ok(())
}

/// The names of the fields a change sets (never their values), for the audit trail.
fn changed_fields(input: &UpdateUser) -> String {
    let set = [
        ("email", input.email.is_some()),
        ("username", input.username.is_some()),
        ("password", input.password.is_some()),
        ("phone_number", input.phone_number.is_some()),
        ("display_name", input.display_name.is_some()),
        ("active", input.active.is_some()),
        ("two_factor_exempt", input.two_factor_exempt.is_some()),
        ("enrollment_prompt_dismissed", input.enrollment_prompt_dismissed.is_some()),
        ("group_ids", input.group_ids.is_some()),
    ];
    set.iter().filter(|(_, on)| *on).map(|(name, _)| *name).collect::<Vec<_>>().join(" ")
}

/// Refuses a change that would leave the tenant without an active owner: takes the tenant's row
/// lock first, so two owners demoting or deactivating each other at once cannot both pass.
pub(crate) fn keep_an_owner(c: &mut AnyConnection, tenant: &Tenant, user_id: &UserId) -> Result<(), AppError> {
    crate::store::tenants::lock(c, &tenant.id)?;
    let user = require_user(c, tenant, user_id)?;
    if user.role == Some(Role::Owner) && user.active && rows::count_other_owners(c, &tenant.id, user_id)? == 0 {
        return Err(AppError::conflict(
            ErrorCode::LastOwner,
            "this is the tenant's last owner: make another user an owner first",
        ));
    }
    Ok(())
}

/// `PUT …/users/{id}/roles`: the user's roles become `roles` (`owner` includes `admin`).
pub fn set_roles(
    state: &AppState,
    principal: &Principal,
    slug: &Slug,
    user_id: &UserId,
    input: SetRoles,
) -> Result<UserView, AppError> {
    if input.roles.len() > 2 {
        return Err(AppError::validation(ErrorCode::InvalidBody, "roles: at most admin and owner"));
    }
    let role = input.roles.iter().copied().max();
    let now = state.now();
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::SETTINGS.recent())?;
    state.db.transaction_on(&mut conn, |c| -> Result<(), AppError> {
        let user = require_user(c, &tenant, user_id)?;
        if user.role == role {
            return Ok(());
        }
        if role != Some(Role::Owner) {
            keep_an_owner(c, &tenant, &user.id)?;
        }
        rows::set_role(c, &user.id, role, now)?;
        let name = |r: Option<Role>| r.map_or("none", Role::as_str);
        let detail = format!("{} → {}", name(user.role), name(role));
        audit::entry(AuditEvent::RolesChanged, AuditOutcome::Success)
            .tenant(&tenant.id)
            .user(&user.id)
            .actor(principal)
            .detail(&detail)
            .record(c, now)
    })?;
    let user = require_user(&mut conn, &tenant, user_id)?;
    admin_view(&mut conn, &tenant, &user, now)
}

pub fn deactivate(state: &AppState, principal: &Principal, slug: &Slug, user_id: &UserId) -> Result<(), AppError> {
    update(state, principal, slug, user_id, UpdateUser { active: Some(false), ..UpdateUser::default() }).map(|_| ())
}
