//! Definitions: the admin's terms, indicator groups, indicators and targets: the
//! pages, the server functions that load them, their builder, and the POST handlers.

#[cfg(feature = "ssr")]
pub mod build;
pub mod data;
#[cfg(feature = "ssr")]
pub mod forms;
pub mod groups_page;
#[cfg(feature = "ssr")]
pub mod groups_post;
pub mod indicator_page;
#[cfg(feature = "ssr")]
pub mod indicators_post;
pub mod terms_page;
#[cfg(feature = "ssr")]
pub mod terms_post;
pub mod view;

pub use indicator_page::AdminIndicatorPage;
pub use terms_page::{AdminTermPage, AdminTermsPage};

#[cfg(feature = "ssr")]
pub use forms::router;
