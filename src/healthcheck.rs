//! `latchkey healthcheck`: `GET /healthz` on the address `serve` listens on, over a plain TCP
//! stream, so a container needs no HTTP client to check itself.

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream, ToSocketAddrs};
use std::time::Duration;

/// Each step (connect, send, read the status line) may take this long.
const TIMEOUT: Duration = Duration::from_secs(2);

/// `Ok` with the status line on a 200; otherwise one line saying what went wrong.
pub fn check(bind: &str) -> Result<String, String> {
    let addr = target(bind)?;
    let url = format!("http://{addr}/healthz");
    let failed = |e: std::io::Error| match e.kind() {
        ErrorKind::WouldBlock | ErrorKind::TimedOut => format!("{url}: no answer within {} s", TIMEOUT.as_secs()),
        _ => format!("{url}: {e}"),
    };
    let mut stream = TcpStream::connect_timeout(&addr, TIMEOUT).map_err(failed)?;
    stream.set_read_timeout(Some(TIMEOUT)).map_err(failed)?;
    stream.set_write_timeout(Some(TIMEOUT)).map_err(failed)?;
    stream
        .write_all(
            format!("GET /healthz HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: latchkey-healthcheck\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
        .map_err(failed)?;
    let mut status_line = String::new();
    BufReader::new(stream.take(1024)).read_line(&mut status_line).map_err(failed)?;
    let status_line = status_line.trim();
    match status_line.split_whitespace().nth(1) {
        Some("200") => Ok(format!("{url}: {status_line}")),
        Some(_) => Err(format!("{url}: answered {status_line:?}")),
        None if status_line.is_empty() => Err(format!("{url}: the connection closed without an answer")),
        None => Err(format!("{url}: not an HTTP answer: {status_line:?}")),
    }
}

/// The address to ask: `bind` itself, or loopback when it listens on every address.
fn target(bind: &str) -> Result<SocketAddr, String> {
    let addr = bind
        .to_socket_addrs()
        .map_err(|e| format!("LATCHKEY_BIND {bind:?}: {e}"))?
        .next()
        .ok_or_else(|| format!("LATCHKEY_BIND {bind:?}: no address"))?;
    if addr.port() == 0 {
        return Err(format!("LATCHKEY_BIND {bind:?}: port 0 is picked at start, so there is no port to check"));
    }
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    Ok(SocketAddr::new(ip, addr.port()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_address_is_checked_on_loopback() {
        assert_eq!(target("0.0.0.0:8080"), Ok("127.0.0.1:8080".parse().unwrap()));
        assert_eq!(target("[::]:8080"), Ok("[::1]:8080".parse().unwrap()));
        assert_eq!(target("10.1.2.3:9000"), Ok("10.1.2.3:9000".parse().unwrap()));
        assert!(target("127.0.0.1:0").is_err());
        assert!(target("no port").is_err());
    }
}
