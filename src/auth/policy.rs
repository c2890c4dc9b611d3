//! The second-factor policy: one pure function from the facts of a login to a decision, with the
//! reasons that led to it, in the order they were weighed. No actix, no diesel: the facts are
//! gathered in one place (`service::policy`) and handed in.
//!
//! The order: sign-in source → effective mode (tenant and groups, strictest wins) → mode off →
//! per-user exemption → trusted network → usable methods (active and allowed) → remembered device
//! → what a user without a usable method must do under the mode.

use std::net::IpAddr;

use ipnetwork::IpNetwork;

pub use crate::domain::TwoFactorMode;
use crate::domain::{network, GroupRule, MethodKind, SignInSource};

/// Everything the decision depends on.
#[derive(Debug, Clone)]
pub struct Facts {
    pub tenant_mode: TwoFactorMode,
    pub sign_in: SignInSource,
    pub allowed_kinds: Vec<MethodKind>,
    /// The user's groups: name and rule.
    pub groups: Vec<(String, GroupRule)>,
    pub exempt: bool,
    /// Kinds of the user's active methods.
    pub active_kinds: Vec<MethodKind>,
    pub client_ip: Option<IpAddr>,
    pub trusted_networks: Vec<IpNetwork>,
    /// The client presented a live remember-device token of this user.
    pub remembered_device: bool,
    /// The user chose "do not show this again" on the enrollment prompt.
    pub prompt_dismissed: bool,
    /// The user holds a role on the admin API: always asked for a second factor, whatever the
    /// mode, with no exemption, trusted network or remembered device.
    pub administrator: bool,
}

/// Why a login is refused before any factor is weighed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefuseReason {
    /// The tenant signs in through SSO: no password login, no second factor here.
    SsoRequired,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Issue tokens now.
    Authenticate,
    /// Ask for a code from one of the user's methods of these kinds.
    SecondFactor {
        kinds: Vec<MethodKind>,
    },
    /// The user sets up a method of one of these kinds; `dismissible` under `prompted`.
    Enroll {
        kinds: Vec<MethodKind>,
        dismissible: bool,
    },
    Refuse {
        reason: RefuseReason,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub decision: Decision,
    /// The trusted network the client address matched, when that let the login through.
    pub trusted_network: Option<IpNetwork>,
    /// The mode after groups: what the user is held to.
    pub effective_mode: TwoFactorMode,
    pub reasons: Vec<String>,
}

/// The strictest of the tenant's mode and the user's groups' rules, with the reason for it.
pub fn effective_mode(tenant_mode: TwoFactorMode, groups: &[(String, GroupRule)]) -> (TwoFactorMode, String) {
    let mut mode = tenant_mode;
    let mut reason = format!("tenant {} two_factor", tenant_mode.as_verb());
    for (name, rule) in groups {
        if let Some(group_mode) = rule.mode() {
            if group_mode > mode {
                mode = group_mode;
                reason = format!("group:{name} {} two_factor", group_mode.as_verb());
            }
        }
    }
    (mode, reason)
}

pub fn evaluate(f: &Facts) -> Evaluation {
    let mut reasons = Vec::new();
    let (mut mode, mut why_mode) = effective_mode(f.tenant_mode, &f.groups);
    if f.administrator {
        mode = TwoFactorMode::Required;
        why_mode = "administrator: a second factor is always required".to_owned();
    }
    let done = |decision, reasons| Evaluation { decision, trusted_network: None, effective_mode: mode, reasons };
    if f.sign_in == SignInSource::Sso {
        reasons.push("sign-in through SSO".to_owned());
        return done(Decision::Refuse { reason: RefuseReason::SsoRequired }, reasons);
    }
    reasons.push(why_mode);
    if mode == TwoFactorMode::Off {
        return done(Decision::Authenticate, reasons);
    }
    if f.exempt && !f.administrator {
        reasons.push("exempt".to_owned());
        return done(Decision::Authenticate, reasons);
    }
    reasons.push("not exempt".to_owned());
    match f.client_ip.filter(|_| !f.administrator) {
        Some(ip) => match network::matching(&f.trusted_networks, ip) {
            Some(net) => {
                reasons.push(format!("ip {} in trusted network {net}", network::canonical_ip(ip)));
                return Evaluation { trusted_network: Some(net), ..done(Decision::Authenticate, reasons) };
            }
            None => reasons.push(format!("ip {} not in trusted networks", network::canonical_ip(ip))),
        },
        None if f.administrator => {}
        None => reasons.push("client ip unknown".to_owned()),
    }
    let mut usable: Vec<MethodKind> = f.active_kinds.iter().copied().filter(|k| f.allowed_kinds.contains(k)).collect();
    usable.sort();
    usable.dedup();
    if !usable.is_empty() {
        let names: Vec<&str> = usable.iter().map(|k| k.as_str()).collect();
        reasons.push(format!("has method {}", names.join(", ")));
        if f.remembered_device && !f.administrator {
            reasons.push("remembered device".to_owned());
            return done(Decision::Authenticate, reasons);
        }
        return done(Decision::SecondFactor { kinds: usable }, reasons);
    }
    if !f.active_kinds.is_empty() {
        // Methods of a kind the tenant no longer allows are not offered to users who have an
        // allowed one; a user with only such methods is still asked for one of them (never
        // downgraded to the password alone, and never made to enroll a new factor on the
        // strength of the password) and is told to replace it.
        let mut kinds = f.active_kinds.clone();
        kinds.sort();
        kinds.dedup();
        let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
        reasons.push(format!("has method {} of a kind no longer allowed", names.join(", ")));
        if f.remembered_device && !f.administrator {
            reasons.push("remembered device".to_owned());
            return done(Decision::Authenticate, reasons);
        }
        return done(Decision::SecondFactor { kinds }, reasons);
    }
    reasons.push("has no method".to_owned());
    let kinds = f.allowed_kinds.clone();
    match mode {
        TwoFactorMode::Off | TwoFactorMode::Optional => done(Decision::Authenticate, reasons),
        TwoFactorMode::Prompted if f.prompt_dismissed => {
            reasons.push("enrollment prompt dismissed".to_owned());
            done(Decision::Authenticate, reasons)
        }
        TwoFactorMode::Prompted => done(Decision::Enroll { kinds, dismissible: true }, reasons),
        TwoFactorMode::Required => done(Decision::Enroll { kinds, dismissible: false }, reasons),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Decision::*;
    use MethodKind::*;
    use TwoFactorMode::*;

    fn facts(mode: TwoFactorMode, active: &[MethodKind]) -> Facts {
        Facts {
            tenant_mode: mode,
            sign_in: SignInSource::Password,
            allowed_kinds: vec![Totp, Sms, Email, Webauthn],
            groups: Vec::new(),
            exempt: false,
            active_kinds: active.to_vec(),
            client_ip: Some("203.0.113.9".parse().unwrap()),
            trusted_networks: Vec::new(),
            remembered_device: false,
            prompt_dismissed: false,
            administrator: false,
        }
    }

    fn enroll(dismissible: bool) -> Decision {
        Enroll { kinds: vec![Totp, Sms, Email, Webauthn], dismissible }
    }

    #[test]
    fn the_decision_table() {
        let second = |k: &[MethodKind]| SecondFactor { kinds: k.to_vec() };
        let nets = vec!["203.0.113.0/24".parse().unwrap()];
        let clinicians = || vec![("clinicians".to_owned(), GroupRule::Required)];
        let table: Vec<(&str, Facts, Decision)> = vec![
            ("off, with a method", facts(Off, &[Totp]), Authenticate),
            ("optional, none", facts(Optional, &[]), Authenticate),
            ("optional, has one", facts(Optional, &[Totp]), second(&[Totp])),
            ("prompted, none", facts(Prompted, &[]), enroll(true)),
            ("prompted, dismissed", Facts { prompt_dismissed: true, ..facts(Prompted, &[]) }, Authenticate),
            ("prompted, has one", facts(Prompted, &[Sms]), second(&[Sms])),
            ("required, none", facts(Required, &[]), enroll(false)),
            ("required, dismissal ignored", Facts { prompt_dismissed: true, ..facts(Required, &[]) }, enroll(false)),
            ("required, has two", facts(Required, &[Sms, Totp]), second(&[Totp, Sms])),
            ("exempt", Facts { exempt: true, ..facts(Required, &[]) }, Authenticate),
            ("remembered", Facts { remembered_device: true, ..facts(Required, &[Totp]) }, Authenticate),
            ("remembered, no method", Facts { remembered_device: true, ..facts(Required, &[]) }, enroll(false)),
            ("trusted network", Facts { trusted_networks: nets.clone(), ..facts(Required, &[Totp]) }, Authenticate),
            (
                "outside the trusted network",
                Facts {
                    trusted_networks: nets.clone(),
                    client_ip: Some("198.51.100.1".parse().unwrap()),
                    ..facts(Required, &[Totp])
                },
                second(&[Totp]),
            ),
            ("group requires", Facts { groups: clinicians(), ..facts(Off, &[]) }, enroll(false)),
            ("an administrator under off", Facts { administrator: true, ..facts(Off, &[]) }, enroll(false)),
            (
                "an administrator with a key",
                Facts { administrator: true, ..facts(Off, &[Webauthn]) },
                second(&[Webauthn]),
            ),
            (
                "an administrator: no exemption, trusted network or remembered device",
                Facts {
                    administrator: true,
                    exempt: true,
                    remembered_device: true,
                    trusted_networks: nets,
                    ..facts(Optional, &[Totp])
                },
                second(&[Totp]),
            ),
            (
                "group requires, exempt",
                Facts { groups: clinicians(), exempt: true, ..facts(Optional, &[]) },
                Authenticate,
            ),
            (
                "group inherits",
                Facts { groups: vec![("staff".into(), GroupRule::Inherit)], ..facts(Optional, &[]) },
                Authenticate,
            ),
            (
                "group is more lenient than the tenant",
                Facts { groups: vec![("staff".into(), GroupRule::Optional)], ..facts(Required, &[]) },
                enroll(false),
            ),
            (
                "only a disallowed kind: still asked for it, never downgraded",
                Facts { allowed_kinds: vec![Sms], ..facts(Optional, &[Totp]) },
                second(&[Totp]),
            ),
            (
                "an allowed kind hides the disallowed one",
                Facts { allowed_kinds: vec![Sms], ..facts(Required, &[Totp, Sms]) },
                second(&[Sms]),
            ),
            (
                "no method, one allowed kind",
                Facts { allowed_kinds: vec![Sms], ..facts(Required, &[]) },
                Enroll { kinds: vec![Sms], dismissible: false },
            ),
            (
                "sso",
                Facts { sign_in: SignInSource::Sso, ..facts(Required, &[Totp]) },
                Refuse { reason: RefuseReason::SsoRequired },
            ),
        ];
        for (name, f, expected) in table {
            assert_eq!(evaluate(&f).decision, expected, "{name}");
        }
    }

    #[test]
    fn reasons_come_in_the_order_they_were_weighed() {
        let f = Facts { groups: vec![("clinicians".into(), GroupRule::Required)], ..facts(Optional, &[Totp]) };
        let e = evaluate(&f);
        assert_eq!(e.effective_mode, Required);
        assert_eq!(
            e.reasons,
            [
                "group:clinicians requires two_factor",
                "not exempt",
                "ip 203.0.113.9 not in trusted networks",
                "has method totp"
            ]
        );
        let v6 = Facts {
            client_ip: Some("::1".parse().unwrap()),
            trusted_networks: vec!["::1/128".parse().unwrap()],
            ..facts(Required, &[])
        };
        assert_eq!(evaluate(&v6).reasons.last().map(String::as_str), Some("ip ::1 in trusted network ::1/128"));
    }
}
