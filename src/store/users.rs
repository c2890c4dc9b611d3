use diesel::prelude::*;

use super::prepared::execute_prepared;
use crate::domain::{Email, GroupId, LockReason, PhoneNumber, Role, TenantId, UnixTime, UserId, Username};

use super::schema::users;
use super::{AnyConnection, StoreError};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: UserId,
    pub tenant_id: TenantId,
    pub email: Email,
    pub password_hash: String,
    pub phone_number: Option<PhoneNumber>,
    pub display_name: Option<String>,
    pub active: bool,
    pub created_at: UnixTime,
    pub updated_at: UnixTime,
    pub password_changed_at: UnixTime,
    pub two_factor_exempt: bool,
    pub failed_second_factor: i32,
    pub failed_password: i32,
    pub locked_until: Option<UnixTime>,
    /// Which counter caused the lock.
    pub lock_reason: Option<LockReason>,
    /// "Do not show this again" on the enrollment prompt.
    pub enrollment_prompt_dismissed: bool,
    /// Unique per tenant, lower case; another identifier at login.
    pub username: Option<Username>,
    /// The last "password right, second factor not finished" alert (one per hour at most).
    pub unfinished_alert_at: Option<UnixTime>,
    /// The user proved the profile's email (an accepted invitation), or an admin vouched for it.
    pub email_verified: bool,
    /// What the user may do on the tenant's admin API, read afresh on every admin request.
    pub role: Option<Role>,
}

/// The fields an admin may change; `None` leaves a field as it is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct UserChanges {
    pub email: Option<Email>,
    pub password_hash: Option<String>,
    pub phone_number: Option<Option<PhoneNumber>>,
    pub display_name: Option<Option<String>>,
    pub active: Option<bool>,
    pub updated_at: Option<UnixTime>,
    pub password_changed_at: Option<UnixTime>,
    pub two_factor_exempt: Option<bool>,
    pub enrollment_prompt_dismissed: Option<bool>,
    pub username: Option<Option<Username>>,
    pub email_verified: Option<bool>,
}

pub fn insert(conn: &mut AnyConnection, user: &User) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(users::table).values(user), conn)?;
    Ok(())
}

pub fn find_in_tenant(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
    user_id: &UserId,
) -> Result<Option<User>, StoreError> {
    Ok(users::table
        .filter(users::tenant_id.eq(tenant_id))
        .filter(users::id.eq(user_id))
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_email(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
    email: &Email,
) -> Result<Option<User>, StoreError> {
    Ok(users::table
        .filter(users::tenant_id.eq(tenant_id))
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_username(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
    username: &Username,
) -> Result<Option<User>, StoreError> {
    Ok(users::table
        .filter(users::tenant_id.eq(tenant_id))
        .filter(users::username.eq(username))
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

/// The user a login identifier names: an email when it has an '@', else a user name. Either way
/// one indexed lookup, so the cost does not tell which matched.
pub fn find_by_identifier(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
    identifier: &str,
) -> Result<Option<User>, StoreError> {
    if identifier.contains('@') {
        match Email::parse(identifier) {
            Ok(email) => find_by_email(conn, tenant_id, &email),
            Err(_) => Ok(None),
        }
    } else {
        match Username::parse(identifier) {
            Ok(name) => find_by_username(conn, tenant_id, &name),
            Err(_) => Ok(None),
        }
    }
}

/// Which users an administrator's list shows (every field optional: all of the tenant's).
#[derive(Debug, Default)]
pub struct UserFilter {
    /// Lower case, `%`, `_` and `\` escaped: users whose email, user name, phone number or display
    /// name (or a word of it) starts with it.
    pub prefix: Option<String>,
    /// Locked now (`true`), or not (`false`), at `now`.
    pub locked: Option<(bool, UnixTime)>,
    /// With an active second-factor method (`true`), or none (`false`).
    pub enrolled: Option<bool>,
    pub group: Option<GroupId>,
    /// Holding exactly this role.
    pub role: Option<Role>,
}

diesel::define_sql_function! {
    /// SQL `LOWER`, on both backends.
    fn lower(x: diesel::sql_types::Nullable<diesel::sql_types::Text>) -> diesel::sql_types::Nullable<diesel::sql_types::Text>;
}

pub fn list_in_tenant(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
    filter: &UserFilter,
    after_email: Option<&Email>,
    limit: i64,
) -> Result<Vec<User>, StoreError> {
    use super::schema::{second_factor_methods as m, user_group_members as g};
    use diesel::dsl::{exists, not};
    let mut query = users::table.filter(users::tenant_id.eq(tenant_id)).into_boxed();
    if let Some(after) = after_email {
        query = query.filter(users::email.gt(after.clone()));
    }
    if let Some(prefix) = &filter.prefix {
        let starts = format!("{prefix}%");
        let word = format!("% {prefix}%");
        query = query.filter(
            lower(users::email.nullable())
                .like(starts.clone())
                .escape('\\')
                .or(lower(users::username).like(starts.clone()).escape('\\'))
                .or(lower(users::phone_number).like(starts.clone()).escape('\\'))
                .or(lower(users::display_name).like(starts).escape('\\'))
                .or(lower(users::display_name).like(word).escape('\\'))
                .assume_not_null(),
        );
    }
    match filter.locked {
        Some((true, now)) => query = query.filter(users::locked_until.gt(now)),
        Some((false, now)) => query = query.filter(users::locked_until.is_null().or(users::locked_until.le(now))),
        None => {}
    }
    let active_method = m::table
        .filter(m::user_id.eq(users::id))
        .filter(m::status.eq(crate::domain::MethodStatus::Active))
        .select(m::id);
    match filter.enrolled {
        Some(true) => query = query.filter(exists(active_method)),
        Some(false) => query = query.filter(not(exists(active_method))),
        None => {}
    }
    if let Some(group) = &filter.group {
        query = query.filter(exists(
            g::table.filter(g::user_id.eq(users::id)).filter(g::group_id.eq(group.clone())).select(g::user_id),
        ));
    }
    if let Some(role) = filter.role {
        query = query.filter(users::role.eq(role));
    }
    Ok(query.order(users::email.asc()).limit(limit).select(User::as_select()).load(conn)?)
}

/// Every active user of a tenant (the settings preview weighs them all).
pub fn active_in_tenant(conn: &mut AnyConnection, tenant_id: &TenantId) -> Result<Vec<User>, StoreError> {
    Ok(users::table
        .filter(users::tenant_id.eq(tenant_id))
        .filter(users::active.eq(true))
        .order(users::email.asc())
        .select(User::as_select())
        .load(conn)?)
}

/// Gives a user a role (or none). Call under the tenant's row lock (`tenants::lock`), so the
/// "last owner" count it follows cannot race another change.
pub fn set_role(
    conn: &mut AnyConnection,
    user_id: &UserId,
    role: Option<Role>,
    now: UnixTime,
) -> Result<(), StoreError> {
    diesel::update(users::table.find(user_id)).set((users::role.eq(role), users::updated_at.eq(now))).execute(conn)?;
    Ok(())
}

/// Active owners of the tenant other than `except`.
pub fn count_other_owners(conn: &mut AnyConnection, tenant_id: &TenantId, except: &UserId) -> Result<i64, StoreError> {
    Ok(users::table
        .filter(users::tenant_id.eq(tenant_id))
        .filter(users::role.eq(Role::Owner))
        .filter(users::active.eq(true))
        .filter(users::id.ne(except))
        .count()
        .get_result(conn)?)
}

pub fn update(conn: &mut AnyConnection, user_id: &UserId, changes: &UserChanges) -> Result<(), StoreError> {
    // Not kept prepared: each set of changed fields is another statement text.
    diesel::update(users::table.find(user_id)).set(changes).execute(conn)?;
    Ok(())
}

/// Replaces the hash only if it is still the one that was verified, so a concurrent
/// password change is never overwritten by a parameter upgrade.
/// Takes this hour's "second factor not finished" alert: true when none went out in the last hour.
pub fn claim_unfinished_alert(conn: &mut AnyConnection, id: &UserId, now: UnixTime) -> Result<bool, StoreError> {
    let free = users::unfinished_alert_at.is_null().or(users::unfinished_alert_at.le(now - 3600));
    let n = execute_prepared!(
        diesel::update(users::table.find(id).filter(free)).set(users::unfinished_alert_at.eq(Some(now))),
        conn
    )?;
    Ok(n == 1)
}

/// Sets a new password hash (a change or a reset).
pub fn set_password(conn: &mut AnyConnection, id: &UserId, hash: &str, now: UnixTime) -> Result<(), StoreError> {
    execute_prepared!(
        diesel::update(users::table.find(id)).set((
            users::password_hash.eq(hash),
            users::password_changed_at.eq(now),
            users::updated_at.eq(now)
        )),
        conn
    )?;
    Ok(())
}

pub fn upgrade_password_hash(
    conn: &mut AnyConnection,
    user_id: &UserId,
    old_hash: &str,
    new_hash: &str,
) -> Result<(), StoreError> {
    execute_prepared!(
        diesel::update(users::table.find(user_id).filter(users::password_hash.eq(old_hash)))
            .set(users::password_hash.eq(new_hash)),
        conn
    )?;
    Ok(())
}

/// Takes the user's row lock for the rest of the transaction (`SELECT … FOR NO KEY UPDATE` on
/// PostgreSQL, the lock an `UPDATE` of the row takes, without writing a new row version;
/// SQLite's transaction already holds the database's write lock). Read the row after this.
pub fn lock_row(conn: &mut AnyConnection, user_id: &UserId) -> Result<(), StoreError> {
    // SQLite: every transaction began IMMEDIATE and holds the database's only write lock already.
    if let AnyConnection::Postgresql(pg) = conn {
        users::table.find(user_id).select(users::id).for_no_key_update().load::<UserId>(pg)?;
    }
    Ok(())
}

/// `lock_row`, then `find_with_tenant`: on PostgreSQL in one statement that locks the user's
/// row only (not the tenant's) and returns it as it is under the lock.
pub fn lock_with_tenant(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
    user_id: &UserId,
) -> Result<Option<(User, super::tenants::Tenant)>, StoreError> {
    use super::schema::tenants;
    match conn {
        AnyConnection::Postgresql(pg) => {
            let query = users::table
                .inner_join(tenants::table)
                .filter(users::tenant_id.eq(tenant_id))
                .filter(users::id.eq(user_id))
                .select((User::as_select(), super::tenants::Tenant::as_select()));
            Ok(super::row_lock::for_no_key_update_of(query, "users").get_result(pg).optional()?)
        }
        // SQLite: the transaction began IMMEDIATE and holds the database's only write lock.
        AnyConnection::Sqlite(_) => find_with_tenant(conn, tenant_id, user_id),
    }
}

/// A user with their tenant, in one query.
pub fn find_with_tenant(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
    user_id: &UserId,
) -> Result<Option<(User, super::tenants::Tenant)>, StoreError> {
    use super::schema::tenants;
    Ok(users::table
        .inner_join(tenants::table)
        .filter(users::tenant_id.eq(tenant_id))
        .filter(users::id.eq(user_id))
        .select((User::as_select(), super::tenants::Tenant::as_select()))
        .first(conn)
        .optional()?)
}

impl User {
    /// The lock in force at `now`, as this row says. Only trust it on a row read after `lock_row`.
    pub fn lock_at(&self, now: UnixTime) -> Option<Lock> {
        self.locked_until.filter(|until| *until > now).map(|until| Lock { until, reason: self.lock_reason })
    }
}

/// A lock in force: until when, and what caused it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lock {
    pub until: UnixTime,
    pub reason: Option<LockReason>,
}

impl Lock {
    pub fn by_second_factor(&self) -> bool {
        self.reason == Some(LockReason::SecondFactor)
    }
}

/// Takes the user's row lock for the rest of the transaction (PostgreSQL; SQLite's transaction
/// already holds the database's write lock) and reports the lock in force, read after taking it.
/// Every decision about a locked account must come after this call, not from a row read earlier.
pub fn hold(conn: &mut AnyConnection, user_id: &UserId, now: UnixTime) -> Result<Option<Lock>, StoreError> {
    lock_row(conn, user_id)?;
    let (locked_until, lock_reason): (Option<UnixTime>, Option<LockReason>) =
        users::table.find(user_id).select((users::locked_until, users::lock_reason)).first(conn)?;
    Ok(locked_until.filter(|until| *until > now).map(|until| Lock { until, reason: lock_reason }))
}

/// What a counted failure did to the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureOutcome {
    /// Counted; this many failures remain before the lock.
    Counted { remaining: i32 },
    /// Counted, and it reached the threshold: locked until the given time.
    LockedNow { until: UnixTime },
    /// The account was already locked; nothing was counted.
    AlreadyLocked { until: UnixTime },
}

impl FailureOutcome {
    pub fn is_locked(&self) -> bool {
        !matches!(self, FailureOutcome::Counted { .. })
    }
}

/// Counts one failure atomically. Must run inside a transaction: the conditional UPDATE takes
/// the row lock first, so concurrent failures are counted one after another and exactly
/// `threshold` of them lock the account, on one instance or many.
pub fn record_failure(
    conn: &mut AnyConnection,
    user_id: &UserId,
    factor: LockReason,
    threshold: i32,
    lock_secs: i64,
    now: UnixTime,
) -> Result<FailureOutcome, StoreError> {
    let not_locked = users::locked_until.is_null().or(users::locked_until.le(now));
    let target = users::table.find(user_id).filter(not_locked);
    let counted = match factor {
        LockReason::Password => {
            execute_prepared!(diesel::update(target).set(users::failed_password.eq(users::failed_password + 1)), conn)?
        }
        LockReason::SecondFactor => execute_prepared!(
            diesel::update(target).set(users::failed_second_factor.eq(users::failed_second_factor + 1)),
            conn
        )?,
    };
    let (failed_password, failed_second, locked_until): (i32, i32, Option<UnixTime>) = users::table
        .find(user_id)
        .select((users::failed_password, users::failed_second_factor, users::locked_until))
        .first(conn)?;
    if counted == 0 {
        return Ok(FailureOutcome::AlreadyLocked { until: locked_until.unwrap_or(now) });
    }
    let failures = match factor {
        LockReason::Password => failed_password,
        LockReason::SecondFactor => failed_second,
    };
    if failures >= threshold {
        let until = now + lock_secs;
        execute_prepared!(
            diesel::update(users::table.find(user_id)).set((
                users::locked_until.eq(until),
                users::lock_reason.eq(factor),
                users::failed_password.eq(0),
                users::failed_second_factor.eq(0),
            )),
            conn
        )?;
        return Ok(FailureOutcome::LockedNow { until });
    }
    Ok(FailureOutcome::Counted { remaining: threshold - failures })
}

/// A success resets that factor's counter.
pub fn reset_failures(conn: &mut AnyConnection, user_id: &UserId, factor: LockReason) -> Result<(), StoreError> {
    let target = users::table.find(user_id);
    match factor {
        LockReason::Password => execute_prepared!(
            diesel::update(target.filter(users::failed_password.ne(0))).set(users::failed_password.eq(0)),
            conn
        )?,
        LockReason::SecondFactor => execute_prepared!(
            diesel::update(target.filter(users::failed_second_factor.ne(0))).set(users::failed_second_factor.eq(0)),
            conn
        )?,
    };
    Ok(())
}

/// An admin's unlock: clears the lock and both counters.
pub fn unlock(conn: &mut AnyConnection, user_id: &UserId) -> Result<(), StoreError> {
    execute_prepared!(
        diesel::update(users::table.find(user_id)).set((
            users::locked_until.eq(None::<i64>),
            users::lock_reason.eq(None::<LockReason>),
            users::failed_password.eq(0),
            users::failed_second_factor.eq(0),
        )),
        conn
    )?;
    Ok(())
}
