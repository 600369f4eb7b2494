//! POST handlers of the entry form: save a year's figures (all or nothing), submit
//! them for approval.

use super::form::{EntryForm, Part};
use crate::db::{Figures, ValueChange, WriteError};
use crate::domain::{IndicatorId, Period, Unit};
use crate::present::conflict_text;
use crate::web::form::form_actor;
use crate::web::form_error::{FormError, Refusal};
use crate::web::guard::{EnterValues, NoFields, Post, SubmitValues};
use crate::web::lang::Lang;
use crate::web::rejection::PagePath;
use crate::web::render::see_other;
use crate::web::state::AppState;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use serde::Deserialize;
use std::collections::HashMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/entry/{term}/{year}", post(save))
        .route("/entry/{term}/{year}/submit", post(submit))
        .route("/entry/{term}/{year}/resubmit", post(resubmit))
}

/// Saves every figure of the form in one transaction, or none: each row is checked
/// by the one rule for figures, and a figure changed by someone else since the page
/// was read is a conflict shown beside its field.
async fn save(
    State(state): State<AppState>,
    Lang(l): Lang,
    PagePath((term_id, year)): PagePath<(i64, i32)>,
    post: Post<EnterValues, EntryForm>,
) -> Result<Response, FormError> {
    let page = format!("/entry/{term_id}/{year}");
    let data = state
        .db
        .term_data_as(term_id, Figures::Working)
        .await?
        .filter(|d| d.term.term.years().contains(&year))
        .ok_or(FormError::NotFound)?;
    let units: HashMap<IndicatorId, &Unit> = data
        .indicators
        .iter()
        .map(|i| (i.id, &i.definition.unit))
        .collect();
    let mut refusal = Refusal::on(&page, &post.fields);
    let (mut changes, mut errors) = (Vec::new(), 0);
    for row in &post.form.rows {
        // Another term's indicator, or none at all: not a form this page sent.
        let unit = units.get(&row.indicator).ok_or(FormError::Tampered)?;
        match row.input().check(unit.kind) {
            Ok(Some(figure)) => {
                changes.push(ValueChange::new(
                    row.indicator.get(),
                    Period::Year(year),
                    figure,
                ));
            }
            Ok(None) => {}
            Err(e) => {
                errors += 1;
                refusal = refusal.field(Part::Value.name(row.indicator), l.t(e.message_key()));
            }
        }
    }
    if errors > 0 {
        let message = l.tf("entry.errors", &[("n", &errors.to_string())]);
        return Err(refusal.message(message).into());
    }
    match state
        .db
        .save_values(term_id, &changes, &form_actor(&post.user))
        .await
    {
        Ok(n) => Ok(see_other(&format!("{page}?saved={n}"))),
        Err(WriteError::Conflicts(conflicts)) => {
            for c in &conflicts {
                refusal = refusal
                    .field(
                        Part::Value.name(IndicatorId::new(c.indicator_id)),
                        conflict_text(
                            "entry.conflict",
                            c,
                            units[&IndicatorId::new(c.indicator_id)],
                            l,
                            &[],
                        ),
                    )
                    // The form now carries the current version: saving again, after
                    // a look, overwrites on purpose.
                    .fill(
                        Part::Version.name(IndicatorId::new(c.indicator_id)),
                        c.current_version.to_string(),
                    );
            }
            let message = l.tf("entry.conflicts", &[("n", &conflicts.len().to_string())]);
            Err(refusal.message(message).status(StatusCode::CONFLICT).into())
        }
        Err(e) => Err(write_refusal(e, refusal, l)),
    }
}

/// A save or submit the database refused as a whole: the page again, saying why.
fn write_refusal(e: WriteError, refusal: Refusal, l: crate::i18n::Locale) -> FormError {
    let (status, key) = match &e {
        WriteError::Locked => (StatusCode::LOCKED, "entry.locked"),
        WriteError::NotFound => return FormError::NotFound,
        WriteError::Db(d) if d.is_unavailable() => {
            (StatusCode::SERVICE_UNAVAILABLE, "error.unavailable")
        }
        _ => (StatusCode::SERVICE_UNAVAILABLE, "error.server"),
    };
    if status == StatusCode::SERVICE_UNAVAILABLE {
        tracing::error!(error = %e, "saving figures failed; nothing was stored");
    }
    refusal.message(l.t(key)).status(status).into()
}

async fn submit(
    State(state): State<AppState>,
    Lang(l): Lang,
    PagePath((term_id, year)): PagePath<(i64, i32)>,
    post: Post<SubmitValues, NoFields>,
) -> Result<Response, FormError> {
    let page = format!("/entry/{term_id}/{year}");
    let actor = form_actor(&post.user);
    match state
        .db
        .submit_period(term_id, Period::Year(year), &actor)
        .await
    {
        Ok(n) => Ok(see_other(&format!("{page}?submitted={n}"))),
        Err(e) => Err(write_refusal(e, Refusal::empty(&page), l)),
    }
}

/// A returned figure's own button: sends it back for approval unchanged.
#[derive(Deserialize)]
struct ResubmitForm {
    indicator: IndicatorId,
    /// The version the page showed: a figure changed since is a conflict.
    version: i64,
}

async fn resubmit(
    State(state): State<AppState>,
    Lang(l): Lang,
    PagePath((term_id, year)): PagePath<(i64, i32)>,
    post: Post<SubmitValues, ResubmitForm>,
) -> Result<Response, FormError> {
    let page = format!("/entry/{term_id}/{year}");
    let id = post.form.indicator;
    // Another term's indicator: not a form this page sent.
    if state.db.term_of_indicator(id.get()).await? != Some(term_id) {
        return Err(FormError::NotFound);
    }
    let refusal = Refusal::empty(&page);
    match state
        .db
        .submit_value(
            id.get(),
            Period::Year(year),
            Some(post.form.version),
            &form_actor(&post.user),
        )
        .await
    {
        Ok(()) => Ok(see_other(&format!("{page}?resubmitted=1"))),
        Err(WriteError::Conflicts(_) | WriteError::WrongState | WriteError::NotFound) => {
            Err(refusal
                .message(l.t("entry.not_returned"))
                .status(StatusCode::CONFLICT)
                .into())
        }
        Err(e) => Err(write_refusal(e, refusal, l)),
    }
}
