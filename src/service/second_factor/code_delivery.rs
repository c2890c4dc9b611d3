//! What an answer says about the code it sent: sent, on its way (the gateway failed in a way the
//! outbox retries), or refused for good. The request sends its own message right after its
//! commit; this turns the attempt into the fields a client reads.

use crate::domain::ErrorCode;
use crate::error::AppError;
use crate::service::outbox::{self, Attempt, Queued};
use crate::state::AppState;

/// What a person reads when the code will arrive, only later.
pub const DELAYED_MESSAGE: &str = "the code is on its way; it may take a minute";
/// What a person reads when the code will never arrive at that destination.
pub const REFUSED_MESSAGE: &str = "the code could not be delivered to this destination: use another method";

/// The request's own attempt at the code it queued (none for TOTP).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeDelivery {
    NoneQueued,
    Sent,
    /// Queued for the outbox worker's retries: it will arrive.
    Delayed,
    /// Refused for good: it will not arrive.
    Refused,
}

impl CodeDelivery {
    /// `502 delivery_failed` when the refusal is final, for answers that have nothing else to
    /// offer the person; a delayed code is a success.
    pub fn refused_is_an_error(self) -> Result<Self, AppError> {
        match self {
            CodeDelivery::Refused => Err(AppError::DeliveryFailed),
            other => Ok(other),
        }
    }

    /// `(code_sent, delivery_error, delivery_message)` for an answer whose code was queued, or
    /// `None` when the answer keeps what it said (sent, or nothing to send).
    pub fn fields(self) -> Option<(bool, ErrorCode, &'static str)> {
        match self {
            CodeDelivery::NoneQueued | CodeDelivery::Sent => None,
            CodeDelivery::Delayed => Some((false, ErrorCode::DeliveryDelayed, DELAYED_MESSAGE)),
            CodeDelivery::Refused => Some((false, ErrorCode::DeliveryFailed, REFUSED_MESSAGE)),
        }
    }
}

/// Sends a message the use case queued, right after its commit.
async fn deliver(state: &std::sync::Arc<AppState>, queued: Option<Queued>) -> CodeDelivery {
    match queued {
        Some(queued) => match outbox::send_now(state, queued).await {
            Attempt::Sent => CodeDelivery::Sent,
            Attempt::Retrying => CodeDelivery::Delayed,
            Attempt::Refused => CodeDelivery::Refused,
        },
        None => CodeDelivery::NoneQueued,
    }
}

/// An answer that says whether its code went out.
pub trait ReportsDelivery {
    /// Sets `code_sent`, `delivery_error` and `delivery_message` from the attempt.
    fn report(&mut self, delivery: CodeDelivery);
}

/// What `ReportsDelivery::report` does on an answer's three fields.
fn apply(
    delivery: CodeDelivery,
    code_sent: &mut bool,
    delivery_error: &mut Option<ErrorCode>,
    delivery_message: &mut Option<String>,
) {
    if let Some((sent, code, message)) = delivery.fields() {
        *code_sent = sent;
        *delivery_error = Some(code);
        *delivery_message = Some(message.to_owned());
    }
}

/// The answers that carry `code_sent`, `delivery_error` and `delivery_message` themselves (the
/// enums that wrap them delegate to them).
macro_rules! reports_delivery {
    ($($answer:ty),+ $(,)?) => {$(
        impl ReportsDelivery for $answer {
            fn report(&mut self, delivery: CodeDelivery) {
                apply(delivery, &mut self.code_sent, &mut self.delivery_error, &mut self.delivery_message);
            }
        }
    )+};
}

reports_delivery!(
    super::challenge::SecondFactorRequired,
    super::challenge::ChallengeState,
    super::Enrollment,
    crate::service::password_reset::ResetSecondStep,
    crate::service::password_reset::ResetMethodState,
);

/// A use case's answer and the code message its transaction queued (leased to this request),
/// which goes out right after the commit: the unit of work hands both back together, and `send`
/// sends the code and writes into the answer what became of it.
#[must_use = "the queued code goes out only through `send` or `send_or_fail`"]
pub struct Pending<T> {
    answer: T,
    code: Option<Queued>,
}

impl<T> Pending<T> {
    pub fn new(answer: T, code: Option<Queued>) -> Self {
        Pending { answer, code }
    }

    /// An answer with no code to send.
    pub fn answer(answer: T) -> Self {
        Pending { answer, code: None }
    }

    /// The same code with another answer built from this one.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Pending<U> {
        Pending { answer: f(self.answer), code: self.code }
    }

    /// Whether a code waits to be sent.
    pub fn has_code(&self) -> bool {
        self.code.is_some()
    }

    pub fn answer_ref(&self) -> &T {
        &self.answer
    }

    pub fn answer_mut(&mut self) -> &mut T {
        &mut self.answer
    }
}

impl<T: ReportsDelivery> Pending<T> {
    /// Sends the code; a final refusal stays in the answer (`delivery_error: delivery_failed`),
    /// for answers whose challenge lets the person go on another way (login, a reset's step).
    pub async fn send(self, state: &std::sync::Arc<AppState>) -> T {
        let mut answer = self.answer;
        answer.report(deliver(state, self.code).await);
        answer
    }

    /// Sends the code; a final refusal is `502 delivery_failed`, for answers about that code alone.
    pub async fn send_or_fail(self, state: &std::sync::Arc<AppState>) -> Result<T, AppError> {
        let mut answer = self.answer;
        answer.report(deliver(state, self.code).await.refused_is_an_error()?);
        Ok(answer)
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Pending<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pending").field("answer", &self.answer).field("code", &self.code.is_some()).finish()
    }
}
