//! HTTP: routes, extractors, the error-to-HTTP mapping and the OpenAPI wiring.

pub mod access_log;
pub mod client_auth;
pub mod client_ip;
pub mod db_retry;
pub mod error;
pub mod extract;
pub mod head;
pub mod json_body;
pub mod observe;
pub mod openapi;
pub mod rate_limit;
pub mod routes;
pub mod ui;
pub mod uniform_errors;

use actix_cors::Cors;
use actix_web::http::header;
use actix_web::middleware::from_fn;
use actix_web::{web, HttpResponse};
use utoipa_swagger_ui::SwaggerUi;

use crate::config::Settings;

/// Registers every route. Admin routes come first and get no CORS; the public routes are
/// wrapped in a CORS policy that allows only the configured origins.
pub fn configure(settings: &Settings) -> impl FnOnce(&mut web::ServiceConfig) {
    let json = web::JsonConfig::default().limit(settings.max_body_bytes).error_handler(error::json_error);
    let form = web::FormConfig::default().limit(settings.max_body_bytes).error_handler(error::form_error);
    let payload = web::PayloadConfig::new(settings.max_body_bytes);
    let origins = settings.cors_origins.clone();
    let ui_dir = settings.ui_dir.clone();
    move |cfg: &mut web::ServiceConfig| {
        cfg.app_data(json)
            .app_data(form)
            .app_data(payload)
            .app_data(web::PathConfig::default().error_handler(error::path_error))
            .app_data(web::QueryConfig::default().error_handler(error::query_error))
            .service(admin_routes(web::scope("/admin")).default_service(web::to(error::not_found)))
            .configure(bare_routes)
            .route("/openapi.json", web::get().to(openapi::served))
            .service(SwaggerUi::new("/docs/{_:.*}").config(utoipa_swagger_ui::Config::from("/openapi.json")))
            .route(
                "/docs",
                web::get().to(|| async { HttpResponse::Found().insert_header((header::LOCATION, "/docs/")).finish() }),
            )
            .configure(ui::configure(ui_dir))
            .service(
                public_routes(web::scope(""))
                    .default_service(web::to(error::not_found))
                    .wrap(from_fn(rate_limit::per_ip))
                    .wrap(cors(&origins)),
            );
    }
}

/// The three groups of `routes::api_routes!` as actix services.
macro_rules! route_groups {
    (
        admin: [$($($admin:ident)::+),* $(,)?],
        public: [$($($public:ident)::+),* $(,)?],
        bare: [$($($bare:ident)::+),* $(,)?] $(,)?
    ) => {
        fn admin_routes(scope: actix_web::Scope) -> actix_web::Scope {
            scope$(.service(routes::$($admin)::+))*
        }

        fn public_routes(scope: actix_web::Scope) -> actix_web::Scope {
            scope$(.service(routes::$($public)::+))*
        }

        fn bare_routes(cfg: &mut web::ServiceConfig) {
            $(cfg.service(routes::$($bare)::+);)*
        }
    };
}
routes::api_routes!(route_groups);

fn cors(origins: &[String]) -> Cors {
    let allowed = origins.to_vec();
    Cors::default()
        .allowed_origin_fn(move |origin, _| origin.to_str().is_ok_and(|o| allowed.iter().any(|a| a == o)))
        .allowed_methods(["GET", "POST", "DELETE", "PATCH", "PUT"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::HeaderName::from_static("x-latchkey-tenant"),
        ])
        // A browser app reads how long to wait and which request to quote to support.
        .expose_headers([header::RETRY_AFTER, header::HeaderName::from_static("x-request-id")])
        .max_age(600)
}
