//! Keyed hashes for short codes (SMS/email codes, recovery codes). A 6-digit code has too little
//! entropy for a plain hash: without the key, a stolen database does not reveal the codes.
//! Each hash is bound to a context (the challenge, method or user it belongs to).

use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

type HmacSha256 = Hmac<Sha256>;

#[derive(Clone)]
pub struct CodeHasher {
    key: [u8; 32],
}

impl CodeHasher {
    /// Derives the hashing key from the master key, so the two are never the same bytes.
    pub fn from_master_key(master: &[u8; 32]) -> Self {
        let mut key = [0u8; 32];
        if let Ok(mut mac) = HmacSha256::new_from_slice(master) {
            mac.update(b"latchkey/code-hash/v1");
            key.copy_from_slice(&mac.finalize().into_bytes());
        }
        Self { key }
    }

    pub fn hash(&self, context: &str, code: &str) -> String {
        let digest = match HmacSha256::new_from_slice(&self.key) {
            Ok(mut mac) => {
                mac.update(context.as_bytes());
                mac.update(&[0]);
                mac.update(code.as_bytes());
                mac.finalize().into_bytes().to_vec()
            }
            Err(_) => Vec::new(),
        };
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn matches(&self, context: &str, code: &str, stored: &str) -> bool {
        bool::from(self.hash(context, code).as_bytes().ct_eq(stored.as_bytes()))
    }
}

impl std::fmt::Debug for CodeHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CodeHasher(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_keyed_and_bound_to_their_context() {
        let h = CodeHasher::from_master_key(&[1; 32]);
        let stored = h.hash("challenge-1", "123456");
        assert!(h.matches("challenge-1", "123456", &stored));
        assert!(!h.matches("challenge-2", "123456", &stored));
        assert!(!h.matches("challenge-1", "123457", &stored));
        assert!(!CodeHasher::from_master_key(&[2; 32]).matches("challenge-1", "123456", &stored));
        assert!(!stored.contains("123456"));
    }
}
