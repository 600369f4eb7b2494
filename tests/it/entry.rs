//! Staff enter figures: the whole journey through the pages, bad input, lost
//! updates, locks, CSRF and sign-in throttling, all over HTTP.

use crate::common;

use common::TestApp;

use common::browser::csrf_of;
use common::by_code;
use serde_json::Value;

/// Ids of some indicators of the 2020–2025 term (no figures yet).
async fn next_term(app: &common::TestApp) -> (i64, Vec<Value>) {
    app.indicators_of(2020).await
}

fn id_of(list: &[Value], code: &str) -> String {
    by_code(list, code)["id"].to_string()
}

async fn a_new_installation_goes_from_setup_link_to_approved_figures_on_the_dashboard(
    app: TestApp,
) {
    let admin = app.admin().await;
    let editor = app.user(&admin, "vanthu", "editor").await;
    let approver = app.user(&admin, "lanhdao", "approver").await;
    let (term, list) = next_term(&app).await;
    let (tasks, money) = (id_of(&list, "NV-01"), id_of(&list, "QP-02"));

    let form = editor.get(&format!("/entry/{term}/2021")).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("Nhập số liệu năm 2021"));
    let csrf = csrf_of(&form.body);
    let saved = editor
        .post(
            &format!("/entry/{term}/2021"),
            &[
                ("csrf", csrf.as_str()),
                (&format!("v_{tasks}"), "23"),
                (&format!("ver_{tasks}"), "0"),
                (&format!("v_{money}"), "3,5"),
                (&format!("ver_{money}"), "0"),
                (&format!("n_{money}"), "Số liệu của Quỹ, quý IV"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        saved.location.as_deref(),
        Some(format!("/entry/{term}/2021?saved=2").as_str())
    );

    // Drafts are not public yet.
    let (_, public) = next_term(&app).await;
    assert!(
        by_code(&public, "QP-02")["values"]
            .as_array()
            .is_some_and(|v| v.is_empty())
    );

    let submitted = editor
        .post(
            &format!("/entry/{term}/2021/submit"),
            &[("csrf", csrf.as_str())],
        )
        .await;
    assert_eq!(
        submitted.location.as_deref(),
        Some(format!("/entry/{term}/2021?submitted=2").as_str())
    );

    let queue = approver.get("/review").await;
    assert!(
        queue.body.contains("3,5 tỷ đồng"),
        "review queue lacks the figure"
    );
    let approver_csrf = csrf_of(&queue.body);
    for id in [&tasks, &money] {
        let done = approver
            .post(
                &format!("/review/{id}/2021"),
                &[("csrf", approver_csrf.as_str()), ("decision", "approve")],
            )
            .await;
        assert_eq!(done.status, 303, "{}", done.body);
    }

    let (_, public) = next_term(&app).await;
    let money_json = by_code(&public, "QP-02");
    assert_eq!(money_json["values"][0]["value"], "3.5");
    assert_eq!(money_json["values"][0]["period"], "2021");
    let (_, page) = app.page(&format!("/terms/{term}")).await;
    assert!(page.contains("3,5 tỷ đồng") && page.contains("23 nhiệm vụ"));
    let (_, chart_page) = app.page(&format!("/indicators/{money}")).await;
    assert!(chart_page.contains("<svg") && chart_page.contains("2021"));

    // The indicator page tells signed-in staff who changed what.
    let history = editor.get(&format!("/indicators/{money}")).await;
    assert!(history.body.contains("Lịch sử thay đổi"));
    assert!(history.body.contains("vanthu") && history.body.contains("lanhdao"));
    assert!(history.body.contains("Nhập/sửa số liệu") && history.body.contains("Duyệt"));
}

async fn a_bad_value_is_refused_next_to_its_field_and_nothing_is_saved(app: TestApp) {
    let admin = app.admin().await;
    let editor = app.user(&admin, "vanthu", "editor").await;
    let (term, list) = next_term(&app).await;
    let (good, bad) = (id_of(&list, "NV-01"), id_of(&list, "NV-02"));
    let csrf = editor.csrf().await;
    let cases = ["1.234.5", "abc", "", "∞", "NaN", "-3", "2,5", "1e5"];
    for typed in cases.iter().filter(|t| !t.is_empty()) {
        let answer = editor
            .post(
                &format!("/entry/{term}/2021"),
                &[
                    ("csrf", csrf.as_str()),
                    (&format!("v_{good}"), "1.234"),
                    (&format!("v_{bad}"), typed),
                ],
            )
            .await;
        assert_eq!(answer.status, 422, "{typed:?} was accepted");
        assert!(
            answer.body.contains("Có 1 ô cần sửa"),
            "{typed:?}: no summary"
        );
        assert!(
            answer.body.contains("Chưa có số liệu nào được lưu"),
            "{typed:?}"
        );
        assert!(
            answer.body.contains("value=\"1.234\""),
            "{typed:?}: the valid field lost what was typed"
        );
        assert!(
            answer.body.contains(&format!("value=\"{typed}\"")),
            "{typed:?}: the bad field lost what was typed"
        );
    }
    assert_eq!(
        app.db.audit_count().await.expect("count"),
        0,
        "something was written"
    );
    let (_, after) = next_term(&app).await;
    assert!(
        after
            .iter()
            .all(|i| i["values"].as_array().is_some_and(|v| v.is_empty()))
    );
}

async fn two_clerks_editing_one_value_cannot_lose_an_update(app: TestApp) {
    let admin = app.admin().await;
    let first = app.user(&admin, "vanthu1", "editor").await;
    let second = app.user(&admin, "vanthu2", "editor").await;
    let (term, list) = next_term(&app).await;
    let id = id_of(&list, "NV-01");
    let path = format!("/entry/{term}/2021");
    // Both open the form while the value does not exist (version 0).
    let (c1, c2) = (first.csrf().await, second.csrf().await);
    let saved = first
        .post(
            &path,
            &[
                ("csrf", c1.as_str()),
                (&format!("v_{id}"), "10"),
                (&format!("ver_{id}"), "0"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303);
    let clash = second
        .post(
            &path,
            &[
                ("csrf", c2.as_str()),
                (&format!("v_{id}"), "12"),
                (&format!("ver_{id}"), "0"),
            ],
        )
        .await;
    assert_eq!(clash.status, 409);
    assert!(
        clash
            .body
            .contains("vanthu1 đã sửa số liệu này thành 10 nhiệm vụ"),
        "{}",
        clash.body
    );
    assert!(
        clash.body.contains("value=\"12\""),
        "the second clerk's figure is kept in the form"
    );
    let working = app
        .db
        .indicator_history(id.parse().expect("id"))
        .await
        .expect("history");
    assert_eq!(working.len(), 1, "the second save must not have written");
    // Saving again from the re-shown form (it carries the new version) overwrites on purpose.
    let version = clash
        .body
        .split(&format!("name=\"ver_{id}\" value=\""))
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or("?")
        .to_string();
    assert_eq!(version, "1");
    let again = second
        .post(
            &path,
            &[
                ("csrf", c2.as_str()),
                (&format!("v_{id}"), "12"),
                (&format!("ver_{id}"), &version),
            ],
        )
        .await;
    assert_eq!(again.status, 303);
    assert_eq!(
        app.db
            .indicator_history(id.parse().expect("id"))
            .await
            .expect("history")
            .len(),
        2
    );
}

async fn forms_without_the_right_csrf_token_or_from_another_site_change_nothing(app: TestApp) {
    let admin = app.admin().await;
    let editor = app.user(&admin, "vanthu", "editor").await;
    let (term, list) = next_term(&app).await;
    let id = id_of(&list, "NV-01");
    let path = format!("/entry/{term}/2021");
    for token in ["", "not-the-token"] {
        let answer = editor
            .post(&path, &[("csrf", token), (&format!("v_{id}"), "5")])
            .await;
        assert_eq!(answer.status, 403, "token {token:?}");
        assert!(answer.body.contains("Yêu cầu bị từ chối"));
    }
    let missing = editor.post(&path, &[(&format!("v_{id}"), "5")]).await;
    assert_eq!(missing.status, 403);
    // A form on another site, sent with the clerk's cookies.
    let csrf = editor.csrf().await;
    let forged = editor
        .client
        .post(format!("{}{path}", editor.base))
        .header("origin", "http://evil.example")
        .form(&[("csrf", csrf.as_str()), (&format!("v_{id}"), "5")])
        .send()
        .await
        .expect("request");
    assert_eq!(forged.status().as_u16(), 403);
    assert_eq!(app.db.audit_count().await.expect("count"), 0);
}

async fn a_locked_term_refuses_every_change_until_an_approver_unlocks_it(app: TestApp) {
    let admin = app.admin().await;
    let editor = app.user(&admin, "vanthu", "editor").await;
    let approver = app.user(&admin, "lanhdao", "approver").await;
    let (term, list) = next_term(&app).await;
    let id = id_of(&list, "NV-01");
    let lock = approver
        .post(
            &format!("/terms/{term}/lock"),
            &[("csrf", &approver.csrf().await), ("lock", "1")],
        )
        .await;
    assert_eq!(lock.status, 303);
    let csrf = editor.csrf().await;
    let refused = editor
        .post(
            &format!("/entry/{term}/2021"),
            &[("csrf", csrf.as_str()), (&format!("v_{id}"), "5")],
        )
        .await;
    assert_eq!(refused.status, 423);
    assert!(refused.body.contains("đã khóa sổ"));
    let unlock = approver
        .post(
            &format!("/terms/{term}/lock"),
            &[("csrf", &approver.csrf().await), ("lock", "0")],
        )
        .await;
    assert_eq!(unlock.status, 303);
    // Both are recorded, with who did them, in the term's log (staff only).
    let page = common::unescape(&approver.get(&format!("/terms/{term}")).await.body);
    let log = page
        .split("Nhật ký nhiệm kỳ")
        .nth(1)
        .expect("the term log is shown to staff");
    let (unlocked_at, locked_at) = (
        log.find("Mở khóa nhiệm kỳ")
            .expect("the unlock is recorded"),
        log.find("Khóa sổ nhiệm kỳ").expect("the lock is recorded"),
    );
    assert!(unlocked_at < locked_at, "newest first");
    assert!(log.contains("lanhdao"), "who locked it");
    let (_, public) = app.page(&format!("/terms/{term}")).await;
    assert!(
        !public.contains("Nhật ký nhiệm kỳ"),
        "readers do not see the log"
    );
    let ok = editor
        .post(
            &format!("/entry/{term}/2021"),
            &[("csrf", csrf.as_str()), (&format!("v_{id}"), "5")],
        )
        .await;
    assert_eq!(ok.status, 303);
}

/// Readers see approved figures only; signed-in staff may show drafts, marked.
async fn drafts_are_shown_only_to_staff_who_ask_and_are_marked_as_drafts(app: TestApp) {
    let admin = app.admin().await;
    let editor = app.user(&admin, "vanthu", "editor").await;
    let (term, list) = next_term(&app).await;
    let id = id_of(&list, "TL-04");
    let saved = editor
        .post(
            &format!("/entry/{term}/2021"),
            &[
                ("csrf", &editor.csrf().await),
                (&format!("v_{id}"), "4.321"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303);
    let row_of = |html: &str| {
        let html = common::unescape(html);
        html.split("TL-04")
            .nth(1)
            .map(|rest| rest.chars().take(1500).collect::<String>())
            .unwrap_or_default()
    };
    let path = format!("/terms/{term}");
    let shown = row_of(&editor.get(&format!("{path}?drafts=1")).await.body);
    assert!(
        shown.contains("4.321"),
        "the draft figure is shown: {shown}"
    );
    assert!(shown.contains("Bản nháp"), "and marked as a draft: {shown}");
    let (_, public) = app.page(&path).await;
    assert!(!row_of(&public).contains("4.321"), "readers see no draft");
    let (_, asked) = app.page(&format!("{path}?drafts=1")).await;
    assert!(
        !row_of(&asked).contains("4.321"),
        "asking for drafts without signing in shows none"
    );
    let staff_default = row_of(&editor.get(&path).await.body);
    assert!(
        !staff_default.contains("4.321"),
        "approved figures by default"
    );
}

async fn repeated_wrong_passwords_are_throttled_with_a_clear_message(app: TestApp) {
    let admin = app.admin().await;
    let _ = app.user(&admin, "vanthu", "editor").await;
    let v = app.visitor();
    for _ in 0..5 {
        let answer = v.login("vanthu", "sai-mat-khau-roi").await;
        assert_eq!(answer.status, 401);
        assert!(
            answer
                .body
                .contains("Tên đăng nhập hoặc mật khẩu không đúng")
        );
    }
    let blocked = v.login("vanthu", "mat-khau-dai-du").await;
    assert_eq!(blocked.status, 429);
    assert!(blocked.body.contains("chờ 15 phút"));
}

async fn the_setup_link_works_once(app: TestApp) {
    let _admin = app.admin().await;
    let v = app.visitor();
    let path = app.setup_link.trim_start_matches(&app.base).to_string();
    let page = v.get(&path).await;
    let token = path.split("token=").nth(1).unwrap_or_default().to_string();
    let again = v
        .post(
            "/setup",
            &[
                ("csrf", &csrf_of(&page.body)),
                ("token", &token),
                ("username", "keodanhsach"),
                ("password", "mat-khau-khac-nua"),
            ],
        )
        .await;
    assert_eq!(again.status, 410);
    assert_eq!(app.db.users().await.expect("users").len(), 1);
}

on_both_backends!(
    drafts_are_shown_only_to_staff_who_ask_and_are_marked_as_drafts,
    a_new_installation_goes_from_setup_link_to_approved_figures_on_the_dashboard,
    a_bad_value_is_refused_next_to_its_field_and_nothing_is_saved,
    two_clerks_editing_one_value_cannot_lose_an_update,
    forms_without_the_right_csrf_token_or_from_another_site_change_nothing,
    a_locked_term_refuses_every_change_until_an_approver_unlocks_it,
    repeated_wrong_passwords_are_throttled_with_a_clear_message,
    the_setup_link_works_once,
);
