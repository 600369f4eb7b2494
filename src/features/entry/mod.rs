//! Entry: the clerk's choice of a year, the year's entry form, its save and submit, and
//! `import/`: the same figures from a file.

#[cfg(feature = "ssr")]
pub mod build;
pub mod data;
pub mod form;
pub mod import;
pub mod index_page;
pub mod page;
#[cfg(feature = "ssr")]
pub mod post;
pub mod view;

pub use import::ImportPage;
pub use index_page::EntryIndexPage;
pub use page::EntryPage;

/// The POST routes of this feature's forms.
#[cfg(feature = "ssr")]
pub fn router() -> axum::Router<crate::web::state::AppState> {
    axum::Router::new()
        .merge(post::router())
        .merge(import::router())
}
