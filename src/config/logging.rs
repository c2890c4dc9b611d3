//! The log's settings: `LATCHKEY_LOG` (a tracing filter) and `LATCHKEY_LOG_FORMAT` (`text` for
//! people, `json` for collectors). Read before the other settings, so that their warnings are
//! logged in the chosen format.

use std::collections::HashMap;
use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

use super::ConfigError;

const DEFAULT_FILTER: &str = "info,actix_server=warn";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    /// One JSON object per line, with the current span and the list of spans (request ids).
    Json,
}

#[derive(Debug)]
pub struct LogSettings {
    pub filter: EnvFilter,
    pub format: LogFormat,
}

impl LogSettings {
    pub fn from_map(vars: &HashMap<String, String>) -> Result<Self, ConfigError> {
        let get = |name: &str| vars.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
        let directives = get("LATCHKEY_LOG").unwrap_or(DEFAULT_FILTER);
        let filter = EnvFilter::builder().parse(directives).map_err(|e| ConfigError {
            name: "LATCHKEY_LOG".into(),
            message: format!("{directives:?} is not a log filter ({e}); example: info,latchkey=debug"),
        })?;
        let format = match get("LATCHKEY_LOG_FORMAT").map(str::to_ascii_lowercase).as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError {
                    name: "LATCHKEY_LOG_FORMAT".into(),
                    message: format!("{other:?}: use text or json"),
                })
            }
        };
        Ok(Self { filter, format })
    }

    /// Installs the process's subscriber, writing to stderr.
    pub fn init(self) -> Result<(), String> {
        let builder = tracing_subscriber::fmt().with_env_filter(self.filter).with_writer(std::io::stderr);
        let installed = match self.format {
            LogFormat::Text => {
                builder.with_ansi(std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()).try_init()
            }
            LogFormat::Json => builder.json().with_current_span(true).with_span_list(true).try_init(),
        };
        installed.map_err(|e| format!("cannot start the log: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(pairs: &[(&str, &str)]) -> Result<LogSettings, ConfigError> {
        LogSettings::from_map(&pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn text_is_the_default_and_json_is_chosen_by_name() {
        assert_eq!(log(&[]).map(|l| l.format).ok(), Some(LogFormat::Text));
        assert_eq!(log(&[("LATCHKEY_LOG_FORMAT", "JSON")]).map(|l| l.format).ok(), Some(LogFormat::Json));
    }

    #[test]
    fn a_bad_format_or_filter_names_its_variable() {
        assert_eq!(
            log(&[("LATCHKEY_LOG_FORMAT", "xml")]).err().map(|e| e.name).as_deref(),
            Some("LATCHKEY_LOG_FORMAT")
        );
        assert_eq!(
            log(&[("LATCHKEY_LOG", "info,latchkey=loud")]).err().map(|e| e.name).as_deref(),
            Some("LATCHKEY_LOG")
        );
        assert!(log(&[("LATCHKEY_LOG", "warn,latchkey::service=debug")]).is_ok());
    }
}
