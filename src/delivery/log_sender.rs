use super::{Message, SendFuture, Sender};

/// The development default: writes the message to the log. It carries the code, so never
/// use it in production (start-up warns when it is configured with PostgreSQL).
#[derive(Debug, Default)]
pub struct LogSender;

impl Sender for LogSender {
    fn send<'a>(&'a self, message: &'a Message) -> SendFuture<'a> {
        Box::pin(async move {
            tracing::warn!(
                channel = ?message.channel,
                to = %message.to,
                body = %message.body,
                "DEVELOPMENT delivery (LATCHKEY_DELIVERY=log): message not sent, written here instead"
            );
            Ok(())
        })
    }
}
