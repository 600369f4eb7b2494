use crate::domain::{Action, TermId};
use crate::features::reading::data::get_term_page;
use crate::features::reading::history::History;
use crate::present::views::{HistoryOf, IndicatorRowView, TermPageView};
use crate::ui::components::{ChartFigure, DownloadLinks, StatusBadge, StatusCounts, chart_files};
use crate::ui::errors::PageError;
use crate::ui::page::{load_for, loaded};
use crate::ui::route::{query, route_id};
use crate::ui::session::{CsrfField, current_user};
use crate::ui::use_locale;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/terms/{id}`: every indicator of the term and the overview chart.
#[component]
pub fn TermPage() -> impl IntoView {
    let drafts = query("drafts").is_some();
    // No page number is page 1; anything but a page that exists is refused.
    let page = match query("page") {
        None => Some(1),
        Some(p) => p.parse::<usize>().ok().filter(|p| *p >= 1),
    };
    let page = load_for(route_id(TermId::parse), move |id, locale| async move {
        match page {
            Some(page) => get_term_page(id, locale, drafts, page).await,
            None => Err(PageError::BadQuery),
        }
    });
    loaded(page, |view| view! { <TermBody view/> })
}

#[component]
fn TermBody(view: TermPageView) -> impl IntoView {
    let l = use_locale();
    let caption = l.tf("term.caption", &[("term", &view.term.name)]);
    let id = view.term.id;
    let mut downloads = vec![
        (
            format!("/export/terms/{id}.pdf"),
            l.t("export.meeting_pdf").to_string(),
        ),
        (
            format!("/export/terms/{id}.xlsx"),
            l.t("export.data_xlsx").to_string(),
        ),
        (
            format!("/export/terms/{id}.csv"),
            l.t("export.data_csv").to_string(),
        ),
    ];
    downloads.extend(chart_files(
        l,
        &format!("/charts/terms/{id}/overview"),
        "export.chart",
    ));
    view! {
        <Title text=format!("{} · {}", view.term.name, l.t("app.title"))/>
        <nav class="breadcrumb" aria-label=l.t("nav.breadcrumb")>
            <a href="/">{l.t("nav.home")}</a>
        </nav>
        <h1>{view.term.name.clone()}</h1>
        <p class="lead">{view.years}" · "<span class="muted">{view.changed}</span></p>
        <StaffBar id=view.term.id locked=view.locked drafts=view.drafts/>
        <StatusCounts counts=view.status_counts/>
        <DownloadLinks links=downloads/>
        {match view.table.chart {
            Some(chart) => view! { <ChartFigure chart/> }.into_any(),
            None => view! { <p class="note">{l.t("term.no_targets_chart")}</p> }.into_any(),
        }}
        <h2>{l.t("term.indicators")}</h2>
        <div class="table-scroll">
            <table class="indicators">
                <caption class="visually-hidden">{caption}</caption>
                <IndicatorsHead/>
                {view
                    .table
                    .groups
                    .into_iter()
                    .map(|g| view! {
                        <tbody>
                            <tr class="group-row"><th colspan="6" scope="colgroup">{g.name}</th></tr>
                            {g.rows.into_iter().map(|row| view! { <IndicatorRow row/> }).collect_view()}
                        </tbody>
                    })
                    .collect_view()}
            </table>
        </div>
        <Pager id=view.term.id page=view.table.page pages=view.table.pages drafts=view.drafts/>
        <History of=HistoryOf::Term(view.term.id)/>
    }
}

/// Links between the pages of a long term table (plain links, no script).
#[component]
fn Pager(id: TermId, page: usize, pages: usize, drafts: bool) -> impl IntoView {
    let l = use_locale();
    let link = move |p: usize| {
        format!(
            "/terms/{id}?page={p}{}",
            if drafts { "&drafts=1" } else { "" }
        )
    };
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=l.t("term.pages")>
                <p>{l.tf("term.page_of", &[("page", &page.to_string()), ("pages", &pages.to_string())])}</p>
                <ul>
                    {(page > 1).then(|| view! { <li><a href=link(page - 1) rel="prev">{l.t("term.previous")}</a></li> })}
                    {(1..=pages).map(|p| {
                        let current = (p == page).then_some("page");
                        view! { <li><a href=link(p) aria-current=current>{p}</a></li> }
                    }).collect_view()}
                    {(page < pages).then(|| view! { <li><a href=link(page + 1) rel="next">{l.t("term.next")}</a></li> })}
                </ul>
            </nav>
        }
    })
}

/// For signed-in staff: show drafts or approved figures; lock or unlock the term.
#[component]
fn StaffBar(id: TermId, locked: bool, drafts: bool) -> impl IntoView {
    let l = use_locale();
    let user = current_user()?;
    let toggle = if drafts {
        view! { <a href=format!("/terms/{id}")>{l.t("term.show_approved")}</a> }.into_any()
    } else {
        view! { <a href=format!("/terms/{id}?drafts=1")>{l.t("term.show_drafts")}</a> }.into_any()
    };
    let lock = user.role.may(Action::LockTerm).then(|| {
        let (value, label) = if locked {
            ("0", l.t("term.unlock"))
        } else {
            ("1", l.t("term.lock"))
        };
        view! {
            <form method="post" action=format!("/terms/{id}/lock") class="inline">
                <CsrfField token=user.csrf.clone()/>
                <input type="hidden" name="lock" value=value/>
                <button type="submit" class="button secondary small">{label}</button>
            </form>
        }
    });
    Some(view! {
        <div class="staff-bar">
            {drafts.then(|| view! { <p class="notice warning">{l.t("term.drafts_shown")}</p> })}
            {locked.then(|| view! { <span class="badge badge-locked">{l.t("term.locked")}</span> })}
            {toggle}
            {lock}
        </div>
    })
}

/// The column headings of a table of [`IndicatorRow`]s (a term's indicators, a
/// parent's breakdown).
#[component]
pub fn IndicatorsHead() -> impl IntoView {
    let l = use_locale();
    view! {
        <thead>
            <tr>
                <th scope="col">{l.t("term.col_code")}</th>
                <th scope="col">{l.t("term.col_indicator")}</th>
                <th scope="col">{l.t("term.col_target")}</th>
                <th scope="col" class="num">{l.t("term.col_result")}</th>
                <th scope="col" class="num">{l.t("term.col_percent")}</th>
                <th scope="col">{l.t("term.col_status")}</th>
            </tr>
        </thead>
    }
}

/// One indicator as a table row; also used for a parent's breakdown.
#[component]
pub fn IndicatorRow(row: IndicatorRowView) -> impl IntoView {
    let (indicator, progress) = (row.indicator, row.progress);
    view! {
        <tr class:child=row.is_child>
            <td class="code">{indicator.code}</td>
            <th scope="row" class="name"><a href=format!("/indicators/{}", indicator.id)>{indicator.name}</a></th>
            <td class="target">{progress.target}</td>
            <td class="num result">
                {progress.result}
                {row.state.map(|s| view! { <span class=format!("state state-{}", s.key())>{use_locale().value_state(s)}</span> })}
            </td>
            <td class="num percent">{progress.percent}</td>
            <td class="status"><StatusBadge status=progress.status/></td>

        </tr>
    }
}
