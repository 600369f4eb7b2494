//! The write API for automation: `PUT /api/v1/indicators/{id}/values/{period}`,
//! `POST …/approve` and `…/return`, and `GET /api/v1/indicators/{id}/history`.
//! Writes need an API token (a cookie session would need a CSRF token); the same
//! validation as the entry form applies.

use super::auth::caller::Caller;
use super::error::ApiError;
use super::rejection::{ApiPath, JsonBytes, api_method_not_allowed};
use crate::app::state::AppState;
use crate::db::{Actor, AuditRecord, Decision, Figures, Origin, ValueChange, WriteError};
use crate::domain::{Action, MAX_TEXT_CHARS, Period, Qualifier, has_control_chars, parse_value};
use axum::extract::State;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PutBody {
    value: Value,
    qualifier: Option<String>,
    note: Option<String>,
    source_document: Option<String>,
    quote: Option<String>,
    expected_version: Option<i64>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ReviewBody {
    comment: Option<String>,
}

fn bad(message: impl Into<String>) -> ApiError {
    ApiError::BadRequest(message.into())
}

fn parse_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or_else(|| ApiError::NotFound(format!("no indicator with id {raw:?}")))
}

/// A token caller whose role allows `action`.
fn writer(caller: &Caller, action: Action) -> Result<Actor, ApiError> {
    let user = match caller {
        Caller::Token(u) => u,
        Caller::Session(_) => {
            return Err(ApiError::Forbidden(
                "write calls need an API token (Authorization: Bearer …)".into(),
            ));
        }
        Caller::Anonymous => return Err(ApiError::Unauthorized),
    };
    if !user.role.may(action) {
        return Err(ApiError::Forbidden(format!(
            "the role {} may not do this",
            user.role.key()
        )));
    }
    Ok(Actor {
        user_id: user.id,
        username: user.username.clone(),
        origin: Origin::Api,
    })
}

fn write_error(e: WriteError) -> ApiError {
    match e {
        WriteError::Locked => ApiError::Locked,
        WriteError::Conflicts(c) => ApiError::Conflict(format!(
            "the value changed since version you expected; it is now version {}",
            c.first().map_or(0, |c| c.current_version)
        )),
        WriteError::NotFound | WriteError::UnknownIndicator(_) => {
            ApiError::NotFound("no such indicator or value".into())
        }
        WriteError::WrongState => ApiError::Conflict("the value is not awaiting review".into()),
        WriteError::Db(e) => e.into(),
    }
}

/// The stored working copy of one value, as JSON.
async fn stored(
    state: &AppState,
    indicator_id: i64,
    period: Period,
) -> Result<Json<Value>, ApiError> {
    let term_id = state
        .db
        .term_of_indicator(indicator_id)
        .await?
        .ok_or_else(|| ApiError::NotFound("no such indicator".into()))?;
    let data = state
        .db
        .term_data_as(term_id, Figures::Working)
        .await?
        .ok_or(ApiError::Internal)?;
    let value = data
        .indicator(indicator_id)
        .and_then(|i| i.values.iter().find(|v| v.observation.period == period))
        .ok_or(ApiError::Internal)?;
    Ok(Json(json!({
        "indicator_id": indicator_id,
        "period": period.key(),
        "value": value.observation.value.canonical(),
        "qualifier": value.observation.qualifier.key(),
        "note": value.note,
        "state": value.state,
        "version": value.version,
        "updated_at": value.updated_at,
    })))
}

async fn put_value(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((raw_id, raw_period)): ApiPath<(String, String)>,
    JsonBytes(body): JsonBytes,
) -> Result<Json<Value>, ApiError> {
    let actor = writer(&caller, Action::EnterValues)?;
    let id = parse_id(&raw_id)?;
    let body: PutBody = serde_json::from_slice(&body)
        .map_err(|e| bad(format!("the body is not the expected JSON: {e}")))?;
    let period = Period::parse(&raw_period).ok_or_else(|| {
        bad(format!(
            "period {raw_period:?} is neither a year such as 2021 nor \"term\""
        ))
    })?;
    let term_id = state
        .db
        .term_of_indicator(id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no indicator with id {id}")))?;
    let data = state
        .db
        .term_data_as(term_id, Figures::Working)
        .await?
        .ok_or(ApiError::Internal)?;
    let indicator = data.indicator(id).ok_or(ApiError::Internal)?;
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
    let value = parse_value(&text, indicator.definition.unit.kind).map_err(|e| {
        let shown: String = text.chars().take(40).collect();
        bad(format!(
            "value {shown:?}: {}",
            crate::i18n::Locale::En.t(e.message_key())
        ))
    })?;
    let qualifier = match body.qualifier.as_deref() {
        None => Qualifier::Exact,
        Some(q) => Qualifier::parse(q).ok_or_else(|| {
            bad(format!(
                "qualifier {q:?}: use exact, more_than, about or at_least"
            ))
        })?,
    };
    for (name, text) in [
        ("note", &body.note),
        ("source_document", &body.source_document),
        ("quote", &body.quote),
    ] {
        if text
            .as_ref()
            .is_some_and(|t| t.chars().count() > MAX_TEXT_CHARS)
        {
            return Err(bad(format!(
                "{name} is longer than {MAX_TEXT_CHARS} characters"
            )));
        }
        if text.as_deref().is_some_and(has_control_chars) {
            return Err(bad(format!("{name} holds control characters")));
        }
    }
    if body.expected_version.is_some_and(|v| v < 0) {
        return Err(bad("expected_version cannot be negative"));
    }
    let change = ValueChange {
        indicator_id: id,
        period,
        value,
        qualifier,
        note: body.note,
        source_document: body.source_document,
        quote: body.quote,
        expected_version: body.expected_version,
    };
    state
        .db
        .save_values(term_id, &[change], &actor)
        .await
        .map_err(write_error)?;
    stored(&state, id, period).await
}

async fn review(
    state: AppState,
    caller: Caller,
    raw_id: String,
    raw_period: String,
    body: axum::body::Bytes,
    decision: Decision,
) -> Result<Json<Value>, ApiError> {
    let actor = writer(&caller, Action::ReviewValues)?;
    let id = parse_id(&raw_id)?;
    let period = Period::parse(&raw_period).ok_or_else(|| {
        bad(format!(
            "period {raw_period:?} is neither a year nor \"term\""
        ))
    })?;
    let body: ReviewBody = if body.is_empty() {
        ReviewBody::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|e| bad(format!("the body is not the expected JSON: {e}")))?
    };
    if body
        .comment
        .as_ref()
        .is_some_and(|c| c.chars().count() > MAX_TEXT_CHARS)
    {
        return Err(bad(format!(
            "comment is longer than {MAX_TEXT_CHARS} characters"
        )));
    }
    if body.comment.as_deref().is_some_and(has_control_chars) {
        return Err(bad("comment holds control characters"));
    }
    if decision == Decision::Return && body.comment.as_deref().is_none_or(|c| c.trim().is_empty()) {
        return Err(bad("returning a figure needs a comment saying what to fix"));
    }
    state
        .db
        .review_value(id, period, decision, body.comment.as_deref(), &actor)
        .await
        .map_err(write_error)?;
    stored(&state, id, period).await
}

async fn approve(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, period)): ApiPath<(String, String)>,
    JsonBytes(body): JsonBytes,
) -> Result<Json<Value>, ApiError> {
    review(state, caller, id, period, body, Decision::Approve).await
}

async fn return_value(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, period)): ApiPath<(String, String)>,
    JsonBytes(body): JsonBytes,
) -> Result<Json<Value>, ApiError> {
    review(state, caller, id, period, body, Decision::Return).await
}

async fn history(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw_id): ApiPath<String>,
) -> Result<Json<Vec<AuditRecord>>, ApiError> {
    if caller.user().is_none() {
        return Err(ApiError::Unauthorized);
    }
    let id = parse_id(&raw_id)?;
    state
        .db
        .term_of_indicator(id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no indicator with id {id}")))?;
    Ok(Json(state.db.indicator_history(id).await?))
}
