//! Creating and editing indicators, setting their typed targets, archiving them.

use crate::db::Figures;
use crate::db::{DbError, IndicatorInput};
use crate::domain::IndicatorId;
use crate::domain::{
    Action, Direction, IndicatorCode, TargetKind, UnitKind, has_control_chars, parse_value,
};
use crate::features::accounts::users_post::require;
use crate::features::definitions::forms::{Fields, bad_label, refuse};
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
    let l = crate::web::lang::locale_from_headers(&parts.headers);
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
        // An archived group is not offered any more; an indicator already in it may
        // keep it.
        let current_group = id
            .and_then(|id| data.indicator(IndicatorId::new(id)))
            .and_then(|c| c.group_id);
        let group_ok = |g: i64| {
            data.group(Some(g))
                .is_some_and(|grp| !grp.archived || Some(g) == current_group)
        };
        if i.group_id.is_some_and(|g| !group_ok(g)) {
            errors.insert("group_id".to_string(), l.t("admin.bad_link").to_string());
        }
        if i.parent_id
            .is_some_and(|p| Some(p) == id || data.indicator(IndicatorId::new(p)).is_none())
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

pub(super) async fn create_indicator(
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

pub(super) async fn update_indicator(
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

pub(super) async fn set_target(
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
    let back = format!("/admin/indicators/{id}");
    let unit = match state.db.term_of_indicator(id).await {
        Ok(Some(term)) => match state.db.term_data_as(term, Figures::Working).await {
            Ok(data) => data
                .as_ref()
                .and_then(|d| d.indicator(IndicatorId::new(id)))
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

pub(super) async fn archive_indicator(
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
    let term = match state.db.term_of_any_indicator(id).await {
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
