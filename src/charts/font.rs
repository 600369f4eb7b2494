//! The embedded Noto Sans: registered with plotters once per process, then used to
//! measure and style text in CSS pixels.

use std::sync::OnceLock;

use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, TextStyle, register_font};

use super::{ChartError, FONT_BOLD, FONT_REGULAR};

/// Family name the fonts are registered under and that the SVG names.
pub(super) const FAMILY: &str = "Noto Sans";

/// Factor applied to every `font-size` plotters writes into the SVG.
///
/// plotters writes `font-size = size / 1.24` but measures text with an em of
/// `size / ((ascent − descent) / unitsPerEm)`. Noto Sans has unitsPerEm 1000, ascent 1069 and
/// descent −293 (hhea), so the browser drew text 1362 / 1240 ≈ 1.098 times wider than plotters
/// planned. Multiplying by `1.24 · 1000 / 1362 ≈ 0.9104` makes the two agree (a test in the
/// dev crate checks these metrics against the font with ab_glyph).
pub(super) const FONT_SIZE_FIX: f64 = 1.24 * 1000.0 / 1362.0;

/// CSS pixels of font size per plotters size unit, once [`FONT_SIZE_FIX`] is applied.
const CSS_PX_PER_SIZE: f64 = FONT_SIZE_FIX / 1.24;

static REGISTERED: OnceLock<bool> = OnceLock::new();

/// Registers Noto Sans Regular and Bold with plotters, the first time only; thread-safe.
pub(super) fn ensure_registered() -> Result<(), ChartError> {
    let ok = *REGISTERED.get_or_init(|| {
        register_font(FAMILY, FontStyle::Normal, FONT_REGULAR).is_ok()
            && register_font(FAMILY, FontStyle::Bold, FONT_BOLD).is_ok()
    });
    if ok { Ok(()) } else { Err(ChartError::Font) }
}

/// A font at a size given in CSS pixels (the size the browser will use).
/// Create faces only after [`ensure_registered`]: plotters looks the font up on creation.
#[derive(Clone)]
pub(super) struct Face {
    desc: FontDesc<'static>,
    px: f64,
}

impl Face {
    pub(super) fn regular(px: f64) -> Self {
        Self::new(px, FontStyle::Normal)
    }

    pub(super) fn bold(px: f64) -> Self {
        Self::new(px, FontStyle::Bold)
    }

    fn new(px: f64, style: FontStyle) -> Self {
        let desc = FontDesc::new(FontFamily::Name(FAMILY), px / CSS_PX_PER_SIZE, style);
        Self { desc, px }
    }

    /// Advance width of `text` in CSS pixels, as the browser will lay it out.
    pub(super) fn width(&self, text: &str) -> f64 {
        match self.desc.box_size(text) {
            Ok((w, _)) => f64::from(w),
            // Unreachable once registered; a generous guess keeps layout going.
            Err(_) => text.chars().count() as f64 * self.px * 0.62,
        }
    }

    /// Distance between baselines of wrapped lines.
    pub(super) fn line_height(&self) -> f64 {
        (self.px * 1.25).round()
    }

    pub(super) fn px(&self) -> f64 {
        self.px
    }

    /// Text style with colour and anchor (where the drawing position sits on the text).
    pub(super) fn style(&self, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
        TextStyle {
            font: self.desc.clone(),
            color: color.to_backend_color(),
            pos: Pos::new(h, v),
        }
    }
}
