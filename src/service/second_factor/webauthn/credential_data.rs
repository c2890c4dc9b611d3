//! What Latchkey reads out of a key's registration and keeps: the credential id as base64url,
//! the authenticator's AAGUID (from the attested credential data of the authenticator data), and
//! the stored credential of a method.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_cbor_2::Value;
use webauthn_rs::prelude::{Credential, CredentialID};

use crate::domain::MethodKind;
use crate::error::AppError;
use crate::store::methods::Method;

pub fn encode_id(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn decode_id(text: &str) -> Option<CredentialID> {
    URL_SAFE_NO_PAD.decode(text).ok().map(CredentialID::from)
}

/// The AAGUID the authenticator reported in its attestation object (a lower-case UUID), when
/// the authenticator data carries attested credential data. Without attestation it is the
/// authenticator's own claim.
pub fn aaguid(attestation_object: &[u8]) -> Option<String> {
    let Value::Map(map) = serde_cbor_2::from_slice::<Value>(attestation_object).ok()? else {
        return None;
    };
    let Value::Bytes(auth_data) = map.get(&Value::Text("authData".into()))? else {
        return None;
    };
    // rpIdHash (32) · flags (1) · signCount (4) · AAGUID (16) · …; flag 0x40: attested data.
    let flags = *auth_data.get(32)?;
    if flags & 0x40 == 0 {
        return None;
    }
    let bytes: [u8; 16] = auth_data.get(37..53)?.try_into().ok()?;
    Some(uuid::Uuid::from_bytes(bytes).hyphenated().to_string())
}

/// The verified credential stored on an active WebAuthn method, with its latest counter.
pub fn stored(method: &Method) -> Result<Option<Credential>, AppError> {
    if method.kind != MethodKind::Webauthn {
        return Ok(None);
    }
    let Some(text) = method.credential.as_deref() else {
        return Ok(None);
    };
    let mut credential: Credential = serde_json::from_str(text).map_err(AppError::internal)?;
    if let Some(count) = method.sign_count.and_then(|c| u32::try_from(c).ok()) {
        credential.counter = count;
    }
    if let Some(state) = method.backup_state {
        credential.backup_state = state;
    }
    Ok(Some(credential))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_aaguid_is_read_from_attested_credential_data_only() {
        let mut auth_data = vec![0u8; 32];
        auth_data.push(0x41); // user present, attested credential data
        auth_data.extend([0, 0, 0, 1]);
        auth_data.extend((1..=16).collect::<Vec<u8>>());
        auth_data.extend([0, 2, 9, 9]);
        let object = |data: Vec<u8>| {
            let mut map = std::collections::BTreeMap::new();
            map.insert(Value::Text("fmt".into()), Value::Text("none".into()));
            map.insert(Value::Text("attStmt".into()), Value::Map(Default::default()));
            map.insert(Value::Text("authData".into()), Value::Bytes(data));
            serde_cbor_2::to_vec(&Value::Map(map)).unwrap_or_default()
        };
        assert_eq!(aaguid(&object(auth_data.clone())).as_deref(), Some("01020304-0506-0708-090a-0b0c0d0e0f10"));
        let mut no_attested = auth_data.clone();
        no_attested[32] = 0x01;
        assert_eq!(aaguid(&object(no_attested)), None);
        assert_eq!(aaguid(&object(auth_data[..40].to_vec())), None);
        assert_eq!(aaguid(b"not cbor"), None);
    }

    #[test]
    fn credential_ids_round_trip_as_base64url() {
        let id = decode_id("AAEC_-8").map(|id| encode_id(id.as_ref()));
        assert_eq!(id.as_deref(), Some("AAEC_-8"));
        assert!(decode_id("not base64!").is_none());
    }
}
