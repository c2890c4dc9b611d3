//! The one place the client's IP address is computed: the TCP peer, or, when the peer is one of
//! `LATCHKEY_TRUSTED_PROXIES`, what the proxies forwarded in the one header they are configured
//! to write (`LATCHKEY_FORWARDED_HEADER`: `X-Forwarded-For` by default, or RFC 7239 `Forwarded`).
//! Only that header is read, so a header of the other kind that a client sent through the proxy
//! is never believed. Trusted networks, the audit trail and sessions all read the address here.

use std::net::IpAddr;

use actix_web::http::header::HeaderMap;
use actix_web::HttpRequest;
use ipnetwork::IpNetwork;

use crate::domain::network;
pub use crate::domain::network::ForwardedHeader;

pub fn of(req: &HttpRequest, proxies: &[IpNetwork], header: ForwardedHeader) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip();
    network::client_ip(peer, &forwarded_chain(req.headers(), header), proxies)
}

/// The forwarded addresses, left to right, across every line of the header. An entry that is not
/// an address (also one that is not valid UTF-8) is `None`, which stops the walk.
fn forwarded_chain(headers: &HeaderMap, header: ForwardedHeader) -> Vec<Option<IpAddr>> {
    let name = match header {
        ForwardedHeader::XForwardedFor => "x-forwarded-for",
        ForwardedHeader::Forwarded => "forwarded",
    };
    let mut chain = Vec::new();
    for line in headers.get_all(name) {
        for entry in line.as_bytes().split(|b| *b == b',') {
            let entry = std::str::from_utf8(entry).ok();
            chain.push(match header {
                ForwardedHeader::XForwardedFor => entry.and_then(parse_node),
                ForwardedHeader::Forwarded => entry.and_then(forwarded_for).and_then(parse_node),
            });
        }
    }
    chain
}

/// The `for=` value of one RFC 7239 element (`for=192.0.2.60;proto=http;by=203.0.113.43`).
fn forwarded_for(element: &str) -> Option<&str> {
    element.split(';').find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        k.trim().eq_ignore_ascii_case("for").then_some(v)
    })
}

/// An address as proxies write it: `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1`,
/// `[2001:db8::1]:4711`, optionally in quotes.
fn parse_node(raw: &str) -> Option<IpAddr> {
    let node = raw.trim().trim_matches('"');
    if let Some(rest) = node.strip_prefix('[') {
        return rest.split_once(']').and_then(|(ip, _)| ip.parse().ok());
    }
    node.parse().ok().or_else(|| {
        let (ip, port) = node.rsplit_once(':')?;
        port.parse::<u16>().ok()?;
        ip.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderName, HeaderValue};

    fn headers(name: &'static str, values: &[&[u8]]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for v in values {
            map.append(HeaderName::from_static(name), HeaderValue::from_bytes(v).unwrap());
        }
        map
    }

    #[test]
    fn nodes() {
        assert_eq!(parse_node("192.0.2.1"), "192.0.2.1".parse().ok());
        assert_eq!(parse_node("192.0.2.1:4711"), "192.0.2.1".parse().ok());
        assert_eq!(parse_node("\"[2001:db8::1]:4711\""), "2001:db8::1".parse().ok());
        assert_eq!(parse_node("2001:db8::1"), "2001:db8::1".parse().ok());
        assert_eq!(parse_node("unknown"), None);
    }

    #[test]
    fn every_entry_of_every_line_counts_and_bad_bytes_are_unknown() {
        let xff = headers("x-forwarded-for", &[b"198.51.100.1, \xff", b"203.0.113.9"]);
        let chain = forwarded_chain(&xff, ForwardedHeader::XForwardedFor);
        assert_eq!(chain, vec!["198.51.100.1".parse().ok(), None, "203.0.113.9".parse().ok()]);
        let fwd = headers("forwarded", &[b"for=192.0.2.60;proto=http, for=\"[2001:db8::7]:4711\""]);
        let chain = forwarded_chain(&fwd, ForwardedHeader::Forwarded);
        assert_eq!(chain, vec!["192.0.2.60".parse().ok(), "2001:db8::7".parse().ok()]);
        assert!(forwarded_chain(&fwd, ForwardedHeader::XForwardedFor).is_empty(), "only the configured header");
    }
}
