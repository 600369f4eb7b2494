//! The SVG is valid, accessible XML with the Vietnamese texts intact and escaped.

use roxmltree::{Document, Node};

use super::*;

#[test]
fn the_svg_parses_as_xml_and_starts_with_title_and_desc() -> TestResult {
    for svg in [
        render_hbar(&overview(), size(900, hbar_height(3)))?,
        render_vbar(&years(), size(900, 420))?,
    ] {
        let doc = Document::parse(&svg)?;
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(root.attribute("role"), Some("img"));
        assert!(
            root.attribute("viewBox")
                .is_some_and(|v| v.starts_with("0 0 900 "))
        );
        assert_eq!(root.attribute("font-family"), Some("Noto Sans, sans-serif"));
        let first: Vec<Node> = root.children().filter(Node::is_element).take(2).collect();
        assert_eq!(first[0].tag_name().name(), "title");
        assert_eq!(first[1].tag_name().name(), "desc");
        let labelled_by = format!(
            "{} {}",
            first[0].attribute("id").ok_or("title id")?,
            first[1].attribute("id").ok_or("desc id")?
        );
        assert_eq!(
            root.attribute("aria-labelledby"),
            Some(labelled_by.as_str())
        );
    }
    Ok(())
}

#[test]
fn title_and_desc_carry_the_given_texts() -> TestResult {
    let doc_text = render_hbar(&overview(), size(900, 300))?;
    let doc = Document::parse(&doc_text)?;
    let title = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("tong-quan-title"))
        .ok_or("no title")?;
    let desc = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("tong-quan-desc"))
        .ok_or("no desc")?;
    assert_eq!(text_of(title), "Mức độ hoàn thành chỉ tiêu");
    assert_eq!(text_of(desc), "Ba chỉ tiêu, một chỉ tiêu vượt 150%.");
    Ok(())
}

#[test]
fn labels_typed_as_nfd_are_drawn_as_nfc() -> TestResult {
    let svg = render_hbar(&overview(), size(900, 300))?;
    assert!(svg.contains("Nhiệm vụ"), "NFC form missing");
    assert!(
        !svg.contains('\u{0323}') && !svg.contains('\u{0302}'),
        "combining marks left in the SVG"
    );
    Ok(())
}

#[test]
fn kh_and_cn_is_escaped_exactly_once() -> TestResult {
    let svg = render_hbar(&overview(), size(900, 300))?;
    assert!(svg.contains("KH&amp;CN"));
    assert!(!svg.contains("KH&CN") && !svg.contains("&amp;amp;"));
    let doc = Document::parse(&svg)?;
    assert!(texts(&doc).iter().any(|t| text_of(*t).contains("KH&CN")));
    assert!(
        tooltips(&doc)
            .iter()
            .any(|t| t == "Số nhiệm vụ KH&CN cấp tỉnh: 168,3%")
    );
    Ok(())
}

#[test]
fn every_bar_has_a_tooltip_with_its_full_label_and_value() -> TestResult {
    let svg = render_hbar(&overview(), size(900, 300))?;
    let doc = Document::parse(&svg)?;
    let tips = tooltips(&doc);
    assert_eq!(tips.len(), 3);
    assert_eq!(tips[0], format!("{LONG}: 84%"));
    assert_eq!(tips[2], "Nhiệm vụ: 101 nhiệm vụ (ước tính)");

    let svg = render_vbar(&years(), size(900, 420))?;
    let tips = tooltips(&Document::parse(&svg)?);
    assert_eq!(tips.len(), 5);
    assert_eq!(tips[2], "2018: chưa có số liệu");
    Ok(())
}

#[test]
fn two_charts_on_one_page_have_distinct_prefixed_ids() -> TestResult {
    let a = render_hbar(&overview(), size(900, 300))?;
    let b = render_hbar(
        &HBarChart {
            texts: ChartTexts {
                id: "chi-tiet".to_string(),
                ..overview().texts
            },
            ..overview()
        },
        size(900, 300),
    )?;
    let (doc_a, doc_b) = (Document::parse(&a)?, Document::parse(&b)?);
    let (ids_a, ids_b) = (ids(&doc_a), ids(&doc_b));
    assert!(ids_a.len() > 2);
    assert!(
        ids_a.iter().all(|id| id.starts_with("tong-quan-")),
        "{ids_a:?}"
    );
    assert!(
        ids_b.iter().all(|id| id.starts_with("chi-tiet-")),
        "{ids_b:?}"
    );
    assert!(ids_a.iter().all(|id| !ids_b.contains(id)));
    Ok(())
}

#[test]
fn unsafe_ids_are_sanitised_and_quotes_in_texts_escaped() -> TestResult {
    let chart = HBarChart {
        texts: ChartTexts {
            id: "a b\"c".to_string(),
            title: "\"Tiêu đề\" <b>".to_string(),
            ..overview().texts
        },
        ..overview()
    };
    let svg = render_hbar(&chart, size(900, 300))?;
    let doc = Document::parse(&svg)?;
    assert_eq!(
        doc.root_element().attribute("aria-labelledby"),
        Some("a-b-c-title a-b-c-desc")
    );
    let title = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("a-b-c-title"))
        .ok_or("no title")?;
    assert_eq!(text_of(title), "\"Tiêu đề\" <b>");
    Ok(())
}

#[test]
fn font_sizes_are_what_the_browser_should_use() -> TestResult {
    let svg = render_hbar(&overview(), size(900, 300))?;
    let doc = Document::parse(&svg)?;
    let title = texts(&doc)
        .into_iter()
        .find(|t| t.attribute("font-weight") == Some("bold"))
        .ok_or("no bold title")?;
    assert_eq!(title.attribute("font-size"), Some("16"));
    assert!(
        texts(&doc)
            .iter()
            .all(|t| t.attribute("font-family") == Some("Noto Sans, sans-serif"))
    );
    Ok(())
}

#[test]
fn axis_ticks_are_written_the_vietnamese_way() -> TestResult {
    let svg = render_vbar(&years(), size(900, 420))?;
    let doc = Document::parse(&svg)?;
    let labels: Vec<String> = texts(&doc).into_iter().map(text_of).collect();
    assert!(labels.iter().any(|l| l == "1.000"), "{labels:?}");
    assert!(!labels.iter().any(|l| l == "1000"));
    Ok(())
}
