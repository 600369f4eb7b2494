//! Yearly figures from a file: download a template (CSV or XLSX), upload it filled,
//! look at every row (or every problem), confirm, and all rows are saved in one
//! transaction — or none.

use crate::db::{Actor, Figures, Origin, TermData, ValueChange, WriteError};
use crate::domain::{Action, IndicatorCode, Period, Qualifier, VnDecimal, parse_value};
use crate::features::accounts::users_post::require;
use crate::features::import::view::{ImportOutcome, ImportRowView};
use crate::i18n::{Explainer, Locale};
use crate::ingest::import::{
    ImportFailure, Known, MAX_BYTES, TemplateRow, parse_upload, template_csv, template_xlsx,
};
use crate::web::form::field;
use crate::web::rejection::{PageForm, PagePath, PageRejection, bad_form, page_not_found};
use crate::web::render::{page_with_context, see_other};
use crate::web::state::{AppState, SignedIn};
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use std::collections::HashMap;
use std::sync::Arc;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/import/{term}/{year}/template.{ext}", get(template))
        .route(
            "/import/{term}/{year}",
            // Room for the largest accepted file plus the form around it; the reader
            // refuses anything over MAX_BYTES with a message.
            post(upload).layer(DefaultBodyLimit::max(MAX_BYTES * 2)),
        )
        .route("/import/{term}/{year}/confirm", post(confirm))
}

async fn working(state: &AppState, term_id: i64, year: i32) -> Option<Arc<TermData>> {
    match state.db.term_data_as(term_id, Figures::Working).await {
        Ok(Some(d)) if d.term.term.years().contains(&year) => Some(d),
        Ok(_) => None,
        Err(e) => {
            tracing::error!(error = %e, "loading a term for import failed");
            None
        }
    }
}

async fn template(
    State(state): State<AppState>,
    signed_in: Option<Extension<SignedIn>>,
    PagePath((term_id, year, ext)): PagePath<(i64, i32, String)>,
) -> Response {
    match signed_in {
        Some(Extension(s)) if s.user.role.may(Action::EnterValues) => {}
        Some(_) => return crate::features::accounts::users_post::forbidden_role(),
        None => return see_other("/login"),
    }
    let Some(data) = working(&state, term_id, year).await else {
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

fn known(data: &TermData) -> Known {
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

async fn upload(
    State(state): State<AppState>,
    PagePath((term_id, year)): PagePath<(i64, i32)>,
    parts: Parts,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let l = crate::web::lang::locale_from_headers(&parts.headers);
    // Who asks is known before the body is read; the token comes with the body.
    let me = match parts.extensions.get::<SignedIn>().cloned() {
        Some(s) if s.user.role.may(Action::EnterValues) => s,
        Some(_) => return crate::features::accounts::users_post::forbidden_role(),
        None => return see_other("/login"),
    };
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
    let Some(data) = working(&state, term_id, year).await else {
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
            let index: HashMap<&IndicatorCode, &_> = data
                .indicators
                .iter()
                .map(|i| (&i.definition.code, i))
                .collect();
            let by_code = |code: &IndicatorCode| index.get(code).copied();
            let rows = rows
                .into_iter()
                .filter_map(|r| {
                    let i = by_code(&r.code)?;
                    let ex = Explainer {
                        locale: l,
                        unit: &i.definition.unit,
                    };
                    Some(ImportRowView {
                        line: r.line,
                        code: r.code.to_string(),
                        name: i.definition.name.clone(),
                        value: r.value.canonical(),
                        figure: ex.figure(r.value, r.qualifier),
                        qualifier: r.qualifier.key().to_string(),
                        note: r.note.unwrap_or_default(),
                        document: r.source_document.unwrap_or_default(),
                        quote: r.source_quote.unwrap_or_default(),
                    })
                })
                .collect();
            let outcome = ImportOutcome {
                file_name,
                rows,
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

async fn outcome_page(
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

/// Saves the confirmed rows. The form carries the rows it showed; they are checked
/// again as strictly as any other input before anything is written.
async fn confirm(
    State(state): State<AppState>,
    signed_in: Option<Extension<SignedIn>>,
    PagePath((term_id, year)): PagePath<(i64, i32)>,
    parts: Parts,
    PageForm(form): PageForm<Vec<(String, String)>>,
) -> Response {
    let me = match require(signed_in, &form, Action::EnterValues) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let l = crate::web::lang::locale_from_headers(&parts.headers);
    let Some(data) = working(&state, term_id, year).await else {
        return page_not_found();
    };
    // The preview sends back only what it checked: text that is too long or holds
    // control characters was altered on the way.
    if form.iter().any(|(_, v)| {
        v.chars().count() > crate::domain::MAX_TEXT_CHARS || crate::domain::has_control_chars(v)
    }) {
        return bad_form();
    }
    // The preview always confirms at least one row, and never more than a file holds.
    let Some(count) = field(&form, "rows")
        .and_then(|n| n.trim().parse::<usize>().ok())
        .filter(|n| (1..=crate::ingest::import::MAX_ROWS).contains(n))
    else {
        return bad_form();
    };
    // Looked up by name and by code, not scanned: a 5,000-row confirm holds some
    // 35,000 fields, and a scan per field made saving grow with the square of it.
    let mut fields: HashMap<&str, &str> = HashMap::with_capacity(form.len());
    for (k, v) in &form {
        fields.entry(k.as_str()).or_insert(v.as_str());
    }
    let get = |name: &str| fields.get(name).copied();
    let by_code: HashMap<&IndicatorCode, &_> = data
        .indicators
        .iter()
        .map(|i| (&i.definition.code, i))
        .collect();
    let mut changes = Vec::new();
    for n in 0..count {
        let code = get(&format!("code_{n}")).and_then(|c| IndicatorCode::parse(c).ok());
        let indicator = code.and_then(|c| by_code.get(&c).copied());
        let value = indicator.and_then(|i| {
            let raw = get(&format!("value_{n}"))?;
            VnDecimal::from_canonical(raw)
                .ok()
                .filter(|v| parse_value(&v.format_vi(), i.definition.unit.kind).is_ok())
        });
        let (Some(i), Some(value)) = (indicator, value) else {
            let outcome = ImportOutcome {
                message: Some(l.t("import_page.changed").to_string()),
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
        let text = |k: &str| {
            get(&format!("{k}_{n}"))
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| {
                    t.chars()
                        .take(crate::domain::MAX_TEXT_CHARS)
                        .collect::<String>()
                })
        };
        changes.push(ValueChange {
            indicator_id: i.id.get(),
            period: Period::Year(year),
            value,
            qualifier: get(&format!("q_{n}"))
                .and_then(Qualifier::parse)
                .unwrap_or(Qualifier::Exact),
            note: text("n"),
            source_document: text("d"),
            quote: text("s"),
            expected_version: None,
        });
    }
    let actor = Actor {
        user_id: me.user.id.get(),
        username: me.user.username.clone(),
        origin: Origin::Import,
    };
    match state.db.save_values(term_id, &changes, &actor).await {
        Ok(n) => see_other(&format!("/entry/{term_id}/{year}?saved={n}")),
        Err(e) => {
            let key = if matches!(e, WriteError::Locked) {
                "entry.locked"
            } else {
                "error.server"
            };
            if !matches!(e, WriteError::Locked) {
                tracing::error!(error = %e, "saving an import failed");
            }
            let outcome = ImportOutcome {
                message: Some(l.t(key).to_string()),
                ..Default::default()
            };
            outcome_page(
                &state,
                &parts,
                term_id,
                year,
                outcome,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
