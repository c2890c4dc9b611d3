//! Names people give things: tenants, users, API keys, groups. Emails, phone numbers, slugs and
//! ids are types of their own in `domain`.

use crate::domain::text;
use crate::domain::{ErrorCode, Invalid};

pub fn tenant_name(name: &str) -> Result<String, Invalid> {
    text::line(name, 200, ErrorCode::InvalidName, "the name")
}

/// An optional display name: blank means none.
pub fn display_name(name: Option<String>) -> Result<Option<String>, Invalid> {
    match name {
        Some(n) if n.trim().is_empty() => Ok(None),
        Some(n) => text::line(&n, 200, ErrorCode::InvalidDisplayName, "the display name").map(Some),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_refuse_spoofing_characters() {
        assert_eq!(tenant_name(" Acme ").ok(), Some("Acme".into()));
        assert!(tenant_name("Acme\u{202E}").is_err());
        assert_eq!(display_name(Some("  ".into())).ok(), Some(None));
        assert!(display_name(Some("a\0".into())).is_err());
    }
}
