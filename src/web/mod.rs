//! The HTTP plumbing every feature shares: the application state, sessions, CSRF and
//! passwords, the error and refusal answers, security headers, limits, the
//! private-mode gate, the page cache, static assets and the language switch.
//! Nothing here knows a page; the features build on it.

pub mod assets;
pub mod auth;
pub mod cookie;
pub mod error;
pub mod form;
pub mod form_error;
pub mod gate;
pub mod guard;
pub mod headers;
pub mod lang;
pub mod limits;
pub mod observe;
pub mod page_cache;
pub mod params;
pub mod rejection;
pub mod render;
pub mod state;
