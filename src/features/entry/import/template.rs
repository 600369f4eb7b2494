//! The import template: the term's indicators as a CSV or XLSX file to fill in.

use crate::domain::Period;
use crate::ingest::import::{TemplateRow, template_csv, template_xlsx};
use crate::web::guard::{Allowed, EnterValues};
use crate::web::rejection::{PagePath, page_not_found};
use crate::web::state::AppState;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

pub(super) async fn template(
    State(state): State<AppState>,
    _clerk: Allowed<EnterValues>,
    PagePath((term_id, year, ext)): PagePath<(i64, i32, String)>,
) -> Response {
    let Some(data) = super::routes::working(&state, term_id, year).await else {
        return page_not_found();
    };
    let rows: Vec<TemplateRow> = data
        .indicators
        .iter()
        .map(|i| TemplateRow {
            code: i.definition.code.to_string(),
            name: i.definition.name.clone(),
            unit: i.definition.unit.label.clone(),
            previous: i
                .values
                .iter()
                .find(|v| v.observation.period == Period::Year(year - 1))
                .map(|v| v.observation.value.format_vi()),
        })
        .collect();
    let name = format!(
        "mau-nhap-lieu-{}-{year}",
        data.term.term.span().replace('–', "-")
    );
    let (bytes, content_type) = match ext.as_str() {
        "csv" => (template_csv(&rows), "text/csv; charset=utf-8"),
        "xlsx" => match template_xlsx(&year.to_string(), &rows) {
            Ok(b) => (
                b,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            Err(e) => {
                tracing::error!(error = %e, "template failed");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        },
        _ => return page_not_found(),
    };
    let disposition = format!("attachment; filename=\"{name}.{ext}\"");
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}
