//! Accounts: signing in and out, the first admin's setup, the admin's user list and
//! the API tokens of programs.

pub mod data;
pub mod sign_in_page;
#[cfg(feature = "ssr")]
pub mod sign_in_post;
pub mod tokens_page;
#[cfg(feature = "ssr")]
pub mod tokens_post;
pub mod users_page;
#[cfg(feature = "ssr")]
pub mod users_post;
pub mod view;

pub use sign_in_page::{LoginPage, SetupPage};
pub use users_page::UsersPage;

/// The POST routes of this feature's forms.
#[cfg(feature = "ssr")]
pub fn router() -> axum::Router<crate::web::state::AppState> {
    axum::Router::new()
        .merge(sign_in_post::router())
        .merge(users_post::router())
        .merge(tokens_post::router())
}
