//! Small pieces every builder uses: names in the reader's language, term links,
//! progress of one indicator, figures and dates written for people, one indicator row.

use crate::clock::Timestamp;
use crate::db::{IndicatorRecord, SourceRecord, TermData, TermRecord};
use crate::domain::{Period, Progress, Term, ValueState, evaluate};
use crate::i18n::{Explainer, Locale};
use crate::present::views::{IndicatorLabel, IndicatorRowView, ProgressView, SourceView, TermLink};

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

pub fn indicator_label(i: &IndicatorRecord, locale: Locale) -> IndicatorLabel {
    IndicatorLabel {
        id: i.id,
        code: i.definition.code.to_string(),
        name: indicator_name(i, locale),
    }
}

pub fn source_view(s: &SourceRecord) -> SourceView {
    SourceView {
        document: s.document.clone(),
        quote: s.quote.clone(),
    }
}

pub fn progress_of(i: &IndicatorRecord, term: &Term, today: i32) -> Progress {
    evaluate(
        i.target.as_ref().map(|t| &t.target),
        term,
        &i.observations(),
        today,
    )
}

/// Where an indicator's words come from: its target's source, then each figure's.
pub fn sources_of(i: &IndicatorRecord) -> impl Iterator<Item = &SourceRecord> {
    i.target
        .iter()
        .map(|t| &t.source)
        .chain(i.values.iter().map(|v| &v.source))
}

/// The progress of every indicator of the term, in the term's order.
pub fn progress_of_all(data: &TermData, today: i32) -> Vec<Progress> {
    data.indicators
        .iter()
        .map(|i| progress_of(i, &data.term.term, today))
        .collect()
}

/// The stored figure of one period, written out with its qualifier and unit.
pub fn figure_in(i: &IndicatorRecord, period: Period, locale: Locale) -> Option<String> {
    let v = i.values.iter().find(|v| v.observation.period == period)?;
    let ex = Explainer {
        locale,
        unit: &i.definition.unit,
    };
    Some(ex.figure(v.observation.value, v.observation.qualifier))
}

/// The day of a timestamp: "26/11/2026" (vi) or "2026-11-26" (en). Shown in UTC, as
/// stored: the installation keeps every timestamp in UTC.
pub fn date_label(at: Timestamp, locale: Locale) -> String {
    match locale {
        Locale::Vi => format!(
            "{:02}/{:02}/{:04}",
            at.day(),
            u8::from(at.month()),
            at.year()
        ),
        Locale::En => crate::clock::date_iso(at),
    }
}

/// "Cập nhật số liệu: 26/11/2026".
pub fn changed_label(changed_at: Timestamp, locale: Locale) -> String {
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
        indicator: indicator_label(i, locale),
        is_child,
        progress: ProgressView {
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
        },
        state: i
            .values
            .iter()
            .map(|v| v.state)
            .find(|s| *s != ValueState::Approved),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        crate::clock::parse_stored(text).expect("a stored timestamp")
    }

    #[test]
    fn change_dates_are_written_day_first_in_vietnamese() {
        assert_eq!(
            changed_label(at("2026-11-26T14:00:00Z"), Locale::Vi),
            "Cập nhật số liệu: 26/11/2026"
        );
        assert_eq!(
            date_label(at("2026-01-05T23:59:59Z"), Locale::Vi),
            "05/01/2026"
        );
        assert_eq!(
            date_label(at("2026-01-05T23:59:59Z"), Locale::En),
            "2026-01-05"
        );
    }
}
