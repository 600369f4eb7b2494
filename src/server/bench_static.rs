//! For the load test only (`scripts/load`): with `RD_BENCH_STATIC_FILE=path` set,
//! `GET /bench/static` answers that file's bytes as HTML, read into memory once at
//! start-up, through the same router and middleware as every page. It measures
//! what this server stack can do at best for an answer of the same size, the
//! reference the term page is compared with. Without the variable the route does
//! not exist.

use crate::app::state::AppState;
use axum::Router;
use axum::body::Bytes;
use axum::http::header;
use axum::routing::get;

pub fn router() -> Router<AppState> {
    let Some(path) = std::env::var_os("RD_BENCH_STATIC_FILE") else {
        return Router::new();
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => Bytes::from(b),
        Err(e) => {
            tracing::error!(error = %e, path = ?path, "RD_BENCH_STATIC_FILE unreadable");
            return Router::new();
        }
    };
    Router::new().route(
        "/bench/static",
        get(move || {
            let bytes = bytes.clone();
            async move { ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], bytes) }
        }),
    )
}
