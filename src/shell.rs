//! The Leptos application: the HTML shell and the route table of the pages. Server-rendered
//! in full (`SsrMode::Async`), so every page works without JavaScript; links and
//! plain forms do the navigation.

use crate::features::{
    AdminIndicatorPage, AdminTermPage, AdminTermsPage, EntryIndexPage, EntryPage, HomePage,
    ImportPage, IndicatorPage, LoginPage, NotFound, ReviewPage, SetupPage, TermPage, UsersPage,
};
use crate::ui::components::escaped_on_server;
use crate::ui::use_locale;
use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

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

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        // leptos_meta (0.8) copies the title into the server's HTML as it is: a name
        // such as "</title><script>…" would become markup.
        <leptos_meta::Title formatter=escaped_on_server/>
        <Stylesheet id="app-css" href=STYLESHEET/>
        <Router>
            <crate::ui::components::Frame>
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
            </crate::ui::components::Frame>
        </Router>
    }
}

/// [`shell`] as a plain function, for `AppState::shell`.
#[cfg(feature = "ssr")]
pub fn app_document(options: LeptosOptions) -> AnyView {
    shell(options).into_any()
}
