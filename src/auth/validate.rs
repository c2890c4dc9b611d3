//! Input rules shared by several use cases: tenant slugs, emails, phone numbers.

use crate::error::AppError;

pub fn tenant_slug(slug: &str) -> Result<(), AppError> {
    let ok = (2..=63).contains(&slug.len())
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(AppError::validation(
            "invalid_slug",
            "the slug must be 2-63 characters of a-z, 0-9 and '-', not starting or ending with '-'",
        ))
    }
}

pub fn tenant_name(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(AppError::validation("invalid_name", "the name must have 1-200 characters"));
    }
    Ok(name.to_owned())
}

/// Normalises an email for storage and lookup: trimmed and lower-cased.
pub fn email(email: &str) -> Result<String, AppError> {
    let email = email.trim().to_lowercase();
    let valid = email.len() <= 254
        && match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.is_empty()
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !email.chars().any(|c| c.is_whitespace() || c.is_control())
                    && !domain.contains('@')
            }
            None => false,
        };
    if valid {
        Ok(email)
    } else {
        Err(AppError::validation("invalid_email", "the email address is not valid"))
    }
}

/// Accepts an international number ("+358 40 123 4567", "+358-40-1234567"), checks it against
/// libphonenumber's numbering plans, and returns it in E.164.
pub fn phone_number(input: &str) -> Result<String, AppError> {
    let err = || {
        AppError::validation(
            "invalid_phone_number",
            "the phone number is not valid: use international form, e.g. +358401234567",
        )
    };
    let trimmed = input.trim();
    // Digits and the usual separators only: libphonenumber would read letters as a keypad's.
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '.');
    if !trimmed.starts_with('+') || trimmed.len() > 32 || !trimmed[1..].chars().all(allowed) {
        return Err(err());
    }
    // The parser is third-party code fed with client input: a panic in it must not take the
    // request down with it.
    let parsed = std::panic::catch_unwind(|| phonenumber::parse(None, trimmed).ok()).ok().flatten().ok_or_else(err)?;
    if !phonenumber::is_valid(&parsed) {
        return Err(err());
    }
    Ok(parsed.format().mode(phonenumber::Mode::E164).to_string())
}

/// The country calling code of an E.164 number, e.g. "358" for "+358401234567".
pub fn country_code(e164: &str) -> Option<String> {
    std::panic::catch_unwind(|| phonenumber::parse(None, e164).ok())
        .ok()
        .flatten()
        .map(|n| n.code().value().to_string())
}

pub fn display_name(name: Option<String>) -> Result<Option<String>, AppError> {
    match name.map(|n| n.trim().to_owned()) {
        Some(n) if n.is_empty() => Ok(None),
        Some(n) if n.chars().count() > 200 => {
            Err(AppError::validation("invalid_display_name", "the display name must have at most 200 characters"))
        }
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(tenant_slug("acme").is_ok());
        assert!(tenant_slug("acme-clinic-2").is_ok());
        for bad in ["a", "Acme", "-acme", "acme-", "ac me", "acmé", ""] {
            assert!(tenant_slug(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails_are_normalised() {
        assert_eq!(email("  Alice@Example.COM ").ok(), Some("alice@example.com".into()));
        for bad in ["alice", "@x.y", "a@", "a b@c.d", "a@.c", "a@b@c"] {
            assert!(email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phone_numbers_become_e164() {
        assert_eq!(phone_number("+358 40 123 4567").ok(), Some("+358401234567".into()));
        assert_eq!(phone_number("+1 (415) 555-0100").ok(), Some("+14155550100".into()));
        assert_eq!(country_code("+358401234567").as_deref(), Some("358"));
        assert_eq!(phone_number("+44 7911 123456").ok(), Some("+447911123456".into()));
        for bad in
            ["0401234567", "+12", "+358abc4567", "+0123456789", "+1234567890123456", "+358 12", "+1 000 000 0000"]
        {
            assert!(phone_number(bad).is_err(), "{bad}");
        }
    }
}
