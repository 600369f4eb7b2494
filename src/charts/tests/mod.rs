//! Tests of the rendered SVG as a whole; shared sample charts and XML helpers.

use roxmltree::{Document, Node};

use super::*;

mod export;
mod robust;
mod svg;

pub(super) type TestResult = Result<(), Box<dyn std::error::Error>>;

pub(super) fn size(width: u32, height: u32) -> ChartSize {
    ChartSize { width, height }
}

pub(super) fn bar(label: &str, value: f64, value_label: &str) -> HBar {
    HBar {
        label: label.to_string(),
        value,
        value_label: value_label.to_string(),
        note: None,
    }
}

pub(super) const LONG: &str = "Tỷ trọng giá trị sản phẩm công nghệ cao và ứng dụng công nghệ cao trong tổng giá trị sản xuất công nghiệp";

pub(super) fn overview() -> HBarChart {
    HBarChart {
        texts: ChartTexts {
            id: "tong-quan".to_string(),
            title: "Mức độ hoàn thành chỉ tiêu".to_string(),
            description: "Ba chỉ tiêu, một chỉ tiêu vượt 150%.".to_string(),
            axis_label: "% chỉ tiêu".to_string(),
        },
        bars: vec![
            bar(LONG, 84.0, "84%"),
            bar("Số nhiệm vụ KH&CN cấp tỉnh", 168.3, "168,3%"),
            HBar {
                note: Some("ước tính".to_string()),
                ..bar("Nhie\u{0323}\u{0302}m vu\u{0323}", 101.0, "101 nhiệm vụ")
            },
        ],
        reference: Some((100.0, "Chỉ tiêu 100%".to_string())),
        x_max: None,
    }
}

pub(super) fn years() -> VBarChart {
    VBarChart {
        texts: ChartTexts {
            id: "hang-nam".to_string(),
            title: "Tăng trưởng hằng năm".to_string(),
            description: "Năm 2018 chưa có số liệu.".to_string(),
            axis_label: "%".to_string(),
        },
        categories: (2016..=2020).map(|y| y.to_string()).collect(),
        values: vec![
            Some((18.5, "18,5%".to_string())),
            Some((22.0, "22%".to_string())),
            None,
            Some((19.6, "19,6%".to_string())),
            Some((1234.5, "1.234,5%".to_string())),
        ],
        target: Some((20.0, "Chỉ tiêu 20%/năm".to_string())),
    }
}

pub(super) fn texts<'a>(doc: &'a Document) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .collect()
}

pub(super) fn text_of(node: Node) -> String {
    node.text().unwrap_or_default().trim().to_string()
}

pub(super) fn tooltips(doc: &Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("fill-opacity") == Some("0"))
        .filter_map(|n| n.children().find(|c| c.has_tag_name("title")).map(text_of))
        .collect()
}

pub(super) fn ids(doc: &Document) -> Vec<String> {
    doc.descendants()
        .filter_map(|n| n.attribute("id").map(str::to_string))
        .collect()
}
