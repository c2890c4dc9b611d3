//! The rules of authentication: plain Rust, no actix, no diesel.

pub mod jwt;
pub mod password;
pub mod validate;
