//! Staff pages: choosing a year to enter, the approver's review queue, and the
//! admin's accounts page.

use crate::app::components::ErrorView;
use crate::app::data::get_home;
use crate::app::data_staff::{get_review_items, get_users};
use crate::app::errors::PageError;
use crate::app::session_view::{CsrfField, current_user, form_feedback};
use crate::app::use_locale;
use crate::domain::{Action, Role};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/entry`: the terms and their years, as links to the entry form.
#[component]
pub fn EntryIndexPage() -> impl IntoView {
    let l = use_locale();
    let me = current_user();
    if !me.as_ref().is_some_and(|u| u.role.may(Action::EnterValues)) {
        let error = if me.is_some() {
            PageError::Forbidden
        } else {
            PageError::SignInRequired
        };
        return view! { <ErrorView error/> }.into_any();
    }
    let home = AsyncDerived::new(move || get_home(l));
    view! {
        <Title text=l.t("nav.entry")/>
        <h1>{l.t("nav.entry")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match home.await {
                    Ok(view) => view! {
                        <ul class="term-list">
                            {view.terms.into_iter().map(|t| {
                                let years = t.years.clone();
                                view! {
                                    <li>
                                        <span class="term-link">{t.term.name.clone()}</span>
                                        <span class="year-tabs">
                                            {years.into_iter().map(|y| view! {
                                                <a href=format!("/entry/{}/{y}", t.term.id)>{y}</a>
                                            }).collect_view()}
                                        </span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// `/review`: submitted figures waiting for an approver.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let l = use_locale();
    let me = current_user();
    if !me
        .as_ref()
        .is_some_and(|u| u.role.may(Action::ReviewValues))
    {
        let error = if me.is_some() {
            PageError::Forbidden
        } else {
            PageError::SignInRequired
        };
        return view! { <ErrorView error/> }.into_any();
    }
    let items = AsyncDerived::new(move || get_review_items(l));
    let csrf = me.map(|u| u.csrf).unwrap_or_default();
    let done = use_query_map().read_untracked().get("done").is_some();
    let message = form_feedback().and_then(|f| f.message);
    view! {
        <Title text=l.t("nav.review")/>
        <h1>{l.t("nav.review")}</h1>
        {done.then(|| view! { <div class="notice" role="status"><p>{l.t("review.done")}</p></div> })}
        {message.map(|m| view! { <div class="error-summary" role="alert"><p>{m}</p></div> })}
        <Suspense fallback=|| ()>
            {move || {
                let csrf = csrf.clone();
                Suspend::new(async move {
                    match items.await {
                        Ok(items) if items.is_empty() => view! { <p>{l.t("review.empty")}</p> }.into_any(),
                        Ok(items) => view! {
                            <ul class="review-list">
                                {items.into_iter().map(|it| {
                                    let action = format!("/review/{}/{}", it.indicator_id, it.period);
                                    let comment_id = format!("comment-{}-{}", it.indicator_id, it.period);
                                    // Every item has the same two buttons: their names say
                                    // which figure they decide, for screen readers and voice
                                    // control (the visible word first).
                                    let which = [
                                        ("indicator", format!("{} {}", it.code, it.name)),
                                        ("period", it.period_label.clone()),
                                        ("term", it.term.name.clone()),
                                    ];
                                    let which: Vec<(&str, &str)> = which.iter().map(|(k, v)| (*k, v.as_str())).collect();
                                    let approve_name = l.tf("review.approve_named", &which);
                                    let return_name = l.tf("review.return_named", &which);
                                    view! {
                                        <li class="review-item">
                                            <p class="code-line">{it.term.name.clone()}" · "{it.period_label.clone()}</p>
                                            <h2><a href=format!("/indicators/{}", it.indicator_id)>{it.code.clone()}" "{it.name.clone()}</a></h2>
                                            <p><span class="big">{it.figure.clone()}</span>
                                               " "<span class="muted">{l.t("review.before")}" "{it.previous_approved.clone()}</span></p>
                                            {it.note.clone().map(|n| view! { <p class="note">{n}</p> })}
                                            {it.by.clone().map(|b| view! { <p class="muted">{l.t("review.by")}" "{b}</p> })}
                                            <form method="post" action=action class="review-form">
                                                <CsrfField token=csrf.clone()/>
                                                <label for=comment_id.clone()>{l.t("review.comment")}</label>
                                                <input id=comment_id type="text" name="comment"/>
                                                <button type="submit" name="decision" value="approve" class="button" aria-label=approve_name>{l.t("review.approve")}</button>
                                                <button type="submit" name="decision" value="return" class="button secondary" aria-label=return_name>{l.t("review.return")}</button>
                                            </form>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// `/admin/users`: accounts, and a form to create one.
#[component]
pub fn UsersPage() -> impl IntoView {
    let l = use_locale();
    let users = AsyncDerived::new(get_users);
    let me = current_user();
    if !me.as_ref().is_some_and(|u| u.role.may(Action::ManageUsers)) {
        let error = if me.is_some() {
            PageError::Forbidden
        } else {
            PageError::SignInRequired
        };
        return view! { <ErrorView error/> }.into_any();
    }
    let csrf = me.as_ref().map(|u| u.csrf.clone()).unwrap_or_default();
    let feedback = form_feedback().unwrap_or_default();
    let created = use_query_map().read_untracked().get("created").is_some();
    let field_error = |name: &str| {
        feedback
            .error(name)
            .map(|e| view! { <p class="field-error">{e}</p> })
    };
    let chosen_role = feedback
        .field("role")
        .unwrap_or_else(|| "editor".to_string());
    view! {
        <Title text=l.t("nav.users")/>
        <h1>{l.t("nav.users")}</h1>
        {created.then(|| view! { <div class="notice" role="status"><p>{l.t("users.created")}</p></div> })}
        <Suspense fallback=|| ()>
            {move || {
                let csrf = csrf.clone();
                Suspend::new(async move {
                    match users.await {
                        Ok(users) => view! {
                            <table class="users">
                                <thead><tr><th scope="col">{l.t("account.username")}</th><th scope="col">{l.t("users.role")}</th><th scope="col">{l.t("users.status")}</th><th scope="col"><span class="visually-hidden">{l.t("users.actions")}</span></th></tr></thead>
                                <tbody>
                                    {users.into_iter().map(|u| {
                                        let change = if u.disabled { "enable" } else { "disable" };
                                        view! {
                                            <tr>
                                                <th scope="row">{u.username.clone()}</th>
                                                <td>{l.t(&format!("role.{}", u.role))}</td>
                                                <td>{if u.disabled { l.t("users.disabled") } else { l.t("users.active") }}</td>
                                                <td>
                                                    <form method="post" action=format!("/admin/users/{}/{change}", u.username)>
                                                        <CsrfField token=csrf.clone()/>
                                                        <button type="submit" class="button secondary small">{l.t(&format!("users.{change}"))}<span class="visually-hidden">" "{u.username.clone()}</span></button>
                                                    </form>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
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
                {Role::ALL.iter().map(|r| view! { <option value=r.key() selected=chosen_role == r.key()>{l.t(&format!("role.{}", r.key()))}</option> }).collect_view()}
            </select>
            <label for="new-password">{l.t("account.new_password")}</label>
            <p class="hint" id="new-password-hint">{l.t("account.password_hint")}</p>
            {field_error("password")}
            <input id="new-password" name="password" type="password" autocomplete="new-password" required aria-describedby="new-password-hint"/>
            <button type="submit" class="button">{l.t("users.create")}</button>
        </form>
    }
    .into_any()
}
