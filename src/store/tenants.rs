use diesel::prelude::*;

use super::prepared::execute_prepared;
use crate::domain::{Slug, TenantId, TenantPolicy, TwoFactorMode, UnixTime};

use super::schema::tenants;
use super::{AnyConnection, StoreError};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = tenants)]
pub struct Tenant {
    pub id: TenantId,
    pub slug: Slug,
    pub name: String,
    pub created_at: UnixTime,
    pub updated_at: UnixTime,
    pub two_factor: TwoFactorMode,
    pub totp_algorithm: String,
    pub totp_digits: i32,
    pub totp_period: i32,
    pub second_factor_lockout_threshold: i32,
    pub password_lockout_threshold: i32,
    pub lockout_duration_secs: i64,
    /// 0 turns remember-device off.
    pub remember_device_days: i32,
    pub policy: TenantPolicy,
    /// SMS left to send; `None` is unlimited.
    pub sms_budget: Option<i64>,
    /// When the low-balance notice of the current budget went out.
    pub sms_budget_low_notice_at: Option<UnixTime>,
    /// How many event webhooks the tenant has (kept by their registration, under the tenant's
    /// lock): a sign-in skips looking for subscribers when there are none.
    pub event_webhooks: i32,
}

/// Tenant settings an admin may change; `None` leaves a setting as it is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = tenants)]
pub struct TenantChanges {
    pub name: Option<String>,
    pub updated_at: Option<UnixTime>,
    pub two_factor: Option<TwoFactorMode>,
    pub totp_algorithm: Option<String>,
    pub totp_digits: Option<i32>,
    pub totp_period: Option<i32>,
    pub second_factor_lockout_threshold: Option<i32>,
    pub password_lockout_threshold: Option<i32>,
    pub lockout_duration_secs: Option<i64>,
    pub remember_device_days: Option<i32>,
    pub policy: Option<TenantPolicy>,
    pub sms_budget: Option<Option<i64>>,
    /// `Some(None)` re-arms the low-balance notice (with a new budget).
    pub sms_budget_low_notice_at: Option<Option<UnixTime>>,
}

impl Tenant {
    /// Where users sign in, when the tenant signs in through SSO.
    pub fn sso_url(&self) -> Option<&str> {
        match self.policy.sign_in {
            crate::domain::SignInSource::Sso => Some(self.policy.sso_url.as_deref().unwrap_or("")),
            crate::domain::SignInSource::Password => None,
        }
    }
}

pub fn insert(conn: &mut AnyConnection, tenant: &Tenant) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(tenants::table).values(tenant), conn)?;
    Ok(())
}

pub fn find_by_slug(conn: &mut AnyConnection, slug: &Slug) -> Result<Option<Tenant>, StoreError> {
    Ok(tenants::table.filter(tenants::slug.eq(slug)).select(Tenant::as_select()).first(conn).optional()?)
}

pub fn find_by_id(conn: &mut AnyConnection, id: &TenantId) -> Result<Option<Tenant>, StoreError> {
    Ok(tenants::table.find(id).select(Tenant::as_select()).first(conn).optional()?)
}

/// Up to `limit` tenants after the slug `after`, by slug.
pub fn page(conn: &mut AnyConnection, after: Option<&Slug>, limit: i64) -> Result<Vec<Tenant>, StoreError> {
    let mut query = tenants::table.into_boxed();
    if let Some(after) = after {
        query = query.filter(tenants::slug.gt(after.clone()));
    }
    Ok(query.order(tenants::slug.asc()).limit(limit).select(Tenant::as_select()).load(conn)?)
}

pub fn list(conn: &mut AnyConnection) -> Result<Vec<Tenant>, StoreError> {
    Ok(tenants::table.order(tenants::slug.asc()).select(Tenant::as_select()).load(conn)?)
}

/// Takes the tenant's row lock for the rest of the transaction (a no-op write).
pub fn lock(conn: &mut AnyConnection, id: &TenantId) -> Result<(), StoreError> {
    // SQLite: every transaction began IMMEDIATE and holds the database's only write lock already.
    if let AnyConnection::Postgresql(_) = conn {
        execute_prepared!(
            diesel::update(tenants::table.find(id)).set(tenants::updated_at.eq(tenants::updated_at)),
            conn
        )?;
    }
    Ok(())
}

/// Adds `delta` to the tenant's count of event webhooks.
pub fn count_webhooks(conn: &mut AnyConnection, id: &TenantId, delta: i32) -> Result<(), StoreError> {
    execute_prepared!(
        diesel::update(tenants::table.find(id)).set(tenants::event_webhooks.eq(tenants::event_webhooks + delta)),
        conn
    )?;
    Ok(())
}

/// Spends one SMS of the tenant's budget: `true` when the budget is unlimited or had one left.
/// A conditional UPDATE: exact under concurrency and across instances.
pub fn spend_sms(conn: &mut AnyConnection, id: &TenantId) -> Result<bool, StoreError> {
    // One statement: NULL - 1 stays NULL, so an unlimited budget passes unchanged.
    let spent = execute_prepared!(
        diesel::update(tenants::table.find(id).filter(tenants::sms_budget.is_null().or(tenants::sms_budget.gt(0))))
            .set(tenants::sms_budget.eq(tenants::sms_budget - 1)),
        conn
    )?;
    Ok(spent == 1)
}

/// The SMS balance; `None` is unlimited.
pub fn sms_balance(conn: &mut AnyConnection, id: &TenantId) -> Result<Option<i64>, StoreError> {
    Ok(tenants::table.find(id).select(tenants::sms_budget).first(conn)?)
}

/// Takes the one low-balance notice of the current budget: true for exactly one caller until a
/// top-up re-arms it.
pub fn claim_low_sms_notice(conn: &mut AnyConnection, id: &TenantId, now: UnixTime) -> Result<bool, StoreError> {
    let claimed = execute_prepared!(
        diesel::update(tenants::table.find(id).filter(tenants::sms_budget_low_notice_at.is_null()))
            .set(tenants::sms_budget_low_notice_at.eq(Some(now))),
        conn
    )?;
    Ok(claimed == 1)
}

/// Adds `messages` to a limited budget (an unlimited one stays unlimited) and re-arms the
/// low-balance notice; the new balance.
pub fn top_up_sms(conn: &mut AnyConnection, id: &TenantId, messages: i64) -> Result<Option<i64>, StoreError> {
    execute_prepared!(
        diesel::update(tenants::table.find(id).filter(tenants::sms_budget.is_not_null())).set((
            tenants::sms_budget.eq(tenants::sms_budget + messages),
            tenants::sms_budget_low_notice_at.eq(None::<UnixTime>),
        )),
        conn
    )?;
    Ok(tenants::table.find(id).select(tenants::sms_budget).first(conn)?)
}

pub fn update(conn: &mut AnyConnection, id: &TenantId, changes: &TenantChanges) -> Result<(), StoreError> {
    // Not kept prepared: each set of changed fields is another statement text.
    diesel::update(tenants::table.find(id)).set(changes).execute(conn)?;
    Ok(())
}
