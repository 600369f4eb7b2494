//! For the load test only (`scripts/load`), in a build with the `bench-static` feature:
//! with `--bench-static-file PATH` (or `RD_BENCH_STATIC_FILE`), `GET /bench/static`
//! answers that file's bytes as HTML, read into memory once at start-up, through the
//! same router and middleware as every page. It measures what this server stack can
//! do at best for an answer of the same size, the reference the term page is compared
//! with. Release builds leave the route out entirely.

use crate::web::state::{AppState, Config};
use axum::Router;
use axum::body::Bytes;
use axum::http::header;
use axum::routing::get;

pub fn router(config: &Config) -> Router<AppState> {
    let Some(path) = &config.bench_static_file else {
        return Router::new();
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => Bytes::from(b),
        Err(e) => {
            tracing::error!(error = %e, path = ?path, "the bench-static file is unreadable");
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
