//! One folder per thing a user does. Each owns its page component(s), the server
//! function that loads the page, its view types and builder when only it shows them,
//! its form types and POST handlers, and a `router()` for those handlers.
//!
//! - `reading`: the home, term and indicator pages (and their history list)
//! - `entry`: a year's entry form and its save, and `entry/import/`: the same figures
//!   from a CSV/XLSX file (upload, preview, confirm), which shows the entry view too
//! - `review`: the approver's review page, submitting, approving and returning figures
//! - `definitions`: the admin's terms, groups, indicators and targets
//! - `accounts`: sign-in, setup, the account page and user administration
//! - `downloads`: charts (SVG/PNG) and term files (PDF, XLSX, CSV)
//! - `api`: the JSON API, its writes and its OpenAPI document

pub mod accounts;
#[cfg(feature = "ssr")]
pub mod api;
pub mod definitions;
#[cfg(feature = "ssr")]
pub mod downloads;
pub mod entry;
pub mod reading;
pub mod review;

pub use crate::ui::NotFound;
pub use accounts::{LoginPage, SetupPage, UsersPage};
pub use definitions::{AdminIndicatorPage, AdminTermPage, AdminTermsPage};
pub use entry::{EntryIndexPage, EntryPage, ImportPage};
pub use reading::{HomePage, IndicatorPage, TermPage};
pub use review::ReviewPage;

/// The POST routes of every feature's forms; a refused form is rendered again by
/// [`crate::web::form_error::render_refusals`].
#[cfg(feature = "ssr")]
pub fn form_router(
    state: &crate::web::state::AppState,
) -> axum::Router<crate::web::state::AppState> {
    axum::Router::new()
        .merge(accounts::router())
        .merge(definitions::router())
        .merge(entry::router())
        .merge(review::router())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::web::form_error::render_refusals,
        ))
}
