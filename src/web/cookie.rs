//! Reading a cookie of the request: the session, the anonymous form token and the
//! reader's language all come through this one parser of the `Cookie` header.

use axum::http::{HeaderMap, header};

/// The value of the cookie `name`, from any of the request's `Cookie` headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}
