//! Password login, and the decision whether a second factor follows. Unknown tenant, unknown
//! user, inactive user and wrong password all end in the same `invalid_credentials` after
//! exactly one argon2 verification.

use crate::service::second_factor::{CodeDelivery, Pending, ReportsDelivery};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::audit;
use super::policy;
use super::second_factor::challenge::{self, EnrollmentRequired, SecondFactorRequired};
use super::second_factor::devices;
use super::second_factor::enrollment;
use super::sessions::{self, Authenticated, ClientInfo};
use crate::auth::password::Verification;
use crate::auth::policy::{evaluate, Decision, RefuseReason};
use crate::domain::{AuditEvent, AuditOutcome, ChallengePurpose, LockReason, Slug, UnixTime};
use crate::error::AppError;
use crate::service::notices::{self, Notice};
use crate::state::AppState;
use crate::store::tenants::{self, Tenant};
use crate::store::users::{self, User};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// The tenant's slug.
    #[schema(schema_with = crate::domain::schema::slug)]
    pub tenant: String,
    /// The user's email address or username (an identifier with '@' is an email).
    #[schema(example = "alice@example.com")]
    pub identifier: String,
    #[schema(example = "correct horse battery staple")]
    pub password: String,
    /// A token from an earlier `/verify` with `remember_device: true`: skips the second factor
    /// while it is valid.
    pub device_token: Option<String>,
}

impl std::fmt::Debug for LoginRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginRequest")
            .field("tenant", &self.tenant)
            .field("identifier", &self.identifier)
            .finish_non_exhaustive()
    }
}

/// What a login leads to; `status` tells which.
#[derive(Debug, Serialize, ToSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)] // built once per request and serialized at once
pub enum LoginResponse {
    /// Every factor policy asks for was given: here are the tokens.
    Authenticated(Authenticated),
    /// Send a code to `POST /verify`.
    SecondFactorRequired(SecondFactorRequired),
    /// Set up a method with `POST /challenges/{id}/enroll`, then confirm it at `POST /verify`.
    EnrollmentRequired(EnrollmentRequired),
    /// Policy `prompted`: set up a method (`POST /challenges/{id}/enroll`) or skip
    /// (`POST /challenges/{id}/skip`, optionally "do not show this again").
    EnrollmentSuggested(EnrollmentRequired),
}

/// Counts a wrong password towards the user's password lockout, audits it under `event`, and
/// tells the user when it locked the account (not a user who has no password yet: an invited
/// one). Call inside the transaction, and commit.
pub(crate) fn count_wrong_password(
    c: &mut crate::store::AnyConnection,
    state: &AppState,
    (tenant, user): (&Tenant, &User),
    client: &ClientInfo,
    event: AuditEvent,
    now: UnixTime,
) -> Result<(), AppError> {
    let failure = users::record_failure(
        c,
        &user.id,
        LockReason::Password,
        tenant.password_lockout_threshold,
        tenant.lockout_duration_secs,
        now,
    )?;
    audit::failed_attempt(c, tenant, user, client, event, None, failure, now)?;
    if matches!(failure, users::FailureOutcome::LockedNow { .. }) {
        metrics::counter!("latchkey_account_locks_total", "reason" => "password").increment(1);
    }
    if matches!(failure, users::FailureOutcome::LockedNow { .. }) && !user.password_hash.is_empty() {
        notices::send(c, state, (tenant, user), Notice::AccountLocked, client, now)?;
    }
    Ok(())
}

/// The `outcome` label of `latchkey_logins_total` for a login's result.
pub fn outcome_label(result: &Result<Pending<LoginResponse>, AppError>) -> &'static str {
    match result.as_ref().map(Pending::answer_ref) {
        Ok(LoginResponse::Authenticated(_)) => "authenticated",
        Ok(LoginResponse::SecondFactorRequired(_)) => "second_factor_required",
        Ok(LoginResponse::EnrollmentRequired(_)) => "enrollment_required",
        Ok(LoginResponse::EnrollmentSuggested(_)) => "enrollment_suggested",
        Err(AppError::InvalidCredentials) => "invalid",
        Err(AppError::AccountLocked { .. }) => "locked",
        Err(AppError::Overloaded { .. }) => "overloaded",
        Err(AppError::TooManyRequests { .. }) => "rate_limited",
        Err(_) => "refused",
    }
}

impl ReportsDelivery for LoginResponse {
    /// A login answers with its challenge whatever became of the code: the person may wait for
    /// a delayed one, or switch to another method when it was refused.
    fn report(&mut self, delivery: CodeDelivery) {
        if let LoginResponse::SecondFactorRequired(body) = self {
            body.report(delivery);
        }
    }
}

/// The login, in three steps so that the hashing threads only hash: look the user up (a
/// blocking thread), verify the password (the bounded hashing pool; 503 when saturated), then
/// decide and write (a blocking thread).
pub async fn password_login(
    state: Arc<AppState>,
    req: LoginRequest,
    client: ClientInfo,
) -> Result<Pending<LoginResponse>, AppError> {
    if req.password.chars().count() > crate::auth::password::MAX_PASSWORD_CHARS {
        // Refused before hashing so oversized inputs cannot buy extra CPU; no user is looked up.
        return Err(AppError::InvalidCredentials);
    }
    // Parsed first: a slug that cannot exist (a NUL byte, 10 kB of text) is a 400 and is never
    // looked up or logged raw.
    let slug = Slug::parse(&req.tenant)?;
    let s = state.clone();
    let req = Arc::new(req);
    let (r, sl) = (req.clone(), slug.clone());
    let (tenant, user) = run_blocking(move || lookup(&s, &r, &sl)).await?;
    if let Some(url) = tenant.as_ref().and_then(|t| t.sso_url()) {
        // Users of an SSO tenant sign in elsewhere; saying so reveals the tenant, not a user.
        return Err(AppError::SsoRequired { url: url.to_owned() });
    }
    let s = state.clone();
    // An invited user without a password yet is checked against the dummy hash, like an unknown one.
    let (r, stored) = (req.clone(), user.as_ref().map(|u| u.password_hash.clone()).filter(|h| !h.is_empty()));
    let verification = state.hash_pool.run(move || Ok(s.passwords.verify(&r.password, stored.as_deref()))).await?;
    run_blocking(move || finish(&state, &req, &slug, tenant, user, verification, client)).await
}

async fn run_blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    let span = tracing::Span::current();
    let commits = crate::store::request_scope::of_this_task();
    tokio::task::spawn_blocking(move || crate::store::request_scope::in_request(commits, || span.in_scope(f)))
        .await
        .map_err(AppError::internal)?
}

fn lookup(state: &AppState, req: &LoginRequest, slug: &Slug) -> Result<(Option<Tenant>, Option<User>), AppError> {
    let mut conn = state.db.get()?;
    let tenant = tenants::find_by_slug(&mut conn, slug)?;
    let user = match &tenant {
        Some(t) => users::find_by_identifier(&mut conn, &t.id, &req.identifier)?,
        None => None,
    };
    Ok((tenant, user))
}

/// What the write step decided; tokens are signed after the commit.
pub(crate) enum Outcome {
    Refused(AppError),
    Session(Box<(crate::store::sessions::Session, crate::crypto::OpaqueToken, Vec<crate::service::sessions::Warning>)>),
    Answer(Box<Pending<LoginResponse>>),
}

fn finish(
    state: &AppState,
    req: &LoginRequest,
    slug: &Slug,
    tenant: Option<Tenant>,
    user: Option<User>,
    verification: Verification,
    client: ClientInfo,
) -> Result<Pending<LoginResponse>, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    let tenant_id = tenant.as_ref().map(|t| t.id.clone());
    let (Some(tenant), Some(user)) = (tenant, user) else {
        // An unknown user costs a write like a counted failure does, so timing tells nothing.
        state.db.transaction_on(&mut conn, |c| {
            audit::entry(AuditEvent::LoginPassword, AuditOutcome::Failure)
                .tenant_opt(tenant_id.as_ref())
                .by(&client)
                .detail("unknown_user")
                .record(c, now)
        })?;
        tracing::info!(tenant = %slug, "password login refused");
        return Err(AppError::InvalidCredentials);
    };
    let outcome = state.db.transaction_on(&mut conn, |c| -> Result<Outcome, AppError> {
        // Decided on the row as it is once locked for this transaction, never on the earlier read.
        if let Some(lock) = users::hold(c, &user.id, now)? {
            audit::entry(AuditEvent::LoginPassword, AuditOutcome::Locked)
                .tenant(&tenant.id)
                .user(&user.id)
                .by(&client)
                .detail_opt(lock.reason.map(LockReason::as_str))
                .record(c, now)?;
            // No password oracle while locked: a lock after second-factor failures (whoever caused
            // it knew the password) is 423 for any password; a lock after password failures looks
            // like a wrong password, whatever is typed, so it reveals neither password nor account.
            return Ok(Outcome::Refused(if lock.by_second_factor() {
                AppError::locked_until(lock.until, now)
            } else {
                AppError::InvalidCredentials
            }));
        }
        // The rows read before hashing may be stale by now (a password change, a deactivation, a
        // new policy): decide on them as they are under the lock. A password changed meanwhile
        // means the one just verified may be the old one.
        let Some((fresh_user, fresh_tenant)) = users::find_with_tenant(c, &tenant.id, &user.id)? else {
            return Ok(Outcome::Refused(AppError::InvalidCredentials));
        };
        if fresh_user.password_hash != user.password_hash {
            return Ok(Outcome::Refused(AppError::InvalidCredentials));
        }
        let (user, tenant) = (fresh_user, fresh_tenant);
        let rehash = match verification {
            Verification::Match { rehash } if user.active => rehash,
            Verification::Match { .. } => {
                audit::entry(AuditEvent::LoginPassword, AuditOutcome::Failure)
                    .tenant(&tenant.id)
                    .user(&user.id)
                    .by(&client)
                    .detail("inactive")
                    .record(c, now)?;
                return Ok(Outcome::Refused(AppError::InvalidCredentials));
            }
            Verification::Mismatch => {
                count_wrong_password(c, state, (&tenant, &user), &client, AuditEvent::LoginPassword, now)?;
                return Ok(Outcome::Refused(AppError::InvalidCredentials));
            }
        };
        if let Some(new_hash) = rehash {
            users::upgrade_password_hash(c, &user.id, &user.password_hash, &new_hash)?;
        }
        users::reset_failures(c, &user.id, LockReason::Password)?;
        audit::entry(AuditEvent::LoginPassword, AuditOutcome::Success)
            .tenant(&tenant.id)
            .user(&user.id)
            .by(&client)
            .record(c, now)?;
        let remembered = match req.device_token.as_deref() {
            Some(token) if tenant.remember_device_days > 0 => devices::is_remembered(c, &user, token, now)?,
            _ => false,
        };
        decide(c, state, &tenant, &user, &client, remembered, now)
    })?;
    drop(conn); // signing may reload keys: never hold two pooled connections at once
    if let Outcome::Refused(err) = &outcome {
        tracing::info!(tenant = %tenant.slug, user_id = %user.id, code = err.code().as_str(), "password login refused");
    }
    let response = respond(state, &tenant, &user, outcome)?;
    tracing::info!(tenant = %tenant.slug, user_id = %user.id, outcome = response_kind(response.answer_ref()), "password accepted");
    Ok(response)
}

/// What a right password leads to, by policy: a session, a challenge, an enrollment, or a
/// refusal. Call inside the transaction that checked the password (or set it: an accepted
/// invitation); `respond` turns it into the answer after the commit.
pub(crate) fn decide(
    c: &mut crate::store::AnyConnection,
    state: &AppState,
    tenant: &Tenant,
    user: &User,
    client: &ClientInfo,
    remembered: bool,
    now: UnixTime,
) -> Result<Outcome, AppError> {
    let (facts, active) = policy::gather(c, tenant, user, client.ip, remembered)?;
    let evaluation = evaluate(&facts);
    Ok(match &evaluation.decision {
        Decision::Authenticate => {
            audit_skipped_factor(c, tenant, user, client, &facts, &evaluation, now)?;
            let warnings = policy::login_warnings(c, tenant, user, &evaluation, &facts)?;
            let (session, refresh) = sessions::create_session_rows(c, state, tenant, user, &["pwd"], client)?;
            Outcome::Session(Box::new((session, refresh, warnings)))
        }
        Decision::SecondFactor { .. } => {
            let offered = policy::offered(&active, tenant);
            let started = challenge::start_second_factor(c, state, tenant, user, &offered, client, now)?;
            Outcome::Answer(Box::new(started.map(LoginResponse::SecondFactorRequired)))
        }
        Decision::Enroll { kinds, dismissible: false } => {
            if let Some(started) = enrollment::enroll_the_only_choice(c, state, tenant, user, kinds, client, now)? {
                return Ok(Outcome::Answer(Box::new(started.map(LoginResponse::SecondFactorRequired))));
            }
            let body =
                challenge::start_enrollment(c, state, tenant, user, kinds, ChallengePurpose::Enroll, client, now)?;
            Outcome::Answer(Box::new(Pending::answer(LoginResponse::EnrollmentRequired(body))))
        }
        Decision::Enroll { kinds, dismissible: true } => {
            let purpose = ChallengePurpose::EnrollSuggested;
            let body = challenge::start_enrollment(c, state, tenant, user, kinds, purpose, client, now)?;
            Outcome::Answer(Box::new(Pending::answer(LoginResponse::EnrollmentSuggested(body))))
        }
        Decision::Refuse { reason: RefuseReason::SsoRequired } => {
            Outcome::Refused(AppError::SsoRequired { url: tenant.sso_url().unwrap_or_default().to_owned() })
        }
    })
}

/// The answer for a decided outcome, after the commit (signing may reload keys: never with a
/// pooled connection held).
pub(crate) fn respond(
    state: &AppState,
    tenant: &Tenant,
    user: &User,
    outcome: Outcome,
) -> Result<Pending<LoginResponse>, AppError> {
    Ok(match outcome {
        Outcome::Refused(err) => return Err(err),
        Outcome::Session(rows) => {
            let (session, refresh, warnings) = *rows;
            let mut body = sessions::authenticated(state, &session, tenant, user, &refresh)?;
            body.warnings = warnings;
            Pending::answer(LoginResponse::Authenticated(body))
        }
        Outcome::Answer(response) => *response,
    })
}

impl LoginResponse {
    /// The challenge the answer opened, if any.
    pub fn challenge_id(&self) -> Option<&str> {
        match self {
            LoginResponse::Authenticated(_) => None,
            LoginResponse::SecondFactorRequired(b) => Some(&b.challenge_id),
            LoginResponse::EnrollmentRequired(b) | LoginResponse::EnrollmentSuggested(b) => Some(&b.challenge_id),
        }
    }
}

fn response_kind(r: &LoginResponse) -> &'static str {
    match r {
        LoginResponse::Authenticated(_) => "authenticated",
        LoginResponse::SecondFactorRequired(_) => "second_factor_required",
        LoginResponse::EnrollmentRequired(_) => "enrollment_required",
        LoginResponse::EnrollmentSuggested(_) => "enrollment_suggested",
    }
}

/// A password-only login that policy let through although the mode asks for a second factor
/// (exemption, trusted network) is audited with the reason, e.g. the network that matched.
fn audit_skipped_factor(
    c: &mut crate::store::AnyConnection,
    tenant: &Tenant,
    user: &User,
    client: &ClientInfo,
    facts: &crate::auth::policy::Facts,
    evaluation: &crate::auth::policy::Evaluation,
    now: UnixTime,
) -> Result<(), AppError> {
    if evaluation.effective_mode == crate::domain::TwoFactorMode::Off {
        return Ok(());
    }
    let (event, detail) = match (facts.exempt, evaluation.trusted_network) {
        (true, _) => (AuditEvent::Exempt, None),
        (false, Some(network)) => (AuditEvent::TrustedNetwork, Some(network.to_string())),
        (false, None) => return Ok(()),
    };
    audit::entry(event, AuditOutcome::Success)
        .tenant(&tenant.id)
        .user(&user.id)
        .by(client)
        .detail_opt(detail.as_deref())
        .record(c, now)
}
