//! The change history as people read it: one audit entry → one row of the history
//! table on the term and indicator pages.

use crate::clock::Timestamp;
use crate::db::AuditRecord;
use crate::domain::{Period, VnDecimal};
use crate::i18n::Locale;
use crate::present::views::HistoryRowView;

/// "2026-11-26 14:05:09.123": when a change was made, in UTC to the millisecond as
/// the history records it (two changes in one second stay apart).
pub fn moment_label(at: Timestamp) -> String {
    format!(
        "{} {}.{:03}",
        crate::clock::date_iso(at),
        crate::clock::clock_time(at),
        at.millisecond()
    )
}

pub fn history_row(r: AuditRecord, locale: Locale) -> HistoryRowView {
    // A figure is shown the Vietnamese way; a definition's summary ("NV-01 …") as
    // written.
    let show = |v: &Option<String>| match v.as_deref() {
        None => "—".to_string(),
        Some(t) => VnDecimal::from_canonical(t)
            .map(|d| locale.number(d))
            .unwrap_or_else(|_| t.to_string()),
    };
    let change = if r.old_value == r.new_value {
        show(&r.new_value)
    } else {
        format!("{} → {}", show(&r.old_value), show(&r.new_value))
    };
    HistoryRowView {
        at: moment_label(r.at),
        who: r.username.unwrap_or_else(|| "—".to_string()),
        action: locale
            .t(&format!("history.{}", r.action.replace('.', "_")))
            .to_string(),
        period: r
            .period
            .and_then(|p| Period::parse(&p))
            .map(|p| locale.period(p))
            .unwrap_or_default(),
        change,
        note: r.note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_dated_to_the_millisecond_as_the_history_table_always_showed_it() {
        let at = crate::clock::parse_stored("2026-11-26T14:05:09.120Z").expect("stored");
        assert_eq!(moment_label(at), "2026-11-26 14:05:09.120");
    }
}
