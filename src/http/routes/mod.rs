//! One file per group of endpoints; each handler reads the request, calls one use case and
//! maps the result.

pub mod admin;
pub mod health;
pub mod jwks;
pub mod login;
pub mod me;
pub mod tokens;
