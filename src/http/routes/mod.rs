//! One file per group of endpoints; each handler reads the request, calls one use case and
//! maps the result.

pub mod admin;
pub mod challenges;
pub mod discovery;
pub mod health;
pub mod invitations;
pub mod jwks;
pub mod login;
pub mod me;
pub mod metrics;
pub mod my_devices;
pub mod my_methods;
pub mod password_reset;
pub mod policy;
pub mod tokens;
pub mod verify;
