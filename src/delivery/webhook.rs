use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::{DeliveryError, Message, SendFuture, Sender};

/// The signature of the first releases, kept for one release behind
/// `LATCHKEY_DELIVERY_WEBHOOK_LEGACY_SIGNATURE` (default on).
pub const LEGACY_SIGNATURE_HEADER: &str = "X-Latchkey-Signature";

/// POSTs each message as JSON `{id, channel, to, subject, body, code, tenant}` to a configured
/// URL, signed with the Standard Webhooks scheme (`webhook-id`, `webhook-timestamp`,
/// `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`), which receivers
/// check with a maintained library in any common language. The secret is `whsec_<base64>`; a
/// secret without that prefix is used as raw bytes (as before).
pub struct WebhookSender {
    client: reqwest::Client,
    url: String,
    key: Vec<u8>,
    legacy_signature: bool,
}

/// The HMAC key of a configured secret.
pub fn key_of(secret: &str) -> Result<Vec<u8>, String> {
    match secret.strip_prefix("whsec_") {
        Some(encoded) => STANDARD.decode(encoded).map_err(|_| "a whsec_ secret must be base64 after the prefix".into()),
        None => Ok(secret.as_bytes().to_vec()),
    }
}

impl WebhookSender {
    pub fn new(url: String, secret: &str, timeout: Duration, legacy_signature: bool) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .build()
            .map_err(|e| format!("cannot build the webhook client: {e}"))?;
        Ok(Self { client, url, key: key_of(secret)?, legacy_signature })
    }
}

fn hmac(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    match Hmac::<Sha256>::new_from_slice(key) {
        Ok(mut mac) => {
            for part in parts {
                mac.update(part);
            }
            mac.finalize().into_bytes().to_vec()
        }
        Err(_) => Vec::new(),
    }
}

/// `webhook-signature` for a message id, timestamp and body (Standard Webhooks v1).
pub fn standard_signature(key: &[u8], id: &str, timestamp: i64, body: &[u8]) -> String {
    let signed = hmac(key, &[id.as_bytes(), b".", timestamp.to_string().as_bytes(), b".", body]);
    format!("v1,{}", STANDARD.encode(signed))
}

/// The legacy `X-Latchkey-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
pub fn signature(key: &[u8], timestamp: i64, body: &[u8]) -> String {
    let hex: String =
        hmac(key, &[timestamp.to_string().as_bytes(), b".", body]).iter().map(|b| format!("{b:02x}")).collect();
    format!("t={timestamp},v1={hex}")
}

impl Sender for WebhookSender {
    fn send<'a>(&'a self, message: &'a Message) -> SendFuture<'a> {
        Box::pin(async move {
            let body = serde_json::to_vec(message).map_err(|e| DeliveryError::Temporary(e.to_string()))?;
            let timestamp = chrono::Utc::now().timestamp();
            let id = if message.id.is_empty() { uuid::Uuid::new_v4().to_string() } else { message.id.clone() };
            let mut request = self
                .client
                .post(&self.url)
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .header("webhook-id", &id)
                .header("webhook-timestamp", timestamp.to_string())
                .header("webhook-signature", standard_signature(&self.key, &id, timestamp, &body));
            if self.legacy_signature {
                request = request.header(LEGACY_SIGNATURE_HEADER, signature(&self.key, timestamp, &body));
            }
            let response =
                request.body(body).send().await.map_err(|e| DeliveryError::Temporary(e.without_url().to_string()))?;
            let status = response.status().as_u16();
            if response.status().is_success() {
                Ok(())
            } else {
                Err(DeliveryError::from_status(status, format!("the webhook answered {status}")))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_webhooks_signature_matches_the_specs_example() {
        // The example of the Standard Webhooks specification.
        let key = key_of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        let body = br#"{"test": 2432232314}"#;
        let sig = standard_signature(&key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body);
        assert_eq!(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assert_eq!(key_of("plain").unwrap(), b"plain");
        assert!(key_of("whsec_***").is_err());
    }
}
