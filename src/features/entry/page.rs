//! `/entry/{term}/{year}`: the yearly entry form. One form lists every indicator of
//! the term with last year's figure beside it; saving stores all or nothing.

use super::form::Part;
use crate::domain::{IndicatorId, Qualifier, TermId, ValueState};
use crate::features::entry::data::get_entry_page;
use crate::features::entry::view::{EntryPageView, EntryRowView};
use crate::ui::route::{query, route_param};
use crate::ui::session::{CsrfField, current_user, form_feedback};
use crate::ui::use_locale;
use leptos::prelude::*;
use leptos_meta::Title;

/// The term and year of the route (`/entry/{term}/{year}`, `/import/{term}/{year}`).
pub fn route_term_year() -> impl Fn() -> Option<(TermId, i32)> + Copy + Send + Sync + 'static {
    let term = route_param("term", TermId::parse);
    let year = route_param("year", |y| y.parse::<i32>().ok());
    move || Some((term()?, year()?))
}

crate::loading_page! { EntryPage, route_term_year(), |(term, year), l| get_entry_page(term, year, l), EntryForm }

#[component]
fn Notice() -> impl IntoView {
    let l = use_locale();
    // Only a count is shown: a link cannot put words of its own into the notice.
    let count = |k: &str| query(k).filter(|n| n.parse::<u32>().is_ok());
    let saved = count("saved").map(|n| l.tf("entry.saved", &[("n", &n)]));
    let submitted = count("submitted").map(|n| l.tf("entry.submitted", &[("n", &n)]));
    let resubmitted = count("resubmitted").map(|_| l.t("entry.resubmitted").to_string());
    saved
        .or(submitted)
        .or(resubmitted)
        .map(|text| view! { <div class="notice" role="status"><p>{text}</p></div> })
}

#[component]
fn EntryForm(view: EntryPageView) -> impl IntoView {
    let l = use_locale();
    let csrf = current_user().map(|u| u.csrf).unwrap_or_default();
    let feedback = form_feedback().unwrap_or_default();
    let term_id = view.term.term.id;
    let year = view.year;
    let title = l.tf(
        "entry.title",
        &[("term", &view.term.term.name), ("year", &year.to_string())],
    );
    let error_count = feedback.errors.len();
    // Each returned figure has its own small form (outside the big one, which HTML
    // does not let nest), posted by the button on its row.
    let returned: Vec<(IndicatorId, i64)> = view
        .rows
        .iter()
        .filter(|r| r.stored.state == Some(ValueState::Returned))
        .map(|r| (r.indicator.id, r.stored.version))
        .collect();
    view! {
        <Title text=title.clone()/>
        <nav class="breadcrumb" aria-label=l.t("nav.breadcrumb")>
            <a href="/">{l.t("nav.home")}</a>" › "<a href="/entry">{l.t("nav.entry")}</a>
        </nav>
        <h1>{title}</h1>
        <nav class="year-tabs" aria-label=l.t("entry.years")>
            {view.term.years.iter().map(|y| {
                let current = (*y == year).then_some("page");
                view! { <a href=format!("/entry/{term_id}/{y}") aria-current=current>{*y}</a> }
            }).collect_view()}
        </nav>
        <Notice/>
        {view.locked.then(|| view! { <div class="notice warning" role="status"><p>{l.t("entry.locked")}</p></div> })}
        {feedback.message.clone().map(|m| view! {
            <div class="error-summary" role="alert" tabindex="-1">
                <h2>{m}</h2>
                {(error_count > 0).then(|| view! { <p>{l.t("entry.nothing_saved")}</p> })}
            </div>
        })}
        <p class="hint">{l.t("entry.hint")}" "<a href=format!("/import/{term_id}/{year}")>{l.t("entry.import_link")}</a></p>
        <form method="post" action=format!("/entry/{term_id}/{year}") class="entry-form">
            <CsrfField token=csrf.clone()/>
            <div class="table-scroll">
                <table class="entry">
                    <thead>
                        <tr>
                            <th scope="col">{l.t("term.col_indicator")}</th>
                            <th scope="col" class="num">{l.tf("entry.previous", &[("year", &(year - 1).to_string())])}</th>
                            <th scope="col">{l.tf("entry.value", &[("year", &year.to_string())])}</th>
                            <th scope="col">{l.t("entry.details")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {view.rows.into_iter().map(|row| view! { <EntryRow row feedback=feedback.clone() disabled=view.locked year/> }).collect_view()}
                    </tbody>
                </table>
            </div>
            <button type="submit" class="button" disabled=view.locked>{l.t("entry.save")}</button>
        </form>
        <form method="post" action=format!("/entry/{term_id}/{year}/submit") class="submit-form">
            <CsrfField token=csrf.clone()/>
            <p>{l.tf("entry.unsubmitted", &[("n", &view.unsubmitted.to_string())])}</p>
            <button type="submit" class="button secondary" disabled=view.locked || view.unsubmitted == 0>{l.t("entry.submit")}</button>
            {(!returned.is_empty()).then(|| view! { <p class="hint">{l.t("entry.returned_kept")}</p> })}
        </form>
        {returned.into_iter().map(|(id, version)| view! {
            <form id=resubmit_form(id) method="post" action=format!("/entry/{term_id}/{year}/resubmit")>
                <CsrfField token=csrf.clone()/>
                <input type="hidden" name="indicator" value=id.to_string()/>
                <input type="hidden" name="version" value=version.to_string()/>
            </form>
        }).collect_view()}
    }
}

/// The id of the form that sends one returned figure back for approval.
fn resubmit_form(id: IndicatorId) -> String {
    format!("resubmit-{id}")
}

#[component]
fn EntryRow(
    row: EntryRowView,
    feedback: crate::ui::session::FormFeedback,
    disabled: bool,
    year: i32,
) -> impl IntoView {
    let l = use_locale();
    // On a phone the table head is hidden; the stylesheet shows this label instead.
    let previous_label = l.tf("entry.previous", &[("year", &(year - 1).to_string())]);
    let id = row.indicator.id;
    let resubmit_label = l.tf(
        "entry.resubmit_named",
        &[("indicator", &row.indicator.code)],
    );
    let typed = |part: Part, stored: String| feedback.field(&part.name(id)).unwrap_or(stored);
    let stored = row.stored;
    let value = typed(Part::Value, stored.value);
    let qualifier = typed(Part::Qualifier, stored.qualifier.key().to_string());
    // An empty field stands for none, as the form posts it.
    let note = typed(Part::Note, stored.note.unwrap_or_default());
    let document = typed(Part::Document, stored.source.document.unwrap_or_default());
    let quote = typed(Part::Quote, stored.source.quote.unwrap_or_default());
    let version = typed(Part::Version, stored.version.to_string());
    let error = feedback.error(&Part::Value.name(id));
    let input_id = Part::Value.name(id);
    let error_id = format!("{}-error", Part::Value.name(id));
    let state = stored
        .state
        .map(|s| (format!("state state-{}", s.key()), l.value_state(s)));
    view! {
        <tr class:child=row.is_child class:has-error=error.is_some()>
            <th scope="row" class="name">
                <label for=input_id.clone()><span class="code">{row.indicator.code}</span>" "{row.indicator.name}</label>
                <span class="muted unit">" ("{row.unit.clone()}")"</span>
                {state.map(|(class, s)| view! { <span class=class>{s}</span> })}
                {stored.review_comment.map(|c| view! { <p class="review-comment">{l.t("entry.returned_because")}" "{c}</p> })}
                {(stored.state == Some(ValueState::Returned) && !disabled).then(|| view! {
                    <button type="submit" form=resubmit_form(id) class="button secondary small"
                        aria-label=resubmit_label>{l.t("entry.resubmit")}</button>
                })}
            </th>
            <td class="num previous" data-label=previous_label>{row.previous}</td>
            <td class="value">
                {error.clone().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
                <input
                    id=input_id
                    name=Part::Value.name(id)
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    value=value
                    disabled=disabled
                    aria-invalid=error.is_some().then_some("true")
                    aria-describedby=error.is_some().then_some(error_id)
                />
                <input type="hidden" name=Part::Version.name(id) value=version/>
                <select name=Part::Qualifier.name(id) aria-label=l.t("entry.qualifier") disabled=disabled>
                    {Qualifier::ALL.iter().map(|q| view! {
                        <option value=q.key() selected=qualifier == q.key()>{l.t(&format!("entry.qualifier_{}", q.key()))}</option>
                    }).collect_view()}
                </select>
            </td>
            <td class="details">
                <details>
                    <summary>{l.t("entry.add_details")}</summary>
                    <label>{l.t("indicator.note")}<textarea name=Part::Note.name(id) rows="2">{crate::ui::components::textarea_text(note)}</textarea></label>
                    <label>{l.t("indicator.source_document")}<input type="text" name=Part::Document.name(id) value=document/></label>
                    <label>{l.t("indicator.source_quote")}<textarea name=Part::Quote.name(id) rows="2">{crate::ui::components::textarea_text(quote)}</textarea></label>
                </details>
            </td>
        </tr>
    }
}
