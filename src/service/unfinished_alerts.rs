//! "Password right, second factor not finished" (Vaultwarden's alert): the unfinished_alerts job finds
//! challenges a right password opened that ended unfinished (expired, whether or not wrong codes
//! were typed), audits each, and emails the user at most once an hour, naming when, from where and
//! with what. Tenant setting `notify_unfinished_second_factor` (default on). A step-up challenge
//! starts from a session, not a password, and is left out when it is opened.

use crate::domain::{AuditEvent, AuditOutcome, UnixTime};
use crate::error::AppError;
use crate::service::audit;
use crate::service::notices::{self, Notice};
use crate::service::sessions::ClientInfo;
use crate::state::AppState;
use crate::store::{challenges, sessions, users, AnyConnection};

/// Challenges handled per worker pass.
const BATCH: i64 = 50;

/// One pass; how many challenges were handled.
pub fn run(state: &AppState, conn: &mut AnyConnection, now: UnixTime) -> Result<usize, AppError> {
    let mut handled = 0;
    for challenge in challenges::abandoned(conn, now, BATCH)? {
        state.db.transaction_on(conn, |c| -> Result<(), AppError> {
            // One worker, of one instance, handles each challenge.
            if !challenges::claim_abandoned(c, &challenge.id, now)? {
                return Ok(());
            }
            let Some((user, tenant)) = users::find_with_tenant(c, &challenge.tenant_id, &challenge.user_id)? else {
                return Ok(());
            };
            let client = ClientInfo {
                ip: challenge.ip.as_deref().and_then(|ip| ip.parse().ok()),
                user_agent: challenge.user_agent.clone(),
            };
            // Finished in another challenge (a login sent twice, a second tab): nothing to tell.
            let signed_in_since = sessions::opened_since(c, &user.id, challenge.created_at)?;
            let enabled = tenant.policy.notify_unfinished_second_factor && !signed_in_since;
            let alert = enabled && users::claim_unfinished_alert(c, &user.id, now)?;
            let detail = match (signed_in_since, enabled, alert) {
                (true, _, _) => "signed in since",
                (false, false, _) => "alerts off",
                (false, true, false) => "already alerted within the hour",
                (false, true, true) => "user alerted",
            };
            let (event, outcome) = (AuditEvent::SecondFactorUnfinished, AuditOutcome::Failure);
            audit::entry(event, outcome).tenant(&tenant.id).user(&user.id).by(&client).detail(detail).record(c, now)?;
            if alert {
                let notice = Notice::SecondFactorUnfinished { at: challenge.created_at };
                notices::send(c, state, (&tenant, &user), notice, &client, now)?;
            }
            handled += 1;
            Ok(())
        })?;
    }
    Ok(handled)
}
