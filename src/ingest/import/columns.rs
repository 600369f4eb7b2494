//! The columns of an import file and how a header row is recognised. Headers are
//! compared after trimming, Unicode NFC (a Mac or a web form may send "ê" decomposed)
//! and lower-casing, so "MÃ CHỈ TIÊU" and " mã chỉ tiêu " are the same column.

use super::ImportFailure;
use unicode_normalization::UnicodeNormalization;

/// A column of the template, in template order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Code,
    Name,
    Unit,
    Previous,
    Value,
    Qualifier,
    Note,
    SourceDocument,
    SourceQuote,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Code,
        Column::Name,
        Column::Unit,
        Column::Previous,
        Column::Value,
        Column::Qualifier,
        Column::Note,
        Column::SourceDocument,
        Column::SourceQuote,
    ];

    /// The Vietnamese header written in templates and named in messages.
    pub fn header(self) -> &'static str {
        match self {
            Column::Code => "Mã chỉ tiêu",
            Column::Name => "Tên chỉ tiêu",
            Column::Unit => "Đơn vị",
            Column::Previous => "Năm trước",
            Column::Value => "Giá trị",
            Column::Qualifier => "Mức độ",
            Column::Note => "Ghi chú",
            Column::SourceDocument => "Tài liệu nguồn",
            Column::SourceQuote => "Trích dẫn",
        }
    }

    /// Other headers accepted for the column (already normalised): English, and the
    /// short forms a clerk is likely to type.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Code => &["mã", "code", "indicator code"],
            Column::Name => &["tên", "name", "indicator", "indicator name"],
            Column::Unit => &["đơn vị tính", "unit"],
            Column::Previous => &["previous", "previous year", "last year"],
            Column::Value => &["số liệu", "value"],
            Column::Qualifier => &["qualifier"],
            Column::Note => &["note"],
            Column::SourceDocument => &["nguồn", "source", "source document"],
            Column::SourceQuote => &["quote", "source quote"],
        }
    }

    /// Whether the column is read on import; name, unit and last year's value are in
    /// the template only to help the clerk, so edits to them are harmless.
    pub fn is_imported(self) -> bool {
        !matches!(self, Column::Name | Column::Unit | Column::Previous)
    }

    fn is_required(self) -> bool {
        matches!(self, Column::Code | Column::Value)
    }
}

/// Trimmed, NFC, lower-case, inner runs of whitespace made one space.
pub(super) fn normalize(text: &str) -> String {
    let nfc: String = text.nfc().collect::<String>().to_lowercase();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn recognize(header: &str) -> Option<Column> {
    let wanted = normalize(header);
    Column::ALL
        .into_iter()
        .find(|c| normalize(c.header()) == wanted || c.aliases().iter().any(|a| *a == wanted))
}

/// Which file column (by index) holds which template column.
#[derive(Debug, Clone, Default)]
pub(super) struct Layout {
    columns: Vec<(usize, Column)>,
}

impl Layout {
    /// The imported columns with their index in the file.
    pub(super) fn imported(&self) -> impl Iterator<Item = (usize, Column)> + '_ {
        self.columns
            .iter()
            .copied()
            .filter(|(_, c)| c.is_imported())
    }

    /// How many of the headers are known columns; used to guess a CSV delimiter.
    pub(super) fn len(&self) -> usize {
        self.columns.len()
    }
}

/// Reads the header row (cells as `(index, text)`); blank header cells are ignored.
/// An unknown or repeated header is refused rather than skipped: a column the app
/// would silently drop ("Giá trị 2022") is worse than asking the clerk to remove it.
pub(super) fn layout(headers: &[(usize, String)]) -> Result<Layout, ImportFailure> {
    let (layout, unexpected) = match_headers(headers);
    let missing: Vec<String> = Column::ALL
        .into_iter()
        .filter(|c| c.is_required() && !layout.columns.iter().any(|(_, k)| k == c))
        .map(|c| c.header().to_string())
        .collect();
    if missing.is_empty() && unexpected.is_empty() {
        Ok(layout)
    } else {
        Err(ImportFailure::WrongColumns {
            missing,
            unexpected,
        })
    }
}

/// The recognised columns and the headers that are not (as written, shortened).
pub(super) fn match_headers(headers: &[(usize, String)]) -> (Layout, Vec<String>) {
    let mut layout = Layout::default();
    let mut unexpected = Vec::new();
    for (index, text) in headers {
        if text.trim().is_empty() {
            continue;
        }
        match recognize(text) {
            Some(column) if !layout.columns.iter().any(|(_, c)| *c == column) => {
                layout.columns.push((*index, column));
            }
            _ => unexpected.push(super::shorten(text.trim())),
        }
    }
    (layout, unexpected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<(usize, String)> {
        names
            .iter()
            .enumerate()
            .map(|(i, s)| (i, s.to_string()))
            .collect()
    }

    #[test]
    fn headers_match_whatever_the_case_spacing_or_unicode_form() {
        let decomposed: String = "Giá trị".nfd().collect();
        let l = layout(&headers(&["  MÃ CHỈ TIÊU ", &decomposed, "ghi   chú"]));
        let cols = l.map(|l| l.imported().collect::<Vec<_>>());
        assert_eq!(
            cols,
            Ok(vec![
                (0, Column::Code),
                (1, Column::Value),
                (2, Column::Note)
            ])
        );
    }

    #[test]
    fn english_headers_are_accepted() {
        assert!(layout(&headers(&["Code", "Name", "Value", "Qualifier", "Quote"])).is_ok());
    }

    #[test]
    fn a_repeated_column_is_reported_as_unexpected() {
        assert_eq!(
            layout(&headers(&["Mã chỉ tiêu", "Giá trị", "Giá trị"])).err(),
            Some(ImportFailure::WrongColumns {
                missing: vec![],
                unexpected: vec!["Giá trị".into()]
            })
        );
    }
}
