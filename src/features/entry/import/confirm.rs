//! The confirm step: the preview's form carries back every row it showed, with the
//! version of the stored figure each row replaces. The rows are checked again by the
//! one rule for figures, and saved in one transaction with the version check of every
//! other writer: a figure someone changed after the preview is a conflict, listed by
//! code, and nothing is saved.

use super::upload::{outcome_page, preview_rows};
use super::view::ImportOutcome;
use crate::db::{Actor, Origin, ValueChange, WriteError};
use crate::domain::{FigureInput, IndicatorCode, Period, Written};
use crate::ingest::import::ImportedRow;
use crate::present::conflict_text;
use crate::web::form_error::FormError;
use crate::web::guard::{EnterValues, Post};
use crate::web::lang::Lang;
use crate::web::rejection::PagePath;
use crate::web::render::see_other;
use crate::web::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use serde::Deserialize;
use std::collections::HashMap;

/// One row of the preview, as its hidden fields `{part}_{n}` carry it back.
#[derive(Debug, Default)]
struct ConfirmRow {
    /// The row number in the file, to say it again if the preview is shown again.
    line: Option<String>,
    code: Option<String>,
    /// Canonical ("1234.5"), as the preview showed it.
    value: Option<String>,
    qualifier: Option<String>,
    note: Option<String>,
    document: Option<String>,
    quote: Option<String>,
    /// The version of the figure the row replaces (0: none); absent, no check.
    version: Option<String>,
}

/// The confirm form: the number of rows the preview showed, then each row.
#[derive(Debug, Default, Deserialize)]
#[serde(try_from = "Vec<(String, String)>")]
pub(super) struct ConfirmForm {
    count: Option<String>,
    file: Option<String>,
    rows: HashMap<usize, ConfirmRow>,
}

/// The fields as posted, in order: their names are made at run time (one per row),
/// which serde's derive cannot name.
impl TryFrom<Vec<(String, String)>> for ConfirmForm {
    type Error = &'static str;

    fn try_from(fields: Vec<(String, String)>) -> Result<Self, &'static str> {
        let mut form = ConfirmForm::default();
        for (name, value) in fields {
            match name.as_str() {
                "rows" => {
                    form.count.get_or_insert(value);
                    continue;
                }
                "file" => {
                    form.file.get_or_insert(value);
                    continue;
                }
                _ => {}
            }
            let row = name.split_once('_').and_then(|(part, n)| {
                Some((
                    part,
                    crate::domain::ids::parse_id(n).or((n == "0").then_some(0))?,
                ))
            });
            let Some((part, n)) = row else {
                return Err("unknown field");
            };
            let row = form.rows.entry(n as usize).or_default();
            let slot = match part {
                "line" => &mut row.line,
                "code" => &mut row.code,
                "value" => &mut row.value,
                "q" => &mut row.qualifier,
                "n" => &mut row.note,
                "d" => &mut row.document,
                "s" => &mut row.quote,
                "ver" => &mut row.version,
                _ => return Err("unknown field"),
            };
            // The first of a repeated field counts, as a browser sends each once.
            slot.get_or_insert(value);
        }
        Ok(form)
    }
}

/// Saves the confirmed rows.
pub(super) async fn confirm(
    State(state): State<AppState>,
    Lang(l): Lang,
    PagePath((term_id, year)): PagePath<(i64, i32)>,
    parts: Parts,
    post: Post<EnterValues, ConfirmForm>,
) -> Result<Response, FormError> {
    let data = super::routes::working(&state, term_id, year)
        .await
        .ok_or(FormError::NotFound)?;
    let form = &post.form;
    // The preview always confirms at least one row, and never more than a file holds.
    let count = form
        .count
        .as_deref()
        .and_then(|n| n.trim().parse::<usize>().ok())
        .filter(|n| (1..=crate::ingest::import::MAX_ROWS).contains(n))
        .ok_or(FormError::Tampered)?;
    let by_code: HashMap<&IndicatorCode, &_> = data
        .indicators
        .iter()
        .map(|i| (&i.definition.code, i))
        .collect();
    let changed = |status| {
        let outcome = ImportOutcome {
            message: Some(l.t("import_page.changed").to_string()),
            ..Default::default()
        };
        (outcome, status)
    };
    let mut changes = Vec::with_capacity(count);
    let mut rows = Vec::with_capacity(count);
    for n in 0..count {
        let row = form.rows.get(&n);
        let indicator = row
            .and_then(|r| r.code.as_deref())
            .and_then(|c| IndicatorCode::parse(c).ok())
            .and_then(|c| by_code.get(&c).copied());
        let version = match row.and_then(|r| r.version.as_deref()).map(str::trim) {
            None | Some("") => None,
            Some(v) => Some(v.parse::<i64>().map_err(|_| FormError::Tampered)?),
        };
        let figure = match (row, indicator) {
            (Some(r), Some(i)) => FigureInput {
                value: r.value.as_deref().map(Written::Canonical),
                qualifier: r.qualifier.as_deref(),
                note: r.note.as_deref(),
                source_document: r.document.as_deref(),
                quote: r.quote.as_deref(),
                expected_version: version,
            }
            .check(i.definition.unit.kind)
            .ok()
            .flatten()
            .map(|f| (i, f)),
            _ => None,
        };
        // What the preview sends was checked already: anything else was altered.
        let Some((indicator, figure)) = figure else {
            let (outcome, status) = changed(StatusCode::UNPROCESSABLE_ENTITY);
            return Ok(outcome_page(&state, &parts, term_id, year, outcome, status).await);
        };
        rows.push(ImportedRow {
            line: row
                .and_then(|r| r.line.as_deref())
                .and_then(|n| n.trim().parse().ok())
                .unwrap_or(n + 1),
            code: indicator.definition.code.clone(),
            figure: figure.figure.clone(),
        });
        changes.push(ValueChange::new(
            indicator.id.get(),
            Period::Year(year),
            figure,
        ));
    }
    let actor = Actor {
        user_id: post.user.user.id.get(),
        username: post.user.user.username.clone(),
        origin: Origin::Import,
    };
    // After a conflict the preview is shown again with the figures stored now, so
    // that the clerk decides: confirm again over them, or cancel.
    let mut again = Vec::new();
    let (message, problems, status) = match state.db.save_values(term_id, &changes, &actor).await {
        Ok(n) => return Ok(see_other(&format!("/entry/{term_id}/{year}?saved={n}"))),
        Err(WriteError::Conflicts(conflicts)) => {
            let lines = conflicts
                .iter()
                .filter_map(|c| {
                    let i = data.indicator(crate::domain::IndicatorId::new(c.indicator_id))?;
                    let code = i.definition.code.to_string();
                    let more = [("code", code.as_str())];
                    Some(conflict_text(
                        "import_page.conflict",
                        c,
                        &i.definition.unit,
                        l,
                        &more,
                    ))
                })
                .collect();
            if let Some(now) = super::routes::working(&state, term_id, year).await {
                again = preview_rows(&now, year, l, rows);
            }
            let n = conflicts.len().to_string();
            (
                l.tf("import_page.conflicts", &[("n", &n)]),
                lines,
                StatusCode::CONFLICT,
            )
        }
        Err(WriteError::Locked) => (
            l.t("entry.locked").to_string(),
            Vec::new(),
            StatusCode::LOCKED,
        ),
        Err(e) => {
            tracing::error!(error = %e, "saving an import failed; nothing was stored");
            return Err(FormError::Internal);
        }
    };
    let outcome = ImportOutcome {
        file_name: form.file.clone().unwrap_or_default(),
        rows: again,
        message: Some(message),
        problems,
    };
    Ok(outcome_page(&state, &parts, term_id, year, outcome, status).await)
}
