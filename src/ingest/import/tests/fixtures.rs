//! Files built for the tests: CSV text, workbooks written with rust_xlsxwriter, zips.

use crate::domain::{Qualifier, UnitKind};
use crate::ingest::import::{
    FileKind, ImportFailure, ImportedRow, Known, ProblemKind, RowProblem, parse, parse_upload,
};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::io::{Cursor, Read, Write};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The indicators of the test term, one of each unit kind.
pub fn known() -> Known {
    Known::new([
        ("NV-01".to_string(), UnitKind::Count),
        ("NV-02".to_string(), UnitKind::Money),
        ("NV-03".to_string(), UnitKind::Percent),
        ("NV-04".to_string(), UnitKind::PercentPerYear),
    ])
}

/// The template's header, in order.
pub const HEADER: [&str; 9] = [
    "Mã chỉ tiêu",
    "Tên chỉ tiêu",
    "Đơn vị",
    "Năm trước",
    "Giá trị",
    "Mức độ",
    "Ghi chú",
    "Tài liệu nguồn",
    "Trích dẫn",
];

/// A CSV file with the template header and the given lines, ";"-separated.
pub fn csv_with(lines: &[&str]) -> Vec<u8> {
    let mut text = HEADER.join(";");
    for line in lines {
        text.push_str("\r\n");
        text.push_str(line);
    }
    text.into_bytes()
}

/// A cell of a test workbook.
#[derive(Debug, Clone, Copy)]
pub enum X<'a> {
    T(&'a str),
    N(f64),
    /// A number shown with the "0%" format.
    Pct(f64),
    F(&'a str),
    /// A date serial shown as a date.
    Date(f64),
    Blank,
}

/// A workbook whose first sheet holds `rows` from A1.
pub fn xlsx(rows: &[Vec<X<'_>>]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let percent = Format::new().set_num_format("0%");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (r, row) in (0u32..).zip(rows) {
        for (c, cell) in (0u16..).zip(row) {
            match *cell {
                X::T(s) => sheet.write_string(r, c, s).map(|_| ())?,
                X::N(n) => sheet.write_number(r, c, n).map(|_| ())?,
                X::Pct(n) => sheet
                    .write_number_with_format(r, c, n, &percent)
                    .map(|_| ())?,
                X::F(f) => sheet.write_formula(r, c, f).map(|_| ())?,
                X::Date(n) => sheet.write_number_with_format(r, c, n, &date).map(|_| ())?,
                X::Blank => {}
            }
        }
    }
    // A second sheet that must be ignored.
    book.add_worksheet().write_string(0, 0, "bỏ qua")?;
    book.save_to_buffer()
}

/// The header row as workbook cells.
pub fn xlsx_header() -> Vec<X<'static>> {
    HEADER.iter().map(|h| X::T(h)).collect()
}

/// A template row of a workbook with only a code and a value cell.
pub fn xlsx_value_row<'a>(code: &'a str, value: X<'a>) -> Vec<X<'a>> {
    vec![X::T(code), X::Blank, X::Blank, X::Blank, value]
}

/// A zip whose entries are `(name, content)`, deflated.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        w.start_file(*name, zip::write::SimpleFileOptions::default())?;
        w.write_all(data)?;
    }
    Ok(w.finish()?.into_inner())
}

/// A zip's entries: (name, content), in order.
pub type Entries = Vec<(String, Vec<u8>)>;

/// The entries of a zip, in order.
pub fn unzip(bytes: &[u8]) -> Result<Entries, Box<dyn std::error::Error>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i)?;
        let mut data = Vec::new();
        entry.read_to_end(&mut data)?;
        out.push((entry.name()?.to_string(), data));
    }
    Ok(out)
}

/// The workbook with `edit` applied to its first sheet's XML, as a clerk's Excel
/// would save it after typing into the cells.
pub fn edit_sheet(
    bytes: &[u8],
    edit: impl Fn(&str) -> String,
) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let entries = unzip(bytes)?;
    let edited: Vec<(String, Vec<u8>)> = entries
        .into_iter()
        .map(|(name, data)| {
            if name == "xl/worksheets/sheet1.xml" {
                let xml = String::from_utf8_lossy(&data).into_owned();
                (name, edit(&xml).into_bytes())
            } else {
                (name, data)
            }
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = edited
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    zip_of(&refs)
}

/// A bad file and the failure the clerk must see.
pub struct Case {
    pub name: &'static str,
    pub file_name: &'static str,
    pub bytes: Vec<u8>,
    pub expected: ImportFailure,
}

pub fn case(
    name: &'static str,
    file_name: &'static str,
    bytes: Vec<u8>,
    expected: ImportFailure,
) -> Case {
    Case {
        name,
        file_name,
        bytes,
        expected,
    }
}

/// Runs each case through `parse_upload`, as an upload handler calls it.
pub fn assert_refused(cases: Vec<Case>) {
    for c in cases {
        let got = parse_upload(c.file_name, &c.bytes, &known());
        assert_eq!(got, Err(c.expected), "case: {}", c.name);
    }
}

pub fn problem(
    line: usize,
    code: Option<&str>,
    kind: ProblemKind,
    text: Option<&str>,
) -> RowProblem {
    RowProblem {
        line,
        code: code.map(str::to_string),
        kind,
        text: text.map(str::to_string),
    }
}

/// What is checked of each row read: (line, code, canonical value, qualifier).
pub type Summary = (usize, String, String, Qualifier);

/// The [`Summary`] of each row read.
pub fn summary(rows: &[ImportedRow]) -> Vec<Summary> {
    rows.iter()
        .map(|r| {
            (
                r.line,
                r.code.to_string(),
                r.figure.value.canonical(),
                r.figure.qualifier,
            )
        })
        .collect()
}

/// The [`Summary`] a row must have.
pub fn row(line: usize, code: &str, value: &str, q: Qualifier) -> Summary {
    (line, code.into(), value.into(), q)
}

/// Reads `file` as `kind` against [`known`] and checks the [`Summary`] of every row
/// read; the rows, for what else a test checks of them.
pub fn read_as(
    kind: FileKind,
    file: &[u8],
    expected: &[Summary],
) -> Result<Vec<ImportedRow>, ImportFailure> {
    let rows = parse(kind, file, &known())?;
    assert_eq!(summary(&rows), expected);
    Ok(rows)
}

/// A template CSV row with only a code and a value.
pub fn value_row(code: &str, value: &str) -> String {
    format!("{code};;;;{value};;;;")
}
