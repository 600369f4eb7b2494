//! One component per page. Each reads its route, loads its view through a server
//! function, and renders it; errors render the error view with the right status.
//!
//! Page data is an `AsyncDerived`, not a `Resource`: a Resource is also serialized
//! into an inline script for a hydrating browser bundle. There is no such bundle
//! (the pages work as plain HTML) and the CSP forbids inline scripts, so that copy
//! would only double every page.

mod account;
mod admin_groups;
mod admin_indicator;
mod admin_terms;
mod entry;
mod history;
mod home;
mod import;
mod indicator;
mod not_found;
mod staff;
mod term;

pub use account::{LoginPage, SetupPage};
pub use admin_indicator::AdminIndicatorPage;
pub use admin_terms::{AdminTermPage, AdminTermsPage};
pub use entry::EntryPage;
pub use home::HomePage;
pub use import::ImportPage;
pub use indicator::IndicatorPage;
pub use not_found::NotFound;
pub use staff::{EntryIndexPage, ReviewPage, UsersPage};
pub use term::TermPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The numeric `:id` of the route; None for anything that is not a positive integer.
fn route_id() -> impl Fn() -> Option<i64> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .filter(|id| *id > 0)
    }
}
