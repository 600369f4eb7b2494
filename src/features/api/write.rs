//! The write API for automation: `PUT /api/v1/indicators/{id}/values/{period}`,
//! `POST …/approve` and `…/return`, and `GET /api/v1/indicators/{id}/history`.
//! Writes need an API token (a cookie session would need a CSRF token); the same
//! validation as the entry form applies.

use crate::db::{AuditRecord, Decision, Figures, TermData, ValueChange};
use crate::domain::IndicatorId;
use crate::domain::{Action, FigureError, FigureInput, Period, Written};
use crate::features::api::answers::{DatabaseFailures, ReviewFailures, WriteFailures};
use crate::features::api::json::StoredValueJson;
use crate::features::api::write_input::{
    FigureCall, FigurePath, PutBody, ReturnBody, ReviewBody, bad, parse_body, parse_id, write_error,
};
use crate::web::auth::caller::Caller;
use crate::web::error::{ApiError, ErrorBody};
use crate::web::rejection::{ApiPath, api_method_not_allowed};
use crate::web::state::AppState;
use axum::extract::State;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde_json::Value;
use std::sync::Arc;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/indicators/{id}/values/{period}",
            put(put_value).fallback(api_method_not_allowed),
        )
        .route(
            "/api/v1/indicators/{id}/values/{period}/approve",
            post(approve).fallback(api_method_not_allowed),
        )
        .route(
            "/api/v1/indicators/{id}/values/{period}/return",
            post(return_value).fallback(api_method_not_allowed),
        )
        .route(
            "/api/v1/indicators/{id}/history",
            get(history).fallback(api_method_not_allowed),
        )
}

/// The stored working copy of one value.
pub(super) async fn stored(
    state: &AppState,
    indicator_id: i64,
    period: Period,
) -> Result<Json<StoredValueJson>, ApiError> {
    let term_id = state
        .db
        .term_of_indicator(indicator_id)
        .await?
        .ok_or_else(|| ApiError::NotFound("no such indicator".into()))?;
    let data = working(state, term_id).await?;
    let value = data
        .indicator(IndicatorId::new(indicator_id))
        .and_then(|i| i.values.iter().find(|v| v.observation.period == period))
        .ok_or(ApiError::Internal)?;
    Ok(Json(StoredValueJson {
        indicator_id,
        period: period.key(),
        value: value.observation.value.canonical(),
        qualifier: value.observation.qualifier.key(),
        revision: value.into(),
    }))
}

/// The term an indicator belongs to; an unknown id is a 404.
async fn term_of(state: &AppState, id: i64) -> Result<i64, ApiError> {
    state
        .db
        .term_of_indicator(id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no indicator with id {id}")))
}

/// The working figures of a term that is known to exist (one of its indicators
/// was just found), as writes check and answer them.
async fn working(state: &AppState, term_id: i64) -> Result<Arc<TermData>, ApiError> {
    state
        .db
        .term_data_as(term_id, Figures::Working)
        .await?
        .ok_or(ApiError::Internal)
}

/// Enters or changes a figure (an editor's token); it becomes a draft.
#[utoipa::path(put, path = "/api/v1/indicators/{id}/values/{period}", tag = "write",
    security(("api_token" = [])),
    params(
        ("id" = i64, Path, description = "Indicator id", minimum = 1, example = 1),
        ("period" = String, Path, description = "A year of the term (e.g. 2021) or `term`", pattern = "^([0-9]{4}|term)$", example = "2016"),
    ),
    request_body = PutBody,
    responses(
        (status = 200, description = "Saved; the stored figure", body = StoredValueJson),
        (status = 400, description = "The body, the period or the figure is refused; nothing changed", body = ErrorBody),
        (status = 403, description = "A session instead of a token, or a role that may not enter figures", body = ErrorBody),
        (status = 404, description = "No indicator with that id", body = ErrorBody),
        (status = 409, description = "The figure changed since `expected_version`", body = ErrorBody),
        WriteFailures,
    ),
)]
pub async fn put_value(call: FigureCall) -> Result<Json<StoredValueJson>, ApiError> {
    let (actor, id) = call.writer(Action::EnterValues)?;
    let body: PutBody = parse_body(&call.body)?;
    let period = call.period()?;
    let state = &call.state;
    let term_id = term_of(state, id).await?;
    let data = working(state, term_id).await?;
    let indicator = data
        .indicator(IndicatorId::new(id))
        .ok_or(ApiError::Internal)?;
    if let Period::Year(y) = period
        && !data.term.term.years().contains(&y)
    {
        return Err(bad(format!(
            "{y} is not a year of the term {}",
            data.term.term.span()
        )));
    }
    let text = match &body.value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return Err(bad("value must be a string such as \"12,5\" or a number")),
    };
    let input = FigureInput {
        value: Some(Written::Typed(&text)),
        qualifier: body.qualifier.as_deref(),
        note: body.note.as_deref(),
        source_document: body.source_document.as_deref(),
        quote: body.quote.as_deref(),
        expected_version: body.expected_version,
    };
    let figure = input
        .check(indicator.definition.unit.kind)
        .map_err(|e| figure_refusal(&e, &text))?
        .ok_or_else(|| bad("value is empty"))?;
    let change = ValueChange::new(id, period, figure);
    state
        .db
        .save_values(term_id, &[change], &actor)
        .await
        .map_err(write_error)?;
    stored(state, id, period).await
}

/// Approve and return alike: only the decision differs, and a return needs a comment.
async fn review(call: FigureCall, decision: Decision) -> Result<Json<StoredValueJson>, ApiError> {
    let (actor, id) = call.writer(Action::ReviewValues)?;
    let period = call.period()?;
    // No body means no comment.
    let body: ReviewBody = call.optional_body()?;
    crate::domain::figure::check_text("comment", body.comment.as_deref())
        .map_err(|e| bad(e.to_string()))?;
    if decision == Decision::Return && body.comment.as_deref().is_none_or(|c| c.trim().is_empty()) {
        return Err(bad("returning a figure needs a comment saying what to fix"));
    }
    call.state
        .db
        .review_value(id, period, decision, body.comment.as_deref(), &actor)
        .await
        .map_err(write_error)?;
    stored(&call.state, id, period).await
}

/// Approves a submitted figure (an approver's token); readers then see it.
#[utoipa::path(post, path = "/api/v1/indicators/{id}/values/{period}/approve", tag = "write",
    security(("api_token" = [])),
    params(FigurePath),
    request_body(content = Option<ReviewBody>, description = "Optional; may be empty"),
    responses(
        (status = 200, description = "Approved; the stored figure", body = StoredValueJson),
        (status = 400, description = "The body or the period is refused; nothing changed", body = ErrorBody),
        ReviewFailures,
    ),
)]
pub async fn approve(call: FigureCall) -> Result<Json<StoredValueJson>, ApiError> {
    review(call, Decision::Approve).await
}

/// Returns a submitted figure to its editor with a comment saying what to fix.
#[utoipa::path(post, path = "/api/v1/indicators/{id}/values/{period}/return", tag = "write",
    security(("api_token" = [])),
    params(FigurePath),
    request_body = ReturnBody,
    responses(
        (status = 200, description = "Returned; the stored figure", body = StoredValueJson),
        (status = 400, description = "No comment, a refused body or period; nothing changed", body = ErrorBody),
        ReviewFailures,
    ),
)]
pub async fn return_value(call: FigureCall) -> Result<Json<StoredValueJson>, ApiError> {
    review(call, Decision::Return).await
}

/// The newest 500 changes of an indicator, newest first (a token or a session).
#[utoipa::path(get, path = "/api/v1/indicators/{id}/history", tag = "write",
    security(("api_token" = [])),
    params(("id" = i64, Path, description = "Indicator id", minimum = 1, example = 1)),
    responses(
        (status = 200, description = "The changes", body = Vec<AuditRecord>),
        (status = 401, description = "Neither an API token nor a session, or a wrong token", body = ErrorBody),
        (status = 404, description = "No indicator with that id", body = ErrorBody),
        DatabaseFailures,
    ),
)]
pub async fn history(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw_id): ApiPath<String>,
) -> Result<Json<Vec<AuditRecord>>, ApiError> {
    if caller.user().is_none() {
        return Err(ApiError::Unauthorized);
    }
    let id = parse_id(&raw_id)?;
    term_of(&state, id).await?;
    Ok(Json(state.db.indicator_history(id).await?))
}

/// A refused figure in the API's words: the field, and why (in English).
fn figure_refusal(e: &FigureError, text: &str) -> ApiError {
    match e {
        FigureError::Value(v) => {
            let shown: String = text.chars().take(40).collect();
            bad(format!(
                "value {shown:?}: {}",
                crate::i18n::Locale::En.t(v.message_key())
            ))
        }
        FigureError::NoValue => bad("value is empty"),
        FigureError::Qualifier => bad("qualifier: use exact, more_than, about or at_least"),
        other => bad(other.to_string()),
    }
}
