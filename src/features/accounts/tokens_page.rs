//! The API tokens section of `/admin/users`: every token with its account, label and
//! last use, a revoke button each, and the form that issues one (shown once).

use crate::features::accounts::data::get_api_tokens;
use crate::features::accounts::view::{ApiTokenView, NewToken, UserRowView};
use crate::ui::forms::ButtonForm;
use crate::ui::page::{load, loaded};
use crate::ui::session::CsrfField;
use crate::ui::use_locale;
use leptos::prelude::*;

#[component]
pub fn TokensSection(csrf: String, users: Vec<UserRowView>) -> impl IntoView {
    let l = use_locale();
    let tokens = load(get_api_tokens);
    let issued = use_context::<NewToken>();
    let list_csrf = csrf.clone();
    view! {
        <h2 id="api-tokens">{l.t("tokens.title")}</h2>
        <p class="hint">{l.t("tokens.hint")}</p>
        {issued.map(|NewToken(token)| view! {
            <div class="notice" role="status">
                <p>{l.t("tokens.issued")}</p>
                <p><code class="token">{token}</code></p>
            </div>
        })}
        {loaded(tokens, move |tokens| {
            let none = tokens.is_empty().then(|| view! { <p>{l.t("tokens.none")}</p> });
            let rows = tokens
                .into_iter()
                .map(|t| view! { <TokenRow token=t csrf=list_csrf.clone()/> })
                .collect_view();
            view! {
                <div class="table-scroll">
                    <table>
                        <thead><tr>
                            <th scope="col">{l.t("tokens.label")}</th>
                            <th scope="col">{l.t("account.username")}</th>
                            <th scope="col">{l.t("tokens.created")}</th>
                            <th scope="col">{l.t("tokens.last_used")}</th>
                            <th scope="col"><span class="visually-hidden">{l.t("users.actions")}</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {none}
            }
        })}
        <form method="post" action="/admin/tokens" class="stack narrow">
            <CsrfField token=csrf/>
            <label for="token-user">{l.t("tokens.for")}</label>
            <select id="token-user" name="username">
                {users.into_iter().filter(|u| !u.disabled).map(|u| view! { <option value=u.username.clone()>{u.username.clone()}</option> }).collect_view()}
            </select>
            <label for="token-label">{l.t("tokens.label")}</label>
            <input id="token-label" name="label" type="text" required maxlength="100"/>
            <button type="submit" class="button">{l.t("tokens.create")}</button>
        </form>
    }
}

/// One token: its name, account, dates, and its revoke button while it is live.
#[component]
fn TokenRow(token: ApiTokenView, csrf: String) -> impl IntoView {
    let l = use_locale();
    let t = token;
    let named = t.label.clone();
    let action = if t.revoked {
        view! { <span class="muted">{l.t("tokens.revoked")}</span> }.into_any()
    } else {
        view! {
            <ButtonForm action=format!("/admin/tokens/{}/revoke", t.id) csrf>
                {l.t("tokens.revoke")}<span class="visually-hidden">" "{named}</span>
            </ButtonForm>
        }
        .into_any()
    };
    view! {
        <tr>
            <th scope="row">{t.label}</th>
            <td>{t.username}</td>
            <td>{t.created}</td>
            <td>{t.last_used}</td>
            <td>{action}</td>
        </tr>
    }
}
