//! One-time codes sent by SMS or email, and recovery codes: generated from the OS CSPRNG,
//! compared in constant time, stored only as keyed hashes (`crypto::CodeHasher`).

use rand::Rng;

pub const CODE_DIGITS: usize = 6;
pub const CODE_TTL_SECS: i64 = 600;
pub const RESEND_COOLDOWN_SECS: i64 = 30;
/// Codes sent in one challenge, the first included.
pub const MAX_SENDS_PER_CHALLENGE: i32 = 5;
pub const RECOVERY_CODE_COUNT: usize = 10;

/// A uniformly random 6-digit code.
pub fn new_code() -> String {
    format!("{:06}", rand::rng().random_range(0..1_000_000u32))
}

const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// A recovery code like `k7m2p-x9q4r` (50 bits; no 0/o, 1/l/i to misread).
pub fn new_recovery_code() -> String {
    let mut rng = rand::rng();
    let mut pick = || RECOVERY_ALPHABET[rng.random_range(0..RECOVERY_ALPHABET.len())] as char;
    let a: String = (0..5).map(|_| pick()).collect();
    let b: String = (0..5).map(|_| pick()).collect();
    format!("{a}-{b}")
}

/// What a user typed, in the form it was hashed in: lower case, no spaces or dashes.
pub fn normalize_recovery_code(input: &str) -> String {
    input.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect()
}

/// What a typed SMS/email code is compared as: digits only.
pub fn normalize_code(input: &str) -> String {
    input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_six_digits_and_vary() {
        let codes: std::collections::HashSet<String> = (0..200).map(|_| new_code()).collect();
        assert!(codes.iter().all(|c| c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit())));
        assert!(codes.len() > 150);
    }

    #[test]
    fn recovery_codes_normalise() {
        let code = new_recovery_code();
        assert_eq!(code.len(), 11);
        assert_eq!(normalize_recovery_code(&code.to_uppercase().replace('-', " ")), code.replace('-', ""));
        assert_eq!(normalize_code(" 123 456 "), "123456");
    }
}
