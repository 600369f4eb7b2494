//! The HTML forms: entry, sign-in, setup, accounts, definitions, review, lock.

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

pub fn accounts(_ctx: &Ctx) -> Vec<Case> {
    let mut cases = Vec::new();
    let wrong = &[
        "Tên đăng nhập hoặc mật khẩu không đúng",
        "Đăng nhập sai quá nhiều lần",
    ];
    let long = "a".repeat(1_000_000);
    for (label, user, pass) in [
        ("login: empty", "", ""),
        ("login: SQL in the username", "' OR '1'='1' --", "x"),
        ("login: SQL in the password", "quantri", "' OR '1'='1"),
        ("login: script username", "<script>alert(1)</script>", "x"),
        (
            "login: fullwidth username",
            "ｑｕａｎｔｒｉ",
            "mat-khau-quan-tri",
        ),
        (
            "login: username with null byte",
            "quan\u{0}tri",
            "mat-khau-quan-tri",
        ),
        ("login: 1 MB username", long.as_str(), "x"),
        ("login: 1 MB password", "khong-co", long.as_str()),
    ] {
        cases.push(case(
            label,
            form(
                Who::Anon,
                "/login",
                &[("username", user), ("password", pass)],
            ),
            Expect::Vi(wrong),
        ));
    }
    cases.push(case(
        "login: invalid UTF-8",
        Req::Raw {
            who: Who::Anon,
            method: Method::POST,
            path: "/login".into(),
            content_type: Some("application/x-www-form-urlencoded".into()),
            body: b"csrf={csrf}&username=%FF&password=%FE".to_vec(),
        },
        Expect::Vi(BAD_FORM),
    ));
    cases.push(case(
        "login: JSON body",
        Req::Raw {
            who: Who::Anon,
            method: Method::POST,
            path: "/login".into(),
            content_type: Some("application/json".into()),
            body: br#"{"username":"quantri"}"#.to_vec(),
        },
        Expect::Vi(BAD_FORM),
    ));
    let used = &[
        "Đường dẫn thiết lập đã được dùng",
        "Tên đăng nhập có từ 3 đến 40 ký tự",
        "Mật khẩu có ít nhất 10 ký tự",
    ];
    for (label, user, pass, token) in [
        ("setup: used token", "quantri2", "mat-khau-dai-du", "x"),
        ("setup: empty token", "quantri2", "mat-khau-dai-du", ""),
        ("setup: script username", "<script>", "mat-khau-dai-du", "x"),
        ("setup: short password", "quantri2", "ngan", "x"),
        (
            "setup: SQL token",
            "quantri2",
            "mat-khau-dai-du",
            "' OR 1=1 --",
        ),
        (
            "setup: 1 MB token",
            "quantri2",
            "mat-khau-dai-du",
            long.as_str(),
        ),
    ] {
        cases.push(case(
            label,
            form(
                Who::Anon,
                "/setup",
                &[("token", token), ("username", user), ("password", pass)],
            ),
            Expect::Vi(used),
        ));
    }
    let bad_user = &["Tên đăng nhập có từ 3 đến 40 ký tự"];
    for (label, user) in [
        ("empty", ""),
        ("two letters", "ab"),
        ("41 letters", &"a".repeat(41)),
        ("script", "<script>alert(1)</script>"),
        ("markup", "\"><img src=x onerror=alert(1)>"),
        ("SQL", "x'; DROP TABLE users;--"),
        ("Vietnamese letters", "vănthư"),
        ("fullwidth", "ｖａｎｔｈｕ"),
        ("space", "van thu"),
        ("null byte", "van\u{0}thu"),
        ("path", "../../etc"),
        ("1 MB", &long),
    ] {
        cases.push(case(
            format!("users: username {label}"),
            form(
                Who::Admin,
                "/admin/users",
                &[
                    ("username", user),
                    ("role", "editor"),
                    ("password", "mat-khau-dai-du"),
                ],
            ),
            Expect::Vi(bad_user),
        ));
    }
    for role in ["", "superuser", "ADMIN", "admin ", "<script>", "1"] {
        cases.push(case(
            format!("users: role {role:?}"),
            form(
                Who::Admin,
                "/admin/users",
                &[
                    ("username", "nguoimoi"),
                    ("role", role),
                    ("password", "mat-khau-dai-du"),
                ],
            ),
            Expect::Vi(&["Hãy chọn một vai trò."]),
        ));
    }
    for (label, pw) in [("empty", ""), ("9 characters", "123456789")] {
        cases.push(case(
            format!("users: password {label}"),
            form(
                Who::Admin,
                "/admin/users",
                &[
                    ("username", "nguoimoi"),
                    ("role", "editor"),
                    ("password", pw),
                ],
            ),
            Expect::Vi(&["Mật khẩu có ít nhất 10 ký tự."]),
        ));
    }
    cases.push(case(
        "users: a taken name",
        form(
            Who::Admin,
            "/admin/users",
            &[
                ("username", "vanthu"),
                ("role", "editor"),
                ("password", "mat-khau-dai-du"),
            ],
        ),
        Expect::Vi(&["Tên đăng nhập này đã có người dùng."]),
    ));
    cases.push(case(
        "users: an editor creates an account",
        form(
            Who::Editor,
            "/admin/users",
            &[
                ("username", "nguoimoi"),
                ("role", "admin"),
                ("password", "mat-khau-dai-du"),
            ],
        ),
        Expect::Vi(&["không có quyền"]),
    ));
    for (label, p) in [
        ("unknown change", "/admin/users/vanthu/delete"),
        ("unknown user", "/admin/users/khongco/disable"),
        ("script user", "/admin/users/%3Cscript%3E/disable"),
        ("invalid UTF-8 user", "/admin/users/%FF%FE/disable"),
        ("dot-dot user", "/admin/users/..%2F..%2Fetc/disable"),
    ] {
        cases.push(case(
            format!("users: {label}"),
            form(Who::Admin, p, &[]),
            Expect::Vi(
                NOT_FOUND
                    .iter()
                    .chain(BAD_FORM)
                    .copied()
                    .collect::<Vec<_>>()
                    .leak(),
            ),
        ));
    }
    cases
}

pub fn definitions(ctx: &Ctx) -> Vec<Case> {
    let mut cases = Vec::new();
    let years = &["Năm không hợp lệ"];
    for (label, start, end) in [
        ("start after end", "2030", "2025"),
        ("equal years", "2025", "2025"),
        ("non-numeric", "abc", "2030"),
        ("1e400", "1e400", "2030"),
        ("NaN", "NaN", "2030"),
        ("empty", "", ""),
        ("fullwidth", "２０２５", "２０３０"),
        ("Arabic-Indic", "٢٠٢٥", "٢٠٣٠"),
        ("too early", "1800", "1805"),
        ("too late", "2300", "2305"),
        ("huge", "99999999999999999999", "2030"),
        ("negative", "-2025", "-2020"),
        ("decimal", "2025,5", "2030"),
        ("SQL", "2025; DROP TABLE terms", "2030"),
    ] {
        cases.push(case(
            format!("terms: years {label}"),
            form(
                Who::Admin,
                "/admin/terms",
                &[
                    ("name", "Nhiệm kỳ thử"),
                    ("start_year", start),
                    ("end_year", end),
                ],
            ),
            Expect::Vi(years),
        ));
    }
    let bad_name = &["Hãy ghi tên (tối đa 300 ký tự)."];
    for (label, name) in [
        ("empty", "".to_string()),
        ("blank", "   ".to_string()),
        ("301 characters", "ă".repeat(301)),
        ("1 MB", "a".repeat(1_000_000)),
        ("with a NUL", "Nhiệm\u{0}kỳ".to_string()),
    ] {
        cases.push(case(
            format!("terms: name {label}"),
            form(
                Who::Admin,
                "/admin/terms",
                &[
                    ("name", &name),
                    ("start_year", "2025"),
                    ("end_year", "2030"),
                ],
            ),
            Expect::Vi(bad_name),
        ));
    }
    for (label, from) in [("abc", "abc"), ("999999", "999999"), ("-1", "-1")] {
        cases.push(case(
            format!("terms: copy from {label}"),
            form(
                Who::Admin,
                "/admin/terms",
                &[
                    ("name", "Nhiệm kỳ thử"),
                    ("start_year", "2025"),
                    ("end_year", "2030"),
                    ("copy_from", from),
                ],
            ),
            Expect::Vi(FIX_ERRORS),
        ));
    }
    cases.push(case(
        "terms: the same years as a term that exists",
        form(
            Who::Admin,
            "/admin/terms",
            &[
                ("name", "Trùng"),
                ("start_year", "2020"),
                ("end_year", "2025"),
            ],
        ),
        Expect::Vi(&["Đã có nhiệm kỳ với các năm này"]),
    ));
    let term_path = format!("/admin/terms/{}/indicators", ctx.term);
    let indicator = |over: &[(&str, &str)]| {
        let mut fields = vec![
            ("code", "HX-01"),
            ("name", "Chỉ tiêu thử"),
            ("unit", "nhiệm vụ"),
            ("unit_kind", "count"),
            ("direction", "higher"),
        ];
        for (k, v) in over {
            fields.retain(|(f, _)| f != k);
            fields.push((k, v));
        }
        form(Who::Admin, &term_path, &fields)
    };
    let long_name = "ă".repeat(301);
    let long_unit = "đ".repeat(41);
    let mega = "a".repeat(1_000_000);
    for (label, key, value) in [
        ("code empty", "code", ""),
        ("code lowercase", "code", "hx-01"),
        ("code Vietnamese", "code", "HĐ-01"),
        ("code with space", "code", "HX 01"),
        ("code 21 characters", "code", "ABCDEFGHIJKLMNOPQRSTU"),
        ("code script", "code", "<script>"),
        ("code SQL", "code", "X'; DROP TABLE indicators;--"),
        ("code fullwidth", "code", "ＨＸ-01"),
        ("code taken", "code", "NV-01"),
        ("name empty", "name", ""),
        ("name 301 characters", "name", &long_name),
        ("name 1 MB", "name", &mega),
        ("name with a NUL", "name", "Chỉ\u{0}tiêu"),
        ("English name 1 MB", "name_en", &mega),
        ("unit with a NUL", "unit", "nhiệm\u{0}vụ"),
        ("English unit 41 characters", "unit_en", &long_unit),
        ("unit empty", "unit", ""),
        ("unit 41 characters", "unit", &long_unit),
        ("unit kind unknown", "unit_kind", "kg"),
        ("unit kind empty", "unit_kind", ""),
        ("direction unknown", "direction", "sideways"),
        (
            "parent in another term",
            "parent_id",
            &ctx.old_id.to_string(),
        ),
        ("parent that does not exist", "parent_id", "999999"),
        ("parent abc", "parent_id", "abc"),
        ("parent -1", "parent_id", "-1"),
        ("group that does not exist", "group_id", "999999"),
        ("group abc", "group_id", "abc"),
    ] {
        cases.push(case(
            format!("indicators: {label}"),
            indicator(&[(key, value)]),
            Expect::Vi(
                FIX_ERRORS
                    .iter()
                    .chain(&["Mã này đã được dùng"])
                    .copied()
                    .collect::<Vec<_>>()
                    .leak(),
            ),
        ));
    }
    for (label, p) in [
        (
            "a term that does not exist",
            "/admin/terms/999999/indicators".to_string(),
        ),
        (
            "a non-numeric term",
            "/admin/terms/abc/indicators".to_string(),
        ),
        ("a negative term", "/admin/terms/-5/indicators".to_string()),
    ] {
        cases.push(case(
            format!("indicators: create in {label}"),
            form(
                Who::Admin,
                &p,
                &[
                    ("code", "HX-01"),
                    ("name", "Thử"),
                    ("unit", "nhiệm vụ"),
                    ("unit_kind", "count"),
                    ("direction", "higher"),
                ],
            ),
            Expect::Vi(NOT_FOUND),
        ));
    }
    for (label, p) in [
        (
            "update an indicator that does not exist",
            "/admin/indicators/999999",
        ),
        ("update indicator abc", "/admin/indicators/abc"),
        (
            "target of an indicator that does not exist",
            "/admin/indicators/999999/target",
        ),
        ("target of indicator 0", "/admin/indicators/0/target"),
        (
            "archive an indicator that does not exist",
            "/admin/indicators/999999/state/archive",
        ),
        (
            "archive a term that does not exist",
            "/admin/terms/999999/archive",
        ),
        ("unknown change of a term", "/admin/terms/1/explode"),
        (
            "unknown change of an indicator",
            "/admin/indicators/1/state/explode",
        ),
    ] {
        cases.push(case(
            format!("definitions: {label}"),
            form(
                Who::Admin,
                p,
                &[
                    ("code", "HX-01"),
                    ("name", "Thử"),
                    ("unit", "nhiệm vụ"),
                    ("unit_kind", "count"),
                    ("direction", "higher"),
                    ("kind", "end_of_term"),
                    ("value", "5"),
                ],
            ),
            Expect::Vi(NOT_FOUND),
        ));
    }
    let target_path = format!("/admin/indicators/{}/target", ctx.count_id);
    for (label, text) in bad_numbers().into_iter().take(20).chain([
        ("empty".to_string(), String::new()),
        ("blank".to_string(), " ".to_string()),
        ("negative count".to_string(), "-5".to_string()),
        ("fractional count".to_string(), "2,5".to_string()),
    ]) {
        cases.push(case(
            format!("targets: value {label}"),
            form(
                Who::Admin,
                &target_path,
                &[("kind", "end_of_term"), ("value", &text)],
            ),
            Expect::Vi(NUMBER),
        ));
    }
    let percent_target = format!("/admin/indicators/{}/target", ctx.percent_id);
    cases.push(case(
        "targets: percent 5000",
        form(
            Who::Admin,
            &percent_target,
            &[("kind", "end_of_term"), ("value", "5000")],
        ),
        Expect::Vi(NUMBER),
    ));
    for kind in ["sometimes", "<script>", "END_OF_TERM"] {
        cases.push(case(
            format!("targets: kind {kind:?}"),
            form(Who::Admin, &target_path, &[("kind", kind), ("value", "5")]),
            Expect::Vi(FIX_ERRORS),
        ));
    }
    cases.push(case(
        "targets: quote with a NUL",
        form(
            Who::Admin,
            &target_path,
            &[
                ("kind", "end_of_term"),
                ("value", "5"),
                ("quote", "trích\u{0}dẫn"),
            ],
        ),
        Expect::Vi(FIX_ERRORS),
    ));
    cases.push(case(
        "targets: quote of 1 MB",
        form(
            Who::Admin,
            &target_path,
            &[("kind", "end_of_term"), ("value", "5"), ("quote", &mega)],
        ),
        Expect::Vi(FIX_ERRORS),
    ));
    for (label, code, name) in [
        ("code empty", "", "Nhóm"),
        ("code lowercase", "nhom", "Nhóm"),
        ("name empty", "NH", ""),
        ("code taken", "NV", "Nhóm"),
        ("code script", "<script>", "Nhóm"),
    ] {
        cases.push(case(
            format!("groups: {label}"),
            form(
                Who::Admin,
                "/admin/groups",
                &[("group_code", code), ("group_name", name)],
            ),
            Expect::Vi(FIX_ERRORS),
        ));
    }
    let mega_back = format!("/admin/{}", "a".repeat(1_000_000));
    for (label, back) in [
        ("a newline", "/admin/terms\r\nSet-Cookie: x=1"),
        ("a space", "/admin/te rms"),
        ("another site", "//evil.example/admin/"),
        ("1 MB", mega_back.as_str()),
    ] {
        cases.push(case(
            format!("groups: back address with {label}"),
            form(
                Who::Admin,
                "/admin/groups",
                &[
                    ("group_code", "bad code"),
                    ("group_name", "Nhóm"),
                    ("back", back),
                ],
            ),
            Expect::Vi(FIX_ERRORS),
        ));
    }
    cases.push(case(
        "definitions: an editor creates a term",
        form(
            Who::Editor,
            "/admin/terms",
            &[("name", "X"), ("start_year", "2025"), ("end_year", "2030")],
        ),
        Expect::Vi(&["không có quyền"]),
    ));
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
