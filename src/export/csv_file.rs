//! The term's table as CSV: UTF-8 with a byte-order mark (without it Excel reads the
//! file as the local code page and breaks every Vietnamese letter), comma-separated,
//! numbers written the Vietnamese way ("1.234,5") and quoted where needed.

use super::ExportError;
use super::rows::{DataTable, headings};
use crate::domain::VnDecimal;
use crate::i18n::Locale;

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn term_csv(table: &DataTable, locale: Locale) -> Result<Vec<u8>, ExportError> {
    let number = |v: Option<VnDecimal>| v.map(|v| locale.number(v)).unwrap_or_default();
    let mut out = BOM.to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        let (before, after) = headings(locale);
        let header: Vec<&str> = before
            .iter()
            .copied()
            .chain(table.period_names.iter().map(String::as_str))
            .chain(after.iter().copied())
            .collect();
        writer.write_record(&header).map_err(csv_err)?;
        for row in &table.rows {
            let mut record = vec![
                row.code.clone(),
                row.group.clone(),
                row.name.clone(),
                row.unit.clone(),
                row.target.clone(),
                number(row.target_value),
            ];
            record.extend(row.values.iter().map(|v| number(*v)));
            record.extend([
                row.as_reported.clone(),
                number(row.percent),
                row.status.clone(),
                row.documents.clone(),
                row.quotes.clone(),
            ]);
            writer.write_record(&record).map_err(csv_err)?;
        }
        writer
            .flush()
            .map_err(|e| ExportError::Csv(e.to_string()))?;
    }
    Ok(out)
}

fn csv_err(e: csv::Error) -> ExportError {
    ExportError::Csv(e.to_string())
}
