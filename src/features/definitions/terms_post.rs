//! Creating, correcting, archiving and restoring terms.

use super::forms::{taken, too_long};
use crate::db::{Archivable, DbError, TermEdit, TermInput};
use crate::domain::Term;
use crate::i18n::Locale;
use crate::web::form::{Archiving, form_actor, text};
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

/// The new-term form on `/admin/terms`.
#[derive(Deserialize)]
pub(super) struct NewTermForm {
    #[serde(flatten)]
    term: TermFields,
    #[serde(default)]
    copy_from: String,
}

/// The correction form on `/admin/terms/{id}`: its fields carry the prefix "edit_",
/// so that a refused correction and a refused new term do not fill in each other's
/// fields on the same page.
#[derive(Deserialize)]
pub(super) struct EditTermForm {
    #[serde(default, rename = "edit_name")]
    name: String,
    #[serde(default, rename = "edit_name_en")]
    name_en: String,
    #[serde(default, rename = "edit_start_year")]
    start_year: String,
    #[serde(default, rename = "edit_end_year")]
    end_year: String,
}

#[derive(Deserialize)]
struct TermFields {
    #[serde(default)]
    name: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    start_year: String,
    #[serde(default)]
    end_year: String,
}

impl From<EditTermForm> for TermFields {
    fn from(f: EditTermForm) -> Self {
        TermFields {
            name: f.name,
            name_en: f.name_en,
            start_year: f.start_year,
            end_year: f.end_year,
        }
    }
}

impl TermFields {
    /// The term, or the refusal with the reason beside each field named `{prefix}…`.
    fn check(&self, prefix: &str, mut refusal: Refusal, l: Locale) -> Result<TermEdit, FormError> {
        let key = |name: &str| format!("{prefix}{name}");
        let (name, name_en) = (text(&self.name), text(&self.name_en));
        let name_ok = name.is_some() && !too_long(&name) && !too_long(&name_en);
        if !name_ok {
            refusal = refusal.field(key("name"), l.t("admin.bad_name"));
        }
        let year = |y: &str| y.trim().parse::<i32>().ok();
        let years = match (year(&self.start_year), year(&self.end_year)) {
            (Some(s), Some(e)) if Term::new(s, e).is_ok() => Some((s, e)),
            _ => {
                refusal = refusal.field(key("start_year"), l.t("admin.bad_years"));
                None
            }
        };
        match (name, years) {
            (Some(name), Some((start_year, end_year))) if name_ok => Ok(TermEdit {
                name,
                name_en,
                start_year,
                end_year,
            }),
            _ => Err(refusal.fix_errors(l).into()),
        }
    }
}

pub(super) async fn create_term(
    State(state): State<AppState>,
    Lang(l): Lang,
    post: Post<ManageDefinitions, NewTermForm>,
) -> Result<Response, FormError> {
    let page = "/admin/terms";
    let refusal = Refusal::on(page, &post.fields);
    // The term to carry the indicator list over from: none, or one that exists.
    let copy_from = match text(&post.form.copy_from) {
        None => None,
        Some(raw) => match crate::domain::ids::parse_id(&raw) {
            Some(id) if state.db.term(id).await?.is_some() => Some(id),
            _ => {
                let refused = refusal.field("copy_from", l.t("admin.bad_copy_from"));
                // Both reasons at once when the name or years are wrong too.
                return Err(match post.form.term.check("", refused.clone(), l) {
                    Ok(_) => refused.fix_errors(l).into(),
                    Err(both) => both,
                });
            }
        },
    };
    let edit = post.form.term.check("", refusal.clone(), l)?;
    let input = TermInput {
        term: edit,
        copy_from,
    };
    let id = state
        .db
        .create_term(&input, &form_actor(&post.user))
        .await
        .map_err(taken(
            refusal.fix_errors(l),
            "start_year",
            "admin.term_exists",
            l,
        ))?;
    Ok(see_other(&format!("/admin/terms/{id}")))
}

pub(super) async fn archive_term(
    State(state): State<AppState>,
    PagePath((id, change)): PagePath<(i64, Archiving)>,
    post: Post<ManageDefinitions, crate::web::guard::NoFields>,
) -> Result<Response, FormError> {
    let actor = form_actor(&post.user);
    match state
        .db
        .set_archived(Archivable::Term, id, change.archived(), &actor)
        .await?
    {
        true => Ok(see_other("/admin/terms")),
        false => Err(FormError::NotFound),
    }
}

/// Corrects a term's name and years (a typo, the English name). Years that would
/// leave a yearly figure outside the term are refused with the reason.
pub(super) async fn update_term(
    State(state): State<AppState>,
    Lang(l): Lang,
    PagePath(id): PagePath<i64>,
    post: Post<ManageDefinitions, EditTermForm>,
) -> Result<Response, FormError> {
    let page = format!("/admin/terms/{id}");
    if state.db.term(id).await?.is_none() {
        return Err(FormError::NotFound);
    }
    let refusal = Refusal::on(&page, &post.fields);
    let edit = TermFields::from(post.form).check("edit_", refusal.clone(), l)?;
    let reason = match state
        .db
        .update_term(id, &edit, &form_actor(&post.user))
        .await
    {
        Ok(true) => return Ok(see_other(&format!("{page}?saved=1"))),
        Ok(false) => return Err(FormError::NotFound),
        Err(DbError::Conflict(_)) => "admin.term_exists",
        Err(DbError::Refused(key)) => key,
        Err(e) => return Err(e.into()),
    };
    Err(refusal
        .field("edit_start_year", l.t(reason))
        .fix_errors(l)
        .status(StatusCode::CONFLICT)
        .into())
}
