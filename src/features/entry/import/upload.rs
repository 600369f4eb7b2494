//! The upload: reads the file, checks every row, and shows the preview (or every
//! problem) on the import page.

use super::view::{ImportOutcome, ImportRowView};
use crate::db::TermData;
use crate::domain::{IndicatorCode, Period};
use crate::i18n::{Explainer, Locale};
use crate::ingest::import::{ImportFailure, ImportedRow, Known, parse_upload};
use crate::web::guard::{Allowed, EnterValues};
use crate::web::rejection::{PagePath, PageRejection, bad_form, page_not_found};
use crate::web::render::page_with_context;
use crate::web::state::AppState;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;

pub(super) fn known(data: &TermData) -> Known {
    Known::new(
        data.indicators
            .iter()
            .map(|i| (i.definition.code.to_string(), i.definition.unit.kind)),
    )
}

fn problems(l: Locale, failure: &ImportFailure) -> (String, Vec<String>) {
    let fill = |key: &str, args: Vec<(&'static str, String)>| {
        let refs: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        l.tf(key, &refs)
    };
    let message = fill(failure.message_key(), failure.args());
    let lines = match failure {
        ImportFailure::Rows(rows) => rows
            .iter()
            .map(|p| fill(p.message_key(), p.args()))
            .collect(),
        _ => Vec::new(),
    };
    (message, lines)
}

pub(super) async fn upload(
    State(state): State<AppState>,
    PagePath((term_id, year)): PagePath<(i64, i32)>,
    clerk: Allowed<EnterValues>,
    parts: Parts,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let l = crate::web::lang::locale_from_headers(&parts.headers);
    // Who asks is known before the body is read (`clerk`); the token comes with it.
    let me = clerk.user;
    let mut multipart = match multipart {
        Ok(m) => m,
        Err(e) => return PageRejection::from(e).into_response(),
    };
    let mut csrf = None;
    let mut file: Option<(String, Vec<u8>)> = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return unreadable(&state, &parts, term_id, year, l, e.status()).await,
        };
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        match field.bytes().await {
            Ok(bytes) if name == "csrf" => csrf = Some(String::from_utf8_lossy(&bytes).to_string()),
            Ok(bytes) if name == "file" => {
                file = Some((file_name.unwrap_or_default(), bytes.to_vec()))
            }
            Ok(_) => {}
            Err(e) => return unreadable(&state, &parts, term_id, year, l, e.status()).await,
        }
    }
    if !crate::web::auth::csrf::token_matches(&me.csrf, csrf.as_deref()) {
        return crate::web::auth::csrf::forbidden();
    }
    let Some(data) = super::routes::working(&state, term_id, year).await else {
        return page_not_found();
    };
    let Some((file_name, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        let outcome = ImportOutcome {
            message: Some(l.t("import.empty").to_string()),
            ..Default::default()
        };
        return outcome_page(
            &state,
            &parts,
            term_id,
            year,
            outcome,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    match parse_upload(&file_name, &bytes, &known(&data)) {
        Ok(rows) => {
            let outcome = ImportOutcome {
                rows: preview_rows(&data, year, l, rows),
                file_name,
                ..Default::default()
            };
            outcome_page(&state, &parts, term_id, year, outcome, StatusCode::OK).await
        }
        Err(failure) => {
            let (message, problems) = problems(l, &failure);
            let outcome = ImportOutcome {
                file_name,
                rows: Vec::new(),
                message: Some(message),
                problems,
            };
            let status = if failure == ImportFailure::TooLarge {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            outcome_page(&state, &parts, term_id, year, outcome, status).await
        }
    }
}

/// The preview of checked rows: each with the stored figure it replaces, and the
/// version the confirm must find still stored (a figure saved after this is a
/// conflict at confirm).
pub(super) fn preview_rows(
    data: &TermData,
    year: i32,
    l: Locale,
    rows: Vec<ImportedRow>,
) -> Vec<ImportRowView> {
    let index: HashMap<&IndicatorCode, &_> = data
        .indicators
        .iter()
        .map(|i| (&i.definition.code, i))
        .collect();
    rows.into_iter()
        .filter_map(|r| {
            let i = *index.get(&r.code)?;
            let ex = Explainer {
                locale: l,
                unit: &i.definition.unit,
            };
            let stored = i
                .values
                .iter()
                .find(|v| v.observation.period == Period::Year(year));
            let unchanged = stored.is_some_and(|v| {
                v.observation.value == r.figure.value
                    && v.observation.qualifier == r.figure.qualifier
                    && v.note == r.figure.note
                    && v.source.document == r.figure.source_document
                    && v.source.quote == r.figure.quote
            });
            Some(ImportRowView {
                line: r.line,
                code: r.code.to_string(),
                name: i.definition.name.clone(),
                value: r.figure.value.canonical(),
                figure: ex.figure(r.figure.value, r.figure.qualifier),
                qualifier: r.figure.qualifier.key().to_string(),
                note: r.figure.note.unwrap_or_default(),
                document: r.figure.source_document.unwrap_or_default(),
                quote: r.figure.quote.unwrap_or_default(),
                version: stored.map_or(0, |v| v.version),
                replaces: stored.map(|v| ex.figure(v.observation.value, v.observation.qualifier)),
                unchanged,
            })
        })
        .collect()
}

/// An upload whose body cannot be read: over the size limit, or not a whole
/// multipart form (cut short, malformed).
async fn unreadable(
    state: &AppState,
    parts: &Parts,
    term_id: i64,
    year: i32,
    l: Locale,
    status: StatusCode,
) -> Response {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        outcome_page(state, parts, term_id, year, too_large(l), status).await
    } else {
        bad_form()
    }
}

fn too_large(l: Locale) -> ImportOutcome {
    let (message, _) = problems(l, &ImportFailure::TooLarge);
    ImportOutcome {
        message: Some(message),
        ..Default::default()
    }
}

pub(super) async fn outcome_page(
    state: &AppState,
    parts: &Parts,
    term_id: i64,
    year: i32,
    outcome: ImportOutcome,
    status: StatusCode,
) -> Response {
    let path = format!("/import/{term_id}/{year}");
    page_with_context(state, parts, &path, status, move || {
        leptos::context::provide_context(outcome.clone())
    })
    .await
}
