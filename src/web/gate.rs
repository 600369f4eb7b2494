//! Private mode (`serve --private`): everything but signing in, first-run setup,
//! the health check and static assets requires a signed-in user.

use crate::web::error::ApiError;
use crate::web::state::{AppState, SignedIn};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

const OPEN: [&str; 4] = ["/login", "/setup", "/healthz", "/assets/"];

pub async fn private_mode(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if !state.config.private || req.extensions().get::<SignedIn>().is_some() {
        return next.run(req).await;
    }
    let path = req.uri().path();
    if OPEN
        .iter()
        .any(|p| path == *p || (p.ends_with('/') && path.starts_with(p)))
        || path.starts_with("/lang/")
    {
        return next.run(req).await;
    }
    if path.starts_with("/api/") {
        // API callers authenticate with a token; the handlers check it.
        if req
            .headers()
            .contains_key(axum::http::header::AUTHORIZATION)
        {
            return next.run(req).await;
        }
        return ApiError::Unauthorized.into_response();
    }
    let target = format!(
        "/login?next={}",
        urlencode(req.uri().path_and_query().map_or("/", |p| p.as_str()))
    );
    crate::web::render::see_other(&target)
}

/// Percent-encodes a path for a query parameter.
pub fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
