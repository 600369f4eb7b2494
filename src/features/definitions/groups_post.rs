//! Creating, renaming, archiving and restoring indicator groups.

use super::forms::{taken, too_long};
use crate::db::{Archivable, DbError};
use crate::domain::IndicatorCode;
use crate::web::form::{Archiving, form_actor, text, text_field};
use crate::web::form_error::{FormError, Refusal};
use crate::web::guard::{ManageDefinitions, Post};
use crate::web::lang::Lang;
use crate::web::rejection::PagePath;
use crate::web::render::see_other;
use crate::web::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

/// The new-group form, on `/admin/terms` and on each term's page.
#[derive(Deserialize)]
pub(super) struct NewGroupForm {
    #[serde(default)]
    group_code: String,
    #[serde(default)]
    group_name: String,
    #[serde(default)]
    group_name_en: String,
    #[serde(default)]
    back: String,
}

/// The rename and archive forms of one group: only the page to come back to. The
/// rename form's names carry the group's id (see [`rename_group`]).
#[derive(Deserialize)]
pub(super) struct GroupForm {
    #[serde(default)]
    back: String,
}

/// The admin page to come back to: the one the form was on, else the terms page.
fn back_to(back: &str) -> String {
    text(back)
        .filter(|b| b.starts_with("/admin/") && crate::web::render::is_plain_path(b))
        .unwrap_or_else(|| "/admin/terms".into())
}

pub(super) async fn create_group(
    State(state): State<AppState>,
    Lang(l): Lang,
    post: Post<ManageDefinitions, NewGroupForm>,
) -> Result<Response, FormError> {
    let form = &post.form;
    let back = back_to(&form.back);
    let refusal = Refusal::on(&back, &post.fields).fix_errors(l);
    let (code, name, name_en) = (
        text(&form.group_code).filter(|c| IndicatorCode::parse(c).is_ok()),
        text(&form.group_name),
        text(&form.group_name_en),
    );
    let names_ok = !too_long(&name) && !too_long(&name_en);
    let (Some(code), Some(name)) = (code, name.filter(|_| names_ok)) else {
        return Err(refusal.field("group_code", l.t("admin.bad_group")).into());
    };
    let actor = form_actor(&post.user);
    state
        .db
        .create_group(&code, &name, name_en.as_deref(), &actor)
        .await
        .map_err(taken(refusal, "group_code", "admin.code_taken", l))?;
    Ok(see_other(&back))
}

/// Renames a group; its code stays, as imports and links use it.
pub(super) async fn rename_group(
    State(state): State<AppState>,
    Lang(l): Lang,
    PagePath(id): PagePath<i64>,
    post: Post<ManageDefinitions, GroupForm>,
) -> Result<Response, FormError> {
    let back = back_to(&post.form.back);
    // The page lists every group with its own rename form, whose fields are named
    // after the group ("group_name_{id}"), so that a refused rename fills in and marks
    // its own row only: names a fixed form type cannot hold, read from the fields.
    let name_key = format!("group_name_{id}");
    let (name, name_en) = (
        text_field(&post.fields, &name_key),
        text_field(&post.fields, &format!("group_name_en_{id}")),
    );
    let valid = name.is_some() && !too_long(&name) && !too_long(&name_en);
    let Some(name) = name.filter(|_| valid) else {
        // A group that does not exist is "not found", whatever was typed for it.
        if !state.db.all_groups().await?.iter().any(|g| g.id == id) {
            return Err(FormError::NotFound);
        }
        return Err(Refusal::on(&back, &post.fields)
            .field(name_key, l.t("admin.bad_name"))
            .fix_errors(l)
            .into());
    };
    let actor = form_actor(&post.user);
    match state
        .db
        .rename_group(id, &name, name_en.as_deref(), &actor)
        .await?
    {
        true => Ok(see_other(&back)),
        false => Err(FormError::NotFound),
    }
}

/// Archives a group no live indicator uses any more, or restores one.
pub(super) async fn archive_group(
    State(state): State<AppState>,
    Lang(l): Lang,
    PagePath((id, change)): PagePath<(i64, Archiving)>,
    post: Post<ManageDefinitions, GroupForm>,
) -> Result<Response, FormError> {
    let back = back_to(&post.form.back);
    let actor = form_actor(&post.user);
    let key = match state
        .db
        .set_archived(Archivable::Group, id, change.archived(), &actor)
        .await
    {
        Ok(true) => return Ok(see_other(&back)),
        Ok(false) => return Err(FormError::NotFound),
        // Still used by a live indicator: the reason beside the group's name.
        Err(DbError::Refused(key)) => key,
        Err(e) => return Err(e.into()),
    };
    Err(Refusal::on(&back, &post.fields)
        .field(format!("group_name_{id}"), l.t(key))
        .fix_errors(l)
        .status(StatusCode::CONFLICT)
        .into())
}
