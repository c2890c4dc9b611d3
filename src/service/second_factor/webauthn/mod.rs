//! Security keys and passkeys (WebAuthn), through webauthn-rs: the relying party of a tenant,
//! registering a key, a key as the second factor, and signing in with a passkey alone.
//!
//! Ceremony state never goes to the client: a registration's lives on its pending method, an
//! authentication's on the login challenge (or the passkey sign-in), so any instance finishes
//! what another started, and each is used once. Options and answers are the WebAuthn Level 3
//! JSON forms (`PublicKeyCredential.parseCreationOptionsFromJSON`, `credential.toJSON()`).

pub mod assertion;
pub mod credential_data;
pub mod passkey_login;
pub mod registration;
pub mod relying_party;
pub mod wire;

use webauthn_rs::prelude::WebauthnError;

/// Why a key's answer was refused (each counts towards the lockout like a wrong code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// It did not verify: signature, challenge, origin, relying party, type, presence, a key
    /// that is not one of the account's.
    Invalid,
    /// The key signed without user verification where it was required.
    UserNotVerified,
    /// A counter that did not go up: a cloned key, or a replayed answer.
    CounterRegression,
}

impl Refusal {
    pub fn of(error: &WebauthnError) -> Self {
        match error {
            WebauthnError::UserNotVerified => Refusal::UserNotVerified,
            WebauthnError::CredentialPossibleCompromise => Refusal::CounterRegression,
            _ => Refusal::Invalid,
        }
    }
}
