//! Review: the approver's queue of submitted figures, approving or returning each, and
//! locking a term.

#[cfg(feature = "ssr")]
pub mod build;
#[cfg(feature = "ssr")]
mod bulk;
pub mod data;
pub mod page;
#[cfg(feature = "ssr")]
pub mod post;
pub mod view;

pub use page::ReviewPage;

/// The POST routes of this feature's forms.
#[cfg(feature = "ssr")]
pub fn router() -> axum::Router<crate::web::state::AppState> {
    axum::Router::new().merge(post::router())
}
