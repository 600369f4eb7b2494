//! Shared layout pieces: palette, NFC labels, ids, and the text blocks every chart draws
//! (title, "no data" message, wrapped labels, white backdrops behind value labels).

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, Rectangle, SVGBackend};
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color, RGBColor, WHITE};
use unicode_normalization::UnicodeNormalization;

use super::ChartError;
use super::font::Face;
use super::wrap::wrap;

/// The root drawing area every chart draws on.
pub(super) type Canvas<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// Okabe–Ito blue: bars. White text on it has contrast 5.2:1.
pub(super) const BAR: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Okabe–Ito vermillion: the dashed target/reference line.
pub(super) const TARGET: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// Darker vermillion for the target's label: #D55E00 is only 3.9:1 on white, this is 5.3:1.
pub(super) const TARGET_TEXT: RGBColor = RGBColor(0xB3, 0x4E, 0x00);
/// Light grey grid lines.
pub(super) const GRID: RGBColor = RGBColor(0xE0, 0xE0, 0xE0);
/// Axis lines and the zero line.
pub(super) const AXIS: RGBColor = RGBColor(0x75, 0x75, 0x75);
/// Main text.
pub(super) const INK: RGBColor = RGBColor(0x1A, 0x1A, 0x1A);
/// Secondary text (ticks, notes, "no data"): 7:1 on white.
pub(super) const MUTED: RGBColor = RGBColor(0x59, 0x59, 0x59);
/// Outer padding of every chart, in pixels.
pub(super) const PAD: f64 = 12.0;

/// The message shown instead of an empty chart.
pub(super) const NO_DATA: &str = "Chưa có số liệu";

pub(super) fn draw_err(e: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// Normalises text to NFC (plotters measures one code point per letter) and trims it.
pub(super) fn nfc(text: &str) -> String {
    text.trim().nfc().collect()
}

/// Keeps ASCII letters, digits, `-` and `_`, so the id is safe in attributes and in
/// `aria-labelledby` (a space-separated list).
pub(super) fn sanitize_id(id: &str) -> String {
    let clean: String = id
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if clean.is_empty() {
        "chart".to_string()
    } else {
        clean
    }
}

/// Draws lines centred vertically on `y_center`, anchored at `x` by `h`.
pub(super) fn draw_lines(
    canvas: &Canvas,
    lines: &[String],
    face: &Face,
    color: RGBColor,
    h: HPos,
    (x, y_center): (f64, f64),
) -> Result<(), ChartError> {
    let style = face.style(color, h, VPos::Center);
    let step = face.line_height();
    let first = y_center - step * (lines.len().saturating_sub(1) as f64) / 2.0;
    for (i, line) in lines.iter().enumerate() {
        let y = first + step * i as f64;
        canvas
            .draw_text(line, &style, (x.round() as i32, y.round() as i32))
            .map_err(draw_err)?;
    }
    Ok(())
}

/// A white box behind a text so that grid or target lines do not run through it.
pub(super) fn draw_backdrop(
    canvas: &Canvas,
    (x0, y0): (f64, f64),
    (x1, y1): (f64, f64),
) -> Result<(), ChartError> {
    let rect = Rectangle::new(
        [
            (x0.round() as i32, y0.round() as i32),
            (x1.round() as i32, y1.round() as i32),
        ],
        WHITE.filled(),
    );
    canvas.draw(&rect).map_err(draw_err)
}

/// Draws the title (bold, up to two lines) at the top left; returns the y below it.
pub(super) fn draw_title(
    canvas: &Canvas,
    title: &str,
    chart_width: f64,
) -> Result<f64, ChartError> {
    let face = Face::bold(16.0);
    let lines = wrap(title, chart_width - 2.0 * PAD, 2, |t| face.width(t));
    if lines.is_empty() {
        return Ok(PAD);
    }
    let style = face.style(INK, HPos::Left, VPos::Top);
    let step = face.line_height() + 2.0;
    for (i, line) in lines.iter().enumerate() {
        let y = PAD + step * i as f64;
        canvas
            .draw_text(line, &style, (PAD as i32, y.round() as i32))
            .map_err(draw_err)?;
    }
    Ok(PAD + step * lines.len() as f64 + 4.0)
}

/// Draws "Chưa có số liệu" in the middle of the space below the title.
pub(super) fn draw_no_data(
    canvas: &Canvas,
    top: f64,
    (width, height): (f64, f64),
) -> Result<(), ChartError> {
    let face = Face::regular(16.0);
    let lines = wrap(NO_DATA, width - 2.0 * PAD, 2, |t| face.width(t));
    let center = (width / 2.0, (top + height) / 2.0);
    draw_lines(canvas, &lines, &face, MUTED, HPos::Center, center)
}

#[cfg(test)]
mod tests {
    use super::sanitize_id;

    #[test]
    fn ids_keep_only_safe_characters() {
        assert_eq!(sanitize_id("chart-1_a"), "chart-1_a");
        assert_eq!(sanitize_id("a b\"<c>"), "a-b--c-");
        assert_eq!(sanitize_id(""), "chart");
    }
}
