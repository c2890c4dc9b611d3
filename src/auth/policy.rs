//! The second-factor decision, in one function so it can grow (trusted networks, groups, …).

use crate::error::AppError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TwoFactorMode {
    /// No second factor is asked.
    Off,
    /// Users who set up a method are asked for it; others log in with the password.
    Optional,
    /// Everyone must; users with no method enroll at login.
    Required,
}

impl TwoFactorMode {
    pub fn parse(s: &str) -> Result<Self, AppError> {
        match s {
            "off" => Ok(Self::Off),
            "optional" => Ok(Self::Optional),
            "required" => Ok(Self::Required),
            _ => Err(AppError::validation("invalid_two_factor", "two_factor must be off, optional or required")),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Optional => "optional",
            Self::Required => "required",
        }
    }
}

/// What is known about a login once the password was right.
#[derive(Debug, Clone, Copy)]
pub struct LoginFacts {
    pub mode: TwoFactorMode,
    pub user_exempt: bool,
    pub has_active_method: bool,
    /// The client presented a live remember-device token of this user.
    pub remembered_device: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Issue tokens now.
    Authenticate,
    /// Ask for a code from one of the user's methods.
    SecondFactor,
    /// The user must set up a method, then prove it.
    Enroll,
}

pub fn decide(facts: LoginFacts) -> Decision {
    if facts.mode == TwoFactorMode::Off || facts.user_exempt || facts.remembered_device {
        return Decision::Authenticate;
    }
    match (facts.mode, facts.has_active_method) {
        (_, true) => Decision::SecondFactor,
        (TwoFactorMode::Required, false) => Decision::Enroll,
        _ => Decision::Authenticate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(mode: TwoFactorMode, has_active_method: bool) -> LoginFacts {
        LoginFacts { mode, user_exempt: false, has_active_method, remembered_device: false }
    }

    #[test]
    fn the_decision_table() {
        use Decision::*;
        use TwoFactorMode::*;
        assert_eq!(decide(facts(Off, true)), Authenticate);
        assert_eq!(decide(facts(Optional, false)), Authenticate);
        assert_eq!(decide(facts(Optional, true)), SecondFactor);
        assert_eq!(decide(facts(Required, true)), SecondFactor);
        assert_eq!(decide(facts(Required, false)), Enroll);
        assert_eq!(decide(LoginFacts { user_exempt: true, ..facts(Required, false) }), Authenticate);
        assert_eq!(decide(LoginFacts { remembered_device: true, ..facts(Required, true) }), Authenticate);
    }
}
