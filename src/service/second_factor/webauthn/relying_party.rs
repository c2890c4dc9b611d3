//! The relying party of a tenant: its id (a domain name the browser checks the page against) and
//! the origins whose pages may use its keys.
//!
//! `webauthn_rp_id` when set (with `webauthn_origins`, else `web_origin` when it is on that
//! domain, else `https://{rp id}`); unset, the host of `web_origin`; else the host of
//! `LATCHKEY_ISSUER` when it is a domain name (`http://localhost:8080` by default). Browsers
//! refuse an IP address as a relying-party id, so a tenant left with only an IP address has no
//! keys (`409 webauthn_unavailable`).

use std::time::Duration;

use url::Url;
use webauthn_rs::{Webauthn, WebauthnBuilder};

use crate::domain::tenant_policy::{origin_is_under, TenantPolicy};
use crate::domain::ErrorCode;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::tenants::Tenant;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelyingParty {
    pub id: String,
    pub origins: Vec<Url>,
}

/// The domain name of an origin, lower case; `None` for an IP address or a bad URL.
fn domain_of(origin: &str) -> Option<String> {
    Url::parse(origin).ok()?.domain().map(str::to_ascii_lowercase)
}

/// The relying party of a tenant with this policy, if it can have one.
pub fn of(p: &TenantPolicy, issuer: &str) -> Option<RelyingParty> {
    let (id, origins): (String, Vec<String>) = match &p.webauthn_rp_id {
        Some(id) => {
            let origins = if !p.webauthn_origins.is_empty() {
                p.webauthn_origins.clone()
            } else if let Some(origin) = p.web_origin.as_ref().filter(|o| origin_is_under(o, id)) {
                vec![origin.clone()]
            } else {
                vec![format!("https://{id}")]
            };
            (id.clone(), origins)
        }
        None => match p.web_origin.as_deref().and_then(|o| domain_of(o).map(|d| (d, o))) {
            Some((domain, origin)) => (domain, vec![origin.to_owned()]),
            None => {
                let url = Url::parse(issuer).ok()?;
                (url.domain()?.to_ascii_lowercase(), vec![url.origin().ascii_serialization()])
            }
        },
    };
    let origins = origins.iter().filter_map(|o| Url::parse(o).ok()).collect::<Vec<_>>();
    (!origins.is_empty()).then_some(RelyingParty { id, origins })
}

fn unavailable() -> AppError {
    AppError::conflict(
        ErrorCode::WebauthnUnavailable,
        "security keys need a relying party that is a domain name: set the tenant's webauthn_rp_id (or web_origin)",
    )
}

/// The webauthn-rs relying party of the tenant, and its id.
pub fn webauthn(state: &AppState, tenant: &Tenant) -> Result<(Webauthn, String), AppError> {
    let rp = of(&tenant.policy, &state.settings.issuer).ok_or_else(unavailable)?;
    let (first, rest) = rp.origins.split_first().ok_or_else(unavailable)?;
    let timeout = Duration::from_secs(state.settings.challenge_ttl_secs.clamp(30, 3600).unsigned_abs());
    let mut builder =
        WebauthnBuilder::new(&rp.id, first).map_err(|_| unavailable())?.rp_name(&tenant.name).timeout(timeout);
    for origin in rest {
        builder = builder.append_allowed_origin(origin);
    }
    let webauthn = builder.build().map_err(|_| unavailable())?;
    Ok((webauthn, rp.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rp(policy: TenantPolicy, issuer: &str) -> Option<(String, Vec<String>)> {
        of(&policy, issuer).map(|rp| (rp.id, rp.origins.iter().map(|o| o.origin().ascii_serialization()).collect()))
    }

    #[test]
    fn the_relying_party_comes_from_the_setting_then_the_web_origin_then_the_issuer() {
        let mut policy = TenantPolicy::default();
        assert_eq!(
            rp(policy.clone(), "http://localhost:8080"),
            Some(("localhost".into(), vec!["http://localhost:8080".into()]))
        );
        assert_eq!(rp(policy.clone(), "http://127.0.0.1:8080"), None, "an IP address is no relying party");
        policy.web_origin = Some("https://app.acme.example".into());
        assert_eq!(
            rp(policy.clone(), "http://127.0.0.1:8080"),
            Some(("app.acme.example".into(), vec!["https://app.acme.example".into()]))
        );
        policy.webauthn_rp_id = Some("acme.example".into());
        assert_eq!(
            rp(policy.clone(), "http://127.0.0.1:8080"),
            Some(("acme.example".into(), vec!["https://app.acme.example".into()]))
        );
        policy.webauthn_origins = vec!["https://login.acme.example".into(), "https://acme.example".into()];
        assert_eq!(
            rp(policy, "http://127.0.0.1:8080"),
            Some(("acme.example".into(), vec!["https://login.acme.example".into(), "https://acme.example".into()]))
        );
    }
}
