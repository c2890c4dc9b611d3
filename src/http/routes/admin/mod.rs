//! `/admin/…`: platform admin keys see everything; a tenant key sees its own tenant's users.
//! Never opened to browsers (no CORS).

pub mod api_keys;
pub mod audit;
pub mod groups;
pub mod invitations;
pub mod outbox;
pub mod password_resets;
pub mod signing_keys;
pub mod sms_budget;
pub mod tenants;
pub mod users;
pub mod webhooks;
