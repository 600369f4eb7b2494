//! The one skeleton every bar chart is drawn with: check the input, lay out the frame and
//! title, draw the legend and the plot (axis, bars, reference line, labels), then
//! post-process the SVG. A kind ([`BarKind`]) tells it only what differs: which values to
//! check, the layout of its plot, its bars and their colours, its legend, and how its
//! category and value labels are placed.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::font::{Face, ensure_registered};
use super::frame::{Frame, FrameText};
use super::layout::{Canvas, INK, PAD, draw_err, draw_no_data, draw_title, nfc, sanitize_id};
use super::plot::{Bar, Plan, Plot};
use super::svg_post::{Meta, Tip, finish};
use super::{ChartError, ChartSize, ChartTexts, check_size};

/// One thing the input must satisfy before anything is drawn.
pub(super) enum Check<'a> {
    /// As many values as categories.
    Length { categories: usize, values: usize },
    /// A number that must be finite; `label` names it in the error.
    Finite { label: &'a str, value: f64 },
}

/// What makes one kind of bar chart differ from another.
pub(super) trait BarKind {
    /// What [`BarKind::plan`] works out for the later steps: normalised texts, fonts,
    /// bar widths.
    type Layout;

    /// The checks, in the order their errors take precedence.
    fn checks(&self) -> Vec<Check<'_>>;

    /// Whether there is any value to plot; without one the chart says "no data".
    fn has_data(&self) -> bool;

    /// The chart's words as the caller gave them, to be normalised here.
    fn texts(&self) -> &ChartTexts;

    /// Swatch colours and names to list under the title; none for a single series.
    fn legend(&self) -> Vec<(RGBColor, String)> {
        Vec::new()
    }

    /// Lays out the plot below `top` in a body of `(width, height)`.
    fn plan(&self, top: f64, dims: (f64, f64)) -> (Plan, Self::Layout);

    /// The bars in drawing order (a later bar covers an earlier one).
    fn bars(&self, layout: &Self::Layout, plot: &Plot) -> Vec<Bar>;

    /// Category and value labels, and a tooltip per bar or slot.
    fn draw_labels(&self, layout: &Self::Layout, plot: &Plot) -> Result<Vec<Tip>, ChartError>;
}

/// Draws `chart` laid out at `size`, with the `frame`'s texts; the SVG asks to be shown at
/// `output` (its `viewBox` stays `size`).
pub(super) fn render<K: BarKind>(
    chart: &K,
    frame: &Frame,
    size: ChartSize,
    output: ChartSize,
) -> Result<String, ChartError> {
    check_size(size)?;
    validate(chart.checks())?;
    ensure_registered()?;
    let texts = chart.texts();
    let (id, title, desc) = (
        sanitize_id(&texts.id),
        nfc(&texts.title),
        nfc(&texts.description),
    );

    let mut raw = String::new();
    let mut tips = Vec::new();
    {
        let canvas =
            SVGBackend::with_string(&mut raw, (size.width, size.height)).into_drawing_area();
        canvas.fill(&WHITE).map_err(draw_err)?;
        let full = (f64::from(size.width), f64::from(size.height));
        let text = FrameText::new(frame, full.0);
        let dims = (full.0, (full.1 - text.footer_height()).round());
        let (body, _) = canvas.split_vertically(dims.1 as i32);
        let top = draw_title(&body, &title, dims.0)?;
        let top = text.draw_subtitle(&body, top, dims.0)?;
        if chart.has_data() {
            let top = draw_legend(&body, &chart.legend(), top, dims.0)?;
            tips = draw_plot(chart, &body, top, dims)?;
        } else {
            draw_no_data(&body, top, dims)?;
        }
        text.draw_footer(&canvas, full.1)?;
        canvas.present().map_err(draw_err)?;
    }
    let meta = Meta {
        id: &id,
        title: &title,
        desc: &desc,
        size,
        output,
    };
    finish(&raw, &meta, &tips)
}

fn validate(checks: Vec<Check>) -> Result<(), ChartError> {
    for check in checks {
        match check {
            Check::Length { categories, values } if categories != values => {
                return Err(ChartError::LengthMismatch { categories, values });
            }
            Check::Finite { label, value } if !value.is_finite() => {
                return Err(ChartError::NotFinite {
                    label: label.to_string(),
                });
            }
            _ => {}
        }
    }
    Ok(())
}

/// The plot's steps in a fixed order, so that later marks sit on top: axis and grid,
/// bars, zero line, reference line and its label, then the kind's labels.
fn draw_plot<K: BarKind>(
    chart: &K,
    canvas: &Canvas,
    top: f64,
    dims: (f64, f64),
) -> Result<Vec<Tip>, ChartError> {
    let (plan, layout) = chart.plan(top, dims);
    let mut plot = Plot::build(canvas, &plan)?;
    let bars = chart.bars(&layout, &plot);
    plot.draw_bars(&bars)?;
    plot.draw_reference(plan.reference.as_ref())?;
    chart.draw_labels(&layout, &plot)
}

/// Swatch and name of each series, left to right, wrapping onto a new row when full;
/// returns the y below it (`top` itself when there is no legend).
fn draw_legend(
    canvas: &Canvas,
    items: &[(RGBColor, String)],
    top: f64,
    width: f64,
) -> Result<f64, ChartError> {
    if items.is_empty() {
        return Ok(top);
    }
    let face = Face::regular(13.0);
    let step = face.line_height();
    let (mut x, mut y) = (PAD, top + 2.0);
    for (colour, name) in items {
        let item = 14.0 + 6.0 + face.width(name) + 18.0;
        if x > PAD && x + item > width - PAD {
            x = PAD;
            y += step + 4.0;
        }
        let swatch = Rectangle::new(
            [
                (x as i32, (y + 2.0) as i32),
                ((x + 14.0) as i32, (y + step - 3.0) as i32),
            ],
            colour.filled(),
        );
        canvas.draw(&swatch).map_err(draw_err)?;
        let style = face.style(INK, HPos::Left, VPos::Center);
        canvas
            .draw_text(
                name,
                &style,
                ((x + 20.0) as i32, (y + step / 2.0).round() as i32),
            )
            .map_err(draw_err)?;
        x += item;
    }
    Ok(y + step + 6.0)
}
