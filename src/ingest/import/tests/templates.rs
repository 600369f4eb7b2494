//! The templates: their layout, and the round trip a clerk makes (download, fill in
//! the values, upload).

use super::fixtures::{HEADER, Summary, TestResult, edit_sheet, known, read_as, row};
use crate::domain::Qualifier;
use crate::ingest::import::{
    FileKind, ImportFailure, TemplateRow, detect, parse, template_csv, template_xlsx,
};
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

fn template_rows() -> Vec<TemplateRow> {
    let row = |code: &str, name: &str, unit: &str, previous: Option<&str>| TemplateRow {
        code: code.into(),
        name: name.into(),
        unit: unit.into(),
        previous: previous.map(str::to_string),
    };
    vec![
        row("NV-01", "Số nhiệm vụ; cấp tỉnh", "nhiệm vụ", Some("9")),
        row("NV-02", "- Vốn đầu tư", "tỷ đồng", Some("1.234,5")),
        row("NV-03", "Tỷ lệ", "%", None),
        row("NV-04", "Tăng trưởng", "%/năm", Some("20")),
    ]
}

#[test]
fn the_csv_template_is_utf8_with_a_bom_and_one_row_per_indicator() -> TestResult {
    let bytes = template_csv(&template_rows());
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = std::str::from_utf8(&bytes[3..])?;
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0], HEADER.join(";"));
    assert_eq!(lines[1], "NV-01;\"Số nhiệm vụ; cấp tỉnh\";nhiệm vụ;9;;;;;");
    assert_eq!(lines[2], "NV-02;'- Vốn đầu tư;tỷ đồng;1.234,5;;;;;");
    assert_eq!(detect("mau.csv", &bytes), Some(FileKind::Csv));
    Ok(())
}

/// What a clerk types into either template, as (Excel row, column, text): a whole
/// number, a Vietnamese decimal with "khoảng" and a note, "trên" with a percent
/// sign, a percent per year.
const TYPED: [(usize, usize, &str); 6] = [
    (2, 4, "12"),
    (3, 4, "1.234,5"),
    (3, 5, "khoảng"),
    (3, 6, "Ước tính"),
    (4, 4, "18,5%"),
    (4, 5, "trên"),
];

/// What [`TYPED`] reads back as, from either template.
fn typed_rows() -> [Summary; 3] {
    [
        row(2, "NV-01", "12", Qualifier::Exact),
        row(3, "NV-02", "1234.5", Qualifier::About),
        row(4, "NV-03", "18.5", Qualifier::MoreThan),
    ]
}

#[test]
fn a_filled_in_csv_template_is_read_back() -> TestResult {
    let template = template_csv(&template_rows());
    // Fill in as Excel would: read the records, type values, save with ";" and a BOM.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(b';')
        .from_reader(&template[3..]);
    let mut filled = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut filled);
        for (i, record) in reader.records().enumerate() {
            let mut fields: Vec<String> = record?.iter().map(str::to_string).collect();
            for (_, column, text) in TYPED.iter().filter(|(line, ..)| *line == i + 1) {
                fields[*column] = text.to_string();
            }
            writer.write_record(&fields)?;
        }
        writer.flush()?;
    }
    let rows = read_as(FileKind::Csv, &filled, &typed_rows())?;
    assert_eq!(rows[1].figure.note.as_deref(), Some("Ước tính"));
    Ok(())
}

#[test]
fn the_xlsx_template_has_the_headers_codes_and_text_value_cells() -> TestResult {
    let bytes = template_xlsx("Năm 2021", &template_rows())?;
    assert_eq!(detect("mau.xlsx", &bytes), Some(FileKind::Xlsx));
    let mut book = Xlsx::new(Cursor::new(bytes.as_slice()))?;
    assert_eq!(book.sheet_names(), vec!["Năm 2021".to_string()]);
    let range = book.worksheet_range("Năm 2021")?;
    let header: Vec<String> = (0..9)
        .map(|c| range.get((0, c)).map(|d| d.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(header, HEADER);
    assert_eq!(range.get((2, 0)), Some(&Data::String("NV-02".into())));
    assert_eq!(
        range.get((2, 1)),
        Some(&Data::String("- Vốn đầu tư".into()))
    );
    assert_eq!(range.get((2, 3)), Some(&Data::String("1.234,5".into())));
    let styles = book.worksheet_style("Năm 2021")?;
    let format_of = |pos| {
        styles
            .get(pos)
            .and_then(|s| s.number_format.as_ref())
            .map(|f| f.format_code.clone())
    };
    assert_eq!(
        format_of((1, 4)).as_deref(),
        Some("@"),
        "value cells are text"
    );
    let header_bold = styles
        .get((0, 0))
        .and_then(|s| s.font.as_ref())
        .is_some_and(|f| f.is_bold());
    assert!(header_bold, "the header is bold");
    let grey = styles
        .get((1, 1))
        .and_then(|s| s.fill.as_ref())
        .is_some_and(|f| f.is_visible());
    assert!(grey, "the name cells are shaded");
    Ok(())
}

#[test]
fn an_unfilled_xlsx_template_has_no_figures() -> TestResult {
    let bytes = template_xlsx("Năm 2021", &template_rows())?;
    assert_eq!(
        parse(FileKind::Xlsx, &bytes, &known()),
        Err(ImportFailure::Empty)
    );
    Ok(())
}

/// Types `text` into the empty cell `cell` (e.g. "E2") of a sheet's XML.
fn type_into(xml: &str, cell: &str, text: &str) -> String {
    let start_tag = format!("<c r=\"{cell}\"");
    let Some(start) = xml.find(&start_tag) else {
        return xml.to_string();
    };
    let Some(len) = xml[start..].find("/>") else {
        return xml.to_string();
    };
    let attributes = &xml[start + 2..start + len];
    format!(
        "{}<c{attributes} t=\"inlineStr\"><is><t>{text}</t></is></c>{}",
        &xml[..start],
        &xml[start + len + 2..]
    )
}

#[test]
fn a_filled_in_xlsx_template_is_read_back() -> TestResult {
    let template = template_xlsx("Năm 2021", &template_rows())?;
    let filled = edit_sheet(&template, |xml| {
        TYPED
            .iter()
            .fold(xml.to_string(), |xml, (line, column, text)| {
                let cell = format!("{}{line}", char::from(b'A' + *column as u8));
                type_into(&xml, &cell, text)
            })
    })?;
    let rows = read_as(FileKind::Xlsx, &filled, &typed_rows())?;
    assert_eq!(rows[1].figure.note.as_deref(), Some("Ước tính"));
    Ok(())
}
