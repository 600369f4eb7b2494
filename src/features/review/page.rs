//! `/review`: the approver's queue of submitted figures, filtered by term, year and
//! group; each card with what the figure is weighed against, decided one by one or
//! several at once.

use crate::domain::{Action, TermId};
use crate::features::review::data::get_review_page;
use crate::features::review::view::{ReviewFilter, ReviewItemView, card_id};
use crate::present::feedback::FormFeedback;
use crate::ui::page::{Heading, loaded, refusal};
use crate::ui::route::query;
use crate::ui::session::{CsrfField, current_user, form_feedback};
use crate::ui::use_locale;
use leptos::prelude::*;

/// The id of the form that approves several figures; the cards' boxes belong to it.
const BULK: &str = "bulk";

/// The filter the address asks for; a value that is not a number is no filter.
fn filter_of_query() -> ReviewFilter {
    let number = |name: &str| query(name).and_then(|v| v.trim().parse::<i64>().ok());
    ReviewFilter {
        term: query("term").and_then(|t| TermId::parse(&t)),
        year: number("year").and_then(|y| i32::try_from(y).ok()),
        group: number("group"),
    }
}

/// `/review`: submitted figures waiting for an approver.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let l = use_locale();
    let me = current_user();
    if let Some(refused) = refusal(me.as_ref(), Action::ReviewValues) {
        return refused;
    }
    let filter = filter_of_query();
    let page = AsyncDerived::new(move || get_review_page(l, filter));
    let csrf = me.map(|u| u.csrf).unwrap_or_default();
    let done = query("done").is_some();
    let approved = query("approved");
    let feedback = form_feedback().unwrap_or_default();
    // The summary above the cards links to the card the refusal is about.
    let refused_card = feedback.errors.keys().next().map(|k| format!("#{k}"));
    let message = feedback.message.clone();
    view! {
        <Heading text=l.t("nav.review")/>
        {done.then(|| view! { <div class="notice" role="status"><p>{l.t("review.done")}</p></div> })}
        {approved.map(|n| view! { <div class="notice" role="status"><p>{l.tf("review.approved_n", &[("n", &n)])}</p></div> })}
        {message.map(|m| view! {
            <div class="error-summary" role="alert">
                <p>{match refused_card {
                    Some(href) => view! { <a href=href>{m}</a> }.into_any(),
                    None => m.into_any(),
                }}</p>
            </div>
        })}
        {loaded(page, move |page| {
            if page.waiting == 0 {
                return view! { <p>{l.t("review.empty")}</p> }.into_any();
            }
            let shown = page.items.len();
            let cards: Vec<String> = page.items.iter().map(|it| card_id(it.indicator.id, it.period)).collect();
            view! {
                <Filter page=page.clone()/>
                <p class="muted">{l.tf("review.showing", &[("n", &shown.to_string()), ("all", &page.waiting.to_string())])}</p>
                <form id=BULK method="post" action="/review/approve" class="review-bulk">
                    <CsrfField token=csrf.clone()/>
                    {cards.iter().map(|c| view! { <input type="hidden" name="shown" value=c.clone()/> }).collect_view()}
                    <input type="hidden" name="back" value=back_query(&page.filter)/>
                    <button type="submit" name="scope" value="picked" class="button">{l.t("review.approve_picked")}</button>
                    <button type="submit" name="scope" value="all" class="button secondary">{l.tf("review.approve_all", &[("n", &shown.to_string())])}</button>
                </form>
                <ul class="review-list">
                    {page.items.iter().enumerate().map(|(k, it)| {
                        // The card after this one: the page comes back there.
                        let next = cards.get(k + 1).cloned().unwrap_or_default();
                        view! { <Card item=it.clone() next csrf=csrf.clone() feedback=feedback.clone()/> }
                    }).collect_view()}
                </ul>
            }.into_any()
        })}
    }
    .into_any()
}

/// The filter's query, carried by the bulk form so that the page comes back filtered.
fn back_query(f: &ReviewFilter) -> String {
    let mut parts = Vec::new();
    if let Some(t) = f.term {
        parts.push(format!("term={t}"));
    }
    if let Some(y) = f.year {
        parts.push(format!("year={y}"));
    }
    if let Some(g) = f.group {
        parts.push(format!("group={g}"));
    }
    parts.join("&")
}

/// Term, year and group: a plain GET form, so that a filtered page has its address.
#[component]
fn Filter(page: crate::features::review::view::ReviewPageView) -> impl IntoView {
    let l = use_locale();
    let f = page.filter;
    let any = l.t("review.filter_any");
    view! {
        <form method="get" action="/review" class="review-filter inline-form">
            <label for="f-term">{l.t("review.filter_term")}</label>
            <select id="f-term" name="term">
                <option value="">{any}</option>
                {page.terms.iter().map(|t| view! { <option value=t.id.to_string() selected=f.term == Some(t.id)>{t.name.clone()}</option> }).collect_view()}
            </select>
            <label for="f-year">{l.t("review.filter_year")}</label>
            <select id="f-year" name="year">
                <option value="">{any}</option>
                {page.years.iter().map(|y| view! { <option value=y.to_string() selected=f.year == Some(*y)>{y.to_string()}</option> }).collect_view()}
            </select>
            <label for="f-group">{l.t("review.filter_group")}</label>
            <select id="f-group" name="group">
                <option value="">{any}</option>
                {page.groups.iter().map(|(id, name)| view! { <option value=id.to_string() selected=f.group == Some(*id)>{name.clone()}</option> }).collect_view()}
            </select>
            <button type="submit" class="button secondary small">{l.t("review.filter")}</button>
            <a href="/review">{l.t("review.filter_clear")}</a>
        </form>
    }
}

/// One submitted figure: what it is weighed against, a box for the bulk approval,
/// and its own approve and return buttons.
#[component]
fn Card(item: ReviewItemView, next: String, csrf: String, feedback: FormFeedback) -> impl IntoView {
    let l = use_locale();
    let it = item;
    let card = card_id(it.indicator.id, it.period);
    let error = feedback.error(&card).filter(|e| !e.is_empty());
    let typed = feedback.field(&card).unwrap_or_default();
    let error_id = format!("{card}-error");
    let pick_id = format!("pick-{card}");
    let action = format!("/review/{}/{}", it.indicator.id, it.period.key());
    let comment_id = format!("comment-{}-{}", it.indicator.id, it.period.key());
    // Every item has the same two buttons: their names say which figure they decide,
    // for screen readers and voice control (the visible word first).
    let named = format!("{} {}", it.indicator.code, it.indicator.name);
    let which = [
        ("indicator", named.clone()),
        ("period", it.period_label.clone()),
        ("term", it.term.name.clone()),
    ];
    let which: Vec<(&str, &str)> = which.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let approve_name = l.tf("review.approve_named", &which);
    let return_name = l.tf("review.return_named", &which);
    view! {
        <li class="review-item" id=card.clone() class:has-error=error.is_some()>
            <p class="code-line">
                <input type="checkbox" form=BULK name="pick" value=card.clone() id=pick_id.clone()/>
                <label for=pick_id>{l.t("review.pick")}<span class="visually-hidden">" "{named}</span></label>
                " · "{it.term.name.clone()}" · "{it.period_label.clone()}
            </p>
            <h2><a href=format!("/indicators/{}", it.indicator.id)>{it.indicator.code.clone()}" "{it.indicator.name.clone()}</a></h2>
            <p><span class="big">{it.figure.clone()}</span>
                {it.compared.clone().map(|c| {
                    let text = match c.change {
                        Some(change) => format!("{} ({change})", c.text),
                        None => c.text,
                    };
                    view! { " "<span class="muted">{text}</span> }
                })}
            </p>
            {it.target.clone().map(|t| view! { <p><span class="muted">{l.t("review.target")}" "</span>{t}</p> })}
            {it.source.document.clone().map(|d| view! { <p class="source-doc"><span class="muted">{l.t("indicator.source_document")}": "</span>{d}</p> })}
            {it.source.quote.clone().map(|q| view! { <blockquote class="quote">{q}</blockquote> })}
            {it.note.clone().map(|n| view! { <p class="note">{n}</p> })}
            {it.by.clone().map(|b| view! { <p class="muted">{l.t("review.by")}" "{b}</p> })}
            {it.earlier_return.clone().map(|r| view! {
                <p class="review-comment">{l.tf("review.earlier_return", &[("who", &r.by), ("when", &r.when)])}" "{r.comment}</p>
            })}
            {error.clone().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
            <form method="post" action=action class="review-form">
                <CsrfField token=csrf/>
                <label for=comment_id.clone()>{l.t("review.comment")}</label>
                <input id=comment_id type="text" name="comment" value=typed
                    aria-invalid=error.is_some().then_some("true")
                    aria-describedby=error.is_some().then_some(error_id)/>
                <input type="hidden" name="next" value=next/>
                <button type="submit" name="decision" value="approve" class="button" aria-label=approve_name>{l.t("review.approve")}</button>
                <button type="submit" name="decision" value="return" class="button secondary" aria-label=return_name>{l.t("review.return")}</button>
            </form>
        </li>
    }
}
