//! Creating and editing indicators, setting their typed targets, archiving them.

use super::forms::{bad_label, taken};
use crate::db::{Archivable, Figures, IndicatorInput, TermData};
use crate::domain::IndicatorId;
use crate::domain::{
    Direction, Indicator, IndicatorCode, TargetKind, Unit, UnitKind, VnDecimal, has_control_chars,
    parse_value,
};
use crate::i18n::Locale;
use crate::web::form::{Archiving, form_actor, text};
use crate::web::form_error::{FormError, Refusal};
use crate::web::guard::{ManageDefinitions, NoFields, Post};
use crate::web::lang::Lang;
use crate::web::rejection::PagePath;
use crate::web::render::see_other;
use crate::web::state::AppState;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

/// The definition form: a new indicator on a term's page, a correction on the
/// indicator's page. The unit kind, direction, group and parent come from selects,
/// yet are read as text: a value no page offers is refused beside its field with
/// the form filled in again, as an unknown code is, not as a tampered form.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct IndicatorForm {
    code: String,
    name: String,
    name_en: String,
    unit: String,
    unit_en: String,
    unit_kind: String,
    direction: String,
    group_id: String,
    parent_id: String,
}

/// The target form on the indicator's page. The kind comes from a select but is read
/// as text, for the same reason as the definition's selects.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct TargetForm {
    kind: String,
    value: String,
    quote: String,
}

/// Reasons by field name, as the page shows them.
type Errors = HashMap<String, String>;

/// A target as stored: its kind, its value and the text it was quoted from.
type Target = (TargetKind, VnDecimal, Option<String>);

/// A label that may be stored: typed, at most `max` characters, no control characters.
fn label(value: &str, max: usize) -> Option<String> {
    text(value).filter(|t| !bad_label(&Some(t.clone()), max))
}

impl IndicatorForm {
    /// The definition typed, or every error by field.
    fn check(&self, l: Locale) -> Result<IndicatorInput, Errors> {
        let mut errors = Errors::new();
        let mut refuse = |name: &str, key: &str| {
            errors.insert(name.to_string(), l.t(key).to_string());
        };
        let code = text(&self.code).and_then(|c| IndicatorCode::parse(&c).ok());
        if code.is_none() {
            refuse("code", "admin.bad_code");
        }
        let (name, name_en) = (label(&self.name, 300), text(&self.name_en));
        if name.is_none() || bad_label(&name_en, 300) {
            refuse("name", "admin.bad_name");
        }
        let (unit, unit_en) = (label(&self.unit, 40), text(&self.unit_en));
        let unit_kind = UnitKind::parse(&self.unit_kind);
        let direction = Direction::parse(&self.direction);
        if unit.is_none() || bad_label(&unit_en, 40) || unit_kind.is_none() || direction.is_none() {
            refuse("unit", "admin.bad_unit");
        }
        // A group or parent is optional; one that is sent must be a positive id (that
        // it exists, in this term, is checked against the term before saving).
        let mut link = |name: &str, value: &str| {
            let value = text(value)?;
            let id = value.parse::<i64>().ok().filter(|v| *v > 0);
            if id.is_none() {
                refuse(name, "admin.bad_link");
            }
            id
        };
        let (group_id, parent_id) = (
            link("group_id", &self.group_id),
            link("parent_id", &self.parent_id),
        );
        match (code, name, unit, unit_kind, direction) {
            (Some(code), Some(name), Some(unit), Some(unit_kind), Some(direction))
                if errors.is_empty() =>
            {
                Ok(IndicatorInput {
                    definition: Indicator {
                        code,
                        name,
                        name_en,
                        unit: Unit {
                            kind: unit_kind,
                            label: unit,
                            label_en: unit_en,
                        },
                        direction,
                    },
                    group_id,
                    parent_id,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The group and parent of indicator `id` (none: a new one) as typed, checked
/// against its term: reasons by field, none when both may be saved.
fn link_errors(input: &IndicatorInput, data: &TermData, id: Option<i64>, l: Locale) -> Errors {
    let mut errors = Errors::new();
    // An archived group is not offered any more; an indicator already in it may
    // keep it.
    let current_group = id
        .and_then(|id| data.indicator(IndicatorId::new(id)))
        .and_then(|c| c.group_id);
    let group_ok = |g: i64| {
        data.group(Some(g))
            .is_some_and(|grp| !grp.archived || Some(g) == current_group)
    };
    if input.group_id.is_some_and(|g| !group_ok(g)) {
        errors.insert("group_id".to_string(), l.t("admin.bad_link").to_string());
    }
    if input
        .parent_id
        .is_some_and(|p| Some(p) == id || data.indicator(IndicatorId::new(p)).is_none())
    {
        errors.insert("parent_id".to_string(), l.t("admin.bad_link").to_string());
    }
    errors
}

/// A term's working data (drafts included), as the admin edits its definitions.
async fn term_data(state: &AppState, term: i64) -> Result<Arc<TermData>, FormError> {
    let data = state.db.term_data_as(term, Figures::Working).await?;
    data.ok_or(FormError::NotFound)
}

/// The term of indicator `id` and its working data.
async fn term_of(state: &AppState, id: i64) -> Result<(i64, Arc<TermData>), FormError> {
    let term = state.db.term_of_indicator(id).await?;
    let term = term.ok_or(FormError::NotFound)?;
    Ok((term, term_data(state, term).await?))
}

/// Saves the definition posted from `page` as indicator `id` (none: a new one) of
/// `term`.
async fn save_indicator(
    state: &AppState,
    l: Locale,
    post: Post<ManageDefinitions, IndicatorForm>,
    (term, data): (i64, &TermData),
    id: Option<i64>,
    page: &str,
) -> Result<Response, FormError> {
    let refusal = Refusal::on(page, &post.fields).fix_errors(l);
    let input = post
        .form
        .check(l)
        .and_then(|i| match link_errors(&i, data, id, l) {
            errors if errors.is_empty() => Ok(i),
            errors => Err(errors),
        })
        .map_err(|errors| refusal.clone().fields(errors))?;
    let id = state
        .db
        .save_indicator(term, id, &input, &form_actor(&post.user))
        .await
        .map_err(taken(refusal, "code", "admin.code_taken", l))?;
    Ok(see_other(&format!("/admin/indicators/{id}?saved=1")))
}

pub(super) async fn create_indicator(
    State(state): State<AppState>,
    Lang(l): Lang,
    PagePath(term): PagePath<i64>,
    post: Post<ManageDefinitions, IndicatorForm>,
) -> Result<Response, FormError> {
    let data = term_data(&state, term).await?;
    let page = format!("/admin/terms/{term}");
    save_indicator(&state, l, post, (term, &data), None, &page).await
}

pub(super) async fn update_indicator(
    State(state): State<AppState>,
    Lang(l): Lang,
    PagePath(id): PagePath<i64>,
    post: Post<ManageDefinitions, IndicatorForm>,
) -> Result<Response, FormError> {
    let (term, data) = term_of(&state, id).await?;
    let page = format!("/admin/indicators/{id}");
    save_indicator(&state, l, post, (term, &data), Some(id), &page).await
}

impl TargetForm {
    /// The target typed (none: the indicator has no target) for an indicator counted
    /// in `unit`, or the field refused and the reason's key.
    fn check(&self, unit: UnitKind) -> Result<Option<Target>, (&'static str, &'static str)> {
        let kind = self.kind.trim();
        if kind.is_empty() || kind == "none" {
            return Ok(None);
        }
        // The value is checked against the unit, as a figure is: a count target is a
        // whole number, a percentage within ±1000 %.
        let value = parse_value(&self.value, unit);
        let quote = text(&self.quote);
        match (TargetKind::parse(kind), value) {
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
}

pub(super) async fn set_target(
    State(state): State<AppState>,
    Lang(l): Lang,
    PagePath(id): PagePath<i64>,
    post: Post<ManageDefinitions, TargetForm>,
) -> Result<Response, FormError> {
    let page = format!("/admin/indicators/{id}");
    let (_, data) = term_of(&state, id).await?;
    let indicator = data
        .indicator(IndicatorId::new(id))
        .ok_or(FormError::NotFound)?;
    let unit = indicator.definition.unit.kind;
    let target = post.form.check(unit).map_err(|(name, key)| {
        Refusal::on(&page, &post.fields)
            .field(name, l.t(key))
            .fix_errors(l)
    })?;
    state
        .db
        .set_target(id, target, &form_actor(&post.user))
        .await?;
    Ok(see_other(&format!("{page}?saved=1")))
}

pub(super) async fn archive_indicator(
    State(state): State<AppState>,
    PagePath((id, change)): PagePath<(i64, Archiving)>,
    post: Post<ManageDefinitions, NoFields>,
) -> Result<Response, FormError> {
    let Some(term) = state.db.term_of_any_indicator(id).await? else {
        return Err(FormError::NotFound);
    };
    let actor = form_actor(&post.user);
    match state
        .db
        .set_archived(Archivable::Indicator, id, change.archived(), &actor)
        .await?
    {
        true => Ok(see_other(&format!("/admin/terms/{term}"))),
        false => Err(FormError::NotFound),
    }
}
