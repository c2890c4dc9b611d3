//! Closed sets stored as TEXT (with a CHECK constraint in both migration trees). Matches on them
//! are exhaustive: a new variant makes the compiler list every place to change.

use super::sql_text::closed_set;

closed_set! {
    /// A kind of second-factor method.
    pub enum MethodKind ("method kind") {
        /// An authenticator app (RFC 6238).
        Totp,
        /// A code sent by SMS.
        Sms,
        /// A code sent by email.
        Email,
        /// A security key or passkey (WebAuthn): a signature, no code.
        Webauthn,
    }
}

impl MethodKind {
    /// The RFC 8176 method reference of a kind.
    pub fn amr(self) -> &'static str {
        match self {
            MethodKind::Totp => "otp",
            MethodKind::Sms => "sms",
            MethodKind::Email => "otp",
            MethodKind::Webauthn => "hwk",
        }
    }

    /// Whether Latchkey sends the code (SMS, email) rather than the user's app computing it.
    pub fn is_delivered(self) -> bool {
        match self {
            MethodKind::Totp | MethodKind::Webauthn => false,
            MethodKind::Sms | MethodKind::Email => true,
        }
    }
}

closed_set! {
    /// Whether a method was confirmed by a code from it.
    pub enum MethodStatus ("method status") {
        /// Set up but not yet confirmed by a code.
        Pending,
        /// Confirmed; may be asked for at login.
        Active,
    }
}

closed_set! {
    /// What a login challenge is waiting for.
    pub enum ChallengePurpose ("challenge purpose") {
        /// A code from one of the user's active methods.
        Verify,
        /// The user must set up a method (policy requires one), then prove it.
        Enroll,
        /// The user is invited to set up a method and may skip (policy `prompted`).
        EnrollSuggested,
    }
}

impl ChallengePurpose {
    pub fn is_enrollment(self) -> bool {
        match self {
            ChallengePurpose::Verify => false,
            ChallengePurpose::Enroll | ChallengePurpose::EnrollSuggested => true,
        }
    }
}

closed_set! {
    /// A second-factor rule, from the most lenient to the strictest (the order is the derive's).
    pub enum TwoFactorMode ("two-factor mode") {
        /// No second factor is asked.
        Off,
        /// Users who set up a method are asked for it; the others are not prompted.
        Optional,
        /// Users without a method are prompted to set one up at login and may skip.
        Prompted,
        /// Everyone; users with no method set one up at login.
        Required,
    }
}

closed_set! {
    /// What caused an account lock: which guessing counter reached its threshold.
    pub enum LockReason ("lock reason") {
        Password,
        SecondFactor,
    }
}

closed_set! {
    /// A group's second-factor rule: `inherit` defers to the tenant; the others are a mode the
    /// group's members get at least (the strictest of tenant and groups wins).
    pub enum GroupRule ("group rule") {
        Inherit,
        Optional,
        Prompted,
        Required,
    }
}

impl GroupRule {
    /// The mode this rule asks for, if any.
    pub fn mode(self) -> Option<TwoFactorMode> {
        match self {
            GroupRule::Inherit => None,
            GroupRule::Optional => Some(TwoFactorMode::Optional),
            GroupRule::Prompted => Some(TwoFactorMode::Prompted),
            GroupRule::Required => Some(TwoFactorMode::Required),
        }
    }
}

closed_set! {
    /// Where a tenant's users prove who they are first.
    #[derive(Default)]
    pub enum SignInSource ("sign-in source") {
        /// Latchkey checks the password.
        #[default]
        Password,
        /// The tenant signs in through SAML2/OIDC elsewhere; Latchkey's password login and second
        /// factor are not used.
        Sso,
    }
}

closed_set! {
    /// What a user may do on their tenant's admin API, ordered: an owner can do all an admin can.
    pub enum Role ("role") {
        /// Users, their methods and devices, locks, invitations, password-reset links, group
        /// membership, the audit trail, the outbox.
        Admin,
        /// Also the tenant's security settings, groups' rules, webhooks, API keys and roles.
        Owner,
    }
}

closed_set! {
    /// What a tenant API key may do: `introspect` (token checks), `admin` (also the tenant's admin
    /// API, as an admin and for groups' rules and webhooks; `admin` includes `introspect`).
    pub enum KeyScope ("key scope") {
        Introspect,
        Admin,
    }
}

impl TwoFactorMode {
    pub fn as_verb(self) -> &'static str {
        match self {
            TwoFactorMode::Off => "turns off",
            TwoFactorMode::Optional => "makes optional",
            TwoFactorMode::Prompted => "prompts for",
            TwoFactorMode::Required => "requires",
        }
    }
}

closed_set! {
    /// Who may reset a forgotten password (tenant setting `password_reset`).
    #[derive(Default)]
    pub enum PasswordResetMode ("password reset mode") {
        /// Every user, with a code to a verified address or phone, then their second factor.
        #[default]
        SelfService,
        /// Users without a second factor; users with one ask an administrator (promio.connect).
        SelfServiceWithoutSecondFactorUsers,
        /// Only an administrator (`POST /admin/tenants/{slug}/users/{id}/password-reset`).
        AdminOnly,
    }
}

closed_set! {
    /// How a password reset proves the address: a 6-digit code the user asked for, or a link an
    /// administrator sent.
    pub enum ResetVia ("reset via") {
        Code,
        Link,
    }
}

closed_set! {
    /// How a password reset ended.
    pub enum ResetOutcome ("reset outcome") {
        /// The new password was set.
        Completed,
        /// A newer reset (or an administrator's link, or a completed reset) replaced it.
        Superseded,
    }
}

closed_set! {
    /// Where a message goes.
    pub enum Channel ("channel") {
        Sms,
        Email,
    }
}

closed_set! {
    /// The life of an outbox message: `queued` → `sending` (leased by one sender) → `sent`;
    /// `failed` when the provider refused it for good, `expired` when it outlived its content.
    pub enum OutboxStatus ("outbox status") {
        Queued,
        Sending,
        Sent,
        Failed,
        Expired,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray;

    #[test]
    fn every_kind_round_trips_through_its_text() {
        for kind in MethodKind::VARIANTS {
            assert_eq!(kind.as_str().parse::<MethodKind>().ok(), Some(*kind));
            assert_eq!(serde_json::to_value(kind).ok(), Some(serde_json::Value::from(kind.as_str())));
        }
        for mode in TwoFactorMode::VARIANTS {
            assert_eq!(mode.as_str().parse::<TwoFactorMode>().ok(), Some(*mode));
        }
        assert!("u2f".parse::<MethodKind>().is_err());
        assert!(MethodKind::from_stored("TOTP".into()).is_err());
    }

    #[test]
    fn modes_order_from_lenient_to_strict() {
        use TwoFactorMode::*;
        assert!(Off < Optional && Optional < Prompted && Prompted < Required);
        assert_eq!([Optional, Required, Prompted].into_iter().max(), Some(Required));
    }

    #[test]
    fn amr_follows_rfc_8176() {
        assert_eq!(MethodKind::Sms.amr(), "sms");
        assert_eq!(MethodKind::Totp.amr(), "otp");
        assert_eq!(MethodKind::Email.amr(), "otp");
    }
}
