//! Creating, correcting, archiving and restoring terms.

use crate::db::{DbError, TermEdit, TermInput};
use crate::domain::{Action, Term};
use crate::features::accounts::users_post::require;
use crate::features::definitions::forms::{Fields, refuse, too_long};
use crate::i18n::Locale;
use crate::web::form::{field, form_actor, text_field};
use crate::web::rejection::{PageForm, PagePath, page_not_found, page_refusal};
use crate::web::render::see_other;
use crate::web::state::{AppState, SignedIn};
use axum::Extension;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use std::collections::HashMap;

/// The name and years typed in a term form, or why not (errors by field). The
/// correction form's fields carry the prefix "edit_", so that a refused correction
/// and a refused new term do not fill in each other's fields on the same page.
fn term_fields(
    form: &Fields,
    prefix: &str,
    l: Locale,
) -> (Option<TermEdit>, HashMap<String, String>) {
    let key = |name: &str| format!("{prefix}{name}");
    let mut errors = HashMap::new();
    let (name, name_en) = (
        text_field(form, &key("name")),
        text_field(form, &key("name_en")),
    );
    if name.is_none() || too_long(&name) || too_long(&name_en) {
        errors.insert(key("name"), l.t("admin.bad_name").to_string());
    }
    let year = |k: &str| field(form, &key(k)).and_then(|y| y.trim().parse::<i32>().ok());
    let years = match (year("start_year"), year("end_year")) {
        (Some(s), Some(e)) if Term::new(s, e).is_ok() => Some((s, e)),
        _ => {
            errors.insert(key("start_year"), l.t("admin.bad_years").to_string());
            None
        }
    };
    let edit = match (name, years, errors.is_empty()) {
        (Some(name), Some((start_year, end_year)), true) => Some(TermEdit {
            name,
            name_en,
            start_year,
            end_year,
        }),
        _ => None,
    };
    (edit, errors)
}

pub(super) async fn create_term(
    State(state): State<AppState>,
    me: Option<Extension<SignedIn>>,
    parts: Parts,
    PageForm(form): PageForm<Fields>,
) -> Response {
    let me = match require(me, &form, Action::ManageDefinitions) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let l = crate::web::lang::locale_from_headers(&parts.headers);
    let (fields, mut errors) = term_fields(&form, "", l);
    // The term to carry the indicator list over from: none, or one that exists.
    let copy_from = match field(&form, "copy_from")
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        None => None,
        Some(raw) => {
            let found = match raw.parse::<i64>().ok().filter(|id| *id > 0) {
                Some(id) => match state.db.term(id).await {
                    Ok(t) => t.map(|_| id),
                    Err(e) => {
                        tracing::error!(error = %e, "looking up a term failed");
                        return page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server");
                    }
                },
                None => None,
            };
            if found.is_none() {
                errors.insert("copy_from".into(), l.t("admin.bad_copy_from").to_string());
            }
            found
        }
    };
    let (
        Some(TermEdit {
            name,
            name_en,
            start_year,
            end_year,
        }),
        true,
    ) = (fields, errors.is_empty())
    else {
        return refuse(
            &state,
            &parts,
            "/admin/terms",
            &form,
            errors,
            l,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let input = TermInput {
        name,
        name_en,
        start_year,
        end_year,
        copy_from,
    };
    match state.db.create_term(&input, &form_actor(&me)).await {
        Ok(id) => see_other(&format!("/admin/terms/{id}")),
        Err(DbError::Conflict(_)) => {
            errors.insert("start_year".into(), l.t("admin.term_exists").to_string());
            refuse(
                &state,
                &parts,
                "/admin/terms",
                &form,
                errors,
                l,
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => {
            tracing::error!(error = %e, "creating a term failed");
            refuse(
                &state,
                &parts,
                "/admin/terms",
                &form,
                errors,
                l,
                StatusCode::SERVICE_UNAVAILABLE,
            )
            .await
        }
    }
}

pub(super) async fn archive_term(
    State(state): State<AppState>,
    me: Option<Extension<SignedIn>>,
    PagePath((id, change)): PagePath<(i64, String)>,
    PageForm(form): PageForm<Fields>,
) -> Response {
    let me = match require(me, &form, Action::ManageDefinitions) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let archived = match change.as_str() {
        "archive" => true,
        "restore" => false,
        _ => return page_not_found(),
    };
    match state
        .db
        .set_term_archived(id, archived, &form_actor(&me))
        .await
    {
        Ok(true) => see_other("/admin/terms"),
        Ok(false) => page_not_found(),
        Err(e) => {
            tracing::error!(error = %e, "archiving a term failed");
            page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server")
        }
    }
}

/// Corrects a term's name and years (a typo, the English name). Years that would
/// leave a yearly figure outside the term are refused with the reason.
pub(super) async fn update_term(
    State(state): State<AppState>,
    me: Option<Extension<SignedIn>>,
    PagePath(id): PagePath<i64>,
    parts: Parts,
    PageForm(form): PageForm<Fields>,
) -> Response {
    let me = match require(me, &form, Action::ManageDefinitions) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let l = crate::web::lang::locale_from_headers(&parts.headers);
    let path = format!("/admin/terms/{id}");
    match state.db.term(id).await {
        Ok(Some(_)) => {}
        Ok(None) => return page_not_found(),
        Err(e) => {
            tracing::error!(error = %e, "looking up a term failed");
            return page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server");
        }
    }
    let (edit, mut errors) = term_fields(&form, "edit_", l);
    let Some(edit) = edit else {
        return refuse(
            &state,
            &parts,
            &path,
            &form,
            errors,
            l,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let status = match state.db.update_term(id, &edit, &form_actor(&me)).await {
        Ok(true) => return see_other(&format!("{path}?saved=1")),
        Ok(false) => return page_not_found(),
        Err(DbError::Conflict(_)) => {
            errors.insert(
                "edit_start_year".into(),
                l.t("admin.term_exists").to_string(),
            );
            StatusCode::CONFLICT
        }
        Err(DbError::Refused(key)) => {
            errors.insert("edit_start_year".into(), l.t(key).to_string());
            StatusCode::CONFLICT
        }
        Err(e) => {
            tracing::error!(error = %e, "correcting a term failed");
            return page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server");
        }
    };
    refuse(&state, &parts, &path, &form, errors, l, status).await
}
