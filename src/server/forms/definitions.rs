//! POST handlers of the admin's definitions: terms, groups, indicators, targets.
//! Each refuses bad input with the page shown again and nothing written.

use super::render::{page_with, see_other};
use super::users::require;
use super::{field, form_actor, text_field};
use crate::app::session_view::FormFeedback;
use crate::app::state::{AppState, SignedIn};
use crate::db::{DbError, IndicatorInput, TermInput};
use crate::domain::{Action, Direction, IndicatorCode, TargetKind, Term, UnitKind, VnDecimal};
use crate::i18n::Locale;
use axum::extract::{Form, Path, State};
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

fn too_long(t: &Option<String>) -> bool {
    t.as_ref().is_some_and(|t| t.chars().count() > 300)
}

async fn create_term(
    State(state): State<AppState>,
    me: Option<Extension<SignedIn>>,
    parts: Parts,
    Form(form): Form<Fields>,
) -> Response {
    let me = match require(me, &form, Action::ManageDefinitions) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let l = crate::app::locale_from_headers(&parts.headers);
    let mut errors = HashMap::new();
    let name = text_field(&form, "name");
    if name.is_none() || too_long(&name) {
        errors.insert("name".into(), l.t("admin.bad_name").to_string());
    }
    let year = |k: &str| field(&form, k).and_then(|y| y.trim().parse::<i32>().ok());
    let (start, end) = (year("start_year"), year("end_year"));
    let term_ok = matches!((start, end), (Some(s), Some(e)) if Term::new(s, e).is_ok());
    if !term_ok {
        errors.insert("start_year".into(), l.t("admin.bad_years").to_string());
    }
    let copy_from = field(&form, "copy_from").and_then(|c| c.parse::<i64>().ok());
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
    Path((id, change)): Path<(i64, String)>,
    Form(form): Form<Fields>,
) -> Response {
    let me = match require(me, &form, Action::ManageDefinitions) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let archived = match change.as_str() {
        "archive" => true,
        "restore" => false,
        _ => return see_other("/admin/terms"),
    };
    if let Err(e) = state
        .db
        .set_term_archived(id, archived, &form_actor(&me))
        .await
    {
        tracing::error!(error = %e, "archiving a term failed");
    }
    see_other("/admin/terms")
}

async fn create_group(
    State(state): State<AppState>,
    me: Option<Extension<SignedIn>>,
    parts: Parts,
    Form(form): Form<Fields>,
) -> Response {
    if let Err(r) = require(me, &form, Action::ManageDefinitions) {
        return r;
    }
    let l = crate::app::locale_from_headers(&parts.headers);
    let back = text_field(&form, "back")
        .filter(|b| b.starts_with("/admin/"))
        .unwrap_or_else(|| "/admin/terms".into());
    let (code, name) = (
        text_field(&form, "group_code"),
        text_field(&form, "group_name"),
    );
    let valid_code = code
        .as_deref()
        .is_some_and(|c| IndicatorCode::parse(c).is_ok());
    if !valid_code || name.is_none() || too_long(&name) {
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
            see_other(&back)
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
    let name = text_field(form, "name").filter(|n| n.chars().count() <= 300);
    if name.is_none() {
        errors.insert("name".into(), l.t("admin.bad_name").to_string());
    }
    let unit = text_field(form, "unit").filter(|u| u.chars().count() <= 40);
    if unit.is_none() {
        errors.insert("unit".into(), l.t("admin.bad_unit").to_string());
    }
    let unit_kind = field(form, "unit_kind").and_then(UnitKind::parse);
    let direction = field(form, "direction").and_then(Direction::parse);
    if unit_kind.is_none() || direction.is_none() {
        errors.insert("unit".into(), l.t("admin.bad_unit").to_string());
    }
    let id_of = |k: &str| {
        field(form, k)
            .and_then(|v| v.parse::<i64>().ok())
            .filter(|v| *v > 0)
    };
    match (code, name, unit, unit_kind, direction) {
        (Some(code), Some(name), Some(unit), Some(unit_kind), Some(direction))
            if errors.is_empty() =>
        {
            Ok(IndicatorInput {
                code: code.to_string(),
                name,
                name_en: text_field(form, "name_en"),
                group_id: id_of("group_id"),
                parent_id: id_of("parent_id"),
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
    let input = match indicator_input(&form, l) {
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
    Path(term): Path<i64>,
    parts: Parts,
    Form(form): Form<Fields>,
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
    Path(id): Path<i64>,
    parts: Parts,
    Form(form): Form<Fields>,
) -> Response {
    let me = match require(me, &form, Action::ManageDefinitions) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Ok(Some(term)) = state.db.term_of_indicator(id).await else {
        return see_other("/admin/terms");
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
    Path(id): Path<i64>,
    parts: Parts,
    Form(form): Form<Fields>,
) -> Response {
    let me = match require(me, &form, Action::ManageDefinitions) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let l = crate::app::locale_from_headers(&parts.headers);
    let back = format!("/admin/indicators/{id}");
    let target = match field(&form, "kind").unwrap_or_default() {
        "" | "none" => None,
        k => {
            let kind = TargetKind::parse(k);
            let value = field(&form, "value").map(VnDecimal::parse);
            match (kind, value) {
                (Some(kind), Some(Ok(value))) => Some((
                    kind,
                    value,
                    text_field(&form, "quote").map(|q| q.chars().take(2000).collect()),
                )),
                (_, Some(Err(e))) => {
                    let errors =
                        HashMap::from([("value".to_string(), l.t(e.message_key()).to_string())]);
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
                _ => {
                    let errors =
                        HashMap::from([("value".to_string(), l.t("number.empty").to_string())]);
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
            }
        }
    };
    match state.db.set_target(id, target, &form_actor(&me)).await {
        Ok(()) => see_other(&format!("{back}?saved=1")),
        Err(e) => {
            tracing::error!(error = %e, "setting a target failed");
            see_other(&back)
        }
    }
}

async fn archive_indicator(
    State(state): State<AppState>,
    me: Option<Extension<SignedIn>>,
    Path((id, change)): Path<(i64, String)>,
    Form(form): Form<Fields>,
) -> Response {
    let me = match require(me, &form, Action::ManageDefinitions) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let term = state.db.term_of_indicator(id).await.ok().flatten();
    if let Err(e) = state
        .db
        .set_indicator_archived(id, change == "archive", &form_actor(&me))
        .await
    {
        tracing::error!(error = %e, "archiving an indicator failed");
    }
    see_other(&term.map_or_else(
        || "/admin/terms".to_string(),
        |t| format!("/admin/terms/{t}"),
    ))
}
