//! Typed identifiers, so that a method id cannot be passed where a user id is expected.
//! Each is a UUID made in Rust and stored as TEXT. Parsing client input accepts only a UUID
//! (any case, hyphenated or not) and yields the canonical lower-case hyphenated form, so a
//! NUL byte or a megabyte of text never reaches a query.

use super::sql_text::{parsed_string, BadStoredValue};
use super::Invalid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(
            Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, diesel::AsExpression, diesel::FromSqlRow,
        )]
        #[diesel(sql_type = diesel::sql_types::Text)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// A fresh random id for a new row.
            pub fn new() -> Self {
                Self(uuid::Uuid::new_v4().to_string())
            }

            /// Parses an id given by a client.
            pub fn parse(input: &str) -> Result<Self, Invalid> {
                uuid::Uuid::try_parse(input.trim())
                    .map(|u| Self(u.to_string()))
                    .map_err(|_| Invalid::new(super::ErrorCode::InvalidId, concat!("the ", $what, " id is not valid")))
            }

            /// Like `parse`, but a clean string that is not an id is `None` (it names nothing, so
            /// callers answer "not found"); only text that must never reach a query (control
            /// characters such as NUL, or more than 64 characters) is refused.
            pub fn parse_known(input: &str) -> Result<Option<Self>, Invalid> {
                if input.len() > 64 || super::text::has_unsafe_chars(input) {
                    return Err(Invalid::new(super::ErrorCode::InvalidId, concat!("the ", $what, " id is not valid")));
                }
                Ok(Self::parse(input).ok())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            fn from_stored(value: String) -> Result<Self, BadStoredValue> {
                Ok(Self(value))
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }

        parsed_string!($name);
    };
}

id_type!(
    /// A tenant (an organisation whose users sign in).
    TenantId,
    "tenant"
);
id_type!(
    /// A user of a tenant.
    UserId,
    "user"
);
id_type!(
    /// A second-factor method of a user.
    MethodId,
    "method"
);
id_type!(
    /// A login challenge (the state between the password and the second factor).
    ChallengeId,
    "challenge"
);
id_type!(
    /// A session (what a refresh token and its access tokens belong to).
    SessionId,
    "session"
);
id_type!(
    /// An API key (admin or tenant).
    ApiKeyId,
    "API key"
);
id_type!(
    /// A remembered device.
    DeviceId,
    "device"
);
id_type!(
    /// A message in the outbox.
    OutboxId,
    "message"
);
id_type!(
    /// A group of users within a tenant.
    GroupId,
    "group"
);
id_type!(
    /// An invitation to choose a password.
    InvitationId,
    "invitation"
);
id_type!(
    /// A password reset (self-service, or a link an administrator sent).
    PasswordResetId,
    "password reset"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_parse_only_uuids_into_their_canonical_form() {
        let id = UserId::new();
        assert_eq!(UserId::parse(id.as_str()).ok(), Some(id.clone()));
        assert_eq!(UserId::parse(&id.as_str().to_uppercase()).ok(), Some(id.clone()));
        assert_eq!(UserId::parse(&id.as_str().replace('-', "")).ok(), Some(id));
        for bad in ["", "x", "\0", "users", "00000000-0000-0000-0000-00000000000\u{0}", "../etc"] {
            assert!(UserId::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn ids_deserialize_through_parse() {
        let ok: Result<ChallengeId, _> = serde_json::from_str("\"9f1c1b1e-2f4c-4a57-9a55-5f0f6f4c2a10\"");
        assert!(ok.is_ok());
        let bad: Result<ChallengeId, _> = serde_json::from_str("\"a\\u0000b\"");
        assert!(bad.is_err());
    }
}
