//! The vocabulary of Latchkey as types, parsed once where data enters (request bodies, path
//! parameters, rows leaving the store) so that the rest of the code cannot hold an invalid one.
//! Plain Rust plus the diesel and serde mappings that let rows and bodies carry these types.

mod sql_text;

pub mod email;
pub mod ids;
pub mod kinds;
pub mod network;
pub mod object_only;
pub mod phone;
pub mod schema;
pub mod slug;
pub mod tenant_policy;
pub mod text;
pub mod time;
pub mod username;
pub mod webhook_event;
pub mod whole_number;

pub use email::Email;
pub use ids::{
    ApiKeyId, ChallengeId, DeviceId, GroupId, InvitationId, MethodId, OutboxId, PasswordResetId, SessionId, TenantId,
    UserId,
};
pub use kinds::{
    ChallengePurpose, Channel, GroupRule, KeyScope, LockReason, MethodKind, MethodStatus, OutboxStatus,
    PasswordResetMode, ResetOutcome, ResetVia, Role, SignInSource, TwoFactorMode,
};
pub use phone::PhoneNumber;
pub use slug::Slug;
pub use username::Username;
pub use webhook_event::WebhookEvent;

pub mod error_code;
mod error_code_meaning;
pub use error_code::{ErrorCode, Invalid};
pub mod audit;
pub use audit::{AuditEvent, AuditOutcome};
pub use tenant_policy::TenantPolicy;
pub use time::UnixTime;
