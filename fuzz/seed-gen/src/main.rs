//! The seed corpus: a few numbers written the Vietnamese way, small CSV files and
//! small workbooks shaped like the import template (filled in, with the mistakes
//! clerks make), and the same workbooks split into their XML parts.

use rust_xlsxwriter::{Format, Formula, Workbook, XlsxError};
use std::fs;
use std::io::Read;
use std::path::Path;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const HEADER: [&str; 9] = [
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

/// Must match `resolution_dashboard_fuzz::XLSX_PARTS` and `PART_SEPARATOR`.
const XLSX_PARTS: [&str; 7] = [
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/worksheets/sheet1.xml",
    "xl/sharedStrings.xml",
    "xl/styles.xml",
];
const PART_SEPARATOR: &[u8] = b"\n\0\n";

const NUMBERS: [&str; 16] = [
    "1.234,5",
    "15,5",
    "20%",
    " 20 % ",
    "-3",
    "1234.5",
    "0.123",
    "1.234.567,89",
    "0,000001",
    "999.999.999.999.999,999999",
    "+7",
    "1.234.5",
    "1,234.5",
    "1e5",
    "12,",
    "-0",
];

fn csv(lines: &[&str], sep: &str) -> Vec<u8> {
    let mut text = HEADER.join(sep);
    for line in lines {
        text.push_str("\r\n");
        text.push_str(line);
    }
    text.into_bytes()
}

fn csv_files() -> Vec<(&'static str, Vec<u8>)> {
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend(csv(
        &[
            "NV-01;;;;101;;;;",
            "NV-02;;;;1.234,5;khoảng;ghi chú;NQ 01;\"trích \"\"dẫn\"\"\"",
        ],
        ";",
    ));
    vec![
        ("valid_semicolon_bom.csv", with_bom),
        (
            "valid_comma.csv",
            csv(&["NV-01,,,,7,,,,", "NV-03,,,,\"15,5\",trên,,,"], ","),
        ),
        ("sep_line_tab.csv", {
            let mut t = b"sep=\t\r\n".to_vec();
            t.extend(csv(&["NV-04\t\t\t\t20%\tít nhất\t\t\t"], "\t"));
            t
        }),
        (
            "row_problems.csv",
            csv(
                &[
                    "NV-01;;;;-1;;;;",
                    "NV-99;;;;5;;;;",
                    "NV-02;;;;=A1+1;;;;",
                    "NV-02;;;;1,2,3;gần;;;",
                    ";;;;4;;;;",
                    "\"NV-03\n\";;;;5000%;;;;",
                ],
                ";",
            ),
        ),
        (
            "english_header.csv",
            b"Code,Value,Qualifier,Note\nnv-01,3,exact,x\n".to_vec(),
        ),
        ("wrong_columns.csv", b"Ma;Gia tri\nNV-01;1\n".to_vec()),
    ]
}

fn workbook(rows: &[Vec<Cell>]) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let percent = Format::new().set_num_format("0%");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::T(t) => {
                    sheet.write_string(r, c, *t)?;
                }
                Cell::N(n) => {
                    sheet.write_number(r, c, *n)?;
                }
                Cell::Pct(n) => {
                    sheet.write_number_with_format(r, c, *n, &percent)?;
                }
                Cell::Date(n) => {
                    sheet.write_number_with_format(r, c, *n, &date)?;
                }
                Cell::F(f) => {
                    sheet.write_formula(r, c, Formula::new(*f).set_result("3"))?;
                }
                Cell::B(b) => {
                    sheet.write_boolean(r, c, *b)?;
                }
                Cell::Blank => {}
            }
        }
    }
    book.save_to_buffer()
}

enum Cell {
    T(&'static str),
    N(f64),
    Pct(f64),
    Date(f64),
    F(&'static str),
    B(bool),
    Blank,
}

fn header() -> Vec<Cell> {
    HEADER.iter().map(|h| Cell::T(h)).collect()
}

fn row(code: &'static str, value: Cell, rest: [&'static str; 4]) -> Vec<Cell> {
    let mut r = vec![
        Cell::T(code),
        Cell::T("Tên"),
        Cell::T("nhiệm vụ"),
        Cell::Blank,
        value,
    ];
    r.extend(rest.into_iter().map(|t| {
        if t.is_empty() {
            Cell::Blank
        } else {
            Cell::T(t)
        }
    }));
    r
}

fn xlsx_files() -> std::result::Result<Vec<(&'static str, Vec<u8>)>, XlsxError> {
    Ok(vec![
        (
            "valid.xlsx",
            workbook(&[
                header(),
                row("NV-01", Cell::N(3.0), ["", "", "", ""]),
                row(
                    "NV-02",
                    Cell::T("1.234,5"),
                    ["khoảng", "ghi chú", "NQ 01", "trích"],
                ),
                row("NV-03", Cell::Pct(0.255), ["trên", "", "", ""]),
                row("NV-04", Cell::N(0.1), ["", "", "", ""]),
            ])?,
        ),
        (
            "row_problems.xlsx",
            workbook(&[
                header(),
                row("NV-01", Cell::F("=1+2"), ["", "", "", ""]),
                row("NV-02", Cell::Date(44_270.0), ["", "", "", ""]),
                row("NV-03", Cell::B(true), ["gần", "", "", ""]),
                row("NV-09", Cell::N(1e16), ["", "", "", ""]),
                row("NV-01", Cell::N(-2.5), ["", "", "", ""]),
            ])?,
        ),
    ])
}

fn parts(workbook: &[u8]) -> Result<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(workbook))?;
    let mut out = Vec::new();
    for (i, name) in XLSX_PARTS.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(PART_SEPARATOR);
        }
        if let Ok(mut entry) = archive.by_name(name) {
            entry.read_to_end(&mut out)?;
        }
    }
    Ok(out)
}

fn write(dir: &str, name: &str, bytes: &[u8]) -> Result<()> {
    let dir = Path::new("corpus").join(dir);
    fs::create_dir_all(&dir)?;
    fs::write(dir.join(name), bytes)?;
    Ok(())
}

fn main() -> Result<()> {
    for (i, n) in NUMBERS.iter().enumerate() {
        write("number_parse", &format!("seed-{i:02}"), n.as_bytes())?;
    }
    for (name, bytes) in csv_files() {
        write("import_csv", name, &bytes)?;
    }
    for (name, bytes) in xlsx_files()? {
        write("import_xlsx", name, &bytes)?;
        write(
            "import_xlsx_parts",
            &format!("{name}.parts"),
            &parts(&bytes)?,
        )?;
    }
    Ok(())
}
