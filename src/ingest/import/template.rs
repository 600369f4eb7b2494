//! The files a clerk downloads, fills in and uploads again: one row per indicator of
//! the term, with its code, name, unit and last year's figure beside an empty value.

use super::columns::Column;
use crate::domain::VnDecimal;
use rust_xlsxwriter::{
    Color, DataValidation, Format, FormatAlign, FormatBorder, Workbook, XlsxError,
};

/// One indicator in a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateRow {
    pub code: String,
    pub name: String,
    pub unit: String,
    /// Last year's value, already formatted the Vietnamese way ("1.234,5").
    pub previous: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("could not write the xlsx template: {0}")]
    Xlsx(#[from] XlsxError),
}

const BOM: &str = "\u{FEFF}";

/// The CSV template: UTF-8 with a BOM (without it Excel reads UTF-8 as a legacy code
/// page and garbles every diacritic), ";"-separated because a Vietnamese Windows uses
/// ";" as list separator (its decimal mark is ","), so Excel opens it in columns there.
pub fn template_csv(rows: &[TemplateRow]) -> Vec<u8> {
    let mut out = BOM.as_bytes().to_vec();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(&mut out);
    let header: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
    let mut records = vec![header.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
    for row in rows {
        let mut record = vec![
            row.code.clone(),
            defuse(&row.name),
            defuse(&row.unit),
            row.previous.clone().unwrap_or_default(),
        ];
        record.resize(Column::ALL.len(), String::new());
        records.push(record);
    }
    for record in records {
        // Writing to a Vec cannot fail; a failure would only drop the rest of the file.
        if let Err(error) = writer.write_record(&record) {
            tracing::error!(%error, "writing the csv template");
        }
    }
    if let Err(error) = writer.flush() {
        tracing::error!(%error, "writing the csv template");
    }
    drop(writer);
    out
}

/// Excel runs a CSV cell starting with = + - @ as a formula ("- Tỷ lệ…" shows #NAME?,
/// and a crafted one can do harm): a leading apostrophe keeps it text.
fn defuse(text: &str) -> String {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && VnDecimal::parse(text).is_err() {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Widths in characters, in column order.
const WIDTHS: [f64; 9] = [14.0, 60.0, 14.0, 14.0, 16.0, 12.0, 30.0, 30.0, 40.0];
/// The rows that get the qualifier drop-down and text-formatted value cells, beyond
/// the template's own rows, for indicators a clerk adds by hand.
const SPARE_ROWS: u32 = 50;
const EXCEL_LAST_ROW: u32 = 1_048_575;
const QUALIFIER_WORDS: [&str; 4] = ["chính xác", "trên", "khoảng", "ít nhất"];

/// The XLSX template. The value column is formatted as text so that "1.234,5" stays
/// what was typed instead of Excel turning it into a number or a date by the
/// computer's regional settings. The cells the clerk should not change (code, name,
/// unit, last year) are grey; they are not locked, since a locked sheet stops the
/// clerk from adding a row or fixing a mistake.
pub fn template_xlsx(sheet_title: &str, rows: &[TemplateRow]) -> Result<Vec<u8>, TemplateError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(sheet_title))?;
    let border = |f: Format| f.set_border(FormatBorder::Thin).set_text_wrap();
    let header = border(
        Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xDDEBF7)),
    )
    .set_align(FormatAlign::Center)
    .set_align(FormatAlign::VerticalCenter);
    let grey = border(Format::new().set_background_color(Color::RGB(0xEDEDED)))
        .set_font_color(Color::RGB(0x404040))
        .set_align(FormatAlign::Top);
    let text = border(Format::new().set_num_format("@")).set_align(FormatAlign::Top);
    for (col, column) in (0u16..).zip(Column::ALL) {
        sheet.set_column_width(col, WIDTHS[usize::from(col)])?;
        sheet.write_string_with_format(0, col, column.header(), &header)?;
        if column.is_imported() {
            // New rows typed below the template keep text cells too.
            sheet.set_column_format(col, &text)?;
        }
    }
    for (r, row) in (1u32..).zip(rows) {
        let fixed = [
            row.code.as_str(),
            row.name.as_str(),
            row.unit.as_str(),
            row.previous.as_deref().unwrap_or(""),
        ];
        for (col, value) in (0u16..).zip(fixed) {
            sheet.write_string_with_format(r, col, value, &grey)?;
        }
        for col in 4..Column::ALL.len() as u16 {
            sheet.write_blank(r, col, &text)?;
        }
    }
    let last_row = u32::try_from(rows.len())
        .unwrap_or(u32::MAX)
        .saturating_add(SPARE_ROWS)
        .min(EXCEL_LAST_ROW);
    let choices = DataValidation::new()
        .allow_list_strings(&QUALIFIER_WORDS)?
        .set_input_title("Mức độ")?
        .set_input_message("Để trống nếu số liệu chính xác.")?;
    sheet.add_data_validation(1, 5, last_row, 5, &choices)?;
    sheet.set_freeze_panes(1, 2)?;
    // Printed for signing off: A4 landscape, one page wide, the header on every page.
    sheet
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_repeat_rows(0, 0)?;
    Ok(book.save_to_buffer()?)
}

/// A name Excel accepts for a sheet: at most 31 characters, none of []:*?/\ and no
/// apostrophe at either end.
fn sheet_name(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let trimmed: String = cleaned.trim().trim_matches('\'').chars().take(31).collect();
    let trimmed = trimmed.trim().trim_matches('\'').to_string();
    if trimmed.is_empty() {
        "Số liệu".to_string()
    } else {
        trimmed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_made_acceptable_to_excel() {
        assert_eq!(sheet_name("Năm 2021 [2020/2025]"), "Năm 2021 -2020-2025-");
        assert_eq!(sheet_name("''"), "Số liệu");
        assert_eq!(sheet_name(&"x".repeat(40)).chars().count(), 31);
    }

    #[test]
    fn csv_cells_that_excel_would_run_as_formulas_are_kept_as_text() {
        assert_eq!(defuse("- Tỷ lệ"), "'- Tỷ lệ");
        assert_eq!(defuse("=1+1"), "'=1+1");
        assert_eq!(defuse("-3"), "-3");
        assert_eq!(defuse("Số nhiệm vụ"), "Số nhiệm vụ");
    }
}
