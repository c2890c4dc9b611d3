//! A tenant's policy settings beyond the mode, stored as one typed JSON document (TEXT). Absent
//! fields take their defaults, so adding a setting is a field here and a line in the view.

use ipnetwork::IpNetwork;
use serde::{Deserialize, Serialize};

use super::kinds::{MethodKind, SignInSource};
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
}

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
            allowed_methods: vec![MethodKind::Totp, MethodKind::Sms, MethodKind::Email],
            trusted_networks: Vec::new(),
            sign_in: SignInSource::Password,
            sso_url: None,
            message_limits: MessageLimits::default(),
            sms_allowed_countries: Vec::new(),
        }
    }
}

impl TenantPolicy {
    pub fn allows(&self, kind: MethodKind) -> bool {
        self.allowed_methods.contains(&kind)
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
        match (self.sign_in, &self.sso_url) {
            (SignInSource::Sso, None) => {
                Err(Invalid::new(ErrorCode::InvalidSignIn, "sign_in sso needs an sso_url where users sign in"))
            }
            _ => Ok(()),
        }
    }
}

/// An `https://` (or `http://`) URL of at most 2,000 safe characters.
pub fn parse_url(input: &str) -> Result<String, Invalid> {
    let url = input.trim();
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() <= 2000
        && url.len() > "https://".len()
        && !url.chars().any(|c| c.is_whitespace() || super::text::is_unsafe_char(c));
    if ok {
        Ok(url.to_owned())
    } else {
        Err(Invalid::new(ErrorCode::InvalidUrl, "sso_url must be an http(s) URL"))
    }
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
    fn urls() {
        assert!(parse_url("https://idp.example.com/saml").is_ok());
        for bad in ["", "ftp://x", "https://", "https://a b", "javascript:alert(1)", "https://x\u{0}"] {
            assert!(parse_url(bad).is_err(), "{bad:?}");
        }
    }
}
