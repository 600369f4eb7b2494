//! View types of the admin's definition pages.

use crate::db::{GroupRecord, TargetHistoryRow, TermData};
use crate::domain::{Direction, Target, TargetKind, VnDecimal};
use crate::i18n::{Explainer, Locale};
use crate::present::views::{
    AdminGroupRow, AdminIndicatorRow, AdminIndicatorView, AdminTermView, TargetHistoryView,
    TermEditView,
};
use crate::present::{indicator_name, term_link};

/// (id, label) pairs for a select.
type Choices = Vec<(i64, String)>;

/// The groups and the possible parents, for the indicator form. Archived groups are
/// left out, except `keep` (the group the indicator is in now).
fn choices(data: &TermData, keep: Option<i64>) -> (Choices, Choices) {
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
            .map(|(id, code, name)| (*id, format!("{code} {name}")))
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
                id: i.id,
                code: i.definition.code.to_string(),
                name: indicator_name(i, locale),
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
    id: i64,
    history: &[TargetHistoryRow],
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
        .map(|h| {
            let text = match (
                TargetKind::parse(&h.kind),
                VnDecimal::from_canonical(&h.value),
            ) {
                (Some(kind), Ok(value)) => ex.target(&Target {
                    kind,
                    value,
                    direction: i.definition.direction,
                }),
                _ => format!("{} {}", h.kind, h.value),
            };
            TargetHistoryView {
                text,
                recorded: h.recorded_at.clone(),
                superseded: h.superseded_at.clone(),
                quote: h.quote.clone(),
            }
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
        unit_kind: i.definition.unit.kind.key().to_string(),
        direction: if i.definition.direction == Direction::LowerIsBetter {
            "lower_is_better"
        } else {
            "higher_is_better"
        }
        .to_string(),
        group_id: i.group_id,
        parent_id: i.parent_id,
        parents: parents.into_iter().filter(|(p, _)| *p != id).collect(),
        groups,
        target_kind: i
            .target
            .as_ref()
            .map(|t| t.target.kind.key().to_string())
            .unwrap_or_default(),
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
