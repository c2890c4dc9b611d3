//! A tenant's slug: 2-63 characters of a-z, 0-9 and '-', not starting or ending with '-'.

use super::sql_text::{parsed_string, BadStoredValue};
use super::{ErrorCode, Invalid};

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let slug = input.trim();
        let ok = (2..=63).contains(&slug.len())
            && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !slug.starts_with('-')
            && !slug.ends_with('-');
        if ok {
            Ok(Self(slug.to_owned()))
        } else {
            Err(Invalid::new(
                ErrorCode::InvalidSlug,
                "the slug must be 2-63 characters of a-z, 0-9 and '-', not starting or ending with '-'",
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

parsed_string!(Slug);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(Slug::parse("acme").is_ok());
        assert!(Slug::parse("acme-clinic-2").is_ok());
        for bad in ["a", "Acme", "-acme", "acme-", "ac me", "acmé", "", "ac\0me"] {
            assert!(Slug::parse(bad).is_err(), "{bad:?}");
        }
    }
}
