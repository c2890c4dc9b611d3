//! What the audit trail can say: event names and outcomes as closed sets.

use serde::Serialize;
use utoipa::ToSchema;

use super::sql_text::text_enum;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    ToSchema,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
    diesel::AsExpression,
    diesel::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum AuditEvent {
    #[strum(serialize = "login.password")]
    #[serde(rename = "login.password")]
    LoginPassword,
    #[strum(serialize = "login.enrollment_skipped")]
    #[serde(rename = "login.enrollment_skipped")]
    EnrollmentSkipped,
    #[strum(serialize = "login.trusted_network")]
    #[serde(rename = "login.trusted_network")]
    TrustedNetwork,
    #[strum(serialize = "login.exempt")]
    #[serde(rename = "login.exempt")]
    Exempt,
    #[strum(serialize = "second_factor.challenge")]
    #[serde(rename = "second_factor.challenge")]
    Challenge,
    #[strum(serialize = "second_factor.enrollment_required")]
    #[serde(rename = "second_factor.enrollment_required")]
    EnrollmentRequired,
    #[strum(serialize = "second_factor.enrollment_suggested")]
    #[serde(rename = "second_factor.enrollment_suggested")]
    EnrollmentSuggested,
    #[strum(serialize = "second_factor.code_resent")]
    #[serde(rename = "second_factor.code_resent")]
    CodeResent,
    #[strum(serialize = "second_factor.method_switched")]
    #[serde(rename = "second_factor.method_switched")]
    MethodSwitched,
    #[strum(serialize = "second_factor.unfinished")]
    #[serde(rename = "second_factor.unfinished")]
    SecondFactorUnfinished,
    #[strum(serialize = "second_factor.verify")]
    #[serde(rename = "second_factor.verify")]
    Verify,
    #[strum(serialize = "method.confirm")]
    #[serde(rename = "method.confirm")]
    MethodConfirm,
    #[strum(serialize = "method.enrolled")]
    #[serde(rename = "method.enrolled")]
    MethodEnrolled,
    #[strum(serialize = "method.enrollment_started")]
    #[serde(rename = "method.enrollment_started")]
    EnrollmentStarted,
    #[strum(serialize = "method.primary_changed")]
    #[serde(rename = "method.primary_changed")]
    PrimaryChanged,
    #[strum(serialize = "method.removed")]
    #[serde(rename = "method.removed")]
    MethodRemoved,
    #[strum(serialize = "method.reset_by_admin")]
    #[serde(rename = "method.reset_by_admin")]
    MethodsReset,
    #[strum(serialize = "recovery_codes.generated")]
    #[serde(rename = "recovery_codes.generated")]
    RecoveryCodesGenerated,
    #[strum(serialize = "device.remembered")]
    #[serde(rename = "device.remembered")]
    DeviceRemembered,
    #[strum(serialize = "device.revoked")]
    #[serde(rename = "device.revoked")]
    DeviceRevoked,
    #[strum(serialize = "password.changed")]
    #[serde(rename = "password.changed")]
    PasswordChanged,
    #[strum(serialize = "login.passkey")]
    #[serde(rename = "login.passkey")]
    PasskeyLogin,
    #[strum(serialize = "webauthn.counter_regression")]
    #[serde(rename = "webauthn.counter_regression")]
    WebauthnCounterRegression,
    #[strum(serialize = "account.locked")]
    #[serde(rename = "account.locked")]
    AccountLocked,
    #[strum(serialize = "account.unlocked")]
    #[serde(rename = "account.unlocked")]
    AccountUnlocked,
    #[strum(serialize = "user.exemption_changed")]
    #[serde(rename = "user.exemption_changed")]
    ExemptionChanged,
    #[strum(serialize = "user.invited")]
    #[serde(rename = "user.invited")]
    UserInvited,
    #[strum(serialize = "invitation.revoked")]
    #[serde(rename = "invitation.revoked")]
    InvitationRevoked,
    #[strum(serialize = "invitation.accepted")]
    #[serde(rename = "invitation.accepted")]
    InvitationAccepted,
    #[strum(serialize = "password_reset.requested")]
    #[serde(rename = "password_reset.requested")]
    PasswordResetRequested,
    #[strum(serialize = "password_reset.link_sent")]
    #[serde(rename = "password_reset.link_sent")]
    PasswordResetLinkSent,
    #[strum(serialize = "password_reset.verify")]
    #[serde(rename = "password_reset.verify")]
    PasswordResetVerify,
    #[strum(serialize = "password_reset.second_factor")]
    #[serde(rename = "password_reset.second_factor")]
    PasswordResetSecondFactor,
    #[strum(serialize = "password_reset.completed")]
    #[serde(rename = "password_reset.completed")]
    PasswordResetCompleted,
    #[strum(serialize = "user.phone_number_changed")]
    #[serde(rename = "user.phone_number_changed")]
    PhoneNumberChanged,
    #[strum(serialize = "user.groups_changed")]
    #[serde(rename = "user.groups_changed")]
    GroupsChanged,
    #[strum(serialize = "delivery.refused")]
    #[serde(rename = "delivery.refused")]
    DeliveryRefused,
    #[strum(serialize = "tenant.sms_budget_topped_up")]
    #[serde(rename = "tenant.sms_budget_topped_up")]
    SmsBudgetToppedUp,
    #[strum(serialize = "tenant.sms_budget_low")]
    #[serde(rename = "tenant.sms_budget_low")]
    SmsBudgetLow,
    #[strum(serialize = "tenant.policy_changed")]
    #[serde(rename = "tenant.policy_changed")]
    PolicyChanged,
    #[strum(serialize = "user.roles_changed")]
    #[serde(rename = "user.roles_changed")]
    RolesChanged,
    #[strum(serialize = "user.updated")]
    #[serde(rename = "user.updated")]
    UserUpdated,
    #[strum(serialize = "user.created")]
    #[serde(rename = "user.created")]
    UserCreated,
    #[strum(serialize = "user.deactivated")]
    #[serde(rename = "user.deactivated")]
    UserDeactivated,
    #[strum(serialize = "tenant.api_key_created")]
    #[serde(rename = "tenant.api_key_created")]
    ApiKeyCreated,
    #[strum(serialize = "tenant.api_key_revoked")]
    #[serde(rename = "tenant.api_key_revoked")]
    ApiKeyRevoked,
}

text_enum!(AuditEvent, "audit event");

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    ToSchema,
    strum::IntoStaticStr,
    strum::EnumString,
    diesel::AsExpression,
    diesel::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum AuditOutcome {
    Success,
    /// A wrong password or code that was counted towards the lockout, or a refusal.
    Failure,
    /// An attempt refused because the account was already locked (nothing counted).
    Locked,
}

text_enum!(AuditOutcome, "audit outcome");

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray;

    #[test]
    fn event_names_round_trip() {
        for event in AuditEvent::VARIANTS {
            assert_eq!(AuditEvent::from_stored(event.as_str().to_owned()).ok(), Some(*event));
            assert_eq!(serde_json::to_value(event).ok(), Some(serde_json::Value::from(event.as_str())));
        }
    }
}
