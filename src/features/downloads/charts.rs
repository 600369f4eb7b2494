//! Chart downloads: `/charts/indicators/{id}.svg|.png`, `/charts/indicators/{id}/compare.svg|.png`
//! (term vs term), `/charts/indicators/{id}/breakdown.svg|.png` (a parent's parts) and
//! `/charts/terms/{id}/overview.svg|.png`, with `width`, `height` (320–4096, default
//! 1920×1080) and, for PNG, `scale` (1–3). The PNG is the SVG drawn by resvg.

use std::collections::HashMap;

use crate::i18n::Locale;
use crate::web::rejection::{ApiPath, ApiQuery};
use axum::Router;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
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

/// What every chart download reads: its address (the id, when not part of the file
/// name, and the file), the query (size, scale, term) and the reader's language.
struct ChartAsk {
    id: String,
    file: String,
    query: HashMap<String, String>,
    locale: Locale,
}

impl<S: Send + Sync> FromRequestParts<S> for ChartAsk {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let ApiPath(mut path) =
            ApiPath::<HashMap<String, String>>::from_request_parts(parts, state).await?;
        let ApiQuery(query) = ApiQuery::from_request_parts(parts, state).await?;
        Ok(ChartAsk {
            id: path.remove("id").unwrap_or_default(),
            file: path.remove("file").unwrap_or_default(),
            query,
            locale: locale_from_headers(&parts.headers),
        })
    }
}

impl ChartAsk {
    /// The id in the address, of a `what` ("term", "indicator").
    fn id(&self, what: &str) -> Result<i64, ApiError> {
        parse_id(&self.id, what)
    }

    /// The size asked for, checked (a scale only for PNG).
    fn size(&self, format: Format) -> Result<SizeQuery, ApiError> {
        size_query(&self.query, format == Format::Png)
    }
}

async fn indicator_chart(
    State(state): State<AppState>,
    ask: ChartAsk,
) -> Result<Response, ApiError> {
    let file = &ask.file;
    let (id, ext) = crate::features::downloads::request::split_file(file, "chart")?;
    let id = IndicatorId::new(id);
    let format = Format::parse(&ext)?;
    let size = ask.size(format)?;
    let data = indicator_term(&state.db, id).await?;
    let record = data
        .indicator(id)
        .ok_or_else(|| ApiError::NotFound(format!("no indicator with id {id}")))?;
    // `?term=ID`: the same indicator (same code) as carried into another term.
    let (data, id) = match ask.query.get("term") {
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
    let download = indicator_download(&data, record, ask.locale, today_year());
    respond(download, format, size).await
}

/// `compare.svg|png` (the indicator across terms) or `breakdown.svg|png` (its parts).
async fn indicator_part_chart(
    State(state): State<AppState>,
    ask: ChartAsk,
) -> Result<Response, ApiError> {
    let id = IndicatorId::new(ask.id("indicator")?);
    let (compare, format) = match named_file(&ask.file, "compare") {
        Ok(format) => (true, format),
        Err(_) => (false, named_file(&ask.file, "breakdown")?),
    };
    let size = ask.size(format)?;
    let data = indicator_term(&state.db, id).await?;
    let record = data
        .indicator(id)
        .ok_or_else(|| ApiError::NotFound(format!("no indicator with id {id}")))?;
    let (download, missing) = if compare {
        let terms = state.db.indicator_across_terms(id.get()).await?;
        let download = compare_download(&terms, &data, record, ask.locale);
        (
            download,
            "exists in only one term: there is nothing to compare",
        )
    } else {
        let download = breakdown_download(&data, record, ask.locale, today_year());
        (download, "has no parts with figures: there is no breakdown")
    };
    let code = &record.definition.code;
    let download =
        download.ok_or_else(|| ApiError::NotFound(format!("indicator {id} ({code}) {missing}")))?;
    respond(download, format, size).await
}

async fn overview_chart(
    State(state): State<AppState>,
    ask: ChartAsk,
) -> Result<Response, ApiError> {
    let id = ask.id("term")?;
    let format = named_file(&ask.file, "overview")?;
    let size = ask.size(format)?;
    let data = term_data(&state.db, id).await?;
    respond(
        overview_download(&data, ask.locale, today_year()),
        format,
        size,
    )
    .await
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
