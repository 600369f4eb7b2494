//! The checks of each row, the same for CSV and XLSX: code, value, qualifier and texts.
//! Every problem of every row is collected; the file is accepted only when there is
//! none, so the later save is all rows or nothing.

use super::columns::{self, Column, Layout};
use super::table::{CellValue, RawCell, RawRow};
use super::{
    ImportFailure, ImportedRow, Known, MAX_TEXT_CHARS, ProblemKind, RowProblem, excel_values,
    shorten,
};
use crate::domain::{Figure, IndicatorCode, NumberError, Qualifier, VnDecimal};
use std::collections::HashMap;

/// Checks all rows below the header (the first non-empty row).
pub(super) fn check(rows: Vec<RawRow>, known: &Known) -> Result<Vec<ImportedRow>, ImportFailure> {
    let mut rows = rows.into_iter();
    let header = rows.next().ok_or(ImportFailure::Empty)?;
    let header_cells: Vec<(usize, String)> = header
        .cells
        .iter()
        .map(|(i, c)| (*i, cell_text(c)))
        .collect();
    let layout = columns::layout(&header_cells)?;
    let mut accepted = Vec::new();
    let mut problems = Vec::new();
    let mut first_line_of: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let mut checker = RowChecker::new(&row, &layout);
        if let Some(imported) = checker.check(known, &mut first_line_of) {
            accepted.push(imported);
        }
        problems.extend(checker.problems);
    }
    if !problems.is_empty() {
        Err(ImportFailure::Rows(problems))
    } else if accepted.is_empty() {
        Err(ImportFailure::Empty)
    } else {
        Ok(accepted)
    }
}

/// A cell's content as text, for the columns that hold text.
fn cell_text(cell: &RawCell) -> String {
    match &cell.value {
        CellValue::Text(t) | CellValue::Other(t) => t.trim().to_string(),
        CellValue::Number { value, .. } => excel_values::shown(*value),
        CellValue::Date { text } => text.clone(),
    }
}

struct RowChecker<'a> {
    line: usize,
    cells: HashMap<Column, &'a RawCell>,
    code: Option<String>,
    problems: Vec<RowProblem>,
}

impl<'a> RowChecker<'a> {
    fn new(row: &'a RawRow, layout: &Layout) -> Self {
        let cells: HashMap<Column, &RawCell> = layout
            .imported()
            .filter_map(|(i, column)| row.cells.get(&i).map(|c| (column, c)))
            .filter(|(_, c)| !c.is_blank())
            .collect();
        let code = cells
            .get(&Column::Code)
            .map(|c| shorten(&cell_text(c)))
            .filter(|c| !c.is_empty());
        RowChecker {
            line: row.line,
            cells,
            code,
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, kind: ProblemKind, text: Option<String>) {
        self.problems.push(RowProblem {
            line: self.line,
            code: self.code.clone(),
            kind,
            text,
        });
    }

    /// The row's figure, or `None` when it has none (the row is skipped: not every
    /// indicator gets a figure every year) or has problems.
    fn check(
        &mut self,
        known: &Known,
        first_line_of: &mut HashMap<String, usize>,
    ) -> Option<ImportedRow> {
        let value_cell = *self.cells.get(&Column::Value)?;
        for column in Column::ALL {
            if self.cells.get(&column).is_some_and(|c| c.formula) {
                self.problem(ProblemKind::Formula { column }, None);
            }
        }
        let code = self.code(known, first_line_of);
        let value = if value_cell.formula {
            None
        } else {
            self.value(value_cell)
        };
        if let (Some((_, unit)), Some(v)) = (&code, value) {
            if written_as_percent(value_cell) && !unit.is_percent() {
                self.problem(
                    ProblemKind::PercentSign,
                    Some(format!("{}%", v.format_vi())),
                );
            } else if !unit.accepts(v) {
                let text = Some(v.format_vi());
                self.problem(ProblemKind::OutOfRange { unit: *unit }, text);
            }
        }
        let qualifier = self.qualifier();
        let note = self.text(Column::Note);
        let source_document = self.text(Column::SourceDocument);
        let quote = self.text(Column::SourceQuote);
        if !self.problems.is_empty() {
            return None;
        }
        Some(ImportedRow {
            line: self.line,
            code: code?.0,
            figure: Figure {
                value: value?,
                qualifier: qualifier?,
                note,
                source_document,
                quote,
            },
        })
    }

    fn code(
        &mut self,
        known: &Known,
        first_line_of: &mut HashMap<String, usize>,
    ) -> Option<(IndicatorCode, crate::domain::UnitKind)> {
        if self.cells.get(&Column::Code).is_some_and(|c| c.formula) {
            return None;
        }
        let Some(written) = self.code.clone() else {
            self.problem(ProblemKind::CodeMissing, None);
            return None;
        };
        // Codes are upper case; "nv-01" can only mean NV-01.
        let parsed = IndicatorCode::parse(&written.to_ascii_uppercase()).ok();
        let Some((code, unit)) = parsed.and_then(|c| known.unit(c.as_str()).map(|u| (c, u))) else {
            self.problem(ProblemKind::UnknownCode, None);
            return None;
        };
        if let Some(first_line) = first_line_of.get(code.as_str()) {
            let first_line = *first_line;
            self.problem(ProblemKind::DuplicateCode { first_line }, None);
            return None;
        }
        first_line_of.insert(code.as_str().to_string(), self.line);
        Some((code, unit))
    }

    fn value(&mut self, cell: &RawCell) -> Option<VnDecimal> {
        let (result, text) = match &cell.value {
            CellValue::Text(t) if t.trim_start().starts_with('=') => {
                // A formula typed into a text cell, or a CSV written from formulas.
                self.problem(
                    ProblemKind::Formula {
                        column: Column::Value,
                    },
                    None,
                );
                return None;
            }
            CellValue::Text(t) => (VnDecimal::parse(t), t.trim().to_string()),
            CellValue::Number { value, percent } => (
                excel_values::number(*value, *percent),
                excel_values::shown(*value),
            ),
            CellValue::Date { .. } => {
                self.problem(ProblemKind::DateCell, None);
                return None;
            }
            CellValue::Other(t) => (Err(NumberError::NotANumber), t.clone()),
        };
        result
            .map_err(|e| self.problem(ProblemKind::Number(e), Some(shorten(&text))))
            .ok()
    }

    fn qualifier(&mut self) -> Option<Qualifier> {
        let cell = self.cells.get(&Column::Qualifier).copied();
        if cell.is_some_and(|c| c.formula) {
            return None; // already reported as a formula
        }
        let written = cell.map(cell_text).unwrap_or_default();
        let qualifier = parse_qualifier(&written);
        if qualifier.is_none() {
            let text = shorten(&written);
            self.problem(ProblemKind::BadQualifier(text.clone()), Some(text));
        }
        qualifier
    }

    fn text(&mut self, column: Column) -> Option<String> {
        let cell = self.cells.get(&column).copied().filter(|c| !c.formula)?;
        let text = cell_text(cell);
        if text.chars().count() > MAX_TEXT_CHARS {
            self.problem(ProblemKind::TextTooLong { column }, None);
            return None;
        }
        Some(text).filter(|t| !t.is_empty())
    }
}

/// The qualifier words of the template, in Vietnamese (with or without diacritics,
/// since some keyboards type none) or English.
pub(super) fn parse_qualifier(text: &str) -> Option<Qualifier> {
    match columns::normalize(text).as_str() {
        "" | "chính xác" | "chinh xac" | "exact" => Some(Qualifier::Exact),
        "trên" | "tren" | "hơn" | "hon" | "more than" | "more_than" => Some(Qualifier::MoreThan),
        "khoảng" | "khoang" | "about" => Some(Qualifier::About),
        "ít nhất" | "it nhat" | "at least" | "at_least" => Some(Qualifier::AtLeast),
        _ => None,
    }
}

/// A value typed with "%" or in a cell Excel shows as a percentage.
fn written_as_percent(cell: &RawCell) -> bool {
    match &cell.value {
        CellValue::Text(t) => t.contains('%'),
        CellValue::Number { percent, .. } => *percent,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifier_words_are_read_in_either_language() {
        assert_eq!(parse_qualifier(""), Some(Qualifier::Exact));
        assert_eq!(parse_qualifier(" Trên "), Some(Qualifier::MoreThan));
        assert_eq!(parse_qualifier("KHOẢNG"), Some(Qualifier::About));
        assert_eq!(parse_qualifier("ít   nhất"), Some(Qualifier::AtLeast));
        assert_eq!(parse_qualifier("at least"), Some(Qualifier::AtLeast));
        assert_eq!(parse_qualifier("gần"), None);
    }
}
