//! Query parameters, path ids and the write API's JSON bodies.

use super::{Case, Ctx, Expect, NOT_FOUND, Req, Who, api, case, get};
use reqwest::Method;

pub fn queries(ctx: &Ctx) -> Vec<Case> {
    let mut cases = Vec::new();
    let (id, term) = (ctx.count_id, ctx.old_term);
    for (label, q) in [
        ("width abc", "width=abc"),
        ("width 1e400", "width=1e400"),
        ("width NaN", "width=NaN"),
        ("width inf", "width=inf"),
        ("width -1", "width=-1"),
        ("width 0", "width=0"),
        ("width 319", "width=319"),
        ("width 4097", "width=4097"),
        ("width 400 digits", &format!("width={}", "9".repeat(400))),
        (
            "width fullwidth",
            "width=%EF%BC%91%EF%BC%90%EF%BC%90%EF%BC%90",
        ),
        ("width Arabic-Indic", "width=%D9%A1%D9%A2%D9%A3%D9%A4"),
        ("width 1_000", "width=1_000"),
        ("width 0x400", "width=0x400"),
        ("width 1.000", "width=1.000"),
        ("width empty", "width="),
        ("height 99999", "height=99999"),
        ("height -0", "height=-0"),
        ("scale 0", "scale=0"),
        ("scale 4", "scale=4"),
        ("scale 1.5", "scale=1.5"),
        ("scale NaN", "scale=NaN"),
        ("too many pixels", "width=4096&height=4096&scale=3"),
        ("width invalid UTF-8", "width=%FF%FE"),
        ("term abc", "term=abc"),
        ("term -1", "term=-1"),
        ("term 999999", "term=999999"),
        ("term script", "term=%3Cscript%3E"),
        ("term invalid UTF-8", "term=%FF"),
    ] {
        cases.push(case(
            format!("charts: indicator PNG {label}"),
            get(Who::Anon, &format!("/charts/indicators/{id}.png?{q}")),
            Expect::Json,
        ));
    }
    for (label, q) in [
        ("width abc", "width=abc"),
        ("height 1e400", "height=1e400"),
        ("width invalid UTF-8", "width=%C3%28"),
    ] {
        cases.push(case(
            format!("charts: overview SVG {label}"),
            get(Who::Anon, &format!("/charts/terms/{term}/overview.svg?{q}")),
            Expect::Json,
        ));
        cases.push(case(
            format!("charts: compare PNG {label}"),
            get(
                Who::Anon,
                &format!("/charts/indicators/{id}/compare.png?{q}"),
            ),
            Expect::Json,
        ));
    }
    for (label, q) in [
        ("limit 0", "limit=0"),
        ("limit 1001", "limit=1001"),
        ("limit abc", "limit=abc"),
        ("limit -1", "limit=-1"),
        ("limit 1e400", "limit=1e400"),
        ("limit NaN", "limit=NaN"),
        ("limit empty", "limit="),
        ("limit fullwidth", "limit=%EF%BC%95"),
        ("offset -1", "offset=-1"),
        ("offset 400 digits", &format!("offset={}", "9".repeat(400))),
        ("offset 1.5", "offset=1.5"),
        ("offset invalid UTF-8", "offset=%FF"),
    ] {
        cases.push(case(
            format!("API term list: {label}"),
            get(Who::Anon, &format!("/api/v1/terms/{term}/indicators?{q}")),
            Expect::Json,
        ));
    }
    let bad_page: &'static [&'static str] = &["Tham số trong địa chỉ không hợp lệ"];
    for (label, q) in [
        ("page abc", "page=abc"),
        ("page 0", "page=0"),
        ("page -1", "page=-1"),
        ("page 1e400", "page=1e400"),
        ("page NaN", "page=NaN"),
        ("page 400 digits", &format!("page={}", "9".repeat(400))),
        ("page fullwidth", "page=%EF%BC%92"),
        ("page invalid UTF-8", "page=%FF"),
        ("page script", "page=%3Cscript%3Ealert(1)%3C/script%3E"),
    ] {
        cases.push(case(
            format!("term page: {label}"),
            get(Who::Anon, &format!("/terms/{term}?{q}")),
            Expect::Vi(bad_page),
        ));
    }
    for (label, code) in [
        ("xx", "xx"),
        ("empty-ish", "%20"),
        ("script", "%3Cscript%3E"),
        ("invalid UTF-8", "%FF"),
        ("overlong", &"v".repeat(5000)),
    ] {
        cases.push(case(
            format!("language: {label}"),
            get(Who::Anon, &format!("/lang/{code}")),
            Expect::Vi(&["Không có ngôn ngữ này", "Không tìm thấy"]),
        ));
    }
    cases
}

pub fn paths(ctx: &Ctx) -> Vec<Case> {
    let mut cases = Vec::new();
    let junk = [
        ("abc", "abc".to_string()),
        ("negative", "-1".to_string()),
        ("zero", "0".to_string()),
        ("huge", "99999999999999999999999".to_string()),
        ("does not exist", "999999".to_string()),
        ("1e400", "1e400".to_string()),
        ("dot-dot", "..%2F..%2Fetc%2Fpasswd".to_string()),
        ("percent-encoded junk", "%FF%FE".to_string()),
        ("null byte", "1%00".to_string()),
        ("overlong", "1".repeat(5000)),
        ("fullwidth", "%EF%BC%91".to_string()),
        ("SQL", "1%20OR%201%3D1".to_string()),
    ];
    for (label, raw) in &junk {
        for (what, path) in [
            ("API indicator", format!("/api/v1/indicators/{raw}")),
            ("API term", format!("/api/v1/terms/{raw}/indicators")),
        ] {
            cases.push(case(
                format!("{what} id {label}"),
                get(Who::Anon, &path),
                Expect::Json,
            ));
        }
        for (what, path) in [
            ("term page", format!("/terms/{raw}")),
            ("indicator page", format!("/indicators/{raw}")),
        ] {
            cases.push(case(
                format!("{what} id {label}"),
                get(Who::Anon, &path),
                Expect::Vi(NOT_FOUND),
            ));
        }
    }
    for (label, raw) in junk.iter().take(8) {
        for (what, path, who) in [
            ("admin term page", format!("/admin/terms/{raw}"), Who::Admin),
            (
                "admin indicator page",
                format!("/admin/indicators/{raw}"),
                Who::Admin,
            ),
            ("entry page", format!("/entry/{raw}/2021"), Who::Editor),
            ("import page", format!("/import/{raw}/2021"), Who::Editor),
        ] {
            cases.push(case(
                format!("{what} id {label}"),
                get(who, &path),
                Expect::Vi(NOT_FOUND),
            ));
        }
        for (what, path) in [
            ("indicator chart", format!("/charts/indicators/{raw}.svg")),
            (
                "overview chart",
                format!("/charts/terms/{raw}/overview.png"),
            ),
            ("CSV export", format!("/export/terms/{raw}.csv")),
            ("history", format!("/api/v1/indicators/{raw}/history")),
        ] {
            cases.push(case(
                format!("{what} id {label}"),
                Req::Api {
                    method: Method::GET,
                    path,
                    token: Some(Who::Editor),
                    content_type: None,
                    body: Vec::new(),
                },
                Expect::Json,
            ));
        }
    }
    for (label, file) in [
        ("unknown format", "1.exe"),
        ("no extension", "1"),
        ("double extension", "1.csv.exe"),
        ("invalid UTF-8", "%FF.csv"),
    ] {
        cases.push(case(
            format!("export file {label}"),
            get(Who::Anon, &format!("/export/terms/{file}")),
            Expect::Json,
        ));
    }
    let t = ctx.term;
    for (label, path) in [
        (
            "template of an unknown format",
            format!("/import/{t}/2021/template.exe"),
        ),
        (
            "template of a term that does not exist",
            "/import/999999/2021/template.csv".to_string(),
        ),
        (
            "template of a year outside the term",
            format!("/import/{t}/1999/template.xlsx"),
        ),
        (
            "template of term abc",
            "/import/abc/2021/template.csv".to_string(),
        ),
        (
            "template of year %FF",
            format!("/import/{t}/%FF/template.csv"),
        ),
    ] {
        cases.push(case(label, get(Who::Editor, &path), Expect::Vi(NOT_FOUND)));
    }
    cases
}

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
