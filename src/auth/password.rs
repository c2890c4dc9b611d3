//! Password hashing with argon2id. Unknown users are checked against a dummy hash made
//! with the same parameters, so a login takes the same time whether or not the user exists.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::AppError;

pub const MIN_PASSWORD_CHARS: usize = 8;
pub const MAX_PASSWORD_CHARS: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl Default for HashParams {
    /// OWASP's argon2id recommendation: 19 MiB, 2 passes, 1 lane.
    fn default() -> Self {
        Self { memory_kib: 19_456, iterations: 2, parallelism: 1 }
    }
}

#[derive(Clone)]
pub struct PasswordHasher {
    argon2: Argon2<'static>,
    dummy_hash: String,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Verification {
    Mismatch,
    /// The password is right; `rehash` carries a new hash when the stored one used other parameters.
    Match {
        rehash: Option<String>,
    },
}

impl PasswordHasher {
    pub fn new(params: HashParams) -> Result<Self, String> {
        let p = Params::new(params.memory_kib, params.iterations, params.parallelism, None)
            .map_err(|e| format!("invalid argon2 parameters: {e}"))?;
        let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, p);
        let salt = SaltString::generate(&mut OsRng);
        let dummy_hash = argon2
            .hash_password(b"latchkey-dummy-password", &salt)
            .map_err(|e| format!("cannot compute the dummy hash: {e}"))?
            .to_string();
        Ok(Self { argon2, dummy_hash })
    }

    pub fn hash(&self, password: &str) -> Result<String, AppError> {
        let salt = SaltString::generate(&mut OsRng);
        self.argon2.hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(AppError::internal)
    }

    /// Verifies against the stored hash, or against the dummy hash when there is no user,
    /// so both paths cost one argon2 computation.
    pub fn verify(&self, password: &str, stored: Option<&str>) -> Verification {
        let Some(stored) = stored else {
            let _ = self.check(password, &self.dummy_hash);
            return Verification::Mismatch;
        };
        match self.check(password, stored) {
            Some(parsed_params) if parsed_params => Verification::Match { rehash: None },
            Some(_) => Verification::Match { rehash: self.hash(password).ok() },
            None => Verification::Mismatch,
        }
    }

    /// `None` on mismatch; `Some(true)` when the hash already uses the configured parameters.
    fn check(&self, password: &str, stored: &str) -> Option<bool> {
        let parsed = PasswordHash::new(stored).ok()?;
        self.argon2.verify_password(password.as_bytes(), &parsed).ok()?;
        let current = self.argon2.params();
        let same = parsed.algorithm == argon2::ARGON2ID_IDENT
            && Params::try_from(&parsed)
                .map(|p| {
                    p.m_cost() == current.m_cost() && p.t_cost() == current.t_cost() && p.p_cost() == current.p_cost()
                })
                .unwrap_or(false);
        Some(same)
    }
}

impl std::fmt::Debug for PasswordHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordHasher").field("params", self.argon2.params()).finish()
    }
}

/// The password policy for new passwords.
pub fn validate_new_password(password: &str, email: &str) -> Result<(), AppError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(AppError::validation(
            "password_too_short",
            format!("the password must have at least {MIN_PASSWORD_CHARS} characters"),
        ));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(AppError::validation(
            "password_too_long",
            format!("the password must have at most {MAX_PASSWORD_CHARS} characters"),
        ));
    }
    if password.trim().eq_ignore_ascii_case(email.trim()) {
        return Err(AppError::validation("password_equals_email", "the password must not be the email address"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn light() -> HashParams {
        HashParams { memory_kib: 64, iterations: 1, parallelism: 1 }
    }

    #[test]
    fn hashes_verify_and_are_argon2id() -> Result<(), String> {
        let h = PasswordHasher::new(light())?;
        let hash = h.hash("correct horse").map_err(|e| e.to_string())?;
        assert!(hash.starts_with("$argon2id$"));
        assert_eq!(h.verify("correct horse", Some(&hash)), Verification::Match { rehash: None });
        assert_eq!(h.verify("wrong horse", Some(&hash)), Verification::Mismatch);
        assert_eq!(h.verify("correct horse", None), Verification::Mismatch);
        assert_eq!(h.verify("x", Some("not a hash")), Verification::Mismatch);
        Ok(())
    }

    #[test]
    fn old_parameters_are_upgraded() -> Result<(), String> {
        let old = PasswordHasher::new(light())?;
        let new = PasswordHasher::new(HashParams { memory_kib: 128, ..light() })?;
        let hash = old.hash("correct horse").map_err(|e| e.to_string())?;
        match new.verify("correct horse", Some(&hash)) {
            Verification::Match { rehash: Some(upgraded) } => {
                assert!(upgraded.contains("m=128"));
                assert_eq!(new.verify("correct horse", Some(&upgraded)), Verification::Match { rehash: None });
            }
            other => return Err(format!("expected an upgrade, got {other:?}")),
        }
        Ok(())
    }

    #[test]
    fn policy_bounds_length_and_forbids_the_email() {
        assert_eq!(validate_new_password("short", "a@b.c").map_err(|e| e.code()), Err("password_too_short"));
        assert_eq!(validate_new_password(&"x".repeat(257), "a@b.c").map_err(|e| e.code()), Err("password_too_long"));
        assert_eq!(
            validate_new_password("Alice@Example.com", "alice@example.com").map_err(|e| e.code()),
            Err("password_equals_email")
        );
        assert!(validate_new_password("long enough", "a@b.c").is_ok());
        assert!(validate_new_password(&"é".repeat(256), "a@b.c").is_ok());
    }
}
