//! A phone number in E.164, validated against libphonenumber's numbering plans (the
//! `phonenumber` crate), which also knows its country calling code and region.

use super::sql_text::{parsed_string, BadStoredValue};
use super::{ErrorCode, Invalid};

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(transparent)]
pub struct PhoneNumber(String);

/// The parser is third-party code fed with client input: a panic in it must not take the
/// request down with it.
fn parse_e164(input: &str) -> Option<phonenumber::PhoneNumber> {
    std::panic::catch_unwind(|| phonenumber::parse(None, input).ok()).ok().flatten()
}

impl PhoneNumber {
    /// Accepts an international number ("+358 40 123 4567", "+358-40-1234567") and keeps it in E.164.
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let err = || {
            Invalid::new(
                ErrorCode::InvalidPhoneNumber,
                "the phone number is not valid: use international form, e.g. +358401234567",
            )
        };
        let trimmed = input.trim();
        // Digits and the usual separators only: libphonenumber would read letters as a keypad's.
        let allowed = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '.');
        if !trimmed.starts_with('+') || trimmed.len() > 32 || !trimmed[1..].chars().all(allowed) {
            return Err(err());
        }
        let parsed = parse_e164(trimmed).ok_or_else(err)?;
        if !phonenumber::is_valid(&parsed) {
            return Err(err());
        }
        Ok(Self(parsed.format().mode(phonenumber::Mode::E164).to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country calling code, e.g. 358 for +358401234567.
    pub fn country_code(&self) -> Option<u16> {
        parse_e164(&self.0).map(|n| n.code().value())
    }

    /// The ISO 3166 alpha-2 region of the number, e.g. "FI".
    pub fn region(&self) -> Option<String> {
        parse_e164(&self.0).and_then(|n| n.country().id()).map(|id| format!("{id:?}"))
    }

    /// `+358401234567` → `+358 ••• •• 67`: the country code and the last two digits.
    pub fn hint(&self) -> String {
        let digits: Vec<char> = self.0.chars().filter(char::is_ascii_digit).collect();
        match self.country_code() {
            Some(cc) if digits.len() >= 6 => {
                let last: String = digits[digits.len() - 2..].iter().collect();
                format!("+{cc} ••• •• {last}")
            }
            _ => "••••".into(),
        }
    }

    fn from_stored(value: String) -> Result<Self, BadStoredValue> {
        Ok(Self(value))
    }
}

parsed_string!(PhoneNumber);

#[cfg(test)]
mod tests {
    use super::*;

    fn e164(s: &str) -> Option<String> {
        PhoneNumber::parse(s).ok().map(|p| p.0)
    }

    #[test]
    fn phone_numbers_become_e164() {
        assert_eq!(e164("+358 40 123 4567"), Some("+358401234567".into()));
        assert_eq!(e164("+1 (415) 555-0100"), Some("+14155550100".into()));
        assert_eq!(e164("+44 7911 123456"), Some("+447911123456".into()));
        for bad in [
            "0401234567",
            "+12",
            "+358abc4567",
            "+0123456789",
            "+1234567890123456",
            "+358 12",
            "+1 000 000 0000",
            "+358\0",
        ] {
            assert!(PhoneNumber::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn hints_know_the_country_code() {
        let hint = |s: &str| PhoneNumber::parse(s).map(|p| p.hint()).unwrap_or_default();
        assert_eq!(hint("+358401234567"), "+358 ••• •• 67");
        assert_eq!(hint("+14155550100"), "+1 ••• •• 00");
        assert_eq!(hint("+33 1 23 45 67 89"), "+33 ••• •• 89");
        assert_eq!(hint("+44 20 7946 0958"), "+44 ••• •• 58");
        assert!(!hint("+358401234567").contains("4012345"));
    }

    #[test]
    fn regions_come_from_the_numbering_plan() {
        let region = |s: &str| PhoneNumber::parse(s).ok().and_then(|p| p.region());
        assert_eq!(region("+358401234567").as_deref(), Some("FI"));
        assert_eq!(region("+14155550100").as_deref(), Some("US"));
        assert_eq!(region("+44 20 7946 0958").as_deref(), Some("GB"));
    }
}
