//! Small pieces every builder uses: names in the reader's language, term links,
//! progress of one indicator, dates written for people, one indicator row.

use crate::db::{IndicatorRecord, TermRecord};
use crate::domain::{Progress, Term, evaluate};
use crate::i18n::{Explainer, Locale};
use crate::present::views::{IndicatorRowView, TermLink};

pub(crate) fn localized<'a>(vi: &'a str, en: Option<&'a str>, locale: Locale) -> &'a str {
    match (locale, en) {
        (Locale::En, Some(en)) if !en.is_empty() => en,
        _ => vi,
    }
}

pub fn term_link(t: &TermRecord, locale: Locale) -> TermLink {
    TermLink {
        id: t.id,
        name: localized(&t.name, t.name_en.as_deref(), locale).to_string(),
        span: t.term.span(),
    }
}

pub fn indicator_name(i: &IndicatorRecord, locale: Locale) -> String {
    localized(&i.definition.name, i.definition.name_en.as_deref(), locale).to_string()
}

pub fn progress_of(i: &IndicatorRecord, term: &Term, today: i32) -> Progress {
    evaluate(
        i.target.as_ref().map(|t| &t.target),
        term,
        &i.observations(),
        today,
    )
}

/// "2026-11-26T14:00:00Z" → "26/11/2026" (vi) or "2026-11-26" (en).
pub fn date_label(iso: &str, locale: Locale) -> String {
    let date = iso.get(..10).unwrap_or(iso);
    match (locale, date.split('-').collect::<Vec<_>>().as_slice()) {
        (Locale::Vi, [y, m, d]) => format!("{d}/{m}/{y}"),
        _ => date.to_string(),
    }
}

/// "Cập nhật số liệu: 26/11/2026".
pub fn changed_label(changed_at: &str, locale: Locale) -> String {
    let text = date_label(changed_at, locale);
    locale.tf("indicator.last_changed", &[("date", &text)])
}

pub fn row_view(
    i: &IndicatorRecord,
    progress: &Progress,
    locale: Locale,
    is_child: bool,
) -> IndicatorRowView {
    let ex = Explainer {
        locale,
        unit: &i.definition.unit,
    };
    IndicatorRowView {
        id: i.id,
        code: i.definition.code.to_string(),
        name: indicator_name(i, locale),
        is_child,
        target: i
            .target
            .as_ref()
            .map(|t| ex.target(&t.target))
            .unwrap_or_else(|| locale.t("target.none").to_string()),
        result: match (progress.actual, progress.actual_qualifier) {
            (Some(v), Some(q)) => ex.figure(v, q),
            (Some(v), None) => ex.amount(v),
            _ => "—".to_string(),
        },
        percent: progress
            .percent
            .map(|p| locale.percent(p))
            .unwrap_or_else(|| "—".to_string()),
        status: progress.status,
        state: i
            .values
            .iter()
            .map(|v| v.state.as_str())
            .find(|s| *s != "approved")
            .map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_dates_are_written_day_first_in_vietnamese() {
        assert_eq!(
            changed_label("2026-11-26T14:00:00Z", Locale::Vi),
            "Cập nhật số liệu: 26/11/2026"
        );
    }
}
