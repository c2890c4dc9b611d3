//! HTTP: routes, extractors, the error-to-HTTP mapping and the OpenAPI wiring.

pub mod access_log;
pub mod client_auth;
pub mod client_ip;
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
            .service(
                web::scope("/admin")
                    .service(routes::admin::tenants::create_tenant)
                    .service(routes::admin::tenants::list_tenants)
                    .service(routes::admin::tenants::get_tenant)
                    .service(routes::admin::tenants::update_tenant)
                    .service(routes::admin::users::create_user)
                    .service(routes::admin::users::list_users)
                    .service(routes::admin::users::get_user)
                    .service(routes::admin::users::update_user)
                    .service(routes::admin::users::deactivate_user)
                    .service(routes::admin::users::unlock_user)
                    .service(routes::admin::users::reset_methods)
                    .service(routes::admin::password_resets::send_password_reset)
                    .service(routes::admin::groups::create_group)
                    .service(routes::admin::groups::list_groups)
                    .service(routes::admin::groups::update_group)
                    .service(routes::admin::groups::delete_group)
                    .service(routes::admin::groups::set_user_groups)
                    .service(routes::policy::explain_user_policy)
                    .service(routes::admin::sms_budget::get_sms_budget)
                    .service(routes::admin::invitations::create_invitation)
                    .service(routes::admin::invitations::list_invitations)
                    .service(routes::admin::invitations::revoke_invitation)
                    .service(routes::admin::audit::tenant_audit)
                    .service(routes::admin::webhooks::create_webhook)
                    .service(routes::admin::webhooks::list_webhooks)
                    .service(routes::admin::webhooks::delete_webhook)
                    .service(routes::admin::outbox::list_outbox)
                    .service(routes::admin::outbox::retry_outbox_message)
                    .service(routes::admin::sms_budget::top_up_sms_budget)
                    .service(routes::admin::api_keys::create_api_key)
                    .service(routes::admin::api_keys::list_api_keys)
                    .service(routes::admin::api_keys::revoke_api_key)
                    .service(routes::admin::signing_keys::list_signing_keys)
                    .service(routes::admin::signing_keys::rotate_signing_key)
                    .default_service(web::to(error::not_found)),
            )
            .service(routes::metrics::metrics)
            .route("/openapi.json", web::get().to(openapi::served))
            .service(SwaggerUi::new("/docs/{_:.*}").config(utoipa_swagger_ui::Config::from("/openapi.json")))
            .route(
                "/docs",
                web::get().to(|| async { HttpResponse::Found().insert_header((header::LOCATION, "/docs/")).finish() }),
            )
            .configure(ui::configure(ui_dir))
            .service(
                web::scope("")
                    .wrap(from_fn(rate_limit::per_ip))
                    .wrap(cors(&origins))
                    .service(routes::health::healthz)
                    .service(routes::health::readyz)
                    .service(routes::jwks::jwks)
                    .service(routes::discovery::server_metadata)
                    .service(routes::login::login)
                    .service(routes::invitations::invitation_info)
                    .service(routes::invitations::accept_invitation)
                    .service(routes::password_reset::start_reset)
                    .service(routes::password_reset::verify_reset)
                    .service(routes::password_reset::reset_second_factor)
                    .service(routes::password_reset::reset_switch_method)
                    .service(routes::password_reset::complete_reset)
                    .service(routes::tokens::refresh)
                    .service(routes::tokens::logout)
                    .service(routes::tokens::introspect)
                    .service(routes::me::me)
                    .service(routes::me::change_password)
                    .service(routes::me::my_activity)
                    .service(routes::verify::verify)
                    .service(routes::challenges::enroll)
                    .service(routes::challenges::resend)
                    .service(routes::challenges::skip_enrollment)
                    .service(routes::policy::explain_my_policy)
                    .service(routes::challenges::switch_method)
                    .service(routes::my_methods::list_methods)
                    .service(routes::my_methods::add_method)
                    .service(routes::my_methods::confirm_method)
                    .service(routes::my_methods::make_primary)
                    .service(routes::my_methods::remove_method)
                    .service(routes::my_methods::regenerate_recovery_codes)
                    .service(routes::my_methods::step_up)
                    .service(routes::my_devices::list_devices)
                    .service(routes::my_devices::revoke_device)
                    .default_service(web::to(error::not_found)),
            );
    }
}

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
