//! Which requests the page cache may answer: anonymous reads of public pages.

use crate::web::state::SignedIn;
use axum::extract::Request;
use axum::http::{HeaderMap, Method, header};

const CACHED_PREFIXES: [&str; 4] = [
    "/terms/",
    "/indicators/",
    "/api/v1/terms",
    "/api/v1/indicators/",
];

/// Whether the request is an anonymous read of a cached kind of page.
pub(super) fn cacheable(req: &Request) -> bool {
    let path = req.uri().path();
    req.method() == Method::GET
        && (path == "/" || CACHED_PREFIXES.iter().any(|p| path.starts_with(p)))
        && !path.ends_with("/history")
        && req.extensions().get::<SignedIn>().is_none()
        && !req.headers().contains_key(header::AUTHORIZATION)
        && only_language_cookie(req.headers())
}

fn only_language_cookie(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter(|pair| !pair.trim().is_empty())
        .all(|pair| {
            pair.trim()
                .split_once('=')
                .is_some_and(|(k, _)| k == crate::i18n::LANG_COOKIE)
        })
}

#[cfg(test)]
mod tests {
    use super::only_language_cookie;
    use axum::http::{HeaderMap, HeaderValue, header};

    fn with_cookie(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_str(value).expect("header"),
        );
        h
    }

    #[test]
    fn only_requests_without_cookies_or_with_the_language_alone_are_cached() {
        assert!(only_language_cookie(&HeaderMap::new()));
        assert!(only_language_cookie(&with_cookie("lang=en")));
        assert!(only_language_cookie(&with_cookie("lang=en; ")));
        assert!(!only_language_cookie(&with_cookie("lang=en; rd_session=x")));
        assert!(!only_language_cookie(&with_cookie("rd_csrf=y")));
        assert!(!only_language_cookie(&with_cookie("garbage")));
    }
}
