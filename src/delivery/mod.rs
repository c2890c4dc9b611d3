//! Sending messages to people. One interface, `Sender`, with one implementation per way out
//! (`log`, `webhook`, `smtp`, `twilio`); `ChannelRouter` picks the one configured for each
//! channel. The use cases decide *what* to say (`templates`), the outbox decides *when*.

mod log_sender;
mod message;
pub mod safe_destination;
mod smtp;
pub mod templates;
mod twilio;
mod webhook;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

pub use log_sender::LogSender;
pub use message::Message;
pub use smtp::{SmtpConfig, SmtpSender, SmtpTls};
pub use twilio::{TwilioConfig, TwilioSender, TwilioSenderId};
pub use webhook::{key_of, standard_signature, WebhookSender};

pub use crate::domain::Channel;

/// Why an attempt failed, as far as retrying goes. The text is for operators (the outbox's
/// `last_error`, the log): never the message's content.
#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    /// Worth another attempt: unreachable, timed out, throttled, a server error.
    #[error("{0}")]
    Temporary(String),
    /// A retry cannot fix it: an invalid recipient, refused credentials, a rejected request.
    #[error("{0}")]
    Permanent(String),
}

impl DeliveryError {
    /// Classifies an HTTP answer: 408, 429 and 5xx are temporary, other 4xx permanent.
    pub fn from_status(status: u16, what: String) -> Self {
        if (400..500).contains(&status) && !matches!(status, 408 | 429) {
            Self::Permanent(what)
        } else {
            Self::Temporary(what)
        }
    }

    pub fn is_permanent(&self) -> bool {
        matches!(self, Self::Permanent(_))
    }
}

pub type SendFuture<'a> = Pin<Box<dyn Future<Output = Result<(), DeliveryError>> + Send + 'a>>;

pub trait Sender: Send + Sync {
    fn send<'a>(&'a self, message: &'a Message) -> SendFuture<'a>;
}

/// The sender of each channel.
#[derive(Debug, Clone)]
pub struct DeliverySettings {
    pub sms: DeliveryConfig,
    pub email: DeliveryConfig,
}

impl DeliverySettings {
    pub fn uses_log(&self) -> bool {
        matches!(self.sms, DeliveryConfig::Log) || matches!(self.email, DeliveryConfig::Log)
    }
}

/// Hands each message to its channel's sender.
struct ChannelRouter {
    sms: Arc<dyn Sender>,
    email: Arc<dyn Sender>,
}

impl Sender for ChannelRouter {
    fn send<'a>(&'a self, message: &'a Message) -> SendFuture<'a> {
        match message.channel {
            Channel::Sms => self.sms.send(message),
            Channel::Email => self.email.send(message),
        }
    }
}

/// The sender for every channel, from settings.
pub fn sender_from(settings: &DeliverySettings) -> Result<Arc<dyn Sender>, String> {
    Ok(Arc::new(ChannelRouter { sms: channel_sender(&settings.sms)?, email: channel_sender(&settings.email)? }))
}

/// Which sender one channel uses, from settings.
#[derive(Debug, Clone)]
pub enum DeliveryConfig {
    Log,
    Webhook { url: String, secret: crate::secret::Secret, timeout: Duration, legacy_signature: bool },
    Smtp(SmtpConfig),
    Twilio(TwilioConfig),
}

fn channel_sender(config: &DeliveryConfig) -> Result<Arc<dyn Sender>, String> {
    Ok(match config {
        DeliveryConfig::Log => Arc::new(LogSender),
        DeliveryConfig::Webhook { url, secret, timeout, legacy_signature } => {
            Arc::new(WebhookSender::new(url.clone(), secret.expose(), *timeout, *legacy_signature)?)
        }
        DeliveryConfig::Smtp(config) => Arc::new(SmtpSender::new(config)?),
        DeliveryConfig::Twilio(config) => Arc::new(TwilioSender::new(config)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_answers_are_classified_for_retrying() {
        assert!(DeliveryError::from_status(400, String::new()).is_permanent());
        assert!(DeliveryError::from_status(401, String::new()).is_permanent());
        for temporary in [408, 429, 500, 503] {
            assert!(!DeliveryError::from_status(temporary, String::new()).is_permanent(), "{temporary}");
        }
    }
}
