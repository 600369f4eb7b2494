//! Pieces shared by the pages: the page frame, status badges, charts with their data
//! tables, and the error view.

use crate::domain::Action;
use crate::domain::Status;
use crate::present::views::{ChartView, StatusCount};
use crate::ui::errors::PageError;
use crate::ui::session::{CsrfField, current_user};
use crate::ui::use_locale;
use leptos::prelude::*;

/// Header, main landmark and footer around a page's content.
#[component]
pub fn Frame(children: Children) -> impl IntoView {
    let l = use_locale();
    let other = l.t("app.other_language_code");
    let user = current_user();
    view! {
        <a class="skip" href="#main">{l.t("app.skip")}</a>
        <header class="site-header">
            <div class="wrap">
                <a class="brand" href="/">
                    <span class="brand-title">{l.t("app.title")}</span>
                    <span class="brand-org">{l.t("app.org")}</span>
                </a>
                <nav aria-label=l.t("nav.main")>
                    <a href="/">{l.t("nav.home")}</a>
                    {user.clone().filter(|u| u.role.may(Action::EnterValues)).map(|_| view! { <a href="/entry">{l.t("nav.entry")}</a> })}
                    {user.clone().filter(|u| u.role.may(Action::ReviewValues)).map(|_| view! { <a href="/review">{l.t("nav.review")}</a> })}
                    {user.clone().filter(|u| u.role.may(Action::ManageDefinitions)).map(|_| view! { <a href="/admin/terms">{l.t("admin.terms")}</a> })}
                    {user.clone().filter(|u| u.role.may(Action::ManageUsers)).map(|_| view! { <a href="/admin/users">{l.t("nav.users")}</a> })}
                    <a href=format!("/lang/{other}") hreflang=other lang=other>{l.t("app.other_language")}</a>
                    {match user {
                        Some(u) => view! {
                            <form method="post" action="/logout" class="inline">
                                <CsrfField token=u.csrf.clone()/>
                                <span class="who">{u.username.clone()}</span>
                                <button type="submit" class="link-button">{l.t("account.logout")}</button>
                            </form>
                        }.into_any(),
                        None => view! { <a href="/login">{l.t("account.login")}</a> }.into_any(),
                    }}
                </nav>
            </div>
        </header>
        <main id="main" class="wrap">{children()}</main>
        <footer class="site-footer"><div class="wrap">{l.t("app.footer")}</div></footer>
    }
}

/// A status told by a symbol and words, never by colour alone.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let l = use_locale();
    let symbol = match status {
        Status::Exceeded => "▲",
        Status::Achieved => "✓",
        Status::OnTrack => "→",
        Status::AtRisk => "!",
        Status::OffTrack => "✕",
        Status::NoTarget => "–",
        Status::NoData => "?",
    };
    view! {
        <span class=format!("badge badge-{}", status.key())>
            <span class="badge-symbol" aria-hidden="true">{symbol}</span>
            {l.status(status)}
        </span>
    }
}

#[component]
pub fn StatusCounts(counts: Vec<StatusCount>) -> impl IntoView {
    view! {
        <ul class="status-counts">
            {counts
                .into_iter()
                .map(|c| view! { <li><StatusBadge status=c.status/><strong class="count">{c.count}</strong></li> })
                .collect_view()}
        </ul>
    }
}

/// An inline SVG chart, its title, and the data table that is its text alternative.
///
/// Both drawings are in the page, since the server does not know the screen: the
/// stylesheet shows the wide one, or on a phone the narrow one (labels above the bars),
/// and hides the other from everyone, screen readers included. Each scales to the width.
#[component]
pub fn ChartFigure(chart: ChartView) -> impl IntoView {
    let l = use_locale();
    let has_phone = chart.svg_phone.is_some();
    view! {
        <figure class="chart" class:has-phone=has_phone>
            <div class="chart-svg chart-wide" inner_html=chart.svg></div>
            {chart.svg_phone.map(|svg| view! { <div class="chart-svg chart-phone" inner_html=svg></div> })}
            <figcaption>
                <details>
                    <summary>{l.t("term.chart_data")}</summary>
                    <table class="chart-data">
                        <caption class="visually-hidden">{chart.title.clone()}</caption>
                        <tbody>
                            {chart
                                .table
                                .into_iter()
                                .map(|(k, v)| view! { <tr><th scope="row">{k}</th><td>{v}</td></tr> })
                                .collect_view()}
                        </tbody>
                    </table>
                </details>
            </figcaption>
        </figure>
    }
}

/// Plain download links (no script): each `(href, label)` saves a file. A page with
/// two lists names the second one (`label`), so its landmarks stay distinct.
#[component]
pub fn DownloadLinks(
    links: Vec<(String, String)>,
    #[prop(optional, into)] label: Option<String>,
) -> impl IntoView {
    let l = use_locale();
    let name = label.unwrap_or_else(|| l.t("export.downloads").to_string());
    view! {
        <nav class="downloads" aria-label=name>
            <span class="downloads-label">{l.t("export.downloads")}": "</span>
            <ul>
                {links
                    .into_iter()
                    .map(|(href, label)| view! { <li><a href=href download="">{label}</a></li> })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// The two files of a chart for [`DownloadLinks`]: PNG (slides) and SVG (print).
/// `stem` is the address without its extension; `key` the stem of the labels' locale
/// keys (`export.compare` → `export.compare_png`, `export.compare_svg`).
pub fn chart_files(l: crate::i18n::Locale, stem: &str, key: &str) -> Vec<(String, String)> {
    ["png", "svg"]
        .iter()
        .map(|ext| {
            (
                format!("{stem}.{ext}"),
                l.t(&format!("{key}_{ext}")).to_string(),
            )
        })
        .collect()
}

/// Text that Leptos (0.8) writes into the server's HTML without escaping it: a
/// textarea's content, and the page title (the app's title formatter). A note such as
/// "</textarea><script>…" would become markup, so on the server it is escaped here
/// (the browser shows the text as typed). In the browser, where it is set as text,
/// it is left as it is.
pub fn escaped_on_server(text: String) -> String {
    if cfg!(feature = "ssr") {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        text
    }
}

/// Text to put inside a `<textarea>`: see [`escaped_on_server`].
pub fn textarea_text(text: String) -> String {
    escaped_on_server(text)
}

/// What a reader sees when a page cannot be shown; also sets the HTTP status.
#[component]
pub fn ErrorView(error: PageError) -> impl IntoView {
    let l = use_locale();
    #[cfg(feature = "ssr")]
    {
        use axum::http::StatusCode;
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(match error {
                PageError::NotFound => StatusCode::NOT_FOUND,
                PageError::BadQuery => StatusCode::BAD_REQUEST,
                PageError::SignInRequired => StatusCode::UNAUTHORIZED,
                PageError::Forbidden => StatusCode::FORBIDDEN,
                PageError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
                PageError::Internal | PageError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
            });
        }
    }
    let (title, body) = match error {
        PageError::NotFound => (l.t("error.not_found_title"), l.t("error.not_found")),
        PageError::BadQuery => (l.t("error.bad_query_title"), l.t("error.bad_query")),
        PageError::SignInRequired => (l.t("error.sign_in_title"), l.t("error.sign_in")),
        PageError::Forbidden => (l.t("error.forbidden_title"), l.t("error.forbidden")),
        PageError::Unavailable => (l.t("error.unavailable_title"), l.t("error.unavailable")),
        PageError::Internal | PageError::Transport(_) => {
            (l.t("error.server_title"), l.t("error.server"))
        }
    };
    let sign_in = (error == PageError::SignInRequired)
        .then(|| view! { <p><a class="button" href="/login">{l.t("account.login")}</a></p> });
    view! {
        <leptos_meta::Title text=title/>
        <section class="error-page">
            <h1>{title}</h1>
            <p>{body}</p>
            {sign_in}
            <p><a href="/">{l.t("error.back_home")}</a></p>
        </section>
    }
}
