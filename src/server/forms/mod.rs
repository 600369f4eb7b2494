//! Handlers of the plain HTML forms. Each checks the CSRF token and the role on the
//! server, then either redirects (303, success) or renders its page again with
//! what was typed and what is wrong (4xx). Forms post to these handlers rather than
//! to Leptos server functions because a refused form must come back filled in
//! without JavaScript, and server functions answer an HTML form only with a
//! redirect that loses the input.

pub mod account;
pub mod definitions;
pub mod entry;
pub mod import;
pub mod render;
pub mod users;

use crate::app::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(account::router())
        .merge(definitions::router())
        .merge(entry::router())
        .merge(import::router())
        .merge(users::router())
}

/// The value of `name` in a posted form (the first, if repeated).
pub fn field<'a>(form: &'a [(String, String)], name: &str) -> Option<&'a str> {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// A field's trimmed text; none when absent or blank.
pub fn text_field(form: &[(String, String)], name: &str) -> Option<String> {
    field(form, name)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// The signed-in user as the author of a change made through a form.
pub fn form_actor(s: &crate::app::state::SignedIn) -> crate::db::Actor {
    crate::db::Actor {
        user_id: s.user.id,
        username: s.user.username.clone(),
        origin: crate::db::Origin::Form,
    }
}
