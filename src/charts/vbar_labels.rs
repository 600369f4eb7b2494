//! Which texts of a vertical bar chart fit a column, and at what size: categories below,
//! values above the bars, the "no data" mark. Numbers are never cut short: a value that
//! does not fit even at the smallest size is left out (its tooltip still has it).

use super::font::Face;
use super::layout::NO_DATA;
use super::wrap::{SIZES, fit_all, wrap};

/// Shown for a missing value when "Chưa có số liệu" does not fit the column.
const NO_DATA_SHORT: &str = "—";

pub(super) struct ColumnLabels {
    pub(super) category_face: Face,
    /// Lines of each category (at most two).
    pub(super) categories: Vec<Vec<String>>,
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
        let (category_face, categories) = fit_all(categories, column_width - 6.0, 2)
            .unwrap_or_else(|| {
                let face = smallest();
                let lines = categories
                    .iter()
                    .map(|c| wrap(c, column_width - 6.0, 2, |t| face.width(t)))
                    .collect();
                (face, lines)
            });

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
            category_face,
            categories,
            value_face,
            values,
            missing_face,
            missing,
        }
    }

    /// Most lines any category needs (at least one).
    pub(super) fn category_rows(&self) -> usize {
        self.categories
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(1)
            .max(1)
    }
}

fn smallest() -> Face {
    Face::regular(SIZES[SIZES.len() - 1])
}
