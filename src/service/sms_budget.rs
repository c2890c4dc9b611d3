//! A tenant's SMS budget (Provet Cloud's "the account's SMS budget"): a balance in messages,
//! spent one per SMS when it is queued (`outbox::enqueue`), shown with the usage per day, and
//! topped up by a platform admin.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::access::{tenant_for, Need};
use super::api_keys::Principal;
use super::audit;
use crate::domain::{AuditEvent, AuditOutcome, ErrorCode, Slug};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::tenants::Tenant;
use crate::store::{outbox, tenants, AnyConnection};

/// Days of usage shown.
const USAGE_DAYS: i64 = 30;

#[derive(Debug, Serialize, ToSchema)]
pub struct SmsBudget {
    /// SMS left to send; `null` is unlimited.
    pub balance: Option<i64>,
    /// SMS queued per day (UTC), the last 30 days, oldest first; days without any are left out.
    pub usage: Vec<DailyUsage>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DailyUsage {
    #[schema(format = Date, example = "2026-11-25")]
    pub day: String,
    pub messages: i64,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TopUp {
    /// Messages to add (1-1000000).
    #[schema(example = 500, minimum = 1, maximum = 1000000)]
    #[serde(deserialize_with = "crate::domain::whole_number::required")]
    pub messages: i64,
}

fn view(c: &mut AnyConnection, tenant: &Tenant, now: crate::domain::UnixTime) -> Result<SmsBudget, AppError> {
    let mut per_day: BTreeMap<String, i64> = BTreeMap::new();
    for at in outbox::sms_times(c, &tenant.id, now - USAGE_DAYS * 86_400)? {
        *per_day.entry(at.rfc3339().chars().take(10).collect()).or_default() += 1;
    }
    let balance = tenants::find_by_id(c, &tenant.id)?.and_then(|t| t.sms_budget);
    Ok(SmsBudget { balance, usage: per_day.into_iter().map(|(day, messages)| DailyUsage { day, messages }).collect() })
}

pub fn get(state: &AppState, principal: &Principal, slug: &Slug) -> Result<SmsBudget, AppError> {
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN)?;
    view(&mut conn, &tenant, state.now())
}

/// Platform admin: adds messages to a limited budget (audited).
pub fn top_up(state: &AppState, principal: &Principal, slug: &Slug, input: TopUp) -> Result<SmsBudget, AppError> {
    principal.require_platform()?;
    if !(1..=1_000_000).contains(&input.messages) {
        return Err(AppError::validation(ErrorCode::InvalidLimits, "messages must be between 1 and 1000000"));
    }
    let now = state.now();
    let mut conn = state.db.get()?;
    let tenant = tenant_for(&mut conn, principal, slug, Need::ADMIN)?;
    state.db.transaction_on(&mut conn, |c| {
        let Some(balance) = tenants::top_up_sms(c, &tenant.id, input.messages)? else {
            return Err(AppError::conflict(
                ErrorCode::InvalidLimits,
                "the SMS budget is unlimited: set sms_budget on the tenant first",
            ));
        };
        let detail = format!("+{} → {balance}", input.messages);
        audit::entry(AuditEvent::SmsBudgetToppedUp, AuditOutcome::Success)
            .tenant(&tenant.id)
            .actor(principal)
            .detail(&detail)
            .record(c, now)?;
        view(c, &tenant, now)
    })
}
