//! The audit history shown on the indicator and term pages.

use crate::features::reading::history_data::get_history;
use crate::present::views::HistoryOf;
use crate::ui::session::current_user;
use crate::ui::use_locale;
use leptos::prelude::*;

/// Who changed what, for signed-in staff: the audit history of an indicator (figures,
/// definition, target) or of a term (locks, corrections, archiving). Readers who are
/// not signed in see none of it.
#[component]
pub fn History(of: HistoryOf) -> impl IntoView {
    let l = use_locale();
    current_user()?;
    let rows = AsyncDerived::new(move || get_history(of, l));
    let title = match of {
        HistoryOf::Indicator(_) => l.t("history.title"),
        HistoryOf::Term(_) => l.t("history.term_title"),
    };
    Some(view! {
        <section aria-labelledby="history-heading">
            <h2 id="history-heading">{title}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match rows.await {
                        Ok(rows) if rows.is_empty() => view! { <p>{l.t("history.empty")}</p> }.into_any(),
                        Ok(rows) => view! {
                            <div class="table-scroll">
                                <table class="history">
                                    <thead><tr>
                                        <th scope="col">{l.t("history.when")}</th>
                                        <th scope="col">{l.t("history.who")}</th>
                                        <th scope="col">{l.t("history.what")}</th>
                                        <th scope="col">{l.t("indicator.col_period")}</th>
                                        <th scope="col">{l.t("history.change")}</th>
                                    </tr></thead>
                                    <tbody>
                                        {rows.into_iter().map(|r| view! {
                                            <tr>
                                                <td>{r.at}</td>
                                                <td>{r.who}</td>
                                                <td>{r.action}{r.note.map(|n| view! { <p class="note">{n}</p> })}</td>
                                                <td>{r.period}</td>
                                                <td class="num">{r.change}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any(),
                        Err(_) => ().into_any(),
                    }
                })}
            </Suspense>
        </section>
    })
}
