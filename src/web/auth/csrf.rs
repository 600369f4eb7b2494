//! Cross-site request forgery: every state change must come from this site. Two
//! checks: the Origin (or Referer) of an unsafe request names this host, and forms
//! carry the session's token (checked by each form handler with `token_matches`).
//! Requests authenticated by an API token carry no cookie and skip the Origin check;
//! the JSON API refuses cookie-authenticated writes altogether.

use super::secret;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Field name of the token in forms.
pub const FIELD: &str = "csrf";
/// Cookie holding the token of a visitor who is not signed in (sign-in and setup
/// forms), compared with the form field: a double-submit token.
pub const ANON_COOKIE: &str = "rd_csrf";

fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// True when Origin (or, without it, Referer) names the host the request was sent to.
pub fn same_origin(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let source = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    let Some(source) = source else { return false };
    let rest = source
        .strip_prefix("http://")
        .or_else(|| source.strip_prefix("https://"));
    rest.is_some_and(|r| {
        let authority = r.split('/').next().unwrap_or_default();
        authority.eq_ignore_ascii_case(host)
    })
}

/// Middleware: refuses unsafe requests from elsewhere with 403, before any handler runs.
pub async fn check_origin(req: Request, next: Next) -> Response {
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("Bearer "));
    // API writes are never authorised by a cookie (see `api_write::writer`), so a
    // forged cross-site call to them can do nothing; they answer in JSON themselves.
    let api = req.uri().path().starts_with("/api/");
    if is_unsafe(req.method()) && !bearer && !api && !same_origin(req.headers()) {
        tracing::warn!(path = %req.uri().path(), "refused a state change from another origin");
        return forbidden();
    }
    next.run(req).await
}

pub fn forbidden() -> Response {
    let body = "Yêu cầu bị từ chối: biểu mẫu không đến từ trang này hoặc đã hết hạn. \
                Hãy tải lại trang và thử lại.\n\
                Request refused: the form did not come from this site or has expired. Reload the page and try again.";
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        Body::from(body),
    )
        .into_response()
}

/// Compares a form's token with the expected one.
pub fn token_matches(expected: &str, submitted: Option<&str>) -> bool {
    submitted.is_some_and(|s| !expected.is_empty() && secret::same(expected, s))
}
