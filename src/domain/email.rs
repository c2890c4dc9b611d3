//! An email address, normalised once (trimmed, lower-cased) for storage and lookup.

use super::sql_text::{parsed_string, BadStoredValue};
use super::text::has_unsafe_chars;
use super::{ErrorCode, Invalid};

#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, diesel::AsExpression, diesel::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        // At most 254 characters as written (lower case can lengthen a few letters).
        let too_long = input.trim().chars().count() > 254;
        let email = input.trim().to_lowercase();
        let valid = !too_long
            && !email.chars().any(char::is_whitespace)
            && !has_unsafe_chars(&email)
            && match email.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && !domain.is_empty()
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                        && !domain.contains('@')
                }
                None => false,
            };
        if valid {
            Ok(Self(email))
        } else {
            Err(Invalid::new(ErrorCode::InvalidEmail, "the email address is not valid"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `alice@example.com` → `a•••e@example.com`.
    pub fn hint(&self) -> String {
        match self.0.split_once('@') {
            Some((local, domain)) => {
                let first = local.chars().next().unwrap_or('•');
                let last = if local.chars().count() > 2 { local.chars().last().unwrap_or('•') } else { '•' };
                format!("{first}•••{last}@{domain}")
            }
            None => "•••".into(),
        }
    }

    fn from_stored(value: String) -> Result<Self, BadStoredValue> {
        Ok(Self(value))
    }
}

parsed_string!(Email);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised() {
        assert_eq!(Email::parse("  Alice@Example.COM ").ok().map(|e| e.0), Some("alice@example.com".into()));
        for bad in ["alice", "@x.y", "a@", "a b@c.d", "a@.c", "a@b@c", "a\0@b.c", "\u{202e}moc.x@a", "a@b\u{200b}.c"] {
            assert!(Email::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn hints_hide_the_middle() {
        let hint = |s: &str| Email::parse(s).map(|e| e.hint()).unwrap_or_default();
        assert_eq!(hint("alice@example.com"), "a•••e@example.com");
        assert_eq!(hint("al@example.com"), "a••••@example.com");
    }
}
