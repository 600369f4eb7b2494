//! What both readers (CSV and XLSX) hand to the row checks: the non-empty rows of the
//! sheet, each with its line number and cells. Building it enforces memory budgets, so
//! a small file that expands into millions of cells or repeats one long shared string
//! everywhere is refused instead of exhausting the server.

use super::{ImportFailure, MAX_ROWS, MAX_TEXT_CHARS};
use std::collections::BTreeMap;

/// A cell's content as the reader found it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum CellValue {
    Text(String),
    /// An XLSX numeric cell; `percent` when its number format shows it as "20%".
    Number {
        value: f64,
        percent: bool,
    },
    /// An XLSX cell Excel holds as a date; `text` is it written "dd/mm/yyyy".
    Date {
        text: String,
    },
    /// TRUE/FALSE or an error such as "#DIV/0!", as shown.
    Other(String),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct RawCell {
    pub value: CellValue,
    pub formula: bool,
}

impl RawCell {
    pub(super) fn text(text: impl Into<String>) -> RawCell {
        RawCell {
            value: CellValue::Text(text.into()),
            formula: false,
        }
    }

    /// Blank: no formula and nothing but whitespace.
    pub(super) fn is_blank(&self) -> bool {
        !self.formula && matches!(&self.value, CellValue::Text(t) if t.trim().is_empty())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct RawRow {
    /// The row number Excel shows.
    pub line: usize,
    /// Cells by column index.
    pub cells: BTreeMap<usize, RawCell>,
}

/// One char past the limit is enough to report TextTooLong; the rest is not kept.
pub(super) fn truncate(text: &mut String) {
    if let Some((cut, _)) = text.char_indices().nth(MAX_TEXT_CHARS + 1) {
        text.truncate(cut);
    }
}

/// The part of `text` that [`truncate`] keeps, copied: a shared string may be long
/// and used by thousands of cells, so it is never copied whole.
pub(super) fn prefix(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(MAX_TEXT_CHARS + 1) {
        Some((cut, _)) => text[..cut].to_string(),
        None => text.to_string(),
    }
}

/// Keeps at most this much text in total (bytes); far above any real template.
const MAX_TOTAL_TEXT: usize = 16 * 1024 * 1024;
/// Keeps at most this many non-empty cells.
const MAX_CELLS: usize = 200_000;

/// Collects non-empty cells within the budgets; rows come out in line order.
#[derive(Debug, Default)]
pub(super) struct SheetBuilder {
    rows: BTreeMap<usize, BTreeMap<usize, RawCell>>,
    cells: usize,
    text_bytes: usize,
}

impl SheetBuilder {
    pub(super) fn push(
        &mut self,
        line: usize,
        column: usize,
        mut cell: RawCell,
    ) -> Result<(), ImportFailure> {
        if cell.is_blank() {
            return Ok(());
        }
        if let CellValue::Text(t) | CellValue::Other(t) = &mut cell.value {
            // Every reader of a cell trims it; trimming first keeps leading spaces
            // from counting against the length kept.
            if t.trim().len() != t.len() {
                *t = t.trim().to_string();
            }
            truncate(t);
            self.text_bytes += t.len();
        }
        self.cells += 1;
        if self.cells > MAX_CELLS || self.text_bytes > MAX_TOTAL_TEXT {
            return Err(ImportFailure::TooLarge);
        }
        self.rows.entry(line).or_default().insert(column, cell);
        // The header row plus MAX_ROWS rows of figures.
        if self.rows.len() > MAX_ROWS + 1 {
            return Err(ImportFailure::TooLarge);
        }
        Ok(())
    }

    pub(super) fn has_numbers(&self) -> bool {
        self.rows
            .values()
            .flat_map(|r| r.values())
            .any(|c| matches!(c.value, CellValue::Number { .. }))
    }

    /// Marks a numeric cell as shown in percent.
    pub(super) fn mark_percent(&mut self, line: usize, column: usize) {
        if let Some(CellValue::Number { percent, .. }) = self
            .rows
            .get_mut(&line)
            .and_then(|r| r.get_mut(&column))
            .map(|c| &mut c.value)
        {
            *percent = true;
        }
    }

    pub(super) fn finish(self) -> Vec<RawRow> {
        self.rows
            .into_iter()
            .map(|(line, cells)| RawRow { line, cells })
            .collect()
    }
}
