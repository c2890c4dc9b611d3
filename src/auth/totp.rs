//! TOTP (RFC 6238): provisioning (secret, otpauth URI, QR code) and verification with ±1 step
//! of drift. `now` is passed in; replay protection (a step accepted once is never accepted
//! again) is enforced by the store with the step returned here.

use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, Secret, TOTP};

use crate::domain::{ErrorCode, UnixTime};
use crate::error::AppError;

/// Steps of drift accepted either side of the current one.
pub const DRIFT_STEPS: i64 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TotpParams {
    pub algorithm: TotpAlgorithm,
    pub digits: u32,
    pub period: u64,
}

impl Default for TotpParams {
    /// What every common authenticator app accepts.
    fn default() -> Self {
        Self { algorithm: TotpAlgorithm::Sha1, digits: 6, period: 30 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotpAlgorithm {
    Sha1,
    Sha256,
    Sha512,
}

impl TotpAlgorithm {
    pub fn parse(s: &str) -> Result<Self, AppError> {
        match s.to_ascii_uppercase().as_str() {
            "SHA1" => Ok(Self::Sha1),
            "SHA256" => Ok(Self::Sha256),
            "SHA512" => Ok(Self::Sha512),
            _ => Err(AppError::validation(
                ErrorCode::InvalidTotpAlgorithm,
                "the TOTP algorithm must be SHA1, SHA256 or SHA512",
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sha1 => "SHA1",
            Self::Sha256 => "SHA256",
            Self::Sha512 => "SHA512",
        }
    }

    fn lib(self) -> Algorithm {
        match self {
            Self::Sha1 => Algorithm::SHA1,
            Self::Sha256 => Algorithm::SHA256,
            Self::Sha512 => Algorithm::SHA512,
        }
    }
}

impl TotpParams {
    pub fn new(algorithm: &str, digits: i32, period: i32) -> Result<Self, AppError> {
        if !(6..=8).contains(&digits) {
            return Err(AppError::validation(ErrorCode::InvalidTotpDigits, "TOTP codes must have 6, 7 or 8 digits"));
        }
        if !(15..=120).contains(&period) {
            return Err(AppError::validation(ErrorCode::InvalidTotpPeriod, "the TOTP period must be 15-120 seconds"));
        }
        // Both were range-checked above, so the conversions cannot fail.
        let (digits, period) = (digits.unsigned_abs(), u64::from(period.unsigned_abs()));
        Ok(Self { algorithm: TotpAlgorithm::parse(algorithm)?, digits, period })
    }

    /// The digits and the period as stored (INTEGER columns); both are small by construction.
    pub fn stored(self) -> (i32, i32) {
        (i32::try_from(self.digits).unwrap_or(i32::MAX), i32::try_from(self.period).unwrap_or(i32::MAX))
    }
}

/// A new random secret: 20 bytes for SHA1 (RFC 4226's recommendation), the hash size otherwise.
pub fn generate_secret(params: TotpParams) -> Vec<u8> {
    use rand::RngCore;
    let len = match params.algorithm {
        TotpAlgorithm::Sha1 => 20,
        TotpAlgorithm::Sha256 => 32,
        TotpAlgorithm::Sha512 => 64,
    };
    let mut secret = vec![0u8; len];
    rand::rng().fill_bytes(&mut secret);
    secret
}

fn totp(secret: &[u8], params: TotpParams, issuer: Option<String>, account: String) -> TOTP {
    TOTP::new_unchecked(
        params.algorithm.lib(),
        params.digits as usize,
        1,
        params.period,
        secret.to_vec(),
        issuer,
        account,
    )
}

/// The code for a given unix time.
pub fn code_at(secret: &[u8], params: TotpParams, unix_time: u64) -> String {
    totp(secret, params, None, String::new()).generate(unix_time)
}

/// The time step whose code matches, looking at the current step and `DRIFT_STEPS` either side.
pub fn matching_step(secret: &[u8], params: TotpParams, code: &str, now: UnixTime) -> Option<i64> {
    let code = code.trim();
    if code.len() != params.digits as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let current = now.secs().max(0) / i64::try_from(params.period).unwrap_or(i64::MAX);
    let mut found = None;
    // Check every candidate so the time taken does not depend on which one matched.
    for step in (current - DRIFT_STEPS)..=(current + DRIFT_STEPS) {
        if step < 0 {
            continue;
        }
        let expected = code_at(secret, params, step.unsigned_abs() * params.period);
        if bool::from(expected.as_bytes().ct_eq(code.as_bytes())) && found.is_none() {
            found = Some(step);
        }
    }
    found
}

/// What an authenticator app needs: the base32 secret, the otpauth:// URI and a QR code of it.
pub struct Provisioning {
    pub secret_base32: String,
    pub otpauth_uri: String,
    pub qr_png_base64: String,
}

impl std::fmt::Debug for Provisioning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Provisioning(<redacted>)")
    }
}

/// `issuer` is the tenant's name, `account` the user's email. Colons would break the URI's
/// label, so they are replaced.
pub fn provisioning(secret: &[u8], params: TotpParams, issuer: &str, account: &str) -> Result<Provisioning, AppError> {
    let clean = |s: &str| s.replace(':', " ");
    let t = totp(secret, params, Some(clean(issuer)), clean(account));
    let qr_png_base64 = t.get_qr_base64().map_err(AppError::internal)?;
    Ok(Provisioning {
        secret_base32: Secret::Raw(secret.to_vec()).to_encoded().to_string(),
        otpauth_uri: t.get_url(),
        qr_png_base64,
    })
}

#[cfg(test)]
#[allow(clippy::cast_possible_wrap, clippy::cast_sign_loss)] // RFC test vectors are small positive times
mod tests {
    use super::*;

    const SEED_SHA1: &[u8] = b"12345678901234567890";
    const SEED_SHA256: &[u8] = b"12345678901234567890123456789012";
    const SEED_SHA512: &[u8] = b"1234567890123456789012345678901234567890123456789012345678901234";

    /// RFC 6238 Appendix B, every row, every algorithm, 8 digits.
    #[test]
    fn rfc6238_appendix_b_vectors() {
        let rows: [(u64, &str, &str, &str); 6] = [
            (59, "94287082", "46119246", "90693936"),
            (1111111109, "07081804", "68084774", "25091201"),
            (1111111111, "14050471", "67062674", "99943326"),
            (1234567890, "89005924", "91819424", "93441116"),
            (2000000000, "69279037", "90698825", "38618901"),
            (20000000000, "65353130", "77737706", "47863826"),
        ];
        for (time, sha1, sha256, sha512) in rows {
            for (algorithm, seed, expected) in [
                (TotpAlgorithm::Sha1, SEED_SHA1, sha1),
                (TotpAlgorithm::Sha256, SEED_SHA256, sha256),
                (TotpAlgorithm::Sha512, SEED_SHA512, sha512),
            ] {
                let params = TotpParams { algorithm, digits: 8, period: 30 };
                assert_eq!(code_at(seed, params, time), expected, "{algorithm:?} at {time}");
                assert_eq!(
                    matching_step(seed, params, expected, UnixTime::from_secs(time as i64)),
                    Some(time as i64 / 30)
                );
            }
        }
    }

    #[test]
    fn one_step_of_drift_either_side_is_accepted_and_no_more() {
        let params = TotpParams::default();
        let now = 1_700_000_000i64;
        let step = now / 30;
        for (offset, accepted) in [(-2, false), (-1, true), (0, true), (1, true), (2, false)] {
            let code = code_at(SEED_SHA1, params, ((step + offset) * 30) as u64);
            assert_eq!(
                matching_step(SEED_SHA1, params, &code, UnixTime::from_secs(now)),
                accepted.then_some(step + offset),
                "offset {offset}"
            );
        }
        assert_eq!(matching_step(SEED_SHA1, params, "12345", UnixTime::from_secs(now)), None);
        assert_eq!(matching_step(SEED_SHA1, params, "abcdef", UnixTime::from_secs(now)), None);
    }

    #[test]
    fn provisioning_names_issuer_and_account() -> Result<(), AppError> {
        let params = TotpParams { algorithm: TotpAlgorithm::Sha256, digits: 8, period: 60 };
        let secret = generate_secret(params);
        assert_eq!(secret.len(), 32);
        let p = provisioning(&secret, params, "Acme: Clinic", "alice@example.com")?;
        assert!(p.otpauth_uri.starts_with("otpauth://totp/Acme%20%20Clinic:alice%40example.com?"), "{}", p.otpauth_uri);
        assert!(
            p.otpauth_uri.contains("algorithm=SHA256")
                && p.otpauth_uri.contains("digits=8")
                && p.otpauth_uri.contains("period=60")
        );
        assert!(p.otpauth_uri.contains(&format!("secret={}", p.secret_base32)));
        assert!(!p.qr_png_base64.is_empty());
        Ok(())
    }

    #[test]
    fn tenant_parameters_are_bounded() {
        assert!(TotpParams::new("SHA512", 8, 30).is_ok());
        assert!(TotpParams::new("MD5", 6, 30).is_err());
        assert!(TotpParams::new("SHA1", 5, 30).is_err());
        assert!(TotpParams::new("SHA1", 6, 5).is_err());
    }
}
