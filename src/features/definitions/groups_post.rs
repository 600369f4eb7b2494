//! Creating, renaming, archiving and restoring indicator groups.

use crate::db::DbError;
use crate::domain::{Action, IndicatorCode};
use crate::features::accounts::users_post::require;
use crate::features::definitions::forms::{Fields, refuse, too_long};
use crate::web::form::{form_actor, text_field};
use crate::web::rejection::{PageForm, PagePath, page_not_found, page_refusal};
use crate::web::render::see_other;
use crate::web::state::{AppState, SignedIn};
use axum::Extension;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use std::collections::HashMap;

/// The admin page to come back to: the one the form was on, else the terms page.
fn back_to(form: &Fields) -> String {
    text_field(form, "back")
        .filter(|b| b.starts_with("/admin/") && crate::web::render::is_plain_path(b))
        .unwrap_or_else(|| "/admin/terms".into())
}

pub(super) async fn create_group(
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
    let back = back_to(&form);
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
            &form_actor(&me),
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

/// Renames a group; its code stays, as imports and links use it.
pub(super) async fn rename_group(
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
    let back = back_to(&form);
    let name_key = format!("group_name_{id}");
    let (name, name_en) = (
        text_field(&form, &name_key),
        text_field(&form, &format!("group_name_en_{id}")),
    );
    let valid = name.is_some() && !too_long(&name) && !too_long(&name_en);
    let Some(name) = name.filter(|_| valid) else {
        // A group that does not exist is "not found", whatever was typed for it.
        match state.db.all_groups().await {
            Ok(groups) if groups.iter().any(|g| g.id == id) => {}
            Ok(_) => return page_not_found(),
            Err(e) => {
                tracing::error!(error = %e, "looking up a group failed");
                return page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server");
            }
        }
        let errors = HashMap::from([(name_key, l.t("admin.bad_name").to_string())]);
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
    };
    match state
        .db
        .rename_group(id, &name, name_en.as_deref(), &form_actor(&me))
        .await
    {
        Ok(true) => see_other(&back),
        Ok(false) => page_not_found(),
        Err(e) => {
            tracing::error!(error = %e, "renaming a group failed");
            page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server")
        }
    }
}

/// Archives a group no live indicator uses any more, or restores one.
pub(super) async fn archive_group(
    State(state): State<AppState>,
    me: Option<Extension<SignedIn>>,
    PagePath((id, change)): PagePath<(i64, String)>,
    parts: Parts,
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
    let l = crate::web::lang::locale_from_headers(&parts.headers);
    let back = back_to(&form);
    match state
        .db
        .set_group_archived(id, archived, &form_actor(&me))
        .await
    {
        Ok(true) => see_other(&back),
        Ok(false) => page_not_found(),
        Err(DbError::Refused(key)) => {
            let errors = HashMap::from([(format!("group_name_{id}"), l.t(key).to_string())]);
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
            tracing::error!(error = %e, "archiving a group failed");
            page_refusal(StatusCode::SERVICE_UNAVAILABLE, "error.server")
        }
    }
}
