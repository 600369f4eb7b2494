//! The error a page's data call can end in. Readers see words, never internals: the
//! details of an internal error are logged on the server only.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PageError {
    #[error("not found")]
    NotFound,
    /// A query parameter of the address is not valid (a page that does not exist).
    #[error("bad query parameter")]
    BadQuery,
    /// Signing in is needed.
    #[error("sign in required")]
    SignInRequired,
    /// Signed in, but the role does not allow this.
    #[error("forbidden")]
    Forbidden,
    /// The database cannot be reached or cannot write right now.
    #[error("database unavailable")]
    Unavailable,
    #[error("internal error")]
    Internal,
    /// The call itself failed (network, encoding).
    #[error("request failed: {0}")]
    Transport(String),
}

impl leptos::server_fn::error::FromServerFnError for PageError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        PageError::Transport(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<crate::db::DbError> for PageError {
    fn from(e: crate::db::DbError) -> Self {
        tracing::error!(error = %e, code = ?e.code(), unavailable = e.is_unavailable(), "database error while building a page");
        if e.is_unavailable() {
            PageError::Unavailable
        } else {
            PageError::Internal
        }
    }
}
