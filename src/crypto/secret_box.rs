//! AES-256-GCM under the master key. Every sealed value is bound to a context
//! (associated data, e.g. a key id or method id), so a ciphertext moved to another row fails to open.

use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};

const NONCE_LEN: usize = 12;

#[derive(Clone)]
pub struct SecretBox {
    cipher: Aes256Gcm,
}

#[derive(Debug, thiserror::Error)]
#[error("a secret could not be sealed or opened (wrong master key or tampered data)")]
pub struct CryptoError;

impl SecretBox {
    pub fn new(key: &[u8; 32]) -> Self {
        Self { cipher: Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key)) }
    }

    /// Returns nonce || ciphertext || tag.
    pub fn seal(&self, context: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
        let ct = self.cipher.encrypt(&nonce, Payload { msg: plaintext, aad: context }).map_err(|_| CryptoError)?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ct);
        Ok(out)
    }

    pub fn open(&self, context: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
        if sealed.len() < NONCE_LEN {
            return Err(CryptoError);
        }
        let (nonce, ct) = sealed.split_at(NONCE_LEN);
        self.cipher.decrypt(Nonce::from_slice(nonce), Payload { msg: ct, aad: context }).map_err(|_| CryptoError)
    }
}

impl std::fmt::Debug for SecretBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretBox(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_only_in_their_context() {
        let sb = SecretBox::new(&[7u8; 32]);
        let sealed = sb.seal(b"kid-1", b"secret").unwrap_or_default();
        assert_eq!(sb.open(b"kid-1", &sealed).ok(), Some(b"secret".to_vec()));
        assert!(sb.open(b"kid-2", &sealed).is_err());
        assert!(SecretBox::new(&[8u8; 32]).open(b"kid-1", &sealed).is_err());
        assert!(sb.open(b"kid-1", &sealed[..5]).is_err());
    }
}
