//! Chart downloads: `/charts/indicators/{id}.svg|.png`, `/charts/indicators/{id}/compare.svg|.png`
//! (term vs term), `/charts/indicators/{id}/breakdown.svg|.png` (a parent's parts) and
//! `/charts/terms/{id}/overview.svg|.png`, with `width`, `height` (320–4096, default
//! 1920×1080) and, for PNG, `scale` (1–3). The PNG is the SVG drawn by resvg.

use std::collections::HashMap;

use crate::web::rejection::{ApiPath, ApiQuery};
use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;

use crate::charts::svg_to_png;
use crate::domain::IndicatorId;
use crate::features::downloads::request::{
    SizeQuery, file, indicator_term, render, size_query, term_data,
};
use crate::present::{
    Download, breakdown_download, compare_download, indicator_download, overview_download,
    today_year,
};
use crate::web::error::ApiError;
use crate::web::lang::locale_from_headers;
use crate::web::params::parse_id;
use crate::web::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/charts/indicators/{file}", get(indicator_chart))
        .route("/charts/indicators/{id}/{file}", get(indicator_part_chart))
        .route("/charts/terms/{id}/{file}", get(overview_chart))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Svg,
    Png,
}

impl Format {
    fn parse(ext: &str) -> Result<Format, ApiError> {
        match ext {
            "svg" => Ok(Format::Svg),
            "png" => Ok(Format::Png),
            other => Err(ApiError::NotFound(format!(
                "no chart format {other:?}: use .svg or .png"
            ))),
        }
    }
}

/// "overview.png" with `name` = "overview" → PNG; any other name is a 404.
fn named_file(file: &str, name: &str) -> Result<Format, ApiError> {
    let missing = || ApiError::NotFound(format!("no chart {file:?}"));
    let (stem, ext) = file.rsplit_once('.').ok_or_else(missing)?;
    if stem != name {
        return Err(missing());
    }
    Format::parse(&ext.to_ascii_lowercase())
}

type Params = ApiQuery<HashMap<String, String>>;

async fn indicator_chart(
    State(state): State<AppState>,
    ApiPath(file): ApiPath<String>,
    ApiQuery(query): Params,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (id, ext) = crate::features::downloads::request::split_file(&file, "chart")?;
    let id = IndicatorId::new(id);
    let format = Format::parse(&ext)?;
    let size = size_query(&query, format == Format::Png)?;
    let data = indicator_term(&state.db, id).await?;
    let record = data
        .indicator(id)
        .ok_or_else(|| ApiError::NotFound(format!("no indicator with id {id}")))?;
    // `?term=ID`: the same indicator (same code) as carried into another term.
    let (data, id) = match query.get("term") {
        None => (std::sync::Arc::new(data), id),
        Some(raw) => {
            let term_id = raw.parse::<i64>().ok().filter(|t| *t > 0).ok_or_else(|| {
                ApiError::BadRequest(format!("term must be a term id, got {raw:?}"))
            })?;
            let other = term_data(&state.db, term_id).await?;
            let code = record.definition.code.clone();
            let same = other
                .indicators
                .iter()
                .find(|i| i.definition.code == code)
                .map(|i| i.id)
                .ok_or_else(|| {
                    ApiError::NotFound(format!("indicator {code} is not in term {term_id}"))
                })?;
            (other, same)
        }
    };
    let record = data.indicator(id).ok_or(ApiError::Internal)?;
    let locale = locale_from_headers(&headers);
    let download = indicator_download(&data, record, locale, today_year());
    respond(download, format, size).await
}

/// `compare.svg|png` (the indicator across terms) or `breakdown.svg|png` (its parts).
async fn indicator_part_chart(
    State(state): State<AppState>,
    ApiPath((raw, file)): ApiPath<(String, String)>,
    ApiQuery(query): Params,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let id = IndicatorId::new(parse_id(&raw, "indicator")?);
    let (compare, format) = match named_file(&file, "compare") {
        Ok(format) => (true, format),
        Err(_) => (false, named_file(&file, "breakdown")?),
    };
    let size = size_query(&query, format == Format::Png)?;
    let data = indicator_term(&state.db, id).await?;
    let record = data
        .indicator(id)
        .ok_or_else(|| ApiError::NotFound(format!("no indicator with id {id}")))?;
    let locale = locale_from_headers(&headers);
    let download = if compare {
        let terms = state.db.indicator_across_terms(id.get()).await?;
        compare_download(&terms, &data, record, locale).ok_or_else(|| {
            ApiError::NotFound(format!(
                "indicator {id} ({}) exists in only one term: there is nothing to compare",
                record.definition.code
            ))
        })?
    } else {
        breakdown_download(&data, record, locale, today_year()).ok_or_else(|| {
            ApiError::NotFound(format!(
                "indicator {id} ({}) has no parts with figures: there is no breakdown",
                record.definition.code
            ))
        })?
    };
    respond(download, format, size).await
}

async fn overview_chart(
    State(state): State<AppState>,
    ApiPath((raw, file)): ApiPath<(String, String)>,
    ApiQuery(query): Params,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let id = parse_id(&raw, "term")?;
    let format = named_file(&file, "overview")?;
    let size = size_query(&query, format == Format::Png)?;
    let data = term_data(&state.db, id).await?;
    let locale = locale_from_headers(&headers);
    respond(overview_download(&data, locale, today_year()), format, size).await
}

async fn respond(
    download: Download,
    format: Format,
    query: SizeQuery,
) -> Result<Response, ApiError> {
    let stem = download.file_stem.clone();
    match format {
        // A few milliseconds: no need to leave the async thread.
        Format::Svg => {
            let svg = download
                .spec
                .render_framed(&download.frame, query.size)
                .map_err(|e| {
                    tracing::error!(error = %e, "chart export failed");
                    ApiError::Internal
                })?;
            Ok(file(
                "image/svg+xml; charset=utf-8",
                &format!("{stem}.svg"),
                svg.into_bytes(),
            ))
        }
        Format::Png => {
            let png = render(move || {
                let svg = download.spec.render_framed(&download.frame, query.size)?;
                svg_to_png(&svg, query.scale)
            })
            .await?;
            Ok(file("image/png", &format!("{stem}.png"), png))
        }
    }
}
