//! Charts rendered on the server as SVG strings, ready to inline in a page.
//!
//! plotters draws the shapes and text into a string; post-processing then makes the result
//! accessible and scalable (`role="img"`, `<title>`, `<desc>`, `viewBox`, one transparent
//! tooltip rect per bar) and corrects plotters' font sizes so the browser's text is as
//! wide as plotters measured it. Every label is normalised to NFC before it is drawn.
//!
//! The SVG names the font but does not embed it: the page must serve Noto Sans with
//! `@font-face` (regular and bold, `font-weight: 700`), both files are in `public/fonts/`.
//! Downloads (`render_*_framed`) add a [`Frame`] — subtitle, source and date lines — and
//! are laid out at about 960 px wide whatever the output size, the `viewBox` scaling
//! them up, so text on a 1920×1080 slide is twice the page's size. [`svg_to_png`] draws
//! the same SVG with resvg and the embedded font.
//! Colours come from the Okabe–Ito palette and nothing relies on colour alone (the target
//! line is dashed and labelled). Numbers on axes are written the Vietnamese way ("1.234,5").

mod bars;
mod column_labels;
mod font;
mod format;
mod frame;
mod grouped;
mod hbar;
mod layout;
mod plot;
mod range;
mod raster;
mod svg_post;
mod value_label;
mod vbar;
mod wrap;

#[cfg(test)]
mod tests;

use bars::BarKind;
use font::ensure_registered;

pub use format::vn_number;
pub use frame::Frame;
pub use raster::{font_database, svg_to_png};

/// Noto Sans Regular (OFL-1.1, see `public/fonts/OFL.txt`); covers every Vietnamese letter.
pub const FONT_REGULAR: &[u8] = include_bytes!("../../public/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold, used for chart titles.
pub const FONT_BOLD: &[u8] = include_bytes!("../../public/fonts/NotoSans-Bold.ttf");

/// One horizontal bar.
#[derive(Debug, Clone, PartialEq)]
pub struct HBar {
    /// Row label, e.g. an indicator's name; long labels are wrapped (up to 3 lines) or
    /// shortened with "…", the full text stays in the bar's tooltip.
    pub label: String,
    /// Length of the bar, in axis units.
    pub value: f64,
    /// Value as the reader should see it, already formatted ("101 nhiệm vụ", "8,4%").
    pub value_label: String,
    /// Short remark printed after the value in brackets and added to the tooltip.
    pub note: Option<String>,
}

/// The words of a chart, whatever its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartTexts {
    /// Unique per page; prefix of every element id in the SVG. Characters other than
    /// ASCII letters, digits, `-` and `_` are replaced by `-`.
    pub id: String,
    /// Shown in the chart and as `<title>`.
    pub title: String,
    /// Text alternative, goes to `<desc>`.
    pub description: String,
    /// Label of the value axis, e.g. "% chỉ tiêu" or "nhiệm vụ".
    pub axis_label: String,
}

/// Horizontal bars: the term overview (percent of target per indicator, reference line at 100),
/// a parent indicator's breakdown (children's values), or result vs target.
#[derive(Debug, Clone, PartialEq)]
pub struct HBarChart {
    pub texts: ChartTexts,
    /// Bars from top to bottom, in this order.
    pub bars: Vec<HBar>,
    /// Vertical dashed line at x with a label, e.g. `(100.0, "Chỉ tiêu 100%")`.
    pub reference: Option<(f64, String)>,
    /// Axis maximum; default: max(values, reference) × 1.15, widened so value labels fit.
    pub x_max: Option<f64>,
}

/// Vertical bars for years (x = categories such as "2016".."2020"), missing years allowed,
/// with an optional horizontal dashed target line.
#[derive(Debug, Clone, PartialEq)]
pub struct VBarChart {
    pub texts: ChartTexts,
    /// Categories from left to right.
    pub categories: Vec<String>,
    /// Same length as `categories`; `None` = no data that year. The label is printed above the bar.
    pub values: Vec<Option<(f64, String)>>,
    /// Horizontal dashed line + label, e.g. `(20.0, "Chỉ tiêu 20%/năm")`.
    pub target: Option<(f64, String)>,
}

/// One series of a [`GroupedBarChart`], e.g. one term.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Legend text, e.g. "2015–2020".
    pub name: String,
    /// Same length as the chart's categories; `None` = no data there.
    pub values: Vec<Option<(f64, String)>>,
}

/// Vertical bars grouped by category, one bar per series in each group, with a legend:
/// an indicator compared across terms by year of term.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupedBarChart {
    pub texts: ChartTexts,
    /// Groups from left to right, e.g. "Năm 1" … "Năm 5".
    pub categories: Vec<String>,
    /// Bars of each group from left to right, in legend order.
    pub series: Vec<Series>,
}

/// Size of the drawing in SVG user units (CSS pixels at 100%); the SVG scales with CSS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartSize {
    pub width: u32,
    pub height: u32,
}

/// Smallest drawing we agree to lay out.
pub const MIN_SIZE: ChartSize = ChartSize {
    width: 240,
    height: 160,
};

/// Why a chart could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("the embedded Noto Sans font could not be loaded")]
    Font,
    #[error("chart size {width}×{height} is below the minimum 240×160")]
    TooSmall { width: u32, height: u32 },
    #[error("{values} values for {categories} categories")]
    LengthMismatch { categories: usize, values: usize },
    #[error("value of “{label}” is not a finite number")]
    NotFinite { label: String },
    #[error("drawing failed: {0}")]
    Draw(String),
}

/// Renders horizontal bars; returns an `<svg …>…</svg>` string.
pub fn render_hbar(chart: &HBarChart, size: ChartSize) -> Result<String, ChartError> {
    bars::render(chart, &Frame::default(), size, size)
}

/// Renders vertical bars; returns an `<svg …>…</svg>` string.
pub fn render_vbar(chart: &VBarChart, size: ChartSize) -> Result<String, ChartError> {
    bars::render(chart, &Frame::default(), size, size)
}

/// Renders grouped vertical bars; returns an `<svg …>…</svg>` string.
pub fn render_grouped(chart: &GroupedBarChart, size: ChartSize) -> Result<String, ChartError> {
    bars::render(chart, &Frame::default(), size, size)
}

/// Height a vertical or grouped bar chart needs to be readable, before any frame.
const VBAR_NEEDED_HEIGHT: f64 = 420.0;

/// Horizontal bars for a download: laid out for `output` (see [`Frame`]) and scaled to it.
pub fn render_hbar_framed(
    chart: &HBarChart,
    frame: &Frame,
    output: ChartSize,
) -> Result<String, ChartError> {
    let needed = f64::from(hbar_height(chart.bars.len()));
    render_framed(chart, frame, output, needed)
}

/// Vertical bars for a download: laid out for `output` and scaled to it.
pub fn render_vbar_framed(
    chart: &VBarChart,
    frame: &Frame,
    output: ChartSize,
) -> Result<String, ChartError> {
    render_framed(chart, frame, output, VBAR_NEEDED_HEIGHT)
}

/// Grouped bars for a download: laid out for `output` and scaled to it.
pub fn render_grouped_framed(
    chart: &GroupedBarChart,
    frame: &Frame,
    output: ChartSize,
) -> Result<String, ChartError> {
    // The legend takes a row above the plot.
    render_framed(chart, frame, output, VBAR_NEEDED_HEIGHT + 30.0)
}

/// Any bar chart for a download, when the chart itself needs `needed_height` pixels.
fn render_framed<K: BarKind>(
    chart: &K,
    frame: &Frame,
    output: ChartSize,
    needed_height: f64,
) -> Result<String, ChartError> {
    check_size(output)?;
    let needed = needed_height + framed_extra(frame);
    bars::render(chart, frame, frame::layout_size(output, needed), output)
}

fn framed_extra(frame: &Frame) -> f64 {
    if ensure_registered().is_err() {
        return 0.0;
    }
    // Measured at the narrowest layout width: the footer wraps most there.
    frame::FrameText::new(frame, 960.0).extra_height()
}

/// A height for [`render_hbar`] at width 900 that leaves room for three-line labels.
pub fn hbar_height(n_bars: usize) -> u32 {
    let rows = u32::try_from(n_bars).unwrap_or(u32::MAX);
    rows.saturating_mul(hbar::ROW_HEIGHT)
        .saturating_add(hbar::CHROME_HEIGHT)
        .max(hbar::MIN_HEIGHT)
}

/// Width below which [`render_hbar`] puts each label above its bar (a phone).
pub const HBAR_STACK_BELOW: u32 = hbar::STACK_BELOW as u32;

/// A height for [`render_hbar`] at `width`: [`hbar_height`], or below
/// [`HBAR_STACK_BELOW`] room for a two-line label above each bar and a two-line title.
pub fn hbar_height_at(n_bars: usize, width: u32) -> u32 {
    if width >= HBAR_STACK_BELOW {
        return hbar_height(n_bars);
    }
    let rows = u32::try_from(n_bars).unwrap_or(u32::MAX);
    rows.saturating_mul(hbar::STACKED_ROW_HEIGHT)
        .saturating_add(hbar::CHROME_HEIGHT + 22)
        .max(hbar::MIN_HEIGHT)
}

fn check_size(size: ChartSize) -> Result<(), ChartError> {
    if size.width < MIN_SIZE.width || size.height < MIN_SIZE.height {
        return Err(ChartError::TooSmall {
            width: size.width,
            height: size.height,
        });
    }
    Ok(())
}
