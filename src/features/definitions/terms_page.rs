//! `/admin/terms` and `/admin/terms/{id}`: the admin creates and archives terms,
//! groups and indicators.

use crate::domain::{Direction, TermId, UnitKind};
use crate::features::definitions::data::{get_admin_term, get_admin_terms};
use crate::features::definitions::groups_page::{ArchiveButton, GroupList, archived_word};
use crate::features::definitions::indicator_page::IndicatorFields;
use crate::features::definitions::view::{AdminTermView, AdminTermsView, TermEditView};
use crate::ui::page::{Heading, load, loaded};
use crate::ui::route::{query, route_id};
use crate::ui::session::{CsrfField, current_user, form_feedback};
use crate::ui::use_locale;
use leptos::prelude::*;
use leptos_meta::Title;

fn csrf() -> String {
    current_user().map(|u| u.csrf).unwrap_or_default()
}

/// A field's error message, if the last post of this page had one; its id is what
/// [`described`] names, so that a screen reader reads it with the field.
pub fn error_of(name: &str) -> Option<impl IntoView + use<>> {
    let id = format!("{name}-error");
    form_feedback()
        .and_then(|f| f.error(name))
        .map(|e| view! { <p class="field-error" id=id>{e}</p> })
}

/// `aria-invalid` of a field the last post got wrong.
pub fn invalid(name: &str) -> Option<&'static str> {
    form_feedback().and_then(|f| f.error(name)).map(|_| "true")
}

/// `aria-describedby` of a field the last post got wrong: its error message.
pub fn described(name: &str) -> Option<String> {
    form_feedback()
        .and_then(|f| f.error(name))
        .map(|_| format!("{name}-error"))
}

/// What was typed in a field, if the page comes back after a refused post.
pub fn typed(name: &str, stored: &str) -> String {
    form_feedback()
        .and_then(|f| f.field(name))
        .unwrap_or_else(|| stored.to_string())
}

#[component]
pub fn AdminTermsPage() -> impl IntoView {
    let l = use_locale();
    let terms = load(get_admin_terms);
    view! {
        <Heading text=l.t("admin.terms")/>
        {loaded(terms, move |AdminTermsView { terms, groups }| {
                        let choices = terms.clone();
                        view! {
                            <table>
                                <thead><tr><th scope="col">{l.t("indicator.term")}</th><th scope="col">{l.t("users.status")}</th><th scope="col"><span class="visually-hidden">{l.t("admin.actions")}</span></th></tr></thead>
                                <tbody>
                                    {terms.into_iter().map(|t| {
                                        view! {
                                            <tr>
                                                <th scope="row"><a href=format!("/admin/terms/{}", t.id)>{t.name}</a></th>
                                                <td>{archived_word(t.archived)}</td>
                                                <td><ArchiveButton path=format!("/admin/terms/{}", t.id) archived=t.archived/></td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                            <h2>{l.t("admin.new_term")}</h2>
                            {form_feedback().and_then(|f| f.message).map(|m| view! { <div class="error-summary" role="alert"><p>{m}</p></div> })}
                            <form method="post" action="/admin/terms" class="stack narrow">
                                <CsrfField token=csrf()/>
                                <label for="term-name">{l.t("admin.term_name")}</label>
                                {error_of("name")}
                                <input id="term-name" name="name" type="text" required value=typed("name", "") aria-invalid=invalid("name") aria-describedby=described("name")/>
                                <label for="term-name-en">{l.t("admin.name_en")}</label>
                                <input id="term-name-en" name="name_en" type="text" value=typed("name_en", "")/>
                                <label for="term-start">{l.t("admin.start_year")}</label>
                                {error_of("start_year")}
                                <input id="term-start" name="start_year" type="text" inputmode="numeric" required value=typed("start_year", "") aria-invalid=invalid("start_year") aria-describedby=described("start_year")/>
                                <label for="term-end">{l.t("admin.end_year")}</label>
                                <input id="term-end" name="end_year" type="text" inputmode="numeric" required value=typed("end_year", "")/>
                                <label for="term-copy">{l.t("admin.copy_from")}</label>
                                <select id="term-copy" name="copy_from">
                                    <option value="">{l.t("admin.copy_none")}</option>
                                    {choices.into_iter().map(|t| view! { <option value=t.id.to_string()>{t.name}</option> }).collect_view()}
                                </select>
                                <button type="submit" class="button">{l.t("admin.create_term")}</button>
                            </form>
                            <GroupList groups/>
                        }
        })}
    }
}

crate::loading_page! { AdminTermPage, route_id(TermId::parse), get_admin_term, AdminTermBody }

#[component]
fn AdminTermBody(view: AdminTermView) -> impl IntoView {
    let l = use_locale();
    let id = view.term.id;
    let saved = query("saved").is_some();
    view! {
        <Title text=view.term.name.clone()/>
        <nav class="breadcrumb" aria-label=l.t("nav.breadcrumb")><a href="/admin/terms">{l.t("admin.terms")}</a></nav>
        <h1>{view.term.name.clone()}</h1>
        {form_feedback().and_then(|f| f.message).map(|m| view! { <div class="error-summary" role="alert"><p>{m}</p></div> })}
        {saved.then(|| view! { <div class="notice" role="status"><p>{l.t("admin.saved")}</p></div> })}
        <table class="indicators">
            <thead><tr><th scope="col">{l.t("term.col_code")}</th><th scope="col">{l.t("term.col_indicator")}</th><th scope="col">{l.t("indicator.unit")}</th><th scope="col">{l.t("term.col_target")}</th></tr></thead>
            <tbody>
                {view.indicators.into_iter().map(|i| view! {
                    <tr class:child=i.is_child>
                        <td class="code">{i.indicator.code}</td>
                        <th scope="row" class="name"><a href=format!("/admin/indicators/{}", i.indicator.id)>{i.indicator.name}</a></th>
                        <td>{i.unit}</td>
                        <td class="target">{i.target}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        {(!view.archived.is_empty()).then(|| view! {
            <h2>{l.t("admin.archived_indicators")}</h2>
            <ul class="plain">
                {view.archived.clone().into_iter().map(|(aid, label)| view! {
                    <li>
                        <form method="post" action=format!("/admin/indicators/{aid}/state/restore") class="inline">
                            <CsrfField token=csrf()/>
                            <span>{label}</span>
                            <button type="submit" class="button secondary small">{l.t("admin.restore")}</button>
                        </form>
                    </li>
                }).collect_view()}
            </ul>
        })}
        <h2>{l.t("admin.new_indicator")}</h2>
        <form method="post" action=format!("/admin/terms/{id}/indicators") class="stack narrow">
            <CsrfField token=csrf()/>
            <IndicatorFields code=String::new() name=String::new() name_en=String::new() unit=String::new() unit_en=String::new()
                unit_kind=UnitKind::Count direction=Direction::HigherIsBetter group_id=None parent_id=None
                groups=view.groups.clone() parents=view.parents.clone()/>
            <button type="submit" class="button">{l.t("admin.create_indicator")}</button>
        </form>
        <h2>{l.t("admin.new_group")}</h2>
        <form method="post" action="/admin/groups" class="stack narrow">
            <CsrfField token=csrf()/>
            <input type="hidden" name="back" value=format!("/admin/terms/{id}")/>
            <label for="group-code">{l.t("admin.group_code")}</label>
            {error_of("group_code")}
            <input id="group-code" name="group_code" type="text" required value=typed("group_code", "") aria-invalid=invalid("group_code") aria-describedby=described("group_code")/>
            <label for="group-name">{l.t("admin.group_name")}</label>
            <input id="group-name" name="group_name" type="text" required value=typed("group_name", "")/>
            <label for="group-name-en">{l.t("admin.name_en")}</label>
            <input id="group-name-en" name="group_name_en" type="text" value=typed("group_name_en", "")/>
            <button type="submit" class="button secondary">{l.t("admin.create_group")}</button>
        </form>
        <TermEditForm id edit=view.edit/>
    }
}

/// Corrects the term's name and years. Its fields are named "edit_…", apart from the
/// new-term form's, so that a refused post fills in only its own form.
#[component]
fn TermEditForm(id: TermId, edit: TermEditView) -> impl IntoView {
    let l = use_locale();
    view! {
        <h2>{l.t("admin.edit_term")}</h2>
        <form method="post" action=format!("/admin/terms/{id}") class="stack narrow">
            <CsrfField token=csrf()/>
            <label for="edit-term-name">{l.t("admin.term_name")}</label>
            {error_of("edit_name")}
            <input id="edit-term-name" name="edit_name" type="text" required value=typed("edit_name", &edit.name)
                aria-invalid=invalid("edit_name") aria-describedby=described("edit_name")/>
            <label for="edit-term-name-en">{l.t("admin.name_en")}</label>
            <input id="edit-term-name-en" name="edit_name_en" type="text" lang="en" value=typed("edit_name_en", &edit.name_en)/>
            <label for="edit-term-start">{l.t("admin.start_year")}</label>
            {error_of("edit_start_year")}
            <input id="edit-term-start" name="edit_start_year" type="text" inputmode="numeric" required
                value=typed("edit_start_year", &edit.start_year.to_string())
                aria-invalid=invalid("edit_start_year") aria-describedby=described("edit_start_year")/>
            <label for="edit-term-end">{l.t("admin.end_year")}</label>
            <input id="edit-term-end" name="edit_end_year" type="text" inputmode="numeric" required
                value=typed("edit_end_year", &edit.end_year.to_string())
                aria-invalid=invalid("edit_start_year") aria-describedby=described("edit_start_year")/>
            <button type="submit" class="button secondary">{l.t("admin.save_term")}</button>
        </form>
    }
}
