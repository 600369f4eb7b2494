//! Data downloads of a term: `/export/terms/{id}.csv`, `.xlsx` and `.pdf` (the A4
//! meeting pack). A term without figures still gives each file, saying so inside.

use crate::web::rejection::ApiPath;
use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;

use crate::export::csv_file::term_csv;
use crate::export::data_table;
use crate::export::pdf::meeting_pack_pdf;
use crate::export::xlsx::term_xlsx;
use crate::features::downloads::request::{file, render, split_file, term_data};
use crate::present::{ascii_stem, meeting_pack, today_year};
use crate::web::error::ApiError;
use crate::web::lang::locale_from_headers;
use crate::web::state::AppState;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub fn router() -> Router<AppState> {
    Router::new().route("/export/terms/{file}", get(term_file))
}

async fn term_file(
    State(state): State<AppState>,
    ApiPath(name): ApiPath<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (id, ext) = split_file(&name, "export")?;
    if !matches!(ext.as_str(), "csv" | "xlsx" | "pdf") {
        return Err(ApiError::NotFound(format!(
            "no export format {ext:?}: use .csv, .xlsx or .pdf"
        )));
    }
    let data = term_data(&state.db, id).await?;
    let locale = locale_from_headers(&headers);
    let span = data.term.term.span();
    match ext.as_str() {
        "csv" => {
            let table = data_table(&data, locale, today_year());
            let body = term_csv(&table, locale).map_err(|e| {
                tracing::error!(error = %e, "CSV export failed");
                ApiError::Internal
            })?;
            let name = ascii_stem(&format!("nhiem-ky-{span}"));
            Ok(file(
                "text/csv; charset=utf-8",
                &format!("{name}.csv"),
                body,
            ))
        }
        "xlsx" => {
            let body =
                render(move || term_xlsx(&data_table(&data, locale, today_year()), locale)).await?;
            let name = ascii_stem(&format!("nhiem-ky-{span}"));
            Ok(file(XLSX, &format!("{name}.xlsx"), body))
        }
        _ => {
            let body = render(move || {
                meeting_pack_pdf(&meeting_pack(&data, locale, crate::clock::now()), locale)
            })
            .await?;
            let name = ascii_stem(&format!("tai-lieu-hop-{span}"));
            Ok(file("application/pdf", &format!("{name}.pdf"), body))
        }
    }
}
