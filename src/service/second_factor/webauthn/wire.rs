//! The WebAuthn Level 3 JSON forms as the API sends and takes them, for the OpenAPI document
//! and the typed client. The server builds and reads them with webauthn-rs; the shapes here
//! describe that JSON (a browser passes options straight to
//! `PublicKeyCredential.parseCreationOptionsFromJSON` / `parseRequestOptionsFromJSON`, and
//! sends back `credential.toJSON()`).

// The shapes below are documentation: the JSON is built and read by webauthn-rs.
#![allow(dead_code)]

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Options to create a key: `{"publicKey": PublicKeyCredentialCreationOptionsJSON}`.
/// (Documented as `CreationOptionsJson` where it is used.)
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct CreationOptions(pub serde_json::Value);

/// Options to sign with a key: `{"publicKey": PublicKeyCredentialRequestOptionsJSON}` (and
/// `mediation: "conditional"` for passkey autofill).
/// (Documented as `RequestOptionsJson` where it is used.)
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct RequestOptions(pub serde_json::Value);

/// A key's answer, `credential.toJSON()`: a registration (`response.attestationObject`) when a
/// key is being added, an authentication (`response.signature`) when one signs in.
/// (Documented as `CredentialJson` where it is used.)
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct CredentialResponse(pub serde_json::Value);

#[derive(Serialize, ToSchema)]
#[schema(as = CreationOptionsJson)]
pub struct CreationOptionsJson {
    #[serde(rename = "publicKey")]
    pub public_key: PublicKeyCredentialCreationOptionsJson,
}

#[derive(Serialize, ToSchema)]
#[schema(as = PublicKeyCredentialCreationOptionsJSON)]
pub struct PublicKeyCredentialCreationOptionsJson {
    pub rp: RelyingPartyJson,
    pub user: UserEntityJson,
    /// base64url.
    #[schema(example = "m4RPFbzpnoCUydrnMi8Kr-mhsIJg1oc5k0gEkW_SKZQ")]
    pub challenge: String,
    #[serde(rename = "pubKeyCredParams")]
    pub pub_key_cred_params: Vec<CredentialParameterJson>,
    /// Milliseconds.
    pub timeout: Option<u32>,
    /// The user's keys already registered: the browser refuses to register one twice.
    #[serde(rename = "excludeCredentials")]
    pub exclude_credentials: Option<Vec<CredentialDescriptorJson>>,
    #[serde(rename = "authenticatorSelection")]
    pub authenticator_selection: Option<AuthenticatorSelectionJson>,
    pub hints: Option<Vec<String>>,
    /// `none`: Latchkey asks for no attestation (an AAGUID is the authenticator's own claim).
    #[schema(example = "none")]
    pub attestation: Option<String>,
    /// `credProps` (is the credential discoverable), `credProtect`, `uvm`.
    #[schema(value_type = Option<std::collections::HashMap<String, serde_json::Value>>)]
    pub extensions: Option<serde_json::Value>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = PublicKeyCredentialRpEntityJSON)]
pub struct RelyingPartyJson {
    /// The relying-party id: the tenant's `webauthn_rp_id`, or its default.
    #[schema(example = "acme.example", pattern = "^[a-z0-9.-]+$")]
    pub id: String,
    #[schema(example = "Acme Clinic")]
    pub name: String,
}

#[derive(Serialize, ToSchema)]
#[schema(as = PublicKeyCredentialUserEntityJSON)]
pub struct UserEntityJson {
    /// base64url of the user's id (16 bytes): the user handle a passkey answers with.
    #[schema(pattern = "^[A-Za-z0-9_-]+$")]
    pub id: String,
    #[schema(example = "alice@example.com")]
    pub name: String,
    #[serde(rename = "displayName")]
    #[schema(example = "Alice Martin")]
    pub display_name: String,
}

#[derive(Serialize, ToSchema)]
#[schema(as = PublicKeyCredentialParametersJSON)]
pub struct CredentialParameterJson {
    #[serde(rename = "type")]
    #[schema(example = "public-key")]
    pub type_: String,
    /// A COSE algorithm: -7 (ES256), -257 (RS256), -8 (EdDSA).
    #[schema(example = -7)]
    pub alg: i32,
}

#[derive(Serialize, ToSchema)]
#[schema(as = PublicKeyCredentialDescriptorJSON)]
pub struct CredentialDescriptorJson {
    #[serde(rename = "type")]
    #[schema(example = "public-key")]
    pub type_: String,
    /// The credential id, base64url.
    #[schema(pattern = "^[A-Za-z0-9_-]+$")]
    pub id: String,
    /// `usb`, `nfc`, `ble`, `internal`, `hybrid`.
    pub transports: Option<Vec<String>>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = AuthenticatorSelectionCriteriaJSON)]
pub struct AuthenticatorSelectionJson {
    #[serde(rename = "authenticatorAttachment")]
    pub authenticator_attachment: Option<String>,
    /// `required` for a passkey (discoverable), `discouraged` for a second-factor key.
    #[serde(rename = "residentKey")]
    #[schema(example = "required")]
    pub resident_key: Option<String>,
    #[serde(rename = "requireResidentKey")]
    pub require_resident_key: Option<bool>,
    /// `required` for a passkey, `preferred` for a second-factor key.
    #[serde(rename = "userVerification")]
    #[schema(example = "required")]
    pub user_verification: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = RequestOptionsJson)]
pub struct RequestOptionsJson {
    #[serde(rename = "publicKey")]
    pub public_key: PublicKeyCredentialRequestOptionsJson,
    /// `conditional` for passkey autofill (`navigator.credentials.get({mediation: "conditional"})`).
    #[schema(example = "conditional")]
    pub mediation: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = PublicKeyCredentialRequestOptionsJSON)]
pub struct PublicKeyCredentialRequestOptionsJson {
    /// base64url.
    pub challenge: String,
    /// Milliseconds.
    pub timeout: Option<u32>,
    #[serde(rename = "rpId")]
    #[schema(example = "acme.example")]
    pub rp_id: Option<String>,
    /// The user's keys; empty at a passkey sign-in (the passkey names its user).
    #[serde(rename = "allowCredentials")]
    pub allow_credentials: Option<Vec<CredentialDescriptorJson>>,
    #[serde(rename = "userVerification")]
    #[schema(example = "preferred")]
    pub user_verification: Option<String>,
    pub hints: Option<Vec<String>>,
    #[schema(value_type = Option<std::collections::HashMap<String, serde_json::Value>>)]
    pub extensions: Option<serde_json::Value>,
}

/// `credential.toJSON()` of a registration or an authentication.
#[derive(Serialize, ToSchema)]
#[schema(as = CredentialJson)]
#[serde(untagged)]
pub enum CredentialJson {
    #[schema(title = "RegistrationResponseJSON")]
    Registration(RegistrationResponseJson),
    #[schema(title = "AuthenticationResponseJSON")]
    Authentication(AuthenticationResponseJson),
}

#[derive(Serialize, ToSchema)]
#[schema(as = RegistrationResponseJSON)]
pub struct RegistrationResponseJson {
    /// The credential id, base64url.
    #[schema(pattern = "^[A-Za-z0-9_-]+$")]
    pub id: String,
    #[serde(rename = "rawId")]
    pub raw_id: String,
    #[serde(rename = "type")]
    #[schema(example = "public-key")]
    pub type_: String,
    pub response: AttestationResponseJson,
    #[serde(rename = "authenticatorAttachment")]
    pub authenticator_attachment: Option<String>,
    /// What the browser reports of extensions (`credProps.rk`: the credential is discoverable).
    #[serde(rename = "clientExtensionResults")]
    #[schema(value_type = std::collections::HashMap<String, serde_json::Value>)]
    pub client_extension_results: serde_json::Value,
}

#[derive(Serialize, ToSchema)]
#[schema(as = AuthenticatorAttestationResponseJSON)]
pub struct AttestationResponseJson {
    /// base64url.
    #[serde(rename = "clientDataJSON")]
    pub client_data_json: String,
    /// base64url CBOR.
    #[serde(rename = "attestationObject")]
    pub attestation_object: String,
    pub transports: Option<Vec<String>>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = AuthenticationResponseJSON)]
pub struct AuthenticationResponseJson {
    /// The credential id, base64url.
    #[schema(pattern = "^[A-Za-z0-9_-]+$")]
    pub id: String,
    #[serde(rename = "rawId")]
    pub raw_id: String,
    #[serde(rename = "type")]
    #[schema(example = "public-key")]
    pub type_: String,
    pub response: AssertionResponseJson,
    #[serde(rename = "authenticatorAttachment")]
    pub authenticator_attachment: Option<String>,
    #[serde(rename = "clientExtensionResults")]
    #[schema(value_type = std::collections::HashMap<String, serde_json::Value>)]
    pub client_extension_results: serde_json::Value,
}

#[derive(Serialize, ToSchema)]
#[schema(as = AuthenticatorAssertionResponseJSON)]
pub struct AssertionResponseJson {
    #[serde(rename = "clientDataJSON")]
    pub client_data_json: String,
    #[serde(rename = "authenticatorData")]
    pub authenticator_data: String,
    pub signature: String,
    /// The user handle (base64url of the user's id); present for a passkey.
    #[serde(rename = "userHandle")]
    pub user_handle: Option<String>,
}
