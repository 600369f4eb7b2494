//! The import's routes, and the term data every step reads.

use super::{confirm::confirm, template::template, upload::upload};
use crate::db::{Figures, TermData};
use crate::ingest::import::MAX_BYTES;
use crate::web::state::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use std::sync::Arc;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/import/{term}/{year}/template.{ext}", get(template))
        .route(
            "/import/{term}/{year}",
            // Room for the largest accepted file plus the form around it; the reader
            // refuses anything over MAX_BYTES with a message.
            post(upload).layer(DefaultBodyLimit::max(MAX_BYTES * 2)),
        )
        .route("/import/{term}/{year}/confirm", post(confirm))
}

/// The term with its working figures, when `year` is one of its years.
pub(super) async fn working(state: &AppState, term_id: i64, year: i32) -> Option<Arc<TermData>> {
    match state.db.term_data_as(term_id, Figures::Working).await {
        Ok(Some(d)) if d.term.term.years().contains(&year) => Some(d),
        Ok(_) => None,
        Err(e) => {
            tracing::error!(error = %e, "loading a term for import failed");
            None
        }
    }
}
