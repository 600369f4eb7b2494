//! The HTML forms: entry, review, lock (accounts: accounts.rs; definitions: definitions.rs).

use super::{
    BAD_FORM, CSRF, Case, Ctx, Expect, FIX_ERRORS, NOT_FOUND, NUMBER, Req, TOO_LARGE, Who, case,
    form,
};
use reqwest::Method;

/// Text that is not a number the way a clerk writes one, with a label.
pub fn bad_numbers() -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> = [
        ("1e400", "1e400"),
        ("1e5", "1e5"),
        ("NaN", "NaN"),
        ("inf", "inf"),
        ("Infinity", "Infinity"),
        ("-Infinity", "-Infinity"),
        ("infinity sign", "∞"),
        ("Arabic-Indic digits", "١٢٣"),
        ("fullwidth digits", "１２３"),
        ("mathematical digits", "𝟏𝟐𝟑"),
        ("Devanagari digits", "१२३"),
        ("Roman numeral", "Ⅻ"),
        ("vulgar fraction", "½"),
        ("superscript", "²"),
        ("letter O for zero", "1O0"),
        ("letter l for one", "l00"),
        ("Unicode minus", "−5"),
        ("two dots", "1.234.5"),
        ("English thousands", "1,234.5"),
        ("two commas", "1,2,3"),
        ("hex", "0x10"),
        ("underscore", "1_000"),
        ("space inside", "12 345"),
        ("no-break space inside", "12\u{a0}345"),
        ("apostrophe group", "1'000"),
        ("double minus", "--1"),
        ("plus minus", "+-1"),
        ("trailing minus", "5-"),
        ("words", "mười hai"),
        ("SQL", "1; DROP TABLE indicator_values;--"),
        ("script", "<script>alert(1)</script>"),
        ("null byte", "12\u{0}3"),
        ("zero-width space", "1\u{200b}2"),
        ("percent only", "%"),
        ("decimal point only", ","),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    list.push(("400 digits".into(), "9".repeat(400)));
    list.push((
        "tiny with 400 zeros".into(),
        format!("0,{}1", "0".repeat(400)),
    ));
    list.push(("16 digits".into(), "1234567890123456".into()));
    list.push(("7 decimals".into(), "1,1234567".into()));
    list
}

pub fn entry(ctx: &Ctx) -> Vec<Case> {
    let path = format!("/entry/{}/2021", ctx.term);
    let (count, money, percent) = (ctx.count_id, ctx.money_id, ctx.percent_id);
    let mut cases = Vec::new();
    let value = |id: i64, text: &str| form(Who::Editor, &path, &[(&format!("v_{id}"), text)]);
    for (label, text) in bad_numbers() {
        cases.push(case(
            format!("entry: money value {label}"),
            value(money, &text),
            Expect::Vi(NUMBER),
        ));
    }
    for (label, text) in [
        ("negative count", "-5"),
        ("fractional count", "2,5"),
        ("count 1.5 with a dot", "1.5"),
        ("negative money", "-0,5"),
    ] {
        let id = if label.contains("money") {
            money
        } else {
            count
        };
        cases.push(case(
            format!("entry: {label}"),
            value(id, text),
            Expect::Vi(NUMBER),
        ));
    }
    for (label, text) in [
        ("percent 1001", "1001"),
        ("percent 5000%", "5000%"),
        ("percent -1001", "-1001"),
        ("percent 1e3", "1e3"),
    ] {
        cases.push(case(
            format!("entry: {label}"),
            value(percent, text),
            Expect::Vi(NUMBER),
        ));
    }
    let long = "a".repeat(2001);
    let mega = "a".repeat(900_000);
    let v = format!("v_{money}");
    let with = |k: &str, t: &str| {
        form(
            Who::Editor,
            &path,
            &[(v.as_str(), "12,5"), (&format!("{k}_{money}"), t)],
        )
    };
    for (field, name) in [("n", "note"), ("d", "source"), ("s", "quote")] {
        cases.push(case(
            format!("entry: {name} of 2001 characters"),
            with(field, &long),
            Expect::Vi(&["dài quá 2.000 ký tự"]),
        ));
        cases.push(case(
            format!("entry: {name} of 900 kB"),
            with(field, &mega),
            Expect::Vi(&["dài quá 2.000 ký tự"]),
        ));
    }
    for (field, name) in [("n", "note"), ("d", "source"), ("s", "quote")] {
        for (label, text) in [
            ("a NUL", "ghi\u{0}chú"),
            ("an escape", "\u{1b}[31mđỏ"),
            ("a backspace", "a\u{8}b"),
        ] {
            cases.push(case(
                format!("entry: {name} with {label}"),
                with(field, text),
                Expect::Vi(&["ký tự điều khiển"]),
            ));
        }
    }
    cases.push(case(
        "entry: note of 2 MB (over the body limit)",
        with("n", &"x".repeat(2 * 1024 * 1024)),
        Expect::Vi(TOO_LARGE),
    ));
    for (label, text) in [
        ("version abc", "abc"),
        ("version -1", "-1"),
        ("version 1e400", "1e400"),
        ("version 99999999999999999999", "99999999999999999999"),
        ("version 1.5", "1.5"),
    ] {
        cases.push(case(
            format!("entry: {label}"),
            with("ver", text),
            Expect::Vi(
                FIX_ERRORS
                    .iter()
                    .chain(BAD_FORM)
                    .copied()
                    .collect::<Vec<_>>()
                    .leak(),
            ),
        ));
    }
    for (label, text) in [
        ("qualifier unknown", "maybe"),
        ("qualifier script", "<script>"),
    ] {
        cases.push(case(
            format!("entry: {label}"),
            with("q", text),
            Expect::Vi(BAD_FORM),
        ));
    }
    cases.push(case(
        "entry: a note without a figure",
        form(Who::Editor, &path, &[(&format!("n_{money}"), "ghi chú")]),
        Expect::Vi(NUMBER),
    ));
    for (label, name) in [
        ("unknown field name", "foo".to_string()),
        (
            "field of another term's indicator",
            format!("v_{}", ctx.old_id),
        ),
        (
            "field of an indicator that does not exist",
            "v_999999".into(),
        ),
        ("field with a non-numeric id", "v_abc".into()),
        ("field with a negative id", "v_-1".into()),
        ("field with a huge id", format!("v_{}", "9".repeat(30))),
        ("field named with a script", "<script>".into()),
        ("field named with SQL", "v_1 OR 1=1".into()),
    ] {
        cases.push(case(
            format!("entry: {label}"),
            form(Who::Editor, &path, &[(v.as_str(), "12,5"), (&name, "5")]),
            Expect::Vi(BAD_FORM),
        ));
    }
    cases.push(case(
        "entry: wrong content type",
        Req::Raw {
            who: Who::Editor,
            method: Method::POST,
            path: path.clone(),
            content_type: Some("application/json".into()),
            body: br#"{"csrf":"x"}"#.to_vec(),
        },
        Expect::Vi(BAD_FORM),
    ));
    cases.push(case(
        "entry: invalid UTF-8 in the form body",
        Req::Raw {
            who: Who::Editor,
            method: Method::POST,
            path: path.clone(),
            content_type: Some("application/x-www-form-urlencoded".into()),
            body: format!("csrf={{csrf}}&v_{money}=%FF%FE1").into_bytes(),
        },
        Expect::Vi(BAD_FORM),
    ));
    cases.push(case(
        "entry: raw invalid UTF-8 bytes in the form body",
        Req::Raw {
            who: Who::Editor,
            method: Method::POST,
            path: path.clone(),
            content_type: Some("application/x-www-form-urlencoded".into()),
            body: format!("csrf={{csrf}}&v_{money}=5&n_{money}=")
                .into_bytes()
                .into_iter()
                .chain(*b"\xff\xfe")
                .collect(),
        },
        Expect::Vi(BAD_FORM),
    ));
    cases.push(case(
        "entry: no CSRF token",
        Req::Raw {
            who: Who::Editor,
            method: Method::POST,
            path: path.clone(),
            content_type: Some("application/x-www-form-urlencoded".into()),
            body: format!("v_{money}=5").into_bytes(),
        },
        Expect::Vi(CSRF),
    ));
    for (label, p) in [
        (
            "a year outside the term",
            format!("/entry/{}/2030", ctx.term),
        ),
        (
            "a term that does not exist",
            "/entry/999999/2021".to_string(),
        ),
        ("a negative term", "/entry/-1/2021".to_string()),
        ("a non-numeric term", "/entry/abc/2021".to_string()),
        ("a non-numeric year", format!("/entry/{}/năm", ctx.term)),
        ("a huge year", format!("/entry/{}/99999999999", ctx.term)),
        (
            "submit for a term that does not exist",
            "/entry/999999/2021/submit".to_string(),
        ),
        (
            "submit for a non-numeric year",
            format!("/entry/{}/x/submit", ctx.term),
        ),
    ] {
        cases.push(case(
            format!("entry: {label}"),
            form(Who::Editor, &p, &[(v.as_str(), "12,5")]),
            Expect::Vi(NOT_FOUND),
        ));
    }
    cases
}

pub fn review(ctx: &Ctx) -> Vec<Case> {
    let mut cases = Vec::new();
    let path = format!("/review/{}/2021", ctx.count_id);
    for (label, decision) in [
        ("decision empty", ""),
        ("decision unknown", "delete"),
        ("decision script", "<script>"),
        ("decision in capitals", "APPROVE"),
    ] {
        cases.push(case(
            format!("review: {label}"),
            form(Who::Approver, &path, &[("decision", decision)]),
            Expect::Vi(BAD_FORM),
        ));
    }
    cases.push(case(
        "review: return without a comment",
        form(
            Who::Approver,
            &path,
            &[("decision", "return"), ("comment", "  ")],
        ),
        Expect::Vi(&["Khi trả lại số liệu, hãy ghi ý kiến"]),
    ));
    cases.push(case(
        "review: a comment of 1 MB",
        form(
            Who::Approver,
            &path,
            &[("decision", "return"), ("comment", &"a".repeat(1_000_000))],
        ),
        Expect::Vi(&["dài quá"]),
    ));
    cases.push(case(
        "review: a comment with a NUL",
        form(
            Who::Approver,
            &path,
            &[("decision", "return"), ("comment", "sai\u{0}số")],
        ),
        Expect::Vi(&["ký tự điều khiển"]),
    ));
    cases.push(case(
        "review: a value not awaiting review",
        form(Who::Approver, &path, &[("decision", "approve")]),
        Expect::Vi(&["không còn chờ duyệt"]),
    ));
    for (label, p) in [
        ("period abc", format!("/review/{}/abc", ctx.count_id)),
        ("period 1e400", format!("/review/{}/1e400", ctx.count_id)),
        ("period -2021", format!("/review/{}/-2021", ctx.count_id)),
        ("indicator abc", "/review/abc/2021".to_string()),
        ("indicator -1", "/review/-1/2021".to_string()),
        (
            "indicator overlong",
            format!("/review/{}/2021", "9".repeat(40)),
        ),
        (
            "indicator that does not exist",
            "/review/999999/2021".to_string(),
        ),
    ] {
        cases.push(case(
            format!("review: {label}"),
            form(Who::Approver, &p, &[("decision", "approve")]),
            Expect::Vi(
                NOT_FOUND
                    .iter()
                    .chain(&["không còn chờ duyệt"])
                    .copied()
                    .collect::<Vec<_>>()
                    .leak(),
            ),
        ));
    }
    cases.push(case(
        "review: an editor approves",
        form(Who::Editor, &path, &[("decision", "approve")]),
        Expect::Vi(&["không có quyền"]),
    ));
    for (label, p) in [
        ("lock a term that does not exist", "/terms/999999/lock"),
        ("lock term abc", "/terms/abc/lock"),
        ("lock term 0", "/terms/0/lock"),
    ] {
        cases.push(case(
            format!("lock: {label}"),
            form(Who::Approver, p, &[("lock", "1")]),
            Expect::Vi(NOT_FOUND),
        ));
    }
    cases.push(case(
        "lock: lock value other than 0 or 1",
        form(
            Who::Approver,
            &format!("/terms/{}/lock", ctx.term),
            &[("lock", "yes")],
        ),
        Expect::Vi(BAD_FORM),
    ));
    cases
}
