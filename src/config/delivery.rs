//! The delivery settings: which sender each channel uses, and that sender's own settings.

use std::str::FromStr;
use std::time::Duration;

use super::{ConfigError, Parser};
use crate::delivery::{DeliveryConfig, SmtpConfig, SmtpTls, TwilioConfig, TwilioSenderId};
use crate::secret::Secret;

/// The sender of one channel: its own variable (`LATCHKEY_DELIVERY_SMS`, `…_EMAIL`), else
/// `LATCHKEY_DELIVERY`, else `log`. `smtp` is for email only, `twilio` for SMS only.
pub(super) fn delivery_config<G: Fn(&str) -> Option<String>>(
    get: &G,
    parse: &Parser<'_, G>,
    channel_var: &str,
) -> Result<DeliveryConfig, ConfigError> {
    let (var, choice) = match get(channel_var) {
        Some(choice) => (channel_var, choice),
        None => ("LATCHKEY_DELIVERY", get("LATCHKEY_DELIVERY").unwrap_or_else(|| "log".into())),
    };
    let is_email = channel_var.ends_with("EMAIL");
    let error = |name: &str, message: String| ConfigError { name: name.into(), message };
    let required = |name: &str| -> Result<String, ConfigError> {
        get(name).filter(|v| !v.trim().is_empty()).ok_or_else(|| error(name, format!("required when {var}={choice}")))
    };
    let timeout = Duration::from_millis(parse.or("LATCHKEY_DELIVERY_TIMEOUT_MS", 5000)?);
    match choice.as_str() {
        "log" => Ok(DeliveryConfig::Log),
        "webhook" => {
            let url = required("LATCHKEY_DELIVERY_WEBHOOK_URL")?;
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(error("LATCHKEY_DELIVERY_WEBHOOK_URL", "must be an http(s) URL".into()));
            }
            Ok(DeliveryConfig::Webhook {
                legacy_signature: parse.or("LATCHKEY_DELIVERY_WEBHOOK_LEGACY_SIGNATURE", true)?,
                url,
                secret: Secret::new(required("LATCHKEY_DELIVERY_WEBHOOK_SECRET")?),
                timeout,
            })
        }
        "smtp" if is_email => {
            let tls: SmtpTls = match get("LATCHKEY_SMTP_TLS") {
                Some(raw) => raw.parse().map_err(|e| error("LATCHKEY_SMTP_TLS", e))?,
                None => SmtpTls::Starttls,
            };
            let from = required("LATCHKEY_SMTP_FROM")?;
            let from = lettre::message::Mailbox::from_str(&from)
                .map_err(|e| error("LATCHKEY_SMTP_FROM", format!("{e}: use an address, or a name and <address>")))?;
            let credentials = match (get("LATCHKEY_SMTP_USERNAME"), get("LATCHKEY_SMTP_PASSWORD")) {
                (Some(user), Some(password)) => Some((user, Secret::new(password))),
                (None, None) => None,
                (Some(_), None) => return Err(error("LATCHKEY_SMTP_PASSWORD", "required with a user name".into())),
                (None, Some(_)) => return Err(error("LATCHKEY_SMTP_USERNAME", "required with a password".into())),
            };
            Ok(DeliveryConfig::Smtp(SmtpConfig {
                host: required("LATCHKEY_SMTP_HOST")?,
                port: parse.or("LATCHKEY_SMTP_PORT", tls.default_port())?,
                tls,
                credentials,
                from,
                timeout,
            }))
        }
        "twilio" if !is_email => {
            let sender = match (get("LATCHKEY_TWILIO_FROM"), get("LATCHKEY_TWILIO_MESSAGING_SERVICE_SID")) {
                (Some(from), None) => TwilioSenderId::From(from),
                (None, Some(service)) => TwilioSenderId::MessagingService(service),
                _ => {
                    return Err(error(
                        "LATCHKEY_TWILIO_FROM",
                        "set exactly one of LATCHKEY_TWILIO_FROM and LATCHKEY_TWILIO_MESSAGING_SERVICE_SID".into(),
                    ))
                }
            };
            let base_url = get("LATCHKEY_TWILIO_BASE_URL").unwrap_or_else(|| "https://api.twilio.com".into());
            if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
                return Err(error("LATCHKEY_TWILIO_BASE_URL", "must be an http(s) URL".into()));
            }
            let account_sid = required("LATCHKEY_TWILIO_ACCOUNT_SID")?;
            if !account_sid.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(error("LATCHKEY_TWILIO_ACCOUNT_SID", "must be letters and digits (AC…)".into()));
            }
            Ok(DeliveryConfig::Twilio(TwilioConfig {
                account_sid,
                auth_token: Secret::new(required("LATCHKEY_TWILIO_AUTH_TOKEN")?),
                sender,
                base_url,
                timeout,
            }))
        }
        other => {
            let choices = if is_email { "log, webhook or smtp" } else { "log, webhook or twilio" };
            Err(error(var, format!("{other:?} cannot send {}: use {choices}", if is_email { "email" } else { "SMS" })))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::super::Settings;
    use crate::delivery::DeliveryConfig;

    fn settings(pairs: &[(&str, &str)]) -> Result<Settings, super::ConfigError> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        Settings::from_map(&map)
    }

    #[test]
    fn each_channel_takes_its_own_sender() {
        let s = settings(&[
            ("LATCHKEY_DELIVERY_EMAIL", "smtp"),
            ("LATCHKEY_SMTP_HOST", "mail.example.com"),
            ("LATCHKEY_SMTP_FROM", "Latchkey <no-reply@example.com>"),
            ("LATCHKEY_DELIVERY_SMS", "twilio"),
            ("LATCHKEY_TWILIO_ACCOUNT_SID", "AC123"),
            ("LATCHKEY_TWILIO_AUTH_TOKEN", "token"),
            ("LATCHKEY_TWILIO_MESSAGING_SERVICE_SID", "MG123"),
        ])
        .unwrap();
        match s.delivery.email {
            DeliveryConfig::Smtp(smtp) => {
                assert_eq!((smtp.port, smtp.from.email.to_string().as_str()), (587, "no-reply@example.com"))
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(s.delivery.sms, DeliveryConfig::Twilio(_)));
    }

    #[test]
    fn wrong_or_missing_settings_name_the_variable() {
        let name = |pairs: &[(&str, &str)]| settings(pairs).err().map(|e| e.name);
        assert_eq!(
            name(&[("LATCHKEY_DELIVERY", "smtp")]).as_deref(),
            Some("LATCHKEY_DELIVERY"),
            "smtp cannot send SMS"
        );
        assert_eq!(name(&[("LATCHKEY_DELIVERY_SMS", "smtp")]).as_deref(), Some("LATCHKEY_DELIVERY_SMS"));
        assert_eq!(name(&[("LATCHKEY_DELIVERY_EMAIL", "twilio")]).as_deref(), Some("LATCHKEY_DELIVERY_EMAIL"));
        assert_eq!(name(&[("LATCHKEY_DELIVERY_EMAIL", "smtp")]).as_deref(), Some("LATCHKEY_SMTP_FROM"));
        let bad_from = [
            ("LATCHKEY_DELIVERY_EMAIL", "smtp"),
            ("LATCHKEY_SMTP_HOST", "mail.example.com"),
            ("LATCHKEY_SMTP_FROM", "not an address"),
        ];
        assert_eq!(name(&bad_from).as_deref(), Some("LATCHKEY_SMTP_FROM"));
        let both = [
            ("LATCHKEY_DELIVERY_SMS", "twilio"),
            ("LATCHKEY_TWILIO_ACCOUNT_SID", "AC1"),
            ("LATCHKEY_TWILIO_AUTH_TOKEN", "t"),
            ("LATCHKEY_TWILIO_FROM", "+15005550006"),
            ("LATCHKEY_TWILIO_MESSAGING_SERVICE_SID", "MG1"),
        ];
        assert_eq!(name(&both).as_deref(), Some("LATCHKEY_TWILIO_FROM"));
    }
}
