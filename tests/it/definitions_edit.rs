//! The admin corrects what is defined: a term's name and years, groups (rename,
//! archive, restore) and indicators (archive, restore). Each change is audited; a
//! change that would strand stored figures or hide a section in use is refused with
//! its reason, and nothing is written.

use crate::common;

use common::browser::Visitor;
use common::{TestApp, by_code, unescape};

async fn post(v: &Visitor, path: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let csrf = v.csrf().await;
    let mut form = fields.to_vec();
    form.push(("csrf", &csrf));
    let answer = v.post(path, &form).await;
    (answer.status, unescape(&answer.body))
}

async fn audited(app: &TestApp) -> i64 {
    app.db.audit_count().await.expect("audit count")
}

async fn the_admin_corrects_a_term_but_not_into_years_that_would_strand_its_figures(app: TestApp) {
    let admin = app.admin().await;
    let (term, list) = app.indicators_of(2020).await;
    let nv = by_code(&list, "NV-01")["id"].as_i64().expect("id");
    let actor = common::cli_actor();
    app.db
        .save_values(term, &[common::year_figure(nv, 2021, 12)], &actor)
        .await
        .expect("a 2021 figure");
    let path = format!("/admin/terms/{term}");
    // Another term whose years the correction below tries to take.
    let other = resolution_dashboard::db::TermInput {
        term: resolution_dashboard::db::TermEdit {
            name: "Nhiệm kỳ thử".into(),
            name_en: None,
            start_year: 2020,
            end_year: 2026,
        },
        copy_from: None,
    };
    app.db
        .create_term(&other, &actor)
        .await
        .expect("another term");

    let before = audited(&app).await;
    let (status, _) = post(
        &admin,
        &path,
        &[
            ("edit_name", "Nhiệm kỳ 2020 – 2025 (Đại hội XI)"),
            ("edit_name_en", "2020–2025 term"),
            ("edit_start_year", "2020"),
            ("edit_end_year", "2025"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, terms) = app.json("/api/v1/terms").await;
    let renamed = terms
        .as_array()
        .and_then(|a| a.iter().find(|t| t["id"] == term))
        .map(|t| t["name"].clone());
    assert_eq!(
        renamed.as_ref().and_then(|n| n.as_str()),
        Some("Nhiệm kỳ 2020 – 2025 (Đại hội XI)")
    );
    assert_eq!(audited(&app).await, before + 1, "the correction is audited");

    // (start, end, status, message): 2022–2027 would leave the 2021 figure outside.
    let refused = [
        ("2022", "2027", 409, "Không đổi được năm"),
        ("2020", "2026", 409, "Đã có nhiệm kỳ với các năm này"),
        ("2025", "2020", 422, "năm kết thúc phải sau năm bắt đầu"),
        ("hai nghìn", "2025", 422, "Năm không hợp lệ"),
        ("1900", "1905", 422, "Năm không hợp lệ"),
    ];
    for (start, end, expected, message) in refused {
        let fingerprint = app.db.fingerprint().await.expect("fingerprint");
        let (status, body) = post(
            &admin,
            &path,
            &[
                ("edit_name", "Sửa sai"),
                ("edit_start_year", start),
                ("edit_end_year", end),
            ],
        )
        .await;
        assert_eq!(status, expected, "{start}–{end}");
        assert!(body.contains(message), "{start}–{end}: {message} missing");
        assert!(
            body.contains(&format!("name=\"edit_start_year\" type=\"text\" inputmode=\"numeric\" required value=\"{start}\"")),
            "what was typed is shown again in the correction form"
        );
        assert!(
            body.contains("aria-describedby=\"edit_start_year-error\""),
            "the message is tied to its field"
        );
        assert_eq!(
            fingerprint,
            app.db.fingerprint().await.expect("fingerprint"),
            "{start}–{end} changed the database"
        );
    }
    let (status, _) = post(
        &admin,
        "/admin/terms/99999",
        &[
            ("edit_name", "X"),
            ("edit_start_year", "2090"),
            ("edit_end_year", "2095"),
        ],
    )
    .await;
    assert_eq!(status, 404);
}

async fn the_admin_renames_archives_and_restores_groups_and_indicators(app: TestApp) {
    let admin = app.admin().await;
    let (term, list) = app.indicators_of(2015).await;
    let groups = app.db.all_groups().await.expect("groups");
    let nv_group = groups
        .iter()
        .find(|g| Some(g.code.as_str()) == by_code(&list, "NV-01")["group"].as_str())
        .expect("the group of NV-01");

    // Renaming a group shows on the dashboard, and is audited.
    let before = audited(&app).await;
    let name_field = format!("group_name_{}", nv_group.id);
    let (status, _) = post(
        &admin,
        &format!("/admin/groups/{}", nv_group.id),
        &[(
            &name_field,
            "Nhiệm vụ khoa học, công nghệ và đổi mới sáng tạo",
        )],
    )
    .await;
    assert_eq!(status, 303);
    let (_, page) = app.page(&format!("/terms/{term}")).await;
    assert!(unescape(&page).contains("Nhiệm vụ khoa học, công nghệ và đổi mới sáng tạo"));
    assert_eq!(audited(&app).await, before + 1);
    let (status, body) = post(
        &admin,
        &format!("/admin/groups/{}", nv_group.id),
        &[(&name_field, "")],
    )
    .await;
    assert_eq!(status, 422, "a blank name is refused");
    assert!(body.contains("Hãy ghi tên"));

    // A group still in use cannot be archived.
    let fingerprint = app.db.fingerprint().await.expect("fingerprint");
    let (status, body) = post(
        &admin,
        &format!("/admin/groups/{}/archive", nv_group.id),
        &[("back", "/admin/terms")],
    )
    .await;
    assert_eq!(status, 409);
    assert!(
        body.contains("Nhóm còn chỉ tiêu đang dùng"),
        "the reason is shown"
    );
    assert_eq!(
        fingerprint,
        app.db.fingerprint().await.expect("fingerprint")
    );

    // An empty group is archived: no longer offered for an indicator; then restored.
    let (status, _) = post(
        &admin,
        "/admin/groups",
        &[("group_code", "KN"), ("group_name", "Khởi nghiệp")],
    )
    .await;
    assert_eq!(status, 303);
    let kn = app
        .db
        .all_groups()
        .await
        .expect("groups")
        .into_iter()
        .find(|g| g.code == "KN")
        .expect("KN");
    let (status, _) = post(&admin, &format!("/admin/groups/{}/archive", kn.id), &[]).await;
    assert_eq!(status, 303);
    let admin_page = unescape(&admin.get(&format!("/admin/terms/{term}")).await.body);
    assert!(
        !admin_page.contains("KN Khởi nghiệp"),
        "an archived group is not offered"
    );
    let indicator = |code: &'static str, group: String| {
        vec![
            ("code", code.to_string()),
            (
                "name",
                "Doanh nghiệp khởi nghiệp đổi mới sáng tạo".to_string(),
            ),
            ("unit", "doanh nghiệp".to_string()),
            ("unit_kind", "count".to_string()),
            ("direction", "higher_is_better".to_string()),
            ("group_id", group),
        ]
    };
    let new_path = format!("/admin/terms/{term}/indicators");
    let send = |fields: Vec<(&'static str, String)>| {
        let admin = &admin;
        let path = new_path.clone();
        async move {
            let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post(admin, &path, &refs).await
        }
    };
    let (status, _) = send(indicator("KN-01", kn.id.to_string())).await;
    assert_eq!(
        status, 422,
        "an archived group is refused for a new indicator"
    );
    let (status, _) = post(&admin, &format!("/admin/groups/{}/restore", kn.id), &[]).await;
    assert_eq!(status, 303);
    let (status, _) = send(indicator("KN-01", kn.id.to_string())).await;
    assert_eq!(status, 303, "a restored group is offered again");

    // An indicator is archived (gone from the term) and restored (back).
    let kn01 = by_code(&app.indicators_of(2015).await.1, "KN-01")["id"]
        .as_i64()
        .expect("id");
    let (status, _) = post(
        &admin,
        &format!("/admin/indicators/{kn01}/state/archive"),
        &[],
    )
    .await;
    assert_eq!(status, 303);
    assert!(
        app.indicators_of(2015)
            .await
            .1
            .iter()
            .all(|i| i["code"] != "KN-01")
    );
    let admin_page = unescape(&admin.get(&format!("/admin/terms/{term}")).await.body);
    assert!(
        admin_page.contains("Chỉ tiêu đã lưu trữ")
            && admin_page.contains(&format!("/admin/indicators/{kn01}/state/restore")),
        "the admin can find the archived indicator to restore it"
    );
    let (status, _) = post(
        &admin,
        &format!("/admin/indicators/{kn01}/state/restore"),
        &[],
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(
        by_code(&app.indicators_of(2015).await.1, "KN-01")["group"],
        "KN"
    );
}

on_both_backends!(
    the_admin_corrects_a_term_but_not_into_years_that_would_strand_its_figures,
    the_admin_renames_archives_and_restores_groups_and_indicators,
);
