//! The admin's list of indicator groups on `/admin/terms`: rename, archive, restore.
//! Groups are shared by every term, so they are managed beside the terms.

use crate::features::definitions::terms_page::{described, error_of, invalid, typed};
use crate::features::definitions::view::AdminGroupRow;
use crate::ui::forms::ButtonForm;
use crate::ui::session::{CsrfField, current_user};
use crate::ui::use_locale;
use leptos::prelude::*;

#[component]
pub fn GroupList(groups: Vec<AdminGroupRow>) -> impl IntoView {
    let l = use_locale();
    let csrf = move || current_user().map(|u| u.csrf).unwrap_or_default();
    view! {
        <h2 id="groups">{l.t("admin.groups")}</h2>
        <table class="groups">
            <thead><tr>
                <th scope="col">{l.t("admin.col_code")}</th>
                <th scope="col">{l.t("admin.group_name")}</th>
                <th scope="col">{l.t("admin.col_state")}</th>
            </tr></thead>
            <tbody>
                {groups.into_iter().map(|g| {
                    let (name_key, name_en_key) = (format!("group_name_{}", g.id), format!("group_name_en_{}", g.id));
                    let code_arg = [("code", g.code.as_str())];
                    view! {
                        <tr>
                            <th scope="row" class="code">{g.code.clone()}</th>
                            <td>
                                <form method="post" action=format!("/admin/groups/{}", g.id) class="inline-form">
                                    <CsrfField token=csrf()/>
                                    <input type="hidden" name="back" value="/admin/terms"/>
                                    {error_of(&name_key)}
                                    <label class="visually-hidden" for=name_key.clone()>{l.tf("admin.group_name_of", &code_arg)}</label>
                                    <input id=name_key.clone() name=name_key.clone() type="text" required value=typed(&name_key, &g.name)
                                        aria-invalid=invalid(&name_key) aria-describedby=described(&name_key)/>
                                    <label class="visually-hidden" for=name_en_key.clone()>{l.tf("admin.group_name_en_of", &code_arg)}</label>
                                    <input id=name_en_key.clone() name=name_en_key.clone() type="text" lang="en" value=typed(&name_en_key, &g.name_en)/>
                                    <button type="submit" class="button secondary small">{l.t("admin.rename_group")}</button>
                                </form>
                            </td>
                            <td>
                                {archived_word(g.archived)}
                                <ArchiveButton path=format!("/admin/groups/{}", g.id) archived=g.archived back="/admin/terms"/>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Whether a term or group is archived, in words.
pub fn archived_word(archived: bool) -> &'static str {
    let l = use_locale();
    if archived {
        l.t("admin.archived")
    } else {
        l.t("users.active")
    }
}

/// The one-button form that archives the term or group at `path` (its admin page's
/// path), or restores it when it is `archived`; the answer goes `back` there if given.
#[component]
pub fn ArchiveButton(
    path: String,
    archived: bool,
    #[prop(optional)] back: Option<&'static str>,
) -> impl IntoView {
    let l = use_locale();
    let change = if archived { "restore" } else { "archive" };
    let csrf = current_user().map(|u| u.csrf).unwrap_or_default();
    view! {
        <ButtonForm action=format!("{path}/{change}") csrf hidden=back.map(|back| ("back", back))>
            {l.t(&format!("admin.{change}"))}
        </ButtonForm>
    }
}
