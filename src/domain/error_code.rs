//! Every error code a client can see: a closed set, serialized snake_case. Clients switch on
//! these; renaming one is a breaking change.

use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ToSchema, strum::IntoStaticStr, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ErrorCode {
    // Requests that do not fit
    MalformedJson,
    InvalidBody,
    InvalidPath,
    InvalidQuery,
    InvalidCursor,
    InvalidEvent,
    InvalidTime,
    InvalidAuditRetention,
    InvalidWebhookUrl,
    WebhookNotFound,
    TooManyWebhooks,
    PayloadTooLarge,
    UnsupportedMediaType,
    NotFound,
    /// The path is an endpoint, but not for this HTTP method (405, with `Allow`).
    HttpMethodNotAllowed,
    /// The request's `Origin` is not in `LATCHKEY_CORS_ORIGINS`.
    OriginNotAllowed,
    InvalidId,
    InvalidSlug,
    InvalidUsername,
    InvalidName,
    InvalidDisplayName,
    InvalidEmail,
    InvalidPhoneNumber,
    InvalidLimit,
    InvalidKind,
    InvalidTwoFactor,
    InvalidTotpAlgorithm,
    InvalidTotpDigits,
    InvalidTotpPeriod,
    InvalidLockoutThreshold,
    InvalidLockoutDuration,
    InvalidRememberDeviceDays,
    InvalidCidr,
    InvalidIp,
    InvalidSignIn,
    InvalidUrl,
    InvalidAllowedMethods,
    InvalidPasswordResetMode,
    PasswordTooShort,
    PasswordTooLong,
    PasswordEqualsEmail,
    PasswordEqualsUsername,
    PasswordTooCommon,
    InvalidCurrentPassword,
    CodeRequired,
    PhoneNumberRequired,
    // Who is calling
    MissingCredentials,
    InvalidCredentials,
    InvalidToken,
    InvalidApiKey,
    InvalidGrant,
    Forbidden,
    SecondFactorRequired,
    /// The user's role does not allow this on the admin API (none, or admin where owner is needed).
    InsufficientRole,
    /// The tenant API key's scopes do not include the admin API.
    InsufficientScope,
    /// An administrator's session did not pass a second factor.
    MfaRequired,
    /// A sensitive admin action needs a sign-in with the second factor in the last 10 minutes.
    StepUpRequired,
    /// An admin may not act on an owner's account.
    OwnerProtected,
    /// The change would leave the tenant without an owner.
    LastOwner,
    // Second factor
    InvalidCode,
    AccountLocked,
    /// A security key's or passkey's answer did not verify.
    InvalidCredential,
    /// The key signed without its PIN or fingerprint where one is needed.
    UserVerificationRequired,
    /// The tenant's `webauthn_allowed_aaguids` does not list this authenticator model.
    AuthenticatorNotAllowed,
    /// The tenant has no relying-party id a browser accepts (an IP address, or none).
    WebauthnUnavailable,
    /// The tenant does not allow passkey sign-in (`passkey_sign_in`).
    PasskeySignInDisabled,
    /// The method in play takes another kind of proof (a code, or a key's answer).
    WrongProof,
    /// `credential` has the shape of a WebAuthn response but does not read as one.
    MalformedCredential,
    /// Revoking this platform admin key would leave none.
    LastAdminKey,
    ChallengeExpired,
    ChallengeUsed,
    EnrollmentIncomplete,
    EnrollmentRequired,
    NotEnrolling,
    NotVerifying,
    NotResendable,
    NoMethod,
    NoMethodChosen,
    MethodNotActive,
    MethodNotAllowed,
    AlreadyConfirmed,
    LastMethod,
    ResendTooSoon,
    ResendLimitReached,
    DeliveryFailed,
    /// Not an error: the gateway failed in a way the outbox retries, so the code will arrive
    /// later (in `delivery_error` of an answer with `code_sent: false`).
    DeliveryDelayed,
    TooManyMessages,
    SmsBudgetExhausted,
    SmsCountryNotAllowed,
    InvalidCountry,
    InvalidWebauthnRpId,
    InvalidLimits,
    // Policy
    GroupNotFound,
    GroupExists,
    SsoRequired,
    TwoFactorUnavailable,
    // Admin
    TenantExists,
    EmailTaken,
    UsernameTaken,
    PublicUrlRequired,
    InvitationNotFound,
    InvitationExpired,
    InvalidExpiry,
    // Password reset
    PasswordResetDisabled,
    PasswordResetNotFound,
    PasswordResetExpired,
    PasswordResetIncomplete,
    UserInactive,
    InvitationPending,
    // The server
    RateLimited,
    Overloaded,
    DatabaseUnavailable,
    InternalError,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Input that does not parse into a domain type: the code and a message for the client.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Invalid {
    pub code: ErrorCode,
    pub message: String,
}

impl Invalid {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray;

    #[test]
    fn codes_are_snake_case_and_serialize_as_their_text() {
        for code in ErrorCode::VARIANTS {
            let text = code.as_str();
            assert!(text.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{text}");
            assert_eq!(serde_json::to_value(code).ok(), Some(serde_json::Value::from(text)));
        }
        assert_eq!(ErrorCode::InvalidTotpAlgorithm.as_str(), "invalid_totp_algorithm");
    }
}
