//! Security notices: an email to the user when something changed on the account (a method added
//! or removed, new recovery codes, a device remembered, the password changed, the account
//! locked). Queued in the transaction of the change, sent by the outbox worker; tenant setting
//! `security_notices` (default on). A notice never fails the change it reports: one the pumping
//! guard refuses is dropped with a log line.

use crate::delivery::templates;
use crate::domain::{MethodKind, UnixTime};
use crate::error::AppError;
use crate::service::outbox;
use crate::service::sessions::ClientInfo;
use crate::state::AppState;
use crate::store::tenants::Tenant;
use crate::store::users::User;
use crate::store::AnyConnection;

/// How long a notice may wait for delivery.
const NOTICE_TTL_SECS: i64 = 3 * 86_400;

#[derive(Debug, Clone, Copy)]
pub enum Notice {
    MethodAdded(MethodKind),
    MethodRemoved(MethodKind),
    RecoveryCodesGenerated,
    DeviceRemembered,
    PasswordChanged,
    /// The password was set through a password reset.
    PasswordReset,
    AccountLocked,
    /// A key's signature counter went back: the key may have been copied.
    KeyCounterWentBack,
    /// A password was right at `at` but the second factor was never finished.
    SecondFactorUnfinished {
        at: UnixTime,
    },
}

fn kind_name(kind: MethodKind) -> &'static str {
    match kind {
        MethodKind::Totp => "an authenticator app",
        MethodKind::Sms => "a phone number for SMS codes",
        MethodKind::Email => "an email address for codes",
        MethodKind::Webauthn => "a security key or passkey",
    }
}

impl Notice {
    /// The subject's "what happened" and the advice.
    fn text(self) -> (String, &'static str) {
        const NOT_YOU: &str = "If this was not you, change your password and tell your administrator.";
        match self {
            Self::MethodAdded(kind) => (format!("{} was added as a sign-in method", kind_name(kind)), NOT_YOU),
            Self::MethodRemoved(kind) => {
                (format!("{} was removed from your sign-in methods", kind_name(kind)), NOT_YOU)
            }
            Self::RecoveryCodesGenerated => {
                ("new recovery codes were made; the old ones no longer work".into(), NOT_YOU)
            }
            Self::DeviceRemembered => ("a device was remembered and will skip the second factor".into(), NOT_YOU),
            Self::PasswordChanged => ("your password was changed".into(), NOT_YOU),
            Self::PasswordReset => (
                "your password was reset, and every session and remembered device was signed out".into(),
                "If this was not you, tell your administrator now: someone could read your codes.",
            ),
            Self::AccountLocked => (
                "your account was locked after too many failed attempts".into(),
                "If this was not you, someone may know your password: change it once the lock ends.",
            ),
            Self::KeyCounterWentBack => (
                "one of your security keys answered with a counter lower than before, so it was refused".into(),
                "The key may have been copied. Remove it from your sign-in methods and tell your administrator.",
            ),
            Self::SecondFactorUnfinished { .. } => (
                "someone signed in with your password but did not finish the second step".into(),
                "If this was not you, change your password now: whoever it was knows it.",
            ),
        }
    }
}

/// Queues `notice` to the user, when the tenant sends security notices.
pub fn send(
    c: &mut AnyConnection,
    state: &AppState,
    (tenant, user): (&Tenant, &User),
    notice: Notice,
    client: &ClientInfo,
    now: UnixTime,
) -> Result<(), AppError> {
    let (enabled, at) = match notice {
        Notice::SecondFactorUnfinished { at } => (tenant.policy.notify_unfinished_second_factor, at),
        _ => (tenant.policy.security_notices, now),
    };
    if !enabled {
        return Ok(());
    }
    let (what, advice) = notice.text();
    let ip = client.ip.map(|ip| ip.to_string());
    let message = templates::security_notice(
        user.email.as_str(),
        &tenant.name,
        &what,
        advice,
        at,
        ip.as_deref(),
        client.user_agent.as_deref(),
    );
    outbox::try_enqueue_for_worker(c, state, (tenant, Some(&user.id)), message, now + NOTICE_TTL_SECS, now);
    Ok(())
}
