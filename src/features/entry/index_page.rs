//! `/entry`: the terms and their years, as links to the entry form.

use super::data::get_entry_terms;
use crate::domain::Action;
use crate::ui::page::{Heading, load, loaded, refusal};
use crate::ui::session::current_user;
use crate::ui::use_locale;
use leptos::prelude::*;

/// `/entry`: the terms and their years, as links to the entry form.
#[component]
pub fn EntryIndexPage() -> impl IntoView {
    let l = use_locale();
    if let Some(refused) = refusal(current_user().as_ref(), Action::EnterValues) {
        return refused;
    }
    let terms = load(get_entry_terms);
    view! {
        <Heading text=l.t("nav.entry")/>
        {loaded(terms, |terms| {
                    view! {
                        <ul class="term-list">
                            {terms.into_iter().map(|t| {
                                let years = t.years.clone();
                                view! {
                                    <li>
                                        <span class="term-link">{t.term.name.clone()}</span>
                                        <span class="year-tabs">
                                            {years.into_iter().map(|y| view! {
                                                <a href=format!("/entry/{}/{y}", t.term.id)>{y}</a>
                                            }).collect_view()}
                                        </span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
        })}
    }
    .into_any()
}
