//! Command-line interface: `serve` (the default), `migrate`, offline key management, and the
//! commands that need no settings (`openapi`, `healthcheck`).

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

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
    /// Print the OpenAPI document (as committed under openapi/). Reads no settings.
    Openapi,
    /// Exit 0 when the server at LATCHKEY_BIND answers GET /healthz with 200, else 1 (for
    /// container health checks).
    Healthcheck,
    /// Print a generated page of the book (as committed under docs/src/). Reads no settings.
    Reference {
        #[arg(value_enum)]
        page: ReferencePage,
    },
}

/// The book's pages generated from the code.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ReferencePage {
    /// Every LATCHKEY_* setting (docs/src/configuration.md).
    Configuration,
    /// Every error code and what it means (docs/src/error-codes.md).
    ErrorCodes,
}

impl Cli {
    /// Parses the command line; `--help` ends with every `LATCHKEY_*` variable, from the same
    /// list that start-up checks names against.
    pub fn parse_with_settings_help() -> Self {
        let matches = Self::command()
            .after_help("Settings come from LATCHKEY_* variables: `latchkey --help` lists them.")
            .after_long_help(crate::config::variables::help())
            .get_matches();
        Self::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
    }
}

#[derive(Debug, Subcommand)]
pub enum AdminKeyAction {
    /// Mint a platform admin key offline and print it once.
    Create {
        #[arg(long, default_value = "cli")]
        name: String,
    },
    /// List the platform admin keys: id, name, prefix, created, revoked (never the keys).
    List,
    /// Revoke a platform admin key by id (never the last live one).
    Revoke { id: String },
}

#[derive(Debug, Subcommand)]
pub enum SigningKeyAction {
    /// Make a new signing key active; the old one keeps verifying until its tokens expire.
    Rotate,
}
