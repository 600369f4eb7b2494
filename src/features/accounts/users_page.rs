//! `/admin/users`: the admin's accounts page.

use crate::domain::{Action, Role};
use crate::features::accounts::data::{get_review_rule, get_users};
use crate::features::accounts::tokens_page::TokensSection;
use crate::ui::forms::ButtonForm;
use crate::ui::page::{Heading, loaded, refusal};
use crate::ui::route::query;
use crate::ui::session::{CsrfField, current_user, form_feedback};
use crate::ui::use_locale;
use leptos::prelude::*;

/// `/admin/users`: accounts, and a form to create one.
#[component]
pub fn UsersPage() -> impl IntoView {
    let l = use_locale();
    let users = AsyncDerived::new(get_users);
    let me = current_user();
    if let Some(refused) = refusal(me.as_ref(), Action::ManageUsers) {
        return refused;
    }
    let csrf = me.as_ref().map(|u| u.csrf.clone()).unwrap_or_default();
    let rule_csrf = csrf.clone();
    let feedback = form_feedback().unwrap_or_default();
    let created = query("created").is_some();
    let field_error = |name: &str| {
        feedback
            .error(name)
            .map(|e| view! { <p class="field-error">{e}</p> })
    };
    let chosen_role = feedback
        .field("role")
        .unwrap_or_else(|| "editor".to_string());
    view! {
        <Heading text=l.t("nav.users")/>
        {created.then(|| view! { <div class="notice" role="status"><p>{l.t("users.created")}</p></div> })}
        {loaded(users, move |users| {
                        view! {
                            <table class="users">
                                <thead><tr><th scope="col">{l.t("account.username")}</th><th scope="col">{l.t("users.role")}</th><th scope="col">{l.t("users.status")}</th><th scope="col"><span class="visually-hidden">{l.t("users.actions")}</span></th></tr></thead>
                                <tbody>
                                    {users.into_iter().map(|u| {
                                        let change = if u.disabled { "enable" } else { "disable" };
                                        view! {
                                            <tr>
                                                <th scope="row">{u.username.clone()}</th>
                                                <td>{l.role(u.role)}</td>
                                                <td>{if u.disabled { l.t("users.disabled") } else { l.t("users.active") }}</td>
                                                <td>
                                                    <ButtonForm action=format!("/admin/users/{}/{change}", u.username) csrf=csrf.clone()>
                                                        {l.t(&format!("users.{change}"))}<span class="visually-hidden">" "{u.username.clone()}</span>
                                                    </ButtonForm>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }
        })}
        <h2>{l.t("users.new")}</h2>
        {feedback.message.clone().map(|m| view! { <div class="error-summary" role="alert"><p>{m}</p></div> })}
        <form method="post" action="/admin/users" class="stack narrow">
            <CsrfField token=me.map(|u| u.csrf).unwrap_or_default()/>
            <label for="new-username">{l.t("account.username")}</label>
            {field_error("username")}
            <input id="new-username" name="username" type="text" autocomplete="off" required value=feedback.field("username").unwrap_or_default()/>
            <label for="new-role">{l.t("users.role")}</label>
            {field_error("role")}
            <select id="new-role" name="role">
                {Role::ALL.iter().map(|r| view! { <option value=r.key() selected=chosen_role == r.key()>{l.role(*r)}</option> }).collect_view()}
            </select>
            <label for="new-password">{l.t("account.new_password")}</label>
            <p class="hint" id="new-password-hint">{l.t("account.password_hint")}</p>
            {field_error("password")}
            <input id="new-password" name="password" type="password" autocomplete="new-password" required aria-describedby="new-password-hint"/>
            <button type="submit" class="button">{l.t("users.create")}</button>
        </form>
        <ReviewRule csrf=rule_csrf.clone()/>
        {loaded(AsyncDerived::new(get_users), move |users| view! { <TokensSection csrf=rule_csrf.clone() users/> })}
    }
    .into_any()
}

/// The separation of duties, said in words, with the button that turns it over.
#[component]
fn ReviewRule(csrf: String) -> impl IntoView {
    let l = use_locale();
    let rule = AsyncDerived::new(get_review_rule);
    view! {
        <h2 id="review-rule">{l.t("users.review_rule")}</h2>
        {loaded(rule, move |on| {
            let (state, change, button) = if on {
                ("users.rule_on", "disable", "users.rule_turn_off")
            } else {
                ("users.rule_off", "enable", "users.rule_turn_on")
            };
            view! {
                <p>{l.t(state)}</p>
                <ButtonForm action=format!("/admin/settings/separation-of-duties/{change}") csrf=csrf.clone()>
                    {l.t(button)}
                </ButtonForm>
            }
        })}
    }
}
