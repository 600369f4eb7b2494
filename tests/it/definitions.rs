//! The admin defines terms, indicators and typed targets; a revised target keeps
//! its history.

use crate::common;

use common::TestApp;

use common::by_code;

async fn the_admin_opens_a_new_term_with_the_indicator_list_carried_over(app: TestApp) {
    let admin = app.admin().await;
    let (from, old) = app.indicators_of(2020).await;
    let csrf = admin.csrf().await;
    let created = admin
        .post(
            "/admin/terms",
            &[
                ("csrf", csrf.as_str()),
                ("name", "Nhiệm kỳ 2025–2030"),
                ("start_year", "2025"),
                ("end_year", "2030"),
                ("copy_from", &from.to_string()),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let (_, new) = app.indicators_of(2025).await;
    let codes =
        |l: &[serde_json::Value]| l.iter().map(|i| i["code"].to_string()).collect::<Vec<_>>();
    assert_eq!(codes(&old), codes(&new));
    let parent = by_code(&new, "NV-01")["id"].clone();
    assert_eq!(
        by_code(&new, "NV-01.1")["parent_id"],
        parent,
        "breakdowns keep their parent in the new term"
    );
    // The same years again are refused with a message, and nothing is added.
    let again = admin
        .post(
            "/admin/terms",
            &[
                ("csrf", csrf.as_str()),
                ("name", "Trùng"),
                ("start_year", "2025"),
                ("end_year", "2030"),
            ],
        )
        .await;
    assert_eq!(again.status, 409);
    assert!(again.body.contains("Đã có nhiệm kỳ với các năm này"));
    for (start, end) in [("2030", "2025"), ("abc", "2030"), ("1800", "1805")] {
        let bad = admin
            .post(
                "/admin/terms",
                &[
                    ("csrf", csrf.as_str()),
                    ("name", "Sai"),
                    ("start_year", start),
                    ("end_year", end),
                ],
            )
            .await;
        assert_eq!(bad.status, 422, "{start}-{end}");
        assert!(bad.body.contains("Năm không hợp lệ"));
    }
    assert_eq!(app.db.all_terms().await.expect("terms").len(), 3);
}

async fn a_target_revised_mid_term_keeps_the_old_one_in_its_history(app: TestApp) {
    let admin = app.admin().await;
    let (_, list) = app.indicators_of(2020).await;
    let id = by_code(&list, "NV-01")["id"].as_i64().expect("id");
    let csrf = admin.csrf().await;
    let path = format!("/admin/indicators/{id}/target");
    let first = admin
        .post(
            &path,
            &[
                ("csrf", csrf.as_str()),
                ("kind", "cumulative"),
                ("value", "100"),
                ("quote", "Nghị quyết: 100 nhiệm vụ"),
            ],
        )
        .await;
    assert_eq!(first.status, 303, "{}", first.body);
    // The form shows the current target's quote, so saving it again keeps it.
    let form = admin.get(&format!("/admin/indicators/{id}")).await;
    assert!(
        common::unescape(&form.body).contains(">Nghị quyết: 100 nhiệm vụ</textarea>"),
        "the quote is not in the target form"
    );
    let second = admin
        .post(
            &path,
            &[
                ("csrf", csrf.as_str()),
                ("kind", "cumulative"),
                ("value", "120"),
            ],
        )
        .await;
    assert_eq!(second.status, 303);
    let (_, now) = app.json(&format!("/api/v1/indicators/{id}")).await;
    assert_eq!(now["target"]["value"], "120");
    assert_eq!(now["target"]["type"], "cumulative");
    let history = app.db.target_history(id).await.expect("history");
    assert_eq!(history.len(), 2);
    assert!(history[0].superseded_at.is_none() && history[1].superseded_at.is_some());
    let page = admin.get(&format!("/admin/indicators/{id}")).await;
    assert!(
        page.body
            .contains("Tổng cả nhiệm kỳ đạt ít nhất 100 nhiệm vụ")
            && page
                .body
                .contains("Tổng cả nhiệm kỳ đạt ít nhất 120 nhiệm vụ")
    );
    // The indicator's history names the revisions in words.
    let history = common::unescape(&admin.get(&format!("/indicators/{id}")).await.body);
    assert_eq!(
        history.matches("Đặt/điều chỉnh mục tiêu").count(),
        2,
        "both targets are in the history"
    );
    assert!(!history.contains("⟨?⟩"), "an action without a label");
    let bad = admin
        .post(
            &path,
            &[
                ("csrf", csrf.as_str()),
                ("kind", "cumulative"),
                ("value", "1.234.5"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(app.db.target_history(id).await.expect("history").len(), 2);
}

async fn the_admin_adds_and_edits_an_indicator_and_bad_definitions_are_refused(app: TestApp) {
    let admin = app.admin().await;
    let (term, _) = app.indicators_of(2020).await;
    let csrf = admin.csrf().await;
    let path = format!("/admin/terms/{term}/indicators");
    let fields = |code: &'static str, unit: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("code", code.to_string()),
            ("name", "Số sáng kiến được công nhận".to_string()),
            ("unit", unit.to_string()),
            ("unit_kind", "count".to_string()),
            ("direction", "higher_is_better".to_string()),
        ]
    };
    let as_pairs = |v: &Vec<(&'static str, String)>| {
        v.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>()
    };
    let send = |v: Vec<(&'static str, String)>| {
        let admin = &admin;
        let path = path.clone();
        async move {
            let pairs = as_pairs(&v);
            let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
            admin.post(&path, &refs).await
        }
    };
    let created = send(fields("SK-01", "sáng kiến")).await;
    assert_eq!(created.status, 303, "{}", created.body);
    let (_, list) = app.indicators_of(2020).await;
    assert_eq!(by_code(&list, "SK-01")["unit"], "sáng kiến");
    let taken = send(fields("NV-01", "nhiệm vụ")).await;
    assert_eq!(taken.status, 409);
    for (code, unit) in [("sk 01", "x"), ("SK-02", "")] {
        let bad = send(fields(code, unit)).await;
        assert_eq!(bad.status, 422, "{code:?} {unit:?}");
    }
    assert_eq!(app.indicators_of(2020).await.1.len(), list.len());
}

on_both_backends!(
    the_admin_opens_a_new_term_with_the_indicator_list_carried_over,
    a_target_revised_mid_term_keeps_the_old_one_in_its_history,
    the_admin_adds_and_edits_an_indicator_and_bad_definitions_are_refused,
);
