//! Downloads: charts as SVG/PNG and a term's files (PDF meeting pack, XLSX, CSV).

pub mod charts;
pub mod request;
pub mod term_files;

/// The download routes: charts and term files.
pub fn router() -> axum::Router<crate::web::state::AppState> {
    axum::Router::new()
        .merge(charts::router())
        .merge(term_files::router())
}
