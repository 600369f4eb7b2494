//! Separation of duties, the write API's submit, and a double click on "Lưu".

use super::{id_of, office, review, save, state_of};
use crate::common;

use common::TestApp;
use common::browser::csrf_of;
use resolution_dashboard::domain::ValueState;
use serde_json::{Value, json};

async fn an_approver_cannot_approve_a_figure_they_changed_themselves(app: TestApp) {
    let o = office(&app).await;
    let qp = id_of(&o.list, "QP-02");
    let path = format!("/entry/{}/2021", o.term);
    // The leader types the figure in and sends it, then tries to approve it.
    let saved = save(&o.leader, &path, qp, "10").await;
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

async fn an_admin_may_turn_the_rule_off_for_a_small_office_and_each_change_is_audited(
    app: TestApp,
) {
    let o = office(&app).await;
    let admin = app.signed_in("quantri", "mat-khau-quan-tri").await;
    let path = format!("/entry/{}/2021", o.term);
    let own = |code: &str| id_of(&o.list, code);
    for code in ["QP-02", "NV-01"] {
        assert_eq!(save(&o.leader, &path, own(code), "10").await.status, 303);
    }
    let csrf = o.leader.csrf().await;
    assert_eq!(
        o.leader
            .post(&format!("{path}/submit"), &[("csrf", &csrf)])
            .await
            .status,
        303
    );
    let page = common::unescape(&admin.get("/admin/users").await.body);
    assert!(page.contains("Đang áp dụng"), "the rule is on by default");

    let before = app.db.audit_count().await.expect("count");
    let switch = |to: &str| format!("/admin/settings/separation-of-duties/{to}");
    // The leader may not turn it off; the admin may, once (a second click is nothing).
    let refused = o
        .leader
        .post(&switch("disable"), &[("csrf", &o.leader.csrf().await)])
        .await;
    assert_eq!(refused.status, 403);
    for _ in 0..2 {
        let off = admin
            .post(&switch("disable"), &[("csrf", &admin.csrf().await)])
            .await;
        assert_eq!(off.status, 303, "{}", off.body);
    }
    assert_eq!(
        app.db.audit_count().await.expect("count"),
        before + 1,
        "audited once"
    );
    let page = common::unescape(&admin.get("/admin/users").await.body);
    assert!(page.contains("Đang tắt"), "the page says the rule is off");

    let approved = review(&o.leader, own("QP-02"), "approve", "").await;
    assert_eq!(approved.status, 303, "{}", approved.body);
    assert_eq!(
        state_of(&app, o.term, own("QP-02")).await,
        Some(ValueState::Approved)
    );

    let on = admin
        .post(&switch("enable"), &[("csrf", &admin.csrf().await)])
        .await;
    assert_eq!(on.status, 303);
    let again = review(&o.leader, own("NV-01"), "approve", "").await;
    assert_eq!(again.status, 403, "the rule holds again");
    assert_eq!(
        state_of(&app, o.term, own("NV-01")).await,
        Some(ValueState::Submitted)
    );
}

on_both_backends!(
    an_admin_may_turn_the_rule_off_for_a_small_office_and_each_change_is_audited,
    an_approver_cannot_approve_a_figure_they_changed_themselves,
    a_program_sends_its_figure_for_approval_through_the_api,
    a_double_click_on_save_stores_the_figure_once_and_blames_nobody,
);
