//! The JSON read API over HTTP, against a freshly seeded database.

use crate::common;

use common::TestApp;

use common::by_code;
use resolution_dashboard::ingest::seed::{BUILTIN_SEED, SeedFile};
use serde_json::Value;

async fn the_health_check_answers_ok(app: TestApp) {
    let res = app.get("/healthz").await;
    assert_eq!(res.status().as_u16(), 200);
}

async fn the_terms_endpoint_lists_both_seeded_terms_in_order(app: TestApp) {
    let (status, terms) = app.json("/api/v1/terms").await;
    assert_eq!(status, 200);
    let spans: Vec<(i64, i64)> = terms
        .as_array()
        .expect("array")
        .iter()
        .map(|t| {
            (
                t["start_year"].as_i64().unwrap_or(0),
                t["end_year"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(spans, vec![(2015, 2020), (2020, 2025)]);
    assert_eq!(terms[0]["name"], "Nhiệm kỳ 2015–2020");
}

async fn every_seeded_figure_comes_back_exactly_with_its_source_sentence(app: TestApp) {
    let (_, list) = app.indicators_of(2015).await;
    let seed = SeedFile::parse(BUILTIN_SEED).expect("seed");
    assert_eq!(list.len(), seed.indicators.len());
    for expected in &seed.indicators {
        let got = by_code(&list, &expected.code);
        assert_eq!(got["name"], expected.name.as_str());
        let values = got["values"].as_array().expect("values");
        assert_eq!(values.len(), expected.values.len(), "{}", expected.code);
        for (v, e) in values.iter().zip(&expected.values) {
            assert_eq!(v["value"], e.value.as_str(), "{}", expected.code);
            assert_eq!(v["period"], "term");
            assert_eq!(v["qualifier"], e.qualifier.as_deref().unwrap_or("exact"));
            assert_eq!(v["source"]["quote"], e.quote.as_str());
            assert_eq!(v["source"]["document"], seed.source.title.as_str());
        }
        assert_eq!(
            got["target"].is_null(),
            expected.target.is_none(),
            "{}",
            expected.code
        );
    }
}

async fn the_report_figures_read_as_the_report_writes_them(app: TestApp) {
    let (_, list) = app.indicators_of(2015).await;
    let text = |code: &str| {
        by_code(&list, code)["values"][0]["text"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(text("NV-01"), "101 nhiệm vụ");
    assert_eq!(text("NV-02"), "82 nhiệm vụ");
    assert_eq!(text("TL-01"), "7 doanh nghiệp");
    assert_eq!(text("QP-02"), "15 tỷ đồng");
    assert_eq!(text("QP-03"), "trên 140 tỷ đồng");
    assert_eq!(text("DM-01"), "20%/năm");
}

async fn targets_are_typed_and_statuses_follow_the_rules(app: TestApp) {
    let (_, list) = app.indicators_of(2015).await;
    let renewal = by_code(&list, "DM-01");
    assert_eq!(renewal["target"]["type"], "each_year");
    assert_eq!(renewal["target"]["value"], "20");
    assert_eq!(renewal["status"], "achieved");
    assert_eq!(renewal["progress"]["percent"], "100");
    let share = by_code(&list, "DM-02");
    assert_eq!(share["target"]["type"], "end_of_term");
    assert_eq!(share["status"], "achieved");
    let tasks = by_code(&list, "NV-01");
    assert!(tasks["target"].is_null());
    assert_eq!(tasks["status"], "no_target");
    assert_eq!(tasks["progress"]["status_label"], "Chưa có chỉ tiêu");
}

async fn breakdowns_point_to_their_parent(app: TestApp) {
    let (_, list) = app.indicators_of(2015).await;
    let parent = by_code(&list, "NV-01")["id"].clone();
    for (code, value) in [("NV-01.1", "9"), ("NV-01.2", "75"), ("NV-01.3", "17")] {
        let child = by_code(&list, code);
        assert_eq!(child["parent_id"], parent, "{code}");
        assert_eq!(child["values"][0]["value"], value);
    }
}

async fn the_next_term_carries_the_same_indicators_without_figures(app: TestApp) {
    let (_, first) = app.indicators_of(2015).await;
    let (_, next) = app.indicators_of(2020).await;
    let codes = |l: &[serde_json::Value]| {
        l.iter()
            .map(|i| i["code"].as_str().unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&first), codes(&next));
    for i in &next {
        assert!(i["values"].as_array().is_some_and(|v| v.is_empty()));
        assert!(i["target"].is_null());
        assert_eq!(i["status"], "no_target");
    }
}

async fn one_indicator_is_the_same_object_as_in_its_term_list(app: TestApp) {
    let (_, list) = app.indicators_of(2015).await;
    let from_list = by_code(&list, "QP-03");
    let (status, one) = app
        .json(&format!("/api/v1/indicators/{}", from_list["id"]))
        .await;
    assert_eq!(status, 200);
    assert_eq!(&one, from_list);
}

async fn unknown_ids_and_endpoints_get_a_json_404_not_a_500(app: TestApp) {
    for path in [
        "/api/v1/terms/999/indicators",
        "/api/v1/terms/0/indicators",
        "/api/v1/terms/-1/indicators",
        "/api/v1/terms/abc/indicators",
        "/api/v1/terms/99999999999999999999/indicators",
        "/api/v1/indicators/999999",
        "/api/v1/indicators/1.5",
        "/api/v1/indicators/%F0%9F%92%A5",
        "/api/v1/nothing-here",
    ] {
        let (status, body) = app.json(path).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(body["error"]["code"], "not_found", "{path}");
        assert!(
            body["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{path}"
        );
    }
}

/// The `rel="next"` target of a `Link` header, if any.
fn next_link(res: &reqwest::Response) -> Option<String> {
    let link = res.headers().get("link")?.to_str().ok()?;
    link.split(", ")
        .find(|l| l.ends_with("rel=\"next\""))
        .and_then(|l| l.split_once('>'))
        .map(|(target, _)| target.trim_start_matches('<').to_string())
}

async fn a_long_term_list_comes_a_page_at_a_time_and_the_pages_add_up_to_the_whole(app: TestApp) {
    let (term, whole) = app.indicators_of(2015).await;
    assert!(whole.len() > 20, "the seed term is long enough to page");
    let mut path = Some(format!("/api/v1/terms/{term}/indicators?limit=7"));
    let (mut pages, mut seen) = (0, Vec::new());
    while let Some(p) = path {
        let res = app.get(&p).await;
        assert_eq!(res.status().as_u16(), 200, "{p}");
        let total = res.headers()["x-total-count"]
            .to_str()
            .expect("count")
            .to_string();
        assert_eq!(total, whole.len().to_string());
        path = next_link(&res);
        let page: Value = res.json().await.expect("json");
        let page = page.as_array().expect("a page is a list");
        assert!(
            page.len() <= 7 && !page.is_empty(),
            "{p}: {} items",
            page.len()
        );
        seen.extend(page.iter().cloned());
        pages += 1;
    }
    assert_eq!(pages, whole.len().div_ceil(7));
    assert_eq!(seen, whole, "the pages differ from the whole list");

    let (status, beyond) = app
        .json(&format!("/api/v1/terms/{term}/indicators?offset=5000"))
        .await;
    assert_eq!((status, beyond), (200, Value::Array(Vec::new())));
    for q in [
        "limit=0",
        "limit=1001",
        "limit=ten",
        "offset=-1",
        "offset=1e3",
    ] {
        let (status, body) = app
            .json(&format!("/api/v1/terms/{term}/indicators?{q}"))
            .await;
        assert_eq!(status, 400, "{q}");
        assert_eq!(body["error"]["code"], "bad_request", "{q}");
        let message = body["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains("whole number"), "{q}: {message}");
    }
}

on_both_backends!(
    a_long_term_list_comes_a_page_at_a_time_and_the_pages_add_up_to_the_whole,
    the_health_check_answers_ok,
    the_terms_endpoint_lists_both_seeded_terms_in_order,
    every_seeded_figure_comes_back_exactly_with_its_source_sentence,
    the_report_figures_read_as_the_report_writes_them,
    targets_are_typed_and_statuses_follow_the_rules,
    breakdowns_point_to_their_parent,
    the_next_term_carries_the_same_indicators_without_figures,
    one_indicator_is_the_same_object_as_in_its_term_list,
    unknown_ids_and_endpoints_get_a_json_404_not_a_500,
);
