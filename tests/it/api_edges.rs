//! Edges of the JSON API found while documenting and fuzzing it (scripts/api-fuzz):
//! each answers a 4xx with the JSON error body and changes nothing.

use crate::common;

use common::{TestApp, by_code};
use serde_json::{Value, json};

async fn editor_token(app: &TestApp) -> String {
    crate::common::api_token(app, "robot", "editor").await
}

async fn send(req: reqwest::RequestBuilder) -> (u16, Value) {
    let res = req.send().await.expect("request");
    let status = res.status().as_u16();
    let content_type = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        content_type.starts_with("application/json"),
        "{content_type}"
    );
    (status, res.json().await.expect("json body"))
}

/// The working figures of an indicator, as the token holder sees them.
async fn working_values(app: &TestApp, token: &str, id: &Value) -> Value {
    let req = app
        .client
        .get(format!("{}/api/v1/indicators/{id}", app.base))
        .bearer_auth(token);
    let (status, body) = send(req).await;
    assert_eq!(status, 200);
    body["values"].clone()
}

async fn a_wrong_token_is_refused_on_the_term_list_as_everywhere(app: TestApp) {
    let req = app
        .client
        .get(format!("{}/api/v1/terms", app.base))
        .bearer_auth("not-a-token");
    let (status, body) = send(req).await;
    assert_eq!(
        (status, &body["error"]["code"]),
        (401, &json!("unauthorized"))
    );
}

async fn a_note_with_a_nul_character_is_refused_on_every_database(app: TestApp) {
    let token = editor_token(&app).await;
    let (_, list) = app.indicators_of(2020).await;
    let id = by_code(&list, "QP-02")["id"].clone();
    let path = format!("{}/api/v1/indicators/{id}/values/2021", app.base);
    for field in ["note", "source_document", "quote"] {
        let mut body = json!({"value": "12"});
        body[field] = json!("a\u{0}b");
        let (status, error) = send(app.client.put(&path).bearer_auth(&token).json(&body)).await;
        assert_eq!(status, 400, "{field}: {error}");
        assert_eq!(
            error["error"]["message"],
            format!("{field} holds control characters")
        );
    }
    assert_eq!(working_values(&app, &token, &id).await, json!([]));
}

async fn ids_and_periods_are_read_exactly_as_the_document_writes_them(app: TestApp) {
    let token = editor_token(&app).await;
    let (_, list) = app.indicators_of(2020).await;
    let id = by_code(&list, "QP-02")["id"].as_i64().expect("id");
    for path in [
        format!("/api/v1/indicators/+{id}"),
        format!("/api/v1/indicators/%20{id}"),
        "/api/v1/indicators/%FF".to_string(),
        "/api/v1/terms/%FF/indicators".to_string(),
    ] {
        let (status, body) = send(app.client.get(format!("{}{path}", app.base))).await;
        assert_eq!(
            (status, &body["error"]["code"]),
            (404, &json!("not_found")),
            "{path}"
        );
    }
    let put = |period: &str| {
        app.client
            .put(format!(
                "{}/api/v1/indicators/{id}/values/{period}",
                app.base
            ))
            .bearer_auth(&token)
            .json(&json!({"value": "12"}))
    };
    let (status, body) = send(put("%202021")).await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = send(put("%FF")).await;
    assert_eq!(status, 404, "{body}");
    assert_eq!(working_values(&app, &token, &json!(id)).await, json!([]));
}

async fn a_review_with_a_null_body_is_one_without_a_comment(app: TestApp) {
    let token = crate::common::api_token(&app, "lanhdao", "approver").await;
    let (_, list) = app.indicators_of(2015).await;
    let id = by_code(&list, "QP-02")["id"].clone();
    let base = format!("{}/api/v1/indicators/{id}/values", app.base);
    let post = |path: &str| {
        app.client
            .post(format!("{base}/{path}"))
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .body("null")
    };
    // The seeded figure is approved already: not awaiting review, whatever the body.
    let (status, body) = send(post("term/approve")).await;
    assert_eq!(
        (status, &body["error"]["code"]),
        (409, &json!("conflict")),
        "{body}"
    );
    let (status, body) = send(post("term/return")).await;
    assert_eq!(status, 400, "a return needs a comment: {body}");
}

on_both_backends!(
    a_review_with_a_null_body_is_one_without_a_comment,
    a_wrong_token_is_refused_on_the_term_list_as_everywhere,
    a_note_with_a_nul_character_is_refused_on_every_database,
    ids_and_periods_are_read_exactly_as_the_document_writes_them,
);
