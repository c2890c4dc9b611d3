//! The access log's request line, with secrets in paths cut out: an invitation token is a
//! credential, and so is a password reset's id once its codes are proven; logs are read by more
//! people than the database.

use actix_web::dev::ServiceRequest;

/// Path prefixes whose next segment is a secret.
const SECRET_SEGMENT_AFTER: [&str; 2] = ["/invitations/", "/password-reset/"];

/// `METHOD /path HTTP/x` with secret path segments replaced by `<redacted>`; no query string.
pub fn request_line(req: &ServiceRequest) -> String {
    // The decoded path (as routed), so an encoded `/%69nvitations/…` is redacted too.
    format!("{} {} {:?}", req.method(), redact(req.match_info().as_str()), req.version())
}

pub fn redact(path: &str) -> String {
    for prefix in SECRET_SEGMENT_AFTER {
        if let Some(rest) = path.strip_prefix(prefix) {
            let tail = rest.find('/').map_or("", |i| &rest[i..]);
            return format!("{prefix}<redacted>{tail}");
        }
    }
    path.to_owned()
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn invitation_tokens_never_reach_the_access_log() {
        assert_eq!(redact("/invitations/lk_inv_abc/accept"), "/invitations/<redacted>/accept");
        assert_eq!(redact("/invitations/lk_inv_abc"), "/invitations/<redacted>");
        assert_eq!(redact("/password-reset/9f1c1b1e/complete"), "/password-reset/<redacted>/complete");
        assert_eq!(redact("/password-reset"), "/password-reset");
        assert_eq!(redact("/login"), "/login");
    }
}
