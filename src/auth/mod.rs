//! The rules of authentication: plain Rust, no actix, no diesel.

pub mod codes;
pub mod jwt;
pub mod password;
pub mod policy;
pub mod totp;
pub mod validate;
