//! What makes an exported chart stand alone: a subtitle under the title (term, unit,
//! status) and footer lines at the bottom (source, date of the data), plus the choice of
//! a layout size for a requested output size so that text stays readable on a slide.

use plotters::style::text_anchor::{HPos, VPos};

use super::font::Face;
use super::layout::{Canvas, INK, MUTED, PAD, draw_err, nfc};
use super::wrap::wrap;
use super::{ChartError, ChartSize, MIN_SIZE};

/// Extra text around a chart. The default (no subtitle, no footer) is the page chart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Frame {
    /// One line under the title, e.g. "Nhiệm kỳ 2015–2020 · Đơn vị: %/năm · Tình trạng: …".
    pub subtitle: Option<String>,
    /// Lines at the bottom, each wrapped onto at most two lines: "Nguồn: …", the date.
    pub footer: Vec<String>,
}

/// Width the export layout aims at: a slide of 1920 px then has text twice the size of
/// the page chart's (13 px labels become 26 px).
const TARGET_LAYOUT_WIDTH: f64 = 960.0;
/// Smallest ratio of output to layout: below it text would be too small to read anyway.
const MIN_ZOOM: f64 = 0.5;

const SUBTITLE_PX: f64 = 13.0;
const FOOTER_PX: f64 = 11.5;

/// The layout size for an output size: as wide as [`TARGET_LAYOUT_WIDTH`] when the
/// output is at least that wide, and tall enough for `needed_height`; the drawing is then
/// scaled to the output by the SVG's `viewBox`.
pub(super) fn layout_size(output: ChartSize, needed_height: f64) -> ChartSize {
    let (w, h) = (f64::from(output.width), f64::from(output.height));
    let zoom = (w / TARGET_LAYOUT_WIDTH)
        .min(h / needed_height.max(1.0))
        .max(MIN_ZOOM);
    ChartSize {
        width: ((w / zoom).round() as u32).max(MIN_SIZE.width),
        height: ((h / zoom).round() as u32).max(MIN_SIZE.height),
    }
}

/// The frame with its texts normalised and the footer wrapped to a width.
pub(super) struct FrameText {
    subtitle: Option<String>,
    footer: Vec<String>,
    footer_face: Face,
}

impl FrameText {
    pub(super) fn new(frame: &Frame, width: f64) -> Self {
        let footer_face = Face::regular(FOOTER_PX);
        let footer = frame
            .footer
            .iter()
            .map(|l| nfc(l))
            .filter(|l| !l.is_empty())
            .flat_map(|l| wrap(&l, width - 2.0 * PAD, 2, |t| footer_face.width(t)))
            .collect();
        Self {
            subtitle: frame.subtitle.as_deref().map(nfc).filter(|s| !s.is_empty()),
            footer,
            footer_face,
        }
    }

    /// Extra height the frame takes beyond the page chart's.
    pub(super) fn extra_height(&self) -> f64 {
        let subtitle = if self.subtitle.is_some() {
            Face::regular(SUBTITLE_PX).line_height() + 4.0
        } else {
            0.0
        };
        subtitle + self.footer_height()
    }

    /// Height of the footer band at the bottom (0 without footer lines).
    pub(super) fn footer_height(&self) -> f64 {
        if self.footer.is_empty() {
            0.0
        } else {
            self.footer.len() as f64 * self.footer_face.line_height() + PAD
        }
    }

    /// Draws the subtitle at `top` (the y below the title); returns the y below it.
    pub(super) fn draw_subtitle(
        &self,
        canvas: &Canvas,
        top: f64,
        width: f64,
    ) -> Result<f64, ChartError> {
        let Some(subtitle) = &self.subtitle else {
            return Ok(top);
        };
        let face = Face::regular(SUBTITLE_PX);
        let text = super::wrap::ellipsize(subtitle, width - 2.0 * PAD, &|t: &str| face.width(t));
        let style = face.style(MUTED, HPos::Left, VPos::Top);
        canvas
            .draw_text(&text, &style, (PAD as i32, (top - 2.0).round() as i32))
            .map_err(draw_err)?;
        Ok(top + face.line_height() + 4.0)
    }

    /// Draws the footer lines at the bottom of a canvas `height` tall.
    pub(super) fn draw_footer(&self, canvas: &Canvas, height: f64) -> Result<(), ChartError> {
        let face = &self.footer_face;
        let style = face.style(INK, HPos::Left, VPos::Bottom);
        let step = face.line_height();
        let n = self.footer.len() as f64;
        for (i, line) in self.footer.iter().enumerate() {
            let y = height - PAD / 2.0 - step * (n - 1.0 - i as f64);
            canvas
                .draw_text(line, &style, (PAD as i32, y.round() as i32))
                .map_err(draw_err)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{ChartSize, layout_size};

    #[test]
    fn a_slide_is_laid_out_at_half_size_so_text_doubles() {
        let out = ChartSize {
            width: 1920,
            height: 1080,
        };
        assert_eq!(
            layout_size(out, 500.0),
            ChartSize {
                width: 960,
                height: 540
            }
        );
    }

    #[test]
    fn a_tall_chart_gets_the_height_it_needs() {
        let out = ChartSize {
            width: 1920,
            height: 1080,
        };
        let layout = layout_size(out, 900.0);
        assert!(layout.height >= 900, "{layout:?}");
        assert!(layout.width > 960, "{layout:?}");
    }
}
