//! What every request handler and server function can reach: the Leptos options
//! and the database. Provided to Leptos as context and to axum as router state.

use crate::db::Db;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;

#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
}
