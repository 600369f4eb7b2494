//! The JSON read API under `/api/v1`, and `/healthz`.

use super::api_json::{IndicatorJson, TermJson, indicator_json};
use super::auth::caller::Caller;
use super::error::ApiError;
use super::rejection::ApiPath;
use crate::app::build::today_year;
use crate::app::state::AppState;
use crate::db::Figures;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/api/v1/terms", get(terms))
        .route("/api/v1/terms/{id}/indicators", get(term_indicators))
        .route("/api/v1/indicators/{id}", get(indicator))
        .route("/api/v1/{*rest}", get(unknown).fallback(unknown))
}

async fn healthz(State(state): State<AppState>) -> Result<&'static str, ApiError> {
    state.db.data_version().await?;
    Ok("ok")
}

async fn terms(State(state): State<AppState>) -> Result<Json<Vec<TermJson>>, ApiError> {
    Ok(Json(
        state.db.terms().await?.iter().map(TermJson::from).collect(),
    ))
}

/// Ids are positive integers; anything else names nothing, so it is a 404 too.
fn parse_id(raw: &str, what: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| ApiError::NotFound(format!("no {what} with id {raw:?}")))
}

/// Anonymous callers see approved figures; a signed-in caller or a token holder
/// sees the working figures, each with its state.
fn figures(caller: &Caller) -> Figures {
    if caller.user().is_some() {
        Figures::Working
    } else {
        Figures::Approved
    }
}

async fn term_indicators(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> Result<Json<Vec<IndicatorJson>>, ApiError> {
    let id = parse_id(&raw, "term")?;
    let data = state
        .db
        .term_data_as(id, figures(&caller))
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no term with id {id}")))?;
    let today = today_year();
    Ok(Json(
        data.indicators
            .iter()
            .map(|i| indicator_json(&data, i, today))
            .collect(),
    ))
}

async fn indicator(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
) -> Result<Json<IndicatorJson>, ApiError> {
    let id = parse_id(&raw, "indicator")?;
    let missing = || ApiError::NotFound(format!("no indicator with id {id}"));
    let data = state
        .db
        .indicator_family(id, figures(&caller))
        .await?
        .ok_or_else(missing)?;
    let record = data.indicator(id).ok_or_else(missing)?;
    Ok(Json(indicator_json(&data, record, today_year())))
}

async fn unknown() -> ApiError {
    ApiError::NotFound("no such API endpoint".to_string())
}
