//! The address a sign-in attempt comes from, for throttling. Behind a reverse proxy
//! every request arrives from the proxy, so one guesser would lock the whole office
//! out; the operator names the proxies it trusts (`--trusted-proxy`), and only then is
//! `X-Forwarded-For` read: from the right, skipping trusted proxies, the first other
//! address is the client's. A header from anyone else is ignored, since a client can
//! write any address into it.

use axum::http::HeaderMap;
use std::net::IpAddr;

pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    forwarded
        .into_iter()
        .rev()
        .find(|a| !trusted.contains(a))
        .unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("an address")
    }

    fn headers(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", v.parse().expect("header"));
        }
        h
    }

    #[test]
    fn the_forwarded_address_is_read_only_from_a_trusted_proxy() {
        let proxy = ip("10.0.0.2");
        let cases: &[(&str, &[&str], &[IpAddr], &str)] = &[
            // (peer, X-Forwarded-For values, trusted, client)
            ("203.0.113.7", &["198.51.100.1"], &[], "203.0.113.7"),
            ("203.0.113.7", &["198.51.100.1"], &[proxy], "203.0.113.7"),
            ("10.0.0.2", &["198.51.100.1"], &[proxy], "198.51.100.1"),
            // A client's own forged entries stand left of the real one.
            (
                "10.0.0.2",
                &["1.1.1.1, 198.51.100.1"],
                &[proxy],
                "198.51.100.1",
            ),
            (
                "10.0.0.2",
                &["1.1.1.1", "198.51.100.1"],
                &[proxy],
                "198.51.100.1",
            ),
            // Two proxies in a row.
            (
                "10.0.0.2",
                &["198.51.100.1, 10.0.0.3"],
                &[proxy, ip("10.0.0.3")],
                "198.51.100.1",
            ),
            // Nothing usable: the proxy itself.
            ("10.0.0.2", &[], &[proxy], "10.0.0.2"),
            ("10.0.0.2", &["not an address"], &[proxy], "10.0.0.2"),
            ("10.0.0.2", &["2001:db8::5"], &[proxy], "2001:db8::5"),
        ];
        for (peer, values, trusted, client) in cases {
            assert_eq!(
                client_address(ip(peer), &headers(values), trusted),
                ip(client),
                "{peer} {values:?}"
            );
        }
    }
}
