//! What every request handler and server function can reach: the Leptos options
//! and the database. Provided to Leptos as context and to axum as router state.

use crate::db::{Db, UserRecord};
use axum::extract::FromRef;
use leptos::config::LeptosOptions;

/// Renders the whole HTML document of the app.
pub type Shell = fn(LeptosOptions) -> leptos::prelude::AnyView;

#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    /// The HTML document of the app (the shell), handed in at start-up so
    /// that a refused form can render its page again without this layer knowing the
    /// pages.
    pub shell: Shell,
    pub db: Db,
    pub config: Config,
}

/// Settings chosen at start-up.
#[derive(Clone, Debug)]
pub struct Config {
    /// Cookies get `Secure` (the site is served over HTTPS).
    pub secure_cookies: bool,
    /// Every page and API call requires signing in.
    pub private: bool,
    /// A request taking longer is answered 408 and its work dropped.
    pub request_timeout: std::time::Duration,
    /// Reverse proxies whose `X-Forwarded-For` names the client (sign-in throttling).
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Load tests only: the file `GET /bench/static` answers with.
    #[cfg(feature = "bench-static")]
    pub bench_static_file: Option<std::path::PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            secure_cookies: false,
            private: false,
            request_timeout: std::time::Duration::from_secs(30),
            trusted_proxies: Vec::new(),
            #[cfg(feature = "bench-static")]
            bench_static_file: None,
        }
    }
}

/// The signed-in user of a request, put in the request's extensions by the session
/// middleware; pages, server functions and handlers read it from there.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: UserRecord,
    /// The session's CSRF token, echoed by every form.
    pub csrf: String,
    /// Hash of the session token, to end the session at sign-out.
    pub session_hash: String,
}

/// The signed-in user of the request being rendered, if any.
pub fn signed_in() -> Option<SignedIn> {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|p| p.extensions.get::<SignedIn>().cloned())
}
