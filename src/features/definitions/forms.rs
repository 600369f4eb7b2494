//! The routes of the admin's definition forms (terms, groups, indicators, targets)
//! and the limits their labels share. Each handler refuses bad input with the page
//! shown again and nothing written.

use super::{groups_post as groups, indicators_post as indicators, terms_post as terms};

use crate::db::DbError;
use crate::domain::has_control_chars;
use crate::i18n::Locale;
use crate::web::form_error::{FormError, Refusal};
use crate::web::state::AppState;
use axum::Router;
use axum::http::StatusCode;
use axum::routing::post;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/terms", post(terms::create_term))
        .route("/admin/terms/{id}", post(terms::update_term))
        .route("/admin/terms/{id}/{change}", post(terms::archive_term))
        .route(
            "/admin/terms/{id}/indicators",
            post(indicators::create_indicator),
        )
        .route("/admin/groups", post(groups::create_group))
        .route("/admin/groups/{id}", post(groups::rename_group))
        .route("/admin/groups/{id}/{change}", post(groups::archive_group))
        .route("/admin/indicators/{id}", post(indicators::update_indicator))
        .route(
            "/admin/indicators/{id}/target",
            post(indicators::set_target),
        )
        .route(
            "/admin/indicators/{id}/state/{change}",
            post(indicators::archive_indicator),
        )
}

/// A name that may not be stored: longer than 300 characters, or with control
/// characters.
pub(super) fn too_long(t: &Option<String>) -> bool {
    bad_label(t, 300)
}

pub(super) fn bad_label(t: &Option<String>, max: usize) -> bool {
    t.as_ref()
        .is_some_and(|t| t.chars().count() > max || has_control_chars(t))
}

/// For `map_err` on a save: a code or years another definition has already is the
/// reason `key` beside `field` (409), with the form filled in again; any other
/// failure is ours.
pub(super) fn taken(
    refusal: Refusal,
    field: &'static str,
    key: &'static str,
    l: Locale,
) -> impl FnOnce(DbError) -> FormError {
    move |e| match e {
        DbError::Conflict(_) => refusal
            .field(field, l.t(key))
            .status(StatusCode::CONFLICT)
            .into(),
        e => e.into(),
    }
}
