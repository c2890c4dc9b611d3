//! SMS through Twilio's Messages API: a form POST to
//! `{base}/2010-04-01/Accounts/{AccountSid}/Messages.json` with HTTP basic auth (account SID,
//! auth token) and `To`, `From` or `MessagingServiceSid`, `Body`. Twilio answers 201 with the
//! message resource, or an error body `{"code", "message", "more_info", "status"}`.

use std::time::Duration;

use serde::Deserialize;

use super::{DeliveryError, Message, SendFuture, Sender};
use crate::secret::Secret;

/// Who the SMS is from: a number (or alphanumeric sender id) or a messaging service, which
/// picks the number itself.
#[derive(Debug, Clone)]
pub enum TwilioSenderId {
    From(String),
    MessagingService(String),
}

#[derive(Debug, Clone)]
pub struct TwilioConfig {
    pub account_sid: String,
    pub auth_token: Secret,
    pub sender: TwilioSenderId,
    /// `https://api.twilio.com` unless set (tests point it at a local server).
    pub base_url: String,
    pub timeout: Duration,
}

pub struct TwilioSender {
    client: reqwest::Client,
    url: String,
    account_sid: String,
    auth_token: Secret,
    sender: TwilioSenderId,
}

/// Twilio's error body.
#[derive(Debug, Deserialize)]
struct TwilioError {
    code: Option<i64>,
}

/// Twilio error codes that a retry cannot fix, whatever the HTTP status says: invalid or
/// unsupported numbers, blocked regions, recipients who opted out.
const PERMANENT_CODES: [i64; 6] = [21211, 21214, 21408, 21610, 21612, 21614];

impl TwilioSender {
    pub fn new(config: &TwilioConfig) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(config.timeout)
            .build()
            .map_err(|e| format!("cannot build the Twilio client: {e}"))?;
        let url = format!(
            "{}/2010-04-01/Accounts/{}/Messages.json",
            config.base_url.trim_end_matches('/'),
            config.account_sid
        );
        Ok(Self {
            client,
            url,
            account_sid: config.account_sid.clone(),
            auth_token: config.auth_token.clone(),
            sender: config.sender.clone(),
        })
    }
}

/// Retryable or not, from Twilio's answer. The text names the status and Twilio's code, never
/// Twilio's message (which repeats the number).
fn classify(status: u16, body: &[u8]) -> DeliveryError {
    let code = serde_json::from_slice::<TwilioError>(body).ok().and_then(|e| e.code);
    let what = match code {
        Some(code) => format!("twilio answered {status} (error {code})"),
        None => format!("twilio answered {status}"),
    };
    if code.is_some_and(|c| PERMANENT_CODES.contains(&c)) {
        DeliveryError::Permanent(what)
    } else {
        DeliveryError::from_status(status, what)
    }
}

impl Sender for TwilioSender {
    fn send<'a>(&'a self, message: &'a Message) -> SendFuture<'a> {
        Box::pin(async move {
            let sender = match &self.sender {
                TwilioSenderId::From(number) => ("From", number.as_str()),
                TwilioSenderId::MessagingService(sid) => ("MessagingServiceSid", sid.as_str()),
            };
            let form = [("To", message.to.as_str()), sender, ("Body", message.body.as_str())];
            let response = self
                .client
                .post(&self.url)
                .basic_auth(&self.account_sid, Some(self.auth_token.expose()))
                .form(&form)
                .send()
                .await
                .map_err(|e| DeliveryError::Temporary(format!("twilio: {}", e.without_url())))?;
            let status = response.status();
            if status.is_success() {
                return Ok(());
            }
            let body = response.bytes().await.unwrap_or_default();
            Err(classify(status.as_u16(), &body))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twilio_errors_are_classified() {
        let invalid =
            br#"{"code": 21211, "message": "The 'To' number +1 is not a valid phone number.", "status": 400}"#;
        let e = classify(400, invalid);
        assert!(e.is_permanent());
        assert_eq!(e.to_string(), "twilio answered 400 (error 21211)");
        assert!(!classify(429, br#"{"code": 20429, "status": 429}"#).is_permanent());
        assert!(!classify(503, b"<html>").is_permanent());
        assert!(classify(401, br#"{"code": 20003, "status": 401}"#).is_permanent());
    }
}
