//! Import: a year's figures from a CSV or XLSX file: the template, the upload, the
//! preview and the confirm.

pub mod data;
pub mod page;
#[cfg(feature = "ssr")]
pub mod post;
pub mod view;

pub use page::ImportPage;

/// The POST routes of this feature's forms.
#[cfg(feature = "ssr")]
pub fn router() -> axum::Router<crate::web::state::AppState> {
    axum::Router::new().merge(post::router())
}
