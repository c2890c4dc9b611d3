//! The OpenAPI document, generated from the handlers' annotations. `openapi/openapi.json`
//! is a committed copy; a test fails when it differs from what the server serves.

use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

mod examples;
mod request_rules;

use examples::MediaExamples;
use request_rules::RequestRules;

use super::routes;

/// The document's frame; `paths(…)` comes from the one route table, `routes::api_routes!`.
macro_rules! api_doc {
    (
        admin: [$($($admin:ident)::+),* $(,)?],
        public: [$($($public:ident)::+),* $(,)?],
        bare: [$($($bare:ident)::+),* $(,)?] $(,)?
    ) => {
        #[derive(OpenApi)]
        #[openapi(
            info(
                title = "Latchkey",
                description = "Standalone authentication service: tenants, users, password login, second factors (TOTP, SMS, email, recovery codes) and signed session tokens.",
                license(name = "Apache-2.0", identifier = "Apache-2.0")
            ),
            servers((url = "/", description = "This Latchkey: paths are relative to the address the document was fetched from")),
            paths($(routes::$($admin)::+,)* $(routes::$($public)::+,)* $(routes::$($bare)::+,)*),
            modifiers(&SecuritySchemes, &PublicOperations, &AdminPrefix, &CommonErrors, &DescribedErrors, &RequestRules, &MediaExamples),
            tags(
                (name = "login", description = "Password login, second-factor challenges and verification"),
                (name = "tokens", description = "Refresh, logout, introspection and the JWKS"),
                (name = "me", description = "The signed-in user: profile, second-factor methods, recovery codes, remembered devices"),
                (name = "invitations", description = "Registration from an invitation link: what the page shows, and accepting it"),
                (name = "password reset", description = "Forgot password: a code to a verified address or phone, the second factor, the new password"),
                (name = "admin", description = "Tenants, users and keys (platform admin key or tenant API key)"),
                (name = "health", description = "Probes for orchestrators"),
                (name = "operations", description = "Metrics and the audit trail for operators"),
            )
        )]
        pub struct ApiDoc;
    };
}
routes::api_routes!(api_doc);

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let bearer = |format: &str, description: &str| {
            let mut http = Http::new(HttpAuthScheme::Bearer);
            http.bearer_format = Some(format.to_owned());
            http.description = Some(description.to_owned());
            SecurityScheme::Http(http)
        };
        components.add_security_scheme("admin_key", bearer("lk_admin_…", "A platform admin API key"));
        components.add_security_scheme("api_key", bearer("lk_tenant_…", "A tenant API key (or an admin key)"));
        components.add_security_scheme("access_token", bearer("JWT", "An access token from /login"));
        components.add_security_scheme(
            "admin_token",
            bearer(
                "JWT",
                "An access token of a user of the tenant who holds the admin or owner role, from a sign-in with \
                 a second factor (the role is read from the database on every request)",
            ),
        );
        let mut basic = Http::new(HttpAuthScheme::Basic);
        basic.description = Some("RFC 6749 client authentication: user name the API key's id, password the key".into());
        components.add_security_scheme("client_basic", SecurityScheme::Http(basic));
    }
}

/// An operation that names no security scheme is public: say so (`security: []`), so that a
/// generated client sends no credentials and a reader need not guess.
struct PublicOperations;

impl Modify for PublicOperations {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            let operations = [&mut item.get, &mut item.post, &mut item.patch, &mut item.delete, &mut item.put];
            for op in operations.into_iter().flatten() {
                op.security.get_or_insert_with(Vec::new);
            }
        }
    }
}

/// The admin handlers are mounted under `/admin`; their own paths are relative to it.
struct AdminPrefix;

impl Modify for AdminPrefix {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let paths = std::mem::take(&mut openapi.paths.paths);
        openapi.paths.paths = paths
            .into_iter()
            .map(|(path, item)| {
                let is_admin = item
                    .get
                    .as_ref()
                    .or(item.post.as_ref())
                    .or(item.patch.as_ref())
                    .or(item.delete.as_ref())
                    .or(item.put.as_ref())
                    .and_then(|op| op.tags.as_ref())
                    .is_some_and(|tags| tags.iter().any(|t| t == "admin"));
                if is_admin {
                    (format!("/admin{path}"), item)
                } else {
                    (path, item)
                }
            })
            .collect();
    }
}

/// Errors any endpoint can give, added in one place rather than on every handler: a JSON body
/// can be malformed (400), too large (413) or not JSON (415); anything can fail inside (500); the
/// database may not answer in time (503).
/// Ids in paths are UUIDs (`domain::ids`), refused with 400 `invalid_path` otherwise.
struct CommonErrors;

impl Modify for CommonErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::path::ParameterIn;
        use utoipa::openapi::{Content, Ref, ResponseBuilder};
        let error = |description: &str| {
            ResponseBuilder::new()
                .description(description)
                .content("application/json", Content::new(Some(Ref::from_schema_name("ErrorBody"))))
                .build()
        };
        for (path, item) in openapi.paths.paths.iter_mut() {
            let operations = [&mut item.get, &mut item.post, &mut item.patch, &mut item.delete, &mut item.put];
            for op in operations.into_iter().flatten() {
                let responses = &mut op.responses.responses;
                if op.request_body.is_some() {
                    responses.entry("400".into()).or_insert_with(|| {
                        error("`malformed_json` or `invalid_body`: the body is not valid JSON or does not fit").into()
                    });
                    responses.entry("413".into()).or_insert_with(|| error("`payload_too_large`").into());
                    responses
                        .entry("415".into())
                        .or_insert_with(|| error("`unsupported_media_type`: send JSON").into());
                }
                let mut has_id = false;
                for parameter in op.parameters.iter_mut().flatten() {
                    if parameter.parameter_in == ParameterIn::Path && parameter.name.ends_with("_id") {
                        parameter.schema = Some(crate::domain::schema::uuid().into());
                        has_id = true;
                    }
                }
                if has_id {
                    responses.entry("400".into()).or_insert_with(|| {
                        error("`invalid_path`: an id in the path is not a UUID, or a body that does not fit").into()
                    });
                }
                if path != "/healthz" {
                    responses.entry("500".into()).or_insert_with(|| {
                        error("`internal_error`: nothing internal is disclosed; the cause is logged").into()
                    });
                }
                if path != "/healthz" && path != "/.well-known/jwks.json" {
                    responses.entry("503".into()).or_insert_with(|| {
                        error(
                            "`database_unavailable`: no database connection came free within the pool's wait; \
                             retry after `Retry-After`",
                        )
                        .into()
                    });
                }
            }
        }
    }
}

/// Error answers a handler lists without words get the words their status means there: which
/// stable codes come with it, given how the operation authenticates.
struct DescribedErrors;

impl Modify for DescribedErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::RefOr;
        for (path, item) in openapi.paths.paths.iter_mut() {
            let operations = [&mut item.get, &mut item.post, &mut item.patch, &mut item.delete, &mut item.put];
            for op in operations.into_iter().flatten() {
                let schemes: Vec<String> = op
                    .security
                    .iter()
                    .flatten()
                    .filter_map(|requirement| serde_json::to_value(requirement).ok())
                    .filter_map(|value| value.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()))
                    .flatten()
                    .collect();
                let by_token = schemes.iter().any(|s| s == "access_token");
                let by_admin_token = schemes.iter().any(|s| s == "admin_token");
                for (status, response) in op.responses.responses.iter_mut() {
                    let RefOr::T(response) = response else { continue };
                    if !response.description.is_empty() {
                        continue;
                    }
                    let text = match status.as_str() {
                        "400" => "`invalid_body`, `invalid_path` or a field's own code: the request does not fit; `message` says which rule",
                        "401" if by_token => "`missing_credentials` or `invalid_token`: no access token, or one that is invalid, expired or of a revoked session",
                        "401" if by_admin_token => "`missing_credentials`, `invalid_api_key` or `invalid_token`: no credentials, or ones that are not valid; `step_up_required`: a sensitive action by a user whose last sign-in with the second factor is over 10 minutes old",
                        "401" => "`missing_credentials` or `invalid_api_key`: no API key, or one that is not valid",
                        "403" if by_admin_token => "`forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not), or one where a platform key or an owner is needed; `insufficient_scope`: a tenant key without the `admin` scope; `insufficient_role`: a user without the role this needs; `mfa_required`: a user's session that did not pass a second factor; `owner_protected`: an admin acting on an owner's account",
                        "403" if path.contains("{slug}") => "`forbidden`: a tenant API key of another tenant (the same answer whether that tenant exists or not)",
                        "403" => "`forbidden`: this operation needs a platform admin key",
                        "404" if path.starts_with("/me") => "`not_found`: the caller has no such item",
                        "404" if path.starts_with("/challenges") => "`not_found`: no such challenge",
                        "404" if by_admin_token => "`not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist; a user of another tenant gets the same answer",
                        "404" => "`not_found` (or the resource's own code, e.g. `group_not_found`): the tenant or the item named in the path does not exist",
                        _ => continue,
                    };
                    response.description = text.to_owned();
                }
            }
        }
    }
}

pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// `GET /openapi.json`: the document, serialised once and kept as text (the document's own
/// tree is a few MiB per worker; the text is a quarter of a MiB for the process).
pub async fn served() -> Result<actix_web::HttpResponse, crate::error::AppError> {
    static JSON: std::sync::OnceLock<Result<String, String>> = std::sync::OnceLock::new();
    let json = JSON.get_or_init(|| serde_json::to_string(&document()).map_err(|e| e.to_string()));
    match json {
        Ok(text) => Ok(actix_web::HttpResponse::Ok().content_type("application/json").body(text.as_str())),
        Err(e) => Err(crate::error::AppError::internal(e.clone())),
    }
}

/// The document as committed under `openapi/`: pretty JSON with a trailing newline.
pub fn document_json() -> Result<String, serde_json::Error> {
    document().to_pretty_json().map(|json| json + "\n")
}

/// The methods the document lists for the endpoint at `path` (`GET, POST`), if it has one.
pub fn methods_of(path: &str) -> Option<String> {
    static ROUTES: std::sync::OnceLock<Vec<(Vec<String>, String)>> = std::sync::OnceLock::new();
    let routes = ROUTES.get_or_init(|| {
        document()
            .paths
            .paths
            .iter()
            .map(|(template, item)| {
                let methods: Vec<&str> = [
                    ("GET", item.get.is_some()),
                    ("HEAD", item.get.is_some()),
                    ("POST", item.post.is_some()),
                    ("PUT", item.put.is_some()),
                    ("PATCH", item.patch.is_some()),
                    ("DELETE", item.delete.is_some()),
                ]
                .into_iter()
                .filter_map(|(m, present)| present.then_some(m))
                .collect();
                (template.split('/').map(str::to_owned).collect(), methods.join(", "))
            })
            .collect()
    });
    let segments: Vec<&str> = path.split('/').collect();
    let fitting: Vec<&str> = routes
        .iter()
        .filter(|(template, _)| {
            template.len() == segments.len()
                && template.iter().zip(&segments).all(|(t, s)| (t.starts_with('{') && !s.is_empty()) || t == s)
        })
        .map(|(_, methods)| methods.as_str())
        .collect();
    (!fitting.is_empty()).then(|| fitting.join(", "))
}
