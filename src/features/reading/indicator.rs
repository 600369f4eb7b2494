use crate::domain::IndicatorId;
use crate::features::reading::data::get_indicator_page;
use crate::features::reading::history::History;
use crate::features::reading::term::{IndicatorRow, IndicatorsHead};
use crate::present::views::{HistoryOf, IndicatorPageView, SourceView};
use crate::ui::components::{ChartFigure, DownloadLinks, StatusBadge, chart_files};
use crate::ui::route::route_id;
use crate::ui::use_locale;
use leptos::prelude::*;
use leptos_meta::Title;

// `/indicators/{id}`: figures with sources, charts, and the status explained.
crate::loading_page! { IndicatorPage, route_id(IndicatorId::parse), get_indicator_page, IndicatorBody }

#[component]
fn Source(source: SourceView) -> impl IntoView {
    let l = use_locale();
    view! {
        {source.document.map(|d| view! { <p class="source-doc"><span class="muted">{l.t("indicator.source_document")}": "</span>{d}</p> })}
        {source.quote.map(|q| view! { <blockquote class="quote">"“"{q}"”"</blockquote> })}
    }
}

#[component]
fn IndicatorBody(view: IndicatorPageView) -> impl IntoView {
    let l = use_locale();
    let place = view.place;
    let back = l.tf("indicator.back_to_term", &[("term", &place.term.name)]);
    let id = view.indicator.id;
    let downloads = chart_files(l, &format!("/charts/indicators/{id}"), "export.chart");
    let breakdown_downloads = chart_files(
        l,
        &format!("/charts/indicators/{id}/breakdown"),
        "export.breakdown",
    );
    let compare_downloads = chart_files(
        l,
        &format!("/charts/indicators/{id}/compare"),
        "export.compare",
    );
    view! {
        <Title text=format!("{} · {}", view.indicator.name, l.t("app.title"))/>
        <nav class="breadcrumb" aria-label=l.t("nav.breadcrumb")>
            <a href="/">{l.t("nav.home")}</a>" › "
            <a href=format!("/terms/{}", place.term.id)>{place.term.name.clone()}</a>
            {place.parent.map(|p| view! { " › "<a href=format!("/indicators/{}", p.id)>{p.name}</a> })}
        </nav>
        <p class="code-line"><span class="code">{view.indicator.code.clone()}</span>{place.group.map(|g| view! { " · "{g} })}</p>
        <h1>{view.indicator.name.clone()}</h1>
        <dl class="summary">
            <div><dt>{l.t("indicator.target")}</dt><dd>{view.progress.target.clone()}</dd></div>
            <div><dt>{l.t("indicator.result")}</dt><dd class="big">{view.progress.result.clone()}</dd></div>
            <div><dt>{l.t("indicator.percent")}</dt><dd>{view.progress.percent.clone()}</dd></div>
            <div><dt>{l.t("indicator.status")}</dt><dd><StatusBadge status=view.progress.status/></dd></div>
            <div><dt>{l.t("indicator.unit")}</dt><dd>{view.unit.clone()}</dd></div>
        </dl>
        <section class="why" aria-labelledby="why-heading">
            <h2 id="why-heading">{l.t("indicator.why")}</h2>
            <ul>{view.why.reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            {view.why.target_source.map(|s| view! { <div class="target-source"><Source source=s/></div> })}
        </section>
        {view.charts.figures.map(|chart| view! { <ChartFigure chart/> })}
        <DownloadLinks links=downloads/>
        {(!view.children.is_empty()).then(|| view! {
            <section aria-labelledby="breakdown-heading">
                <h2 id="breakdown-heading">{l.t("indicator.breakdown")}</h2>
                {view.charts.breakdown.clone().map(|chart| view! {
                    <ChartFigure chart/>
                    <DownloadLinks links=breakdown_downloads label=l.t("export.breakdown_downloads")/>
                })}
                <div class="table-scroll">
                    <table class="indicators">
                        <IndicatorsHead/>
                        <tbody>{view.children.clone().into_iter().map(|row| view! { <IndicatorRow row/> }).collect_view()}</tbody>
                    </table>
                </div>
            </section>
        })}
        {view.charts.compare.map(|chart| view! {
            <section aria-labelledby="compare-heading" class="compare">
                <h2 id="compare-heading">{l.t("compare.heading")}</h2>
                <p class="note">{l.t("compare.note")}</p>
                <ChartFigure chart/>
                <DownloadLinks links=compare_downloads label=l.t("export.compare_downloads")/>
            </section>
        })}
        <section aria-labelledby="values-heading">
            <h2 id="values-heading">{l.t("indicator.values")}</h2>
            {if view.values.rows.is_empty() {
                view! { <p>{l.t("indicator.no_values")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="values">
                            <caption class="visually-hidden">{l.t("indicator.values_caption")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{l.t("indicator.col_period")}</th>
                                    <th scope="col" class="num">{l.t("indicator.col_value")}</th>
                                    <th scope="col">{l.t("indicator.col_source")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {view.values.rows.into_iter().map(|v| view! {
                                    <tr>
                                        <th scope="row">{v.period}</th>
                                        <td class="num result">{v.figure}</td>
                                        <td>
                                            <Source source=v.source/>
                                            {v.note.map(|n| view! { <p class="note"><span class="muted">{l.t("indicator.note")}": "</span>{n}</p> })}
                                        </td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <p class="muted">{view.values.changed}</p>
        </section>
        <History of=HistoryOf::Indicator(id)/>
        <p class="back"><a href=format!("/terms/{}", place.term.id)>{back}</a></p>
    }
}
