use std::process::ExitCode;

use latchkey::cli::{Cli, Command};
use latchkey::config::logging::LogSettings;
use latchkey::config::{read_vars, Settings};

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse_with_settings_help();
    let outcome = match cli.command.unwrap_or(Command::Serve) {
        // These read no settings, so a wrong LATCHKEY_* value cannot break them.
        Command::Openapi => latchkey::run::openapi(),
        Command::Healthcheck => latchkey::run::healthcheck(),
        Command::Reference { page } => latchkey::run::reference(page),
        command => match configure() {
            Ok(settings) => latchkey::run::run(command, settings).await,
            Err(message) => {
                eprintln!("latchkey: {message}");
                return ExitCode::from(2);
            }
        },
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("latchkey: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Reads the settings and starts the log; the log first, so the settings' warnings use its format.
fn configure() -> Result<Settings, String> {
    let vars = read_vars().map_err(|e| e.to_string())?;
    LogSettings::from_map(&vars).map_err(|e| e.to_string())?.init()?;
    let settings = Settings::from_map(&vars).map_err(|e| e.to_string())?;
    settings.warn_about_unknown_variables();
    Ok(settings)
}
