//! The term as an Excel workbook: a formatted sheet (title, header row with filter,
//! frozen panes, numbers as numbers so Excel can sum them and shows them in the reader's
//! number format) and, when any indicator has a numeric target and a figure, a second
//! sheet with a native column chart of percent achieved against the 100 % line.

use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartFormat, ChartLine, ChartLineDashType, ChartSolidFill, ChartType,
    Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

use super::ExportError;
use super::csv_file::column_names;
use super::rows::DataTable;
use crate::domain::VnDecimal;
use crate::i18n::Locale;

/// Row of the column headings (0-based); the data follows.
pub const HEADER_ROW: u32 = 3;
/// Columns before the values: code, group, name, unit, target, target number.
pub const VALUES_COL: u16 = 6;

/// Sheet names may not hold `[]:*?/\` and are at most 31 characters.
fn sheet_name(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect();
    if clean.trim().is_empty() {
        "Sheet1".to_string()
    } else {
        clean
    }
}

fn f64_of(v: VnDecimal) -> f64 {
    v.canonical().parse().unwrap_or(0.0)
}

/// Whole numbers without decimals, others with up to three: "#,##0" / "#,##0.0##".
fn number_format(v: VnDecimal) -> Format {
    let whole = v.get().fract().is_zero();
    Format::new().set_num_format(if whole { "#,##0" } else { "#,##0.0##" })
}

pub fn term_xlsx(table: &DataTable, locale: Locale) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let name = sheet_name(&table.term);
    let sheet = workbook.add_worksheet();
    sheet.set_name(&name)?;
    write_table(sheet, table, locale)?;
    let charted: Vec<(usize, f64)> = table
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.percent.map(|p| (i, f64_of(p))))
        .collect();
    let chart_sheet = workbook.add_worksheet();
    chart_sheet.set_name(sheet_name(locale.t("sheet.chart_sheet")))?;
    write_chart(chart_sheet, table, &charted, locale)?;
    Ok(workbook.save_to_buffer()?)
}

fn write_table(sheet: &mut Worksheet, table: &DataTable, locale: Locale) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color("#E8E8E8");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let child = wrap.clone().set_indent(2);
    let top = Format::new().set_align(FormatAlign::Top);

    sheet.write_string_with_format(0, 0, &table.term, &title)?;
    sheet.write_string(1, 0, format!("{} · {}", locale.t("app.org"), table.changed))?;
    for (col, text) in column_names(table, locale).into_iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col_index(col), text, &header)?;
    }
    let after_col = VALUES_COL + col_index(table.periods.len());
    for (i, row) in table.rows.iter().enumerate() {
        let r = HEADER_ROW + 1 + u32::try_from(i).unwrap_or(u32::MAX - HEADER_ROW - 1);
        sheet.write_string_with_format(r, 0, &row.code, &bold)?;
        sheet.write_string_with_format(r, 1, &row.group, &wrap)?;
        let name_format = if row.is_child { &child } else { &wrap };
        sheet.write_string_with_format(r, 2, &row.name, name_format)?;
        sheet.write_string_with_format(r, 3, &row.unit, &top)?;
        sheet.write_string_with_format(r, 4, &row.target, &wrap)?;
        if let Some(v) = row.target_value {
            sheet.write_number_with_format(r, 5, f64_of(v), &number_format(v))?;
        }
        for (c, value) in row.values.iter().enumerate() {
            if let Some(v) = value {
                let col = VALUES_COL + col_index(c);
                sheet.write_number_with_format(r, col, f64_of(*v), &number_format(*v))?;
            }
        }
        sheet.write_string_with_format(r, after_col, &row.as_reported, &wrap)?;
        if let Some(p) = row.percent {
            // Stored as a fraction so Excel's percent format shows "168,3%".
            let whole = p.get().fract().is_zero();
            let format = Format::new().set_num_format(if whole { "0%" } else { "0.0%" });
            sheet.write_number_with_format(r, after_col + 1, f64_of(p) / 100.0, &format)?;
        }
        sheet.write_string_with_format(r, after_col + 2, &row.status, &top)?;
        sheet.write_string_with_format(r, after_col + 3, &row.documents, &wrap)?;
        sheet.write_string_with_format(r, after_col + 4, &row.quotes, &wrap)?;
    }
    let widths = [9.0, 22.0, 46.0, 14.0, 28.0, 11.0];
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(col_index(c), *w)?;
    }
    for c in 0..table.periods.len() {
        sheet.set_column_width(VALUES_COL + col_index(c), 11.0)?;
    }
    for (c, w) in [24.0, 10.0, 18.0, 40.0, 70.0].iter().enumerate() {
        sheet.set_column_width(after_col + col_index(c), *w)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 3)?;
    let last_row = HEADER_ROW + u32::try_from(table.rows.len()).unwrap_or(0);
    sheet.autofilter(HEADER_ROW, 0, last_row.max(HEADER_ROW + 1), after_col + 4)?;
    Ok(())
}

fn col_index(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

/// A small table (indicator, % achieved, 100) and a column chart of it with a dashed
/// target line; or a sentence saying why there is no chart.
fn write_chart(
    sheet: &mut Worksheet,
    table: &DataTable,
    charted: &[(usize, f64)],
    locale: Locale,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, locale.t("sheet.chart_title"), &bold)?;
    if charted.is_empty() {
        sheet.write_string(1, 0, locale.t("sheet.no_chart"))?;
        return Ok(());
    }
    sheet.write_string_with_format(2, 0, locale.t("term.col_indicator"), &bold)?;
    sheet.write_string_with_format(2, 1, locale.t("sheet.col_percent"), &bold)?;
    sheet.write_string_with_format(2, 2, locale.t("term.reference"), &bold)?;
    for (n, (i, percent)) in charted.iter().enumerate() {
        let r = 3 + u32::try_from(n).unwrap_or(0);
        if let Some(row) = table.rows.get(*i) {
            sheet.write_string(r, 0, format!("{} {}", row.code, row.name))?;
        }
        sheet.write_number(r, 1, *percent)?;
        sheet.write_number(r, 2, 100.0)?;
    }
    sheet.set_column_width(0, 60.0)?;
    let last = 3 + u32::try_from(charted.len()).unwrap_or(1) - 1;
    let name = sheet.name();
    let mut chart = Chart::new(ChartType::Column);
    chart
        .add_series()
        .set_name(locale.t("sheet.col_percent"))
        .set_categories((name.as_str(), 3, 0, last, 0))
        .set_values((name.as_str(), 3, 1, last, 1))
        .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color("#0072B2")))
        .set_data_label(ChartDataLabel::new().show_value());
    chart.title().set_name(locale.t("sheet.chart_title"));
    chart.y_axis().set_name(locale.t("term.overview_axis"));
    let mut line = Chart::new(ChartType::Line);
    line.add_series()
        .set_name(locale.t("term.reference"))
        .set_categories((name.as_str(), 3, 0, last, 0))
        .set_values((name.as_str(), 3, 2, last, 2))
        .set_format(
            ChartFormat::new().set_line(
                ChartLine::new()
                    .set_color("#D55E00")
                    .set_width(2.25)
                    .set_dash_type(ChartLineDashType::Dash),
            ),
        );
    chart.combine(&line);
    chart.set_width(720).set_height(420);
    sheet.insert_chart(3, 4, &chart)?;
    Ok(())
}
