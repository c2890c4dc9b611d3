use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::{DeliveryError, Message, SendFuture, Sender};

pub const SIGNATURE_HEADER: &str = "X-Latchkey-Signature";

/// POSTs each message as JSON `{channel, to, subject, body, code, tenant}` to a configured URL.
/// The `X-Latchkey-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">` header lets
/// the receiver check that the message came from this Latchkey and is fresh.
pub struct WebhookSender {
    client: reqwest::Client,
    url: String,
    secret: Vec<u8>,
}

impl WebhookSender {
    pub fn new(url: String, secret: Vec<u8>, timeout: Duration) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .build()
            .map_err(|e| format!("cannot build the webhook client: {e}"))?;
        Ok(Self { client, url, secret })
    }
}

/// The signature header value for a body sent at `timestamp`.
pub fn signature(secret: &[u8], timestamp: i64, body: &[u8]) -> String {
    let hex = match Hmac::<Sha256>::new_from_slice(secret) {
        Ok(mut mac) => {
            mac.update(timestamp.to_string().as_bytes());
            mac.update(b".");
            mac.update(body);
            mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
        }
        Err(_) => String::new(),
    };
    format!("t={timestamp},v1={hex}")
}

impl Sender for WebhookSender {
    fn send<'a>(&'a self, message: &'a Message) -> SendFuture<'a> {
        Box::pin(async move {
            let body = serde_json::to_vec(message).map_err(|e| DeliveryError::Unreachable(e.to_string()))?;
            let timestamp = chrono::Utc::now().timestamp();
            let response = self
                .client
                .post(&self.url)
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .header(SIGNATURE_HEADER, signature(&self.secret, timestamp, &body))
                .body(body)
                .send()
                .await
                .map_err(|e| DeliveryError::Unreachable(e.without_url().to_string()))?;
            if response.status().is_success() {
                Ok(())
            } else {
                Err(DeliveryError::Rejected(response.status().as_u16()))
            }
        })
    }
}
