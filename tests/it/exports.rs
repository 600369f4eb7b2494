//! Chart and data downloads over HTTP against a freshly seeded database: the files
//! decode, carry what the database holds, and bad requests get clear answers.

use crate::common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use common::{TestApp, by_code};
use serde_json::Value;

pub(crate) async fn bytes(app: &TestApp, path: &str) -> (u16, String, Vec<u8>) {
    let res = app.get(path).await;
    let status = res.status().as_u16();
    let content_type = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = res.bytes().await.expect("body").to_vec();
    (status, content_type, body)
}

pub(crate) fn id_of(list: &[Value], code: &str) -> i64 {
    by_code(list, code)["id"].as_i64().expect("id")
}

/// Width, height and RGB pixels of a PNG.
pub(crate) fn decode_png(data: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(Cursor::new(data));
    let mut reader = decoder.read_info().expect("PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("buffer size")];
    let info = reader.next_frame(&mut buf).expect("PNG frame");
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

pub(crate) fn variance(values: &[u8]) -> f64 {
    let n = values.len() as f64;
    let mean = values.iter().map(|v| f64::from(*v)).sum::<f64>() / n;
    values
        .iter()
        .map(|v| (f64::from(*v) - mean).powi(2))
        .sum::<f64>()
        / n
}

/// The term sheet of an exported workbook: its column headings and the rows below them.
pub(crate) struct TermSheet {
    heads: Vec<String>,
    pub rows: Vec<Vec<Data>>,
}

impl TermSheet {
    pub(crate) fn read(book: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> TermSheet {
        let range = book.worksheet_range(sheet).expect("data sheet");
        let rows: Vec<&[Data]> = range.rows().collect();
        let header = rows
            .iter()
            .position(|r| matches!(r.first(), Some(Data::String(s)) if s == "Mã"))
            .expect("header row");
        TermSheet {
            heads: rows[header].iter().map(|c| c.to_string()).collect(),
            rows: rows[header + 1..].iter().map(|r| r.to_vec()).collect(),
        }
    }

    pub(crate) fn col(&self, name: &str) -> usize {
        self.heads
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name:?} in {:?}", self.heads))
    }

    /// The row of the indicator `code`.
    pub(crate) fn row(&self, code: &str) -> &[Data] {
        self.rows
            .iter()
            .find(|r| matches!(r.first(), Some(Data::String(s)) if s == code))
            .unwrap_or_else(|| panic!("no row for {code}"))
    }
}

pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn a_png_chart_decodes_at_the_requested_size_and_is_not_blank(app: TestApp) {
    let (_, list) = app.indicators_of(2015).await;
    let id = id_of(&list, "DM-02");
    for (query, want) in [
        ("", (1920, 1080)),
        ("?width=800&height=600&scale=2", (1600, 1200)),
        ("?width=320&height=320", (320, 320)),
    ] {
        let (status, content_type, body) =
            bytes(&app, &format!("/charts/indicators/{id}.png{query}")).await;
        assert_eq!(status, 200, "{query}");
        assert_eq!(content_type, "image/png");
        let (w, h, pixels) = decode_png(&body);
        assert_eq!((w, h), want, "{query}");
        assert!(
            variance(&pixels) > 200.0,
            "{query}: the image is nearly blank"
        );
        let dark = pixels
            .chunks(3)
            .filter(|p| p.iter().all(|c| *c < 100))
            .count();
        assert!(
            dark > 500,
            "{query}: too little text or ink ({dark} dark pixels)"
        );
    }
}

async fn an_svg_chart_parses_and_carries_title_desc_and_the_indicator_name(app: TestApp) {
    let (_, list) = app.indicators_of(2015).await;
    let indicator = by_code(&list, "DM-01");
    let id = indicator["id"].as_i64().expect("id");
    let name = indicator["name"].as_str().expect("name");
    let (status, content_type, body) = bytes(&app, &format!("/charts/indicators/{id}.svg")).await;
    assert_eq!(status, 200);
    assert!(content_type.starts_with("image/svg+xml"));
    let text = String::from_utf8(body).expect("UTF-8");
    let doc = roxmltree::Document::parse(&text).expect("SVG parses as XML");
    let root = doc.root_element();
    assert_eq!(root.attribute("width"), Some("1920"));
    assert_eq!(root.attribute("height"), Some("1080"));
    let title = root
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .expect("title");
    assert!(title.contains(name), "{title}");
    assert!(root.children().any(|n| n.has_tag_name("desc")));
    let texts: String = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ");
    for part in [
        "Nhiệm kỳ 2015–2020",
        "Tình trạng: Đạt mục tiêu",
        "Nguồn:",
        "Cập nhật số liệu",
    ] {
        assert!(
            texts.contains(part),
            "the exported chart lacks {part:?}: {texts}"
        );
    }
    let bar_titles = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect"))
        .filter(|n| n.children().any(|c| c.has_tag_name("title")))
        .count();
    assert!(bar_titles >= 1, "no per-bar <title>");
}

async fn overview_and_comparison_charts_download_in_both_formats(app: TestApp) {
    let (term, list) = app.indicators_of(2015).await;
    let id = id_of(&list, "DM-01");
    for path in [
        format!("/charts/terms/{term}/overview.svg"),
        format!("/charts/terms/{term}/overview.png"),
        format!("/charts/indicators/{id}/compare.svg"),
        format!("/charts/indicators/{id}/compare.png?width=1280&height=720"),
    ] {
        let (status, content_type, body) = bytes(&app, &path).await;
        assert_eq!(status, 200, "{path}");
        if path.contains(".svg") {
            let text = String::from_utf8(body).expect("UTF-8");
            roxmltree::Document::parse(&text).expect("SVG parses");
        } else {
            assert_eq!(content_type, "image/png");
            let (_, _, pixels) = decode_png(&body);
            assert!(variance(&pixels) > 200.0, "{path}");
        }
    }
    let (_, _, compare) = bytes(&app, &format!("/charts/indicators/{id}/compare.svg")).await;
    let compare = String::from_utf8(compare).expect("UTF-8");
    assert!(compare.contains("2015–2020") && compare.contains("2020–2025"));
}

async fn bad_sizes_are_refused_with_400_and_a_message_naming_the_problem(app: TestApp) {
    let (term, list) = app.indicators_of(2015).await;
    let id = id_of(&list, "DM-01");
    let cases = [
        (format!("/charts/indicators/{id}.png?width=100"), "width"),
        (format!("/charts/indicators/{id}.svg?width=5000"), "width"),
        (format!("/charts/indicators/{id}.png?height=abc"), "height"),
        (format!("/charts/indicators/{id}.png?height=-1"), "height"),
        (format!("/charts/indicators/{id}.png?scale=4"), "scale"),
        (format!("/charts/indicators/{id}.png?scale=0"), "scale"),
        (
            format!("/charts/terms/{term}/overview.png?width=4096&height=4096&scale=3"),
            "pixels",
        ),
        (
            format!("/charts/indicators/{id}/compare.png?width=1e3"),
            "width",
        ),
    ];
    for (path, word) in cases {
        let (status, body) = app.json(&path).await;
        assert_eq!(status, 400, "{path}");
        assert_eq!(body["error"]["code"], "bad_request", "{path}");
        let message = body["error"]["message"].as_str().unwrap_or("");
        assert!(message.contains(word), "{path}: {message}");
    }
}

async fn unknown_ids_names_and_formats_answer_404_in_json(app: TestApp) {
    for path in [
        "/charts/indicators/999999.png",
        "/charts/indicators/999999.svg",
        "/charts/indicators/0.svg",
        "/charts/indicators/abc.svg",
        "/charts/indicators/1.gif",
        "/charts/indicators/999999/compare.png",
        "/charts/indicators/1/other.png",
        "/charts/terms/999/overview.png",
        "/charts/terms/x/overview.svg",
        "/export/terms/999.pdf",
        "/export/terms/1.docx",
        "/export/terms/one.csv",
    ] {
        let (status, body) = app.json(path).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(body["error"]["code"], "not_found", "{path}");
    }
}

async fn a_term_without_figures_still_gives_every_file_saying_so(app: TestApp) {
    let (term, list) = app.indicators_of(2020).await;
    let id = id_of(&list, "DM-01");
    for path in [
        format!("/charts/terms/{term}/overview.png"),
        format!("/charts/indicators/{id}.png"),
        format!("/charts/indicators/{id}/compare.png"),
        format!("/export/terms/{term}.csv"),
        format!("/export/terms/{term}.xlsx"),
    ] {
        let (status, _, body) = bytes(&app, &path).await;
        assert_eq!(status, 200, "{path}");
        assert!(!body.is_empty(), "{path}");
    }
    let (_, _, svg) = bytes(&app, &format!("/charts/terms/{term}/overview.svg")).await;
    assert!(String::from_utf8_lossy(&svg).contains("Chưa có số liệu"));
    let (status, _, pdf) = bytes(&app, &format!("/export/terms/{term}.pdf")).await;
    assert_eq!(status, 200);
    let text = pdf_extract::extract_text_from_mem(&pdf).expect("PDF text");
    assert!(
        collapse(&text).contains("Chưa có số liệu để vẽ biểu đồ"),
        "{text}"
    );
}

async fn the_csv_has_a_bom_and_the_figures_of_the_database(app: TestApp) {
    let (term, list) = app.indicators_of(2015).await;
    let (status, content_type, body) = bytes(&app, &format!("/export/terms/{term}.csv")).await;
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/csv"));
    assert!(
        body.starts_with(b"\xEF\xBB\xBF"),
        "no UTF-8 byte-order mark"
    );
    let mut reader = csv::Reader::from_reader(&body[3..]);
    let header = reader.headers().expect("header").clone();
    let whole = header
        .iter()
        .position(|h| h == "Cả nhiệm kỳ")
        .expect("whole-term column");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), list.len());
    for indicator in &list {
        let code = indicator["code"].as_str().expect("code");
        let row = rows.iter().find(|r| &r[0] == code).expect("row of code");
        assert_eq!(&row[2], indicator["name"].as_str().expect("name"));
        let expected = indicator["values"][0]["value"].as_str().unwrap_or("");
        // Vietnamese format: dots group thousands, a comma marks decimals.
        let written = row[whole].replace('.', "").replace(',', ".");
        assert_eq!(written, expected, "{code}");
    }
}

async fn the_xlsx_read_back_holds_the_figures_of_the_database(app: TestApp) {
    let (term, list) = app.indicators_of(2015).await;
    let (status, content_type, body) = bytes(&app, &format!("/export/terms/{term}.xlsx")).await;
    assert_eq!(status, 200);
    assert!(content_type.contains("spreadsheetml"));
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(body)).expect("XLSX opens");
    assert_eq!(book.sheet_names(), vec!["Nhiệm kỳ 2015–2020", "Biểu đồ"]);
    let sheet = TermSheet::read(&mut book, "Nhiệm kỳ 2015–2020");
    let (whole, percent, status_col) = (
        sheet.col("Cả nhiệm kỳ"),
        sheet.col("% đạt"),
        sheet.col("Tình trạng"),
    );
    assert_eq!(sheet.rows.len(), list.len());
    for indicator in &list {
        let code = indicator["code"].as_str().expect("code");
        let row = sheet.row(code);
        assert_eq!(
            row[2].to_string(),
            indicator["name"].as_str().expect("name")
        );
        match indicator["values"][0]["value"].as_str() {
            Some(v) => {
                let expected: f64 = v.parse().expect("number");
                assert_eq!(row[whole], Data::Float(expected), "{code}");
            }
            None => assert_eq!(row[whole], Data::Empty, "{code}"),
        }
        if let Some(p) = indicator["progress"]["percent"].as_str() {
            let expected = p.parse::<f64>().expect("percent") / 100.0;
            assert_eq!(row[percent], Data::Float(expected), "{code}");
        }
        assert_eq!(
            row[status_col].to_string(),
            indicator["progress"]["status_label"]
                .as_str()
                .expect("status")
        );
    }
}

async fn the_pdf_parses_with_the_expected_pages_and_the_vietnamese_names_as_text(app: TestApp) {
    let (term, list) = app.indicators_of(2015).await;
    let (status, content_type, body) = bytes(&app, &format!("/export/terms/{term}.pdf")).await;
    assert_eq!(status, 200);
    assert_eq!(content_type, "application/pdf");
    let doc = lopdf::Document::load_mem(&body).expect("PDF parses");
    let pages = doc.get_pages().len();
    // Cover, summary (at least one page), then at most one page per indicator and at
    // least one per two.
    let n = list.len();
    assert!(
        (2 + n.div_ceil(2)..=3 + n).contains(&pages),
        "{pages} pages for {n} indicators"
    );
    let text = collapse(&pdf_extract::extract_text_from_mem(&body).expect("PDF text"));
    assert!(text.contains(&format!("Trang 1/{pages}")), "page numbers");
    assert!(
        text.contains(&format!("Trang {pages}/{pages}")),
        "page numbers"
    );
    for part in [
        "Đảng bộ Sở Khoa học và Công nghệ",
        "Nhiệm kỳ 2015–2020",
        "Ngày lập:",
    ] {
        assert!(text.contains(part), "the cover lacks {part:?}");
    }
    // pdf-extract joins wrapped lines without a space, so compare without spaces.
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for indicator in &list {
        let name = indicator["name"].as_str().expect("name");
        let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(squeezed.contains(&name), "the PDF lacks {name:?}");
    }
}

async fn the_term_and_indicator_pages_link_their_downloads(app: TestApp) {
    let (term, list) = app.indicators_of(2015).await;
    let (_, html) = app.page(&format!("/terms/{term}")).await;
    for href in [
        format!("/export/terms/{term}.pdf"),
        format!("/export/terms/{term}.xlsx"),
        format!("/export/terms/{term}.csv"),
        format!("/charts/terms/{term}/overview.png"),
        format!("/charts/terms/{term}/overview.svg"),
    ] {
        assert!(
            html.contains(&format!("href=\"{href}\"")),
            "term page lacks {href}"
        );
    }
    assert!(html.contains("Tài liệu họp PDF (A4)"));
    let id = id_of(&list, "DM-01");
    let (_, html) = app.page(&format!("/indicators/{id}")).await;
    for href in [
        format!("/charts/indicators/{id}.png"),
        format!("/charts/indicators/{id}.svg"),
        format!("/charts/indicators/{id}/compare.png"),
    ] {
        assert!(
            html.contains(&format!("href=\"{href}\"")),
            "indicator page lacks {href}"
        );
    }
    assert!(html.contains("So sánh giữa các nhiệm kỳ"));
}

async fn the_term_query_draws_the_same_indicator_as_carried_into_another_term(app: TestApp) {
    let (_, list) = app.indicators_of(2015).await;
    let id = by_code(&list, "DM-01")["id"].as_i64().expect("id");
    let (next_term, _) = app.indicators_of(2020).await;
    let (status, _, body) = bytes(
        &app,
        &format!("/charts/indicators/{id}.svg?term={next_term}"),
    )
    .await;
    assert_eq!(status, 200);
    let text = String::from_utf8(body).expect("UTF-8");
    assert!(text.contains("2020–2025"), "the chart names the other term");
    for (query, expected) in [("term=999", 404), ("term=abc", 400), ("term=0", 400)] {
        let (status, _, _) = bytes(&app, &format!("/charts/indicators/{id}.svg?{query}")).await;
        assert_eq!(status, expected, "{query}");
    }
}

on_both_backends!(
    a_png_chart_decodes_at_the_requested_size_and_is_not_blank,
    an_svg_chart_parses_and_carries_title_desc_and_the_indicator_name,
    overview_and_comparison_charts_download_in_both_formats,
    bad_sizes_are_refused_with_400_and_a_message_naming_the_problem,
    unknown_ids_names_and_formats_answer_404_in_json,
    a_term_without_figures_still_gives_every_file_saying_so,
    the_csv_has_a_bom_and_the_figures_of_the_database,
    the_xlsx_read_back_holds_the_figures_of_the_database,
    the_pdf_parses_with_the_expected_pages_and_the_vietnamese_names_as_text,
    the_term_and_indicator_pages_link_their_downloads,
    the_term_query_draws_the_same_indicator_as_carried_into_another_term,
);
