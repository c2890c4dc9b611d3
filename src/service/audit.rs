//! Writing the audit trail from use cases.

use super::sessions::ClientInfo;
use crate::error::AppError;
use crate::store::audit::{self, Entry};
use crate::store::AnyConnection;

pub const SUCCESS: &str = "success";
pub const FAILURE: &str = "failure";

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
