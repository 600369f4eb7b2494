//! Reading the first worksheet of an uploaded .xlsx workbook with calamine.
//!
//! Cells are streamed, never loaded as a grid: calamine's `worksheet_range` (and
//! `worksheet_formula`) allocate the whole rectangle spanned by the used cells, so a
//! few-hundred-byte sheet with one cell in A1 and one in XFD1048576 would ask for
//! billions of cells. The stream also tells which cells hold a formula, in the same
//! pass. A second pass reads the cells' number formats, only when some cell is
//! numeric, to see which ones Excel shows as a percentage.

use super::table::{self, CellValue, RawCell, RawRow, SheetBuilder};
use super::{ImportFailure, excel_values, zip_guard};
use calamine::{DataRef, Reader, Xlsx};
use std::io::Cursor;

pub(super) fn read(bytes: &[u8]) -> Result<Vec<RawRow>, ImportFailure> {
    zip_guard::check(bytes, &zip_guard::LIMITS)?;
    // The file comes from outside; a panic deep in a parser on a malformed file must
    // turn into "not a readable workbook" rather than take the request down.
    match std::panic::catch_unwind(|| read_checked(bytes)) {
        Ok(result) => result,
        Err(_) => {
            tracing::warn!("the xlsx reader panicked on an uploaded file");
            Err(ImportFailure::NotXlsx)
        }
    }
}

fn unreadable(error: calamine::XlsxError) -> ImportFailure {
    tracing::debug!(%error, "uploaded xlsx is not readable");
    ImportFailure::NotXlsx
}

fn read_checked(bytes: &[u8]) -> Result<Vec<RawRow>, ImportFailure> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let sheet_name = book
        .sheet_names()
        .into_iter()
        .next()
        .ok_or(ImportFailure::NotXlsx)?;
    let is_1904 = book.has_1904_epoch();
    let mut sheet = SheetBuilder::default();
    {
        let mut cells = book
            .worksheet_cells_reader(&sheet_name)
            .map_err(unreadable)?;
        while let Some(cell) = cells
            .next_cell_with_formula_metadata()
            .map_err(unreadable)?
        {
            let value = convert(cell.value, is_1904);
            let formula = cell.formula.is_some();
            // An empty cell without formula is only formatting; a formula whose cached
            // result is empty must still be reported.
            let Some(value) = value.or_else(|| formula.then(|| CellValue::Text(String::new())))
            else {
                continue;
            };
            let (line, column) = position(cell.pos);
            sheet.push(line, column, RawCell { value, formula })?;
        }
    }
    if sheet.has_numbers() {
        let mut styles = book
            .worksheet_cells_reader(&sheet_name)
            .map_err(unreadable)?;
        while let Some((row, col, style_id)) = styles.next_style_id().map_err(unreadable)? {
            let percent = styles
                .styles()
                .get(style_id)
                .and_then(|s| s.number_format.as_ref())
                .is_some_and(|f| excel_values::is_percent_format(&f.format_code));
            if percent {
                let (line, column) = position((row, col));
                sheet.mark_percent(line, column);
            }
        }
    }
    Ok(sheet.finish())
}

/// Zero-based (row, column) to (Excel's row number, column index).
fn position((row, col): (u32, u32)) -> (usize, usize) {
    let to_usize = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
    (to_usize(row).saturating_add(1), to_usize(col))
}

/// The cell's content, or `None` for an empty cell.
fn convert(value: DataRef<'_>, is_1904: bool) -> Option<CellValue> {
    Some(match value {
        DataRef::Empty => return None,
        DataRef::String(s) => CellValue::Text(s),
        DataRef::SharedString(s) => CellValue::Text(table::prefix(s)),
        // |n| ≥ 2^53 loses precision here, but such a number is refused as too large.
        DataRef::Int(n) => CellValue::Number {
            value: n as f64,
            percent: false,
        },
        DataRef::Float(value) => CellValue::Number {
            value,
            percent: false,
        },
        DataRef::DateTime(d) => CellValue::Date {
            text: excel_values::date_text(d.as_f64(), is_1904),
        },
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => CellValue::Date { text: s },
        DataRef::Bool(b) => CellValue::Other(if b { "TRUE" } else { "FALSE" }.to_string()),
        DataRef::Error(e) => CellValue::Other(e.to_string()),
    })
}
