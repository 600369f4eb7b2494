//! What every page shares: the frame (header, navigation, footer), the small
//! components, the error view, who is signed in, the reader's language and the
//! route's id. Pages live with their feature (`src/features/`).

pub mod components;
pub mod errors;
pub mod forms;
mod not_found;
pub mod page;
pub mod route;
pub mod session;

pub use not_found::NotFound;

use crate::i18n::Locale;
use leptos::prelude::*;

/// The reader's language: the `lang` cookie when set, Vietnamese otherwise.
pub fn use_locale() -> Locale {
    if let Some(locale) = use_context::<Locale>() {
        return locale;
    }
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<axum::http::request::Parts>() {
        return crate::web::lang::locale_from_headers(&parts.headers);
    }
    Locale::Vi
}
