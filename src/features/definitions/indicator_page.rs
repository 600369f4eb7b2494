//! `/admin/indicators/{id}`: edit an indicator's definition, set its target (the old
//! one stays as history), archive it.

use crate::domain::{Direction, IndicatorId, TargetKind, UnitKind};
use crate::features::definitions::data::get_admin_indicator;
use crate::features::definitions::terms_page::{described, error_of, invalid, typed};
use crate::features::definitions::view::AdminIndicatorView;
use crate::ui::route::{query, route_id};
use crate::ui::session::{CsrfField, current_user, form_feedback};
use crate::ui::use_locale;
use leptos::prelude::*;
use leptos_meta::Title;

/// The form's word for "no target in figures", beside the target kinds' own words.
const NO_TARGET: &str = "none";

/// The definition fields, shared by the create and edit forms.
#[component]
pub fn IndicatorFields(
    code: String,
    name: String,
    name_en: String,
    unit: String,
    unit_en: String,
    unit_kind: UnitKind,
    direction: Direction,
    group_id: Option<i64>,
    parent_id: Option<IndicatorId>,
    groups: Vec<(i64, String)>,
    parents: Vec<(IndicatorId, String)>,
) -> impl IntoView {
    let l = use_locale();
    let unit_kind = typed("unit_kind", unit_kind.key());
    let direction = typed("direction", direction.key());
    let group = typed(
        "group_id",
        &group_id.map(|g| g.to_string()).unwrap_or_default(),
    );
    let parent = typed(
        "parent_id",
        &parent_id.map(|p| p.to_string()).unwrap_or_default(),
    );
    view! {
        <label for="ind-code">{l.t("term.col_code")}</label>
        {error_of("code")}
        <input id="ind-code" name="code" type="text" required value=typed("code", &code) aria-invalid=invalid("code") aria-describedby=described("code")/>
        <label for="ind-name">{l.t("admin.indicator_name")}</label>
        {error_of("name")}
        <input id="ind-name" name="name" type="text" required value=typed("name", &name) aria-invalid=invalid("name") aria-describedby=described("name")/>
        <label for="ind-name-en">{l.t("admin.name_en")}</label>
        <input id="ind-name-en" name="name_en" type="text" value=typed("name_en", &name_en)/>
        <label for="ind-unit">{l.t("indicator.unit")}</label>
        {error_of("unit")}
        <input id="ind-unit" name="unit" type="text" required value=typed("unit", &unit) aria-invalid=invalid("unit") aria-describedby=described("unit")/>
        <label for="ind-unit-en">{l.t("admin.unit_en")}</label>
        <input id="ind-unit-en" name="unit_en" type="text" value=typed("unit_en", &unit_en)/>
        <label for="ind-kind">{l.t("admin.unit_kind")}</label>
        <select id="ind-kind" name="unit_kind">
            {UnitKind::ALL.map(|k| k.key()).map(|k| view! { <option value=k selected=unit_kind == k>{l.t(&format!("admin.unit_kind_{k}"))}</option> }).collect_view()}
        </select>
        <label for="ind-direction">{l.t("admin.direction")}</label>
        <select id="ind-direction" name="direction">
            {Direction::ALL.map(|d| d.key()).map(|d| view! { <option value=d selected=direction == d>{l.t(&format!("admin.{d}"))}</option> }).collect_view()}
        </select>
        <label for="ind-group">{l.t("indicator.group")}</label>
        <select id="ind-group" name="group_id">
            <option value="">"—"</option>
            {groups.into_iter().map(|(id, g)| view! { <option value=id.to_string() selected=group == id.to_string()>{g}</option> }).collect_view()}
        </select>
        <label for="ind-parent">{l.t("indicator.parent")}</label>
        <select id="ind-parent" name="parent_id">
            <option value="">"—"</option>
            {parents.into_iter().map(|(id, p)| view! { <option value=id.to_string() selected=parent == id.to_string()>{p}</option> }).collect_view()}
        </select>
    }
}

crate::loading_page! { AdminIndicatorPage, route_id(IndicatorId::parse), get_admin_indicator, AdminIndicatorBody }

#[component]
fn AdminIndicatorBody(view: AdminIndicatorView) -> impl IntoView {
    let l = use_locale();
    let csrf = current_user().map(|u| u.csrf).unwrap_or_default();
    let id = view.id;
    let saved = query("saved").is_some();
    let kind = typed("kind", view.target_kind.map_or(NO_TARGET, TargetKind::key));
    view! {
        <Title text=view.name.clone()/>
        <nav class="breadcrumb" aria-label=l.t("nav.breadcrumb")>
            <a href="/admin/terms">{l.t("admin.terms")}</a>" › "<a href=format!("/admin/terms/{}", view.term.id)>{view.term.name.clone()}</a>
        </nav>
        <h1>{view.code.clone()}" "{view.name.clone()}</h1>
        {saved.then(|| view! { <div class="notice" role="status"><p>{l.t("admin.saved")}</p></div> })}
        {form_feedback().and_then(|f| f.message).map(|m| view! { <div class="error-summary" role="alert"><p>{m}</p></div> })}
        <h2>{l.t("admin.definition")}</h2>
        <form method="post" action=format!("/admin/indicators/{id}") class="stack narrow">
            <CsrfField token=csrf.clone()/>
            <IndicatorFields code=view.code.clone() name=view.name.clone() name_en=view.name_en.clone() unit=view.unit.clone()
                unit_en=view.unit_en.clone() unit_kind=view.unit_kind direction=view.direction
                group_id=view.group_id parent_id=view.parent_id groups=view.groups.clone() parents=view.parents.clone()/>
            <button type="submit" class="button">{l.t("admin.save")}</button>
        </form>
        <h2>{l.t("indicator.target")}</h2>
        <form method="post" action=format!("/admin/indicators/{id}/target") class="stack narrow">
            <CsrfField token=csrf.clone()/>
            <label for="target-kind">{l.t("admin.target_kind")}</label>
            <select id="target-kind" name="kind">
                {std::iter::once(NO_TARGET).chain(TargetKind::ALL.map(TargetKind::key)).map(|k| view! { <option value=k selected=kind == k>{l.t(&format!("admin.target_{k}"))}</option> }).collect_view()}
            </select>
            <label for="target-value">{l.t("admin.target_value")}</label>
            {error_of("value")}
            <input id="target-value" name="value" type="text" inputmode="decimal" value=typed("value", &view.target_value) aria-invalid=invalid("value") aria-describedby=described("value")/>
            <label for="target-quote">{l.t("admin.target_quote")}</label>
            <textarea id="target-quote" name="quote" rows="2">{crate::ui::components::textarea_text(typed("quote", &view.target_quote))}</textarea>
            <button type="submit" class="button">{l.t("admin.set_target")}</button>
        </form>
        <h3>{l.t("admin.target_history")}</h3>
        <table>
            <thead><tr><th scope="col">{l.t("indicator.target")}</th><th scope="col">{l.t("admin.recorded")}</th><th scope="col">{l.t("admin.superseded")}</th></tr></thead>
            <tbody>
                {view.targets.into_iter().map(|t| view! {
                    <tr><td>{t.text}{t.quote.map(|q| view! { <p class="note">{q}</p> })}</td><td>{t.recorded}</td><td>{t.superseded.unwrap_or_else(|| "—".into())}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <form method="post" action=format!("/admin/indicators/{id}/state/archive")>
            <CsrfField token=csrf/>
            <button type="submit" class="button secondary">{l.t("admin.archive_indicator")}</button>
        </form>
    }
}
