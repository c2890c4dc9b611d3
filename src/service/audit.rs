//! Writing the audit trail from use cases.

use super::sessions::ClientInfo;
use crate::error::AppError;
use crate::store::audit::{self, Entry};
use crate::store::tenants::Tenant;
use crate::store::users::{FailureOutcome, User};
use crate::store::AnyConnection;

pub const SUCCESS: &str = "success";
/// A wrong password or code that was counted towards the lockout.
pub const FAILURE: &str = "failure";
/// An attempt refused because the account was already locked (nothing counted).
pub const LOCKED: &str = "locked";

/// Records one event; call inside the transaction of the change it describes.
#[allow(clippy::too_many_arguments)]
pub fn record(
    conn: &mut AnyConnection,
    tenant_id: Option<&str>,
    user_id: Option<&str>,
    client: &ClientInfo,
    event: &str,
    outcome: &str,
    detail: Option<&str>,
    now: i64,
) -> Result<(), AppError> {
    audit::record(conn, Entry { tenant_id, user_id, event, outcome, detail, ip: client.ip.as_deref(), at: now })?;
    Ok(())
}

/// Records a failed attempt with what it did to the account, and the lock when it caused one.
#[allow(clippy::too_many_arguments)]
pub fn failed_attempt(
    conn: &mut AnyConnection,
    tenant: &Tenant,
    user: &User,
    client: &ClientInfo,
    event: &str,
    detail: Option<&str>,
    outcome: FailureOutcome,
    now: i64,
) -> Result<(), AppError> {
    let recorded = match outcome {
        FailureOutcome::AlreadyLocked { .. } => LOCKED,
        FailureOutcome::Counted { .. } | FailureOutcome::LockedNow { .. } => FAILURE,
    };
    record(conn, Some(&tenant.id), Some(&user.id), client, event, recorded, detail, now)?;
    if let FailureOutcome::LockedNow { .. } = outcome {
        record(conn, Some(&tenant.id), Some(&user.id), client, "account.locked", SUCCESS, Some(event), now)?;
    }
    Ok(())
}
