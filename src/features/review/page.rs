//! `/review`: the approver's queue of submitted figures.

use crate::domain::Action;
use crate::features::review::data::get_review_items;
use crate::features::review::view::card_id;
use crate::ui::page::{Heading, load, loaded, refusal};
use crate::ui::route::query;
use crate::ui::session::{CsrfField, current_user, form_feedback};
use crate::ui::use_locale;
use leptos::prelude::*;

/// `/review`: submitted figures waiting for an approver.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let l = use_locale();
    let me = current_user();
    if let Some(refused) = refusal(me.as_ref(), Action::ReviewValues) {
        return refused;
    }
    let items = load(get_review_items);
    let csrf = me.map(|u| u.csrf).unwrap_or_default();
    let done = query("done").is_some();
    let feedback = form_feedback().unwrap_or_default();
    // The summary above the cards links to the card the refusal is about.
    let refused_card = feedback.errors.keys().next().map(|k| format!("#{k}"));
    let message = feedback.message.clone();
    view! {
        <Heading text=l.t("nav.review")/>
        {done.then(|| view! { <div class="notice" role="status"><p>{l.t("review.done")}</p></div> })}
        {message.map(|m| view! {
            <div class="error-summary" role="alert">
                <p>{match refused_card {
                    Some(href) => view! { <a href=href>{m}</a> }.into_any(),
                    None => m.into_any(),
                }}</p>
            </div>
        })}
        {loaded(items, move |items| {
                        if items.is_empty() {
                            return view! { <p>{l.t("review.empty")}</p> }.into_any();
                        }
                        view! {
                            <ul class="review-list">
                                {items.iter().enumerate().map(|(k, it)| {
                                    let card = card_id(it.indicator.id, it.period);
                                    // The card after this one: the page comes back there.
                                    let next = items.get(k + 1).map(|n| card_id(n.indicator.id, n.period)).unwrap_or_default();
                                    let error = feedback.error(&card).filter(|e| !e.is_empty());
                                    let typed = feedback.field(&card).unwrap_or_default();
                                    let error_id = format!("{card}-error");
                                    let action = format!("/review/{}/{}", it.indicator.id, it.period.key());
                                    let comment_id = format!("comment-{}-{}", it.indicator.id, it.period.key());
                                    // Every item has the same two buttons: their names say
                                    // which figure they decide, for screen readers and voice
                                    // control (the visible word first).
                                    let which = [
                                        ("indicator", format!("{} {}", it.indicator.code, it.indicator.name)),
                                        ("period", it.period_label.clone()),
                                        ("term", it.term.name.clone()),
                                    ];
                                    let which: Vec<(&str, &str)> = which.iter().map(|(k, v)| (*k, v.as_str())).collect();
                                    let approve_name = l.tf("review.approve_named", &which);
                                    let return_name = l.tf("review.return_named", &which);
                                    view! {
                                        <li class="review-item" id=card.clone() class:has-error=error.is_some()>
                                            <p class="code-line">{it.term.name.clone()}" · "{it.period_label.clone()}</p>
                                            <h2><a href=format!("/indicators/{}", it.indicator.id)>{it.indicator.code.clone()}" "{it.indicator.name.clone()}</a></h2>
                                            <p><span class="big">{it.figure.clone()}</span>
                                               " "<span class="muted">{l.t("review.before")}" "{it.previous_approved.clone()}</span></p>
                                            {it.note.clone().map(|n| view! { <p class="note">{n}</p> })}
                                            {it.by.clone().map(|b| view! { <p class="muted">{l.t("review.by")}" "{b}</p> })}
                                            {it.earlier_return.clone().map(|r| view! {
                                                <p class="review-comment">{l.tf("review.earlier_return", &[("who", &r.by), ("when", &r.when)])}" "{r.comment}</p>
                                            })}
                                            {error.clone().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
                                            <form method="post" action=action class="review-form">
                                                <CsrfField token=csrf.clone()/>
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
                                }).collect_view()}
                            </ul>
                        }.into_any()
        })}
    }
    .into_any()
}
