//! Static assets compiled into the binary (stylesheet and fonts), so that the
//! program runs from any directory with nothing beside it.

use crate::web::state::AppState;
use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

const CSS: &str = include_str!("../../style/main.css");
const FONT_REGULAR: &[u8] = include_bytes!("../../public/fonts/NotoSans-Regular.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../../public/fonts/NotoSans-Bold.ttf");
const FONT_LICENSE: &str = include_str!("../../public/fonts/OFL.txt");

/// Assets never change within a build, and their URLs carry the version.
const CACHE_FOREVER: &str = "public, max-age=31536000, immutable";

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/assets/app.css",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/css; charset=utf-8"),
                        (header::CACHE_CONTROL, CACHE_FOREVER),
                    ],
                    CSS,
                )
            }),
        )
        .route(
            "/assets/fonts/NotoSans-Regular.ttf",
            get(|| async { font(FONT_REGULAR) }),
        )
        .route(
            "/assets/fonts/NotoSans-Bold.ttf",
            get(|| async { font(FONT_BOLD) }),
        )
        .route(
            "/assets/fonts/OFL.txt",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                    FONT_LICENSE,
                )
            }),
        )
}

fn font(bytes: &'static [u8]) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "font/ttf"),
            (header::CACHE_CONTROL, CACHE_FOREVER),
        ],
        bytes,
    )
}
