//! RFC 8414 authorization server metadata: where a JWT library that discovers keys finds them,
//! and where a backend introspects tokens.

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use crate::state::AppState;

/// Authorization server metadata (RFC 8414). Latchkey issues tokens through its own login API,
/// not OAuth's authorization endpoint, so it lists no response types.
#[derive(Debug, Serialize, ToSchema)]
pub struct ServerMetadata {
    /// The `iss` of every access token (`LATCHKEY_ISSUER`).
    #[schema(format = "uri", example = "https://auth.example.com")]
    pub issuer: String,
    /// The keys that verify access tokens.
    #[schema(format = "uri", example = "https://auth.example.com/.well-known/jwks.json")]
    pub jwks_uri: String,
    /// RFC 7662 token introspection, for product backends.
    #[schema(format = "uri", example = "https://auth.example.com/token/introspect")]
    pub introspection_endpoint: String,
    /// How a backend authenticates there: HTTP Basic (user name the API key's id, password the
    /// key). A `Bearer` API key is accepted too.
    pub introspection_endpoint_auth_methods_supported: Vec<String>,
    /// Empty: no OAuth authorization endpoint.
    pub response_types_supported: Vec<String>,
    /// Human-readable API documentation.
    #[schema(format = "uri")]
    pub service_documentation: String,
}

impl ServerMetadata {
    pub fn for_issuer(issuer: &str) -> Self {
        let base = issuer.trim_end_matches('/');
        Self {
            issuer: issuer.to_owned(),
            jwks_uri: format!("{base}/.well-known/jwks.json"),
            introspection_endpoint: format!("{base}/token/introspect"),
            introspection_endpoint_auth_methods_supported: vec!["client_secret_basic".into()],
            response_types_supported: Vec::new(),
            service_documentation: format!("{base}/docs/"),
        }
    }
}

/// Authorization server metadata (RFC 8414): the issuer, `jwks_uri` and the introspection
/// endpoint with its client authentication methods.
#[utoipa::path(tag = "tokens", responses((status = 200, description = "The metadata", body = ServerMetadata)))]
#[get("/.well-known/oauth-authorization-server")]
pub async fn server_metadata(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .json(ServerMetadata::for_issuer(&state.settings.issuer))
}
