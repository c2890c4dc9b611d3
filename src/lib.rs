//! Latchkey: a standalone authentication service.
//!
//! `http` (actix) → `service` (use cases) → `auth` (rules) and `store` (diesel).

pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod delivery;
pub mod domain;
pub mod error;
pub mod healthcheck;
pub mod http;
pub mod infra;
pub mod jobs;
pub mod reference;
pub mod run;
pub mod secret;
pub mod service;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;
