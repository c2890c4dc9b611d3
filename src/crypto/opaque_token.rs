//! Opaque bearer secrets (API keys, refresh tokens): shown once, stored as SHA-256 hashes,
//! recognisable by their prefix, redacted in Debug output.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    AdminKey,
    TenantKey,
    RefreshToken,
    DeviceToken,
    Invitation,
    PasswordReset,
}

impl TokenKind {
    pub fn prefix(self) -> &'static str {
        match self {
            TokenKind::AdminKey => "lk_admin_",
            TokenKind::TenantKey => "lk_tenant_",
            TokenKind::RefreshToken => "lk_rt_",
            TokenKind::DeviceToken => "lk_dev_",
            TokenKind::Invitation => "lk_inv_",
            TokenKind::PasswordReset => "lk_rst_",
        }
    }
}

pub struct OpaqueToken {
    plaintext: String,
}

impl OpaqueToken {
    pub fn generate(kind: TokenKind) -> Self {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        Self { plaintext: format!("{}{}", kind.prefix(), URL_SAFE_NO_PAD.encode(bytes)) }
    }

    /// Wraps a value chosen by an operator (the bootstrap admin key).
    pub fn from_plaintext(plaintext: String) -> Self {
        Self { plaintext }
    }

    /// The value to show once to whoever asked for it.
    pub fn reveal(&self) -> &str {
        &self.plaintext
    }

    pub fn hash(&self) -> String {
        hash_token(&self.plaintext)
    }

    /// A short, non-secret label for listings ("lk_tenant_AbCd").
    pub fn display_prefix(&self) -> String {
        self.plaintext.chars().take(self.plaintext.find('_').map_or(0, |_| 14)).collect()
    }
}

impl std::fmt::Debug for OpaqueToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OpaqueToken(<redacted>)")
    }
}

pub fn hash_token(plaintext: &str) -> String {
    let digest = Sha256::digest(plaintext.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_prefixed_unique_and_redacted() {
        let a = OpaqueToken::generate(TokenKind::TenantKey);
        let b = OpaqueToken::generate(TokenKind::TenantKey);
        assert!(a.reveal().starts_with("lk_tenant_"));
        assert_ne!(a.reveal(), b.reveal());
        assert_eq!(a.hash(), hash_token(a.reveal()));
        assert_eq!(a.hash().len(), 64);
        assert!(!format!("{a:?}").contains(a.reveal()));
        assert_eq!(a.display_prefix().len(), 14);
    }
}
