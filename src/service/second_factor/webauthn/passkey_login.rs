//! "Sign in with a passkey": a sign-in with no password, where the passkey names its user (the
//! user handle of a discoverable credential) and proves two factors at once (the key, and the
//! PIN or biometric the key checked: user verification is required). The tenant opts in with
//! `passkey_sign_in`; an SSO tenant refuses it as it refuses every sign-in here.
//!
//! Nothing in the answers tells whether a key ever existed: an unknown key, a key of another
//! tenant, a deleted key and a bad signature are the same `401 invalid_credential`, without
//! `attempts_remaining`. A bad signature by a known key still counts towards its owner's lockout.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use webauthn_rs::prelude::{DiscoverableAuthentication, DiscoverableKey, Passkey, PublicKeyCredential};

use super::wire::{CredentialResponse, RequestOptions};
use super::{assertion, credential_data, relying_party, Refusal};
use crate::clock::rfc3339;
use crate::domain::{AuditEvent, AuditOutcome, ChallengeId, ErrorCode, LockReason, MethodKind, Slug, UnixTime};
use crate::error::AppError;
use crate::service::audit;
use crate::service::login::LoginResponse;
use crate::service::second_factor::check::{counter_regression, Attempt};
use crate::service::second_factor::count_wrong_code;
use crate::service::sessions::{self, ClientInfo};
use crate::state::AppState;
use crate::store::methods;
use crate::store::passkey_logins::{self, PasskeyLogin};
use crate::store::tenants::{self, Tenant};
use crate::store::users;
use crate::store::AnyConnection;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasskeyLoginRequest {
    /// The tenant's slug.
    #[schema(schema_with = crate::domain::schema::slug)]
    pub tenant: String,
}

/// A passkey sign-in opened: have the browser sign `webauthn`, then `POST /verify` with
/// `challenge_id` and `credential`.
#[derive(Debug, Serialize, ToSchema)]
pub struct PasskeyLoginStarted {
    #[schema(format = Uuid)]
    pub challenge_id: String,
    #[schema(format = DateTime)]
    pub expires_at: String,
    /// Request options with no `allowCredentials` (the browser offers the passkeys it holds for
    /// this relying party) and `mediation: "conditional"` for autofill on the identifier field;
    /// a "Sign in with a passkey" button calls `navigator.credentials.get` without mediation.
    #[schema(value_type = super::wire::RequestOptionsJson)]
    pub webauthn: RequestOptions,
}

fn disabled() -> AppError {
    AppError::Forbidden {
        code: ErrorCode::PasskeySignInDisabled,
        message: "this organisation does not offer passkey sign-in: sign in with your password".into(),
    }
}

/// The tenant, if it takes passkey sign-ins (an unknown tenant answers as one that does not).
fn tenant_taking_passkeys(tenant: Option<Tenant>) -> Result<Tenant, AppError> {
    let tenant = tenant.ok_or_else(disabled)?;
    if let Some(url) = tenant.sso_url() {
        return Err(AppError::SsoRequired { url: url.to_owned() });
    }
    // Off, or keys no longer allowed at all (a tenant that took `webauthn` out of
    // `allowed_methods` has no passkey sign-in, whatever `passkey_sign_in` says).
    if !tenant.policy.passkey_sign_in || !tenant.policy.allows(MethodKind::Webauthn) {
        return Err(disabled());
    }
    Ok(tenant)
}

/// `POST /login/passkey`.
pub fn start(state: &AppState, req: &PasskeyLoginRequest) -> Result<PasskeyLoginStarted, AppError> {
    let slug = Slug::parse(&req.tenant)?;
    let now = state.now();
    let mut conn = state.db.get()?;
    let tenant = tenant_taking_passkeys(tenants::find_by_slug(&mut conn, &slug)?)?;
    let (rp, _) = relying_party::webauthn(state, &tenant)?;
    let (options, ceremony) = rp.start_discoverable_authentication().map_err(AppError::internal)?;
    let login = PasskeyLogin {
        id: ChallengeId::new(),
        tenant_id: tenant.id.clone(),
        webauthn_state: serde_json::to_string(&ceremony).map_err(AppError::internal)?,
        created_at: now,
        expires_at: now + state.settings.challenge_ttl_secs,
        completed_at: None,
    };
    passkey_logins::insert(&mut conn, &login)?;
    Ok(PasskeyLoginStarted {
        challenge_id: login.id.to_string(),
        expires_at: rfc3339(login.expires_at),
        webauthn: RequestOptions(serde_json::to_value(&options).map_err(AppError::internal)?),
    })
}

/// Whether `id` is a passkey sign-in (rather than a login challenge).
pub fn is_passkey_login(state: &AppState, id: &ChallengeId) -> Result<bool, AppError> {
    let mut conn = state.db.get()?;
    Ok(passkey_logins::exists(&mut conn, id)?)
}

fn invalid() -> AppError {
    AppError::KeyRefused { code: ErrorCode::InvalidCredential, attempts_remaining: None }
}

/// The user-verified flag of the answer's authenticator data: checked before anything is looked
/// up, so that a missing PIN is told the same whether the key exists or not.
fn user_verified(response: &PublicKeyCredential) -> bool {
    response.response.authenticator_data.as_ref().get(32).is_some_and(|flags| flags & 0x04 != 0)
}

enum Outcome {
    SignedIn(Box<(crate::store::sessions::Session, crate::crypto::OpaqueToken, Tenant, crate::store::users::User)>),
    Refused(AppError),
}

/// `POST /verify` of a passkey sign-in.
pub fn finish(
    state: &AppState,
    id: &ChallengeId,
    credential: &CredentialResponse,
    client: &ClientInfo,
) -> Result<LoginResponse, AppError> {
    let response = assertion::parse(&credential.0)?;
    let now = state.now();
    let mut conn = state.db.get()?;
    let outcome = state.db.transaction_on(&mut conn, |c| -> Result<Outcome, AppError> {
        let login = passkey_logins::take(c, id, now)?
            .ok_or_else(|| AppError::gone(ErrorCode::ChallengeUsed, "this sign-in was already used: start again"))?;
        if login.expires_at <= now {
            return Err(AppError::gone(ErrorCode::ChallengeExpired, "this sign-in has expired: start again"));
        }
        let tenant = tenant_taking_passkeys(tenants::find_by_id(c, &login.tenant_id)?)?;
        if !user_verified(&response) {
            return Ok(Outcome::Refused(AppError::KeyRefused {
                code: ErrorCode::UserVerificationRequired,
                attempts_remaining: None,
            }));
        }
        verify(c, state, &tenant, &login, &response, client, now)
    })?;
    drop(conn); // signing may reload keys: never hold two pooled connections at once
    let label = match &outcome {
        Outcome::SignedIn(_) => "authenticated",
        Outcome::Refused(AppError::AccountLocked { .. }) => "locked",
        Outcome::Refused(_) => "refused",
    };
    metrics::counter!("latchkey_passkey_logins_total", "outcome" => label).increment(1);
    match outcome {
        Outcome::Refused(error) => Err(error),
        Outcome::SignedIn(signed_in) => {
            let (session, refresh, tenant, user) = *signed_in;
            let body = sessions::authenticated(state, &session, &tenant, &user, &refresh)?;
            Ok(LoginResponse::Authenticated(body))
        }
    }
}

fn verify(
    c: &mut AnyConnection,
    state: &AppState,
    tenant: &Tenant,
    login: &PasskeyLogin,
    response: &PublicKeyCredential,
    client: &ClientInfo,
    now: UnixTime,
) -> Result<Outcome, AppError> {
    let (rp, rp_id) = relying_party::webauthn(state, tenant)?;
    let refused = |c: &mut AnyConnection, detail: &str| -> Result<Outcome, AppError> {
        audit::entry(AuditEvent::PasskeyLogin, AuditOutcome::Failure)
            .tenant(&tenant.id)
            .by(client)
            .detail(detail)
            .record(c, now)?;
        Ok(Outcome::Refused(invalid()))
    };
    let Ok((handle, credential_id)) = rp.identify_discoverable_authentication(response) else {
        return refused(c, "no_user_handle");
    };
    let credential_id = credential_data::encode_id(credential_id);
    let key = methods::find_by_credential(c, &tenant.id, &credential_id)?
        // Only a key registered as a passkey signs in alone: a second-factor key that happens to
        // be discoverable (platform authenticators make every credential so) does not.
        .filter(|k| k.kind == MethodKind::Webauthn && k.passkey && k.is_active())
        .filter(|k| k.rp_id.as_deref() == Some(rp_id.as_str()));
    let Some(key) = key else {
        return refused(c, "unknown_key");
    };
    let owner = users::lock_with_tenant(c, &tenant.id, &key.user_id)?
        .map(|(user, _)| user)
        .filter(|u| u.active && u.id.as_str() == handle.hyphenated().to_string());
    let Some(user) = owner else {
        return refused(c, "unknown_key");
    };
    let Some(stored) = credential_data::stored(&key)? else {
        return refused(c, "unknown_key");
    };
    let ceremony: DiscoverableAuthentication =
        serde_json::from_str(&login.webauthn_state).map_err(AppError::internal)?;
    let keys = [DiscoverableKey::from(Passkey::from(stored))];
    let verified = rp.finish_discoverable_authentication(response, ceremony, &keys);
    let refusal = match verified {
        Ok(result) => {
            let counter = i64::from(result.counter());
            if methods::record_key_use(c, &key.id, counter, result.backup_state(), now)? {
                None
            } else {
                Some(Refusal::CounterRegression)
            }
        }
        Err(error) => {
            tracing::info!(reason = %error, "a passkey sign-in did not verify");
            Some(Refusal::of(&error))
        }
    };
    let attempt = Attempt { tenant, user: &user, client, event: AuditEvent::PasskeyLogin };
    if let Some(refusal) = refusal {
        if refusal == Refusal::CounterRegression {
            counter_regression(c, state, &attempt, now)?;
        }
        let detail = Some(MethodKind::Webauthn.as_str());
        // Locked or not, the answer says nothing more of the account.
        count_wrong_code(c, state, tenant, &user, client, AuditEvent::PasskeyLogin, detail, now)?;
        return Ok(Outcome::Refused(AppError::KeyRefused { code: refusal.code(), attempts_remaining: None }));
    }
    if let Some(lock) = user.lock_at(now) {
        return Ok(Outcome::Refused(AppError::locked_until(lock.until, now)));
    }
    if user.failed_second_factor > 0 {
        users::reset_failures(c, &user.id, LockReason::SecondFactor)?;
    }
    let (session, refresh) = sessions::create_session_rows(c, state, tenant, &user, &["hwk", "mfa"], client)?;
    audit::entry(AuditEvent::PasskeyLogin, AuditOutcome::Success)
        .tenant(&tenant.id)
        .user(&user.id)
        .by(client)
        .detail(MethodKind::Webauthn.as_str())
        .record(c, now)?;
    Ok(Outcome::SignedIn(Box::new((session, refresh, tenant.clone(), user))))
}
