//! A user name, for logins that ask for company ID, user name and password: 3-64 characters of
//! a-z, 0-9, '.', '_' and '-', starting with a letter or digit; case-insensitive (stored in lower
//! case). No '@', so a login identifier with one is an email and without one a user name.

use super::sql_text::{parsed_string, BadStoredValue};
use super::{ErrorCode, Invalid};

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(transparent)]
pub struct Username(String);

impl Username {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let name = input.trim().to_ascii_lowercase();
        let ok = (3..=64).contains(&name.len())
            && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-'))
            && name.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric());
        if ok {
            Ok(Self(name))
        } else {
            Err(Invalid::new(
                ErrorCode::InvalidUsername,
                "the username must be 3-64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn from_stored(value: String) -> Result<Self, BadStoredValue> {
        Ok(Self(value))
    }
}

parsed_string!(Username);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_case_insensitive_and_never_emails() {
        assert_eq!(Username::parse(" J.Smith_2 ").unwrap().as_str(), "j.smith_2");
        for bad in ["ab", "-abc", ".abc", "a@b.c", "jürgen", "a b c", "abc\0", &"a".repeat(65)] {
            assert!(Username::parse(bad).is_err(), "{bad:?}");
        }
    }
}
