//! One integration-test binary; a file per feature. Every test talks HTTP to the real server.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(clippy::cast_possible_wrap, clippy::cast_sign_loss, clippy::cast_possible_truncation)]

pub mod authenticator;
mod helpers;
mod inbox;
mod logs;
mod process;
mod pumping;
mod smtp_sink;
mod twilio_fake;

mod account_notices;
mod admin_api_keys;
mod admin_roles;
mod admin_tenants;
mod admin_users;
mod architecture;
mod audit_api;
mod bad_input;
mod cli;
mod cors;
mod delivery_smtp;
mod delivery_twilio;
mod event_webhooks;
mod failover;
mod faults;
mod health;
mod invitations;
mod login;
mod me;
mod metrics;
mod openapi;
mod outbox;
mod overload;
mod password_reset;
mod policy_groups;
mod policy_methods;
mod policy_modes;
mod policy_networks;
mod profile_phone;
mod rate_limits;
mod request_ids;
mod schema_patterns;
mod signing_keys;
mod sms_budget;
mod storage;
mod tokens;
mod two_factor_enrollment;
mod two_factor_lockout;
mod two_factor_login;
mod two_factor_secrets;
mod two_factor_self_service;
mod ui;
mod unfinished_alerts;
mod usernames;
pub mod webauthn;
mod webhooks;
