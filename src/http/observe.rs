//! The root of every request: its id (the caller's `X-Request-Id` when it is sane, else a new
//! one), the span every log line of the request is written in (id, method, route template,
//! tenant), the access log line, the HTTP metrics, and the id echoed in the response.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::Error;
use tracing::Instrument;

pub const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");

tokio::task_local! {
    static REQUEST_ID: String;
}

/// The id of the request being served on this task, if any (error bodies carry it).
pub fn request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

/// Records the tenant on the request's span, once a handler knows it (login body, token).
pub fn record_tenant(slug: &str) {
    if is_plain_slug(slug) {
        tracing::Span::current().record("tenant", slug);
    }
}

/// Only a value shaped like a slug goes into logs (callers may send anything).
fn is_plain_slug(slug: &str) -> bool {
    let plain = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    !slug.is_empty() && slug.len() <= 63 && slug.chars().all(plain)
}

/// Paths that are not worth an access log line (probes run every few seconds).
const QUIET_PATHS: [&str; 2] = ["/healthz", "/metrics"];

pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let id = incoming_id(&req).unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string());
    let route = req.match_pattern();
    let route_label = route.clone().unwrap_or_else(|| "unmatched".to_owned());
    let method = method_label(req.method());
    // Built only when it will be written (the access line is at info level).
    let quiet =
        QUIET_PATHS.contains(&req.path()) || !tracing::enabled!(target: "latchkey::access", tracing::Level::INFO);
    let line = if quiet { String::new() } else { super::access_log::request_line(&req) };
    let span = tracing::info_span!(
        "request",
        request_id = %id,
        method,
        route = route.as_deref().unwrap_or("-"),
        tenant = tracing::field::Empty,
        // Named by the use case's audit entry (`service::audit::Audit::record`).
        tenant_id = tracing::field::Empty,
        user_id = tracing::field::Empty,
        event = tracing::field::Empty,
    );
    if let Some(slug) = admin_tenant(req.path()) {
        span.record("tenant", slug);
    }
    let served = REQUEST_ID
        .scope(id.clone(), async move {
            // A middleware's refusal (an `Err`) gets its JSON body here, inside the request's scope.
            next.call(req).await.map_err(|e| {
                let response = e.as_response_error().error_response();
                (e.to_string(), response)
            })
        })
        .instrument(span.clone())
        .await;
    let header = HeaderValue::from_str(&id).ok();
    let mut res = match served {
        Ok(res) => res,
        Err((cause, mut response)) => {
            if let Some(value) = header {
                response.headers_mut().insert(REQUEST_ID_HEADER, value);
            }
            let status = response.status().as_u16();
            if !quiet {
                let ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
                span.in_scope(|| tracing::info!(target: "latchkey::access", status, ms, "{line}"));
            }
            metrics::counter!("latchkey_http_requests_total", "route" => route_label, "method" => method, "status" => status.to_string())
                .increment(1);
            return Err(actix_web::error::InternalError::from_response(cause, response).into());
        }
    };
    if let Some(value) = header {
        res.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    let status = res.status().as_u16();
    let elapsed = started.elapsed();
    let status_label = status.to_string();
    metrics::counter!("latchkey_http_requests_total", "route" => route_label.clone(), "method" => method, "status" => status_label.clone())
        .increment(1);
    // The status as OpenTelemetry's HTTP conventions put it on the duration: errors' latency
    // apart from successes'.
    metrics::histogram!("latchkey_http_request_duration_seconds", "route" => route_label, "method" => method, "status" => status_label)
        .record(elapsed.as_secs_f64());
    if !quiet {
        span.in_scope(|| tracing::info!(target: "latchkey::access", status, ms = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX), "{line}"));
    }
    Ok(res)
}

/// A caller's id is kept when it is short and plain (it lands in logs): 1–64 of `A-Za-z0-9._-`.
fn incoming_id(req: &ServiceRequest) -> Option<String> {
    let raw = req.headers().get(REQUEST_ID_HEADER)?.to_str().ok()?;
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    (!raw.is_empty() && raw.len() <= 64 && raw.chars().all(plain)).then(|| raw.to_owned())
}

fn method_label(method: &actix_web::http::Method) -> &'static str {
    use actix_web::http::Method;
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        Method::HEAD => "HEAD",
        _ => "OTHER",
    }
}

/// The slug in `/admin/tenants/{slug}/…`, when it looks like one.
fn admin_tenant(path: &str) -> Option<&str> {
    let slug = path.strip_prefix("/admin/tenants/")?.split('/').next()?;
    is_plain_slug(slug).then_some(slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_slugs_are_taken_from_admin_paths() {
        assert_eq!(admin_tenant("/admin/tenants/acme/users"), Some("acme"));
        assert_eq!(admin_tenant("/admin/tenants/acme"), Some("acme"));
        assert_eq!(admin_tenant("/admin/tenants/ACME%0a"), None);
        assert_eq!(admin_tenant("/login"), None);
    }
}
