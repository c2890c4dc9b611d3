//! Command-line interface: `serve` (the default), `migrate`, and offline key management.

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "latchkey", version, about = "Latchkey authentication service")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve HTTP (the default). Settings come from LATCHKEY_* variables.
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Platform admin API keys.
    AdminKey {
        #[command(subcommand)]
        action: AdminKeyAction,
    },
    /// Token signing keys.
    SigningKey {
        #[command(subcommand)]
        action: SigningKeyAction,
    },
    /// Print the OpenAPI document (as committed under openapi/).
    Openapi,
}

#[derive(Debug, Subcommand)]
pub enum AdminKeyAction {
    /// Mint a platform admin key offline and print it once.
    Create {
        #[arg(long, default_value = "cli")]
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum SigningKeyAction {
    /// Make a new signing key active; the old one keeps verifying until its tokens expire.
    Rotate,
}
