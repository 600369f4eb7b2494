//! The admin's definition forms: terms, groups, indicators, targets.

use super::forms::bad_numbers;
use super::{Case, Ctx, Expect, FIX_ERRORS, NOT_FOUND, NUMBER, Who, case, form};

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
        ("correct a term that does not exist", "/admin/terms/999999"),
        ("rename a group that does not exist", "/admin/groups/999999"),
        ("rename group abc", "/admin/groups/abc"),
        (
            "archive a group that does not exist",
            "/admin/groups/999999/archive",
        ),
        ("unknown change of a group", "/admin/groups/1/explode"),
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
    // The correction of a term's name and years (fields "edit_…").
    let correct = format!("/admin/terms/{}", ctx.term);
    let years: &'static [&'static str] = years;
    for (label, start, end, expect) in [
        ("start after end", "2030", "2025", years),
        ("fullwidth", "２０２０", "２０２５", years),
        ("1e400", "1e400", "2025", years),
        ("SQL", "2020; DROP TABLE terms", "2025", years),
        (
            "the years of another term",
            "2015",
            "2020",
            &["Không đổi được năm", "Đã có nhiệm kỳ"],
        ),
    ] {
        cases.push(case(
            format!("terms: correction with years {label}"),
            form(
                Who::Admin,
                &correct,
                &[
                    ("edit_name", "Nhiệm kỳ 2020–2025"),
                    ("edit_start_year", start),
                    ("edit_end_year", end),
                ],
            ),
            Expect::Vi(expect),
        ));
    }
    for (label, name) in [
        ("empty", ""),
        ("1 MB", mega.as_str()),
        ("with a NUL", "Nhiệm\u{0}kỳ"),
    ] {
        cases.push(case(
            format!("terms: correction with a name {label}"),
            form(
                Who::Admin,
                &correct,
                &[
                    ("edit_name", name),
                    ("edit_start_year", "2020"),
                    ("edit_end_year", "2025"),
                ],
            ),
            Expect::Vi(bad_name),
        ));
    }
    // Renaming a group (field "group_name_{id}"); group 1 exists and is in use.
    for (label, name) in [
        ("empty", ""),
        ("301 characters", long_name.as_str()),
        ("1 MB", mega.as_str()),
        ("with a NUL", "Nhóm\u{0}một"),
    ] {
        cases.push(case(
            format!("groups: renamed to a name {label}"),
            form(Who::Admin, "/admin/groups/1", &[("group_name_1", name)]),
            Expect::Vi(bad_name),
        ));
    }
    cases.push(case(
        "groups: archiving a group still in use",
        form(Who::Admin, "/admin/groups/1/archive", &[]),
        Expect::Vi(&["Nhóm còn chỉ tiêu đang dùng"]),
    ));
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
