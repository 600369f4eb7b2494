//! Charts for download: the frame's texts, the output size, grouped bars, and the PNG.

use roxmltree::Document;

use super::*;

fn frame() -> Frame {
    Frame {
        subtitle: Some("Nhiệm kỳ 2015–2020 · Đơn vị tính: % · Tình trạng: Đạt mục tiêu".into()),
        footer: vec![
            "Nguồn: Báo cáo kết quả nhiệm kỳ".into(),
            "Cập nhật số liệu: 26/11/2026".into(),
        ],
    }
}

fn terms() -> GroupedBarChart {
    GroupedBarChart {
        texts: ChartTexts {
            id: "so-sanh".into(),
            title: "Tốc độ đổi mới công nghệ: so sánh các nhiệm kỳ".into(),
            description: "Hai nhiệm kỳ theo năm của nhiệm kỳ.".into(),
            axis_label: "%/năm".into(),
        },
        categories: vec!["Năm thứ 1".into(), "Năm thứ 2".into(), "Cả nhiệm kỳ".into()],
        series: vec![
            Series {
                name: "2015–2020".into(),
                values: vec![
                    Some((18.5, "18,5%".into())),
                    None,
                    Some((20.0, "20%".into())),
                ],
            },
            Series {
                name: "2020–2025".into(),
                values: vec![
                    Some((21.0, "21%".into())),
                    Some((22.4, "22,4%".into())),
                    None,
                ],
            },
        ],
    }
}

#[test]
fn a_framed_chart_asks_for_the_output_size_and_prints_its_frame() -> TestResult {
    let out = size(1920, 1080);
    let svg = render_vbar_framed(&years(), &frame(), out)?;
    let doc = Document::parse(&svg)?;
    let root = doc.root_element();
    assert_eq!(root.attribute("width"), Some("1920"));
    assert_eq!(root.attribute("height"), Some("1080"));
    assert_eq!(root.attribute("viewBox"), Some("0 0 960 540"));
    let all: Vec<String> = texts(&doc).into_iter().map(text_of).collect();
    for line in [
        "Nguồn: Báo cáo kết quả nhiệm kỳ",
        "Cập nhật số liệu: 26/11/2026",
    ] {
        assert!(all.iter().any(|t| t == line), "{line} missing from {all:?}");
    }
    assert!(all.iter().any(|t| t.starts_with("Nhiệm kỳ 2015–2020")));
    Ok(())
}

#[test]
fn grouped_bars_have_a_legend_and_a_tooltip_per_bar() -> TestResult {
    let svg = render_grouped_framed(&terms(), &frame(), size(1280, 720))?;
    let doc = Document::parse(&svg)?;
    let all: Vec<String> = texts(&doc).into_iter().map(text_of).collect();
    for label in [
        "2015–2020",
        "2020–2025",
        "Năm thứ 1",
        "Cả nhiệm kỳ",
        "22,4%",
    ] {
        assert!(
            all.iter().any(|t| t == label),
            "{label} missing from {all:?}"
        );
    }
    let tips = tooltips(&doc);
    assert_eq!(tips.len(), 6);
    assert!(
        tips.contains(&"Năm thứ 2, 2015–2020: chưa có số liệu".to_string()),
        "{tips:?}"
    );
    Ok(())
}

#[test]
fn grouped_bars_without_any_value_say_there_is_no_data() -> TestResult {
    let empty = GroupedBarChart {
        series: vec![Series {
            name: "2020–2025".into(),
            values: vec![None; 3],
        }],
        ..terms()
    };
    let svg = render_grouped(&empty, size(900, 420))?;
    let doc = Document::parse(&svg)?;
    assert!(texts(&doc).iter().any(|t| text_of(*t) == "Chưa có số liệu"));
    Ok(())
}

#[test]
fn a_png_of_a_framed_chart_has_the_scaled_size() -> TestResult {
    let svg = render_hbar_framed(&overview(), &frame(), size(400, 300))?;
    let png = svg_to_png(&svg, 2)?;
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let reader = decoder.read_info()?;
    assert_eq!((reader.info().width, reader.info().height), (800, 600));
    Ok(())
}
