//! The write API's JSON bodies.

use super::{Case, Ctx, Expect, Req, Who, api, case};
use reqwest::Method;

pub fn bodies(ctx: &Ctx) -> Vec<Case> {
    let mut cases = Vec::new();
    let money = format!("/api/v1/indicators/{}/values/2021", ctx.money_id);
    let count = format!("/api/v1/indicators/{}/values/2021", ctx.count_id);
    let percent = format!("/api/v1/indicators/{}/values/2021", ctx.percent_id);
    let put = |path: &str, body: &str| api(Method::PUT, path, Some(Who::Editor), body.as_bytes());
    let mut bodies: Vec<(String, String)> = [
        ("empty object", "{}"),
        ("value null", r#"{"value": null}"#),
        ("value true", r#"{"value": true}"#),
        ("value array", r#"{"value": ["12,5"]}"#),
        ("value object", r#"{"value": {"v": 1}}"#),
        ("value \"1e400\"", r#"{"value": "1e400"}"#),
        ("value 1e400", r#"{"value": 1e400}"#),
        ("value 1e300", r#"{"value": 1e300}"#),
        ("value 23 digits", r#"{"value": 12345678901234567890123}"#),
        ("value \"NaN\"", r#"{"value": "NaN"}"#),
        ("value NaN", r#"{"value": NaN}"#),
        ("value \"Infinity\"", r#"{"value": "Infinity"}"#),
        ("value Infinity", r#"{"value": Infinity}"#),
        ("value -Infinity", r#"{"value": -Infinity}"#),
        ("value \"inf\"", r#"{"value": "inf"}"#),
        ("value \"∞\"", r#"{"value": "∞"}"#),
        ("value Arabic-Indic", r#"{"value": "١٢٣"}"#),
        ("value fullwidth", r#"{"value": "１２３"}"#),
        ("value \"1.234.5\"", r#"{"value": "1.234.5"}"#),
        ("value \"1,234.5\"", r#"{"value": "1,234.5"}"#),
        ("value empty", r#"{"value": ""}"#),
        ("value blank", r#"{"value": " "}"#),
        ("value \"0x10\"", r#"{"value": "0x10"}"#),
        ("value \"1_000\"", r#"{"value": "1_000"}"#),
        ("value \"12 345\"", r#"{"value": "12 345"}"#),
        ("value negative money", r#"{"value": "-1"}"#),
        ("value hex number", r#"{"value": 0x10}"#),
        ("value with leading zeros", r#"{"value": 0012}"#),
        (
            "value SQL",
            r#"{"value": "1; DROP TABLE indicator_values;--"}"#,
        ),
        ("unknown field", r#"{"value": "12,5", "admin": true}"#),
        ("duplicate field", r#"{"value": "1", "value": "2"}"#),
        (
            "qualifier unknown",
            r#"{"value": "12,5", "qualifier": "maybe"}"#,
        ),
        ("qualifier number", r#"{"value": "12,5", "qualifier": 1}"#),
        ("note number", r#"{"value": "12,5", "note": 5}"#),
        ("note object", r#"{"value": "12,5", "note": {"a": 1}}"#),
        (
            "expected_version -1",
            r#"{"value": "12,5", "expected_version": -1}"#,
        ),
        (
            "expected_version string",
            r#"{"value": "12,5", "expected_version": "0"}"#,
        ),
        (
            "expected_version 1.5",
            r#"{"value": "12,5", "expected_version": 1.5}"#,
        ),
        (
            "expected_version 1e400",
            r#"{"value": "12,5", "expected_version": 1e400}"#,
        ),
        (
            "expected_version 2^64",
            r#"{"value": "12,5", "expected_version": 18446744073709551616}"#,
        ),
        ("empty body", ""),
        ("null body", "null"),
        ("array body", r#"["12,5"]"#),
        ("string body", r#""12,5""#),
        ("truncated JSON", r#"{"value": "12,"#),
        ("trailing garbage", r#"{"value": "12,5"} x"#),
        ("single quotes", r#"{'value': '12,5'}"#),
        ("comment in JSON", r#"{"value": "12,5" /* x */}"#),
        ("BOM before JSON", "\u{feff}{\"value\": \"12,5\"}"),
        (
            "lone surrogate escape",
            r#"{"value": "12,5", "note": "\ud800"}"#,
        ),
        (
            "note with a NUL",
            r#"{"value": "12,5", "note": "a\u0000b"}"#,
        ),
        (
            "quote with an escape character",
            r#"{"value": "12,5", "quote": "\u001b[31m"}"#,
        ),
        (
            "source with a NUL",
            r#"{"value": "12,5", "source_document": "\u0000"}"#,
        ),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    bodies.push((
        "nested 200 deep".into(),
        format!("{{\"value\": {}{}}}", "[".repeat(200), "]".repeat(200)),
    ));
    bodies.push(("nested 100000 deep".into(), "[".repeat(100_000)));
    bodies.push((
        "note of 2001 characters".into(),
        format!(r#"{{"value": "12,5", "note": "{}"}}"#, "a".repeat(2001)),
    ));
    bodies.push((
        "note of 1 MB".into(),
        format!(
            r#"{{"value": "12,5", "note": "{}"}}"#,
            "a".repeat(1_000_000)
        ),
    ));
    bodies.push((
        "quote of 1 MB".into(),
        format!(r#"{{"value": "12,5", "quote": "{}"}}"#, "ă".repeat(340_000)),
    ));
    bodies.push((
        "value of 1 MB".into(),
        format!(r#"{{"value": "{}"}}"#, "9".repeat(1_000_000)),
    ));
    for (label, body) in &bodies {
        cases.push(case(
            format!("API PUT: {label}"),
            put(&money, body),
            Expect::Json,
        ));
    }
    for (label, path, body) in [
        ("negative count", &count, r#"{"value": -5}"#),
        ("fractional count", &count, r#"{"value": 2.5}"#),
        ("percent 5000", &percent, r#"{"value": "5000"}"#),
        ("percent 1001", &percent, r#"{"value": 1001}"#),
    ] {
        cases.push(case(
            format!("API PUT: {label}"),
            put(path, body),
            Expect::Json,
        ));
    }
    let valid = br#"{"value": "12,5"}"#;
    cases.push(case(
        "API PUT: body of 2 MB (over the limit)",
        put(
            &money,
            &format!(r#"{{"value": "12,5", "note": "{}"}}"#, "a".repeat(2 << 20)),
        ),
        Expect::Json,
    ));
    cases.push(case(
        "API PUT: invalid UTF-8 bytes in a string",
        api(
            Method::PUT,
            &money,
            Some(Who::Editor),
            b"{\"value\": \"12,5\", \"note\": \"\xff\xfe\"}",
        ),
        Expect::Json,
    ));
    cases.push(case(
        "API PUT: invalid UTF-8 bytes outside strings",
        api(
            Method::PUT,
            &money,
            Some(Who::Editor),
            b"\xff{\"value\": \"12,5\"}",
        ),
        Expect::Json,
    ));
    for ctype in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        Some("application/xml"),
        Some("application/jsonx"),
    ] {
        cases.push(case(
            format!("API PUT: content type {ctype:?}"),
            Req::Api {
                method: Method::PUT,
                path: money.clone(),
                token: Some(Who::Editor),
                content_type: ctype.map(str::to_string),
                body: valid.to_vec(),
            },
            Expect::Json,
        ));
    }
    for (label, path) in [
        (
            "period abc",
            format!("/api/v1/indicators/{}/values/abc", ctx.money_id),
        ),
        (
            "period outside the term",
            format!("/api/v1/indicators/{}/values/2030", ctx.money_id),
        ),
        (
            "period -2021",
            format!("/api/v1/indicators/{}/values/-2021", ctx.money_id),
        ),
        (
            "period 1e400",
            format!("/api/v1/indicators/{}/values/1e400", ctx.money_id),
        ),
        (
            "period invalid UTF-8",
            format!("/api/v1/indicators/{}/values/%FF", ctx.money_id),
        ),
        (
            "period overlong",
            format!(
                "/api/v1/indicators/{}/values/{}",
                ctx.money_id,
                "2".repeat(5000)
            ),
        ),
        (
            "indicator abc",
            "/api/v1/indicators/abc/values/2021".to_string(),
        ),
        (
            "indicator -1",
            "/api/v1/indicators/-1/values/2021".to_string(),
        ),
        (
            "indicator 0",
            "/api/v1/indicators/0/values/2021".to_string(),
        ),
        (
            "indicator huge",
            "/api/v1/indicators/99999999999999999999999/values/2021".to_string(),
        ),
        (
            "indicator that does not exist",
            "/api/v1/indicators/999999/values/2021".to_string(),
        ),
        (
            "indicator invalid UTF-8",
            "/api/v1/indicators/%FF/values/2021".to_string(),
        ),
        (
            "indicator of another term, a year not in it",
            format!("/api/v1/indicators/{}/values/2021", ctx.old_id),
        ),
    ] {
        cases.push(case(
            format!("API PUT: {label}"),
            put(&path, r#"{"value": "12,5"}"#),
            Expect::Json,
        ));
    }
    for (label, token) in [("no token", None), ("a viewer's token", Some(Who::Anon))] {
        cases.push(case(
            format!("API PUT: {label}"),
            api(Method::PUT, &money, token, valid),
            Expect::Json,
        ));
    }
    cases.push(case(
        "API PUT: a made-up token",
        Req::Raw {
            who: Who::Anon,
            method: Method::PUT,
            path: money.clone(),
            content_type: Some("application/json".into()),
            body: valid.to_vec(),
        },
        Expect::Json,
    ));
    for method in [Method::DELETE, Method::PATCH, Method::POST] {
        cases.push(case(
            format!("API {method} on a value"),
            api(method.clone(), &money, Some(Who::Editor), valid),
            Expect::Json,
        ));
    }
    let approve = format!("{money}/approve");
    let ret = format!("{money}/return");
    for (label, path, body) in [
        ("approve a value not awaiting review", &approve, ""),
        ("approve with an unknown field", &approve, r#"{"x": 1}"#),
        (
            "approve with a comment number",
            &approve,
            r#"{"comment": 5}"#,
        ),
        ("approve with invalid JSON", &approve, "{"),
        ("return without a comment", &ret, "{}"),
        ("return with a blank comment", &ret, r#"{"comment": "   "}"#),
        (
            "return with a comment of 2001 characters",
            &ret,
            &format!(r#"{{"comment": "{}"}}"#, "a".repeat(2001)),
        ),
        ("return with a comment null", &ret, r#"{"comment": null}"#),
        (
            "return with a NUL comment",
            &ret,
            r#"{"comment": "sai\u0000"}"#,
        ),
        (
            "return with a nested comment",
            &ret,
            r#"{"comment": [["x"]]}"#,
        ),
    ] {
        cases.push(case(
            format!("API review: {label}"),
            api(Method::POST, path, Some(Who::Approver), body.as_bytes()),
            Expect::Json,
        ));
    }
    cases.push(case(
        "API review: an editor approves",
        api(Method::POST, &approve, Some(Who::Editor), b""),
        Expect::Json,
    ));
    cases.push(case(
        "API review: approve with text/plain",
        Req::Api {
            method: Method::POST,
            path: approve.clone(),
            token: Some(Who::Approver),
            content_type: Some("text/plain".into()),
            body: b"{}".to_vec(),
        },
        Expect::Json,
    ));
    cases
}
