//! Verified second-factor methods (TOTP, SMS, email, WebAuthn keys) and their pending enrollments.

use super::prepared::execute_prepared;
use diesel::prelude::*;

use crate::domain::{MethodId, MethodKind, MethodStatus, TenantId, UnixTime, UserId};

use super::schema::second_factor_methods as m;
use super::{AnyConnection, StoreError};

#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = m)]
pub struct Method {
    pub id: MethodId,
    pub tenant_id: TenantId,
    pub user_id: UserId,
    pub kind: MethodKind,
    pub status: MethodStatus,
    pub is_primary: bool,
    /// E.164 phone number or email address for `sms` / `email`.
    pub destination: Option<String>,
    /// The TOTP secret, sealed under the master key with the method id as associated data.
    pub totp_secret: Option<Vec<u8>>,
    pub totp_algorithm: Option<String>,
    pub totp_digits: Option<i32>,
    pub totp_period: Option<i32>,
    /// The last TOTP time step accepted; never accepted again.
    pub last_used_step: Option<i64>,
    /// Keyed hash of the code sent to confirm a pending SMS or email method.
    pub code_hash: Option<String>,
    pub code_expires_at: Option<UnixTime>,
    pub created_at: UnixTime,
    pub confirmed_at: Option<UnixTime>,
    /// An SMS method enrolled from the profile's number: it follows the profile when the
    /// number changes. One with a number typed at enrollment keeps its own.
    pub follows_profile: bool,
    /// The name the user gave the method (a key's "YubiKey 5").
    pub name: Option<String>,
    /// WebAuthn, while pending: the registration ceremony's state (webauthn-rs JSON).
    pub webauthn_state: Option<String>,
    /// WebAuthn: the credential id, base64url.
    pub credential_id: Option<String>,
    /// WebAuthn: the verified credential as webauthn-rs serialises it (public key, algorithm).
    pub credential: Option<String>,
    /// WebAuthn: the relying-party id the credential was made for.
    pub rp_id: Option<String>,
    /// WebAuthn: the highest signature counter seen (0 for authenticators without one).
    pub sign_count: Option<i64>,
    /// WebAuthn: the authenticator model the key reported (its own claim without attestation).
    pub aaguid: Option<String>,
    pub backup_eligible: Option<bool>,
    pub backup_state: Option<bool>,
    /// WebAuthn: how the browser reached the key (JSON list: `usb`, `nfc`, `internal`, …).
    pub transports: Option<String>,
    /// WebAuthn: whether the authenticator said it stored the credential (credProps `rk`).
    pub discoverable: Option<bool>,
    /// WebAuthn: registered for passkey sign-in (user verification required).
    pub passkey: bool,
    pub last_used_at: Option<UnixTime>,
}

/// Points the SMS methods that follow the profile at its new number; how many changed.
pub fn follow_profile_number(conn: &mut AnyConnection, user_id: &UserId, number: &str) -> Result<usize, StoreError> {
    Ok(diesel::update(
        m::table.filter(m::user_id.eq(user_id)).filter(m::kind.eq(MethodKind::Sms)).filter(m::follows_profile.eq(true)),
    )
    .set(m::destination.eq(Some(number)))
    .execute(conn)?)
}

/// Removes the SMS methods that follow the profile (its number was cleared); how many.
pub fn delete_following_profile(conn: &mut AnyConnection, user_id: &UserId) -> Result<usize, StoreError> {
    Ok(diesel::delete(
        m::table.filter(m::user_id.eq(user_id)).filter(m::kind.eq(MethodKind::Sms)).filter(m::follows_profile.eq(true)),
    )
    .execute(conn)?)
}

impl std::fmt::Debug for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Method")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("status", &self.status)
            .field("is_primary", &self.is_primary)
            .finish_non_exhaustive()
    }
}

impl Method {
    pub fn is_active(&self) -> bool {
        self.status == MethodStatus::Active
    }
}

pub fn insert(conn: &mut AnyConnection, method: &Method) -> Result<(), StoreError> {
    execute_prepared!(diesel::insert_into(m::table).values(method), conn)?;
    Ok(())
}

pub fn find_for_user(conn: &mut AnyConnection, user_id: &UserId, id: &MethodId) -> Result<Option<Method>, StoreError> {
    Ok(m::table
        .filter(m::user_id.eq(user_id))
        .filter(m::id.eq(id))
        .select(Method::as_select())
        .first(conn)
        .optional()?)
}

/// Every method of a user, primary first, then oldest first.
pub fn list_for_user(conn: &mut AnyConnection, user_id: &UserId) -> Result<Vec<Method>, StoreError> {
    Ok(m::table
        .filter(m::user_id.eq(user_id))
        .order((m::is_primary.desc(), m::created_at.asc(), m::id.asc()))
        .select(Method::as_select())
        .load(conn)?)
}

pub fn active_for_user(conn: &mut AnyConnection, user_id: &UserId) -> Result<Vec<Method>, StoreError> {
    Ok(list_for_user(conn, user_id)?.into_iter().filter(Method::is_active).collect())
}

/// The kinds of every active method of a tenant's users, as (user, kind): the settings preview
/// weighs every user at once.
pub fn active_kinds_in_tenant(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
) -> Result<Vec<(UserId, MethodKind)>, StoreError> {
    Ok(m::table
        .filter(m::tenant_id.eq(tenant_id))
        .filter(m::status.eq(MethodStatus::Active))
        .select((m::user_id, m::kind))
        .load(conn)?)
}

/// Accepts a TOTP time step only if it is later than every step accepted before; exactly one
/// of several concurrent callers with the same step gets `true`.
pub fn accept_totp_step(conn: &mut AnyConnection, id: &MethodId, step: i64, now: UnixTime) -> Result<bool, StoreError> {
    let n = execute_prepared!(
        diesel::update(m::table.find(id).filter(m::last_used_step.is_null().or(m::last_used_step.lt(step))))
            .set((m::last_used_step.eq(step), m::last_used_at.eq(Some(now)))),
        conn
    )?;
    Ok(n == 1)
}

pub fn set_pending_code(
    conn: &mut AnyConnection,
    id: &MethodId,
    code_hash: &str,
    expires_at: UnixTime,
) -> Result<(), StoreError> {
    execute_prepared!(
        diesel::update(m::table.find(id)).set((m::code_hash.eq(code_hash), m::code_expires_at.eq(expires_at))),
        conn
    )?;
    Ok(())
}

/// Makes a pending method active (and primary when the user has no primary yet).
pub fn activate(conn: &mut AnyConnection, user_id: &UserId, id: &MethodId, now: UnixTime) -> Result<(), StoreError> {
    let has_primary = m::table
        .filter(m::user_id.eq(user_id))
        .filter(m::status.eq(MethodStatus::Active))
        .filter(m::is_primary.eq(true))
        .count()
        .get_result::<i64>(conn)?
        > 0;
    execute_prepared!(
        diesel::update(m::table.find(id)).set((
            m::status.eq(MethodStatus::Active),
            m::confirmed_at.eq(now),
            m::is_primary.eq(!has_primary),
            m::code_hash.eq(None::<String>),
            m::code_expires_at.eq(None::<i64>),
        )),
        conn
    )?;
    Ok(())
}

pub fn set_primary(conn: &mut AnyConnection, user_id: &UserId, id: &MethodId) -> Result<(), StoreError> {
    diesel::update(m::table.filter(m::user_id.eq(user_id))).set(m::is_primary.eq(false)).execute(conn)?;
    execute_prepared!(diesel::update(m::table.find(id)).set(m::is_primary.eq(true)), conn)?;
    Ok(())
}

pub fn delete(conn: &mut AnyConnection, user_id: &UserId, id: &MethodId) -> Result<bool, StoreError> {
    Ok(diesel::delete(m::table.filter(m::user_id.eq(user_id)).filter(m::id.eq(id))).execute(conn)? == 1)
}

pub fn delete_all_for_user(conn: &mut AnyConnection, user_id: &UserId) -> Result<usize, StoreError> {
    Ok(diesel::delete(m::table.filter(m::user_id.eq(user_id))).execute(conn)?)
}

/// After a removal, makes the oldest remaining active method primary if none is.
pub fn ensure_primary(conn: &mut AnyConnection, user_id: &UserId) -> Result<(), StoreError> {
    let active = active_for_user(conn, user_id)?;
    if !active.iter().any(|x| x.is_primary) {
        if let Some(first) = active.first() {
            execute_prepared!(diesel::update(m::table.find(&first.id)).set(m::is_primary.eq(true)), conn)?;
        }
    }
    Ok(())
}

/// What a finished WebAuthn registration stores.
pub struct NewCredential {
    pub credential_id: String,
    pub credential: String,
    pub rp_id: String,
    pub sign_count: i64,
    pub aaguid: Option<String>,
    pub backup_eligible: bool,
    pub backup_state: bool,
    pub transports: Option<String>,
    pub discoverable: Option<bool>,
}

/// Keeps the registration ceremony of a pending WebAuthn method.
pub fn set_webauthn_state(conn: &mut AnyConnection, id: &MethodId, state: &str) -> Result<(), StoreError> {
    execute_prepared!(diesel::update(m::table.find(id)).set(m::webauthn_state.eq(Some(state))), conn)?;
    Ok(())
}

/// Stores a verified credential on its pending method and forgets the ceremony (single use);
/// `false` (nothing written) when the tenant holds that credential id already. In a savepoint, so
/// the unique index's refusal leaves the caller's transaction usable.
pub fn store_credential(conn: &mut AnyConnection, id: &MethodId, cred: &NewCredential) -> Result<bool, StoreError> {
    use diesel::Connection;
    match conn.transaction(|c| write_credential(c, id, cred)) {
        Ok(()) => Ok(true),
        Err(e) => {
            let e = StoreError::from(e);
            if e.is_unique_violation() {
                Ok(false)
            } else {
                Err(e)
            }
        }
    }
}

fn write_credential(
    conn: &mut AnyConnection,
    id: &MethodId,
    cred: &NewCredential,
) -> Result<(), diesel::result::Error> {
    execute_prepared!(
        diesel::update(m::table.find(id)).set((
            m::webauthn_state.eq(None::<String>),
            m::credential_id.eq(Some(&cred.credential_id)),
            m::credential.eq(Some(&cred.credential)),
            m::rp_id.eq(Some(&cred.rp_id)),
            m::sign_count.eq(Some(cred.sign_count)),
            m::aaguid.eq(cred.aaguid.as_deref()),
            m::backup_eligible.eq(Some(cred.backup_eligible)),
            m::backup_state.eq(Some(cred.backup_state)),
            m::transports.eq(cred.transports.as_deref()),
            m::discoverable.eq(cred.discoverable),
        )),
        conn
    )?;
    Ok(())
}

/// The tenant's credential with this id (active or not), if any.
pub fn find_by_credential(
    conn: &mut AnyConnection,
    tenant_id: &TenantId,
    credential_id: &str,
) -> Result<Option<Method>, StoreError> {
    Ok(m::table
        .filter(m::tenant_id.eq(tenant_id))
        .filter(m::credential_id.eq(credential_id))
        .select(Method::as_select())
        .first(conn)
        .optional()?)
}

/// Records a key's use: the new signature counter, its backup state and when. Guarded: with a
/// counter, only if it went up from what is stored (of two concurrent uses of one count, one
/// wins); `false` when the counter did not increase (a cloned key, or a replay).
pub fn record_key_use(
    conn: &mut AnyConnection,
    id: &MethodId,
    counter: i64,
    backup_state: bool,
    now: UnixTime,
) -> Result<bool, StoreError> {
    let changes =
        (m::sign_count.eq(Some(counter)), m::backup_state.eq(Some(backup_state)), m::last_used_at.eq(Some(now)));
    let n = if counter == 0 {
        // An authenticator without a counter (synced passkeys) reports 0 every time.
        execute_prepared!(
            diesel::update(m::table.find(id).filter(m::sign_count.is_null().or(m::sign_count.eq(0)))).set(changes),
            conn
        )?
    } else {
        execute_prepared!(
            diesel::update(m::table.find(id).filter(m::sign_count.is_null().or(m::sign_count.lt(counter))))
                .set(changes),
            conn
        )?
    };
    Ok(n == 1)
}

/// Marks a method used now (codes, TOTP).
pub fn touch(conn: &mut AnyConnection, id: &MethodId, now: UnixTime) -> Result<(), StoreError> {
    execute_prepared!(diesel::update(m::table.find(id)).set(m::last_used_at.eq(Some(now))), conn)?;
    Ok(())
}
