//! Which texts of a vertical or grouped bar chart fit a column, and at what size:
//! categories below, values above the bars, the "no data" mark. Numbers are never cut
//! short: a value that does not fit even at the smallest size is left out (its tooltip
//! still has it).

use plotters::style::text_anchor::HPos;

use super::ChartError;
use super::font::Face;
use super::format::vn_number;
use super::layout::{Canvas, INK, MUTED, NO_DATA, draw_lines};
use super::value_label::GAP;
use super::wrap::{SIZES, fit_all, wrap};

/// Shown for a missing value when "Chưa có số liệu" does not fit the column.
const NO_DATA_SHORT: &str = "—";
/// Space between the plot's bottom and the category labels.
const ABOVE_CATEGORIES: f64 = 8.0;

/// The category labels under the columns, all at one size.
pub(super) struct Categories {
    pub(super) face: Face,
    /// Lines of each category (at most two).
    pub(super) lines: Vec<Vec<String>>,
}

impl Categories {
    /// The largest size at which every category fits `column_width` whole, else the
    /// smallest with long words split or cut.
    pub(super) fn fit(categories: &[&str], column_width: f64) -> Self {
        let (face, lines) = fit_all(categories, column_width - 6.0, 2).unwrap_or_else(|| {
            let face = smallest();
            let lines = categories
                .iter()
                .map(|c| wrap(c, column_width - 6.0, 2, |t| face.width(t)))
                .collect();
            (face, lines)
        });
        Self { face, lines }
    }

    /// Most lines any category needs (at least one).
    pub(super) fn rows(&self) -> usize {
        self.lines.iter().map(Vec::len).max().unwrap_or(1).max(1)
    }

    /// Height of the band under the plot that the labels need.
    pub(super) fn area(&self) -> f64 {
        ABOVE_CATEGORIES + self.rows() as f64 * self.face.line_height() + 4.0
    }

    /// Where the labels' band ends, below a plot whose bottom is at `plot_bottom`.
    pub(super) fn bottom(&self, plot_bottom: i32) -> f64 {
        f64::from(plot_bottom) + ABOVE_CATEGORIES + self.rows() as f64 * self.face.line_height()
    }

    /// Draws category `i` centred on `center_x`, below a plot whose bottom is at `plot_bottom`.
    pub(super) fn draw(
        &self,
        canvas: &Canvas,
        i: usize,
        center_x: i32,
        plot_bottom: i32,
    ) -> Result<(), ChartError> {
        let lines = self.lines.get(i).map_or(&[][..], Vec::as_slice);
        let top = f64::from(plot_bottom) + ABOVE_CATEGORIES;
        let y = top + lines.len() as f64 * self.face.line_height() / 2.0;
        let at = (f64::from(center_x), y);
        draw_lines(canvas, lines, &self.face, INK, HPos::Center, at)
    }
}

/// Every text of a vertical bar chart's columns.
pub(super) struct ColumnLabels {
    pub(super) categories: Categories,
    pub(super) value_face: Face,
    /// Text above each bar; `None` for a missing value or one that does not fit.
    pub(super) values: Vec<Option<String>>,
    pub(super) missing_face: Face,
    /// Lines of the mark drawn in a column without a value.
    pub(super) missing: Vec<String>,
}

impl ColumnLabels {
    /// `values`: each column's value label, `None` where the value is missing.
    pub(super) fn fit(categories: &[&str], values: &[Option<&str>], column_width: f64) -> Self {
        let present: Vec<&str> = values.iter().flatten().copied().collect();
        let (value_face, values) = match fit_all(&present, column_width - 2.0, 1) {
            Some((face, _)) => (face, values.iter().map(|v| v.map(str::to_string)).collect()),
            None => {
                let face = smallest();
                let fits = |v: &&str| face.width(v) <= column_width - 2.0;
                let values = values
                    .iter()
                    .map(|v| v.filter(fits).map(str::to_string))
                    .collect();
                (face, values)
            }
        };

        let (missing_face, missing) = match fit_all(&[NO_DATA], column_width - 4.0, 3) {
            Some((face, mut lines)) => (face, lines.pop().unwrap_or_default()),
            None => (Face::regular(SIZES[0]), vec![NO_DATA_SHORT.to_string()]),
        };
        Self {
            categories: Categories::fit(categories, column_width),
            value_face,
            values,
            missing_face,
            missing,
        }
    }
}

/// The mark of a missing value, standing on the zero line at `(x, zero_y)`.
pub(super) fn draw_missing(
    canvas: &Canvas,
    lines: &[String],
    face: &Face,
    (x, zero_y): (i32, i32),
) -> Result<(), ChartError> {
    let y = f64::from(zero_y) - GAP - lines.len() as f64 * face.line_height() / 2.0;
    draw_lines(canvas, lines, face, MUTED, HPos::Center, (f64::from(x), y))
}

/// Room left of the plot for the value axis: the widest tick label, guessed before
/// plotters picks the ticks from the extreme values `(low, high)` (a sign when `low` is
/// negative, decimals when the range is small enough for fractional ticks), and the
/// axis title turned on its side.
pub(super) fn value_area((low, high): (f64, f64), tick_face: &Face) -> f64 {
    let largest = (high.abs().max(low.abs()) * 1.3).floor();
    let mut guess = vn_number(if low < 0.0 { -largest } else { largest });
    if largest < 5.0 {
        guess.push_str(",25");
    }
    tick_face.width(&guess) + 8.0 + tick_face.line_height() + 10.0
}

fn smallest() -> Face {
    Face::regular(SIZES[SIZES.len() - 1])
}
