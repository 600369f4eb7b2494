//! Grouped vertical bars: one group per category (year 1 … year 5 of a term), one bar
//! per series (a term) in each group, a legend under the title. Used to compare an
//! indicator across terms aligned by year of term. The skeleton in `bars` draws the rest.
//!
//! Series colours differ in lightness as well as hue (dark blue, light orange, green,
//! pink), so they stay apart in greyscale print; the legend lists them in the order the
//! bars stand in each group, and every bar has its value above it or in its tooltip.

use plotters::style::RGBColor;
use plotters::style::text_anchor::HPos;

use super::bars::{BarKind, Check};
use super::column_labels::{Categories, draw_missing, value_area};
use super::font::Face;
use super::layout::{INK, NO_DATA, PAD, draw_lines, nfc};
use super::plot::{Bar, Plan, Plot};
use super::range::Extent;
use super::svg_post::Tip;
use super::value_label::GAP;
use super::wrap::fit_all;
use super::{ChartError, ChartTexts, GroupedBarChart, Series};

/// Okabe–Ito colours with distinct lightness: blue, orange, bluish green, reddish purple.
const SERIES: [RGBColor; 4] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
];

fn colour(i: usize) -> RGBColor {
    SERIES[i % SERIES.len()]
}

/// The groups' labels and where each bar stands in its group.
pub(super) struct Layout {
    categories: Vec<String>,
    category_labels: Categories,
    /// Size of the value labels; `None` when not all of them fit over their bars.
    value_face: Option<Face>,
    /// One bar's share of a group, in slots.
    slot: f64,
    series: f64,
}

impl Layout {
    /// Left edge of series `s`'s bar in group `group`, in slots: the bars stand side by
    /// side, centred on the group.
    fn offset(&self, group: usize, s: usize) -> f64 {
        group as f64 + 0.5 - self.slot * self.series / 2.0 + self.slot * s as f64
    }
}

impl BarKind for GroupedBarChart {
    type Layout = Layout;

    fn checks(&self) -> Vec<Check<'_>> {
        let series = self.series.iter().flat_map(|s| {
            let length = Check::Length {
                categories: self.categories.len(),
                values: s.values.len(),
            };
            let values = s.values.iter().flatten().map(|(value, _)| Check::Finite {
                label: &s.name,
                value: *value,
            });
            std::iter::once(length).chain(values)
        });
        series.collect()
    }

    fn has_data(&self) -> bool {
        self.series
            .iter()
            .any(|s| s.values.iter().any(Option::is_some))
    }

    fn texts(&self) -> &ChartTexts {
        &self.texts
    }

    fn legend(&self) -> Vec<(RGBColor, String)> {
        let item = |(i, s): (usize, &Series)| (colour(i), nfc(&s.name));
        self.series.iter().enumerate().map(item).collect()
    }

    fn plan(&self, top: f64, (width, height): (f64, f64)) -> (Plan, Layout) {
        let n = self.categories.len() as f64;
        let k = self.series.len().max(1) as f64;
        let values: Vec<&(f64, String)> = self
            .series
            .iter()
            .flat_map(|s| s.values.iter().flatten())
            .collect();
        // By magnitude, as this chart always guessed its ticks: no room for a minus sign.
        let largest = values.iter().fold(0.0_f64, |m, (v, _)| m.max(v.abs()));
        let y_area = value_area((0.0, largest), &Face::regular(12.0));
        let column_px = (width - 2.0 * PAD - y_area) / n;
        let bar_px = (column_px * 0.8 / k).min(90.0);
        let categories: Vec<String> = self.categories.iter().map(|c| nfc(c)).collect();
        let refs: Vec<&str> = categories.iter().map(String::as_str).collect();
        let category_labels = Categories::fit(&refs, column_px);
        let labels: Vec<String> = values.iter().map(|(_, l)| nfc(l)).collect();
        let label_refs: Vec<&str> = labels.iter().map(String::as_str).collect();
        let value_face = fit_all(&label_refs, bar_px + 8.0, 1).map(|(face, _)| face);
        let x_area = category_labels.area();
        let label_px = value_face
            .as_ref()
            .map_or(0.0, |f| f.line_height() + GAP + 2.0);
        let axis_label = nfc(&self.texts.axis_label);
        let plan = Plan {
            extents: Extent::all(values.iter().map(|(v, _)| *v), label_px),
            ..Plan::columns(n, (top, height), PAD, (y_area, x_area), axis_label)
        };
        let layout = Layout {
            categories,
            category_labels,
            value_face,
            slot: bar_px / column_px,
            series: k,
        };
        (plan, layout)
    }

    fn bars(&self, layout: &Layout, _plot: &Plot) -> Vec<Bar> {
        let slot = layout.slot;
        let mut bars = Vec::new();
        // Series by series, in legend order; a thin gap between neighbours in a group.
        for (s, series) in self.series.iter().enumerate() {
            for (g, value) in series.values.iter().enumerate() {
                let Some((value, _)) = value else { continue };
                let left = layout.offset(g, s);
                bars.push(Bar {
                    slots: left + slot * 0.06..left + slot * 0.94,
                    value: *value,
                    colour: colour(s),
                });
            }
        }
        bars
    }

    fn draw_labels(&self, layout: &Layout, plot: &Plot) -> Result<Vec<Tip>, ChartError> {
        let canvas = plot.canvas();
        let (plot_top, plot_bottom) = plot.value_ends();
        let mut tips = Vec::new();
        for (g, category) in layout.categories.iter().enumerate() {
            let (center_x, _) = plot.px(g as f64 + 0.5, 0.0);
            layout
                .category_labels
                .draw(canvas, g, center_x, plot_bottom)?;
            for (s, series) in self.series.iter().enumerate() {
                let left = layout.offset(g, s);
                let middle = left + layout.slot / 2.0;
                let (x, zero_y) = plot.px(middle, 0.0);
                let value = series.values.get(g).and_then(Option::as_ref);
                let text = match value {
                    Some((v, label)) => {
                        // Plain text beyond the bar's end: the axis left room for it.
                        if let Some(face) = &layout.value_face {
                            let (_, end_y) = plot.px(middle, *v);
                            let sign = if *v >= 0.0 { -1.0 } else { 1.0 };
                            let y = f64::from(end_y) + sign * (GAP + face.line_height() / 2.0);
                            let lines = [nfc(label)];
                            draw_lines(canvas, &lines, face, INK, HPos::Center, (f64::from(x), y))?;
                        }
                        nfc(label)
                    }
                    None => {
                        let mark = ["–".to_string()];
                        draw_missing(canvas, &mark, &Face::regular(12.0), (x, zero_y))?;
                        NO_DATA.to_lowercase()
                    }
                };
                let span = plot.span(left, left + layout.slot);
                let tip_text = format!("{category}, {}: {text}", nfc(&series.name));
                tips.push(Tip::new(span, (plot_top, plot_bottom), tip_text));
            }
        }
        Ok(tips)
    }
}
