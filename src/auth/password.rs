//! Password hashing with argon2id. Unknown users are checked against a dummy hash made
//! with the same parameters, so a login takes the same time whether or not the user exists.

use argon2::password_hash::rand_core::OsRng;
use std::cell::RefCell;

use argon2::password_hash::{Output, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use subtle::ConstantTimeEq;

use crate::domain::ErrorCode;
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
        let mut hasher = Self { argon2, dummy_hash: String::new() };
        // On a thread of its own: the working memory it keeps (~19 MiB) goes when that thread ends,
        // instead of staying with the caller's thread for the life of the process.
        let dummy = std::thread::scope(|scope| scope.spawn(|| hasher.hash("latchkey-dummy-password")).join())
            .map_err(|_| "the dummy hash's thread panicked".to_owned())?;
        hasher.dummy_hash = dummy.map_err(|e| format!("cannot compute the dummy hash: {e}"))?;
        Ok(hasher)
    }

    /// A PHC-format argon2id hash (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), computed with the
    /// thread's reusable memory.
    pub fn hash(&self, password: &str) -> Result<String, AppError> {
        let salt = SaltString::generate(&mut OsRng);
        let mut salt_buf = [0u8; 64];
        let raw_salt = salt.decode_b64(&mut salt_buf).map_err(AppError::internal)?;
        let p = self.argon2.params();
        let mut out = [0u8; 32];
        with_blocks(p.block_count(), |blocks| {
            self.argon2.hash_password_into_with_memory(password.as_bytes(), raw_salt, &mut out, blocks)
        })
        .map_err(AppError::internal)?;
        let output = Output::new(&out).map_err(AppError::internal)?;
        Ok(format!("$argon2id$v=19$m={},t={},p={}${}${}", p.m_cost(), p.t_cost(), p.p_cost(), salt.as_str(), output))
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
        verify_reusing_memory(password.as_bytes(), &parsed)?;
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

thread_local! {
    /// Argon2's working memory, kept by each thread between hashes: no 19 MiB allocation per
    /// login, and the memory of hashing is bounded by the number of hashing threads.
    static BLOCKS: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// Largest working memory a stored hash may ask for (1 GiB), so a corrupt row cannot
/// make a thread allocate without bound.
const MAX_MEMORY_KIB: u32 = 1 << 20;

/// Recomputes a PHC-format argon2 hash with the thread's reusable memory and compares it in
/// constant time. `Some(())` when the password matches.
fn verify_reusing_memory(password: &[u8], parsed: &PasswordHash<'_>) -> Option<()> {
    let params = Params::try_from(parsed).ok()?;
    if params.m_cost() > MAX_MEMORY_KIB {
        return None;
    }
    let algorithm = Algorithm::try_from(parsed.algorithm).ok()?;
    let version = match parsed.version {
        Some(v) => Version::try_from(v).ok()?,
        None => Version::default(),
    };
    let expected = parsed.hash?;
    let mut salt_buf = [0u8; 64];
    let salt = parsed.salt?.decode_b64(&mut salt_buf).ok()?;
    let blocks_needed = params.block_count();
    let argon2 = Argon2::new(algorithm, version, params);
    let mut out = vec![0u8; expected.len()];
    with_blocks(blocks_needed, |blocks| argon2.hash_password_into_with_memory(password, salt, &mut out, blocks))
        .ok()?;
    bool::from(out.as_slice().ct_eq(expected.as_bytes())).then_some(())
}

fn with_blocks<T>(count: usize, f: impl FnOnce(&mut [Block]) -> T) -> T {
    BLOCKS.with(|cell| {
        let mut blocks = cell.borrow_mut();
        if blocks.len() < count {
            blocks.resize(count, Block::default());
        }
        f(&mut blocks[..count])
    })
}

impl std::fmt::Debug for PasswordHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordHasher").field("params", self.argon2.params()).finish()
    }
}

/// The password policy for new passwords.
/// The 10,000 most common passwords of at least 8 characters, lower case, most common first
/// (from the password frequency list of zxcvbn, MIT licence), shipped inside the binary.
const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

fn is_common(password: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| COMMON_PASSWORDS.lines().collect());
    set.contains(password.trim().to_lowercase().as_str())
}

/// The password rules, in one place: 8-256 characters, not the user's email or username, not one
/// of the 10,000 most common passwords.
pub fn validate_new_password(password: &str, email: &str, username: Option<&str>) -> Result<(), AppError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(AppError::validation(
            ErrorCode::PasswordTooShort,
            format!("the password must have at least {MIN_PASSWORD_CHARS} characters"),
        ));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(AppError::validation(
            ErrorCode::PasswordTooLong,
            format!("the password must have at most {MAX_PASSWORD_CHARS} characters"),
        ));
    }
    if password.trim().eq_ignore_ascii_case(email.trim()) {
        return Err(AppError::validation(ErrorCode::PasswordEqualsEmail, "the password must not be the email address"));
    }
    if username.is_some_and(|name| password.trim().eq_ignore_ascii_case(name.trim())) {
        return Err(AppError::validation(ErrorCode::PasswordEqualsUsername, "the password must not be the username"));
    }
    if is_common(password) {
        return Err(AppError::validation(
            ErrorCode::PasswordTooCommon,
            "this password is one of the most common ones: choose another",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_passwords_and_names_are_refused() {
        let code = |p: &str, user: Option<&str>| match validate_new_password(p, "alice@example.com", user) {
            Err(AppError::Validation { code, .. }) => Some(code),
            _ => None,
        };
        assert_eq!(code("Password123", None), Some(ErrorCode::PasswordTooCommon));
        assert_eq!(code("qwertyuiop", None), Some(ErrorCode::PasswordTooCommon));
        assert_eq!(code("alice.smith", Some("Alice.Smith")), Some(ErrorCode::PasswordEqualsUsername));
        assert_eq!(code("correct horse battery", Some("alice")), None);
    }

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

    /// Our hashes are standard PHC strings that the argon2 crate's own verifier accepts, and
    /// hashes made by the crate verify with ours.
    #[test]
    fn hashes_interoperate_with_the_reference_implementation() -> Result<(), String> {
        use argon2::password_hash::{PasswordHasher as _, PasswordVerifier};
        let ours = PasswordHasher::new(light())?;
        let hash = ours.hash("correct horse").map_err(|e| e.to_string())?;
        let parsed = PasswordHash::new(&hash).map_err(|e| e.to_string())?;
        assert!(Argon2::default().verify_password(b"correct horse", &parsed).is_ok());
        assert!(Argon2::default().verify_password(b"wrong horse", &parsed).is_err());
        let params = Params::new(64, 1, 1, None).map_err(|e| e.to_string())?;
        let reference = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let salt = SaltString::generate(&mut OsRng);
        let theirs = reference.hash_password(b"correct horse", &salt).map_err(|e| e.to_string())?.to_string();
        assert_eq!(ours.verify("correct horse", Some(&theirs)), Verification::Match { rehash: None });
        assert_eq!(ours.verify("wrong horse", Some(&theirs)), Verification::Mismatch);
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
        assert_eq!(
            validate_new_password("short", "a@b.c", None).map_err(|e| e.code().as_str()),
            Err("password_too_short")
        );
        assert_eq!(
            validate_new_password(&"x".repeat(257), "a@b.c", None).map_err(|e| e.code().as_str()),
            Err("password_too_long")
        );
        assert_eq!(
            validate_new_password("Alice@Example.com", "alice@example.com", None).map_err(|e| e.code().as_str()),
            Err("password_equals_email")
        );
        assert!(validate_new_password("long enough", "a@b.c", None).is_ok());
        assert!(validate_new_password(&"é".repeat(256), "a@b.c", None).is_ok());
    }
}
