//! Access tokens: Ed25519-signed JWTs (`alg: EdDSA`, `kid` in the header) and the JWKS that
//! publishes their public keys. Time is passed in, never read from the system here.

use crate::domain::UnixTime;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{Algorithm, DecodingKey, Header, Validation};
use ring::signature::{Ed25519KeyPair, KeyPair};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub const ALGORITHM_NAME: &str = "EdDSA";

/// The claims of an access token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessClaims {
    pub iss: String,
    /// The user's id.
    pub sub: String,
    /// The tenant's slug: a backend of that tenant checks it.
    pub aud: String,
    pub exp: i64,
    pub iat: i64,
    pub jti: String,
    /// The session id; revoking the session makes the token inactive at introspection.
    pub sid: String,
    pub tenant: String,
    /// RFC 8176 authentication method references.
    pub amr: Vec<String>,
    /// The user's roles on the tenant's admin API when they hold one (`admin`, `owner`), for the
    /// client's information: the admin API reads them from the database on every request.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
}

/// Why a presented token was refused. Never shown in detail to the client.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    #[error("malformed token or header")]
    Malformed,
    #[error("unknown or missing key id")]
    UnknownKey,
    #[error("bad signature or disallowed algorithm")]
    BadSignature,
    #[error("wrong issuer or audience")]
    WrongIssuer,
    #[error("expired")]
    Expired,
    #[error("cannot sign: {0}")]
    Signing(String),
}

/// Ed25519 key material for one `kid`.
pub struct KeyMaterial {
    pub kid: String,
    pub created_at: UnixTime,
    pub retired_at: Option<UnixTime>,
    /// The 32-byte public key (the JWK's `x`).
    pub public_key: Vec<u8>,
    /// The private key, parsed once: parsing a PKCS#8 document derives the public key again,
    /// which would double the cost of every signature.
    signing: Option<Ed25519KeyPair>,
    decoding: DecodingKey,
}

impl KeyMaterial {
    /// `private_pkcs8` is `None` for keys this process only verifies with.
    pub fn new(
        kid: String,
        created_at: UnixTime,
        retired_at: Option<UnixTime>,
        public_key: Vec<u8>,
        private_pkcs8: Option<&[u8]>,
    ) -> Self {
        let x = URL_SAFE_NO_PAD.encode(&public_key);
        let decoding = DecodingKey::from_ed_components(&x).unwrap_or_else(|_| DecodingKey::from_ed_der(&public_key));
        Self {
            kid,
            created_at,
            retired_at,
            public_key,
            signing: private_pkcs8.and_then(|der| Ed25519KeyPair::from_pkcs8_maybe_unchecked(der).ok()),
            decoding,
        }
    }
}

impl std::fmt::Debug for KeyMaterial {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyMaterial")
            .field("kid", &self.kid)
            .field("retired_at", &self.retired_at)
            .finish_non_exhaustive()
    }
}

/// A new Ed25519 key pair: (PKCS#8 document, raw public key).
pub fn generate_ed25519() -> Result<(Vec<u8>, Vec<u8>), TokenError> {
    let rng = ring::rand::SystemRandom::new();
    let pkcs8 = Ed25519KeyPair::generate_pkcs8(&rng).map_err(|e| TokenError::Signing(e.to_string()))?;
    let pair = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).map_err(|e| TokenError::Signing(e.to_string()))?;
    Ok((pkcs8.as_ref().to_vec(), pair.public_key().as_ref().to_vec()))
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct Jwk {
    #[schema(schema_with = crate::domain::schema::okp)]
    pub kty: String,
    #[schema(schema_with = crate::domain::schema::ed25519)]
    pub crv: String,
    /// The public key, base64url without padding.
    pub x: String,
    pub kid: String,
    #[serde(rename = "use")]
    #[schema(schema_with = crate::domain::schema::sig)]
    pub use_: String,
    #[schema(schema_with = crate::domain::schema::eddsa)]
    pub alg: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct Jwks {
    pub keys: Vec<Jwk>,
}

/// The keys in force, newest first: the first unretired one signs, all of them verify.
#[derive(Debug, Default)]
pub struct KeyRing {
    keys: Vec<KeyMaterial>,
}

impl KeyRing {
    pub fn new(mut keys: Vec<KeyMaterial>) -> Self {
        keys.sort_by_key(|k| std::cmp::Reverse(k.created_at));
        Self { keys }
    }

    pub fn has_signing_key(&self) -> bool {
        self.keys.iter().any(|k| k.retired_at.is_none() && k.signing.is_some())
    }

    pub fn knows(&self, kid: &str) -> bool {
        self.keys.iter().any(|k| k.kid == kid)
    }

    pub fn sign(&self, claims: &AccessClaims) -> Result<String, TokenError> {
        let key = self
            .keys
            .iter()
            .find(|k| k.retired_at.is_none() && k.signing.is_some())
            .ok_or_else(|| TokenError::Signing("no active signing key".into()))?;
        let pair = key.signing.as_ref().ok_or_else(|| TokenError::Signing("no private key".into()))?;
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(key.kid.clone());
        // RFC 7515 compact serialisation, as `jsonwebtoken::encode` writes it, signed with the
        // parsed key.
        let unwritable = |e: serde_json::Error| TokenError::Signing(e.to_string());
        let mut token = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&header).map_err(unwritable)?);
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(serde_json::to_vec(claims).map_err(unwritable)?, &mut token);
        let signature = pair.sign(token.as_bytes());
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(signature.as_ref(), &mut token);
        Ok(token)
    }

    /// The `kid` a token names, if its header parses.
    pub fn kid_of(token: &str) -> Result<String, TokenError> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| TokenError::Malformed)?;
        header.kid.ok_or(TokenError::UnknownKey)
    }

    /// Verifies signature (EdDSA only), issuer, audience-equals-tenant and expiry at `now`.
    pub fn verify(&self, token: &str, issuer: &str, now: UnixTime) -> Result<AccessClaims, TokenError> {
        let kid = Self::kid_of(token)?;
        let key = self.keys.iter().find(|k| k.kid == kid).ok_or(TokenError::UnknownKey)?;
        let mut validation = Validation::new(Algorithm::EdDSA);
        // Expiry is checked below against the injected clock.
        validation.validate_exp = false;
        validation.validate_aud = false;
        validation.required_spec_claims = ["exp", "iss", "sub", "aud"].iter().map(|s| s.to_string()).collect();
        validation.set_issuer(&[issuer]);
        let data =
            jsonwebtoken::decode::<AccessClaims>(token, &key.decoding, &validation).map_err(|e| match e.kind() {
                jsonwebtoken::errors::ErrorKind::InvalidIssuer => TokenError::WrongIssuer,
                jsonwebtoken::errors::ErrorKind::InvalidSignature
                | jsonwebtoken::errors::ErrorKind::InvalidAlgorithm
                | jsonwebtoken::errors::ErrorKind::InvalidAlgorithmName => TokenError::BadSignature,
                _ => TokenError::Malformed,
            })?;
        let claims = data.claims;
        if claims.aud != claims.tenant {
            return Err(TokenError::WrongIssuer);
        }
        if claims.exp <= now.secs() {
            return Err(TokenError::Expired);
        }
        Ok(claims)
    }

    pub fn jwks(&self) -> Jwks {
        Jwks {
            keys: self
                .keys
                .iter()
                .map(|k| Jwk {
                    kty: "OKP".into(),
                    crv: "Ed25519".into(),
                    x: URL_SAFE_NO_PAD.encode(&k.public_key),
                    kid: k.kid.clone(),
                    use_: "sig".into(),
                    alg: ALGORITHM_NAME.into(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring_with(kid: &str, created_at: UnixTime) -> Result<KeyRing, TokenError> {
        let (pkcs8, public) = generate_ed25519()?;
        Ok(KeyRing::new(vec![KeyMaterial::new(kid.into(), created_at, None, public, Some(&pkcs8))]))
    }

    fn claims(now: i64) -> AccessClaims {
        AccessClaims {
            iss: "https://id.example".into(),
            sub: "user-1".into(),
            aud: "acme".into(),
            exp: now + 900,
            iat: now,
            jti: "j".into(),
            sid: "s".into(),
            tenant: "acme".into(),
            amr: vec!["pwd".into()],
            roles: Vec::new(),
        }
    }

    #[test]
    fn signed_tokens_verify_until_expiry() -> Result<(), TokenError> {
        let ring = ring_with("k1", UnixTime::from_secs(1))?;
        let token = ring.sign(&claims(1000))?;
        assert_eq!(KeyRing::kid_of(&token)?, "k1");
        assert_eq!(ring.verify(&token, "https://id.example", UnixTime::from_secs(1500))?, claims(1000));
        assert_eq!(ring.verify(&token, "https://id.example", UnixTime::from_secs(1900)), Err(TokenError::Expired));
        assert_eq!(
            ring.verify(&token, "https://other.example", UnixTime::from_secs(1500)),
            Err(TokenError::WrongIssuer)
        );
        Ok(())
    }

    #[test]
    fn another_keys_signature_is_refused() -> Result<(), TokenError> {
        let token = ring_with("k1", UnixTime::from_secs(1))?.sign(&claims(1000))?;
        assert_eq!(
            ring_with("k1", UnixTime::from_secs(1))?.verify(&token, "https://id.example", UnixTime::from_secs(1500)),
            Err(TokenError::BadSignature)
        );
        assert_eq!(
            ring_with("k2", UnixTime::from_secs(1))?.verify(&token, "https://id.example", UnixTime::from_secs(1500)),
            Err(TokenError::UnknownKey)
        );
        Ok(())
    }
}
