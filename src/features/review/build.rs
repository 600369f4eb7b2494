//! The review queue, built from a term's working and approved figures.

use crate::db::{IndicatorRecord, Returns, TermData, ValueRecord};
use crate::domain::{Period, ValueState, VnDecimal};
use crate::features::review::view::{Comparison, EarlierReturn, ReviewItemView};
use crate::i18n::{Explainer, Locale};
use crate::present::{date_label, indicator_label, source_view, term_link};
use rust_decimal::Decimal;

/// Submitted figures of a term, each with what an approver weighs it against: the
/// target, its source and note, and the approved figure it replaces (or last year's).
pub fn review_items(
    working: &TermData,
    approved: &TermData,
    returns: &Returns,
    locale: Locale,
) -> Vec<ReviewItemView> {
    let mut items = Vec::new();
    for i in &working.indicators {
        for v in i.values.iter().filter(|v| v.state == ValueState::Submitted) {
            let ex = Explainer {
                locale,
                unit: &i.definition.unit,
            };
            let period = v.observation.period;
            items.push(ReviewItemView {
                indicator: indicator_label(i, locale),
                term: term_link(&working.term, locale),
                period,
                period_label: locale.period(period),
                figure: ex.figure(v.observation.value, v.observation.qualifier),
                target: i.target.as_ref().map(|t| ex.target(&t.target)),
                source: source_view(&v.source),
                compared: approved.indicator(i.id).and_then(|a| comparison(a, v, &ex)),
                note: v.note.clone(),
                by: v.updated_by.clone(),
                earlier_return: returns.get(&(i.id.get(), period)).map(|r| EarlierReturn {
                    by: r.by.clone().unwrap_or_else(|| "—".to_string()),
                    when: date_label(r.at, locale),
                    comment: r.comment.clone().unwrap_or_default(),
                }),
                group: i.group_id,
            });
        }
    }
    items
}

/// The approved figure the submitted one replaces, else the approved figure of the
/// year before, and the change from it in percent.
fn comparison(approved: &IndicatorRecord, v: &ValueRecord, ex: &Explainer) -> Option<Comparison> {
    let l = ex.locale;
    let of = |p: Period| approved.values.iter().find(|a| a.observation.period == p);
    let (label, earlier) = match v.observation.period {
        p @ Period::Term => (l.t("review.approved_before").to_string(), of(p)?),
        Period::Year(y) => match of(Period::Year(y)) {
            Some(a) => (l.t("review.approved_before").to_string(), a),
            None => (l.period(Period::Year(y - 1)), of(Period::Year(y - 1))?),
        },
    };
    let old = earlier.observation.value.get();
    let change = (!old.is_zero()).then(|| {
        let pct = (v.observation.value.get() - old) / old.abs() * Decimal::ONE_HUNDRED;
        let pct = VnDecimal::from_decimal(pct).round(1);
        let sign = if pct.get() > Decimal::ZERO { "+" } else { "" };
        format!("{sign}{}", l.percent(pct))
    });
    Some(Comparison {
        text: format!(
            "{label}: {}",
            ex.figure(earlier.observation.value, earlier.observation.qualifier)
        ),
        change,
    })
}
