//! Sending codes to people. One interface, `Sender`; the use cases decide *what* to send and
//! return it, the HTTP layer hands it to the configured sender after the database work is done.

mod log_sender;
mod webhook;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use log_sender::LogSender;
pub use webhook::WebhookSender;

pub use crate::domain::Channel;

/// A message to one person. `Debug` leaves out the body and the code.
#[derive(Clone, Serialize, Deserialize)]
pub struct Message {
    /// The outbox id: the same on every attempt, so receivers can drop duplicates
    /// (`webhook-id` on the webhook).
    #[serde(default)]
    pub id: String,
    pub channel: Channel,
    /// E.164 phone number or email address.
    pub to: String,
    pub subject: Option<String>,
    pub body: String,
    /// The code alone, for gateways that template their own text.
    pub code: Option<String>,
    /// The tenant's name, shown to the user.
    pub tenant: String,
}

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Message").field("channel", &self.channel).field("tenant", &self.tenant).finish_non_exhaustive()
    }
}

impl Message {
    /// The text of a sign-in code: only the code and the tenant's name (and, by email, when the
    /// code expires, from its real lifetime).
    pub fn code(channel: Channel, to: &str, tenant_name: &str, code: &str, ttl_secs: i64) -> Self {
        let lifetime = match ttl_secs {
            s if s % 60 == 0 && s >= 120 => format!("{} minutes", s / 60),
            60 => "1 minute".to_owned(),
            s => format!("{s} seconds"),
        };
        let (subject, body) = match channel {
            Channel::Sms => (None, format!("{code} is your {tenant_name} sign-in code.")),
            Channel::Email => (
                Some(format!("Your {tenant_name} sign-in code")),
                format!("Your {tenant_name} sign-in code is {code}.\n\nIt expires in {lifetime}. If you did not try to sign in, change your password."),
            ),
        };
        Self {
            id: String::new(),
            channel,
            to: to.to_owned(),
            subject,
            body,
            code: Some(code.to_owned()),
            tenant: tenant_name.to_owned(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    #[error("the gateway could not be reached: {0}")]
    Unreachable(String),
    #[error("the gateway answered {0}")]
    Rejected(u16),
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

/// Which sender to use, from settings.
#[derive(Debug, Clone)]
pub enum DeliveryConfig {
    Log,
    Webhook { url: String, secret: crate::secret::Secret, timeout: Duration, legacy_signature: bool },
}

fn channel_sender(config: &DeliveryConfig) -> Result<Arc<dyn Sender>, String> {
    Ok(match config {
        DeliveryConfig::Log => Arc::new(LogSender),
        DeliveryConfig::Webhook { url, secret, timeout, legacy_signature } => {
            Arc::new(WebhookSender::new(url.clone(), secret.expose(), *timeout, *legacy_signature)?)
        }
    })
}
