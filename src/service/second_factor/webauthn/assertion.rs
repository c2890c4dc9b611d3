//! A key as the second factor: the request options listing the user's keys, and the check of the
//! browser's answer. Keys registered with user verification (passkeys, keys with a PIN) must
//! verify the user again; others need only presence.

use webauthn_rs::prelude::{PublicKeyCredential, SecurityKey, SecurityKeyAuthentication};

use super::{credential_data, relying_party, Refusal};
use crate::domain::{ErrorCode, MethodKind};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::methods::Method;
use crate::store::tenants::Tenant;

/// The user's keys usable with the tenant's current relying party (a key is bound to the one it
/// was made for).
pub fn usable<'a>(state: &AppState, tenant: &Tenant, methods: &'a [Method]) -> Vec<&'a Method> {
    let rp = relying_party::of(&tenant.policy, &state.settings.issuer).map(|rp| rp.id);
    methods
        .iter()
        .filter(|m| m.kind == MethodKind::Webauthn && m.is_active() && m.credential.is_some())
        .filter(|m| rp.is_some() && m.rp_id == rp)
        .collect()
}

/// The request options for the browser (`{"publicKey": …}`) and the state to keep.
pub fn start(state: &AppState, tenant: &Tenant, keys: &[&Method]) -> Result<(serde_json::Value, String), AppError> {
    let (rp, _) = relying_party::webauthn(state, tenant)?;
    let mut credentials = Vec::new();
    for key in keys {
        if let Some(credential) = credential_data::stored(key)? {
            credentials.push(SecurityKey::from(credential));
        }
    }
    if credentials.is_empty() {
        return Err(AppError::conflict(
            ErrorCode::NoMethod,
            "no security key or passkey works here: use another method",
        ));
    }
    let (mut options, ceremony) = rp.start_securitykey_authentication(&credentials).map_err(AppError::internal)?;
    // Passkeys on a phone or laptop as well as keys on a USB port: no hint to prefer one kind.
    options.public_key.hints = None;
    let options = serde_json::to_value(&options).map_err(AppError::internal)?;
    Ok((options, serde_json::to_string(&ceremony).map_err(AppError::internal)?))
}

/// Reads a browser's `credential.toJSON()` of a authentication (`400 malformed_credential` when it
/// does not read: the document describes the shape, not every byte of it).
pub fn parse(response: &serde_json::Value) -> Result<PublicKeyCredential, AppError> {
    serde_json::from_value(response.clone()).map_err(|_| {
        AppError::validation(
            ErrorCode::MalformedCredential,
            "credential must be the key's authentication response (the browser's credential.toJSON())",
        )
    })
}

/// A verified answer: which key signed, with its new counter and backup state.
pub struct Signed<'a> {
    pub key: &'a Method,
    pub counter: u32,
    pub backup_state: bool,
}

/// Checks the answer against the ceremony kept with the challenge and the user's keys.
pub fn finish<'a>(
    state: &AppState,
    tenant: &Tenant,
    ceremony: Option<&str>,
    keys: &[&'a Method],
    response: &PublicKeyCredential,
) -> Result<Result<Signed<'a>, Refusal>, AppError> {
    let Some(ceremony) = ceremony else {
        return Ok(Err(Refusal::Invalid));
    };
    let ceremony: SecurityKeyAuthentication = serde_json::from_str(ceremony).map_err(AppError::internal)?;
    let id = credential_data::encode_id(response.raw_id.as_ref());
    let Some(key) = keys.iter().copied().find(|k| k.credential_id.as_deref() == Some(id.as_str())) else {
        return Ok(Err(Refusal::Invalid));
    };
    let (rp, _) = relying_party::webauthn(state, tenant)?;
    match rp.finish_securitykey_authentication(response, &ceremony) {
        Ok(result) => Ok(Ok(Signed { key, counter: result.counter(), backup_state: result.backup_state() })),
        Err(error) => {
            tracing::info!(reason = %error, "a key's assertion did not verify");
            Ok(Err(Refusal::of(&error)))
        }
    }
}
