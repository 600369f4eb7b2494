//! Server side: turns stored records into the view types of each page, in the
//! reader's language. Pure functions of the stored data (plus the current year), so
//! their output can be cached per data version.

mod chart_spec;
mod charts;
mod compare;
mod downloads;
mod home;
mod indicator;
mod pack;
mod term;

pub use chart_spec::{Chart, ChartSpec};
pub use compare::{compare_spec, same_indicator_in_terms};
pub use downloads::{
    Download, ascii_stem, compare_download, indicator_download, overview_download,
};
pub use home::home_view;
pub use indicator::indicator_page;
pub use pack::{IndicatorBlock, MeetingPack, SummaryRow, meeting_pack};
pub use term::{status_counts, term_page};

use super::views::{IndicatorRowView, TermLink};
use crate::db::{IndicatorRecord, TermRecord};
use crate::domain::{Progress, Term, evaluate};
use crate::i18n::{Explainer, Locale};

/// The calendar year now (UTC), which decides how far along a running term is.
pub fn today_year() -> i32 {
    civil_year(days_now())
}

/// Today (UTC) as "YYYY-MM-DD", the date printed on exports.
pub fn today_iso() -> String {
    let (y, m, d) = civil_date(days_now());
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_now() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    i64::try_from(secs / 86_400).unwrap_or(0)
}

fn civil_year(days: i64) -> i32 {
    civil_date(days).0
}

/// Date of a day count since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
fn civil_date(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        i32::try_from(year).unwrap_or(i32::MAX),
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_counts_map_to_the_right_year() {
        assert_eq!(civil_year(0), 1970);
        assert_eq!(civil_year(20_819), 2027); // 2027-01-01
        assert_eq!(civil_year(20_818), 2026); // 2026-12-31
        assert_eq!(civil_year(19_723), 2024); // 2024-01-01
        assert_eq!(civil_year(19_722), 2023); // 2023-12-31
        assert_eq!(civil_date(20_818), (2026, 12, 31));
        assert_eq!(civil_date(19_723), (2024, 1, 1));
        assert_eq!(civil_date(19_782), (2024, 2, 29));
    }

    #[test]
    fn change_dates_are_written_day_first_in_vietnamese() {
        assert_eq!(
            changed_label("2026-11-26T14:00:00Z", Locale::Vi),
            "Cập nhật số liệu: 26/11/2026"
        );
    }
}
