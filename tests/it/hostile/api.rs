//! Query parameters and path ids.

use super::{Case, Ctx, Expect, NOT_FOUND, Req, Who, case, get};
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
