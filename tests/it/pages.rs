//! The server-rendered pages over HTTP: what a reader without JavaScript gets.

use crate::common;

use common::TestApp;

use common::by_code;

async fn the_overview_lists_the_terms_and_the_headline_figures(app: TestApp) {
    let (status, html) = app.page("/").await;
    assert_eq!(status, 200);
    assert!(html.contains("<html lang=\"vi\""));
    assert!(html.contains("Nhiệm kỳ 2015–2020"));
    assert!(html.contains("Nhiệm kỳ 2020–2025"));
    for figure in [
        "101 nhiệm vụ",
        "82 nhiệm vụ",
        "15 tỷ đồng",
        "20%/năm",
        "trên 140 tỷ đồng",
    ] {
        assert!(html.contains(figure), "overview lacks {figure}");
    }
    assert!(html.contains("Tình trạng các chỉ tiêu"));
}

async fn the_term_page_shows_every_figure_with_status_and_an_inline_chart(app: TestApp) {
    let (term_id, list) = app.indicators_of(2015).await;
    let (status, html) = app.page(&format!("/terms/{term_id}")).await;
    assert_eq!(status, 200);
    for indicator in &list {
        assert!(
            html.contains(indicator["name"].as_str().unwrap_or("?")),
            "missing {}",
            indicator["code"]
        );
        for v in indicator["values"].as_array().into_iter().flatten() {
            assert!(
                html.contains(v["text"].as_str().unwrap_or("?")),
                "missing figure {}",
                v["text"]
            );
        }
    }
    assert!(html.contains("chưa có chỉ tiêu"));
    assert!(html.contains("Đạt mục tiêu"));
    assert!(html.contains("<svg"), "no inline chart");
    assert!(html.contains("Mức đạt so với mục tiêu"));
}

async fn each_indicator_page_quotes_its_source_sentence(app: TestApp) {
    let (_, list) = app.indicators_of(2015).await;
    for indicator in &list {
        let (status, html) = app.page(&format!("/indicators/{}", indicator["id"])).await;
        assert_eq!(status, 200);
        for v in indicator["values"].as_array().into_iter().flatten() {
            let quote = v["source"]["quote"].as_str().unwrap_or("?");
            assert!(html.contains(quote), "{}: quote missing", indicator["code"]);
        }
    }
}

async fn the_indicator_page_explains_its_status_and_draws_its_chart(app: TestApp) {
    let (_, list) = app.indicators_of(2015).await;
    let (_, html) = app
        .page(&format!("/indicators/{}", by_code(&list, "DM-01")["id"]))
        .await;
    assert!(html.contains("Mỗi năm đạt ít nhất 20%/năm"));
    assert!(html.contains("Kết quả đúng bằng mục tiêu đề ra."));
    assert!(html.contains("Báo cáo chỉ nêu số liệu cả nhiệm kỳ"));
    assert!(html.contains("<svg"));
    assert!(html.contains("Tốc độ đổi mới công nghệ, thiết bị: kết quả so với mục tiêu"));
}

async fn a_parent_indicator_shows_its_breakdown_chart_and_rows(app: TestApp) {
    let (_, list) = app.indicators_of(2015).await;
    let (_, html) = app
        .page(&format!("/indicators/{}", by_code(&list, "TT-01")["id"]))
        .await;
    assert!(html.contains("Chi tiết theo thành phần"));
    for part in [
        "02",
        "Chỉ dẫn địa lý",
        "Nhãn hiệu tập thể",
        "36 nhãn hiệu",
        "1 sáng chế",
    ] {
        assert!(html.contains(part), "breakdown lacks {part}");
    }
    assert!(html.matches("<svg").count() >= 1);
}

async fn unknown_pages_answer_404_in_vietnamese(app: TestApp) {
    for path in [
        "/terms/999",
        "/terms/abc",
        "/indicators/0",
        "/indicators/999999",
        "/no/such/page",
    ] {
        let (status, html) = app.page(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("Không tìm thấy"), "{path}");
    }
}

async fn pages_carry_security_headers(app: TestApp) {
    let res = app.get("/").await;
    let h = res.headers();
    assert_eq!(
        h.get("x-content-type-options")
            .and_then(|v| v.to_str().ok()),
        Some("nosniff")
    );
    let csp = h
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(
        csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'none'"),
        "{csp}"
    );
}

async fn the_stylesheet_and_the_font_are_served_from_the_binary(app: TestApp) {
    let css = app.get("/assets/app.css").await;
    assert_eq!(css.status().as_u16(), 200);
    assert!(css.text().await.unwrap_or_default().contains("@font-face"));
    let font = app.get("/assets/fonts/NotoSans-Regular.ttf").await;
    assert_eq!(
        font.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("font/ttf")
    );
    assert!(font.bytes().await.map(|b| b.len()).unwrap_or(0) > 100_000);
}

async fn choosing_english_is_remembered_and_goes_back_to_the_page(app: TestApp) {
    let res = app
        .client
        .get(format!("{}/lang/en", app.base))
        .header("referer", format!("{}/terms/1", app.base))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/terms/1")
    );
    let cookie = res
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert!(cookie.starts_with("lang=en"));
    let html = app
        .client
        .get(format!("{}/terms/1", app.base))
        .header("cookie", "lang=en")
        .send()
        .await
        .expect("page");
    let html = html.text().await.unwrap_or_default();
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("Term 2015–2020"));
    assert!(html.contains("101 tasks"));
    // An outside Referer never becomes the redirect target.
    let res = app
        .client
        .get(format!("{}/lang/vi", app.base))
        .header("referer", "http://evil.example/x")
        .send()
        .await
        .expect("request");
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/")
    );
}

on_both_backends!(
    the_overview_lists_the_terms_and_the_headline_figures,
    the_term_page_shows_every_figure_with_status_and_an_inline_chart,
    each_indicator_page_quotes_its_source_sentence,
    the_indicator_page_explains_its_status_and_draws_its_chart,
    a_parent_indicator_shows_its_breakdown_chart_and_rows,
    unknown_pages_answer_404_in_vietnamese,
    pages_carry_security_headers,
    the_stylesheet_and_the_font_are_served_from_the_binary,
    choosing_english_is_remembered_and_goes_back_to_the_page,
);
