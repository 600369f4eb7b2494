//! Import files: broken workbooks, zip bombs, CSV in the wrong shape.

use super::{Case, Ctx, Expect, Req, TOO_LARGE, case};
use std::io::Write;

const HEADER: &str =
    "Mã chỉ tiêu;Tên chỉ tiêu;Đơn vị;Năm trước;Giá trị;Mức độ;Ghi chú;Tài liệu nguồn;Trích dẫn";

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in entries {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("zip entry");
        w.write_all(data).expect("zip write");
    }
    w.finish().expect("zip").into_inner()
}

fn upload(ctx: &Ctx, file_name: &str, bytes: Vec<u8>) -> Req {
    Req::Upload {
        path: format!("/import/{}/2021", ctx.term),
        file_name: file_name.to_string(),
        bytes,
    }
}

/// The phrases an import refusal starts with (import.* and import_problem.* keys).
const REFUSED: &[&str] = &[
    "Tệp quá lớn",
    "Tệp không có số liệu",
    "Không đọc được tệp",
    "Hệ thống chỉ nhận tệp",
    "Chưa nhập được tệp vì có",
    "Dòng tiêu đề của tệp thiếu",
    "Tệp có cột không thuộc mẫu",
    "Các cột của tệp không đúng mẫu",
];

pub async fn imports(ctx: &Ctx) -> Vec<Case> {
    let template = ctx
        .editor
        .client
        .get(format!(
            "{}/import/{}/2021/template.xlsx",
            ctx.editor.base, ctx.term
        ))
        .send()
        .await
        .expect("template")
        .bytes()
        .await
        .expect("template bytes")
        .to_vec();
    assert!(template.starts_with(b"PK"), "the XLSX template downloads");
    let mut cases = Vec::new();
    for (label, cut) in [
        ("truncated XLSX (half)", template.len() / 2),
        ("truncated XLSX (10 bytes)", 10),
        (
            "truncated XLSX (all but the end record)",
            template.len() - 22,
        ),
    ] {
        cases.push(case(
            format!("import: {label}"),
            upload(ctx, "so-lieu.xlsx", template[..cut].to_vec()),
            Expect::Vi(REFUSED),
        ));
    }
    let mut flipped = template.clone();
    for b in flipped.iter_mut().skip(200).step_by(97) {
        *b ^= 0x5a;
    }
    cases.push(case(
        "import: XLSX with flipped bytes",
        upload(ctx, "so-lieu.xlsx", flipped),
        Expect::Vi(REFUSED),
    ));
    let bomb = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("xl/workbook.xml", b"<workbook/>"),
        ("xl/worksheets/sheet1.xml", &vec![b' '; 60 * 1024 * 1024]),
    ]);
    cases.push(case(
        "import: zip bomb (60 MB sheet)",
        upload(ctx, "so-lieu.xlsx", bomb),
        Expect::Vi(TOO_LARGE),
    ));
    let many = zip_of(
        &(0..2000)
            .map(|_| ("x", b"".as_slice()))
            .enumerate()
            .map(|(i, (_, d))| (Box::leak(format!("f{i}.xml").into_boxed_str()) as &str, d))
            .collect::<Vec<_>>(),
    );
    cases.push(case(
        "import: zip with 2000 entries",
        upload(ctx, "so-lieu.xlsx", many),
        Expect::Vi(REFUSED),
    ));
    cases.push(case(
        "import: a zip that is not a workbook",
        upload(ctx, "so-lieu.xlsx", zip_of(&[("hello.txt", b"hi")])),
        Expect::Vi(REFUSED),
    ));
    let random: Vec<u8> = (0u32..50_000)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    for (label, name, bytes) in [
        ("random bytes named .xlsx", "so-lieu.xlsx", random.clone()),
        ("random bytes named .csv", "so-lieu.csv", random.clone()),
        ("random bytes without a name", "", random.clone()),
        (
            "PDF named .xlsx",
            "so-lieu.xlsx",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec(),
        ),
        ("old XLS (OLE) named .xls", "so-lieu.xls", {
            let mut v = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
            v.extend(vec![0u8; 4000]);
            v
        }),
        ("an empty file", "so-lieu.csv", Vec::new()),
        ("an executable name", "so-lieu.exe", b"MZ\x90\x00".to_vec()),
    ] {
        cases.push(case(
            format!("import: {label}"),
            upload(ctx, name, bytes),
            Expect::Vi(REFUSED),
        ));
    }
    let row = "NV-01;;;;23;;;;";
    let csv = |s: String| s.into_bytes();
    for (label, text) in [
        (
            "CSV with pipes",
            format!("{}\n{}\n", HEADER.replace(';', "|"), row.replace(';', "|")),
        ),
        ("CSV with a header only", format!("{HEADER}\n")),
        ("CSV without a header", format!("{row}\n")),
        (
            "CSV with an unknown code",
            format!("{HEADER}\nXX-99;;;;23;;;;\n"),
        ),
        (
            "CSV with a repeated code",
            format!("{HEADER}\n{row}\n{row}\n"),
        ),
        (
            "CSV with a code of another term only",
            format!("{HEADER}\nzz;;;;23;;;;\n"),
        ),
        (
            "CSV with a formula",
            format!("{HEADER}\nNV-01;;;;=1+1;;;;\n"),
        ),
        ("CSV value 1e400", format!("{HEADER}\nNV-01;;;;1e400;;;;\n")),
        ("CSV value NaN", format!("{HEADER}\nNV-01;;;;NaN;;;;\n")),
        ("CSV value ∞", format!("{HEADER}\nNV-01;;;;∞;;;;\n")),
        (
            "CSV value fullwidth",
            format!("{HEADER}\nNV-01;;;;１２３;;;;\n"),
        ),
        (
            "CSV value Arabic-Indic",
            format!("{HEADER}\nNV-01;;;;١٢٣;;;;\n"),
        ),
        ("CSV negative count", format!("{HEADER}\nNV-01;;;;-5;;;;\n")),
        (
            "CSV value 400 digits",
            format!("{HEADER}\nNV-01;;;;{};;;;\n", "9".repeat(400)),
        ),
        (
            "CSV unknown qualifier",
            format!("{HEADER}\nNV-01;;;;23;có lẽ;;;\n"),
        ),
        (
            "CSV cell of 1 MB",
            format!("{HEADER}\nNV-01;;;;23;;{};;\n", "a".repeat(1_000_000)),
        ),
        (
            "CSV unbalanced quote",
            format!("{HEADER}\nNV-01;;;;\"23;;;;\n"),
        ),
        (
            "CSV with a null byte",
            format!("{HEADER}\nNV-01;;;;2\u{0}3;;;;\n"),
        ),
    ] {
        cases.push(case(
            format!("import: {label}"),
            upload(ctx, "so-lieu.csv", csv(text)),
            Expect::Vi(REFUSED),
        ));
    }
    // Read correctly, as the importer means to: the delimiter is guessed from the
    // header, English headers are known, a formula-looking note is text, empty
    // cells past the last column are nothing. A preview; nothing is stored.
    for (label, text) in [
        (
            "CSV with commas",
            format!("{}\n{}\n", HEADER.replace(';', ","), row.replace(';', ",")),
        ),
        (
            "CSV with tabs",
            format!(
                "{}\n{}\n",
                HEADER.replace(';', "\t"),
                row.replace(';', "\t")
            ),
        ),
        (
            "CSV with BOM and English headers",
            "\u{feff}Code;Name;Value\nNV-01;x;23\n".to_string(),
        ),
        (
            "CSV with a DDE payload as a note",
            format!("{HEADER}\nNV-01;;;;23;;=cmd|' /C calc'!A0;;\n"),
        ),
        (
            "CSV with cells past the last column",
            format!("{HEADER}\nNV-01;;;;23;;;;;;;;;x\n"),
        ),
    ] {
        cases.push(case(
            format!("import: {label}"),
            upload(ctx, "so-lieu.csv", csv(text)),
            Expect::Accepted(&["1 dòng hợp lệ", "NV-01"]),
        ));
    }
    let mut latin1 = format!("{HEADER}\nNV-01;;;;23;;").into_bytes();
    latin1.extend(b"ghi ch\xfa;;\n");
    cases.push(case(
        "import: invalid UTF-8 CSV",
        upload(ctx, "so-lieu.csv", latin1),
        Expect::Vi(REFUSED),
    ));
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            format!("{HEADER}\n{row}\n")
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    cases.push(case(
        "import: UTF-16 CSV",
        upload(ctx, "so-lieu.csv", utf16),
        Expect::Vi(REFUSED),
    ));
    cases.push(case(
        "import: a file over the size limit",
        upload(ctx, "so-lieu.csv", vec![b'a'; 3 * 1024 * 1024]),
        Expect::Vi(TOO_LARGE),
    ));
    cases.push(case(
        "import: an upload that is not multipart",
        Req::Raw {
            who: super::Who::Editor,
            method: reqwest::Method::POST,
            path: format!("/import/{}/2021", ctx.term),
            content_type: Some("text/csv".into()),
            body: format!("{HEADER}\n{row}\n").into_bytes(),
        },
        Expect::Vi(super::BAD_FORM),
    ));
    cases.push(case(
        "import: an upload without a CSRF token",
        Req::Raw {
            who: super::Who::Editor,
            method: reqwest::Method::POST,
            path: format!("/import/{}/2021", ctx.term),
            content_type: Some("multipart/form-data; boundary=XX".into()),
            body: b"--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nx\r\n--XX--\r\n".to_vec(),
        },
        Expect::Vi(super::CSRF),
    ));
    cases.push(case(
        "import: a multipart body cut short",
        Req::Raw {
            who: super::Who::Editor,
            method: reqwest::Method::POST,
            path: format!("/import/{}/2021", ctx.term),
            content_type: Some("multipart/form-data; boundary=XX".into()),
            body: b"--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nx".to_vec(),
        },
        Expect::Vi(super::BAD_FORM),
    ));
    let confirm = format!("/import/{}/2021/confirm", ctx.term);
    let long = "a".repeat(3000);
    for (label, fields) in [
        (
            "confirm with a changed value",
            vec![("rows", "1"), ("code_0", "NV-01"), ("value_0", "abc")],
        ),
        (
            "confirm with an unknown code",
            vec![("rows", "1"), ("code_0", "ZZ-99"), ("value_0", "5")],
        ),
        (
            "confirm with a negative count",
            vec![("rows", "1"), ("code_0", "NV-01"), ("value_0", "-5")],
        ),
        ("confirm with rows abc", vec![("rows", "abc")]),
        ("confirm with rows 1e400", vec![("rows", "1e400")]),
        ("confirm with rows -1", vec![("rows", "-1")]),
        ("confirm with rows but none sent", vec![("rows", "3")]),
        (
            "confirm with a value 1e400",
            vec![("rows", "1"), ("code_0", "NV-01"), ("value_0", "1e400")],
        ),
        (
            "confirm with a NUL in a note",
            vec![
                ("rows", "1"),
                ("code_0", "NV-01"),
                ("value_0", "5"),
                ("n_0", "a\u{0}b"),
            ],
        ),
        (
            "confirm with a note of 3000 characters",
            vec![
                ("rows", "1"),
                ("code_0", "NV-01"),
                ("value_0", "5"),
                ("n_0", long.as_str()),
            ],
        ),
    ] {
        cases.push(case(
            format!("import: {label}"),
            super::form(super::Who::Editor, &confirm, &fields),
            Expect::Vi(&[
                "Dữ liệu xác nhận không khớp",
                "Biểu mẫu gửi lên không hợp lệ",
            ]),
        ));
    }
    cases
}
