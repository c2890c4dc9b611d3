//! Email over SMTP with `lettre` (async on tokio, TLS by rustls): multipart plain text + HTML,
//! from the configured address with the tenant's name as the display name.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::{DeliveryError, Message, SendFuture, Sender};
use crate::secret::Secret;

/// `LATCHKEY_SMTP_TLS`: how the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain connection upgraded with STARTTLS, which the server must offer (port 587).
    Starttls,
    /// TLS from the first byte ("SMTPS", port 465).
    Tls,
    /// No encryption: only for a relay on the same host or network.
    None,
}

impl SmtpTls {
    pub fn default_port(self) -> u16 {
        match self {
            Self::Starttls => 587,
            Self::Tls => 465,
            Self::None => 25,
        }
    }
}

impl std::str::FromStr for SmtpTls {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "starttls" => Ok(Self::Starttls),
            "tls" => Ok(Self::Tls),
            "none" => Ok(Self::None),
            other => Err(format!("{other:?}: use starttls, tls or none")),
        }
    }
}

#[derive(Debug, Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
    /// User name and password, when the server asks for them.
    pub credentials: Option<(String, Secret)>,
    /// The sender's address and name (`Latchkey <no-reply@example.com>`); each message shows
    /// its tenant's name instead of this name.
    pub from: Mailbox,
    pub timeout: Duration,
}

pub struct SmtpSender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpSender {
    pub fn new(config: &SmtpConfig) -> Result<Self, String> {
        let tls = match config.tls {
            SmtpTls::None => Tls::None,
            mode => {
                let parameters = TlsParameters::new(config.host.clone())
                    .map_err(|e| format!("cannot set up TLS for {}: {e}", config.host))?;
                if mode == SmtpTls::Tls {
                    Tls::Wrapper(parameters)
                } else {
                    Tls::Required(parameters)
                }
            }
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(config.host.as_str())
            .port(config.port)
            .tls(tls)
            .timeout(Some(config.timeout));
        if let Some((user, password)) = &config.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.expose().to_owned()));
        }
        Ok(Self { transport: builder.build(), from: config.from.clone() })
    }

    /// The email for `message`: From shows the tenant's name, the Message-ID is the outbox id
    /// (the same on every attempt), and the body is text + HTML when there is HTML.
    fn email(&self, message: &Message) -> Result<lettre::Message, DeliveryError> {
        let to: Mailbox =
            message.to.parse().map_err(|_| DeliveryError::Permanent("the recipient is not a valid address".into()))?;
        let name = match message.tenant.trim() {
            "" => self.from.name.clone(),
            tenant => Some(tenant.to_owned()),
        };
        let mut builder = lettre::Message::builder()
            .from(Mailbox::new(name, self.from.email.clone()))
            .to(to)
            .subject(message.subject.clone().unwrap_or_default());
        if !message.id.is_empty() {
            builder = builder.message_id(Some(format!("<{}@{}>", message.id, self.from.email.domain())));
        }
        let built = match &message.html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(message.body.clone(), html.clone())),
            None => builder.header(ContentType::TEXT_PLAIN).body(message.body.clone()),
        };
        built.map_err(|e| DeliveryError::Permanent(format!("cannot build the email: {e}")))
    }
}

/// What went wrong, for `last_error` and the log: the reply code or the kind of failure, never
/// the server's text (which often repeats the address).
fn describe(e: &lettre::transport::smtp::Error) -> String {
    match e.status() {
        Some(code) => format!("smtp server answered {code}"),
        None if e.is_timeout() => "smtp: timed out".to_owned(),
        None if e.is_tls() => "smtp: TLS failed".to_owned(),
        None => "smtp: connection or protocol error".to_owned(),
    }
}

impl Sender for SmtpSender {
    fn send<'a>(&'a self, message: &'a Message) -> SendFuture<'a> {
        Box::pin(async move {
            let email = self.email(message)?;
            match self.transport.send(email).await {
                Ok(_) => Ok(()),
                // 5xx: the server refuses this message for good (no such mailbox, policy).
                Err(e) if e.is_permanent() => Err(DeliveryError::Permanent(describe(&e))),
                // 4xx, timeouts, connection and TLS failures: another attempt may succeed.
                Err(e) => Err(DeliveryError::Temporary(describe(&e))),
            }
        })
    }
}
