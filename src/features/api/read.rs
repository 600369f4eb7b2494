//! The JSON read API under `/api/v1`, its OpenAPI document, and `/healthz`.

use super::answers::ReadFailures;
use super::json::{IndicatorJson, TermJson, indicator_json};
use super::openapi;
use super::paging::Window;
use crate::db::Figures;
use crate::present::today_year;
use crate::web::auth::caller::Caller;
use crate::web::error::{ApiError, ErrorBody};
use crate::web::params::parse_id;
use crate::web::rejection::{ApiPath, ApiQuery};
use crate::web::state::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use std::collections::HashMap;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/api/v1/openapi.json", get(openapi::openapi_json))
        .route("/api/v1/terms", get(terms))
        .route("/api/v1/terms/{id}/indicators", get(term_indicators))
        .route("/api/v1/indicators/{id}", get(indicator))
        .route("/api/v1/{*rest}", get(unknown).fallback(unknown))
}

/// Liveness and database check for monitors.
#[utoipa::path(get, path = "/healthz", tag = "health", security(()),
    responses(
        (status = 200, description = "The server and its database answer", body = String, content_type = "text/plain"),
        (status = 500, description = "The database does not answer", body = ErrorBody),
    ),
)]
pub async fn healthz(State(state): State<AppState>) -> Result<&'static str, ApiError> {
    state.db.data_version().await?;
    Ok("ok")
}

/// Every term, oldest first.
#[utoipa::path(get, path = "/api/v1/terms", tag = "read", security((), ("api_token" = [])),
    responses(
        (status = 200, description = "The terms", body = Vec<TermJson>),
        ReadFailures,
    ),
)]
pub async fn terms(
    State(state): State<AppState>,
    // Extracted so that a wrong token is refused here as on every other call.
    _caller: Caller,
) -> Result<Json<Vec<TermJson>>, ApiError> {
    Ok(Json(
        state.db.terms().await?.iter().map(TermJson::from).collect(),
    ))
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

/// The indicators of a term with targets, figures and progress, in the term's
/// order, a page at a time (`limit`, `offset`; the count in `X-Total-Count`, the
/// other pages in `Link`). Anonymous callers get approved figures; a token holder
/// or a signed-in user gets the working ones.
#[utoipa::path(get, path = "/api/v1/terms/{id}/indicators", tag = "read",
    security((), ("api_token" = [])),
    params(
        ("id" = i64, Path, description = "Term id", minimum = 1, example = 1),
        ("limit" = Option<u32>, Query, description = "Indicators in the answer (default 500)", minimum = 1, maximum = 1000),
        ("offset" = Option<u32>, Query, description = "Indicators to skip, in the term's order (default 0)", minimum = 0, maximum = 10000000),
    ),
    responses(
        (status = 200, description = "One page of the indicators of the term", body = Vec<IndicatorJson>,
            headers(
                ("X-Total-Count" = u64, description = "How many indicators the term has"),
                ("Link" = String, description = "The first, previous, next and last pages (RFC 8288), when there are others"),
            )),
        (status = 400, description = "`limit` or `offset` is not a whole number in range", body = ErrorBody),
        (status = 404, description = "No term with that id", body = ErrorBody),
        ReadFailures,
    ),
)]
pub async fn term_indicators(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(raw): ApiPath<String>,
    ApiQuery(query): ApiQuery<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let id = parse_id(&raw, "term")?;
    let window = Window::parse(&query)?;
    let data = state
        .db
        .term_data_as(id, figures(&caller))
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no term with id {id}")))?;
    let today = today_year();
    let page: Vec<IndicatorJson> = data
        .indicators
        .iter()
        .skip(window.offset)
        .take(window.limit)
        .map(|i| indicator_json(&data, i, today))
        .collect();
    let path = format!("/api/v1/terms/{id}/indicators");
    Ok((window.headers(&path, data.indicators.len()), Json(page)).into_response())
}

/// One indicator with its target, figures and progress.
#[utoipa::path(get, path = "/api/v1/indicators/{id}", tag = "read",
    security((), ("api_token" = [])),
    params(("id" = i64, Path, description = "Indicator id", minimum = 1, example = 1)),
    responses(
        (status = 200, description = "The indicator", body = IndicatorJson),
        (status = 404, description = "No indicator with that id", body = ErrorBody),
        ReadFailures,
    ),
)]
pub async fn indicator(
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
    let record = data
        .indicator(crate::domain::IndicatorId::new(id))
        .ok_or_else(missing)?;
    Ok(Json(indicator_json(&data, record, today_year())))
}

async fn unknown() -> ApiError {
    ApiError::NotFound("no such API endpoint".to_string())
}
