//! View types of the admin's definition pages: terms, groups, indicators and their
//! targets. Group ids stay plain numbers here as in the records (`db::GroupRecord`).

use crate::domain::{Direction, IndicatorId, TargetKind, TermId, UnitKind};
use crate::present::views::{IndicatorLabel, TermLink};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminTermRow {
    pub id: TermId,
    pub name: String,
    pub span: String,
    pub archived: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminIndicatorRow {
    pub indicator: IndicatorLabel,
    pub unit: String,
    pub target: String,
    pub is_child: bool,
}

/// The terms and the groups, for the admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminTermsView {
    pub terms: Vec<AdminTermRow>,
    pub groups: Vec<AdminGroupRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminGroupRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub archived: bool,
}

/// A term's name and years as stored, for the correction form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermEditView {
    pub name: String,
    pub name_en: String,
    pub start_year: i32,
    pub end_year: i32,
}

/// A term's definitions, for the admin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminTermView {
    pub term: TermLink,
    pub edit: TermEditView,
    /// (id, "code name") of the archived indicators, to restore.
    pub archived: Vec<(IndicatorId, String)>,
    pub indicators: Vec<AdminIndicatorRow>,
    /// (id, "code name") of the groups and of the possible parents.
    pub groups: Vec<(i64, String)>,
    pub parents: Vec<(IndicatorId, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetHistoryView {
    pub text: String,
    /// When it was set and replaced, written out at the edge (stored form, UTC).
    pub recorded: String,
    pub superseded: Option<String>,
    pub quote: Option<String>,
}

/// One indicator's definition and targets, for the admin's edit page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdminIndicatorView {
    pub id: IndicatorId,
    pub term: TermLink,
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub unit: String,
    pub unit_en: String,
    pub unit_kind: UnitKind,
    pub direction: Direction,
    pub group_id: Option<i64>,
    pub parent_id: Option<IndicatorId>,
    pub groups: Vec<(i64, String)>,
    pub parents: Vec<(IndicatorId, String)>,
    /// None: no target in figures.
    pub target_kind: Option<TargetKind>,
    pub target_value: String,
    /// The current target's quote, so that saving the form again keeps it.
    pub target_quote: String,
    pub targets: Vec<TargetHistoryView>,
}
