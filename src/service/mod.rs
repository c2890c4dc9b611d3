//! Use cases: each public function is one thing a caller can do. They combine the rules
//! (`auth`) with persistence (`store`) and run on blocking threads, never on the async workers.

pub mod access;
pub mod api_keys;
pub mod audit;
pub mod audit_log;
pub mod groups;
pub mod invitations;
pub mod login;
pub mod notices;
pub mod outbox;
pub mod outbox_admin;
pub mod password_change;
pub mod password_reset;
pub mod policy;
pub mod second_factor;
pub mod sessions;
pub mod settings_preview;
pub mod signing_keys;
pub mod sms_budget;
pub mod tenants;
pub mod unfinished_alerts;
pub mod users;
pub mod views;
pub mod webhooks;
