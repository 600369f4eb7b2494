//! The OpenAPI document at `/api/v1/openapi.json`: served as JSON, valid OpenAPI 3,
//! listing exactly the routes the API serves, and true to what they answer.

use crate::common;

use common::{TestApp, by_code};
use serde_json::{Value, json};

/// Every route of the API router, as (method, path template).
const ROUTES: [(&str, &str); 10] = [
    ("get", "/healthz"),
    ("get", "/api/v1/openapi.json"),
    ("get", "/api/v1/terms"),
    ("get", "/api/v1/terms/{id}/indicators"),
    ("get", "/api/v1/indicators/{id}"),
    ("put", "/api/v1/indicators/{id}/values/{period}"),
    ("post", "/api/v1/indicators/{id}/values/{period}/approve"),
    ("post", "/api/v1/indicators/{id}/values/{period}/return"),
    ("post", "/api/v1/indicators/{id}/values/{period}/submit"),
    ("get", "/api/v1/indicators/{id}/history"),
];

async fn document(app: &TestApp) -> Value {
    let (status, doc) = app.json("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    doc
}

/// An approver (who may also enter figures) with an API token.
async fn approver_token(app: &TestApp) -> String {
    crate::common::api_token(app, "lanhdao", "approver").await
}

/// Sends a call; the status and the JSON body (Null when there is none).
async fn call(app: &TestApp, method: &str, path: &str, token: Option<&str>) -> (u16, Value) {
    let url = format!("{}{path}", app.base);
    let mut req = match method {
        "put" => app.client.put(url).json(&json!({"value": "12"})),
        "post" => app.client.post(url).json(&json!({"comment": "xem lại"})),
        _ => app.client.get(url),
    };
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send().await.expect("request");
    let status = res.status().as_u16();
    let text = res.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// Every `$ref` in `node` that does not point at something in `doc`.
fn dangling_refs(doc: &Value, node: &Value, out: &mut Vec<String>) {
    match node {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                let pointer = r.trim_start_matches('#');
                if doc.pointer(pointer).is_none() {
                    out.push(r.clone());
                }
            }
            map.values().for_each(|v| dangling_refs(doc, v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| dangling_refs(doc, v, out)),
        _ => {}
    }
}

/// Checks `body` against the JSON schema the document gives for this answer.
fn assert_matches(doc: &Value, method: &str, template: &str, status: u16, body: &Value) {
    let response = &doc["paths"][template][method]["responses"][status.to_string()];
    assert!(
        response.is_object(),
        "{method} {template}: status {status} is not documented"
    );
    let mut schema = response["content"]["application/json"]["schema"].clone();
    assert!(
        schema.is_object(),
        "{method} {template} {status}: no JSON schema"
    );
    schema["components"] = doc["components"].clone();
    let validator = jsonschema::draft202012::new(&schema).expect("a valid JSON schema");
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {template} {status}: {errors:?}\n{body:#}"
    );
}

async fn the_document_is_served_as_json_and_is_valid_openapi_3(app: TestApp) {
    let doc = document(&app).await;
    let version = doc["openapi"].as_str().expect("openapi version");
    assert!(version.starts_with("3."), "{version}");
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
    let mut dangling = Vec::new();
    dangling_refs(&doc, &doc, &mut dangling);
    assert!(dangling.is_empty(), "references to nothing: {dangling:?}");
    assert_eq!(
        doc["components"]["securitySchemes"]["api_token"],
        json!({"type": "http", "scheme": "bearer", "description": "A token printed once by `resolution-dashboard token create`"})
    );
    let paths = doc["paths"].as_object().expect("paths");
    for (template, item) in paths {
        for (method, op) in item.as_object().expect("path item") {
            let responses = op["responses"].as_object().expect("responses");
            assert!(responses.contains_key("200"), "{method} {template}");
            // Each {name} of the template is a declared path parameter.
            for name in template
                .split('{')
                .skip(1)
                .filter_map(|s| s.split('}').next())
            {
                let declared = op["parameters"].as_array().is_some_and(|ps| {
                    ps.iter()
                        .any(|p| p["name"] == name && p["in"] == "path" && p["required"] == true)
                });
                assert!(declared, "{method} {template}: {{{name}}} not declared");
            }
            // Every error answer has the one error body.
            for (code, response) in responses.iter().filter(|(c, _)| c.as_str() >= "400") {
                assert_eq!(
                    response["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/ErrorBody",
                    "{method} {template} {code}"
                );
            }
        }
    }
}

async fn the_document_lists_every_route_the_api_serves_and_no_other(app: TestApp) {
    let doc = document(&app).await;
    let mut listed: Vec<(String, String)> = doc["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(path, item)| {
            let methods = item.as_object().expect("path item").keys().cloned();
            methods.map(move |m| (m, path.clone())).collect::<Vec<_>>()
        })
        .collect();
    listed.sort();
    let mut expected: Vec<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    expected.sort();
    assert_eq!(listed, expected);
    // And the server really answers each of them: no "no such API endpoint", no 405.
    let token = approver_token(&app).await;
    for (method, template) in ROUTES {
        let path = template.replace("{id}", "1").replace("{period}", "2016");
        let (status, body) = call(&app, method, &path, Some(&token)).await;
        assert_ne!(status, 405, "{method} {path}");
        assert_ne!(
            body["error"]["message"], "no such API endpoint",
            "{method} {path}"
        );
        assert!(status < 500, "{method} {path}: {status} {body}");
    }
    let (status, body) = call(&app, "get", "/api/v1/not-a-route", None).await;
    assert_eq!((status, &body["error"]["code"]), (404, &json!("not_found")));
}

async fn real_answers_of_the_api_match_the_schemas_of_the_document(app: TestApp) {
    let doc = document(&app).await;
    let token = approver_token(&app).await;
    let (status, terms) = call(&app, "get", "/api/v1/terms", None).await;
    assert_matches(&doc, "get", "/api/v1/terms", status, &terms);
    let (term, list) = app.indicators_of(2020).await;
    let (status, body) = call(
        &app,
        "get",
        &format!("/api/v1/terms/{term}/indicators"),
        None,
    )
    .await;
    assert_matches(&doc, "get", "/api/v1/terms/{id}/indicators", status, &body);
    let old = app.indicators_of(2015).await.1;
    let id = by_code(&old, "QP-02")["id"].clone();
    let (status, body) = call(&app, "get", &format!("/api/v1/indicators/{id}"), None).await;
    assert_eq!(status, 200);
    assert_matches(&doc, "get", "/api/v1/indicators/{id}", status, &body);
    for path in ["/api/v1/indicators/99999", "/api/v1/indicators/abc"] {
        let (status, body) = call(&app, "get", path, None).await;
        assert_eq!(status, 404);
        assert_matches(&doc, "get", "/api/v1/indicators/{id}", status, &body);
    }
    // Writes: saved, refused without a token, refused for a bad period.
    let id = by_code(&list, "QP-02")["id"].clone();
    let put = "/api/v1/indicators/{id}/values/{period}";
    for (token, period, expected) in [
        (Some(token.as_str()), "2021", 200),
        (None, "2021", 401),
        (Some(token.as_str()), "1999", 400),
    ] {
        let path = format!("/api/v1/indicators/{id}/values/{period}");
        let (status, body) = call(&app, "put", &path, token).await;
        assert_eq!(status, expected, "{body}");
        assert_matches(&doc, "put", put, status, &body);
    }
    // A draft is not awaiting review: 409.
    let path = format!("/api/v1/indicators/{id}/values/2021/approve");
    let (status, body) = call(&app, "post", &path, Some(&token)).await;
    assert_eq!(status, 409, "{body}");
    assert_matches(
        &doc,
        "post",
        "/api/v1/indicators/{id}/values/{period}/approve",
        status,
        &body,
    );
    let path = format!("/api/v1/indicators/{id}/history");
    let (status, body) = call(&app, "get", &path, Some(&token)).await;
    assert_eq!(status, 200);
    assert_matches(
        &doc,
        "get",
        "/api/v1/indicators/{id}/history",
        status,
        &body,
    );
    assert_eq!(body[0]["action"], "value.save");
}

on_both_backends!(
    the_document_is_served_as_json_and_is_valid_openapi_3,
    the_document_lists_every_route_the_api_serves_and_no_other,
    real_answers_of_the_api_match_the_schemas_of_the_document,
);
