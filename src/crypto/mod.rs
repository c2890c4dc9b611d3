//! Cryptographic building blocks: the master key and what it seals, opaque tokens.

pub mod code_hasher;
pub mod master_key;
pub mod opaque_token;
pub mod secret_box;

pub use code_hasher::CodeHasher;
pub use master_key::load_or_create_master_key;
pub use opaque_token::{hash_token, OpaqueToken, TokenKind};
pub use secret_box::{CryptoError, SecretBox};
