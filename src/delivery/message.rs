//! A message to one person, as the outbox seals it and the senders send it.

use serde::{Deserialize, Serialize};

use crate::domain::Channel;

/// A message to one person. `Debug` leaves out the recipient, the text and the code.
#[derive(Clone, Serialize, Deserialize)]
pub struct Message {
    /// The outbox id: the same on every attempt, so receivers can drop duplicates
    /// (`webhook-id` on the webhook, `Message-ID` by email).
    #[serde(default)]
    pub id: String,
    pub channel: Channel,
    /// E.164 phone number or email address.
    pub to: String,
    pub subject: Option<String>,
    /// The plain text (the whole SMS; the text part of an email).
    pub body: String,
    /// The HTML part of an email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    /// The code alone, for gateways that template their own text.
    pub code: Option<String>,
    /// The tenant's name, shown to the user (and in the From name of an email).
    pub tenant: String,
    /// The challenge or method a code belongs to (kept on the outbox row, never sent).
    #[serde(skip)]
    pub context: Option<String>,
}

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Message").field("channel", &self.channel).field("tenant", &self.tenant).finish_non_exhaustive()
    }
}
