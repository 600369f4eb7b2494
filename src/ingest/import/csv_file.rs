//! Reading an uploaded CSV file. Excel writes CSV in the separator of the computer's
//! regional settings (";" on a Vietnamese Windows, "," elsewhere) and may add a BOM,
//! so the separator is guessed from the header row and the BOM dropped. Only UTF-8 is
//! read: a legacy code page (Windows-1258, TCVN3) is refused rather than guessed, since
//! a wrong guess garbles the notes and quotes silently.

use super::ImportFailure;
use super::columns::match_headers;
use super::table::{RawCell, RawRow, SheetBuilder};

const BOM: &[u8] = b"\xEF\xBB\xBF";
/// Tried in this order; on a tie the earlier one wins.
const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

pub(super) fn read(bytes: &[u8]) -> Result<Vec<RawRow>, ImportFailure> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| ImportFailure::NotUtf8)?;
    if text.trim().is_empty() {
        return Err(ImportFailure::Empty);
    }
    let (text, named) = split_sep_line(text);
    read_with(text, named.unwrap_or_else(|| guess_delimiter(text)))
}

/// Excel's optional first line "sep=;" names the separator; Excel does not show it
/// as a row, so the rows are counted from the line after it.
fn split_sep_line(text: &str) -> (&str, Option<u8>) {
    let named = text.strip_prefix("sep=").and_then(|rest| {
        let sep = *rest.as_bytes().first()?;
        let body = rest.get(1..)?;
        let usable = sep == b'\t' || sep.is_ascii_punctuation();
        let body = ["\r\n", "\n", "\r"]
            .iter()
            .find_map(|ending| body.strip_prefix(ending))?;
        usable.then_some((body, sep))
    });
    match named {
        Some((body, sep)) => (body, Some(sep)),
        None => (text, None),
    }
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        // Excel drops trailing empty cells of a row, so rows differ in length.
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// The delimiter under which the first row holds the most known headers (then the
/// most fields): header names never contain a separator, so this cannot mislead.
fn guess_delimiter(text: &str) -> u8 {
    let mut best = (DELIMITERS[0], 0, 0);
    for delimiter in DELIMITERS {
        let Some(Ok(first)) = reader(text, delimiter).records().next() else {
            continue;
        };
        let headers: Vec<(usize, String)> = first
            .iter()
            .enumerate()
            .map(|(i, s)| (i, s.to_string()))
            .collect();
        let known = match_headers(&headers).0.len();
        if (known, first.len()) > (best.1, best.2) {
            best = (delimiter, known, first.len());
        }
    }
    best.0
}

fn read_with(text: &str, delimiter: u8) -> Result<Vec<RawRow>, ImportFailure> {
    let mut sheet = SheetBuilder::default();
    let mut lines = LineCounter::new(text);
    for record in reader(text, delimiter).records() {
        // The input is valid UTF-8 in memory, so the reader has nothing else to fail on.
        let record = record.map_err(|_| ImportFailure::NotUtf8)?;
        let byte = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(0);
        let line = lines.line_at(byte);
        for (column, field) in record.iter().enumerate() {
            sheet.push(line, column, RawCell::text(field))?;
            lines.breaks_inside_fields += line_breaks(field);
        }
    }
    Ok(sheet.finish())
}

/// Excel's row numbers for CSV records. The csv reader's own line count is not
/// usable (it lags on "\r\n" and blank lines), so lines are counted here: every
/// "\r\n", "\n" or lone "\r" before the record, blank lines included, except the
/// breaks inside quoted fields, which Excel shows within one cell.
struct LineCounter<'a> {
    text: &'a str,
    scanned_to: usize,
    breaks_before: usize,
    breaks_inside_fields: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text,
            scanned_to: 0,
            breaks_before: 0,
            breaks_inside_fields: 0,
        }
    }

    /// The line of the record the reader reported at `byte`: its position is taken
    /// before the blank lines it skipped, so those are stepped over first.
    fn line_at(&mut self, byte: usize) -> usize {
        let rest = self.text.get(byte..).unwrap_or("");
        let start = byte + (rest.len() - rest.trim_start_matches(['\r', '\n']).len());
        if start > self.scanned_to {
            let between = self.text.get(self.scanned_to..start).unwrap_or("");
            self.breaks_before += line_breaks(between);
            self.scanned_to = start;
        }
        (1 + self.breaks_before)
            .saturating_sub(self.breaks_inside_fields)
            .max(1)
    }
}

fn line_breaks(text: &str) -> usize {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_one_that_splits_the_header_into_known_columns() {
        assert_eq!(guess_delimiter("Mã chỉ tiêu;Giá trị\nNV-01;1,5"), b';');
        assert_eq!(guess_delimiter("Mã chỉ tiêu,Giá trị\nNV-01,\"1,5\""), b',');
        assert_eq!(guess_delimiter("Mã chỉ tiêu\tGiá trị\nNV-01\t1,5"), b'\t');
    }

    #[test]
    fn an_excel_sep_line_names_the_delimiter_and_is_not_a_row() {
        assert_eq!(split_sep_line("sep=;\r\nA;B"), ("A;B", Some(b';')));
        assert_eq!(split_sep_line("sep=\t\nA"), ("A", Some(b'\t')));
        assert_eq!(split_sep_line("Mã;Giá trị"), ("Mã;Giá trị", None));
    }

    #[test]
    fn line_numbers_count_rows_as_excel_shows_them() -> Result<(), ImportFailure> {
        for text in [
            "a,b\n\"x\ny\",1\n\nz,2\n",
            "a,b\r\n\"x\r\ny\",1\r\n\r\nz,2\r\n",
            "a,b\r\"x\ry\",1\r\rz,2",
        ] {
            let rows = read_with(text, b',')?;
            let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
            assert_eq!(lines, vec![1, 2, 4], "{text:?}");
        }
        Ok(())
    }
}
