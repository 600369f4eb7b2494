//! Import: a year's figures from a CSV or XLSX file: the template, the upload, the
//! preview and the confirm.

#[cfg(feature = "ssr")]
mod confirm;
pub mod data;
pub mod page;
#[cfg(feature = "ssr")]
mod routes;
#[cfg(feature = "ssr")]
mod template;
#[cfg(feature = "ssr")]
mod upload;
pub mod view;

pub use page::ImportPage;

/// The routes of the import: the template, the upload, the confirm.
#[cfg(feature = "ssr")]
pub fn router() -> axum::Router<crate::web::state::AppState> {
    axum::Router::new().merge(routes::router())
}
