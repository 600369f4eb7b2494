//! The review workflow made airtight: a returned figure stays returned until its
//! editor changes it or sends it again on purpose, the return comment reaches the
//! approver when the figure comes back, nobody approves a figure they changed
//! themselves, and a program can send its figures for approval through the API.

use crate::common;

use common::TestApp;
use common::browser::{Visitor, csrf_of};
use common::by_code;
use resolution_dashboard::db::Figures;
use resolution_dashboard::domain::{IndicatorId, Period, ValueState};
use serde_json::Value;

mod bulk;
mod duties;
mod model;
mod races;
mod returns;
mod session_end;

/// A committee office: a clerk, a leader, and the 2020–2025 term.
pub(super) struct Office {
    pub clerk: Visitor,
    pub leader: Visitor,
    pub term: i64,
    pub list: Vec<Value>,
}

pub(super) async fn office(app: &TestApp) -> Office {
    let admin = app.admin().await;
    let clerk = app.user(&admin, "vanthu", "editor").await;
    let leader = app.user(&admin, "lanhdao", "approver").await;
    let (term, list) = app.indicators_of(2020).await;
    Office {
        clerk,
        leader,
        term,
        list,
    }
}

pub(super) fn id_of(list: &[Value], code: &str) -> i64 {
    by_code(list, code)["id"].as_i64().expect("id")
}

/// The `value` of the field named `name`, as the page shows it ("" when none).
pub(super) fn shown(html: &str, name: &str) -> String {
    let Some(at) = html.find(&format!("name=\"{name}\"")) else {
        return String::new();
    };
    let start = html[..at].rfind('<').unwrap_or(at);
    let end = at + html[at..].find('>').unwrap_or(0);
    html[start..end]
        .split_once("value=\"")
        .and_then(|(_, rest)| rest.split('"').next())
        .unwrap_or_default()
        .to_string()
}

/// The review state of the working figure of `id` in 2021 (None: no figure).
pub(super) async fn state_of(app: &TestApp, term: i64, id: i64) -> Option<ValueState> {
    let data = app
        .db
        .term_data_as(term, Figures::Working)
        .await
        .expect("read")
        .expect("term");
    data.indicator(IndicatorId::new(id))
        .and_then(|i| {
            i.values
                .iter()
                .find(|v| v.observation.period == Period::Year(2021))
        })
        .map(|v| v.state)
}

/// `who` saves `value` for `id` through the entry form at `path`, with the version
/// the form shows (as a person typing into a fresh page does).
pub(super) async fn save(
    who: &Visitor,
    path: &str,
    id: i64,
    value: &str,
) -> common::browser::Answer {
    let page = who.get(path).await;
    let version = shown(&page.body, &format!("ver_{id}"));
    who.post(
        path,
        &[
            ("csrf", &csrf_of(&page.body)),
            (&format!("v_{id}"), value),
            (&format!("ver_{id}"), &version),
        ],
    )
    .await
}

/// The clerk enters `value` for `id` in 2021 through the form and sends the year.
pub(super) async fn enter_and_submit(o: &Office, id: i64, value: &str) {
    let path = format!("/entry/{}/2021", o.term);
    let saved = save(&o.clerk, &path, id, value).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let sent = o
        .clerk
        .post(
            &format!("{path}/submit"),
            &[("csrf", &o.clerk.csrf().await)],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
}

pub(super) async fn review(
    who: &Visitor,
    id: i64,
    decision: &str,
    comment: &str,
) -> common::browser::Answer {
    let page = who.get("/review").await;
    who.post(
        &format!("/review/{id}/2021"),
        &[
            ("csrf", &csrf_of(&page.body)),
            ("decision", decision),
            ("comment", comment),
        ],
    )
    .await
}
