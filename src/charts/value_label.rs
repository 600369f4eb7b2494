//! Where a bar's value label goes: beyond the bar's end on a white backdrop (so grid and
//! target lines do not run through it), or inside the end in white when the target line
//! would cross it outside, or when there is no room outside. Text that fits nowhere is
//! shortened with "…" on the roomier side; the bar's tooltip keeps it whole.

use plotters::style::WHITE;
use plotters::style::text_anchor::HPos;

use super::ChartError;
use super::font::Face;
use super::layout::{Canvas, INK, draw_backdrop, draw_lines};
use super::wrap::ellipsize;

/// Space between a bar's end and its label.
pub(super) const GAP: f64 = 6.0;

/// A bar seen along its own axis, in pixels.
struct AlongBar {
    zero: f64,
    end: f64,
    /// Length of the label along the axis.
    extent: f64,
    /// Pixels available beyond the end.
    outside_room: f64,
    /// Position of the target line on this axis, if it crosses the bars.
    avoid: Option<f64>,
}

impl AlongBar {
    /// +1 when the bar grows towards larger pixel coordinates.
    fn sign(&self) -> f64 {
        if self.end >= self.zero { 1.0 } else { -1.0 }
    }

    fn inside_room(&self) -> f64 {
        (self.end - self.zero).abs() - 2.0 * GAP
    }

    fn outside(&self) -> bool {
        let near = self.end + self.sign() * GAP;
        let far = near + self.sign() * self.extent;
        let crossed = self
            .avoid
            .is_some_and(|x| x >= near.min(far) - 3.0 && x <= near.max(far) + 3.0);
        if self.extent <= self.outside_room && !crossed {
            true
        } else if self.extent <= self.inside_room() {
            false
        } else {
            self.extent <= self.outside_room || self.outside_room >= self.inside_room()
        }
    }
}

/// Value label of a horizontal bar from `zero_x` to `end_x`, vertically centred on `y`;
/// `(min_x, max_x)` bound the text, `avoid_x` is the reference line.
pub(super) fn draw_horizontal(
    canvas: &Canvas,
    face: &Face,
    text: &str,
    (zero_x, end_x, y): (f64, f64, f64),
    (min_x, max_x): (f64, f64),
    avoid_x: Option<f64>,
) -> Result<(), ChartError> {
    let mut bar = AlongBar {
        zero: zero_x,
        end: end_x,
        extent: face.width(text),
        outside_room: 0.0,
        avoid: avoid_x,
    };
    let sign = bar.sign();
    let near_outside = end_x + sign * GAP;
    bar.outside_room = if sign > 0.0 {
        max_x - near_outside
    } else {
        near_outside - min_x
    };
    let (outside_anchor, inside_anchor) = if sign > 0.0 {
        (HPos::Left, HPos::Right)
    } else {
        (HPos::Right, HPos::Left)
    };
    let measure = |t: &str| face.width(t);
    if bar.outside() {
        let text = ellipsize(text, bar.outside_room.max(0.0), &measure);
        let far = near_outside + sign * face.width(&text);
        let half_height = face.line_height() / 2.0 + 1.0;
        draw_backdrop(
            canvas,
            (near_outside.min(far) - 2.0, y - half_height),
            (near_outside.max(far) + 2.0, y + half_height),
        )?;
        draw_lines(
            canvas,
            &[text],
            face,
            INK,
            outside_anchor,
            (near_outside, y),
        )
    } else {
        let text = ellipsize(text, bar.inside_room(), &measure);
        let at = (end_x - sign * GAP, y);
        draw_lines(canvas, &[text], face, WHITE, inside_anchor, at)
    }
}

/// Value label of a vertical bar `bar_width` wide from `zero_y` to `end_y`, centred on `x`;
/// the value axis has already been widened so the label fits beyond the end.
/// `avoid_y`: the target line.
pub(super) fn draw_vertical(
    canvas: &Canvas,
    face: &Face,
    text: &str,
    (x, zero_y, end_y): (f64, f64, f64),
    bar_width: f64,
    avoid_y: Option<f64>,
) -> Result<(), ChartError> {
    let step = face.line_height();
    let bar = AlongBar {
        zero: zero_y,
        end: end_y,
        extent: step,
        outside_room: step,
        // White text wider than the bar would vanish on the background.
        avoid: avoid_y.filter(|_| face.width(text) <= bar_width - 4.0),
    };
    let sign = bar.sign();
    let half_height = step / 2.0;
    if bar.outside() {
        let y = end_y + sign * (GAP + half_height);
        let half_width = face.width(text) / 2.0 + 2.0;
        draw_backdrop(
            canvas,
            (x - half_width, y - half_height),
            (x + half_width, y + half_height),
        )?;
        draw_lines(canvas, &[text.to_string()], face, INK, HPos::Center, (x, y))
    } else {
        let y = end_y - sign * (GAP + half_height);
        draw_lines(
            canvas,
            &[text.to_string()],
            face,
            WHITE,
            HPos::Center,
            (x, y),
        )
    }
}
