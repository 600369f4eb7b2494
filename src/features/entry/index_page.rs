//! `/entry`: the terms and their years, as links to the entry form.

use crate::domain::Action;
use crate::features::entry::data::get_entry_terms;
use crate::ui::components::ErrorView;
use crate::ui::errors::PageError;
use crate::ui::session::current_user;
use crate::ui::use_locale;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/entry`: the terms and their years, as links to the entry form.
#[component]
pub fn EntryIndexPage() -> impl IntoView {
    let l = use_locale();
    let me = current_user();
    if !me.as_ref().is_some_and(|u| u.role.may(Action::EnterValues)) {
        let error = if me.is_some() {
            PageError::Forbidden
        } else {
            PageError::SignInRequired
        };
        return view! { <ErrorView error/> }.into_any();
    }
    let terms = AsyncDerived::new(move || get_entry_terms(l));
    view! {
        <Title text=l.t("nav.entry")/>
        <h1>{l.t("nav.entry")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match terms.await {
                    Ok(terms) => view! {
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
                    }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
