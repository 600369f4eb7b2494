//! View types of the import page: the term and year, and what an upload produced.

use crate::present::views::TermLink;
use serde::{Deserialize, Serialize};

/// The term and year an upload is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportPageView {
    pub term: TermLink,
    pub year: i32,
}

/// One row of an upload, checked, shown before the clerk confirms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRowView {
    pub line: usize,
    pub code: String,
    pub name: String,
    /// As it will be stored (canonical "1234.5"), carried by the confirm form.
    pub value: String,
    /// Written out for the clerk ("1.234,5 tỷ đồng").
    pub figure: String,
    /// The qualifier's key ("about"), carried by the confirm form.
    pub qualifier: String,
    pub note: String,
    pub document: String,
    pub quote: String,
    /// The version of the stored figure the row replaces (0: none), carried by the
    /// confirm form so that a figure changed since is a conflict.
    pub version: i64,
    /// The stored figure the row replaces, written out; None when the year has none.
    pub replaces: Option<String>,
    /// The row holds what is stored already: confirming leaves it as it is.
    pub unchanged: bool,
}

/// What an upload produced: rows to confirm, or the problems to fix.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ImportOutcome {
    /// The uploaded file's name, carried by the confirm form for the heading.
    pub file_name: String,
    pub rows: Vec<ImportRowView>,
    pub message: Option<String>,
    pub problems: Vec<String>,
}
