//! The one place the client's IP address is computed: the TCP peer, or, when the peer is one of
//! `LATCHKEY_TRUSTED_PROXIES`, what the proxies forwarded (`X-Forwarded-For`, else `Forwarded:
//! for=`). Trusted networks, the audit trail and sessions all read it from here.

use std::net::IpAddr;

use actix_web::http::header::HeaderMap;
use actix_web::HttpRequest;
use ipnetwork::IpNetwork;

use crate::domain::network;

pub fn of(req: &HttpRequest, proxies: &[IpNetwork]) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip();
    Some(network::client_ip(peer, &forwarded_chain(req.headers()), proxies))
}

/// The forwarded addresses, left to right, across every header line.
fn forwarded_chain(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let xff: Vec<Option<IpAddr>> = headers
        .get_all("x-forwarded-for")
        .flat_map(|v| v.to_str().unwrap_or("\u{0}").split(',').map(|s| s.trim().parse().ok()).collect::<Vec<_>>())
        .collect();
    if !xff.is_empty() {
        return xff;
    }
    headers
        .get_all("forwarded")
        .flat_map(|v| {
            v.to_str()
                .unwrap_or("\u{0}")
                .split(',')
                .map(|element| {
                    element
                        .split(';')
                        .find_map(|pair| {
                            let (k, v) = pair.trim().split_once('=')?;
                            k.eq_ignore_ascii_case("for").then_some(v)
                        })
                        .and_then(parse_forwarded_node)
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// RFC 7239 node: `192.0.2.1`, `"192.0.2.1:4711"`, `"[2001:db8::1]:4711"`, `"[2001:db8::1]"`.
fn parse_forwarded_node(raw: &str) -> Option<IpAddr> {
    let node = raw.trim().trim_matches('"');
    if let Some(rest) = node.strip_prefix('[') {
        return rest.split_once(']').and_then(|(ip, _)| ip.parse().ok());
    }
    node.parse().ok().or_else(|| node.rsplit_once(':').and_then(|(ip, _)| ip.parse().ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_nodes() {
        assert_eq!(parse_forwarded_node("192.0.2.1"), "192.0.2.1".parse().ok());
        assert_eq!(parse_forwarded_node("\"192.0.2.1:4711\""), "192.0.2.1".parse().ok());
        assert_eq!(parse_forwarded_node("\"[2001:db8::1]:4711\""), "2001:db8::1".parse().ok());
        assert_eq!(parse_forwarded_node("unknown"), None);
    }
}
