//! A tenant's policy settings beyond the mode, stored as one typed JSON document (TEXT). Absent
//! fields take their defaults, so adding a setting is a field here and a line in the view.

use ipnetwork::IpNetwork;
use serde::{Deserialize, Serialize};

use super::kinds::{MethodKind, PasswordResetMode, SignInSource};
use super::{ErrorCode, Invalid};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(default)]
pub struct TenantPolicy {
    /// Method kinds users may set up and be asked for (recovery codes always, once a method exists).
    pub allowed_methods: Vec<MethodKind>,
    /// A password login from one of these networks is not asked for a second factor.
    pub trusted_networks: Vec<IpNetwork>,
    pub sign_in: SignInSource,
    /// Where users of an `sso` tenant sign in.
    pub sso_url: Option<String>,
    /// Caps on messages, whoever asks (the pumping guard).
    pub message_limits: MessageLimits,
    /// ISO 3166 alpha-2 regions SMS may go to; empty: any.
    pub sms_allowed_countries: Vec<String>,
    /// The origin of the tenant's sign-in page (`https://app.example.com`): SMS codes end with
    /// the WebOTP line `@app.example.com #123456`, so the browser there can fill the code in.
    pub web_origin: Option<String>,
    /// Where notices for the tenant's administrators go (a low SMS balance).
    pub admin_contact: Option<String>,
    /// One notice to `admin_contact` when the SMS balance falls to this many messages (0: none).
    pub sms_budget_low_threshold: i64,
    /// Email users when a method is added or removed, recovery codes are made, a device is
    /// remembered, the password changes or the account locks.
    pub security_notices: bool,
    /// Email a user once (per hour at most) when their password was right but the second
    /// factor was not finished.
    pub notify_unfinished_second_factor: bool,
    /// Where the tenant's users sign in (`https://app.acme.example`): invitation links start here.
    pub public_url: Option<String>,
    /// Who may reset a forgotten password: `self_service` (default),
    /// `self_service_without_second_factor_users` or `admin_only`.
    pub password_reset: PasswordResetMode,
    /// Audit events older than this many days are deleted (1–3650, default 365).
    pub audit_retention_days: i64,
    /// The WebAuthn relying-party id (a domain name); unset: from `web_origin`, else the issuer.
    pub webauthn_rp_id: Option<String>,
    /// Origins allowed to run WebAuthn ceremonies, on `webauthn_rp_id` or under it; empty: the
    /// relying party's default (`web_origin`, or `https://{webauthn_rp_id}`).
    pub webauthn_origins: Vec<String>,
    /// Authenticator models (AAGUIDs, lower-case UUIDs) a key may be registered from; empty: any.
    pub webauthn_allowed_aaguids: Vec<String>,
    /// Whether users may sign in with a passkey alone (`POST /login/passkey`).
    pub passkey_sign_in: bool,
}

/// The default `audit_retention_days`.
pub const DEFAULT_AUDIT_RETENTION_DAYS: i64 = 365;

/// The default `sms_budget_low_threshold`.
pub const DEFAULT_LOW_SMS_THRESHOLD: i64 = 50;

/// Caps on the messages Latchkey sends, counted over a sliding window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct MessageLimits {
    /// Messages (SMS and email, every path) per user per hour.
    pub per_user_per_hour: i64,
    /// SMS to one phone number per hour ...
    pub per_number_per_hour: i64,
    /// ... and per day.
    pub per_number_per_day: i64,
    /// Messages per tenant per hour.
    pub per_tenant_per_hour: i64,
}

impl Default for MessageLimits {
    fn default() -> Self {
        Self { per_user_per_hour: 10, per_number_per_hour: 5, per_number_per_day: 10, per_tenant_per_hour: 1000 }
    }
}

impl Default for TenantPolicy {
    fn default() -> Self {
        Self {
            allowed_methods: vec![MethodKind::Totp, MethodKind::Sms, MethodKind::Email, MethodKind::Webauthn],
            trusted_networks: Vec::new(),
            sign_in: SignInSource::Password,
            sso_url: None,
            message_limits: MessageLimits::default(),
            sms_allowed_countries: Vec::new(),
            web_origin: None,
            admin_contact: None,
            sms_budget_low_threshold: DEFAULT_LOW_SMS_THRESHOLD,
            security_notices: true,
            notify_unfinished_second_factor: true,
            public_url: None,
            password_reset: PasswordResetMode::SelfService,
            audit_retention_days: DEFAULT_AUDIT_RETENTION_DAYS,
            webauthn_rp_id: None,
            webauthn_origins: Vec::new(),
            webauthn_allowed_aaguids: Vec::new(),
            passkey_sign_in: false,
        }
    }
}

impl TenantPolicy {
    pub fn allows(&self, kind: MethodKind) -> bool {
        self.allowed_methods.contains(&kind)
    }

    /// The host of `web_origin`, for the WebOTP line.
    pub fn web_origin_host(&self) -> Option<String> {
        let origin = url::Url::parse(self.web_origin.as_deref()?).ok()?;
        origin.host_str().map(str::to_owned)
    }

    /// Checks the document as a whole (called on every write).
    pub fn validate(&self) -> Result<(), Invalid> {
        if self.allowed_methods.is_empty() {
            return Err(Invalid::new(ErrorCode::InvalidAllowedMethods, "allowed_methods must name at least one kind"));
        }
        let l = &self.message_limits;
        let limits = [l.per_user_per_hour, l.per_number_per_hour, l.per_number_per_day, l.per_tenant_per_hour];
        if limits.iter().any(|n| !(1..=1_000_000).contains(n)) {
            return Err(Invalid::new(ErrorCode::InvalidLimits, "each message limit must be between 1 and 1000000"));
        }
        if let Some(bad) =
            self.sms_allowed_countries.iter().find(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()))
        {
            return Err(Invalid::new(
                ErrorCode::InvalidCountry,
                format!("{:?} is not an ISO 3166 alpha-2 code such as FI", super::text::for_log(bad, 8)),
            ));
        }
        if !(1..=3650).contains(&self.audit_retention_days) {
            return Err(Invalid::new(
                ErrorCode::InvalidAuditRetention,
                "audit_retention_days must be between 1 and 3650",
            ));
        }
        if !(0..=1_000_000).contains(&self.sms_budget_low_threshold) {
            return Err(Invalid::new(
                ErrorCode::InvalidLimits,
                "sms_budget_low_threshold must be between 0 and 1000000",
            ));
        }
        if !self.webauthn_origins.is_empty() && self.webauthn_rp_id.is_none() {
            return Err(Invalid::new(
                ErrorCode::InvalidWebauthnRpId,
                "webauthn_origins needs webauthn_rp_id: the domain the origins are on",
            ));
        }
        if let Some(rp_id) = &self.webauthn_rp_id {
            let outside = self.webauthn_origins.iter().find(|o| !origin_is_under(o, rp_id));
            if let Some(origin) = outside {
                return Err(Invalid::new(
                    ErrorCode::InvalidWebauthnRpId,
                    format!("{origin} is not on {rp_id} or under it: every webauthn_origins entry must be"),
                ));
            }
        }
        match (self.sign_in, &self.sso_url) {
            (SignInSource::Sso, None) => {
                Err(Invalid::new(ErrorCode::InvalidSignIn, "sign_in sso needs an sso_url where users sign in"))
            }
            _ => Ok(()),
        }
    }
}

/// Whether `origin`'s host is `rp_id` or a name under it (`app.acme.example` under `acme.example`).
pub fn origin_is_under(origin: &str, rp_id: &str) -> bool {
    url::Url::parse(origin).ok().and_then(|u| u.domain().map(str::to_owned)).is_some_and(|host| {
        host.eq_ignore_ascii_case(rp_id) || host.to_ascii_lowercase().ends_with(&format!(".{rp_id}"))
    })
}

/// A WebAuthn relying-party id: a domain name, lower case, never an IP address (browsers refuse
/// one). `localhost` is one.
pub fn parse_rp_id(input: &str) -> Result<String, Invalid> {
    let id = input.trim().to_ascii_lowercase();
    let ok = !id.is_empty()
        && id.len() <= 253
        && is_origin_host(&id)
        && !id.starts_with('[')
        && id.rsplit('.').next().is_some_and(|last| last.starts_with(|c: char| c.is_ascii_alphabetic()));
    if ok {
        Ok(id)
    } else {
        Err(Invalid::new(
            ErrorCode::InvalidWebauthnRpId,
            "webauthn_rp_id must be a domain name such as acme.example (browsers refuse an IP address)",
        ))
    }
}

/// An AAGUID: a UUID, answered in lower case.
pub fn parse_aaguid(input: &str) -> Result<String, Invalid> {
    uuid::Uuid::parse_str(input.trim()).map(|u| u.hyphenated().to_string()).map_err(|_| {
        Invalid::new(ErrorCode::InvalidBody, "webauthn_allowed_aaguids must hold UUIDs (an authenticator's AAGUID)")
    })
}

/// An `https://` (or `http://`) URL of at most 2,000 safe characters.
pub fn parse_url(input: &str, field: &str) -> Result<String, Invalid> {
    let url = input.trim();
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() <= 2000
        && url.len() > "https://".len()
        && !url.chars().any(|c| c.is_whitespace() || super::text::is_unsafe_char(c));
    if ok {
        Ok(url.to_owned())
    } else {
        Err(Invalid::new(ErrorCode::InvalidUrl, format!("{field} must be an http(s) URL")))
    }
}

/// Where a tenant's users sign in (invitation links start there): https, or http on localhost.
pub fn parse_public_url(input: &str) -> Result<String, Invalid> {
    let url = parse_url(input, "public_url")?;
    let local = ["http://localhost", "http://127.0.0.1", "http://[::1]"]
        .iter()
        .any(|p| url.strip_prefix(p).is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '/'])));
    if url.starts_with("https://") || local {
        Ok(url)
    } else {
        Err(Invalid::new(ErrorCode::InvalidUrl, "public_url must be an https URL (http only for localhost)"))
    }
}

/// A web origin: `https://host[:port]` with nothing after it but one optional `/` (`http://`
/// only for `localhost`, `127.0.0.1` and `[::1]`, for development), surrounding spaces aside.
/// The host is a DNS name (letters, digits and `-` in dot-separated labels, the last label
/// starting with a letter, any case), an IPv4 address, or an IPv6 address in brackets; the port
/// 1 to 65535 without leading zeros. That is exactly what `schema::origin_or_null` publishes;
/// the answer is the origin as browsers send it (lower case, no default port).
pub fn parse_origin(input: &str) -> Result<String, Invalid> {
    let invalid = || {
        Invalid::new(ErrorCode::InvalidUrl, "web_origin must be an origin such as https://app.example.com (no path)")
    };
    let text = input.trim();
    let text = text.strip_suffix('/').unwrap_or(text);
    let (https, rest) = match (text.strip_prefix("https://"), text.strip_prefix("http://")) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        (None, None) => return Err(invalid()),
    };
    let (host, port) = split_host_port(rest).ok_or_else(invalid)?;
    let local = host.eq_ignore_ascii_case("localhost") || host == "127.0.0.1" || host == "[::1]";
    let port_ok = port.is_none_or(|p| {
        !p.is_empty()
            && p.len() <= 5
            && !p.starts_with('0')
            && p.parse::<u32>().is_ok_and(|n| (1..=65_535).contains(&n))
    });
    if !(https || local) || !port_ok || !is_origin_host(host) || text.len() > 300 {
        return Err(invalid());
    }
    let url = url::Url::parse(text).map_err(|_| invalid())?;
    Ok(url.origin().ascii_serialization())
}

/// `host[:port]`, the host of an IPv6 address in its brackets.
fn split_host_port(rest: &str) -> Option<(&str, Option<&str>)> {
    if rest.starts_with('[') {
        let end = rest.find(']')? + 1;
        let (host, after) = rest.split_at(end);
        return match after {
            "" => Some((host, None)),
            after => Some((host, Some(after.strip_prefix(':')?))),
        };
    }
    Some(match rest.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    })
}

/// A DNS name whose last label starts with a letter, an IPv4 address, or `[IPv6]`.
fn is_origin_host(host: &str) -> bool {
    if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return v6.parse::<std::net::Ipv6Addr>().is_ok();
    }
    if host.parse::<std::net::Ipv4Addr>().is_ok() {
        return true;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    labels.iter().all(label_ok) && labels.last().is_some_and(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
}

impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::sqlite::Sqlite> for TenantPolicy {
    fn to_sql<'b>(
        &'b self,
        out: &mut diesel::serialize::Output<'b, '_, diesel::sqlite::Sqlite>,
    ) -> diesel::serialize::Result {
        out.set_value(serde_json::to_string(self)?);
        Ok(diesel::serialize::IsNull::No)
    }
}

impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for TenantPolicy {
    fn to_sql<'b>(&'b self, out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>) -> diesel::serialize::Result {
        serde_json::to_writer(out, self)?;
        Ok(diesel::serialize::IsNull::No)
    }
}

impl diesel::serialize::ToSql<diesel::sql_types::Text, crate::store::connection::MultiBackend> for TenantPolicy {
    fn to_sql<'b>(
        &'b self,
        out: &mut diesel::serialize::Output<'b, '_, crate::store::connection::MultiBackend>,
    ) -> diesel::serialize::Result {
        out.set_value((diesel::sql_types::Text, self));
        Ok(diesel::serialize::IsNull::No)
    }
}

fn from_stored(stored: &str) -> diesel::deserialize::Result<TenantPolicy> {
    Ok(serde_json::from_str(stored)?)
}

impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::sqlite::Sqlite> for TenantPolicy {
    fn from_sql(bytes: diesel::sqlite::SqliteValue<'_, '_, '_>) -> diesel::deserialize::Result<Self> {
        let s =
            <String as diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::sqlite::Sqlite>>::from_sql(bytes)?;
        from_stored(&s)
    }
}

impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for TenantPolicy {
    fn from_sql(bytes: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
        let s = <String as diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg>>::from_sql(bytes)?;
        from_stored(&s)
    }
}

impl diesel::deserialize::FromSql<diesel::sql_types::Text, crate::store::connection::MultiBackend> for TenantPolicy {
    fn from_sql(bytes: crate::store::connection::MultiRawValue<'_>) -> diesel::deserialize::Result<Self> {
        bytes.from_sql::<Self, diesel::sql_types::Text>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_document_is_the_default_policy() {
        let p: TenantPolicy = serde_json::from_str("{}").unwrap();
        assert_eq!(p, TenantPolicy::default());
        assert!(p.allows(MethodKind::Sms));
        let sso = TenantPolicy { sign_in: SignInSource::Sso, ..TenantPolicy::default() };
        assert_eq!(sso.validate().unwrap_err().code, ErrorCode::InvalidSignIn);
    }

    #[test]
    fn origins() {
        assert_eq!(parse_origin("https://App.Example.com/").unwrap(), "https://app.example.com");
        assert_eq!(parse_origin("http://localhost:5173").unwrap(), "http://localhost:5173");
        assert_eq!(parse_origin("https://a.example:443").unwrap(), "https://a.example");
        assert_eq!(parse_origin("https://203.0.113.5:65535").unwrap(), "https://203.0.113.5:65535");
        assert_eq!(parse_origin("https://[2001:DB8::1]").unwrap(), "https://[2001:db8::1]");
        assert_eq!(parse_origin(" https://xn--bcher-kva.example ").unwrap(), "https://xn--bcher-kva.example");
        for bad in [
            "",
            "app.example.com",
            "http://app.example.com",
            "https://a.example/login",
            "https://u@a.example",
            "https://a.example//",
            "https://a.example:0",
            "https://a.example:08443",
            "https://a.example:65536",
            "https://a.example:",
            "HTTPS://a.example",
            "http://[0::1]",
            "https://-a.example",
            "https://a.1",
            "https://bücher.example",
        ] {
            assert!(parse_origin(bad).is_err(), "{bad:?}");
        }
        let p = TenantPolicy { web_origin: Some("https://app.example.com:8443".into()), ..TenantPolicy::default() };
        assert_eq!(p.web_origin_host().as_deref(), Some("app.example.com"));
    }

    #[test]
    fn urls() {
        assert!(parse_url("https://idp.example.com/saml", "sso_url").is_ok());
        for bad in ["", "ftp://x", "https://", "https://a b", "javascript:alert(1)", "https://x\u{0}"] {
            assert!(parse_url(bad, "sso_url").is_err(), "{bad:?}");
        }
    }
}
