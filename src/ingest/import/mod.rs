//! Import of a year's figures from a file: the templates a clerk downloads (CSV and
//! XLSX, Vietnamese headers, one row per indicator) and the reading of the filled-in
//! upload into checked rows.
//!
//! Reading never stores anything: [`parse`] returns every row ready to save, or why the
//! file is refused — the whole file, or every row problem at once, with the line
//! numbers Excel shows — so the caller can preview, confirm and save all rows in one
//! transaction. Limits are checked before parsing, since the file comes from outside.

mod cell_refs;
mod columns;
mod csv_file;
mod detect;
mod excel_values;
mod known;
mod problem;
mod rows;
mod table;
mod template;
mod xlsx_file;
mod zip_guard;

#[cfg(test)]
mod tests;

pub use columns::Column;
pub use detect::{FileKind, detect};
pub use known::Known;
pub use problem::{ImportFailure, ProblemKind, RowProblem};
pub use template::{TemplateError, TemplateRow, template_csv, template_xlsx};

use crate::domain::{Figure, IndicatorCode};

/// The largest upload read, in bytes.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// The most an .xlsx may unpack to; a filled template unpacks to a few hundred KB.
pub const MAX_UNPACKED_BYTES: usize = 50 * 1024 * 1024;
/// Rows of figures below the header; a term has about a hundred indicators.
pub const MAX_ROWS: usize = 5_000;
/// The longest note, source document or quote, in characters.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// One figure read from the file, checked and ready to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedRow {
    /// The row number Excel shows.
    pub line: usize,
    pub code: IndicatorCode,
    pub figure: Figure,
}

/// Reads an upload of the given kind into checked rows (in line order).
pub fn parse(
    kind: FileKind,
    bytes: &[u8],
    known: &Known,
) -> Result<Vec<ImportedRow>, ImportFailure> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportFailure::TooLarge);
    }
    if bytes.is_empty() {
        return Err(ImportFailure::Empty);
    }
    let rows = match kind {
        FileKind::Csv => csv_file::read(bytes)?,
        FileKind::Xlsx => xlsx_file::read(bytes)?,
    };
    rows::check(rows, known)
}

/// [`detect`] then [`parse`]: what an upload handler needs. A kind we do not read is
/// `UnsupportedKind`; the size is checked first so a huge file is not even sniffed.
pub fn parse_upload(
    file_name: &str,
    bytes: &[u8],
    known: &Known,
) -> Result<Vec<ImportedRow>, ImportFailure> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportFailure::TooLarge);
    }
    let kind = detect(file_name, bytes).ok_or(ImportFailure::UnsupportedKind)?;
    parse(kind, bytes, known)
}

/// At most 40 characters of what the clerk wrote, for messages: a pasted paragraph in
/// the code column should not fill the page.
fn shorten(text: &str) -> String {
    const KEEP: usize = 40;
    match text.char_indices().nth(KEEP) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}
