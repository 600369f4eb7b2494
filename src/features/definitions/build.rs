//! The admin's definition pages, built from a term's records.

use crate::db::{GroupRecord, TargetHistoryRecord, TermData};
use crate::domain::{IndicatorId, Target};
use crate::features::definitions::view::{
    AdminGroupRow, AdminIndicatorRow, AdminIndicatorView, AdminTermView, TargetHistoryView,
    TermEditView,
};
use crate::i18n::{Explainer, Locale};
use crate::present::{indicator_label, term_link};

/// (id, label) pairs for a select.
type Choices<Id> = Vec<(Id, String)>;

/// The groups and the possible parents, for the indicator form. Archived groups are
/// left out, except `keep` (the group the indicator is in now).
fn choices(data: &TermData, keep: Option<i64>) -> (Choices<i64>, Choices<IndicatorId>) {
    let groups = data
        .groups
        .iter()
        .filter(|g| !g.archived || Some(g.id) == keep)
        .map(|g| (g.id, format!("{} {}", g.code, g.name)))
        .collect();
    let parents = data
        .indicators
        .iter()
        .filter(|i| i.parent_id.is_none())
        .map(|i| (i.id, format!("{} {}", i.definition.code, i.definition.name)))
        .collect();
    (groups, parents)
}

pub fn term_view(
    data: &TermData,
    archived: &[(i64, String, String)],
    locale: Locale,
) -> AdminTermView {
    let (groups, parents) = choices(data, None);
    AdminTermView {
        archived: archived
            .iter()
            .map(|(id, code, name)| (IndicatorId::new(*id), format!("{code} {name}")))
            .collect(),
        term: term_link(&data.term, locale),
        edit: TermEditView {
            name: data.term.name.clone(),
            name_en: data.term.name_en.clone().unwrap_or_default(),
            start_year: data.term.term.start_year(),
            end_year: data.term.term.end_year(),
        },
        indicators: data
            .indicators
            .iter()
            .map(|i| AdminIndicatorRow {
                indicator: indicator_label(i, locale),
                unit: i.definition.unit.label.clone(),
                target: i
                    .target
                    .as_ref()
                    .map(|t| {
                        Explainer {
                            locale,
                            unit: &i.definition.unit,
                        }
                        .target(&t.target)
                    })
                    .unwrap_or_else(|| locale.t("target.none").to_string()),
                is_child: i.parent_id.is_some(),
            })
            .collect(),
        groups,
        parents,
    }
}

pub fn indicator_view(
    data: &TermData,
    id: IndicatorId,
    history: &[TargetHistoryRecord],
    locale: Locale,
) -> Option<AdminIndicatorView> {
    let i = data.indicator(id)?;
    let (groups, parents) = choices(data, i.group_id);
    let ex = Explainer {
        locale,
        unit: &i.definition.unit,
    };
    let targets = history
        .iter()
        .map(|h| TargetHistoryView {
            text: ex.target(&Target {
                kind: h.kind,
                value: h.value,
                direction: i.definition.direction,
            }),
            recorded: crate::clock::stored(h.recorded_at),
            superseded: h.superseded_at.map(crate::clock::stored),
            quote: h.quote.clone(),
        })
        .collect();
    Some(AdminIndicatorView {
        id,
        term: term_link(&data.term, locale),
        code: i.definition.code.to_string(),
        name: i.definition.name.clone(),
        name_en: i.definition.name_en.clone().unwrap_or_default(),
        unit: i.definition.unit.label.clone(),
        unit_en: i.definition.unit.label_en.clone().unwrap_or_default(),
        unit_kind: i.definition.unit.kind,
        direction: i.definition.direction,
        group_id: i.group_id,
        parent_id: i.parent_id,
        parents: parents.into_iter().filter(|(p, _)| *p != id).collect(),
        groups,
        target_kind: i.target.as_ref().map(|t| t.target.kind),
        target_value: i
            .target
            .as_ref()
            .map(|t| t.target.value.format_vi())
            .unwrap_or_default(),
        target_quote: i
            .target
            .as_ref()
            .and_then(|t| t.source.quote.clone())
            .unwrap_or_default(),
        targets,
    })
}

/// Every group, for the admin's group list.
pub fn group_rows(groups: &[GroupRecord]) -> Vec<AdminGroupRow> {
    groups
        .iter()
        .map(|g| AdminGroupRow {
            id: g.id,
            code: g.code.clone(),
            name: g.name.clone(),
            name_en: g.name_en.clone().unwrap_or_default(),
            archived: g.archived,
        })
        .collect()
}
