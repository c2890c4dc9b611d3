//! Latchkey: a standalone authentication service.
//!
//! `http` (actix) → `service` (use cases) → `auth` (rules) and `store` (diesel).
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod delivery;
pub mod error;
pub mod http;
pub mod run;
pub mod service;
pub mod startup;
pub mod state;
pub mod store;
