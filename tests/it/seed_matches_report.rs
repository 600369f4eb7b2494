//! The seed data must be the report, the whole report and nothing but the report:
//! every seeded figure stands verbatim in the source text, and every number of the
//! report's body is either seeded or listed here as not a figure (dates, document
//! numbers, names).

use resolution_dashboard::domain::VnDecimal;
use resolution_dashboard::ingest::seed::{BUILTIN_SEED, SeedFigure, SeedFile};

const REPORT: &str = include_str!("../../seed/source/bao-cao-ket-qua-nhiem-ky-2015-2020.txt");

/// Pieces of the report whose digits are not indicator figures, with why.
const NOT_FIGURES: &[&str] = &[
    "nhiệm kỳ 2015 - 2020",                                // the term's name
    "nhiệm kỳ 2015 – 2020",                                // the term's name
    "nhiệm kỳ 2015-2020",                                  // the term's name
    "Kế hoạch số 2199/KH-UBND ngày 21/5/2013",             // a document number and date
    "Chương trình hành động số 22-CTr/TU ngày 07/02/2013", // a document number and date
    "Nghị quyết số 20-NQ/TW ngày 01/11/2012",              // a document number and date
    "Nghị quyết số 03-NQ/TU",                              // a document number
    "giai đoạn 2015 - 2020",                               // a programme's period
    "giai đoạn 2013 – 2020",                               // a project's period
    "công cụ cải tiến 5S",                                 // the name of a method
    "ISO 9001, ISO 22000",                                 // names of standards
    "Covid-19",                                            // a disease's name
    "Nghị quyết Trung ương 4 (khoá XII)",                  // a resolution's name
    "Chỉ thị số 05-CT/TW",                                 // a document number
];

/// Numbers written as words in the report that are not indicator figures, with why.
/// ("năm" is left out of the word list: in the report it always means "year".)
const WORDS_NOT_FIGURES: &[&str] = &[
    "giá một số nông sản",                // "some farm products"
    "nhận thức của một số ngành",         // "some sectors"
    "trở thành một nội dung",             // "became a part of"
    "Hai đoàn thể phát huy", // the office's two mass organisations (its trade union and youth union) named, not a result
    "Chương trình “Mỗi xã một sản phẩm”", // a programme's name (OCOP)
    "một số doanh nghiệp khởi nghiệp", // "some start-ups"
    "hình thành một số tổ chức", // "some organisations"
    "Một là,",               // the six lessons, counted as XD-01 (06 bài học)
    "Hai là,",
    "Ba là,",
    "Bốn là,",
    "Năm là,",
    "Sáu là,",
];

/// Vietnamese number words (one to ten, hundred, thousand, million, billion).
const NUMBER_WORDS: &[&str] = &[
    "một", "hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười", "trăm", "nghìn", "ngàn",
    "triệu", "tỷ", "tỉ", "chục",
];

fn body() -> &'static str {
    // What follows "Tin tức khác" is the website's list of other news, not the report.
    REPORT
        .split("Tin tức khác cùng chuyên mục")
        .next()
        .unwrap_or(REPORT)
}

fn seeded_figures(seed: &SeedFile) -> Vec<(&str, &SeedFigure)> {
    seed.indicators
        .iter()
        .flat_map(|i| {
            i.values
                .iter()
                .chain(i.target.iter())
                .map(move |f| (i.code.as_str(), f))
        })
        .collect()
}

/// Digits of `written` with the leading zeros the report uses ("09") removed.
fn written_number(written: &str) -> Option<VnDecimal> {
    let digits: String = written
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .collect();
    VnDecimal::parse(&digits).ok()
}

#[test]
fn every_seeded_figure_is_quoted_verbatim_from_the_report() {
    let seed = SeedFile::parse(BUILTIN_SEED).expect("seed parses");
    let figures = seeded_figures(&seed);
    assert!(
        figures.len() >= 25,
        "expected the report's figures, found {}",
        figures.len()
    );
    for (code, f) in figures {
        assert!(
            body().contains(&f.quote),
            "{code}: quote not found verbatim in the report: {:?}",
            f.quote
        );
        assert!(
            f.quote.contains(&f.written),
            "{code}: {:?} does not stand in its quote",
            f.written
        );
        let value = VnDecimal::from_canonical(&f.value).expect("canonical value");
        assert_eq!(
            written_number(&f.written),
            Some(value),
            "{code}: value {} differs from the written {:?}",
            f.value,
            f.written
        );
        let more_than = f.qualifier.as_deref() == Some("more_than");
        assert_eq!(
            f.written.starts_with("trên "),
            more_than,
            "{code}: qualifier must follow the wording"
        );
    }
}

#[test]
fn every_number_in_the_report_is_seeded_or_explained() {
    let seed = SeedFile::parse(BUILTIN_SEED).expect("seed parses");
    let text = body();
    let mut covered = vec![false; text.len()];
    let mut mark = |start: usize, piece: &str| {
        for (i, c) in piece.char_indices() {
            if c.is_ascii_digit() {
                covered[start + i] = true;
            }
        }
    };
    for piece in NOT_FIGURES {
        assert!(
            text.contains(piece),
            "exclusion {piece:?} is not in the report"
        );
        for (at, _) in text.match_indices(piece) {
            mark(at, piece);
        }
    }
    for (_, f) in seeded_figures(&seed) {
        for (quote_at, _) in text.match_indices(f.quote.as_str()) {
            for (offset, _) in f.quote.match_indices(f.written.as_str()) {
                mark(quote_at + offset, &f.written);
            }
        }
    }
    let missing: Vec<String> = text
        .char_indices()
        .filter(|(i, c)| c.is_ascii_digit() && !covered[*i])
        .map(|(i, _)| text[i.saturating_sub(40)..(i + 20).min(text.len())].to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "numbers in the report that the seed does not hold: {missing:#?}"
    );
}

#[test]
fn every_number_written_in_words_is_seeded_or_explained() {
    let seed = SeedFile::parse(BUILTIN_SEED).expect("seed parses");
    let text = body();
    let mut covered = vec![false; text.len()];
    let mut mark = |start: usize, len: usize| covered[start..start + len].fill(true);
    for piece in WORDS_NOT_FIGURES {
        assert!(
            text.contains(piece),
            "exclusion {piece:?} is not in the report"
        );
        for (at, _) in text.match_indices(piece) {
            mark(at, piece.len());
        }
    }
    for (_, f) in seeded_figures(&seed) {
        for (quote_at, _) in text.match_indices(f.quote.as_str()) {
            for (offset, _) in f.quote.match_indices(f.written.as_str()) {
                mark(quote_at + offset, f.written.len());
            }
        }
    }
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    let missing: Vec<String> = words
        .into_iter()
        .filter(|(at, w)| NUMBER_WORDS.contains(&w.to_lowercase().as_str()) && !covered[*at])
        .map(|(at, _)| text[at..].chars().take(40).collect::<String>())
        .collect();
    assert!(
        missing.is_empty(),
        "numbers in words that the seed does not hold: {missing:#?}"
    );
}
