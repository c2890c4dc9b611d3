//! The WebAuthn Level 3 JSON forms as the API sends and takes them, for the OpenAPI document
//! and the typed client. The server builds and reads them with webauthn-rs; the shapes here
//! describe that JSON (a browser passes options straight to
//! `PublicKeyCredential.parseCreationOptionsFromJSON` / `parseRequestOptionsFromJSON`, and
//! sends back `credential.toJSON()`).

// The shapes below are documentation: the JSON is built and read by webauthn-rs.
#![allow(dead_code)]

use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::Object;
use utoipa::ToSchema;

/// Unpadded base64url whose last character carries no stray bits: what the server decodes.
const BASE64URL: &str = "^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-][AQgw]|[A-Za-z0-9_-]{2}[AEIMQUYcgkosw048])?$";

/// Bytes as unpadded base64url.
pub fn base64url() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(BASE64URL))
        .description(Some("Bytes, as unpadded base64url."))
        .build()
}

/// Bytes as unpadded base64url, or `null`.
pub fn base64url_or_null() -> Object {
    ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::SchemaType::from_iter([Type::String, Type::Null]))
        .pattern(Some(BASE64URL))
        .description(Some("Bytes, as unpadded base64url."))
        .build()
}

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
    Registration(RegistrationResponseJson),
    Authentication(AuthenticationResponseJson),
}

#[derive(Serialize, ToSchema)]
#[schema(as = RegistrationResponseJSON)]
pub struct RegistrationResponseJson {
    /// The credential id, base64url.
    #[schema(pattern = "^[A-Za-z0-9_-]+$")]
    pub id: String,
    #[serde(rename = "rawId")]
    #[schema(schema_with = base64url)]
    pub raw_id: String,
    #[serde(rename = "type")]
    #[schema(example = "public-key")]
    pub type_: String,
    pub response: AttestationResponseJson,
    #[serde(rename = "authenticatorAttachment")]
    pub authenticator_attachment: Option<String>,
    /// What the browser reports of extensions (`credProps.rk`: the credential is discoverable).
    #[serde(rename = "clientExtensionResults")]
    pub client_extension_results: RegistrationExtensionsJson,
}

#[derive(Serialize, ToSchema)]
#[schema(as = AuthenticationExtensionsClientOutputsJSON)]
pub struct RegistrationExtensionsJson {
    pub appid: Option<bool>,
    #[serde(rename = "credProps")]
    pub cred_props: Option<CredPropsJson>,
    #[serde(rename = "hmacCreateSecret")]
    pub hmac_create_secret: Option<bool>,
    #[serde(rename = "credProtect")]
    pub cred_protect: Option<CredProtectJson>,
    #[serde(rename = "minPinLength")]
    #[schema(minimum = 0, maximum = 4294967295_u64)]
    pub min_pin_length: Option<u32>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum CredProtectJson {
    UserVerificationOptional,
    #[serde(rename = "userVerificationOptionalWithCredentialIDList")]
    UserVerificationOptionalWithCredentialIdList,
    UserVerificationRequired,
}

#[derive(Serialize, ToSchema)]
#[schema(as = CredentialPropertiesOutput)]
pub struct CredPropsJson {
    /// The credential is discoverable (a passkey sign-in finds it).
    pub rk: Option<bool>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = AuthenticatorAttestationResponseJSON)]
pub struct AttestationResponseJson {
    #[serde(rename = "clientDataJSON")]
    #[schema(schema_with = base64url)]
    pub client_data_json: String,
    /// CBOR, base64url.
    #[serde(rename = "attestationObject")]
    #[schema(schema_with = base64url)]
    pub attestation_object: String,
    pub transports: Option<Vec<String>>,
    /// What browsers add for convenience (not read: the attestation object holds them).
    #[serde(rename = "authenticatorData")]
    pub authenticator_data: Option<String>,
    #[serde(rename = "publicKey")]
    pub public_key: Option<String>,
    #[serde(rename = "publicKeyAlgorithm")]
    pub public_key_algorithm: Option<i64>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = AuthenticationResponseJSON)]
pub struct AuthenticationResponseJson {
    /// The credential id, base64url.
    #[schema(pattern = "^[A-Za-z0-9_-]+$")]
    pub id: String,
    #[serde(rename = "rawId")]
    #[schema(schema_with = base64url)]
    pub raw_id: String,
    #[serde(rename = "type")]
    #[schema(example = "public-key")]
    pub type_: String,
    pub response: AssertionResponseJson,
    #[serde(rename = "authenticatorAttachment")]
    pub authenticator_attachment: Option<String>,
    #[serde(rename = "clientExtensionResults")]
    pub client_extension_results: AuthenticationExtensionsJson,
}

#[derive(Serialize, ToSchema)]
#[schema(as = AuthenticationExtensionsClientOutputsJSONForAssertion)]
pub struct AuthenticationExtensionsJson {
    pub appid: Option<bool>,
    #[serde(rename = "hmacGetSecret")]
    pub hmac_get_secret: Option<HmacGetSecretJson>,
}

#[derive(Serialize, ToSchema)]
pub struct HmacGetSecretJson {
    #[schema(schema_with = base64url)]
    pub output1: String,
    #[schema(schema_with = base64url_or_null)]
    pub output2: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = AuthenticatorAssertionResponseJSON)]
pub struct AssertionResponseJson {
    #[serde(rename = "clientDataJSON")]
    #[schema(schema_with = base64url)]
    pub client_data_json: String,
    #[serde(rename = "authenticatorData")]
    #[schema(schema_with = base64url)]
    pub authenticator_data: String,
    #[schema(schema_with = base64url)]
    pub signature: String,
    /// The user handle (base64url of the user's id); present for a passkey.
    #[serde(rename = "userHandle")]
    #[schema(schema_with = base64url_or_null)]
    pub user_handle: Option<String>,
}
