//! More downloads: a parent's breakdown chart, a term that has no indicator at all,
//! and the meeting pack's paper size.

use crate::common;
use crate::exports::{TermSheet, bytes, collapse, decode_png, id_of, variance};

use common::TestApp;
use resolution_dashboard::db::{Actor, Origin, TermEdit, TermInput};

async fn a_parent_indicator_offers_its_breakdown_chart_in_both_formats(app: TestApp) {
    let (_, list) = app.indicators_of(2015).await;
    let nv = id_of(&list, "NV-01");
    let (_, html) = app.page(&format!("/indicators/{nv}")).await;
    for format in ["png", "svg"] {
        let href = format!("/charts/indicators/{nv}/breakdown.{format}");
        assert!(
            html.contains(&format!("href=\"{href}\"")),
            "the page links {href}"
        );
    }
    let (status, content_type, svg) =
        bytes(&app, &format!("/charts/indicators/{nv}/breakdown.svg")).await;
    assert_eq!(
        (status, content_type.as_str()),
        (200, "image/svg+xml; charset=utf-8")
    );
    let svg = String::from_utf8(svg).expect("UTF-8");
    roxmltree::Document::parse(&svg).expect("SVG parses");
    for part in ["cấp Nhà nước", "cấp tỉnh", "cấp cơ sở", "Nguồn:"] {
        assert!(svg.contains(part), "the breakdown lacks {part:?}");
    }
    let (status, _, png) = bytes(
        &app,
        &format!("/charts/indicators/{nv}/breakdown.png?width=1280&height=720"),
    )
    .await;
    assert_eq!(status, 200);
    let (width, height, pixels) = decode_png(&png);
    assert_eq!((width, height), (1280, 720));
    assert!(variance(&pixels) > 200.0, "not blank");
    // An indicator without parts has no breakdown: a 404 that says so.
    let dm = id_of(&list, "DM-01");
    let (status, body) = app
        .json(&format!("/charts/indicators/{dm}/breakdown.svg"))
        .await;
    assert_eq!(status, 404);
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("no breakdown")),
        "{body}"
    );
}

async fn a_term_with_no_indicator_at_all_still_gives_every_file(app: TestApp) {
    app.admin().await;
    let actor = Actor {
        user_id: 1,
        username: "quantri".into(),
        origin: Origin::Cli,
    };
    let empty = TermInput {
        term: TermEdit {
            name: "Nhiệm kỳ 2030–2035".into(),
            name_en: None,
            start_year: 2030,
            end_year: 2035,
        },
        copy_from: None,
    };
    let term = app.db.create_term(&empty, &actor).await.expect("term");
    for (path, kind) in [
        (
            format!("/charts/terms/{term}/overview.svg"),
            "image/svg+xml",
        ),
        (format!("/charts/terms/{term}/overview.png"), "image/png"),
        (format!("/export/terms/{term}.csv"), "text/csv"),
        (
            format!("/export/terms/{term}.xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (format!("/export/terms/{term}.pdf"), "application/pdf"),
    ] {
        let (status, content_type, body) = bytes(&app, &path).await;
        assert_eq!(status, 200, "{path}");
        assert!(content_type.starts_with(kind), "{path}: {content_type}");
        assert!(!body.is_empty(), "{path}");
    }
    let (_, _, svg) = bytes(&app, &format!("/charts/terms/{term}/overview.svg")).await;
    assert!(String::from_utf8_lossy(&svg).contains("Chưa có số liệu"));
    let (_, _, pdf) = bytes(&app, &format!("/export/terms/{term}.pdf")).await;
    let doc = lopdf::Document::load_mem(&pdf).expect("PDF parses");
    assert!(!doc.get_pages().is_empty());
    let text = collapse(&pdf_extract::extract_text_from_mem(&pdf).expect("PDF text"));
    assert!(text.contains("Nhiệm kỳ 2030–2035"), "{text}");
    let (status, page) = app.page(&format!("/terms/{term}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Nhiệm kỳ 2030–2035"));
}

/// The page's MediaBox, looked up through its parents as PDF allows.
fn media_box(doc: &lopdf::Document, mut id: lopdf::ObjectId) -> Vec<f32> {
    loop {
        let dict = doc
            .get_object(id)
            .and_then(|o| o.as_dict())
            .expect("page dictionary");
        if let Ok(b) = dict.get(b"MediaBox").and_then(|b| b.as_array()) {
            return b.iter().map(|n| n.as_float().expect("number")).collect();
        }
        id = dict
            .get(b"Parent")
            .and_then(|p| p.as_reference())
            .expect("a MediaBox on the page or a parent");
    }
}

async fn every_page_of_the_meeting_pack_is_a4_portrait(app: TestApp) {
    let (term, _) = app.indicators_of(2015).await;
    let (_, _, pdf) = bytes(&app, &format!("/export/terms/{term}.pdf")).await;
    let doc = lopdf::Document::load_mem(&pdf).expect("PDF parses");
    for (n, id) in doc.get_pages() {
        let b = media_box(&doc, id);
        let (w, h) = (b[2] - b[0], b[3] - b[1]);
        // A4 is 210 × 297 mm = 595.3 × 841.9 points.
        assert!(
            (w - 595.3).abs() < 1.0 && (h - 841.9).abs() < 1.0,
            "page {n} is {w} × {h} points"
        );
    }
}

/// The workbook read back cell by cell against the database's approved records:
/// every indicator's name, each year's and the whole term's figure, the target value
/// and every source document and quote; and the native chart is in the file.
async fn the_xlsx_holds_every_figure_target_and_source_the_database_holds(app: TestApp) {
    use calamine::{Data, Reader, Xlsx};
    use resolution_dashboard::db::{Decision, Figures};
    use resolution_dashboard::domain::Period;
    app.admin().await;
    let (term, list) = app.indicators_of(2015).await;
    // A yearly figure as well, entered, submitted and approved.
    let actor = common::cli_actor();
    let nv02 = id_of(&list, "NV-02");
    app.db
        .save_values(term, &[common::year_figure(nv02, 2018, 17)], &actor)
        .await
        .expect("save");
    app.db
        .submit_period(term, Period::Year(2018), &actor)
        .await
        .expect("submit");
    app.db
        .review_value(
            nv02,
            Period::Year(2018),
            Decision::Approve,
            None,
            &common::db_actor(&app, "lanhdao", "approver").await,
        )
        .await
        .expect("approve");
    let data = app
        .db
        .term_data_as(term, Figures::Approved)
        .await
        .expect("read")
        .expect("term");

    let (_, _, body) = bytes(&app, &format!("/export/terms/{term}.xlsx")).await;
    let zip = zip::ZipArchive::new(std::io::Cursor::new(body.clone())).expect("a zip");
    assert!(
        zip.file_names()
            .any(|n| n.is_ok_and(|n| n.starts_with("xl/charts/chart"))),
        "no native chart in the workbook"
    );
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(body)).expect("XLSX opens");
    let sheet = TermSheet::read(&mut book, "Nhiệm kỳ 2015–2020");
    let col = |name: &str| sheet.col(name);
    let number = |d: rust_decimal::Decimal| Data::Float(d.to_string().parse().expect("f64"));
    let mut years_checked = 0;
    for record in &data.indicators {
        let code = record.definition.code.to_string();
        let row = sheet.row(&code);
        assert_eq!(
            row[col("Chỉ tiêu")].to_string(),
            record.definition.name,
            "{code}"
        );
        let periods = data
            .term
            .term
            .years()
            .map(Period::Year)
            .chain([Period::Term]);
        for period in periods {
            let heading = resolution_dashboard::i18n::Locale::Vi.period(period);
            let stored = record
                .values
                .iter()
                .find(|v| v.observation.period == period)
                .map(|v| number(v.observation.value.get()));
            let cell = &row[col(&heading)];
            assert_eq!(cell, &stored.unwrap_or(Data::Empty), "{code} {heading}");
            years_checked += usize::from(matches!(period, Period::Year(_)) && cell != &Data::Empty);
        }
        let target = record.target.as_ref().map(|t| number(t.target.value.get()));
        assert_eq!(
            row[col("Mục tiêu (số)")],
            target.unwrap_or(Data::Empty),
            "{code}"
        );
        let (documents, quotes) = (
            row[col("Tài liệu nguồn")].to_string(),
            row[col("Trích dẫn")].to_string(),
        );
        for source in record.values.iter().map(|v| &v.source) {
            if let Some(d) = &source.document {
                assert!(documents.contains(d.as_str()), "{code}: {d}");
            }
            if let Some(q) = &source.quote {
                assert!(quotes.contains(q.as_str()), "{code}: {q}");
            }
        }
    }
    assert_eq!(years_checked, 1, "the approved 2018 figure of NV-02");
}

on_both_backends!(
    a_parent_indicator_offers_its_breakdown_chart_in_both_formats,
    a_term_with_no_indicator_at_all_still_gives_every_file,
    every_page_of_the_meeting_pack_is_a4_portrait,
    the_xlsx_holds_every_figure_target_and_source_the_database_holds,
);
