//! IP networks (CIDRs) as the tenant's trusted networks and the operator's trusted proxies.

use std::net::IpAddr;

use ipnetwork::IpNetwork;

use super::{ErrorCode, Invalid};

/// Which header the trusted proxies write (`LATCHKEY_FORWARDED_HEADER`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ForwardedHeader {
    #[default]
    XForwardedFor,
    Forwarded,
}

/// At most this many networks in one list.
pub const MAX_NETWORKS: usize = 100;

/// Parses CIDRs ("203.0.113.0/24", "2001:db8::/32"; a bare address is a /32 or /128). An
/// empty entry, or one with spaces, is refused as every other entry that is not a network.
/// The error names the first bad entry.
pub fn parse_cidrs<'a>(entries: impl IntoIterator<Item = &'a str>) -> Result<Vec<IpNetwork>, Invalid> {
    let mut out = Vec::new();
    for entry in entries {
        let network = parse_cidr(entry).ok_or_else(|| {
            Invalid::new(
                ErrorCode::InvalidCidr,
                format!("{:?} is not a CIDR such as 203.0.113.0/24", super::text::for_log(entry, 64)),
            )
        })?;
        // Canonical form: the network address, so "10.1.2.3/8" is stored as "10.0.0.0/8".
        let canonical = IpNetwork::new(network.network(), network.prefix())
            .map_err(|_| Invalid::new(ErrorCode::InvalidCidr, format!("{entry:?} is not a valid network")))?;
        if !out.contains(&canonical) {
            out.push(canonical);
        }
    }
    if out.len() > MAX_NETWORKS {
        return Err(Invalid::new(ErrorCode::InvalidCidr, format!("at most {MAX_NETWORKS} networks")));
    }
    Ok(out)
}

/// One CIDR in the text forms the standard library reads (IPv4 dotted decimal without leading
/// zeros; IPv6 as RFC 4291 writes it: compressed, any case, an embedded IPv4 address), and a
/// prefix of decimal digits without a sign or leading zeros. Stricter than `IpNetwork`'s own
/// parser, which also takes `10/8` and `/+8`: what is accepted here is exactly what the
/// published schema (`schema::cidrs`) describes.
fn parse_cidr(entry: &str) -> Option<IpNetwork> {
    let (address, prefix) = match entry.split_once('/') {
        Some((address, prefix)) => (address, Some(prefix)),
        None => (entry, None),
    };
    let ip: IpAddr = address.parse().ok()?;
    let max: u8 = if ip.is_ipv4() { 32 } else { 128 };
    let prefix = match prefix {
        None => max,
        Some(digits) => {
            let plain = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
            if !plain || (digits.len() > 1 && digits.starts_with('0')) {
                return None;
            }
            digits.parse::<u8>().ok().filter(|p| *p <= max)?
        }
    };
    IpNetwork::new(ip, prefix).ok()
}

/// The first network that contains `ip` (IPv4-mapped IPv6 addresses are seen as IPv4).
pub fn matching(networks: &[IpNetwork], ip: IpAddr) -> Option<IpNetwork> {
    let ip = canonical_ip(ip);
    networks.iter().copied().find(|n| n.contains(ip))
}

/// `::ffff:192.0.2.1` → `192.0.2.1`.
pub fn canonical_ip(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    }
}

/// The client's address: the TCP peer, unless the peer is a trusted proxy; then the right-most
/// forwarded address that is not itself a trusted proxy. `forwarded` lists the addresses a
/// proxy chain reported, left (the original client) to right (the hop nearest to us). When the
/// walk meets an entry that does not parse, or runs out while every hop is a proxy, the client is
/// unknown (`None`): a proxy's own address must never stand in for the client's, since a
/// tenant may trust the network its proxies live in.
pub fn client_ip(peer: IpAddr, forwarded: &[Option<IpAddr>], proxies: &[IpNetwork]) -> Option<IpAddr> {
    let peer = canonical_ip(peer);
    if matching(proxies, peer).is_none() {
        return Some(peer);
    }
    for hop in forwarded.iter().rev() {
        let ip = canonical_ip((*hop)?);
        if matching(proxies, ip).is_none() {
            return Some(ip);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidrs_parse_to_their_network_and_name_the_bad_entry() {
        let nets = parse_cidrs(["203.0.113.7/24", "2001:DB8::1/32", "127.0.0.1"]).unwrap();
        assert_eq!(
            nets.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["203.0.113.0/24", "2001:db8::/32", "127.0.0.1/32"]
        );
        let err = parse_cidrs(["10.0.0.0/8", "10.0.0.0/33"]).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidCidr);
        assert!(err.message.contains("10.0.0.0/33"));
        assert!(parse_cidrs(["bogus"]).is_err());
        // What IpNetwork alone would take, and the schema does not describe.
        for refused in ["", " 10.0.0.0/8", "10/8", "10.0.0.0/+8", "10.0.0.0/08", "10.0.0.0/", "010.0.0.0/8", "::1/0128"]
        {
            assert_eq!(parse_cidrs([refused]).map_err(|e| e.code), Err(ErrorCode::InvalidCidr), "{refused:?}");
        }
        let many: Vec<String> = (0..101).map(|i| format!("10.0.{i}.0/24")).collect();
        assert!(parse_cidrs(many.iter().map(String::as_str)).is_err());
    }

    #[test]
    fn the_client_is_the_peer_unless_the_peer_is_a_trusted_proxy() {
        let ip = |s: &str| -> IpAddr { s.parse().unwrap() };
        let proxies = parse_cidrs(["10.0.0.0/8"]).unwrap();
        let chain = [Some(ip("198.51.100.7")), Some(ip("203.0.113.9")), Some(ip("10.0.0.2"))];
        // An untrusted peer's header changes nothing.
        assert_eq!(client_ip(ip("192.0.2.1"), &chain, &proxies), Some(ip("192.0.2.1")));
        // Through trusted proxies: the right-most address that is not a proxy (the left-most
        // entries are whatever the client wrote, so they are never believed).
        assert_eq!(client_ip(ip("10.0.0.1"), &chain, &proxies), Some(ip("203.0.113.9")));
        // A proxy's own address never stands in for the client.
        assert_eq!(client_ip(ip("10.0.0.1"), &[], &proxies), None);
        assert_eq!(client_ip(ip("10.0.0.1"), &[Some(ip("203.0.113.9")), None], &proxies), None);
        assert_eq!(client_ip(ip("10.0.0.1"), &[Some(ip("10.0.0.3"))], &proxies), None);
        assert_eq!(client_ip(ip("::ffff:192.0.2.1"), &[], &[]), Some(ip("192.0.2.1")));
    }

    #[test]
    fn matching_sees_mapped_ipv4() {
        let nets = parse_cidrs(["127.0.0.0/8", "::1/128"]).unwrap();
        assert!(matching(&nets, "127.0.0.1".parse().unwrap()).is_some());
        assert!(matching(&nets, "::ffff:127.0.0.1".parse().unwrap()).is_some());
        assert!(matching(&nets, "::1".parse().unwrap()).is_some());
        assert!(matching(&nets, "10.0.0.1".parse().unwrap()).is_none());
    }
}
