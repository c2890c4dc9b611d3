//! Who may introspect: a tenant API key or an admin key, sent as `Authorization: Bearer <key>`
//! or, as RFC 7662 clients do, with HTTP Basic client authentication (RFC 6749 §2.3.1): the
//! user name is the key's id, the password the key itself, each form-urlencoded.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use super::extract::{bearer_token, blocking, state_of, Fut};
use crate::domain::ErrorCode;
use crate::error::AppError;
use crate::service::api_keys::{self, Principal};

/// The caller of `/token/introspect`.
pub struct IntrospectionCaller(pub Principal);

/// A client's credentials from the `Authorization` header.
#[derive(Debug, PartialEq, Eq)]
enum Credentials {
    Bearer(String),
    Basic { key_id: String, key: String },
}

impl FromRequest for IntrospectionCaller {
    type Error = AppError;
    type Future = Fut<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let prepared = state_of(req).and_then(|s| credentials(req).map(|c| (s, c)));
        Box::pin(async move {
            let (state, credentials) = prepared?;
            let principal = blocking(move || match credentials {
                Credentials::Bearer(key) => api_keys::authenticate(&state, &key),
                Credentials::Basic { key_id, key } => api_keys::authenticate_client(&state, &key_id, &key),
            });
            principal.await.map(IntrospectionCaller)
        })
    }
}

fn credentials(req: &HttpRequest) -> Result<Credentials, AppError> {
    let value = req.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).unwrap_or_default();
    match value.split_once(' ') {
        Some((scheme, encoded)) if scheme.eq_ignore_ascii_case("basic") => basic(encoded.trim()).ok_or_else(|| {
            AppError::unauthorized(
                ErrorCode::MissingCredentials,
                "HTTP Basic credentials must be base64 of <key id>:<key>",
            )
        }),
        _ => bearer_token(req).map(Credentials::Bearer),
    }
}

/// `base64(urlencode(key_id) ":" urlencode(key))`, or `None` when it is not that.
fn basic(encoded: &str) -> Option<Credentials> {
    let decoded = String::from_utf8(STANDARD.decode(encoded).ok()?).ok()?;
    let (key_id, key) = decoded.split_once(':')?;
    let (key_id, key) = (form_decode(key_id)?, form_decode(key)?);
    (!key_id.is_empty() && !key.is_empty()).then_some(Credentials::Basic { key_id, key })
}

/// application/x-www-form-urlencoded decoding of one value.
fn form_decode(value: &str) -> Option<String> {
    let spaced = value.replace('+', " ");
    percent_encoding::percent_decode_str(&spaced).decode_utf8().ok().map(|v| v.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn basic_of(user: &str, password: &str) -> Option<Credentials> {
        basic(&STANDARD.encode(format!("{user}:{password}")))
    }

    #[test]
    fn basic_credentials_are_form_decoded_key_id_and_key() {
        let expected = Credentials::Basic { key_id: "a b:c".into(), key: "lk_tenant_x:y".into() };
        assert_eq!(basic_of("a+b%3Ac", "lk_tenant_x:y"), Some(expected));
        assert_eq!(basic_of("", "key"), None);
        assert_eq!(basic_of("id", ""), None);
        assert_eq!(basic("not base64!"), None);
        assert_eq!(basic(&STANDARD.encode("no-colon")), None);
        assert_eq!(basic(&STANDARD.encode([0xff, b':', b'x'])), None);
    }
}
