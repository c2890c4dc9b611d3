//! Starting a reset. The request itself does the same work whatever the identifier names (one
//! tenant lookup, one user lookup, one row and one audit event written) and answers `202` with
//! a reset id; deciding what to send, and sending it, happens after the answer. So neither the
//! answer nor its timing tells whether the account exists, has a second factor or may reset.

use std::sync::Arc;

use super::{
    carrier_hash, login_asks_second_factor, queue_code, refuse_for_tenant, ResetStarted, StartReset, LINK_TTL_SECS,
    MAX_OPEN_PER_USER, RESET_TTL_SECS,
};
use crate::auth::codes::CODE_TTL_SECS;
use crate::clock::rfc3339;
use crate::crypto::{OpaqueToken, TokenKind};
use crate::delivery::templates;
use crate::domain::{
    AuditEvent, AuditOutcome, Channel, ErrorCode, MethodKind, PasswordResetId, PasswordResetMode, ResetVia, Slug,
    UnixTime, UserId,
};
use crate::error::AppError;
use crate::service::access::{tenant_for, Need};
use crate::service::api_keys::Principal;
use crate::service::outbox::{self, Queued};
use crate::service::second_factor::recovery;
use crate::service::sessions::ClientInfo;
use crate::service::{audit, policy};
use crate::state::AppState;
use crate::store::password_resets::{self as rows, PasswordReset};
use crate::store::tenants::{self, Tenant};
use crate::store::users::{self, User};
use crate::store::{methods, rate_counters, AnyConnection};

/// How long the "ask your administrator" message may wait for delivery.
const REFUSAL_TTL_SECS: i64 = 3600;

fn new_row(
    tenant: Option<&Tenant>,
    user: Option<&User>,
    via: ResetVia,
    client: &ClientInfo,
    now: UnixTime,
) -> PasswordReset {
    PasswordReset {
        id: PasswordResetId::new(),
        tenant_id: tenant.map(|t| t.id.clone()),
        user_id: user.map(|u| u.id.clone()),
        via,
        carrier_hash: None,
        code_hash: None,
        code_expires_at: None,
        attempts: 0,
        code_verified_at: None,
        second_factor_required: false,
        second_method_id: None,
        second_code_hash: None,
        second_code_expires_at: None,
        second_sends: 0,
        second_last_sent_at: None,
        second_factor_at: None,
        ip: client.ip.map(|ip| ip.to_string()),
        user_agent: client.user_agent.as_ref().map(|ua| ua.chars().take(512).collect()),
        created_at: now,
        expires_at: now + RESET_TTL_SECS,
        ended_at: None,
        outcome: None,
        second_webauthn_state: None,
    }
}

/// `POST /password-reset`: records the request and answers; the code (if any) follows.
pub async fn start(state: Arc<AppState>, input: StartReset, client: ClientInfo) -> Result<ResetStarted, AppError> {
    let slug = Slug::parse(&input.tenant)?;
    let s = state.clone();
    let c = client.clone();
    let reset = tokio::task::spawn_blocking(move || record(&s, &slug, &input.identifier, &c))
        .await
        .map_err(AppError::internal)??;
    let answer = ResetStarted { reset_id: reset.id.to_string(), expires_at: rfc3339(reset.expires_at) };
    // Every request gets the same follow-up task (an unknown account's writes its audit entry),
    // so not even the load it leaves behind tells accounts apart.
    {
        let s = state.clone();
        let id = reset.id.clone();
        state.background.spawn(async move {
            let worker = s.clone();
            let issued = tokio::task::spawn_blocking(move || issue(&worker, &id, &client)).await;
            match issued {
                Ok(Ok(Some(queued))) => {
                    // A failed send is retried by the outbox worker while the code is valid.
                    outbox::send_now(&s, queued).await;
                }
                Ok(Ok(None)) => {}
                Ok(Err(e)) => tracing::warn!(error = %e, "a password reset code was not issued"),
                Err(e) => tracing::warn!(error = %e, "a password reset code was not issued"),
            }
        });
    }
    Ok(answer)
}

/// The request's own work: the same queries and writes for every identifier.
fn record(state: &AppState, slug: &Slug, identifier: &str, client: &ClientInfo) -> Result<PasswordReset, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    let tenant = tenants::find_by_slug(&mut conn, slug)?;
    if let Some(t) = &tenant {
        refuse_for_tenant(t)?;
    }
    let user = match &tenant {
        Some(t) => users::find_by_identifier(&mut conn, &t.id, identifier)?,
        None => None,
    };
    let reset = new_row(tenant.as_ref(), user.as_ref(), ResetVia::Code, client, now);
    state.db.transaction_on(&mut conn, |c| {
        refuse_beyond_ip_cap(c, client, now)?;
        rows::insert(c, &reset)?;
        let (event, outcome) = (AuditEvent::PasswordResetRequested, AuditOutcome::Success);
        let tenant_id = tenant.as_ref().map(|t| &t.id);
        audit::entry(event, outcome)
            .tenant_opt(tenant_id)
            .user_opt(user.as_ref().map(|u| &u.id))
            .by(client)
            .record(c, now)
    })?;
    tracing::info!(tenant = %slug, "password reset requested");
    Ok(reset)
}

/// Resets one client address may start per hour, whatever it names: generous for a clinic
/// behind one NAT, and a ceiling on the rows and messages one address can cause.
pub const MAX_STARTS_PER_IP_PER_HOUR: i32 = 30;

/// The per-address cap, counted in the database so it holds across instances. It counts every
/// request alike, so reaching it tells nothing about any account.
fn refuse_beyond_ip_cap(c: &mut AnyConnection, client: &ClientInfo, now: UnixTime) -> Result<(), AppError> {
    let window = UnixTime::from_secs(now.secs() - now.secs().rem_euclid(3600));
    let key = match client.ip {
        Some(ip) => format!("password_reset:ip:{ip}"),
        None => "password_reset:ip:unknown".to_owned(),
    };
    if rate_counters::hit(c, &key, window)? > MAX_STARTS_PER_IP_PER_HOUR {
        return Err(AppError::TooManyRequests {
            code: ErrorCode::RateLimited,
            message: "too many password resets from this address: try again later".into(),
            retry_after_secs: (window + 3600 - now).max(1).unsigned_abs(),
        });
    }
    Ok(())
}

/// Where a code may go: an address or phone the user proved.
struct Carrier {
    channel: Channel,
    to: String,
}

/// What a request for an existing account leads to.
enum Plan {
    /// Nothing can be sent (why, for the audit trail).
    Nothing(&'static str),
    /// The account may not reset itself: tell the user to ask an administrator (why).
    AskAdministrator(Carrier, &'static str),
    Code(Carrier),
}

/// Decides what to send, on the rows as they are under the user's row lock.
fn plan(c: &mut AnyConnection, tenant: &Tenant, user: &User, client: &ClientInfo) -> Result<Plan, AppError> {
    if !user.active {
        return Ok(Plan::Nothing("inactive"));
    }
    if user.password_hash.is_empty() {
        return Ok(Plan::Nothing("invitation_pending"));
    }
    let active = methods::active_for_user(c, &user.id)?;
    // Email first (it costs nothing), then SMS; only addresses the user proved.
    let mut carriers = Vec::new();
    if user.email_verified {
        carriers.push(Carrier { channel: Channel::Email, to: user.email.as_str().to_owned() });
    }
    for kind in [MethodKind::Email, MethodKind::Sms] {
        for m in active.iter().filter(|m| m.kind == kind) {
            let (Some(to), Some(channel)) = (&m.destination, crate::service::second_factor::channel_of(kind)) else {
                continue;
            };
            if !carriers.iter().any(|c: &Carrier| &c.to == to) {
                carriers.push(Carrier { channel, to: to.clone() });
            }
        }
    }
    if carriers.is_empty() {
        return Ok(Plan::Nothing("no_verified_address"));
    }
    if active.is_empty() {
        return Ok(Plan::Code(carriers.swap_remove(0)));
    }
    if tenant.policy.password_reset == PasswordResetMode::SelfServiceWithoutSecondFactorUsers {
        return Ok(Plan::AskAdministrator(carriers.swap_remove(0), "second_factor_users_ask_administrator"));
    }
    // A login that asks for the password alone is matched by a reset that asks for one proof.
    if !login_asks_second_factor(c, tenant, user, client.ip)? {
        return Ok(Plan::Code(carriers.swap_remove(0)));
    }
    // The second step needs a factor the code's carrier is not: another method, or a recovery code.
    let offered = policy::offered(&active, tenant);
    let has_recovery = recovery::remaining(c, &user.id)? > 0;
    let position =
        carriers.iter().position(|k| has_recovery || offered.iter().any(|m| m.destination.as_deref() != Some(&k.to)));
    Ok(match position {
        Some(i) => Plan::Code(carriers.swap_remove(i)),
        None => Plan::AskAdministrator(carriers.swap_remove(0), "no_other_factor"),
    })
}

/// After the answer: decides what the account gets and queues it. A code is leased to this task,
/// which sends it right after the commit; the "ask your administrator" message goes through the
/// worker.
fn issue(state: &AppState, id: &PasswordResetId, client: &ClientInfo) -> Result<Option<Queued>, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| -> Result<Option<Queued>, AppError> {
        // The reset's row lock, then the user's: the order of every step.
        rows::lock(c, id)?;
        let Some(reset) = rows::find(c, id)? else { return Ok(None) };
        let (Some(tenant_id), Some(user_id)) = (&reset.tenant_id, &reset.user_id) else {
            let (event, outcome) = (AuditEvent::PasswordResetRequested, AuditOutcome::Failure);
            audit::entry(event, outcome)
                .tenant_opt(reset.tenant_id.as_ref())
                .by(client)
                .detail("no_account")
                .record(c, now)?;
            return Ok(None);
        };
        // Under the user's row lock, the count of open resets is exact across requests and instances.
        let Some((user, tenant)) = users::lock_with_tenant(c, tenant_id, user_id)? else { return Ok(None) };
        let audited = |c: &mut AnyConnection, outcome: AuditOutcome, detail: &str| {
            let event = AuditEvent::PasswordResetRequested;
            audit::entry(event, outcome).tenant(&tenant.id).user(&user.id).by(client).detail(detail).record(c, now)
        };
        match plan(c, &tenant, &user, client)? {
            Plan::Nothing(why) => {
                audited(c, AuditOutcome::Failure, why)?;
                Ok(None)
            }
            Plan::AskAdministrator(carrier, why) => {
                let message = templates::password_reset_refused(carrier.channel, &carrier.to, &tenant.name);
                let owner = (&tenant, Some(&user.id));
                outbox::try_enqueue_for_worker(c, state, owner, message, now + REFUSAL_TTL_SECS, now);
                audited(c, AuditOutcome::Failure, why)?;
                Ok(None)
            }
            Plan::Code(carrier) => {
                if rows::open_with_code(c, &user.id, now)? >= MAX_OPEN_PER_USER {
                    audited(c, AuditOutcome::Failure, "too_many_open")?;
                    return Ok(None);
                }
                let to = (carrier.channel, carrier.to.as_str());
                let queued = outbox::in_savepoint(c, |c| queue_code(c, state, (&tenant, &user), to, id.as_str(), now));
                let (queued, hash) = match queued {
                    Ok(queued) => queued,
                    Err(e) => {
                        tracing::warn!(tenant = %tenant.slug, error = %e, "a password reset code was not sent");
                        audited(c, AuditOutcome::Failure, e.code().as_str())?;
                        return Ok(None);
                    }
                };
                rows::set_code(c, id, &carrier_hash(state, &carrier.to), &hash, now + CODE_TTL_SECS)?;
                audited(c, AuditOutcome::Success, carrier.channel.as_str())?;
                Ok(Some(queued))
            }
        }
    })
}

/// Admin: emails the user a link to choose a new password (the "ask your administrator" path).
/// It replaces the user's open resets; the link works once, for 24 hours, and needs no second
/// factor (the administrator vouches; the next sign-in still asks for it).
pub fn send_link(
    state: &AppState,
    principal: &Principal,
    slug: &Slug,
    user_id: &UserId,
    client: &ClientInfo,
) -> Result<ResetStarted, AppError> {
    let now = state.now();
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN)?;
    let base = crate::service::tenants::public_url(&tenant, "sending reset links")?;
    state.db.transaction_on(&mut conn, |c| {
        let user = users::find_in_tenant(c, &tenant.id, user_id)?.ok_or(AppError::not_found("user"))?;
        principal.may_act_on(&user)?;
        if !user.active {
            return Err(AppError::conflict(ErrorCode::UserInactive, "the user is deactivated: activate them first"));
        }
        if user.password_hash.is_empty() {
            return Err(AppError::conflict(
                ErrorCode::InvitationPending,
                "the user has not accepted their invitation yet: invite them again",
            ));
        }
        let mut reset = new_row(Some(&tenant), Some(&user), ResetVia::Link, client, now);
        let token = OpaqueToken::generate(TokenKind::PasswordReset);
        reset.code_hash = Some(state.codes.hash(reset.id.as_str(), token.reveal()));
        reset.code_expires_at = Some(now + LINK_TTL_SECS);
        reset.expires_at = now + LINK_TTL_SECS;
        let link = format!("{base}/password-reset#reset_id={}&code={}", reset.id, token.reveal());
        let message = templates::password_reset_link(user.email.as_str(), &tenant.name, &link, LINK_TTL_SECS / 3600);
        // Locks in the order every path takes them: the resets, then (queuing) the tenant's.
        rows::lock_open_for_user(c, &user.id)?;
        // Queued before anything changes: a refusal by the pumping guard commits its audit entry
        // and nothing else.
        outbox::enqueue_for_worker(c, state, (&tenant, Some(&user.id)), message, reset.expires_at, now)?;
        rows::supersede_for_user(c, &user.id, now)?;
        rows::insert(c, &reset)?;
        let (event, outcome) = (AuditEvent::PasswordResetLinkSent, AuditOutcome::Success);
        audit::entry(event, outcome).tenant(&tenant.id).user(&user.id).by(client).actor(principal).record(c, now)?;
        Ok(ResetStarted { reset_id: reset.id.to_string(), expires_at: rfc3339(reset.expires_at) })
    })
}
