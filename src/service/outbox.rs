//! Sending through the outbox. A message is written in the transaction of the change that causes
//! it, already leased to the request, which sends it right after the commit (the user does not
//! wait for a poll). What that attempt could not send — a gateway down, a process killed between
//! commit and send — the worker retries with exponential backoff and jitter until the message
//! expires with its content. The lease (a conditional UPDATE) lets exactly one sender, of one
//! instance, send each attempt.

use std::sync::Arc;

use rand::Rng;

use crate::delivery::{templates, DeliveryError, Message};
use crate::domain::{
    AuditEvent, AuditOutcome, Channel, ErrorCode, OutboxId, OutboxStatus, PhoneNumber, UnixTime, UserId,
};
use crate::error::AppError;
use crate::service::audit;
use crate::state::AppState;
use crate::store::outbox::{self as rows, OutboxRow};
use crate::store::tenants::{self, Tenant};
use crate::store::AnyConnection;

/// How long one attempt may hold a message before another sender may take it over.
const LEASE_SECS: i64 = 30;
/// Backoff: 5 s, 10 s, 20 s, … at most 10 minutes, each ±20 %.
const BACKOFF_BASE_SECS: i64 = 5;
const BACKOFF_MAX_SECS: i64 = 600;
/// Messages one worker pass takes on.
const BATCH: i64 = 50;

/// A message written to the outbox in the current transaction, for the request to send after
/// the commit.
pub struct Queued {
    pub id: OutboxId,
    pub message: Message,
    pub expires_at: UnixTime,
}

impl std::fmt::Debug for Queued {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Queued").field("id", &self.id).finish_non_exhaustive()
    }
}

/// Writes `message` to the outbox, sealed and leased to the caller. Call inside the transaction
/// of the change that causes it; send it with `send_now` after the commit.
pub fn enqueue(
    c: &mut AnyConnection,
    state: &AppState,
    owner: (&Tenant, Option<&UserId>),
    message: Message,
    expires_at: UnixTime,
    now: UnixTime,
) -> Result<Queued, AppError> {
    write(c, state, owner, message, expires_at, now, Lease::ToCaller)
}

/// Writes `message` to the outbox for the worker to send on its next pass (nobody waits for
/// it). Call inside the transaction of the change that causes it.
pub fn enqueue_for_worker(
    c: &mut AnyConnection,
    state: &AppState,
    owner: (&Tenant, Option<&UserId>),
    message: Message,
    expires_at: UnixTime,
    now: UnixTime,
) -> Result<OutboxId, AppError> {
    write(c, state, owner, message, expires_at, now, Lease::None).map(|q| q.id)
}

/// `enqueue_for_worker` for messages that must never fail the change that causes them
/// (notices): run in a savepoint, so a refusal or a database error undoes only the message, and
/// logged. `None` when it was not queued.
pub fn try_enqueue_for_worker(
    c: &mut AnyConnection,
    state: &AppState,
    owner: (&Tenant, Option<&UserId>),
    message: Message,
    expires_at: UnixTime,
    now: UnixTime,
) -> Option<OutboxId> {
    try_write(c, state, owner, message, expires_at, now, Lease::None).map(|q| q.id)
}

/// `enqueue` in a savepoint: a refusal (the pumping guard, the SMS budget) or a database error
/// undoes only the message and is logged; `None` when it was not queued.
pub fn try_enqueue(
    c: &mut AnyConnection,
    state: &AppState,
    owner: (&Tenant, Option<&UserId>),
    message: Message,
    expires_at: UnixTime,
    now: UnixTime,
) -> Option<Queued> {
    try_write(c, state, owner, message, expires_at, now, Lease::ToCaller)
}

fn try_write(
    c: &mut AnyConnection,
    state: &AppState,
    owner: (&Tenant, Option<&UserId>),
    message: Message,
    expires_at: UnixTime,
    now: UnixTime,
    lease: Lease,
) -> Option<Queued> {
    let tenant = owner.0;
    match in_savepoint(c, |c| write(c, state, owner, message, expires_at, now, lease)) {
        Ok(queued) => Some(queued),
        Err(e) => {
            tracing::warn!(tenant = %tenant.slug, error = %e, "a message was not queued");
            None
        }
    }
}

/// Runs `f` in a savepoint of the current transaction: its error undoes only what `f` wrote.
pub fn in_savepoint<T>(
    c: &mut AnyConnection,
    f: impl FnOnce(&mut AnyConnection) -> Result<T, AppError>,
) -> Result<T, AppError> {
    use diesel::Connection;
    /// The savepoint's error: ours, or the database's.
    enum Undone {
        App(AppError),
        Db(diesel::result::Error),
    }
    impl From<diesel::result::Error> for Undone {
        fn from(e: diesel::result::Error) -> Self {
            Undone::Db(e)
        }
    }
    c.transaction(|c| f(c).map_err(Undone::App)).map_err(|e| match e {
        Undone::App(e) => e,
        Undone::Db(e) => AppError::internal(e),
    })
}

#[derive(PartialEq, Eq)]
enum Lease {
    ToCaller,
    None,
}

fn write(
    c: &mut AnyConnection,
    state: &AppState,
    (tenant, user_id): (&Tenant, Option<&UserId>),
    message: Message,
    expires_at: UnixTime,
    now: UnixTime,
    lease: Lease,
) -> Result<Queued, AppError> {
    guard(c, tenant, user_id, &message, now)?;
    // Each SMS spends one of the tenant's budget (under the row lock the guard took); one
    // refused for budget is not queued and costs nothing.
    // A tenant unlimited when the request began is not written to (a budget set meanwhile
    // applies from the next request).
    if message.channel == Channel::Sms && tenant.sms_budget.is_some() {
        if !tenants::spend_sms(c, &tenant.id)? {
            return Err(AppError::SmsBudgetExhausted);
        }
        metrics::counter!("latchkey_sms_spent_total").increment(1);
        notice_low_balance(c, state, tenant, now)?;
    }
    let id = OutboxId::new();
    let mut message = message;
    message.id = id.to_string();
    let plain = serde_json::to_vec(&message).map_err(AppError::internal)?;
    let leased = lease == Lease::ToCaller;
    let row = OutboxRow {
        id: id.clone(),
        tenant_id: Some(tenant.id.clone()),
        user_id: user_id.cloned(),
        channel: message.channel,
        recipient: message.to.clone(),
        sealed: Some(state.secrets.seal(id.as_str().as_bytes(), &plain)?),
        status: if leased { OutboxStatus::Sending } else { OutboxStatus::Queued },
        attempts: i32::from(leased),
        next_attempt_at: now,
        lease_until: leased.then_some(now + LEASE_SECS),
        last_error: None,
        expires_at,
        created_at: now,
        sent_at: None,
        context: message.context.clone(),
    };
    rows::insert(c, &row)?;
    Ok(Queued { id, message, expires_at })
}

/// How long the low-balance notice may wait for delivery.
const NOTICE_TTL_SECS: i64 = 3 * 86_400;

/// After a spend: when the balance has fallen to the tenant's threshold, one notice (audited,
/// and emailed to the admin contact when there is one) until a top-up re-arms it. A notice the
/// pumping guard refuses is dropped: it never fails the sign-in that spent the SMS.
fn notice_low_balance(c: &mut AnyConnection, state: &AppState, tenant: &Tenant, now: UnixTime) -> Result<(), AppError> {
    let threshold = tenant.policy.sms_budget_low_threshold;
    if tenant.sms_budget.is_none() || threshold == 0 {
        // Unlimited when the request began (a budget set since is noticed from the next spend).
        return Ok(());
    }
    let Some(balance) = tenants::sms_balance(c, &tenant.id)? else { return Ok(()) };
    if threshold == 0 || balance > threshold || !tenants::claim_low_sms_notice(c, &tenant.id, now)? {
        return Ok(());
    }
    let detail = format!("{balance} SMS left (threshold {threshold})");
    audit::by_system(c, (&tenant.id, None), AuditEvent::SmsBudgetLow, AuditOutcome::Success, &detail, now)?;
    tracing::warn!(tenant = %tenant.slug, balance, threshold, "the SMS budget is low");
    if let Some(contact) = &tenant.policy.admin_contact {
        let notice = templates::low_sms_balance(contact, &tenant.name, balance);
        try_enqueue_for_worker(c, state, (tenant, None), notice, now + NOTICE_TTL_SECS, now);
    }
    Ok(())
}

const HOUR: i64 = 3600;
const DAY: i64 = 86_400;

/// The pumping guard, before anything is queued, on every path that sends a message: the
/// tenant's allowed SMS countries, then its caps per user, per phone number and per tenant.
/// Counting happens under the tenant's row lock, so the caps are exact under concurrency and
/// across instances. A refusal is audited and committed (`CommitsOnError`), and nothing is sent.
fn guard(
    c: &mut AnyConnection,
    tenant: &Tenant,
    user_id: Option<&UserId>,
    message: &Message,
    now: UnixTime,
) -> Result<(), AppError> {
    let limits = &tenant.policy.message_limits;
    let is_sms = message.channel == Channel::Sms;
    if is_sms && !tenant.policy.sms_allowed_countries.is_empty() {
        let region = PhoneNumber::parse(&message.to).ok().and_then(|p| p.region());
        if !region.is_some_and(|r| tenant.policy.sms_allowed_countries.contains(&r)) {
            return Err(AppError::conflict(
                ErrorCode::SmsCountryNotAllowed,
                "your organisation does not send SMS to this country: use another method",
            ));
        }
    }
    tenants::lock(c, &tenant.id)?;
    let refuse = |c: &mut AnyConnection, which: &str, retry_after: i64| -> Result<(), AppError> {
        let detail = format!("{which} limit");
        audit::by_system(c, (&tenant.id, user_id), AuditEvent::DeliveryRefused, AuditOutcome::Failure, &detail, now)?;
        tracing::warn!(tenant = %tenant.slug, limit = which, "message refused by the pumping guard");
        Err(AppError::TooManyRequests {
            code: ErrorCode::TooManyMessages,
            message: "too many messages were sent: try again later or use another method".into(),
            retry_after_secs: retry_after.max(1).unsigned_abs(),
        })
    };
    let counts = rows::recent_counts(c, &tenant.id, user_id, &message.to, now)?;
    if let Some(user) = user_id {
        if counts.user_hour >= limits.per_user_per_hour {
            let oldest = rows::oldest_for_user(c, user, now - HOUR)?.unwrap_or(now);
            return refuse(c, "per-user", oldest + HOUR - now);
        }
    }
    if is_sms {
        if counts.number_hour >= limits.per_number_per_hour {
            return refuse(c, "per-number hourly", HOUR);
        }
        if counts.number_day >= limits.per_number_per_day {
            return refuse(c, "per-number daily", DAY);
        }
    }
    if counts.tenant_hour >= limits.per_tenant_per_hour {
        return refuse(c, "per-tenant", HOUR);
    }
    Ok(())
}

/// What became of the request's own attempt at a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt {
    /// The gateway took it.
    Sent,
    /// A failure worth retrying (a gateway down, throttled, timing out): the worker sends it
    /// again while it has not expired, so the person will get it, only later.
    Retrying,
    /// A final refusal (an invalid number or address, refused credentials): nobody will send it.
    Refused,
}

/// The request's own attempt, right after the commit. What was not sent now is retried by the
/// worker unless the failure is final (`Attempt`). The outcome is recorded after the request
/// has its answer (the user does not wait for that commit); the message stays leased
/// meanwhile, and a stopping server waits for the record (`AppState::background`).
pub async fn send_now(state: &Arc<AppState>, queued: Queued) -> Attempt {
    let result = state.sender.send(&queued.message).await;
    let attempt = match &result {
        Ok(()) => Attempt::Sent,
        Err(e) if e.is_permanent() => Attempt::Refused,
        Err(_) => Attempt::Retrying,
    };
    let s = state.clone();
    state.background.spawn(async move {
        if let Err(e) = record(&s, (queued.id, queued.message.channel), queued.expires_at, result).await {
            tracing::warn!(error = %e, "the outcome of a send could not be recorded (its lease will run out)");
        }
    });
    attempt
}

/// Records the outcome of an attempt on the leased row.
async fn record(
    state: &Arc<AppState>,
    (id, channel): (OutboxId, Channel),
    expires_at: UnixTime,
    result: Result<(), DeliveryError>,
) -> Result<(), AppError> {
    let outcome = match &result {
        Ok(()) => "sent",
        Err(e) if e.is_permanent() => "refused",
        Err(_) => "failed",
    };
    metrics::counter!("latchkey_messages_sent_total", "channel" => channel.as_str(), "outcome" => outcome).increment(1);
    let s = state.clone();
    let failed = result.as_ref().err().map(|e| (e.to_string(), e.is_permanent()));
    until_recorded(move || {
        let now = s.now();
        let mut conn = s.db.get()?;
        match &failed {
            None => rows::mark_sent(&mut conn, &id, now)?,
            Some((error, permanent)) => {
                let attempts = rows::find(&mut conn, &id)?.map(|r| r.attempts).unwrap_or(1);
                let retry_at = if *permanent { None } else { Some(now + backoff_secs(attempts)) };
                let status = rows::mark_failed(&mut conn, &id, error, retry_at, expires_at)?;
                tracing::warn!(message_id = %id, attempts, ?status, error = %error, "delivery attempt failed");
            }
        }
        Ok(())
    })
    .await
}

/// Records what a send did, riding out a failover: the message left already, so losing its
/// outcome would let the lease run out and the worker send it a second time. Recording is
/// idempotent (a conditional update of the leased row); it is tried again while the database has
/// no primary, up to 4 times (each waits up to `LATCHKEY_DB_WAIT_MS` for a connection), well
/// within the 30 s lease.
pub(crate) async fn until_recorded<F>(record: F) -> Result<(), AppError>
where
    F: Fn() -> Result<(), AppError> + Send + Sync + 'static,
{
    let record = Arc::new(record);
    let mut tries = 0;
    loop {
        tries += 1;
        let attempt = record.clone();
        let outcome = tokio::task::spawn_blocking(move || attempt()).await.map_err(AppError::internal)?;
        match outcome {
            Err(AppError::ConnectionLost { .. } | AppError::DatabaseUnavailable { .. }) if tries < 4 => {
                tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            }
            other => return other,
        }
    }
}

/// The retry policy of both lease queues (messages and event-webhook deliveries).
pub(crate) fn backoff_secs(attempts: i32) -> i64 {
    let exponent = u32::try_from(attempts.saturating_sub(1).clamp(0, 16)).unwrap_or(16);
    let base = BACKOFF_BASE_SECS.saturating_mul(1_i64 << exponent).min(BACKOFF_MAX_SECS);
    let jitter = rand::rng().random_range(-base / 5..=base / 5);
    (base + jitter).max(1)
}

/// The `outbox` job's pass: ends expired messages, then claims and sends the due ones.
pub async fn send_due(state: &Arc<AppState>) -> Result<usize, AppError> {
    let s = state.clone();
    let due = tokio::task::spawn_blocking(move || -> Result<Vec<OutboxId>, AppError> {
        let now = s.now();
        let mut conn = s.db.get()?;
        rows::expire(&mut conn, now)?;
        Ok(rows::due(&mut conn, now, BATCH)?)
    })
    .await
    .map_err(AppError::internal)??;
    let mut sent = 0;
    for id in due {
        let s = state.clone();
        let claimed = tokio::task::spawn_blocking(move || -> Result<Option<(OutboxRow, Message)>, AppError> {
            let now = s.now();
            let mut conn = s.db.get()?;
            if rows::claim(&mut conn, &id, now, LEASE_SECS)?.is_none() {
                return Ok(None); // another sender has it
            }
            let Some(row) = rows::find(&mut conn, &id)? else { return Ok(None) };
            if rows::is_superseded(&mut conn, &row)? {
                rows::end_superseded(&mut conn, &id)?; // a newer code replaced it: never send it late
                return Ok(None);
            }
            let Some(sealed) = row.sealed.as_deref() else { return Ok(None) };
            let plain = s.secrets.open(id.as_str().as_bytes(), sealed)?;
            let message: Message = serde_json::from_slice(&plain).map_err(AppError::internal)?;
            Ok(Some((row, message)))
        })
        .await
        .map_err(AppError::internal)??;
        if let Some((row, message)) = claimed {
            let result = state.sender.send(&message).await;
            let delivered = result.is_ok();
            record(state, (row.id, message.channel), row.expires_at, result).await?;
            sent += usize::from(delivered);
        }
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        for _ in 0..50 {
            assert!((4..=6).contains(&backoff_secs(1)));
            assert!((8..=12).contains(&backoff_secs(2)));
            assert!((480..=720).contains(&backoff_secs(30)));
        }
    }
}
