//! The cache of rendered public pages (src/server/page_cache/) never shows a
//! reader an old figure: a page changes right after a figure is approved, whether
//! the approval came through this server or straight into the database (as from
//! another server process), and drafts never leak to anonymous readers.

use crate::common;

use common::{TestApp, by_code};
use resolution_dashboard::db::{Actor, Decision, Origin};
use resolution_dashboard::domain::Period;
use serde_json::{Value, json};

async fn send(app: &TestApp, req: reqwest::RequestBuilder) -> (u16, Value) {
    let _ = app;
    let res = req.send().await.expect("request");
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// The page without its per-render script nonces (Leptos writes a fresh one at each
/// render, so two renders of the same data differ only there).
fn without_nonce(html: &str) -> String {
    html.split("nonce=\"")
        .enumerate()
        .map(|(k, part)| match k {
            0 => part.to_string(),
            _ => part
                .split_once('"')
                .map_or(String::new(), |(_, rest)| rest.to_string()),
        })
        .collect()
}

async fn a_cached_page_changes_right_after_a_figure_is_approved(app: TestApp) {
    let editor = common::api_token(&app, "robot", "editor").await;
    let approver = common::api_token(&app, "lanhdao", "approver").await;
    let (term, list) = app.indicators_of(2020).await;
    let id = by_code(&list, "QP-02")["id"].as_i64().expect("id");
    let page = format!("/terms/{term}");
    let api = format!("/api/v1/indicators/{id}");

    // Rendered once, then answered from the cache: the same bytes.
    let (status, before) = app.page(&page).await;
    assert_eq!(status, 200);
    assert_eq!(app.page(&page).await.1, before);
    assert!(!before.contains("12,5"), "the figure is there already");
    let (_, json_before) = app.json(&api).await;
    assert_eq!(json_before["values"], json!([]));

    // A draft changes the version (the cache is dropped) but readers still see
    // approved figures only; the token holder sees the draft.
    let value_path = format!("{}/api/v1/indicators/{id}/values/2021", app.base);
    let (status, body) = send(
        &app,
        app.client
            .put(&value_path)
            .bearer_auth(&editor)
            .json(&json!({"value": "12,5"})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        without_nonce(&app.page(&page).await.1),
        without_nonce(&before),
        "a draft leaked to readers"
    );
    assert_eq!(app.json(&api).await.1["values"], json!([]));
    let (_, as_editor) = send(
        &app,
        app.client
            .get(format!("{}{api}", app.base))
            .bearer_auth(&editor),
    )
    .await;
    assert_eq!(as_editor["values"][0]["state"], "draft");

    // Submitted and approved: the very next anonymous read shows it.
    let actor = Actor {
        user_id: 1,
        username: "robot".into(),
        origin: Origin::Api,
    };
    app.db
        .submit_period(term, Period::Year(2021), &actor)
        .await
        .expect("submit");
    let (status, body) = send(
        &app,
        app.client
            .post(format!("{value_path}/approve"))
            .bearer_auth(&approver)
            .json(&json!({})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (_, after) = app.page(&page).await;
    assert!(
        after.contains("12,5"),
        "the approved figure is not on the page"
    );
    assert_eq!(app.json(&api).await.1["values"][0]["value"], "12.5");

    // An approval written straight into the database, as another server process
    // sharing it would, is seen at once too (the data version is read back).
    assert_eq!(app.page(&page).await.1, after);
    let (status, body) = send(
        &app,
        app.client
            .put(&value_path)
            .bearer_auth(&editor)
            .json(&json!({"value": "14,75", "expected_version": body["version"]})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    app.db
        .submit_period(term, Period::Year(2021), &actor)
        .await
        .expect("submit");
    assert_eq!(
        without_nonce(&app.page(&page).await.1),
        without_nonce(&after),
        "a submitted figure leaked"
    );
    app.db
        .review_value(
            id,
            Period::Year(2021),
            Decision::Approve,
            None,
            &common::db_actor(&app, "lanhdao2", "approver").await,
        )
        .await
        .expect("approve");
    let (_, last) = app.page(&page).await;
    assert!(last.contains("14,75"), "a stale page was served");
    assert_eq!(app.json(&api).await.1["values"][0]["value"], "14.75");
}

on_both_backends!(a_cached_page_changes_right_after_a_figure_is_approved);
