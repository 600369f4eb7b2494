//! Sign-in and first-run setup pages. Both post plain forms; the server answers
//! with a redirect, or with this page again showing what went wrong.

use crate::ui::page::Heading;
use crate::ui::route::query;
use crate::ui::session::{CsrfField, form_feedback};
use crate::ui::use_locale;
use leptos::prelude::*;

/// Token for the forms of visitors who are not signed in: a cookie plus the same
/// value in the form (double submit). Set here, checked by the form handler.
fn anonymous_csrf() -> String {
    #[cfg(feature = "ssr")]
    {
        use axum::http::{HeaderValue, header};
        let token = crate::web::auth::secret::token();
        let cookie = format!(
            "{}={token}; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict",
            crate::web::auth::csrf::ANON_COOKIE
        );
        if let (Some(response), Ok(value)) = (
            use_context::<leptos_axum::ResponseOptions>(),
            HeaderValue::from_str(&cookie),
        ) {
            response.append_header(header::SET_COOKIE, value);
        }
        token
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}

/// The username field of both forms, with the name typed when the page comes back
/// after a refused post.
#[component]
fn UsernameField() -> impl IntoView {
    let l = use_locale();
    let username = form_feedback()
        .and_then(|f| f.field("username"))
        .unwrap_or_default();
    view! {
        <label for="username">{l.t("account.username")}</label>
        <input id="username" name="username" type="text" autocomplete="username" required value=username/>
    }
}

#[component]
fn FormMessage() -> impl IntoView {
    form_feedback()
        .and_then(|f| f.message)
        .map(|m| view! { <div class="error-summary" role="alert"><p>{m}</p></div> })
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let l = use_locale();
    let token = anonymous_csrf();
    // After a form posted without a session, the page that held it and what was
    // typed come back as feedback, for the sign-in to carry on.
    let feedback = form_feedback();
    let next = feedback
        .as_ref()
        .and_then(|f| f.field("next"))
        .or_else(|| query("next"))
        .filter(|n| n.starts_with('/') && !n.starts_with("//"));
    let kept = feedback
        .and_then(|f| f.field("kept"))
        .filter(|k| !k.is_empty());
    view! {
        <Heading text=l.t("account.login_title")/>
        <FormMessage/>
        <form class="stack narrow" method="post" action="/login">
            <CsrfField token/>
            <input type="hidden" name="next" value=next.unwrap_or_else(|| "/".to_string())/>
            {kept.map(|kept| view! { <input type="hidden" name="kept" value=kept/> })}
            <UsernameField/>
            <label for="password">{l.t("account.password")}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required/>
            <button type="submit" class="button">{l.t("account.login")}</button>
        </form>
    }
}

#[component]
pub fn SetupPage() -> impl IntoView {
    let l = use_locale();
    let csrf = anonymous_csrf();
    let setup_token = query("token").unwrap_or_default();
    view! {
        <Heading text=l.t("account.setup_title")/>
        <p class="lead">{l.t("account.setup_intro")}</p>
        <FormMessage/>
        <form class="stack narrow" method="post" action="/setup">
            <CsrfField token=csrf/>
            <input type="hidden" name="token" value=setup_token/>
            <UsernameField/>
            <label for="password">{l.t("account.new_password")}</label>
            <p class="hint" id="password-hint">{l.t("account.password_hint")}</p>
            <input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="password-hint"/>
            <button type="submit" class="button">{l.t("account.create_admin")}</button>
        </form>
    }
}
