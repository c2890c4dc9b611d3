//! A software authenticator for the API tests: it makes P-256 credentials and signs WebAuthn
//! ceremonies as a browser and a key would (clientDataJSON, authenticator data, signature), with
//! every knob a test needs: discoverable or not (a user handle), user verification, the signature
//! counter (one that goes up, or a synced passkey's constant 0), the AAGUID, and tampering.
//! webauthn-authenticator-rs's SoftPasskey is used beside it where its fixed behaviour suffices.

use std::collections::BTreeMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use openssl::bn::BigNumContext;
use openssl::ec::{EcGroup, EcKey};
use openssl::ecdsa::EcdsaSig;
use openssl::nid::Nid;
use openssl::pkey::Private;
use serde_cbor_2::Value as Cbor;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

pub struct SoftKey {
    pub credential_id: Vec<u8>,
    key: EcKey<Private>,
    pub rp_id: String,
    /// The counter reported by the next signature (`None`: always 0, as synced passkeys do).
    pub counter: Option<u32>,
    /// Set for a discoverable credential: the user handle it answers with.
    pub user_handle: Option<String>,
    /// Whether the key verifies the user (PIN, biometric).
    pub user_verified: bool,
}

pub const TEST_AAGUID: [u8; 16] =
    [0xcb, 0x69, 0x48, 0x1e, 0x8f, 0xf7, 0x40, 0x39, 0x93, 0xec, 0x0a, 0x27, 0x29, 0xa1, 0x54, 0xa8];
pub const TEST_AAGUID_TEXT: &str = "cb69481e-8ff7-4039-93ec-0a2729a154a8";

fn b64(bytes: &[u8]) -> String {
    B64.encode(bytes)
}

fn public_key(options: &Value) -> &Value {
    options.get("publicKey").unwrap_or_else(|| panic!("no publicKey in {options}"))
}

fn client_data(kind: &str, challenge: &str, origin: &str) -> Vec<u8> {
    json!({"type": kind, "challenge": challenge, "origin": origin, "crossOrigin": false}).to_string().into_bytes()
}

impl SoftKey {
    /// Answers creation options (`{"publicKey": …}`) from `origin`: a new key and the
    /// registration response (`credential.toJSON()`).
    pub fn register(options: &Value, origin: &str, user_verified: bool, aaguid: [u8; 16]) -> (SoftKey, Value) {
        let credential_id: Vec<u8> = (0..32).map(|_| rand::random::<u8>()).collect();
        Self::register_as(options, origin, user_verified, aaguid, credential_id)
    }

    /// `register` with a credential id of the test's choosing (a forged copy of another's).
    pub fn register_as(
        options: &Value,
        origin: &str,
        user_verified: bool,
        aaguid: [u8; 16],
        credential_id: Vec<u8>,
    ) -> (SoftKey, Value) {
        let pk = public_key(options);
        let rp_id = pk["rp"]["id"].as_str().unwrap_or_else(|| panic!("rp.id in {pk}")).to_owned();
        let resident = pk["authenticatorSelection"]["residentKey"] == "required";
        let group = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1).unwrap();
        let key = EcKey::generate(&group).unwrap();
        let mut ctx = BigNumContext::new().unwrap();
        let (mut x, mut y) = (openssl::bn::BigNum::new().unwrap(), openssl::bn::BigNum::new().unwrap());
        key.public_key().affine_coordinates(&group, &mut x, &mut y, &mut ctx).unwrap();
        let mut cose = BTreeMap::new();
        cose.insert(Cbor::Integer(1), Cbor::Integer(2));
        cose.insert(Cbor::Integer(3), Cbor::Integer(-7));
        cose.insert(Cbor::Integer(-1), Cbor::Integer(1));
        cose.insert(Cbor::Integer(-2), Cbor::Bytes(x.to_vec_padded(32).unwrap()));
        cose.insert(Cbor::Integer(-3), Cbor::Bytes(y.to_vec_padded(32).unwrap()));
        let mut auth_data = Sha256::digest(rp_id.as_bytes()).to_vec();
        auth_data.push(0x01 | 0x40 | if user_verified { 0x04 } else { 0 });
        auth_data.extend(0u32.to_be_bytes());
        auth_data.extend(aaguid);
        auth_data.extend(u16::try_from(credential_id.len()).unwrap().to_be_bytes());
        auth_data.extend(&credential_id);
        auth_data.extend(serde_cbor_2::to_vec(&Cbor::Map(cose)).unwrap());
        let mut object = BTreeMap::new();
        object.insert(Cbor::Text("fmt".into()), Cbor::Text("none".into()));
        object.insert(Cbor::Text("attStmt".into()), Cbor::Map(BTreeMap::new()));
        object.insert(Cbor::Text("authData".into()), Cbor::Bytes(auth_data));
        let attestation_object = serde_cbor_2::to_vec(&Cbor::Map(object)).unwrap();
        let challenge = pk["challenge"].as_str().unwrap();
        let response = json!({
            "id": b64(&credential_id),
            "rawId": b64(&credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64(&client_data("webauthn.create", challenge, origin)),
                "attestationObject": b64(&attestation_object),
                "transports": ["usb"],
            },
            "clientExtensionResults": {"credProps": {"rk": resident}},
        });
        let user_handle = resident.then(|| pk["user"]["id"].as_str().unwrap().to_owned());
        (SoftKey { credential_id, key, rp_id, counter: Some(0), user_handle, user_verified }, response)
    }

    /// Answers request options (`{"publicKey": …}`) from `origin` with an assertion.
    pub fn sign(&mut self, options: &Value, origin: &str) -> Value {
        let pk = public_key(options);
        let challenge = pk["challenge"].as_str().unwrap();
        let counter = match self.counter.as_mut() {
            Some(c) => {
                *c += 1;
                *c
            }
            None => 0,
        };
        self.sign_with(challenge, origin, counter)
    }

    /// An assertion over `challenge` reporting `counter`.
    pub fn sign_with(&self, challenge: &str, origin: &str, counter: u32) -> Value {
        let client_data = client_data("webauthn.get", challenge, origin);
        let mut auth_data = Sha256::digest(self.rp_id.as_bytes()).to_vec();
        auth_data.push(0x01 | if self.user_verified { 0x04 } else { 0 });
        auth_data.extend(counter.to_be_bytes());
        let mut signed = auth_data.clone();
        signed.extend(Sha256::digest(&client_data));
        let digest = Sha256::digest(&signed);
        let signature = EcdsaSig::sign(&digest, &self.key).unwrap().to_der().unwrap();
        let mut response = json!({
            "clientDataJSON": b64(&client_data),
            "authenticatorData": b64(&auth_data),
            "signature": b64(&signature),
        });
        if let Some(handle) = &self.user_handle {
            response["userHandle"] = json!(handle);
        }
        json!({
            "id": b64(&self.credential_id),
            "rawId": b64(&self.credential_id),
            "type": "public-key",
            "response": response,
            "clientExtensionResults": {},
        })
    }
}

/// The same answer with one byte of the signature changed.
pub fn with_bad_signature(mut assertion: Value) -> Value {
    let signature = B64.decode(assertion["response"]["signature"].as_str().unwrap()).unwrap();
    let mut bad = signature.clone();
    let last = bad.len() - 1;
    bad[last] ^= 0x01;
    assertion["response"]["signature"] = json!(b64(&bad));
    assertion
}
