use crate::features::reading::data::get_home;
use crate::present::views::HomeView;
use crate::ui::components::{StatusBadge, StatusCounts};
use crate::ui::page::{load, loaded};
use crate::ui::use_locale;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/`: the terms, and the latest term's headline figures and status counts.
#[component]
pub fn HomePage() -> impl IntoView {
    let locale = use_locale();
    let home = load(get_home);
    view! {
        <Title text=locale.t("app.title")/>
        {loaded(home, |view| view! { <HomeBody view/> })}
    }
}

#[component]
fn HomeBody(view: HomeView) -> impl IntoView {
    let l = use_locale();
    view! {
        <h1>{l.t("home.heading")}</h1>
        <p class="lead">{l.t("home.intro")}</p>
        <section aria-labelledby="terms-heading">
            <h2 id="terms-heading">{l.t("home.terms")}</h2>
            <ul class="term-list">
                {view
                    .terms
                    .into_iter()
                    .map(|t| {
                        let counts = l.tf(
                            "home.indicators_with_values",
                            &[("with_values", &t.with_values.to_string()), ("total", &t.indicators.to_string())],
                        );
                        view! {
                            <li>
                                <a class="term-link" href=format!("/terms/{}", t.term.id)>{t.term.name}</a>
                                <span class="muted">{counts}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
        {match view.latest {
            None => view! { <p>{l.t("home.no_data")}</p> }.into_any(),
            Some(latest) => view! {
                <section aria-labelledby="headline-heading">
                    <h2 id="headline-heading">
                        {l.t("home.headline")}" — "
                        <a href=format!("/terms/{}", latest.term.id)>{latest.term.name.clone()}</a>
                    </h2>
                    <ul class="cards">
                        {latest
                            .cards
                            .into_iter()
                            .map(|c| view! {
                                <li class="card">
                                    <a href=format!("/indicators/{}", c.indicator_id)>
                                        <span class="card-figure">{c.figure}</span>
                                        <span class="card-name">{c.name}</span>
                                    </a>
                                    <StatusBadge status=c.status/>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </section>
                <section aria-labelledby="status-heading">
                    <h2 id="status-heading">{l.t("home.status_counts")}</h2>
                    <StatusCounts counts=latest.status_counts/>
                </section>
            }
            .into_any(),
        }}
    }
}
