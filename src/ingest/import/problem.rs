//! Why an uploaded file is refused: either the whole file (wrong kind, too large, wrong
//! columns) or a list of every problem in its rows, so the clerk can fix them all in
//! one go instead of uploading again for each mistake. Texts live in the locale files;
//! this module only names the message and its placeholders (the texts are in `src/i18n/*.toml`, under `[import]`).

use super::columns::Column;
use super::{MAX_BYTES, MAX_TEXT_CHARS, MAX_UNPACKED_BYTES};
use crate::domain::{NumberError, UnitKind};

/// The whole file is refused. The `Display` text is for logs; people see the
/// localised message of [`ImportFailure::message_key`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportFailure {
    /// Over [`MAX_BYTES`], or its content once unpacked is too large.
    #[error("file too large")]
    TooLarge,
    /// No figures at all: an empty file, a header without rows, or no row with a value.
    #[error("no figures in the file")]
    Empty,
    /// A CSV file that is not UTF-8 (e.g. saved as "CSV (Comma delimited)" in Windows-1258).
    #[error("csv file is not utf-8")]
    NotUtf8,
    /// Not a readable .xlsx workbook (damaged, password-protected, another format renamed).
    #[error("not a readable xlsx workbook")]
    NotXlsx,
    /// Neither CSV nor .xlsx (e.g. an old .xls file); see [`super::detect`].
    #[error("unsupported kind of file")]
    UnsupportedKind,
    /// The header row lacks required columns or has columns we do not know.
    #[error("wrong columns: missing {missing:?}, unexpected {unexpected:?}")]
    WrongColumns {
        missing: Vec<String>,
        unexpected: Vec<String>,
    },
    /// Every row problem found, in line order.
    #[error("{} problems in the rows", .0.len())]
    Rows(Vec<RowProblem>),
}

/// One problem in one row; `line` is the row number Excel shows (the header is line 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub line: usize,
    /// The indicator code as written in the row (shortened), when there is one.
    pub code: Option<String>,
    pub kind: ProblemKind,
    /// The offending cell as written (shortened), for number and qualifier problems.
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The code is not an indicator of this term.
    UnknownCode,
    /// The same code appears again; `first_line` is where it was first seen.
    DuplicateCode { first_line: usize },
    /// The value is not a number we accept.
    Number(NumberError),
    /// The number does not fit the indicator's unit (a negative count, 5000%).
    OutOfRange { unit: UnitKind },
    /// A percentage ("20%", or a cell Excel shows as one) for a unit that is not.
    PercentSign,
    /// A formula where a plain value is expected.
    Formula { column: Column },
    /// The qualifier is none of the accepted words.
    BadQualifier(String),
    /// A value without an indicator code.
    CodeMissing,
    /// A text field longer than [`MAX_TEXT_CHARS`].
    TextTooLong { column: Column },
    /// Excel turned the value into a date (typed into a cell not formatted as text).
    DateCell,
}

fn mb(bytes: usize) -> String {
    (bytes / (1024 * 1024)).to_string()
}

impl ImportFailure {
    /// Key of the message in the locale files.
    pub fn message_key(&self) -> &'static str {
        match self {
            ImportFailure::TooLarge => "import.too_large",
            ImportFailure::Empty => "import.empty",
            ImportFailure::NotUtf8 => "import.not_utf8",
            ImportFailure::NotXlsx => "import.not_xlsx",
            ImportFailure::UnsupportedKind => "import.unsupported_kind",
            ImportFailure::WrongColumns {
                missing,
                unexpected,
            } => match (missing.is_empty(), unexpected.is_empty()) {
                (false, true) => "import.wrong_columns.missing",
                (true, false) => "import.wrong_columns.unexpected",
                _ => "import.wrong_columns.both",
            },
            ImportFailure::Rows(_) => "import.rows",
        }
    }

    /// Values of the message's placeholders.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ImportFailure::TooLarge => vec![
                ("max_mb", mb(MAX_BYTES)),
                ("unpacked_mb", mb(MAX_UNPACKED_BYTES)),
            ],
            ImportFailure::WrongColumns {
                missing,
                unexpected,
            } => vec![
                ("missing", quoted_list(missing.iter().map(String::as_str))),
                (
                    "unexpected",
                    quoted_list(unexpected.iter().map(String::as_str)),
                ),
                (
                    "expected",
                    quoted_list(Column::ALL.iter().map(|c| c.header())),
                ),
            ],
            ImportFailure::Rows(problems) => {
                let mut lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
                lines.dedup();
                vec![
                    ("count", problems.len().to_string()),
                    ("rows", lines.len().to_string()),
                ]
            }
            ImportFailure::Empty
            | ImportFailure::NotUtf8
            | ImportFailure::NotXlsx
            | ImportFailure::UnsupportedKind => Vec::new(),
        }
    }
}

/// «Mã chỉ tiêu», «Giá trị»: the guillemets keep a header with spaces readable.
fn quoted_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|s| format!("«{s}»"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl RowProblem {
    /// Key of the message in the locale files.
    pub fn message_key(&self) -> &'static str {
        match &self.kind {
            ProblemKind::UnknownCode => "import.row.unknown_code",
            ProblemKind::DuplicateCode { .. } => "import.row.duplicate_code",
            ProblemKind::Number(NumberError::Empty) => "import.row.number_empty",
            ProblemKind::Number(NumberError::NotANumber) => "import.row.not_a_number",
            ProblemKind::Number(NumberError::Ambiguous) => "import.row.ambiguous_number",
            ProblemKind::Number(NumberError::OutOfRange) => "import.row.number_too_large",
            ProblemKind::OutOfRange { unit } => match unit {
                UnitKind::Count => "import.row.out_of_range.count",
                UnitKind::Money => "import.row.out_of_range.money",
                UnitKind::Percent | UnitKind::PercentPerYear => "import.row.out_of_range.percent",
            },
            ProblemKind::Formula { .. } => "import.row.formula",
            ProblemKind::BadQualifier(_) => "import.row.bad_qualifier",
            ProblemKind::CodeMissing => "import.row.code_missing",
            ProblemKind::TextTooLong { .. } => "import.row.text_too_long",
            ProblemKind::DateCell => "import.row.date_cell",
            ProblemKind::PercentSign => "import.row.percent_sign",
        }
    }

    /// Values of the message's placeholders. Every row message gets `line` and `code`
    /// ("—" when the row has none), so a translator may use them anywhere.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let mut args = vec![
            ("line", self.line.to_string()),
            ("code", self.code.clone().unwrap_or_else(|| "—".to_string())),
        ];
        match &self.kind {
            ProblemKind::DuplicateCode { first_line } => {
                args.push(("first_line", first_line.to_string()));
            }
            ProblemKind::Number(_) | ProblemKind::OutOfRange { .. } | ProblemKind::PercentSign => {
                args.push(("text", self.text.clone().unwrap_or_default()));
            }
            ProblemKind::BadQualifier(text) => args.push(("text", text.clone())),
            ProblemKind::Formula { column } => args.push(("column", column.header().into())),
            ProblemKind::TextTooLong { column } => {
                args.push(("column", column.header().into()));
                args.push(("max", MAX_TEXT_CHARS.to_string()));
            }
            ProblemKind::UnknownCode | ProblemKind::CodeMissing | ProblemKind::DateCell => {}
        }
        args
    }
}
