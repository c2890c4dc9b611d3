//! Recovery codes: ten single-use codes, shown once, stored as keyed hashes bound to the user.

use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::codes::{self, RECOVERY_CODE_COUNT};
use crate::domain::{AuditEvent, AuditOutcome, ErrorCode, UnixTime, UserId};
use crate::error::AppError;
use crate::service::audit;
use crate::service::notices::{self, Notice};
use crate::service::sessions::{require_second_factor, AccessContext, ClientInfo};
use crate::state::AppState;
use crate::store::recovery_codes::{self as rows, RecoveryCode};
use crate::store::{methods, new_id, AnyConnection};

#[derive(Serialize, ToSchema)]
pub struct RecoveryCodes {
    /// Shown only now: each works once, in any order, in place of a code.
    #[schema(example = json!(["k7m2p-x9q4r", "…"]))]
    pub codes: Vec<String>,
    pub remaining: i64,
}

impl std::fmt::Debug for RecoveryCodes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecoveryCodes").field("remaining", &self.remaining).finish_non_exhaustive()
    }
}

pub fn remaining(c: &mut AnyConnection, user_id: &UserId) -> Result<i64, AppError> {
    Ok(rows::remaining(c, user_id)?)
}

/// Uses a recovery code if it is one of the user's unused ones.
pub fn consume(
    c: &mut AnyConnection,
    state: &AppState,
    user_id: &UserId,
    presented: &str,
    now: UnixTime,
) -> Result<bool, AppError> {
    let hash = state.codes.hash(user_id.as_str(), &codes::normalize_recovery_code(presented));
    Ok(rows::consume(c, user_id, &hash, now)?)
}

/// A new set of codes; the old set stops working.
pub fn regenerate(state: &AppState, ctx: &AccessContext, client: &ClientInfo) -> Result<RecoveryCodes, AppError> {
    require_second_factor(ctx)?;
    let now = state.now();
    let mut conn = state.db.get()?;
    state.db.transaction_on(&mut conn, |c| {
        if methods::active_for_user(c, &ctx.user.id)?.is_empty() {
            return Err(AppError::conflict(ErrorCode::NoMethod, "set up a second-factor method before recovery codes"));
        }
        let plain: Vec<String> = (0..RECOVERY_CODE_COUNT).map(|_| codes::new_recovery_code()).collect();
        let rows_to_store: Vec<RecoveryCode> = plain
            .iter()
            .map(|code| RecoveryCode {
                id: new_id(),
                user_id: ctx.user.id.clone(),
                code_hash: state.codes.hash(ctx.user.id.as_str(), &codes::normalize_recovery_code(code)),
                created_at: now,
                used_at: None,
            })
            .collect();
        rows::replace_all(c, &ctx.user.id, &rows_to_store)?;
        audit::entry(AuditEvent::RecoveryCodesGenerated, AuditOutcome::Success)
            .tenant(&ctx.tenant.id)
            .user(&ctx.user.id)
            .by(client)
            .record(c, now)?;
        notices::send(c, state, (&ctx.tenant, &ctx.user), Notice::RecoveryCodesGenerated, client, now)?;
        Ok(RecoveryCodes { remaining: i64::try_from(plain.len()).unwrap_or(i64::MAX), codes: plain })
    })
}
