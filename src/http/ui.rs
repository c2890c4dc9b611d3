//! The built sign-in app (`web/dist`) at `/ui/`, when `LATCHKEY_UI_DIR` names it. It calls the
//! API on the same origin, so it needs no CORS; its pages may load nothing from elsewhere.

use std::path::PathBuf;

use actix_files::{Files, NamedFile};
use actix_web::dev::{fn_service, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::DefaultHeaders;
use actix_web::{web, HttpResponse};

/// Scripts, styles and API calls from this origin only; the QR code is a `data:` image.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
     script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

pub fn configure(dir: Option<PathBuf>) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg: &mut web::ServiceConfig| {
        let Some(dir) = dir else { return };
        // The app's own paths (the links in invitation and reset emails: `/ui/invitation#token=…`,
        // `/ui/password-reset#…`) are pages of the app: index.html answers them.
        let index = dir.join("index.html");
        let app_page = fn_service(move |req: ServiceRequest| {
            let index = index.clone();
            async move {
                let (req, _) = req.into_parts();
                let page = NamedFile::open_async(index).await?.into_response(&req);
                Ok(ServiceResponse::new(req, page))
            }
        });
        cfg.route(
            "/ui",
            web::get().to(|| async { HttpResponse::Found().insert_header((header::LOCATION, "/ui/")).finish() }),
        )
        .service(
            web::scope("/ui")
                .wrap(
                    DefaultHeaders::new()
                        .add((header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
                        .add((header::X_FRAME_OPTIONS, "DENY"))
                        .add((header::REFERRER_POLICY, "no-referrer"))
                        .add((header::CACHE_CONTROL, "no-cache")),
                )
                .service(Files::new("/", dir).index_file("index.html").default_handler(app_page)),
        );
    }
}
