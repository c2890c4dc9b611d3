//! The second-factor decision, in one function so it can grow (trusted networks, groups, …).

pub use crate::domain::TwoFactorMode;

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
