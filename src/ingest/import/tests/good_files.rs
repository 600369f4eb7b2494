//! Files a clerk fills in correctly are read into exact figures.

use super::fixtures::{
    TestResult, X, csv_with, known, read_as, row, summary, xlsx, xlsx_header, xlsx_value_row,
};
use crate::domain::{Qualifier, VnDecimal};
use crate::ingest::import::{FileKind, parse, parse_upload};

#[test]
fn a_good_csv_is_read_into_exact_figures_with_notes_and_sources() -> TestResult {
    let file = csv_with(&[
        "NV-01;Số nhiệm vụ;nhiệm vụ;9;12;;Đã nghiệm thu;Báo cáo 12-BC/ĐU;\"Hoàn thành 12 nhiệm vụ; vượt kế hoạch\"",
        "NV-02;Vốn;tỷ đồng;1.000;1.234,5;trên;;;",
        "NV-03;Tỷ lệ;%;;20%;khoảng;;;",
        "NV-04;Tăng trưởng;%/năm;;;;chưa có số liệu;;",
        "nv-04 ;Tăng trưởng;%/năm;;0,5;ít nhất;;;",
    ]);
    let rows = read_as(
        FileKind::Csv,
        &file,
        &[
            row(2, "NV-01", "12", Qualifier::Exact),
            row(3, "NV-02", "1234.5", Qualifier::MoreThan),
            row(4, "NV-03", "20", Qualifier::About),
            row(6, "NV-04", "0.5", Qualifier::AtLeast),
        ],
    )?;
    assert_eq!(rows[0].figure.note.as_deref(), Some("Đã nghiệm thu"));
    assert_eq!(
        rows[0].figure.source_document.as_deref(),
        Some("Báo cáo 12-BC/ĐU")
    );
    assert_eq!(
        rows[0].figure.quote.as_deref(),
        Some("Hoàn thành 12 nhiệm vụ; vượt kế hoạch")
    );
    assert_eq!(rows[1].figure.note, None);
    assert_eq!(rows[1].figure.value, VnDecimal::from_canonical("1234.5")?);
    Ok(())
}

#[test]
fn a_csv_is_read_whichever_separator_the_spreadsheet_saved_it_with() -> TestResult {
    // (how it was saved, the file, what must be read)
    let cases = [
        (
            "commas, with a BOM",
            "\u{FEFF}Mã chỉ tiêu,Giá trị,Mức độ\r\nNV-02,\"1.234,5\",\r\nNV-03,\"15,5\",trên\r\n",
            vec![
                row(2, "NV-02", "1234.5", Qualifier::Exact),
                row(3, "NV-03", "15.5", Qualifier::MoreThan),
            ],
        ),
        (
            "semicolons, as Vietnamese Excel saves it",
            "Mã chỉ tiêu;Tên chỉ tiêu;Giá trị\nNV-02;Vốn, nguồn;1.234,5\n",
            vec![row(2, "NV-02", "1234.5", Qualifier::Exact)],
        ),
        (
            "tabs",
            "Code\tValue\tQualifier\nNV-01\t7\tat least\n",
            vec![row(2, "NV-01", "7", Qualifier::AtLeast)],
        ),
    ];
    for (saved, text, expected) in cases {
        let rows = parse(FileKind::Csv, text.as_bytes(), &known())?;
        assert_eq!(summary(&rows), expected, "saved with {saved}");
    }
    Ok(())
}

#[test]
fn a_good_xlsx_is_read_with_numeric_cells_taken_exactly() -> TestResult {
    let mut more_than_with_a_note = xlsx_value_row("NV-02", X::T("1.234,5"));
    more_than_with_a_note.extend([X::T("Trên"), X::T("ghi chú")]);
    let file = xlsx(&[
        xlsx_header(),
        vec![
            X::T("NV-01"),
            X::T("Số nhiệm vụ"),
            X::T("nhiệm vụ"),
            X::Blank,
            X::N(12.0),
        ],
        more_than_with_a_note,
        xlsx_value_row("NV-03", X::N(0.1)),
        xlsx_value_row("NV-04", X::T("20%")),
    ])?;
    let rows = parse_upload("so-lieu-2021.xlsx", &file, &known())?;
    assert_eq!(
        summary(&rows),
        vec![
            row(2, "NV-01", "12", Qualifier::Exact),
            row(3, "NV-02", "1234.5", Qualifier::MoreThan),
            row(4, "NV-03", "0.1", Qualifier::Exact),
            row(5, "NV-04", "20", Qualifier::Exact),
        ]
    );
    assert_eq!(rows[1].figure.note.as_deref(), Some("ghi chú"));
    Ok(())
}

#[test]
fn a_percent_formatted_xlsx_cell_is_the_percentage_shown() -> TestResult {
    let file = xlsx(&[
        vec![X::T("Mã chỉ tiêu"), X::T("Giá trị")],
        vec![X::T("NV-03"), X::Pct(0.2)],
        vec![X::T("NV-04"), X::Pct(0.075)],
    ])?;
    read_as(
        FileKind::Xlsx,
        &file,
        &[
            row(2, "NV-03", "20", Qualifier::Exact),
            row(3, "NV-04", "7.5", Qualifier::Exact),
        ],
    )?;
    Ok(())
}

#[test]
fn xlsx_line_numbers_are_excel_rows_even_below_blank_rows() -> TestResult {
    let file = xlsx(&[
        vec![],
        vec![X::T("Mã chỉ tiêu"), X::T("Giá trị")],
        vec![],
        vec![X::T("NV-01"), X::N(3.0)],
    ])?;
    read_as(
        FileKind::Xlsx,
        &file,
        &[row(4, "NV-01", "3", Qualifier::Exact)],
    )?;
    Ok(())
}

#[test]
fn a_date_typed_in_a_note_cell_is_kept_as_the_date_shown() -> TestResult {
    let file = xlsx(&[
        vec![X::T("Mã chỉ tiêu"), X::T("Giá trị"), X::T("Ghi chú")],
        vec![X::T("NV-01"), X::N(3.0), X::Date(44_270.0)],
    ])?;
    let rows = parse(FileKind::Xlsx, &file, &known())?;
    assert_eq!(rows[0].figure.note.as_deref(), Some("15/03/2021"));
    Ok(())
}

#[test]
fn a_note_at_the_length_limit_is_kept_whole_even_with_spaces_around_it() -> TestResult {
    let note = "ă".repeat(crate::ingest::import::MAX_TEXT_CHARS);
    let file = csv_with(&[&format!("NV-01;;;;3;;   {note}   ;;")]);
    let rows = parse(FileKind::Csv, &file, &known())?;
    assert_eq!(rows[0].figure.note.as_deref(), Some(note.as_str()));
    Ok(())
}
