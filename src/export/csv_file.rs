//! The term's table as CSV: UTF-8 with a byte-order mark (without it Excel reads the
//! file as the local code page and breaks every Vietnamese letter), comma-separated,
//! numbers written the Vietnamese way ("1.234,5") and quoted where needed.
//!
//! Text that a spreadsheet would take for a formula (starting with `=`, `+`, `-`,
//! `@`, a tab or a carriage return: "CSV injection", OWASP) gets a leading `'`, so a
//! name typed as `=HYPERLINK(…)` opens as text. Number columns are left alone. The
//! XLSX sheet needs no such care: its text cells are typed as text.

use super::ExportError;
use super::rows::{DataTable, headings};
use crate::domain::VnDecimal;
use crate::i18n::Locale;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The heading of every column, in order: the fixed ones around one per period. The
/// CSV's first line, and the header row of the XLSX sheet.
pub(super) fn column_names(table: &DataTable, locale: Locale) -> Vec<&str> {
    let (before, after) = headings(locale);
    before
        .into_iter()
        .chain(table.period_names.iter().map(String::as_str))
        .chain(after)
        .collect()
}

pub fn term_csv(table: &DataTable, locale: Locale) -> Result<Vec<u8>, ExportError> {
    let number = |v: Option<VnDecimal>| v.map(|v| locale.number(v)).unwrap_or_default();
    let mut out = BOM.to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        writer
            .write_record(column_names(table, locale))
            .map_err(csv_err)?;
        for row in &table.rows {
            let mut record = vec![
                as_text(&row.code),
                as_text(&row.group),
                as_text(&row.name),
                as_text(&row.unit),
                as_text(&row.target),
                number(row.target_value),
            ];
            record.extend(row.values.iter().map(|v| number(*v)));
            record.extend([
                as_text(&row.as_reported),
                number(row.percent),
                as_text(&row.status),
                as_text(&row.documents),
                as_text(&row.quotes),
            ]);
            writer.write_record(&record).map_err(csv_err)?;
        }
        writer
            .flush()
            .map_err(|e| ExportError::Csv(e.to_string()))?;
    }
    Ok(out)
}

/// A text cell that no spreadsheet will run as a formula.
fn as_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn csv_err(e: csv::Error) -> ExportError {
    ExportError::Csv(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::as_text;

    #[test]
    fn text_a_spreadsheet_would_run_as_a_formula_is_kept_as_text() {
        for formula in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1+2",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(as_text(formula), format!("'{formula}"));
        }
        for text in ["Số nhiệm vụ KH&CN", "Trên 140 tỷ đồng", "", "1 = 1", "a-b"] {
            assert_eq!(as_text(text), text);
        }
    }
}
