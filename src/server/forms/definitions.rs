//! POST handlers of the admin's definitions: terms, groups, indicators, targets.
//! Each refuses bad input with the page shown again and nothing written.

use super::render::{page_with, see_other};
use super::users::require;
use super::{field, form_actor, text_field};
use crate::app::session_view::FormFeedback;
use crate::app::state::{AppState, SignedIn};
use crate::db::Figures;
use crate::db::{DbError, IndicatorInput, TermInput};
use crate::domain::{
    Action, Direction, IndicatorCode, TargetKind, Term, UnitKind, has_control_chars, parse_value,
};
use crate::i18n::Locale;
use crate::server::rejection::{PageForm, PagePath, page_not_found, page_refusal};
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::post;
use axum::{Extension, Router};
use std::collections::HashMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/terms", post(create_term))
        .route("/admin/terms/{id}/{change}", post(archive_term))
        .route("/admin/terms/{id}/indicators", post(create_indicator))
        .route("/admin/groups", post(create_group))
        .route("/admin/indicators/{id}", post(update_indicator))
        .route("/admin/indicators/{id}/target", post(set_target))
        .route(
            "/admin/indicators/{id}/state/{change}",
            post(archive_indicator),
        )
}

type Fields = Vec<(String, String)>;

async fn refuse(
    state: &AppState,
    parts: &Parts,
    path: &str,
    form: &Fields,
    errors: HashMap<String, String>,
    l: Locale,
    status: StatusCode,
) -> Response {
    let feedback = FormFeedback {
        message: Some(l.t("form.fix_errors").to_string()),
        fields: form.iter().filter(|(k, _)| k != "csrf").cloned().collect(),
        errors,
    };
    page_with(state, parts, path, feedback, status).await
}

/// A name that may not be stored: longer than 300 characters, or with control
/// characters.
fn too_long(t: &Option<String>) -> bool {
    bad_label(t, 300)
}

fn bad_label(t: &Option<String>, max: usize) -> bool {
    t.as_ref()
        .is_some_and(|t| t.chars().count() > max || has_control_chars(t))
}

async fn create_term(
    State(state): State<AppState>,
    me: Option<Extension<SignedIn>>,
    parts: Parts,
    PageForm(form): PageForm<Fields>,
) -> Response {
    let me = match require(me, &form, Action::ManageDefinitions) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let l = crate::app::locale_from_headers(&parts.headers);
    let mut errors = HashMap::new();
    let name = text_field(&form, "name");
    if name.is_none() || too_long(&name) || too_long(&text_field(&form, "name_en")) {
        errors.insert("name".into(), l.t("admin.bad_name").to_string());
    }
    let year = |k: &str| field(&form, k).and_then(|y| y.trim().parse::<i32>().ok());
    let (start, end) = (year("start_year"), year("end_year"));
    let term_ok = matches!((start, end), (Some(s), Some(e)) if Term::new(s, e).is_ok());
    if !term_ok {
        errors.insert("start_year".into(), l.t("admin.bad_years").to_string());
    }
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
    let (Some(name), Some(start_year), Some(end_year), true) =
        (name, start, end, errors.is_empty())
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
        name_en: text_field(&form, "name_en"),
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

async fn archive_term(
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

async fn create_group(
    State(state): State<AppState>,
    me: Option<Extension<SignedIn>>,
    parts: Parts,
    PageForm(form): PageForm<Fields>,
) -> Response {
    if let Err(r) = require(me, &form, Action::ManageDefinitions) {
        return r;
    }
    let l = crate::app::locale_from_headers(&parts.headers);
    let back = text_field(&form, "back")
        .filter(|b| b.starts_with("/admin/") && super::render::is_plain_path(b))
        .unwrap_or_else(|| "/admin/terms".into());
    let (code, name) = (
        text_field(&form, "group_code"),
        text_field(&form, "group_name"),
    );
    let valid_code = code
        .as_deref()
        .is_some_and(|c| IndicatorCode::parse(c).is_ok());
    if !valid_code
        || name.is_none()
        || too_long(&name)
        || too_long(&text_field(&form, "group_name_en"))
    {
        let errors =
            HashMap::from([("group_code".to_string(), l.t("admin.bad_group").to_string())]);
        return refuse(
            &state,
            &parts,
            &back,
            &form,
            errors,
            l,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    match state
        .db
        .create_group(
            &code.unwrap_or_default(),
            &name.unwrap_or_default(),
            text_field(&form, "group_name_en").as_deref(),
        )
        .await
    {
        Ok(_) => see_other(&back),
        Err(DbError::Conflict(_)) => {
            let errors = HashMap::from([(
                "group_code".to_string(),
                l.t("admin.code_taken").to_string(),
            )]);
            refuse(
                &state,
                &parts,
                &back,
                &form,
                errors,
                l,
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => {
            tracing::error!(error = %e, "creating a group failed");
            page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server")
        }
    }
}

/// The definition typed in the indicator form, or every error by field.
fn indicator_input(form: &Fields, l: Locale) -> Result<IndicatorInput, HashMap<String, String>> {
    let mut errors = HashMap::new();
    let code = text_field(form, "code").and_then(|c| IndicatorCode::parse(&c).ok());
    if code.is_none() {
        errors.insert("code".into(), l.t("admin.bad_code").to_string());
    }
    let name = text_field(form, "name").filter(|n| !bad_label(&Some(n.clone()), 300));
    if name.is_none() || bad_label(&text_field(form, "name_en"), 300) {
        errors.insert("name".into(), l.t("admin.bad_name").to_string());
    }
    let unit = text_field(form, "unit").filter(|u| !bad_label(&Some(u.clone()), 40));
    if unit.is_none() || bad_label(&text_field(form, "unit_en"), 40) {
        errors.insert("unit".into(), l.t("admin.bad_unit").to_string());
    }
    let unit_kind = field(form, "unit_kind").and_then(UnitKind::parse);
    let direction = field(form, "direction").and_then(Direction::parse);
    if unit_kind.is_none() || direction.is_none() {
        errors.insert("unit".into(), l.t("admin.bad_unit").to_string());
    }
    // A group or parent is optional; one that is sent must be a positive id (that
    // it exists, in this term, is checked against the term before saving).
    let mut id_of = |k: &str| match field(form, k).map(str::trim).filter(|v| !v.is_empty()) {
        None => None,
        Some(v) => {
            let id = v.parse::<i64>().ok().filter(|v| *v > 0);
            if id.is_none() {
                errors.insert(k.to_string(), l.t("admin.bad_link").to_string());
            }
            id
        }
    };
    let (group_id, parent_id) = (id_of("group_id"), id_of("parent_id"));
    match (code, name, unit, unit_kind, direction) {
        (Some(code), Some(name), Some(unit), Some(unit_kind), Some(direction))
            if errors.is_empty() =>
        {
            Ok(IndicatorInput {
                code: code.to_string(),
                name,
                name_en: text_field(form, "name_en"),
                group_id,
                parent_id,
                unit_kind,
                unit,
                unit_en: text_field(form, "unit_en"),
                direction,
            })
        }
        _ => Err(errors),
    }
}

async fn save_indicator(
    state: AppState,
    me: SignedIn,
    parts: Parts,
    form: Fields,
    term: i64,
    id: Option<i64>,
    back: String,
) -> Response {
    let l = crate::app::locale_from_headers(&parts.headers);
    let data = match state.db.term_data_as(term, Figures::Working).await {
        Ok(Some(d)) => d,
        Ok(None) => return page_not_found(),
        Err(e) => {
            tracing::error!(error = %e, "loading a term failed");
            return page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server");
        }
    };
    let links_ok = |i: &IndicatorInput| {
        let mut errors = HashMap::new();
        if i.group_id.is_some_and(|g| data.group(Some(g)).is_none()) {
            errors.insert("group_id".to_string(), l.t("admin.bad_link").to_string());
        }
        if i.parent_id
            .is_some_and(|p| Some(p) == id || data.indicator(p).is_none())
        {
            errors.insert("parent_id".to_string(), l.t("admin.bad_link").to_string());
        }
        errors
    };
    let input = match indicator_input(&form, l).and_then(|i| {
        let errors = links_ok(&i);
        if errors.is_empty() {
            Ok(i)
        } else {
            Err(errors)
        }
    }) {
        Ok(i) => i,
        Err(errors) => {
            return refuse(
                &state,
                &parts,
                &back,
                &form,
                errors,
                l,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    match state
        .db
        .save_indicator(term, id, &input, &form_actor(&me))
        .await
    {
        Ok(id) => see_other(&format!("/admin/indicators/{id}?saved=1")),
        Err(DbError::Conflict(_)) => {
            let errors = HashMap::from([("code".to_string(), l.t("admin.code_taken").to_string())]);
            refuse(
                &state,
                &parts,
                &back,
                &form,
                errors,
                l,
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => {
            tracing::error!(error = %e, "saving an indicator failed");
            refuse(
                &state,
                &parts,
                &back,
                &form,
                HashMap::new(),
                l,
                StatusCode::SERVICE_UNAVAILABLE,
            )
            .await
        }
    }
}

async fn create_indicator(
    State(state): State<AppState>,
    me: Option<Extension<SignedIn>>,
    PagePath(term): PagePath<i64>,
    parts: Parts,
    PageForm(form): PageForm<Fields>,
) -> Response {
    let me = match require(me, &form, Action::ManageDefinitions) {
        Ok(s) => s,
        Err(r) => return r,
    };
    save_indicator(
        state,
        me,
        parts,
        form,
        term,
        None,
        format!("/admin/terms/{term}"),
    )
    .await
}

async fn update_indicator(
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
    let term = match state.db.term_of_indicator(id).await {
        Ok(Some(term)) => term,
        Ok(None) => return page_not_found(),
        Err(e) => {
            tracing::error!(error = %e, "looking up an indicator failed");
            return page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server");
        }
    };
    save_indicator(
        state,
        me,
        parts,
        form,
        term,
        Some(id),
        format!("/admin/indicators/{id}"),
    )
    .await
}

async fn set_target(
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
    let l = crate::app::locale_from_headers(&parts.headers);
    let back = format!("/admin/indicators/{id}");
    let unit = match state.db.term_of_indicator(id).await {
        Ok(Some(term)) => match state.db.term_data_as(term, Figures::Working).await {
            Ok(data) => data
                .as_ref()
                .and_then(|d| d.indicator(id))
                .map(|i| i.definition.unit.kind),
            Err(e) => {
                tracing::error!(error = %e, "loading a term failed");
                return page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server");
            }
        },
        Ok(None) => None,
        Err(e) => {
            tracing::error!(error = %e, "looking up an indicator failed");
            return page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server");
        }
    };
    let Some(unit) = unit else {
        return page_not_found();
    };
    let target = match field(&form, "kind").map(str::trim).unwrap_or_default() {
        "" | "none" => Ok(None),
        k => {
            // The value is checked against the unit, as a figure is: a count target
            // is a whole number, a percentage within ±1000 %.
            let value = parse_value(field(&form, "value").unwrap_or_default(), unit);
            let quote = text_field(&form, "quote");
            match (TargetKind::parse(k), value) {
                (_, Err(e)) => Err(("value", e.message_key())),
                (None, _) => Err(("kind", "admin.bad_target_kind")),
                (_, _) if quote.as_ref().is_some_and(|q| q.chars().count() > 2000) => {
                    Err(("quote", "entry.text_too_long"))
                }
                (_, _) if quote.as_deref().is_some_and(has_control_chars) => {
                    Err(("quote", "entry.bad_text"))
                }
                (Some(kind), Ok(value)) => Ok(Some((kind, value, quote))),
            }
        }
    };
    let target = match target {
        Ok(t) => t,
        Err((name, key)) => {
            let errors = HashMap::from([(name.to_string(), l.t(key).to_string())]);
            return refuse(
                &state,
                &parts,
                &back,
                &form,
                errors,
                l,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    match state.db.set_target(id, target, &form_actor(&me)).await {
        Ok(()) => see_other(&format!("{back}?saved=1")),
        Err(e) => {
            tracing::error!(error = %e, "setting a target failed");
            page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server")
        }
    }
}

async fn archive_indicator(
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
    let term = match state.db.term_of_indicator(id).await {
        Ok(Some(t)) => t,
        Ok(None) => return page_not_found(),
        Err(e) => {
            tracing::error!(error = %e, "looking up an indicator failed");
            return page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server");
        }
    };
    match state
        .db
        .set_indicator_archived(id, archived, &form_actor(&me))
        .await
    {
        Ok(true) => see_other(&format!("/admin/terms/{term}")),
        Ok(false) => page_not_found(),
        Err(e) => {
            tracing::error!(error = %e, "archiving an indicator failed");
            page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server")
        }
    }
}
