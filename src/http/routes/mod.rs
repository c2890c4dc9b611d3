//! One file per group of endpoints; each handler reads the request, calls one use case and
//! maps the result.

pub mod admin;
pub mod challenges;
pub mod discovery;
pub mod health;
pub mod invitations;
pub mod jwks;
pub mod login;
pub mod me;
pub mod metrics;
pub mod my_devices;
pub mod my_methods;
pub mod password_reset;
pub mod policy;
pub mod tokens;
pub mod verify;

/// Every documented route, listed once. `api_routes!(then)` hands the list to the macro `then`:
/// `http::configure` registers the `admin` ones in the `/admin` scope (no CORS), the `public`
/// ones in the CORS scope and `bare` outside both; `openapi::ApiDoc` documents all of them.
macro_rules! api_routes {
    ($then:ident) => {
        $then! {
            admin: [
                admin::tenants::create_tenant,
                admin::tenants::list_tenants,
                admin::tenants::get_tenant,
                admin::tenants::update_tenant,
                admin::settings_preview::preview_settings,
                admin::users::create_user,
                admin::users::list_users,
                admin::users::get_user,
                admin::users::update_user,
                admin::users::deactivate_user,
                admin::users::unlock_user,
                admin::users::reset_methods,
                admin::roles::set_roles,
                admin::password_resets::send_password_reset,
                admin::groups::create_group,
                admin::groups::list_groups,
                admin::groups::update_group,
                admin::groups::delete_group,
                admin::groups::set_user_groups,
                policy::explain_user_policy,
                admin::sms_budget::get_sms_budget,
                admin::invitations::create_invitation,
                admin::invitations::list_invitations,
                admin::invitations::revoke_invitation,
                admin::audit::tenant_audit,
                admin::webhooks::create_webhook,
                admin::webhooks::list_webhooks,
                admin::webhooks::delete_webhook,
                admin::outbox::list_outbox,
                admin::outbox::retry_outbox_message,
                admin::sms_budget::top_up_sms_budget,
                admin::api_keys::create_api_key,
                admin::api_keys::list_api_keys,
                admin::api_keys::revoke_api_key,
                admin::api_keys::list_admin_keys,
                admin::api_keys::revoke_admin_key,
                admin::signing_keys::list_signing_keys,
                admin::signing_keys::rotate_signing_key,
            ],
            public: [
                health::healthz,
                health::readyz,
                jwks::jwks,
                discovery::server_metadata,
                login::login,
                login::login_passkey,
                invitations::invitation_info,
                invitations::accept_invitation,
                password_reset::start_reset,
                password_reset::verify_reset,
                password_reset::reset_second_factor,
                password_reset::reset_switch_method,
                password_reset::complete_reset,
                tokens::refresh,
                tokens::logout,
                tokens::introspect,
                me::me,
                me::change_password,
                me::my_activity,
                verify::verify,
                challenges::enroll,
                challenges::resend,
                challenges::skip_enrollment,
                policy::explain_my_policy,
                challenges::switch_method,
                my_methods::list_methods,
                my_methods::add_method,
                my_methods::confirm_method,
                my_methods::make_primary,
                my_methods::remove_method,
                my_methods::regenerate_recovery_codes,
                my_methods::step_up,
                my_devices::list_devices,
                my_devices::revoke_device,
            ],
            bare: [
                metrics::metrics,
            ],
        }
    };
}
pub(crate) use api_routes;
