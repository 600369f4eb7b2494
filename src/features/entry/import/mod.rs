//! Import: a year's figures from a CSV or XLSX file: the template, the upload, the
//! preview and the confirm.

#[cfg(feature = "ssr")]
mod confirm;
pub mod page;
#[cfg(feature = "ssr")]
mod routes;
#[cfg(feature = "ssr")]
mod template;
#[cfg(feature = "ssr")]
mod upload;

pub use page::ImportPage;

/// The POST routes of this feature's forms.
#[cfg(feature = "ssr")]
pub fn router() -> axum::Router<crate::web::state::AppState> {
    axum::Router::new().merge(routes::router())
}
