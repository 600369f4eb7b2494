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
use serde_json::{Value, json};

/// A committee office: a clerk, a leader, and the 2020–2025 term.
struct Office {
    clerk: Visitor,
    leader: Visitor,
    term: i64,
    list: Vec<Value>,
}

async fn office(app: &TestApp) -> Office {
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

fn id_of(list: &[Value], code: &str) -> i64 {
    by_code(list, code)["id"].as_i64().expect("id")
}

/// The `value` of the field named `name`, as the page shows it ("" when none).
fn shown(html: &str, name: &str) -> String {
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
async fn state_of(app: &TestApp, term: i64, id: i64) -> Option<ValueState> {
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

/// The clerk enters `value` for `id` in 2021 through the form and sends the year.
async fn enter_and_submit(o: &Office, id: i64, value: &str) {
    let path = format!("/entry/{}/2021", o.term);
    let page = o.clerk.get(&path).await;
    let version = shown(&page.body, &format!("ver_{id}"));
    let saved = o
        .clerk
        .post(
            &path,
            &[
                ("csrf", &csrf_of(&page.body)),
                (&format!("v_{id}"), value),
                (&format!("ver_{id}"), &version),
            ],
        )
        .await;
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

async fn review(who: &Visitor, id: i64, decision: &str, comment: &str) -> common::browser::Answer {
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

async fn a_returned_figure_stays_returned_when_the_clerk_saves_the_other_figures(app: TestApp) {
    let o = office(&app).await;
    let (qp, nv) = (id_of(&o.list, "QP-02"), id_of(&o.list, "NV-01"));
    enter_and_submit(&o, qp, "10").await;
    let returned = review(&o.leader, qp, "return", "Thiếu nguồn số liệu").await;
    assert_eq!(returned.status, 303, "{}", returned.body);

    // The clerk saves another figure; the form sends QP-02's row as it shows it.
    let path = format!("/entry/{}/2021", o.term);
    let page = o.clerk.get(&path).await;
    assert!(
        common::unescape(&page.body).contains("Thiếu nguồn số liệu"),
        "the clerk sees why the figure came back"
    );
    let fields = [
        ("csrf".to_string(), csrf_of(&page.body)),
        (format!("v_{qp}"), shown(&page.body, &format!("v_{qp}"))),
        (format!("ver_{qp}"), shown(&page.body, &format!("ver_{qp}"))),
        (format!("q_{qp}"), "exact".to_string()),
        (format!("v_{nv}"), "5".to_string()),
        (format!("ver_{nv}"), "0".to_string()),
    ];
    assert_eq!(fields[1].1, "10", "the form shows the returned figure");
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let saved = o.clerk.post(&path, &pairs).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(state_of(&app, o.term, qp).await, Some(ValueState::Returned));
    assert!(
        common::unescape(&o.clerk.get(&path).await.body).contains("Thiếu nguồn số liệu"),
        "the return comment is still beside the figure"
    );

    // "Gửi duyệt" sends the new draft, not the returned figure nobody looked at again.
    let sent = o
        .clerk
        .post(
            &format!("{path}/submit"),
            &[("csrf", &o.clerk.csrf().await)],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert_eq!(
        state_of(&app, o.term, nv).await,
        Some(ValueState::Submitted)
    );
    assert_eq!(state_of(&app, o.term, qp).await, Some(ValueState::Returned));

    // Sent again on purpose with its own button (a small form of its own), it reaches
    // the leader with the earlier comment on its card.
    let page = o.clerk.get(&path).await;
    assert!(
        page.body.contains(&format!("form=\"resubmit-{qp}\"")),
        "the returned row has its own button"
    );
    let again = o
        .clerk
        .post(
            &format!("{path}/resubmit"),
            &[
                ("csrf", &csrf_of(&page.body)),
                ("indicator", &qp.to_string()),
                ("version", &shown(&page.body, "version")),
            ],
        )
        .await;
    assert_eq!(again.status, 303, "{}", again.body);
    assert_eq!(
        state_of(&app, o.term, qp).await,
        Some(ValueState::Submitted)
    );
    let cards = common::unescape(&o.leader.get("/review").await.body);
    assert!(
        cards.contains("Thiếu nguồn số liệu"),
        "the approver's card shows the earlier return"
    );
}

async fn a_changed_returned_figure_becomes_a_draft_again(app: TestApp) {
    let o = office(&app).await;
    let qp = id_of(&o.list, "QP-02");
    enter_and_submit(&o, qp, "10").await;
    assert_eq!(review(&o.leader, qp, "return", "Sai số").await.status, 303);
    let path = format!("/entry/{}/2021", o.term);
    let page = o.clerk.get(&path).await;
    let saved = o
        .clerk
        .post(
            &path,
            &[
                ("csrf", &csrf_of(&page.body)),
                (&format!("v_{qp}"), "11"),
                (
                    &format!("ver_{qp}"),
                    &shown(&page.body, &format!("ver_{qp}")),
                ),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(state_of(&app, o.term, qp).await, Some(ValueState::Draft));
}

async fn an_approver_cannot_approve_a_figure_they_changed_themselves(app: TestApp) {
    let o = office(&app).await;
    let qp = id_of(&o.list, "QP-02");
    let path = format!("/entry/{}/2021", o.term);
    // The leader types the figure in and sends it, then tries to approve it.
    let page = o.leader.get(&path).await;
    let saved = o
        .leader
        .post(
            &path,
            &[
                ("csrf", &csrf_of(&page.body)),
                (&format!("v_{qp}"), "10"),
                (&format!("ver_{qp}"), "0"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let sent = o
        .leader
        .post(
            &format!("{path}/submit"),
            &[("csrf", &o.leader.csrf().await)],
        )
        .await;
    assert_eq!(sent.status, 303);
    let own = review(&o.leader, qp, "approve", "").await;
    assert_eq!(own.status, 403, "{}", own.body);
    assert!(
        common::unescape(&own.body).contains("không thể tự duyệt"),
        "the page says why in words: {}",
        own.body
    );
    assert_eq!(
        state_of(&app, o.term, qp).await,
        Some(ValueState::Submitted)
    );

    // Through the API too: 403 with the reason.
    let token = common::api_token(&app, "lanhdao2", "approver").await;
    let put = app
        .client
        .put(format!("{}/api/v1/indicators/{qp}/values/2021", app.base))
        .bearer_auth(&token)
        .json(&json!({"value": "12"}))
        .send()
        .await
        .expect("put");
    assert_eq!(put.status().as_u16(), 200);
    let submit = app
        .client
        .post(format!(
            "{}/api/v1/indicators/{qp}/values/2021/submit",
            app.base
        ))
        .bearer_auth(&token)
        .send()
        .await
        .expect("submit");
    assert_eq!(submit.status().as_u16(), 200);
    let approve = app
        .client
        .post(format!(
            "{}/api/v1/indicators/{qp}/values/2021/approve",
            app.base
        ))
        .bearer_auth(&token)
        .json(&json!({}))
        .send()
        .await
        .expect("approve");
    assert_eq!(approve.status().as_u16(), 403);
    let body: Value = approve.json().await.unwrap_or(Value::Null);
    assert!(
        body.to_string().contains("separation of duties"),
        "the API gives the reason: {body}"
    );
    // Someone else may: the leader approves the robot's figure.
    assert_eq!(review(&o.leader, qp, "approve", "").await.status, 303);
    assert_eq!(state_of(&app, o.term, qp).await, Some(ValueState::Approved));
}

async fn a_program_sends_its_figure_for_approval_through_the_api(app: TestApp) {
    let editor = common::api_token(&app, "robot", "editor").await;
    let approver = common::api_token(&app, "lanhdao", "approver").await;
    let (term, list) = app.indicators_of(2020).await;
    let qp = id_of(&list, "QP-02");
    let base = format!("{}/api/v1/indicators/{qp}/values/2021", app.base);
    let send = |token: &str, path: &str, body: Option<Value>| {
        let mut req = app.client.post(format!("{base}{path}")).bearer_auth(token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        req.send()
    };
    // Nothing to send yet.
    let none = send(&editor, "/submit", None).await.expect("submit");
    assert_eq!(none.status().as_u16(), 404);
    let put = app
        .client
        .put(&base)
        .bearer_auth(&editor)
        .json(&json!({"value": "7"}))
        .send()
        .await
        .expect("put");
    assert_eq!(put.status().as_u16(), 200);
    // A stale version is a conflict and sends nothing.
    let stale = send(&editor, "/submit", Some(json!({"expected_version": 0})))
        .await
        .expect("submit");
    assert_eq!(stale.status().as_u16(), 409);
    assert_eq!(state_of(&app, term, qp).await, Some(ValueState::Draft));
    let ok = send(&editor, "/submit", Some(json!({"expected_version": 1})))
        .await
        .expect("submit");
    assert_eq!(ok.status().as_u16(), 200);
    let stored: Value = ok.json().await.expect("json");
    assert_eq!(stored["state"], "submitted");
    // Sending it twice is refused: it already waits for approval.
    let twice = send(&editor, "/submit", None).await.expect("submit");
    assert_eq!(twice.status().as_u16(), 409);
    let approved = send(&approver, "/approve", Some(json!({})))
        .await
        .expect("approve");
    assert_eq!(approved.status().as_u16(), 200);
    assert_eq!(state_of(&app, term, qp).await, Some(ValueState::Approved));
    // A viewer's token may not send anything.
    let viewer = common::api_token(&app, "khach", "viewer").await;
    let refused = send(&viewer, "/submit", None).await.expect("submit");
    assert_eq!(refused.status().as_u16(), 403);
}

async fn a_double_click_on_save_stores_the_figure_once_and_blames_nobody(app: TestApp) {
    let o = office(&app).await;
    let qp = id_of(&o.list, "QP-02");
    let path = format!("/entry/{}/2021", o.term);
    let page = o.clerk.get(&path).await;
    let csrf = csrf_of(&page.body);
    let form = [
        ("csrf", csrf.as_str()),
        (&format!("v_{qp}"), "10"),
        (&format!("ver_{qp}"), "0"),
    ];
    // The same form posted twice, as a double click or a resent request does.
    let first = o.clerk.post(&path, &form).await;
    let second = o.clerk.post(&path, &form).await;
    assert_eq!(first.status, 303, "{}", first.body);
    assert_eq!(
        second.status, 303,
        "the repeat is no conflict: {}",
        second.body
    );
    let history = app.db.indicator_history(qp).await.expect("history");
    assert_eq!(history.len(), 1, "the figure was written once: {history:?}");
    // A different figure on the stale version is still a conflict.
    let other = o
        .clerk
        .post(
            &path,
            &[
                ("csrf", csrf.as_str()),
                (&format!("v_{qp}"), "11"),
                (&format!("ver_{qp}"), "0"),
            ],
        )
        .await;
    assert_eq!(other.status, 409, "{}", other.body);
}

async fn a_refused_review_is_said_beside_its_card_and_a_decision_comes_back_to_the_next_card(
    app: TestApp,
) {
    let o = office(&app).await;
    let (qp, nv) = (id_of(&o.list, "QP-02"), id_of(&o.list, "NV-01"));
    enter_and_submit(&o, qp, "10").await;
    enter_and_submit(&o, nv, "4").await;
    let page = o.leader.get("/review").await;
    assert!(
        page.body.contains(&format!("id=\"card-{qp}-2021\"")),
        "each card has its anchor"
    );
    // A return without a comment: refused beside that card, the page says which.
    let refused = review(&o.leader, qp, "return", "").await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused
            .body
            .contains(&format!("id=\"card-{qp}-2021-error\"")),
        "the reason stands beside its card: {}",
        refused.body
    );
    assert!(refused.body.contains(&format!("href=\"#card-{qp}-2021\"")));
    // A decision goes back to the card after it; an anchor the page did not write is
    // left out of the address.
    for (next, place) in [
        (format!("card-{nv}-2021"), format!("#card-{nv}-2021")),
        ("javascript:alert(1)".to_string(), String::new()),
    ] {
        enter_and_submit(&o, qp, if place.is_empty() { "12" } else { "11" }).await;
        let page = o.leader.get("/review").await;
        let answer = o
            .leader
            .post(
                &format!("/review/{qp}/2021"),
                &[
                    ("csrf", csrf_of(&page.body).as_str()),
                    ("decision", "return"),
                    ("comment", "Xem lại"),
                    ("next", next.as_str()),
                ],
            )
            .await;
        assert_eq!(answer.status, 303, "{}", answer.body);
        assert_eq!(
            answer.location.as_deref(),
            Some(format!("/review?done=1{place}").as_str())
        );
    }
}

on_both_backends!(
    a_refused_review_is_said_beside_its_card_and_a_decision_comes_back_to_the_next_card,
    a_double_click_on_save_stores_the_figure_once_and_blames_nobody,
    a_returned_figure_stays_returned_when_the_clerk_saves_the_other_figures,
    a_changed_returned_figure_becomes_a_draft_again,
    an_approver_cannot_approve_a_figure_they_changed_themselves,
    a_program_sends_its_figure_for_approval_through_the_api,
);
