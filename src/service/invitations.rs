//! Invitations (promio.connect's registration email): an admin invites an address; the user gets
//! an email with a single-use link, the registration page reads what it needs, and accepting sets
//! the password (and proves the email), then signs in or enrolls a second factor as at login.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::access::{tenant_for, Need};
use super::api_keys::Principal;
use super::users::{set_groups_checked, taken};
use crate::auth::password::{self, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
use crate::auth::policy::evaluate;
use crate::clock::rfc3339;
use crate::crypto::{hash_token, OpaqueToken, TokenKind};
use crate::delivery::templates;
use crate::domain::{
    AuditEvent, AuditOutcome, ChallengePurpose, Email, ErrorCode, InvitationId, MethodKind, PhoneNumber, Slug,
    TwoFactorMode, UnixTime, UserId, Username,
};
use crate::error::AppError;
use crate::service::login::{self, LoginResponse, Outcome};
use crate::service::outbox;
use crate::service::second_factor::challenge;
use crate::service::second_factor::Pending;
use crate::service::sessions::ClientInfo;
use crate::service::{audit, policy};
use crate::state::AppState;
use crate::store::invitations::{self as rows, Invitation};
use crate::store::tenants::Tenant;
use crate::store::users::{self, User, UserChanges};
use crate::store::AnyConnection;

const DEFAULT_DAYS: i64 = 7;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateInvitation {
    #[schema(schema_with = crate::domain::schema::email)]
    pub email: String,
    #[schema(schema_with = crate::domain::schema::username_or_null)]
    pub username: Option<String>,
    /// Ids of groups of the tenant the user joins.
    #[schema(schema_with = crate::domain::schema::uuids_or_null)]
    pub groups: Option<Vec<String>>,
    /// 1-30 (default 7).
    #[schema(minimum = 1, maximum = 30)]
    #[serde(default, deserialize_with = "crate::domain::whole_number::optional")]
    pub expires_in_days: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationView {
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(format = Uuid)]
    pub user_id: String,
    pub email: String,
    pub username: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub expires_at: String,
}

impl InvitationView {
    fn of(invitation: &Invitation, user: &User) -> Self {
        Self {
            id: invitation.id.to_string(),
            user_id: user.id.to_string(),
            email: user.email.to_string(),
            username: user.username.as_ref().map(ToString::to_string),
            created_at: rfc3339(invitation.created_at),
            expires_at: rfc3339(invitation.expires_at),
        }
    }
}

/// What the registration page needs.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationInfo {
    pub tenant: TenantRef,
    pub email: String,
    pub username: Option<String>,
    pub password_rules: PasswordRules,
    /// What policy asks of this user: `required` (a method is set up right after),
    /// `prompted`/`optional` (the page may offer one), or `off`.
    pub two_factor: TwoFactorMode,
    /// Kinds the user may choose at registration.
    pub allowed_methods: Vec<MethodKind>,
    #[schema(format = DateTime)]
    pub expires_at: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TenantRef {
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PasswordRules {
    pub min_length: usize,
    pub max_length: usize,
    /// The password may not be the email address or the username.
    pub not_email_or_username: bool,
    /// The 10,000 most common passwords are refused.
    pub not_common: bool,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptInvitation {
    #[schema(example = "a long and private passphrase", min_length = 8, max_length = 256)]
    pub password: String,
    /// Set up this second factor right away (`totp`, `sms` or `email`).
    #[schema(value_type = Option<MethodKind>)]
    pub enroll: Option<String>,
    /// For `sms` when the profile has no number.
    #[schema(schema_with = crate::domain::schema::phone_or_null)]
    pub phone_number: Option<String>,
}

impl std::fmt::Debug for AcceptInvitation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AcceptInvitation").field("enroll", &self.enroll).finish_non_exhaustive()
    }
}

fn not_found() -> AppError {
    AppError::NotFound { code: ErrorCode::InvitationNotFound, what: "invitation" }
}

fn expired() -> AppError {
    AppError::Gone {
        code: ErrorCode::InvitationExpired,
        message: "this invitation has expired, was used or was withdrawn: ask your administrator for a new one".into(),
    }
}

/// Admin: invites `email` (a new user without a password, or one invited before: the new token
/// replaces the old one) and queues the email with the link.
pub fn create(
    state: &AppState,
    principal: &Principal,
    slug: &Slug,
    input: CreateInvitation,
    client: &ClientInfo,
) -> Result<InvitationView, AppError> {
    let email = Email::parse(&input.email)?;
    let username = input.username.as_deref().map(Username::parse).transpose()?;
    let days = input.expires_in_days.unwrap_or(DEFAULT_DAYS);
    if !(1..=30).contains(&days) {
        return Err(AppError::validation(ErrorCode::InvalidExpiry, "expires_in_days must be between 1 and 30"));
    }
    let now = state.now();
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN)?;
    // Users of an SSO tenant sign in elsewhere: an invitation to choose a password here would
    // mail a link that cannot work.
    if let Some(url) = tenant.sso_url() {
        return Err(AppError::SsoRequired { url: url.to_owned() });
    }
    let base = super::tenants::public_url(&tenant, "inviting")?;
    state.db.transaction_on(&mut conn, |c| {
        let user = match users::find_by_email(c, &tenant.id, &email)? {
            Some(u) if u.password_hash.is_empty() => u,
            Some(_) => {
                return Err(AppError::conflict(ErrorCode::EmailTaken, "a user with this email exists in the tenant"))
            }
            None => new_user(c, &tenant, &email, now)?,
        };
        if let Some(conflict) = taken(c, &tenant, &email, username.as_ref(), &user.id)? {
            return Err(conflict);
        }
        if username.is_some() {
            let changes =
                UserChanges { username: Some(username.clone()), updated_at: Some(now), ..UserChanges::default() };
            users::update(c, &user.id, &changes)?;
        }
        if let Some(groups) = &input.groups {
            set_groups_checked(c, &tenant, &user.id, groups)?;
        }
        rows::revoke_for_user(c, &user.id, now)?;
        let token = OpaqueToken::generate(TokenKind::Invitation);
        let invitation = Invitation {
            id: InvitationId::new(),
            tenant_id: tenant.id.clone(),
            user_id: user.id.clone(),
            token_hash: token.hash(),
            created_at: now,
            expires_at: now + days * 86_400,
            used_at: None,
            revoked_at: None,
        };
        rows::insert(c, &invitation)?;
        let link = format!("{base}/invitation#token={}", token.reveal());
        let message = templates::invitation(email.as_str(), (&tenant.name, tenant.slug.as_str()), &link, days);
        outbox::enqueue_for_worker(c, state, (&tenant, Some(&user.id)), message, invitation.expires_at, now)?;
        let (event, outcome) = (AuditEvent::UserInvited, AuditOutcome::Success);
        audit::entry(event, outcome).tenant(&tenant.id).user(&user.id).by(client).actor(principal).record(c, now)?;
        let user = users::find_in_tenant(c, &tenant.id, &user.id)?.unwrap_or(user);
        Ok(InvitationView::of(&invitation, &user))
    })
}

/// A user who has not chosen a password yet (the empty hash never matches: login checks the
/// dummy hash instead).
fn new_user(c: &mut AnyConnection, tenant: &Tenant, email: &Email, now: UnixTime) -> Result<User, AppError> {
    let user = User {
        id: UserId::new(),
        tenant_id: tenant.id.clone(),
        email: email.clone(),
        password_hash: String::new(),
        phone_number: None,
        display_name: None,
        active: true,
        created_at: now,
        updated_at: now,
        password_changed_at: now,
        two_factor_exempt: false,
        failed_second_factor: 0,
        failed_password: 0,
        locked_until: None,
        lock_reason: None,
        enrollment_prompt_dismissed: false,
        username: None,
        unfinished_alert_at: None,
        email_verified: false,
        role: None,
    };
    // A concurrent invitation of the same address got there first (the whole transaction ends here).
    users::insert(c, &user).map_err(|e| {
        if e.is_unique_violation() {
            AppError::conflict(ErrorCode::EmailTaken, "this address was just invited: list the pending invitations")
        } else {
            e.into()
        }
    })?;
    Ok(user)
}

/// Admin: the tenant's pending invitations, newest first.
pub fn list(state: &AppState, principal: &Principal, slug: &Slug) -> Result<Vec<InvitationView>, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN)?;
    let mut views = Vec::new();
    for invitation in rows::pending(&mut conn, &tenant.id, now)? {
        if let Some(user) = users::find_in_tenant(&mut conn, &tenant.id, &invitation.user_id)? {
            views.push(InvitationView::of(&invitation, &user));
        }
    }
    Ok(views)
}

/// Admin: withdraws a pending invitation (its link then answers 410).
pub fn revoke(
    state: &AppState,
    principal: &Principal,
    slug: &Slug,
    id: &InvitationId,
    client: &ClientInfo,
) -> Result<(), AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN)?;
    state.db.transaction_on(&mut conn, |c| {
        if !rows::revoke(c, &tenant.id, id, now)? {
            return Err(not_found());
        }
        let (event, outcome) = (AuditEvent::InvitationRevoked, AuditOutcome::Success);
        audit::entry(event, outcome).tenant(&tenant.id).by(client).actor(principal).detail(id.as_str()).record(c, now)
    })
}

/// The invitation of a token with its user and tenant: 404 for an unknown token, 410 for one that
/// is used, withdrawn or expired. Every token costs one hash and one indexed lookup.
fn lookup(c: &mut AnyConnection, token: &str, now: UnixTime) -> Result<(Invitation, User, Tenant), AppError> {
    let invitation = rows::find_by_hash(c, &hash_token(token))?;
    let well_formed = token.starts_with(TokenKind::Invitation.prefix()) && token.len() <= 100;
    let Some(invitation) = invitation.filter(|_| well_formed) else { return Err(not_found()) };
    if !invitation.is_pending(now) {
        return Err(expired());
    }
    let (user, tenant) =
        users::find_with_tenant(c, &invitation.tenant_id, &invitation.user_id)?.ok_or_else(not_found)?;
    Ok((invitation, user, tenant))
}

/// Public: what the registration page shows.
pub fn info(state: &AppState, token: &str) -> Result<InvitationInfo, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    let (invitation, user, tenant) = lookup(&mut conn, token, now)?;
    let (facts, _) = policy::gather(&mut conn, &tenant, &user, None, false)?;
    Ok(InvitationInfo {
        tenant: TenantRef { slug: tenant.slug.to_string(), name: tenant.name.clone() },
        email: user.email.to_string(),
        username: user.username.as_ref().map(ToString::to_string),
        password_rules: PasswordRules {
            min_length: MIN_PASSWORD_CHARS,
            max_length: MAX_PASSWORD_CHARS,
            not_email_or_username: true,
            not_common: true,
        },
        two_factor: evaluate(&facts).effective_mode,
        allowed_methods: tenant.policy.allowed_methods.clone(),
        expires_at: rfc3339(invitation.expires_at),
    })
}

/// Public: sets the password and proves the email, then answers as a login would (or with the
/// enrollment of the method the user chose).
pub async fn accept(
    state: Arc<AppState>,
    token: String,
    input: AcceptInvitation,
    client: ClientInfo,
) -> Result<Pending<LoginResponse>, AppError> {
    let enroll = match input.enroll.as_deref() {
        Some(kind) => Some(
            kind.parse::<MethodKind>()
                .map_err(|_| AppError::validation(ErrorCode::InvalidKind, "enroll must be totp, sms or email"))?,
        ),
        None => None,
    };
    let phone = input.phone_number.as_deref().map(PhoneNumber::parse).transpose()?;
    let s = state.clone();
    let t = token.clone();
    let user = tokio::task::spawn_blocking(move || -> Result<User, AppError> {
        let mut conn = s.db.get()?;
        Ok(lookup(&mut conn, &t, s.now())?.1)
    })
    .await
    .map_err(AppError::internal)??;
    password::validate_new_password(
        &input.password,
        user.email.as_str(),
        user.username.as_ref().map(Username::as_str),
    )?;
    let s = state.clone();
    let new_password = input.password;
    let hash = state.hash_pool.run(move || s.passwords.hash(&new_password)).await?;
    let s = state.clone();
    tokio::task::spawn_blocking(move || finish_accept(&s, &token, &hash, enroll, phone, &client))
        .await
        .map_err(AppError::internal)?
}

fn finish_accept(
    state: &AppState,
    token: &str,
    hash: &str,
    enroll: Option<MethodKind>,
    phone: Option<PhoneNumber>,
    client: &ClientInfo,
) -> Result<Pending<LoginResponse>, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    let (outcome, user, tenant) = state.db.transaction_on(&mut conn, |c| {
        let (invitation, user, tenant) = lookup(c, token, now)?;
        // Decided on the row as it is now: an admin may have set a password or deactivated the
        // user since the invitation went out (those changes also withdraw it).
        if !user.password_hash.is_empty() || !user.active {
            return Err(expired());
        }
        if !rows::mark_used(c, &invitation.id, now)? {
            return Err(expired()); // accepted by a concurrent request
        }
        users::set_password(c, &user.id, hash, now)?;
        // Guesses at a password that did not exist yet say nothing about the one chosen now.
        users::unlock(c, &user.id)?;
        let mut changes = UserChanges { email_verified: Some(true), updated_at: Some(now), ..UserChanges::default() };
        if user.phone_number.is_none() {
            changes.phone_number = phone.clone().map(Some);
        }
        users::update(c, &user.id, &changes)?;
        let user = users::find_in_tenant(c, &tenant.id, &user.id)?.ok_or_else(not_found)?;
        let (event, outcome) = (AuditEvent::InvitationAccepted, AuditOutcome::Success);
        audit::entry(event, outcome).tenant(&tenant.id).user(&user.id).by(client).record(c, now)?;
        let outcome = match enroll {
            Some(kind) => {
                challenge::refuse_if_sso(&tenant)?;
                challenge::refuse_unless_allowed(&tenant, kind)?;
                let body = challenge::start_enrollment(
                    c,
                    state,
                    &tenant,
                    &user,
                    &[kind],
                    ChallengePurpose::Enroll,
                    client,
                    now,
                )?;
                Outcome::Answer(Box::new(Pending::answer(LoginResponse::EnrollmentRequired(body))))
            }
            None => login::decide(c, state, &tenant, &user, client, false, now)?,
        };
        // A challenge the registration page opened is the user's own: no "someone knows your
        // password" alert if it is left unfinished.
        if let Outcome::Answer(response) = &outcome {
            if let Some(id) =
                response.answer_ref().challenge_id().and_then(|id| crate::domain::ChallengeId::parse(id).ok())
            {
                crate::store::challenges::exclude_from_unfinished_alerts(c, &id, now)?;
            }
        }
        Ok((outcome, user, tenant))
    })?;
    drop(conn);
    login::respond(state, &tenant, &user, outcome)
}
