//! POST handlers of the admin's definitions: terms, groups, indicators, targets.
//! Each refuses bad input with the page shown again and nothing written.

use super::{groups_post as groups, indicators_post as indicators, terms_post as terms};

use crate::domain::has_control_chars;
use crate::i18n::Locale;
use crate::ui::session::FormFeedback;
use crate::web::render::page_with;
use crate::web::state::AppState;
use axum::Router;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::post;
use std::collections::HashMap;

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

pub(crate) type Fields = Vec<(String, String)>;

pub(super) async fn refuse(
    state: &AppState,
    parts: &Parts,
    path: &str,
    form: &Fields,
    errors: HashMap<String, String>,
    l: Locale,
    status: StatusCode,
) -> Response {
    let feedback = FormFeedback {
        message: Some(l.t("form.fix_errors").to_string()),
        fields: form.iter().filter(|(k, _)| k != "csrf").cloned().collect(),
        errors,
    };
    page_with(state, parts, path, feedback, status).await
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
