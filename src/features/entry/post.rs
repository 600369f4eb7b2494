//! POST handlers of the entry form: save a year's figures (all or nothing), submit them.

use crate::db::{Figures, ValueChange, WriteError};
use crate::domain::{Action, Period, Qualifier, VnDecimal};
use crate::features::accounts::users_post::require;
use crate::i18n::{Explainer, Locale};
use crate::ui::session::FormFeedback;
use crate::web::form::{field, form_actor, text_field};
use crate::web::rejection::{PageForm, PagePath, bad_form, page_not_found, page_refusal};
use crate::web::render::{page_with, see_other};
use crate::web::state::{AppState, SignedIn};
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::post;
use axum::{Extension, Router};
use std::collections::HashMap;

use crate::domain::{MAX_TEXT_CHARS as MAX_TEXT, has_control_chars, parse_value};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/entry/{term}/{year}", post(save))
        .route("/entry/{term}/{year}/submit", post(submit))
}

/// Why a posted entry form is refused.
enum Refusal {
    /// Fields a page of this site never sends: names of another term's indicators,
    /// unknown names, a qualifier or version that is not one of ours.
    Tampered,
    /// What the clerk typed, by field.
    Fields(HashMap<String, String>),
}

/// True when every field is one the entry form of this term sends, with a value of
/// the kind the form puts there (a version is a whole number, a qualifier one of
/// the choices).
fn only_known_fields(form: &[(String, String)], units: &HashMap<i64, crate::domain::Unit>) -> bool {
    form.iter().all(|(name, value)| {
        if name == "csrf" {
            return true;
        }
        let Some((prefix, id)) = name.split_once('_') else {
            return false;
        };
        // "v_007" is not taken for "v_7": the id is exactly as the form writes it.
        let known_id = id
            .parse::<i64>()
            .ok()
            .filter(|n| n.to_string() == id)
            .is_some_and(|n| units.contains_key(&n));
        let value = value.trim();
        known_id
            && match prefix {
                "v" | "n" | "d" | "s" => true,
                "q" => value.is_empty() || Qualifier::parse(value).is_some(),
                "ver" => value.is_empty() || value.parse::<i64>().is_ok_and(|v| v >= 0),
                _ => false,
            }
    })
}

/// Checks every row of the form; returns the changes, or every error by field.
fn validate(
    form: &[(String, String)],
    units: &HashMap<i64, crate::domain::Unit>,
    year: i32,
    l: Locale,
) -> Result<Vec<ValueChange>, Refusal> {
    if !only_known_fields(form, units) {
        return Err(Refusal::Tampered);
    }
    let mut changes = Vec::new();
    let mut errors = HashMap::new();
    for (id, unit) in units {
        let Some(raw) = field(form, &format!("v_{id}"))
            .map(str::trim)
            .filter(|s| !s.is_empty())
        else {
            // A note or source typed without a figure would be lost without a word.
            let texts = ["n", "d", "s"].map(|k| text_field(form, &format!("{k}_{id}")));
            if texts.iter().any(Option::is_some) {
                errors.insert(format!("v_{id}"), l.t("number.empty").to_string());
            }
            continue;
        };
        let value = match parse_value(raw, unit.kind) {
            Ok(v) => v,
            Err(e) => {
                errors.insert(format!("v_{id}"), l.t(e.message_key()).to_string());
                continue;
            }
        };
        let qualifier = field(form, &format!("q_{id}"))
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .and_then(Qualifier::parse)
            .unwrap_or(Qualifier::Exact);
        let texts = [
            text_field(form, &format!("n_{id}")),
            text_field(form, &format!("d_{id}")),
            text_field(form, &format!("s_{id}")),
        ];
        if texts.iter().flatten().any(|t| t.chars().count() > MAX_TEXT) {
            errors.insert(format!("v_{id}"), l.t("entry.text_too_long").to_string());
            continue;
        }
        if texts.iter().flatten().any(|t| has_control_chars(t)) {
            errors.insert(format!("v_{id}"), l.t("entry.bad_text").to_string());
            continue;
        }
        let [note, source_document, quote] = texts;
        let expected_version =
            field(form, &format!("ver_{id}")).and_then(|v| v.trim().parse::<i64>().ok());
        changes.push(ValueChange {
            indicator_id: *id,
            period: Period::Year(year),
            value,
            qualifier,
            note,
            source_document,
            quote,
            expected_version,
        });
    }
    if errors.is_empty() {
        Ok(changes)
    } else {
        Err(Refusal::Fields(errors))
    }
}

async fn save(
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
    let path = format!("/entry/{term_id}/{year}");
    let data = match state.db.term_data_as(term_id, Figures::Working).await {
        Ok(Some(d)) if d.term.term.years().contains(&year) => d,
        Ok(_) => return page_not_found(),
        Err(e) => {
            tracing::error!(error = %e, "loading the entry form failed");
            let key = if e.is_unavailable() {
                "error.unavailable"
            } else {
                "error.server"
            };
            return page_refusal(StatusCode::SERVICE_UNAVAILABLE, key);
        }
    };
    let units: HashMap<i64, crate::domain::Unit> = data
        .indicators
        .iter()
        .map(|i| (i.id.get(), i.definition.unit.clone()))
        .collect();
    let mut fields: HashMap<String, String> =
        form.iter().filter(|(k, _)| k != "csrf").cloned().collect();
    let refuse = |message: String,
                  errors: HashMap<String, String>,
                  fields: HashMap<String, String>,
                  status| {
        let fb = FormFeedback {
            message: Some(message),
            fields,
            errors,
        };
        let state = state.clone();
        let parts = &parts;
        let path = path.clone();
        async move { page_with(&state, parts, &path, fb, status).await }
    };
    let changes = match validate(&form, &units, year, l) {
        Ok(c) => c,
        Err(Refusal::Tampered) => return bad_form(),
        Err(Refusal::Fields(errors)) => {
            let message = l.tf("entry.errors", &[("n", &errors.len().to_string())]);
            return refuse(message, errors, fields, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    match state
        .db
        .save_values(term_id, &changes, &form_actor(&me))
        .await
    {
        Ok(n) => see_other(&format!("{path}?saved={n}")),
        Err(WriteError::Conflicts(conflicts)) => {
            let mut errors = HashMap::new();
            for c in &conflicts {
                let unit = &units[&c.indicator_id];
                let ex = Explainer { locale: l, unit };
                let theirs = c
                    .current_value
                    .as_deref()
                    .and_then(|v| VnDecimal::from_canonical(v).ok())
                    .map(|v| ex.amount(v))
                    .unwrap_or_else(|| "—".into());
                let who = c.current_by.clone().unwrap_or_else(|| "?".into());
                errors.insert(
                    format!("v_{}", c.indicator_id),
                    l.tf("entry.conflict", &[("who", &who), ("theirs", &theirs)]),
                );
                // The form now carries the current version: saving again, after a look,
                // overwrites on purpose.
                fields.insert(
                    format!("ver_{}", c.indicator_id),
                    c.current_version.to_string(),
                );
            }
            let message = l.tf("entry.conflicts", &[("n", &conflicts.len().to_string())]);
            refuse(message, errors, fields, StatusCode::CONFLICT).await
        }
        Err(WriteError::Locked) => {
            refuse(
                l.t("entry.locked").to_string(),
                HashMap::new(),
                fields,
                StatusCode::LOCKED,
            )
            .await
        }
        Err(e) => {
            tracing::error!(error = %e, "saving figures failed; nothing was stored");
            let key = match &e {
                WriteError::Db(d) if d.is_unavailable() => "error.unavailable",
                _ => "error.server",
            };
            refuse(
                l.t(key).to_string(),
                HashMap::new(),
                fields,
                StatusCode::SERVICE_UNAVAILABLE,
            )
            .await
        }
    }
}

async fn submit(
    State(state): State<AppState>,
    signed_in: Option<Extension<SignedIn>>,
    PagePath((term_id, year)): PagePath<(i64, i32)>,
    parts: Parts,
    PageForm(form): PageForm<Vec<(String, String)>>,
) -> Response {
    let me = match require(signed_in, &form, Action::SubmitValues) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let path = format!("/entry/{term_id}/{year}");
    match state
        .db
        .submit_period(term_id, Period::Year(year), &form_actor(&me))
        .await
    {
        Ok(n) => see_other(&format!("{path}?submitted={n}")),
        Err(WriteError::NotFound) => page_not_found(),
        Err(WriteError::Locked) => {
            let l = crate::web::lang::locale_from_headers(&parts.headers);
            let fb = FormFeedback {
                message: Some(l.t("entry.locked").to_string()),
                ..Default::default()
            };
            page_with(&state, &parts, &path, fb, StatusCode::LOCKED).await
        }
        Err(e) => {
            tracing::error!(error = %e, "submitting failed");
            let key = match &e {
                WriteError::Db(d) if d.is_unavailable() => "error.unavailable",
                _ => "error.server",
            };
            page_refusal(StatusCode::SERVICE_UNAVAILABLE, key)
        }
    }
}
