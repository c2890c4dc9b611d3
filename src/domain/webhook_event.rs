//! The security events a tenant's webhooks can receive: a public contract, so names are stable
//! and each maps from what the audit trail records.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{AuditEvent, AuditOutcome};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    ToSchema,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
pub enum WebhookEvent {
    /// A session was issued (password, second factor, skipped enrollment or remembered device).
    #[strum(serialize = "login.succeeded")]
    #[serde(rename = "login.succeeded")]
    LoginSucceeded,
    /// A wrong password for a known user.
    #[strum(serialize = "login.failed")]
    #[serde(rename = "login.failed")]
    LoginFailed,
    /// A wrong second-factor or recovery code.
    #[strum(serialize = "login.second_factor_failed")]
    #[serde(rename = "login.second_factor_failed")]
    LoginSecondFactorFailed,
    /// A key's signature counter went back (refused: the key may have been copied).
    #[strum(serialize = "webauthn.counter_regression")]
    #[serde(rename = "webauthn.counter_regression")]
    WebauthnCounterRegression,
    #[strum(serialize = "user.locked")]
    #[serde(rename = "user.locked")]
    UserLocked,
    #[strum(serialize = "user.unlocked")]
    #[serde(rename = "user.unlocked")]
    UserUnlocked,
    #[strum(serialize = "method.added")]
    #[serde(rename = "method.added")]
    MethodAdded,
    /// Removed by the user, or every method reset by an administrator (`detail`).
    #[strum(serialize = "method.removed")]
    #[serde(rename = "method.removed")]
    MethodRemoved,
    #[strum(serialize = "password.changed")]
    #[serde(rename = "password.changed")]
    PasswordChanged,
    /// A forgotten password was reset.
    #[strum(serialize = "password.reset")]
    #[serde(rename = "password.reset")]
    PasswordReset,
    #[strum(serialize = "recovery_codes.generated")]
    #[serde(rename = "recovery_codes.generated")]
    RecoveryCodesGenerated,
    #[strum(serialize = "device.remembered")]
    #[serde(rename = "device.remembered")]
    DeviceRemembered,
    #[strum(serialize = "device.revoked")]
    #[serde(rename = "device.revoked")]
    DeviceRevoked,
    /// A user's roles on the admin API changed (`detail`: the roles after the change).
    #[strum(serialize = "user.roles_changed")]
    #[serde(rename = "user.roles_changed")]
    UserRolesChanged,
}

impl WebhookEvent {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The webhook event an audit entry announces, if any (`login.succeeded` comes from the
    /// session itself, not from an audit entry).
    pub fn from_audit(event: AuditEvent, outcome: AuditOutcome, has_user: bool) -> Option<Self> {
        use AuditEvent as A;
        let success = outcome == AuditOutcome::Success;
        Some(match event {
            A::AccountLocked => Self::UserLocked,
            A::AccountUnlocked => Self::UserUnlocked,
            A::LoginPassword if outcome == AuditOutcome::Failure && has_user => Self::LoginFailed,
            A::Verify | A::PasskeyLogin if outcome == AuditOutcome::Failure => Self::LoginSecondFactorFailed,
            A::WebauthnCounterRegression => Self::WebauthnCounterRegression,
            A::MethodEnrolled if success => Self::MethodAdded,
            A::MethodRemoved | A::MethodsReset if success => Self::MethodRemoved,
            A::PasswordChanged if success => Self::PasswordChanged,
            A::PasswordResetCompleted if success => Self::PasswordReset,
            A::RecoveryCodesGenerated if success => Self::RecoveryCodesGenerated,
            A::DeviceRemembered if success => Self::DeviceRemembered,
            A::DeviceRevoked if success => Self::DeviceRevoked,
            A::RolesChanged if success => Self::UserRolesChanged,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_events_reach_the_webhooks() {
        use AuditEvent as A;
        use AuditOutcome as O;
        assert_eq!(
            WebhookEvent::from_audit(A::WebauthnCounterRegression, O::Failure, true),
            Some(WebhookEvent::WebauthnCounterRegression)
        );
        assert_eq!(
            WebhookEvent::from_audit(A::PasskeyLogin, O::Failure, true),
            Some(WebhookEvent::LoginSecondFactorFailed)
        );
        assert_eq!(
            WebhookEvent::from_audit(A::PasskeyLogin, O::Success, true),
            None,
            "login.succeeded comes from the session"
        );
        assert_eq!(WebhookEvent::WebauthnCounterRegression.as_str(), "webauthn.counter_regression");
    }
}
