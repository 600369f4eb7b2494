//! Horizontal bars: one row per bar, its label wrapped in a column on the left (or, on a
//! phone, above its bar), its value printed at the bar's end, an optional dashed
//! reference line (e.g. 100 % of target). The skeleton in `bars` draws the rest.

use plotters::style::text_anchor::HPos;

use super::bars::{BarKind, Check};
use super::font::Face;
use super::layout::{BAR, INK, PAD, draw_backdrop, draw_lines, nfc};
use super::plot::{Bar, Orientation, Plan, Plot, Reference};
use super::range::Extent;
use super::svg_post::Tip;
use super::value_label::{GAP, draw_horizontal};
use super::wrap::{ellipsize, wrap};
use super::{ChartError, ChartTexts, HBar, HBarChart};

/// Height of one row in [`super::hbar_height`]: room for a three-line label.
pub(super) const ROW_HEIGHT: u32 = 52;
/// Title, reference label, axis and padding in [`super::hbar_height`].
pub(super) const CHROME_HEIGHT: u32 = 124;
/// Smallest height [`super::hbar_height`] returns (the "no data" chart).
pub(super) const MIN_HEIGHT: u32 = 200;
/// Below this width (a phone) each label stands above its bar, across the whole width,
/// instead of in a column on the left that would leave room for a few words only.
pub(super) const STACK_BELOW: f64 = 560.0;
/// Height of one row in [`super::hbar_height_at`] when labels stand above the bars:
/// two label lines and the bar.
pub(super) const STACKED_ROW_HEIGHT: u32 = 66;
/// A stacked row needs at least this many pixels (one label line and a thin bar);
/// with less the labels go back to the column on the left.
const STACKED_MIN_ROW: f64 = 40.0;
/// Gap between a stacked label and its bar, and above the label.
const STACKED_GAP: f64 = 3.0;

/// Tick labels and axis title below the plot.
const AXIS_AREA: f64 = 46.0;
const RIGHT_MARGIN: f64 = 16.0;

/// A bar with its texts normalised.
pub(super) struct Row {
    label: String,
    value: f64,
    /// Printed at the bar's end: value label and note.
    text: String,
    tooltip: String,
}

impl Row {
    fn new(bar: &HBar) -> Self {
        let label = nfc(&bar.label);
        let value_label = nfc(&bar.value_label);
        let note = bar.note.as_deref().map(nfc).filter(|n| !n.is_empty());
        let text = match &note {
            Some(note) => format!("{value_label} ({note})"),
            None => value_label.clone(),
        };
        let tooltip = format!("{label}: {text}");
        Self {
            label,
            value: bar.value,
            text,
            tooltip,
        }
    }
}

/// The rows and where their labels go.
pub(super) struct Layout {
    rows: Vec<Row>,
    /// Labels above the bars rather than in a column on the left.
    stacked: bool,
    label_width: f64,
    plot_left: f64,
    width: f64,
    label_face: Face,
    value_face: Face,
}

/// What depends on a row's height in the built plot.
struct RowFit {
    max_lines: usize,
    /// The bar's top and bottom within its row, as fractions of a row from the row's
    /// centre: centred beside a column label, or below a stacked one.
    bar_top: f64,
    bar_bottom: f64,
}

impl Layout {
    /// The fit for rows `row_px` tall: known only once plotters has built the plot, as
    /// the axis below it takes its share of the height.
    fn fit(&self, row_px: f64) -> RowFit {
        let line = self.label_face.line_height();
        if self.stacked {
            // Room left for the label once a bar of at least 10 px has its place.
            let max_lines = ((row_px - 10.0 - 3.0 * STACKED_GAP) / line)
                .floor()
                .clamp(1.0, 2.0) as usize;
            let label_block = max_lines as f64 * line + 2.0 * STACKED_GAP;
            let thickness = (row_px - label_block - STACKED_GAP).clamp(6.0, 22.0);
            let bar_top = 0.5 - label_block / row_px;
            let bar_bottom = bar_top - thickness / row_px;
            RowFit {
                max_lines,
                bar_top,
                bar_bottom,
            }
        } else {
            let max_lines = ((row_px - 4.0) / line).floor().clamp(1.0, 3.0) as usize;
            let half = (row_px * 0.62).min(30.0) / row_px / 2.0;
            RowFit {
                max_lines,
                bar_top: half,
                bar_bottom: -half,
            }
        }
    }

    /// Centre of row `i` in slots: the first row is at the top.
    fn center(&self, i: usize) -> f64 {
        self.rows.len() as f64 - i as f64 - 0.5
    }
}

impl BarKind for HBarChart {
    type Layout = Layout;

    fn checks(&self) -> Vec<Check<'_>> {
        let bars = self.bars.iter().map(|b| Check::Finite {
            label: &b.label,
            value: b.value,
        });
        let reference = self
            .reference
            .iter()
            .map(|(x, label)| Check::Finite { label, value: *x });
        let x_max = self.x_max.map(|value| Check::Finite {
            label: "x_max",
            value,
        });
        bars.chain(reference).chain(x_max).collect()
    }

    fn has_data(&self) -> bool {
        !self.bars.is_empty()
    }

    fn texts(&self) -> &ChartTexts {
        &self.texts
    }

    fn plan(&self, top: f64, (width, height): (f64, f64)) -> (Plan, Layout) {
        let rows: Vec<Row> = self.bars.iter().map(Row::new).collect();
        let value_face = Face::regular(13.0);
        let plot_top = top + if self.reference.is_some() { 24.0 } else { 6.0 };
        let n = rows.len() as f64;
        let row_estimate = (height - plot_top - PAD / 2.0 - AXIS_AREA) / n;
        let stacked = width < STACK_BELOW && row_estimate >= STACKED_MIN_ROW;
        let (label_width, plot_left) = if stacked {
            (width - 2.0 * PAD, PAD)
        } else {
            let label_width = (width * 0.36).clamp(90.0, 380.0);
            (label_width, PAD + label_width + 12.0)
        };
        let extents = rows
            .iter()
            .map(|r| Extent {
                value: r.value,
                label_px: 2.0 * GAP + value_face.width(&r.text),
            })
            .collect();
        let reference = self.reference.as_ref().map(|(x, label)| {
            let face = Face::regular(12.5);
            let text = ellipsize(&nfc(label), width - 2.0 * PAD, &|t: &str| face.width(t));
            Reference {
                value: *x,
                lines: vec![text],
                face,
            }
        });
        let plan = Plan {
            orientation: Orientation::Horizontal,
            slots: n,
            margins: (plot_left, RIGHT_MARGIN, plot_top),
            areas: (AXIS_AREA, 0.0),
            value_px: width - plot_left - RIGHT_MARGIN,
            extents,
            reference,
            fixed_max: self.x_max,
            axis_label: nfc(&self.texts.axis_label),
        };
        let layout = Layout {
            rows,
            stacked,
            label_width,
            plot_left,
            width,
            label_face: Face::regular(13.0),
            value_face,
        };
        (plan, layout)
    }

    fn bars(&self, layout: &Layout, plot: &Plot) -> Vec<Bar> {
        let fit = layout.fit(plot.slot_px());
        let bar = |(i, row): (usize, &Row)| Bar {
            slots: layout.center(i) + fit.bar_bottom..layout.center(i) + fit.bar_top,
            value: row.value,
            colour: BAR,
        };
        layout.rows.iter().enumerate().map(bar).collect()
    }

    fn draw_labels(&self, layout: &Layout, plot: &Plot) -> Result<Vec<Tip>, ChartError> {
        let (canvas, reference_px) = (plot.canvas(), plot.reference_px());
        let fit = layout.fit(plot.slot_px());
        let face = &layout.label_face;
        let mut tips = Vec::with_capacity(layout.rows.len());
        for (i, row) in layout.rows.iter().enumerate() {
            let center = layout.center(i);
            let bar_center = center + (fit.bar_top + fit.bar_bottom) / 2.0;
            let (zero_x, center_y) = plot.px(bar_center, 0.0);
            let (end_x, _) = plot.px(bar_center, plot.clamp(row.value));
            let bar = (f64::from(zero_x), f64::from(end_x), f64::from(center_y));
            let limits = (layout.plot_left, layout.width - PAD / 2.0);
            draw_horizontal(
                canvas,
                &layout.value_face,
                &row.text,
                bar,
                limits,
                reference_px,
            )?;

            let lines = wrap(&row.label, layout.label_width, fit.max_lines, |t| {
                face.width(t)
            });
            if layout.stacked {
                // Just above the bar, on a white backdrop so that grid and reference lines
                // do not run through the words.
                let (_, bar_top_y) = plot.px(center + fit.bar_top, 0.0);
                let block = lines.len() as f64 * face.line_height();
                let bottom = f64::from(bar_top_y) - STACKED_GAP;
                let widest = lines.iter().map(|l| face.width(l)).fold(0.0, f64::max);
                draw_backdrop(
                    canvas,
                    (PAD - 2.0, bottom - block),
                    (PAD + widest + 2.0, bottom),
                )?;
                let at = (PAD, bottom - block / 2.0);
                draw_lines(canvas, &lines, face, INK, HPos::Left, at)?;
            } else {
                let at = (PAD + layout.label_width, f64::from(center_y));
                draw_lines(canvas, &lines, face, INK, HPos::Right, at)?;
            }

            // The whole row, label included, shows the tooltip.
            let across = (PAD as i32, PAD as i32 + (layout.width - 2.0 * PAD) as i32);
            let row_span = plot.span(center + 0.5, center - 0.5);
            tips.push(Tip::new(across, row_span, row.tooltip.clone()));
        }
        Ok(tips)
    }
}
