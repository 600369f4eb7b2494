//! The Leptos application: the HTML shell, the routes and the pages. Server-rendered
//! in full (`SsrMode::Async`), so every page works without JavaScript; links and
//! plain forms do the navigation.

#[cfg(feature = "ssr")]
pub mod build;
pub mod components;
pub mod data;
pub mod data_admin;
pub mod data_staff;
pub mod errors;
pub mod pages;
pub mod session_view;
#[cfg(feature = "ssr")]
pub mod state;
pub mod views;

use crate::i18n::Locale;
use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};
use pages::{
    AdminIndicatorPage, AdminTermPage, AdminTermsPage, EntryIndexPage, EntryPage, HomePage,
    ImportPage, IndicatorPage, LoginPage, NotFound, ReviewPage, SetupPage, TermPage, UsersPage,
};

/// Path of the stylesheet; the query changes with the build so caches refresh.
pub const STYLESHEET: &str = concat!("/assets/app.css?v=", env!("CARGO_PKG_VERSION"));

/// The HTML document around the app. No hydration scripts: the browser bundle
/// cannot be built on this machine, and the pages do not need it.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let _ = options;
    let locale = use_locale();
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="preload" href="/assets/fonts/NotoSans-Regular.ttf" r#as="font" r#type="font/ttf" crossorigin=""/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// leptos_meta (0.8) copies the title into the server's HTML as it is: a name such
/// as "</title><script>…" would become markup. On the server it is escaped here; in
/// the browser `document.title` takes plain text, so it is left alone.
fn title_text(text: String) -> String {
    if cfg!(feature = "ssr") {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        text
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <leptos_meta::Title formatter=title_text/>
        <Stylesheet id="app-css" href=STYLESHEET/>
        <Router>
            <components::Frame>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/terms/:id") view=TermPage ssr=SsrMode::Async/>
                    <Route path=path!("/indicators/:id") view=IndicatorPage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/setup") view=SetupPage ssr=SsrMode::Async/>
                    <Route path=path!("/entry") view=EntryIndexPage ssr=SsrMode::Async/>
                    <Route path=path!("/entry/:term/:year") view=EntryPage ssr=SsrMode::Async/>
                    <Route path=path!("/import/:term/:year") view=ImportPage ssr=SsrMode::Async/>
                    <Route path=path!("/review") view=ReviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users") view=UsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/terms") view=AdminTermsPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/terms/:id") view=AdminTermPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/indicators/:id") view=AdminIndicatorPage ssr=SsrMode::Async/>
                </Routes>
            </components::Frame>
        </Router>
    }
}

/// Name of the cookie that remembers the reader's language.
pub const LANG_COOKIE: &str = "lang";

/// The reader's language: the `lang` cookie when set, Vietnamese otherwise.
pub fn use_locale() -> Locale {
    if let Some(locale) = use_context::<Locale>() {
        return locale;
    }
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<axum::http::request::Parts>() {
        return locale_from_headers(&parts.headers);
    }
    Locale::Vi
}

#[cfg(feature = "ssr")]
pub fn locale_from_headers(headers: &axum::http::HeaderMap) -> Locale {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == LANG_COOKIE)
        .and_then(|(_, v)| Locale::from_code(v))
        .unwrap_or_default()
}
