//! Registering a key: the creation options sent to the browser, and the verification of its
//! answer. `passkey: true` asks for a discoverable credential with user verification required
//! (usable for passkey sign-in); `false` for a second-factor key (user verification preferred).

use serde::{Deserialize, Serialize};
use webauthn_rs::prelude::{
    Credential, PasskeyRegistration, RegisterPublicKeyCredential, SecurityKeyRegistration, Uuid,
};
use webauthn_rs_proto::ResidentKeyRequirement;

use super::{credential_data, relying_party, Refusal};
use crate::domain::{ErrorCode, MethodKind};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::methods::{Method, NewCredential};
use crate::store::tenants::Tenant;
use crate::store::users::User;

/// The registration ceremony, kept with the pending method.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Ceremony {
    Passkey(PasskeyRegistration),
    SecurityKey(SecurityKeyRegistration),
}

/// The creation options for the browser (`{"publicKey": …}`), and the state to keep.
pub struct Started {
    pub options: serde_json::Value,
    pub state: String,
}

/// Starts registering a key for `user`; the user's other keys are excluded (one authenticator
/// is registered once).
pub fn start(
    state: &AppState,
    tenant: &Tenant,
    user: &User,
    passkey: bool,
    existing: &[Method],
) -> Result<Started, AppError> {
    let (rp, _) = relying_party::webauthn(state, tenant)?;
    let user_id = Uuid::parse_str(user.id.as_str()).map_err(AppError::internal)?;
    let name = user.username.as_ref().map(|u| u.as_str().to_owned()).unwrap_or_else(|| user.email.to_string());
    let display = user.display_name.clone().unwrap_or_else(|| name.clone());
    let exclude = existing
        .iter()
        .filter(|m| m.kind == MethodKind::Webauthn)
        .filter_map(|m| m.credential_id.as_deref().and_then(credential_data::decode_id))
        .collect::<Vec<_>>();
    let (options, ceremony) = if passkey {
        let (mut options, registration) =
            rp.start_passkey_registration(user_id, &name, &display, Some(exclude)).map_err(AppError::internal)?;
        // A passkey must be discoverable, or "sign in with a passkey" finds nothing later.
        if let Some(selection) = options.public_key.authenticator_selection.as_mut() {
            selection.resident_key = Some(ResidentKeyRequirement::Required);
            selection.require_resident_key = true;
        }
        (serde_json::to_value(&options), Ceremony::Passkey(registration))
    } else {
        let (mut options, registration) = rp
            .start_securitykey_registration(user_id, &name, &display, Some(exclude), None, None)
            .map_err(AppError::internal)?;
        // credProtect "user verification required" contradicts "preferred" on a key that is not
        // discoverable: browsers refuse the whole request (Chromium: NotSupportedError).
        if let Some(extensions) = options.public_key.extensions.as_mut() {
            extensions.cred_protect = None;
        }
        (serde_json::to_value(&options), Ceremony::SecurityKey(registration))
    };
    Ok(Started {
        options: options.map_err(AppError::internal)?,
        state: serde_json::to_string(&ceremony).map_err(AppError::internal)?,
    })
}

/// Reads a browser's `credential.toJSON()` of a registration (`400 malformed_credential` when it
/// does not read: the document describes the shape, not every byte of it).
pub fn parse(response: &serde_json::Value) -> Result<RegisterPublicKeyCredential, AppError> {
    serde_json::from_value(response.clone()).map_err(|_| {
        AppError::validation(
            ErrorCode::MalformedCredential,
            "credential must be the key's registration response (the browser's credential.toJSON())",
        )
    })
}

/// Verifies the browser's answer against the pending method's ceremony: the credential to keep,
/// or why it was refused. `403 authenticator_not_allowed` when the tenant lists the models it
/// accepts and this one is not among them.
pub fn finish(
    state: &AppState,
    tenant: &Tenant,
    method: &Method,
    response: &RegisterPublicKeyCredential,
) -> Result<Result<NewCredential, Refusal>, AppError> {
    let Some(ceremony) = method.webauthn_state.as_deref() else {
        return Ok(Err(Refusal::Invalid));
    };
    let ceremony: Ceremony = serde_json::from_str(ceremony).map_err(AppError::internal)?;
    let (rp, rp_id) = relying_party::webauthn(state, tenant)?;
    let verified: Result<Credential, _> = match &ceremony {
        Ceremony::Passkey(registration) => rp.finish_passkey_registration(response, registration).map(Into::into),
        Ceremony::SecurityKey(registration) => {
            rp.finish_securitykey_registration(response, registration).map(Into::into)
        }
    };
    let credential = match verified {
        Ok(credential) => credential,
        Err(error) => {
            tracing::info!(reason = %error, "a key's registration did not verify");
            return Ok(Err(Refusal::of(&error)));
        }
    };
    let aaguid = credential_data::aaguid(response.response.attestation_object.as_ref());
    let allowed = &tenant.policy.webauthn_allowed_aaguids;
    if !allowed.is_empty() && !aaguid.as_ref().is_some_and(|a| allowed.contains(a)) {
        return Err(AppError::Forbidden {
            code: ErrorCode::AuthenticatorNotAllowed,
            message: "your organisation does not accept this model of security key: use an approved one".into(),
        });
    }
    let transports =
        credential.transports.as_ref().map(serde_json::to_string).transpose().map_err(AppError::internal)?;
    Ok(Ok(NewCredential {
        credential_id: credential_data::encode_id(credential.cred_id.as_ref()),
        credential: serde_json::to_string(&credential).map_err(AppError::internal)?,
        rp_id,
        sign_count: i64::from(credential.counter),
        aaguid,
        backup_eligible: credential.backup_eligible,
        backup_state: credential.backup_state,
        transports,
        discoverable: response.extensions.cred_props.as_ref().and_then(|p| p.rk),
    }))
}
