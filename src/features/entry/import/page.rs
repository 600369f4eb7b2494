//! `/import/{term}/{year}`: download a template, upload it filled, check every row
//! (or read every problem), then confirm.

use crate::domain::TermId;
use crate::features::entry::import::data::get_import_page;
use crate::features::entry::import::view::{ImportOutcome, ImportPageView, ImportRowView};
use crate::features::entry::page::route_term_year;
use crate::ui::session::{CsrfField, current_user};
use crate::ui::use_locale;
use leptos::prelude::*;
use leptos_meta::Title;

crate::loading_page! { ImportPage, route_term_year(), |(term, year), l| get_import_page(term, year, l), ImportBody }

#[component]
fn ImportBody(view: ImportPageView) -> impl IntoView {
    let l = use_locale();
    let csrf = current_user().map(|u| u.csrf).unwrap_or_default();
    let outcome = use_context::<ImportOutcome>();
    let (term, year) = (view.term.id, view.year);
    let title = l.tf(
        "import_page.title",
        &[("term", &view.term.name), ("year", &year.to_string())],
    );
    view! {
        <Title text=title.clone()/>
        <nav class="breadcrumb" aria-label=l.t("nav.breadcrumb")>
            <a href="/">{l.t("nav.home")}</a>" › "<a href=format!("/entry/{term}/{year}")>{l.t("nav.entry")}</a>
        </nav>
        <h1>{title}</h1>
        {outcome.clone().map(|o| view! { <Outcome outcome=o term year csrf=csrf.clone()/> })}
        <h2>{l.t("import_page.step_template")}</h2>
        <p>
            <a href=format!("/import/{term}/{year}/template.xlsx") download="">{l.t("import_page.template_xlsx")}</a>" · "
            <a href=format!("/import/{term}/{year}/template.csv") download="">{l.t("import_page.template_csv")}</a>
        </p>
        <h2>{l.t("import_page.step_upload")}</h2>
        <form method="post" action=format!("/import/{term}/{year}") enctype="multipart/form-data" class="stack narrow">
            <CsrfField token=csrf.clone()/>
            <label for="file">{l.t("import_page.file")}</label>
            <p class="hint">{l.t("import_page.file_hint")}</p>
            <input id="file" name="file" type="file" accept=".xlsx,.csv" required/>
            <button type="submit" class="button">{l.t("import_page.check")}</button>
        </form>
    }
}

#[component]
fn Outcome(outcome: ImportOutcome, term: TermId, year: i32, csrf: String) -> impl IntoView {
    let summary = outcome.message.clone().map(|message| {
        view! {
            <div class="error-summary" role="alert">
                <h2>{message}</h2>
                <ul>{outcome.problems.clone().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
        }
    });
    // A conflict shows the preview again with the figures stored now, for the clerk
    // to confirm over them or cancel; a file with problems has no rows to show.
    let preview = (!outcome.rows.is_empty()).then(|| view! { <Preview outcome term year csrf/> });
    view! { {summary} {preview} }
}

#[component]
fn Preview(outcome: ImportOutcome, term: TermId, year: i32, csrf: String) -> impl IntoView {
    let l = use_locale();
    let count = outcome.rows.len();
    let replacing = outcome
        .rows
        .iter()
        .filter(|r| r.replaces.is_some() && !r.unchanged)
        .count();
    view! {
        <section class="preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{l.tf("import_page.preview", &[("n", &count.to_string()), ("file", &outcome.file_name)])}</h2>
            {(replacing > 0).then(|| view! { <p class="notice warning">{l.tf("import_page.replacing", &[("n", &replacing.to_string())])}</p> })}
            <form method="post" action=format!("/import/{term}/{year}/confirm")>
                <CsrfField token=csrf/>
                <input type="hidden" name="rows" value=count.to_string()/>
                <input type="hidden" name="file" value=outcome.file_name.clone()/>
                <div class="table-scroll">
                    <table>
                        <thead><tr>
                            <th scope="col">{l.t("import_page.line")}</th>
                            <th scope="col">{l.t("term.col_indicator")}</th>
                            <th scope="col" class="num">{l.t("import_page.col_stored")}</th>
                            <th scope="col" class="num">{l.t("import_page.col_file")}</th>
                            <th scope="col">{l.t("indicator.note")}</th>
                        </tr></thead>
                        <tbody>
                            {outcome.rows.into_iter().enumerate().map(|(n, r)| view! { <PreviewRow n row=r/> }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p>{l.t("import_page.confirm_hint")}</p>
                <div class="actions">
                    <button type="submit" class="button">{l.tf("import_page.confirm", &[("n", &count.to_string())])}</button>
                    // Nothing is stored before the confirm: cancelling is leaving.
                    <a class="button secondary" href=format!("/entry/{term}/{year}")>{l.t("import_page.cancel")}</a>
                </div>
            </form>
        </section>
    }
}

#[component]
fn PreviewRow(n: usize, row: ImportRowView) -> impl IntoView {
    let l = use_locale();
    let mark = match (&row.replaces, row.unchanged) {
        (Some(_), true) => Some(("unchanged", l.t("import_page.unchanged"))),
        (Some(_), false) => Some(("replaces", l.t("import_page.replaces"))),
        (None, _) => None,
    };
    let stored = row
        .replaces
        .clone()
        .unwrap_or_else(|| l.t("import_page.none_stored").to_string());
    view! {
        <tr class=mark.map(|(class, _)| class)>
            <td>{row.line}</td>
            <th scope="row"><span class="code">{row.code.clone()}</span>" "{row.name}</th>
            <td class="num">{stored}</td>
            <td class="num result">
                {row.figure}
                {mark.map(|(_, word)| view! { <br/><small class="mark">{word}</small> })}
            </td>
            <td>
                {row.note.clone()}
                <input type="hidden" name=format!("line_{n}") value=row.line.to_string()/>
                <input type="hidden" name=format!("code_{n}") value=row.code/>
                <input type="hidden" name=format!("value_{n}") value=row.value/>
                <input type="hidden" name=format!("q_{n}") value=row.qualifier/>
                <input type="hidden" name=format!("n_{n}") value=row.note/>
                <input type="hidden" name=format!("d_{n}") value=row.document/>
                <input type="hidden" name=format!("s_{n}") value=row.quote/>
                <input type="hidden" name=format!("ver_{n}") value=row.version.to_string()/>
            </td>
        </tr>
    }
}
