//! Vertical bars over categories (years): value labels above the bars, "no data" marks
//! for missing years, and an optional dashed horizontal target line labelled on the
//! right. The skeleton in `bars` draws the rest.

use super::bars::{BarKind, Check};
use super::column_labels::{ColumnLabels, draw_missing, value_area};
use super::font::Face;
use super::layout::{BAR, NO_DATA, PAD, nfc};
use super::plot::{Bar, Plan, Plot, Reference};
use super::range::Extent;
use super::svg_post::Tip;
use super::value_label::{GAP, draw_vertical};
use super::wrap::wrap;
use super::{ChartError, ChartTexts, VBarChart};

/// Widest the target's label may be, right of the plot.
const TARGET_LABEL_WIDTH: f64 = 120.0;

/// One category with its texts normalised.
struct Column {
    category: String,
    value: Option<(f64, String)>,
}

/// The columns and their fitted labels.
pub(super) struct Layout {
    columns: Vec<Column>,
    labels: ColumnLabels,
    bar_px: f64,
    /// Half a bar's width, in slots.
    half_bar: f64,
}

impl BarKind for VBarChart {
    type Layout = Layout;

    fn checks(&self) -> Vec<Check<'_>> {
        let length = Check::Length {
            categories: self.categories.len(),
            values: self.values.len(),
        };
        let values = self
            .categories
            .iter()
            .zip(&self.values)
            .filter_map(|(c, v)| {
                v.as_ref().map(|(value, _)| Check::Finite {
                    label: c,
                    value: *value,
                })
            });
        let target = self
            .target
            .iter()
            .map(|(y, label)| Check::Finite { label, value: *y });
        std::iter::once(length)
            .chain(values)
            .chain(target)
            .collect()
    }

    fn has_data(&self) -> bool {
        self.values.iter().any(Option::is_some)
    }

    fn texts(&self) -> &ChartTexts {
        &self.texts
    }

    fn plan(&self, top: f64, (width, height): (f64, f64)) -> (Plan, Layout) {
        let columns: Vec<Column> = self
            .categories
            .iter()
            .zip(&self.values)
            .map(|(category, value)| Column {
                category: nfc(category),
                value: value.as_ref().map(|(v, label)| (*v, nfc(label))),
            })
            .collect();
        let n = columns.len() as f64;
        let target = self.target.as_ref().map(|(y, label)| {
            let face = Face::regular(13.0);
            let lines = wrap(&nfc(label), TARGET_LABEL_WIDTH, 2, |t| face.width(t));
            Reference {
                value: *y,
                lines,
                face,
            }
        });
        let target_width = target.as_ref().map_or(0.0, |t| {
            t.lines.iter().map(|l| t.face.width(l)).fold(0.0, f64::max)
        });
        let right_margin = (target_width + 2.0 * GAP + 4.0).max(PAD + 4.0);

        // Horizontal layout first: the column width decides which labels fit and how.
        let plot_top = top + 8.0;
        let values = columns.iter().filter_map(|c| c.value.as_ref().map(|v| v.0));
        let extremes = values.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let y_area = value_area(extremes, &Face::regular(12.0));
        let column_px = (width - PAD - y_area - right_margin) / n;
        let categories: Vec<&str> = columns.iter().map(|c| c.category.as_str()).collect();
        let values: Vec<Option<&str>> = columns
            .iter()
            .map(|c| c.value.as_ref().map(|v| v.1.as_str()))
            .collect();
        let labels = ColumnLabels::fit(&categories, &values, column_px);
        let x_area = labels.categories.area();
        let label_px = labels.value_face.line_height() + GAP + 2.0;
        let values = columns.iter().filter_map(|c| c.value.as_ref().map(|v| v.0));
        let axis_label = nfc(&self.texts.axis_label);
        let plan = Plan {
            extents: Extent::all(values, label_px),
            reference: target,
            ..Plan::columns(
                n,
                (plot_top, height),
                right_margin,
                (y_area, x_area),
                axis_label,
            )
        };
        let bar_px = (column_px * 0.6).min(90.0);
        let layout = Layout {
            columns,
            labels,
            bar_px,
            half_bar: bar_px / column_px / 2.0,
        };
        (plan, layout)
    }

    fn bars(&self, layout: &Layout, _plot: &Plot) -> Vec<Bar> {
        let half = layout.half_bar;
        let bar = |(i, c): (usize, &Column)| {
            let (value, _) = c.value.as_ref()?;
            let center = i as f64 + 0.5;
            Some(Bar {
                slots: center - half..center + half,
                value: *value,
                colour: BAR,
            })
        };
        layout.columns.iter().enumerate().filter_map(bar).collect()
    }

    fn draw_labels(&self, layout: &Layout, plot: &Plot) -> Result<Vec<Tip>, ChartError> {
        let (canvas, target_px) = (plot.canvas(), plot.reference_px());
        let labels = &layout.labels;
        let (plot_top, plot_bottom) = plot.value_ends();
        // The tooltip covers the column's category label too.
        let tip_bottom = labels.categories.bottom(plot_bottom) as i32;
        let mut tips = Vec::with_capacity(layout.columns.len());
        for (i, column) in layout.columns.iter().enumerate() {
            let center = i as f64 + 0.5;
            let (center_x, zero_y) = plot.px(center, 0.0);
            labels.categories.draw(canvas, i, center_x, plot_bottom)?;
            let tip_text = match &column.value {
                Some((value, label)) => {
                    if let Some(Some(text)) = labels.values.get(i) {
                        let (_, end_y) = plot.px(center, *value);
                        let bar = (f64::from(center_x), f64::from(zero_y), f64::from(end_y));
                        let face = &labels.value_face;
                        draw_vertical(canvas, face, text, bar, layout.bar_px, target_px)?;
                    }
                    format!("{}: {label}", column.category)
                }
                None => {
                    let at = (center_x, zero_y);
                    draw_missing(canvas, &labels.missing, &labels.missing_face, at)?;
                    format!("{}: {}", column.category, NO_DATA.to_lowercase())
                }
            };
            let span = plot.span(i as f64, i as f64 + 1.0);
            tips.push(Tip::new(span, (plot_top, tip_bottom), tip_text));
        }
        Ok(tips)
    }
}
