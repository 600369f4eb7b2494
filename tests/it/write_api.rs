//! The write API for automation, with API tokens.

use crate::common;

use common::TestApp;

use common::by_code;
use serde_json::{Value, json};

async fn put(app: &common::TestApp, token: Option<&str>, path: &str, body: &str) -> (u16, Value) {
    let mut req = app
        .client
        .put(format!("{}{path}", app.base))
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send().await.expect("request");
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn post(app: &common::TestApp, token: &str, path: &str, body: Value) -> (u16, Value) {
    let res = app
        .client
        .post(format!("{}{path}", app.base))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("request");
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn a_program_enters_a_figure_and_a_leader_approves_it_through_the_api(app: TestApp) {
    let editor = crate::common::api_token(&app, "robot", "editor").await;
    let approver = crate::common::api_token(&app, "lanhdao", "approver").await;
    let (_, list) = app.indicators_of(2020).await;
    let id = by_code(&list, "QP-02")["id"].clone();
    let path = format!("/api/v1/indicators/{id}/values/2021");
    let (status, stored) = put(
        &app,
        Some(&editor),
        &path,
        r#"{"value": "12,5", "qualifier": "about", "note": "ước tính"}"#,
    )
    .await;
    assert_eq!(status, 200, "{stored}");
    assert_eq!(stored["value"], "12.5");
    assert_eq!(stored["state"], "draft");
    assert_eq!(stored["version"], 1);
    // A stale version is refused and changes nothing.
    let (status, body) = put(
        &app,
        Some(&editor),
        &path,
        r#"{"value": "13", "expected_version": 0}"#,
    )
    .await;
    assert_eq!(status, 409, "{body}");
    let (status, stored) = put(
        &app,
        Some(&editor),
        &path,
        r#"{"value": "13", "expected_version": 1}"#,
    )
    .await;
    assert_eq!((status, stored["version"].clone()), (200, json!(2)));
    // Submitting happens through the form; an approver reviews only submitted figures.
    let (status, _) = post(&app, &approver, &format!("{path}/approve"), json!({})).await;
    assert_eq!(status, 409);
    let actor = resolution_dashboard::db::Actor {
        user_id: 1,
        username: "robot".into(),
        origin: resolution_dashboard::db::Origin::Api,
    };
    let term = app.indicators_of(2020).await.0;
    app.db
        .submit_period(
            term,
            resolution_dashboard::domain::Period::Year(2021),
            &actor,
        )
        .await
        .expect("submit");
    let (status, _) = post(&app, &editor, &format!("{path}/approve"), json!({})).await;
    assert_eq!(status, 403, "an editor cannot approve");
    let (status, approved) = post(
        &app,
        &approver,
        &format!("{path}/approve"),
        json!({"comment": "Đồng ý"}),
    )
    .await;
    assert_eq!(
        (status, approved["state"].clone()),
        (200, json!("approved"))
    );
    let (_, public) = app.indicators_of(2020).await;
    assert_eq!(by_code(&public, "QP-02")["values"][0]["value"], "13");
    let res = app
        .client
        .get(format!("{}/api/v1/indicators/{id}/history", app.base))
        .bearer_auth(&approver)
        .send()
        .await
        .expect("history");
    let history: Value = res.json().await.expect("json");
    let actions: Vec<&str> = history
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        actions,
        vec!["value.approve", "value.submit", "value.save", "value.save"]
    );
}

async fn bad_calls_get_a_clear_json_error_and_change_nothing(app: TestApp) {
    let editor = crate::common::api_token(&app, "robot", "editor").await;
    let viewer = crate::common::api_token(&app, "xem", "viewer").await;
    let (_, list) = app.indicators_of(2020).await;
    let count = by_code(&list, "NV-01")["id"].clone();
    let good = format!("/api/v1/indicators/{count}/values/2021");
    let cases: Vec<(Option<&str>, String, &str, u16)> = vec![
        (None, good.clone(), r#"{"value": "1"}"#, 401),
        (Some("wrong-token"), good.clone(), r#"{"value": "1"}"#, 401),
        (Some(&viewer), good.clone(), r#"{"value": "1"}"#, 403),
        (Some(&editor), good.clone(), r#"{"value": "1.234.5"}"#, 400),
        (Some(&editor), good.clone(), r#"{"value": "abc"}"#, 400),
        (Some(&editor), good.clone(), r#"{"value": "-1"}"#, 400),
        (Some(&editor), good.clone(), r#"{"value": "2,5"}"#, 400),
        (Some(&editor), good.clone(), r#"{"value": null}"#, 400),
        (
            Some(&editor),
            good.clone(),
            r#"{"value": "1", "qualifier": "maybe"}"#,
            400,
        ),
        (
            Some(&editor),
            good.clone(),
            r#"{"value": "1", "surprise": true}"#,
            400,
        ),
        (Some(&editor), good.clone(), r#"not json"#, 400),
        (
            Some(&editor),
            good.clone(),
            r#"{"value": "1", "expected_version": -1}"#,
            400,
        ),
        (
            Some(&editor),
            format!("/api/v1/indicators/{count}/values/2019"),
            r#"{"value": "1"}"#,
            400,
        ),
        (
            Some(&editor),
            format!("/api/v1/indicators/{count}/values/next"),
            r#"{"value": "1"}"#,
            400,
        ),
        (
            Some(&editor),
            "/api/v1/indicators/999999/values/2021".to_string(),
            r#"{"value": "1"}"#,
            404,
        ),
    ];
    for (token, path, body, expected) in cases {
        let (status, json) = put(&app, token, &path, body).await;
        assert_eq!(status, expected, "{path} {body}: {json}");
        assert!(
            json["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{path} {body}: {json}"
        );
    }
    assert_eq!(app.db.audit_count().await.expect("count"), 0);
}

async fn a_locked_term_answers_423_to_api_writes(app: TestApp) {
    let editor = crate::common::api_token(&app, "robot", "editor").await;
    let (term, list) = app.indicators_of(2020).await;
    let actor = resolution_dashboard::db::Actor {
        user_id: 1,
        username: "robot".into(),
        origin: resolution_dashboard::db::Origin::Api,
    };
    app.db
        .set_term_lock(term, true, &actor)
        .await
        .expect("lock");
    let id = by_code(&list, "NV-01")["id"].clone();
    let (status, _) = put(
        &app,
        Some(&editor),
        &format!("/api/v1/indicators/{id}/values/2021"),
        r#"{"value": "1"}"#,
    )
    .await;
    assert_eq!(status, 423);
}

async fn anonymous_readers_see_approved_figures_and_token_holders_see_drafts_marked(app: TestApp) {
    let editor = crate::common::api_token(&app, "robot", "editor").await;
    let (term, list) = app.indicators_of(2020).await;
    let id = by_code(&list, "NV-01")["id"].clone();
    let (status, _) = put(
        &app,
        Some(&editor),
        &format!("/api/v1/indicators/{id}/values/2021"),
        r#"{"value": "4"}"#,
    )
    .await;
    assert_eq!(status, 200);
    let (_, public) = app.json(&format!("/api/v1/indicators/{id}")).await;
    assert!(public["values"].as_array().is_some_and(|v| v.is_empty()));
    let res = app
        .client
        .get(format!("{}/api/v1/terms/{term}/indicators", app.base))
        .bearer_auth(&editor)
        .send()
        .await
        .expect("req");
    let staff: Value = res.json().await.expect("json");
    let mine = staff
        .as_array()
        .and_then(|a| a.iter().find(|i| i["id"] == id))
        .expect("indicator");
    assert_eq!(mine["values"][0]["state"], "draft");
    let anonymous_history = app.get(&format!("/api/v1/indicators/{id}/history")).await;
    assert_eq!(anonymous_history.status().as_u16(), 401);
}

on_both_backends!(
    a_program_enters_a_figure_and_a_leader_approves_it_through_the_api,
    bad_calls_get_a_clear_json_error_and_change_nothing,
    a_locked_term_answers_423_to_api_writes,
    anonymous_readers_see_approved_figures_and_token_holders_see_drafts_marked,
);
