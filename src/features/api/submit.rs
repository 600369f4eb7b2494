//! `POST /api/v1/indicators/{id}/values/{period}/submit`: a program sends a draft
//! or returned figure for approval, so that a figure that arrived through the API
//! can finish the workflow (draft → submitted → approved) without a person retyping it.

use crate::db::WriteError;
use crate::domain::Action;
use crate::features::api::answers::WriteFailures;
use crate::features::api::json::StoredValueJson;
use crate::features::api::write::stored;
use crate::features::api::write_input::{FigureCall, FigurePath, bad, write_error};
use crate::web::error::{ApiError, ErrorBody};
use crate::web::rejection::api_method_not_allowed;
use crate::web::state::AppState;
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use utoipa::ToSchema;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/api/v1/indicators/{id}/values/{period}/submit",
        post(submit).fallback(api_method_not_allowed),
    )
}

/// The optional body of a submit: the version the program last read.
#[derive(Debug, Deserialize, Default, ToSchema)]
#[schema(example = json!({"expected_version": 1}))]
#[serde(deny_unknown_fields)]
pub struct SubmitBody {
    /// When given, a figure changed since that version is a conflict (409) and
    /// nothing is sent.
    #[schema(minimum = 0)]
    pub expected_version: Option<i64>,
}

/// Sends a draft or returned figure for approval (an editor's token or above).
#[utoipa::path(post, path = "/api/v1/indicators/{id}/values/{period}/submit", tag = "write",
    security(("api_token" = [])),
    params(FigurePath),
    request_body(content = Option<SubmitBody>, description = "Optional; may be empty"),
    responses(
        (status = 200, description = "Submitted; the stored figure", body = StoredValueJson),
        (status = 400, description = "The body or the period is refused; nothing changed", body = ErrorBody),
        (status = 403, description = "A session instead of a token, or a role that may not submit", body = ErrorBody),
        (status = 404, description = "No such indicator, or no figure for that period", body = ErrorBody),
        (status = 409, description = "The figure changed since `expected_version`, or it is neither a draft nor returned", body = ErrorBody),
        WriteFailures,
    ),
)]
pub async fn submit(call: FigureCall) -> Result<Json<StoredValueJson>, ApiError> {
    let (actor, id) = call.writer(Action::SubmitValues)?;
    let period = call.period()?;
    // No body means no version check.
    let body: SubmitBody = call.optional_body()?;
    if body.expected_version.is_some_and(|v| v < 0) {
        return Err(bad("expected_version cannot be negative"));
    }
    call.state
        .db
        .submit_value(id, period, body.expected_version, &actor)
        .await
        .map_err(|e| match e {
            WriteError::WrongState => ApiError::Conflict(
                "the figure is neither a draft nor returned: it already awaits review or is approved"
                    .into(),
            ),
            other => write_error(other),
        })?;
    stored(&call.state, id, period).await
}
