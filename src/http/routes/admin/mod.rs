//! `/admin/…`: platform admin keys see everything; a tenant key (with the `admin` scope) and the
//! tenant's own administrators (users with a role, by access token) see their own tenant, as
//! `service::access` decides. Never opened to browsers of other origins (no CORS): the console is
//! served from the same origin, under `/ui/admin/`.

pub mod api_keys;
pub mod audit;
pub mod groups;
pub mod invitations;
pub mod outbox;
pub mod password_resets;
pub mod roles;
pub mod settings_preview;
pub mod signing_keys;
pub mod sms_budget;
pub mod tenants;
pub mod users;
pub mod webhooks;
