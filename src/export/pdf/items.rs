//! The pack's content turned into items of known height: wrapped paragraphs, headings,
//! charts scaled to the text width, and the rows of the summary table.

use super::super::ExportError;
use super::flow::{CONTENT_W, INK, Item, MARGIN_X, MUTED, Op, RULE, Rgb, SHADE};
use super::metrics::Fonts;
use crate::charts::ChartSize;
use crate::present::views::IndicatorRowView;
use crate::present::{Chart, ChartSpec};

/// Line height as a multiple of the font size.
const LEADING: f32 = 1.35;
/// Charts are laid out this many pixels wide, then scaled to the text width: 13 px
/// labels come out near 10 pt.
const CHART_LAYOUT_W: u32 = 640;
/// Yearly column charts are drawn this tall in the pack (the page uses 420).
const CHART_COLUMNS_H: u32 = 360;

/// Text style of a paragraph.
#[derive(Debug, Clone, Copy)]
pub(super) struct Style {
    pub(super) size: f32,
    pub(super) bold: bool,
    pub(super) color: Rgb,
}

pub(super) const BODY: Style = Style {
    size: 9.5,
    bold: false,
    color: INK,
};
pub(super) const SMALL: Style = Style {
    size: 8.5,
    bold: false,
    color: MUTED,
};
pub(super) const LABEL: Style = Style {
    size: 9.5,
    bold: true,
    color: INK,
};

pub(super) struct Items<'a> {
    pub(super) fonts: &'a Fonts,
    /// Chart SVGs, referred to by index from [`Op::Svg`].
    pub(super) svgs: Vec<String>,
}

fn text_op(x: f32, top: f32, style: Style, text: String) -> Op {
    Op::Text {
        x,
        y: top + style.size * 1.06,
        size: style.size,
        bold: style.bold,
        color: style.color,
        text,
    }
}

impl Items<'_> {
    /// One item per line, so that a long paragraph may continue on the next page.
    pub(super) fn paragraph(&self, text: &str, style: Style, indent: f32) -> Vec<Item> {
        let width = CONTENT_W - indent;
        self.fonts
            .wrap(style.bold, style.size, text, width)
            .into_iter()
            .map(|line| Item {
                height: style.size * LEADING,
                ops: vec![text_op(MARGIN_X + indent, 0.0, style, line)],
            })
            .collect()
    }

    /// A bulleted paragraph: "•" in the margin, lines aligned after it.
    pub(super) fn bullet(&self, text: &str, style: Style) -> Vec<Item> {
        let mut lines = self.paragraph(text, style, 12.0);
        if let Some(first) = lines.first_mut() {
            first
                .ops
                .push(text_op(MARGIN_X + 3.0, 0.0, style, "•".to_string()));
        }
        lines
    }

    /// Heading lines in one item (a heading is never split across pages).
    pub(super) fn heading(&self, text: &str, size: f32, color: Rgb) -> Item {
        let style = Style {
            size,
            bold: true,
            color,
        };
        let lines = self.fonts.wrap(true, size, text, CONTENT_W);
        let step = size * 1.25;
        Item {
            height: step * lines.len() as f32 + size * 0.5,
            ops: lines
                .into_iter()
                .enumerate()
                .map(|(i, line)| text_op(MARGIN_X, step * i as f32, style, line))
                .collect(),
        }
    }

    /// "Label: value" with the value wrapped beside a fixed label column.
    pub(super) fn fact(&self, label: &str, value: &str, label_w: f32) -> Item {
        let lines = self
            .fonts
            .wrap(false, BODY.size, value, CONTENT_W - label_w);
        let step = BODY.size * LEADING;
        let mut ops = vec![text_op(MARGIN_X, 0.0, LABEL, format!("{label}:"))];
        for (i, line) in lines.iter().enumerate() {
            ops.push(text_op(
                MARGIN_X + label_w,
                step * i as f32,
                BODY,
                line.clone(),
            ));
        }
        Item {
            height: step * lines.len().max(1) as f32,
            ops,
        }
    }

    pub(super) fn rule(&self, gap: f32) -> Item {
        Item {
            height: gap * 2.0,
            ops: vec![Op::Line {
                x0: MARGIN_X,
                y0: gap,
                x1: MARGIN_X + CONTENT_W,
                y1: gap,
                width: 0.6,
                color: RULE,
            }],
        }
    }

    /// The chart scaled to the text width, no taller than `max_h` points.
    pub(super) fn chart(&mut self, spec: &ChartSpec, max_h: f32) -> Result<Item, ExportError> {
        let height = match &spec.chart {
            // Rows a little tighter than on the page: two indicators fit on one sheet.
            Chart::HBar(c) => {
                let rows = u32::try_from(c.bars.len()).unwrap_or(u32::MAX);
                rows.saturating_mul(52).saturating_add(110).max(150)
            }
            Chart::VBar(_) | Chart::Grouped(_) => CHART_COLUMNS_H,
        };
        let svg = spec.render_at(ChartSize {
            width: CHART_LAYOUT_W,
            height,
        })?;
        let scale = (CONTENT_W / CHART_LAYOUT_W as f32).min(max_h / height as f32);
        let (w, h) = (CHART_LAYOUT_W as f32 * scale, height as f32 * scale);
        self.svgs.push(svg);
        Ok(Item {
            height: h + 6.0,
            ops: vec![Op::Svg {
                index: self.svgs.len() - 1,
                x: MARGIN_X + (CONTENT_W - w) / 2.0,
                y: 3.0,
                w,
                h,
            }],
        })
    }
}

/// Widths of the summary table's columns (code, name, target, result, %, status).
const COLUMNS: [f32; 6] = [44.0, 160.0, 88.0, 74.0, 40.0, 75.0];
const CELL_PAD: f32 = 3.0;
const TABLE_SIZE: f32 = 8.0;

impl Items<'_> {
    fn row(&self, cells: [&str; 6], bold: bool, indent: f32, shade: bool) -> Item {
        let style = Style {
            size: TABLE_SIZE,
            bold,
            color: INK,
        };
        let step = TABLE_SIZE * 1.3;
        let mut x = MARGIN_X;
        let mut ops = Vec::new();
        let mut lines_max = 1;
        for (i, (cell, width)) in cells.iter().zip(COLUMNS).enumerate() {
            let pad = if i == 1 { CELL_PAD + indent } else { CELL_PAD };
            let lines = self
                .fonts
                .wrap(bold, TABLE_SIZE, cell, width - pad - CELL_PAD);
            lines_max = lines_max.max(lines.len());
            for (n, line) in lines.into_iter().enumerate() {
                ops.push(text_op(x + pad, CELL_PAD + step * n as f32, style, line));
            }
            x += width;
        }
        let height = step * lines_max as f32 + 2.0 * CELL_PAD;
        if shade {
            let w = COLUMNS.iter().sum();
            ops.insert(
                0,
                Op::Fill {
                    x: MARGIN_X,
                    y: 0.0,
                    w,
                    h: height,
                    color: SHADE,
                },
            );
        }
        ops.push(Op::Line {
            x0: MARGIN_X,
            y0: height,
            x1: MARGIN_X + COLUMNS.iter().sum::<f32>(),
            y1: height,
            width: 0.4,
            color: RULE,
        });
        Item { height, ops }
    }

    pub(super) fn table_header(&self, labels: [&str; 6]) -> Item {
        self.row(labels, true, 0.0, true)
    }

    pub(super) fn table_row(&self, r: &IndicatorRowView, locale: crate::i18n::Locale) -> Item {
        let indent = if r.is_child { 8.0 } else { 0.0 };
        self.row(
            [
                &r.indicator.code,
                &r.indicator.name,
                &r.progress.target,
                &r.progress.result,
                &r.progress.percent,
                locale.status(r.progress.status),
            ],
            false,
            indent,
            false,
        )
    }
}
