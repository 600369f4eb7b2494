//! Importing a year's figures from a file through the pages: template, upload,
//! preview, confirm; and bad files refused with their message, changing nothing.

use crate::common;

use common::browser::{Visitor, csrf_of};
use common::{TestApp, by_code};

const HEADER: &str =
    "Mã chỉ tiêu;Tên chỉ tiêu;Đơn vị;Năm trước;Giá trị;Mức độ;Ghi chú;Tài liệu nguồn;Trích dẫn\n";

async fn upload(v: &Visitor, path: &str, file_name: &str, bytes: Vec<u8>) -> (u16, String) {
    let page = v.get(path).await;
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf_of(&page.body))
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_string()),
        );
    let res = v
        .client
        .post(format!("{}{path}", v.base))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    let status = res.status().as_u16();
    (
        status,
        common::unescape(&res.text().await.unwrap_or_default()),
    )
}

async fn clerk(app: &TestApp) -> (Visitor, String) {
    let admin = app.admin().await;
    let editor = app.user(&admin, "vanthu", "editor").await;
    let term = app.indicators_of(2020).await.0;
    (editor, format!("/import/{term}/2021"))
}

async fn a_filled_template_is_previewed_then_saved_in_one_go(app: TestApp) {
    let (editor, path) = clerk(&app).await;
    let template = editor
        .client
        .get(format!("{}{path}/template.csv", editor.base))
        .send()
        .await
        .expect("template");
    assert_eq!(template.status().as_u16(), 200);
    let text = template.text().await.unwrap_or_default();
    assert!(
        text.starts_with('\u{feff}') && text.contains("NV-01"),
        "template: {text:.200}"
    );
    let xlsx = editor
        .client
        .get(format!("{}{path}/template.xlsx", editor.base))
        .send()
        .await
        .expect("xlsx");
    assert!(
        xlsx.bytes()
            .await
            .map(|b| b.starts_with(b"PK"))
            .unwrap_or(false)
    );

    let file = format!("{HEADER}NV-01;;;;23;;;;\nQP-02;;;;\"1.234,5\";khoảng;Ước tính;;\n");
    let (status, preview) = upload(&editor, &path, "so-lieu.csv", file.into_bytes()).await;
    assert_eq!(status, 200, "{preview}");
    assert!(preview.contains("khoảng 1.234,5 tỷ đồng") && preview.contains("Lưu 2 số liệu"));
    assert_eq!(
        app.db.audit_count().await.expect("count"),
        0,
        "a preview must not save"
    );

    let csrf = csrf_of(&preview);
    let field = |name: &str| {
        preview
            .split(&format!("name=\"{name}\" value=\""))
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or_default()
            .to_string()
    };
    let mut form = vec![
        ("csrf".to_string(), csrf),
        ("rows".to_string(), "2".to_string()),
    ];
    for n in 0..2 {
        for k in ["code", "value", "q", "n", "d", "s"] {
            let name = format!("{k}_{n}");
            form.push((name.clone(), field(&name)));
        }
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let saved = editor.post(&format!("{path}/confirm"), &pairs).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(app.db.audit_count().await.expect("count"), 2);
    let history = app
        .db
        .indicator_history(
            by_code(&app.indicators_of(2020).await.1, "QP-02")["id"]
                .as_i64()
                .unwrap_or(0),
        )
        .await
        .expect("h");
    assert_eq!(history[0].origin, "import");
    assert_eq!(history[0].new_value.as_deref(), Some("1234.5"));
}

async fn bad_files_are_refused_with_a_clear_message_and_change_nothing(app: TestApp) {
    let (editor, path) = clerk(&app).await;
    let windows_1258: Vec<u8> = b"M\xe3 ch\xec ti\xeau;Gi\xe1 tr\xf2\nNV-01;5\n".to_vec();
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        ("empty.csv", Vec::new(), 422, "không có số liệu nào để nhập"),
        (
            "header.csv",
            HEADER.as_bytes().to_vec(),
            422,
            "không có số liệu nào để nhập",
        ),
        (
            "columns.csv",
            "Mã chỉ tiêu;Ghi chú\nNV-01;x\n".as_bytes().to_vec(),
            422,
            "Dòng tiêu đề của tệp thiếu cột",
        ),
        (
            "renamed.csv",
            b"Ma;So\nNV-01;5\n".to_vec(),
            422,
            "không đúng mẫu",
        ),
        (
            "unknown.csv",
            format!("{HEADER}XX-99;;;;5;;;;\n").into_bytes(),
            422,
            "không có trong nhiệm kỳ này",
        ),
        (
            "duplicate.csv",
            format!("{HEADER}NV-01;;;;5;;;;\nNV-01;;;;6;;;;\n").into_bytes(),
            422,
            "đã có ở dòng 2",
        ),
        (
            "number.csv",
            format!("{HEADER}NV-01;;;;1.234.5;;;;\n").into_bytes(),
            422,
            "không rõ ràng",
        ),
        (
            "text.csv",
            format!("{HEADER}NV-01;;;;abc;;;;\n").into_bytes(),
            422,
            "không phải là số",
        ),
        (
            "negative.csv",
            format!("{HEADER}NV-01;;;;-3;;;;\n").into_bytes(),
            422,
            "số nguyên, không âm",
        ),
        (
            "formula.csv",
            format!("{HEADER}NV-01;;;;=1+1;;;;\n").into_bytes(),
            422,
            "có công thức",
        ),
        ("encoding.csv", windows_1258, 422, "UTF-8"),
        (
            "old.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old excel".to_vec(),
            422,
            "chỉ nhận tệp Excel (.xlsx) hoặc tệp CSV",
        ),
        (
            "fake.xlsx",
            b"PK\x03\x04 not really a workbook".to_vec(),
            422,
            "Không đọc được tệp Excel này",
        ),
        (
            "huge.csv",
            vec![b'1'; 2 * 1024 * 1024 + 10],
            413,
            "Tệp quá lớn",
        ),
    ];
    for (name, bytes, status, message) in cases {
        let (got, body) = upload(&editor, &path, name, bytes).await;
        assert_eq!(got, status, "{name}: {body:.300}");
        assert!(body.contains(message), "{name}: expected {message:?}");
        assert_eq!(
            app.db.audit_count().await.expect("count"),
            0,
            "{name} changed the database"
        );
    }
}

async fn a_tampered_confirmation_is_refused(app: TestApp) {
    let (editor, path) = clerk(&app).await;
    let csrf = editor.csrf().await;
    let answer = editor
        .post(
            &format!("{path}/confirm"),
            &[
                ("csrf", csrf.as_str()),
                ("rows", "1"),
                ("code_0", "NV-01"),
                ("value_0", "-5"),
            ],
        )
        .await;
    assert_eq!(answer.status, 422);
    assert_eq!(app.db.audit_count().await.expect("count"), 0);
}

/// Every field of the preview's confirm form, as the browser would send it.
fn confirm_fields(preview: &str) -> Vec<(String, String)> {
    preview
        .split("<input type=\"hidden\" name=\"")
        .skip(1)
        .filter_map(|rest| {
            let (name, rest) = rest.split_once('"')?;
            let value = rest.split_once("value=\"")?.1.split('"').next()?;
            Some((name.to_string(), value.to_string()))
        })
        .collect()
}

async fn a_figure_saved_after_the_preview_is_a_conflict_and_the_import_saves_nothing(app: TestApp) {
    let (editor, path) = clerk(&app).await;
    let (term, indicators) = app.indicators_of(2020).await;
    let nv01 = by_code(&indicators, "NV-01")["id"].as_i64().unwrap_or(0);
    let file = format!("{HEADER}NV-01;;;;23;;;;\nQP-02;;;;5;;;;\n");
    let (status, preview) = upload(&editor, &path, "so-lieu.csv", file.into_bytes()).await;
    assert_eq!(status, 200, "{preview}");
    // In another tab, someone saves NV-01 after the file was checked.
    let newer = common::year_figure(nv01, 2021, 30);
    app.db
        .save_values(term, &[newer], &common::cli_actor())
        .await
        .expect("the other tab's save");
    let audits = app.db.audit_count().await.expect("count");
    let fields = confirm_fields(&preview);
    assert!(fields.iter().any(|(k, _)| k == "ver_0"), "{fields:?}");
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    for attempt in ["confirm", "confirm again (Back, then the same button)"] {
        let answer = editor.post(&format!("{path}/confirm"), &pairs).await;
        assert_eq!(answer.status, 409, "{attempt}: {}", answer.body);
        let body = common::unescape(&answer.body);
        assert!(
            body.contains("chưa có gì được lưu")
                && body.contains("NV-01: quantri")
                && body.contains("thành 30 nhiệm vụ"),
            "{attempt} says which figure changed, to what and by whom: {}",
            body.split("<main")
                .nth(1)
                .unwrap_or(&body)
                .chars()
                .take(1500)
                .collect::<String>()
        );
        assert_eq!(
            app.db.audit_count().await.expect("count"),
            audits,
            "{attempt}: nothing saved, QP-02 included"
        );
    }
    let working = app
        .db
        .term_data_as(term, resolution_dashboard::db::Figures::Working)
        .await
        .expect("read")
        .expect("term");
    let stored = working
        .indicator(resolution_dashboard::domain::IndicatorId::new(nv01))
        .and_then(|i| {
            i.values
                .iter()
                .find(|v| v.observation.period == resolution_dashboard::domain::Period::Year(2021))
        })
        .map(|v| v.observation.value.format_vi());
    assert_eq!(stored.as_deref(), Some("30"), "the newer figure stays");

    // The conflict shows the preview again over what is stored now: the clerk who
    // still wants the file's figures confirms again, knowingly.
    let again = common::unescape(&editor.post(&format!("{path}/confirm"), &pairs).await.body);
    assert!(
        again.contains("30 nhiệm vụ") && again.contains("Thay số đang lưu"),
        "the conflict's preview shows the figure stored now"
    );
    let fields = confirm_fields(&again);
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let answer = editor.post(&format!("{path}/confirm"), &pairs).await;
    assert_eq!(
        answer.status, 303,
        "confirmed over the newer figure: {}",
        answer.body
    );
    let history = app.db.indicator_history(nv01).await.expect("history");
    assert_eq!(history[0].new_value.as_deref(), Some("23"));
    assert_eq!(
        history[1].new_value.as_deref(),
        Some("30"),
        "30 stays in the history"
    );
}

async fn the_preview_says_which_rows_replace_a_stored_figure_and_can_be_cancelled(app: TestApp) {
    let (editor, path) = clerk(&app).await;
    let (term, indicators) = app.indicators_of(2020).await;
    let nv01 = by_code(&indicators, "NV-01")["id"].as_i64().unwrap_or(0);
    let nv02 = by_code(&indicators, "NV-02")["id"].as_i64().unwrap_or(0);
    let stored = [
        common::year_figure(nv01, 2021, 30),
        common::year_figure(nv02, 2021, 7),
    ];
    app.db
        .save_values(term, &stored, &common::cli_actor())
        .await
        .expect("stored figures");
    let audits = app.db.audit_count().await.expect("count");
    let file = format!("{HEADER}NV-01;;;;23;;;;\nNV-02;;;;7;;;;\nQP-02;;;;5;;;;\n");
    let (status, preview) = upload(&editor, &path, "so-lieu.csv", file.into_bytes()).await;
    assert_eq!(status, 200, "{preview}");
    let row = |code: &str| {
        preview
            .split("<tr")
            .find(|r| r.contains(&format!(">{code}<")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        row("NV-01").contains("30 nhiệm vụ") && row("NV-01").contains("Thay số đang lưu"),
        "old → new: {}",
        row("NV-01")
    );
    assert!(
        row("NV-02").contains("Giống số đang lưu"),
        "{}",
        row("NV-02")
    );
    assert!(row("QP-02").contains("Chưa có"), "{}", row("QP-02"));
    assert!(preview.contains("1 dòng sẽ thay số liệu đang lưu."));
    assert!(
        preview.contains(&format!(
            "href=\"/entry/{term}/2021\" class=\"button secondary\">Hủy, không lưu gì"
        )),
        "a cancel that leaves without saving"
    );
    assert_eq!(app.db.audit_count().await.expect("count"), audits);
}

on_both_backends!(
    a_figure_saved_after_the_preview_is_a_conflict_and_the_import_saves_nothing,
    a_filled_template_is_previewed_then_saved_in_one_go,
    bad_files_are_refused_with_a_clear_message_and_change_nothing,
    a_tampered_confirmation_is_refused,
    the_preview_says_which_rows_replace_a_stored_figure_and_can_be_cancelled,
);
