//! Charts as downloads: the chart of a page plus the frame that lets it stand alone on a
//! slide or a handout — term, unit, status under the title; the source ("Nguồn: …"),
//! the unit that publishes it and the date the data last changed at the bottom.

use crate::charts::{ChartTexts, Frame, HBarChart};
use crate::clock::Timestamp;
use crate::db::{IndicatorRecord, TermData};
use crate::i18n::Locale;
use crate::present::chart_spec::ChartSpec;
use crate::present::charts::{breakdown_spec, indicator_spec, localized_unit, overview_spec};
use crate::present::compare::{compare_spec, same_indicator_in_terms};
use crate::present::term::status_counts;
use crate::present::{
    changed_label, indicator_name, progress_of, progress_of_all, sources_of, term_link,
};

/// A chart ready to render at any size.
#[derive(Debug, Clone)]
pub struct Download {
    pub spec: ChartSpec,
    pub frame: Frame,
    /// File name without extension, ASCII: "chi-tieu-DM-01-2015-2020".
    pub file_stem: String,
}

/// The indicator's chart (or its breakdown, for a parent with no figure of its own);
/// with no figure at all, a chart that says so.
pub fn indicator_download(
    data: &TermData,
    i: &IndicatorRecord,
    locale: Locale,
    today: i32,
) -> Download {
    let spec = indicator_spec(data, i, locale)
        .or_else(|| breakdown_spec(data, i, locale))
        .unwrap_or_else(|| empty_chart(format!("indicator-{}", i.id), indicator_name(i, locale)));
    let progress = progress_of(i, &data.term.term, today);
    let term = term_link(&data.term, locale);
    let subtitle = locale.tf(
        "export.subtitle_indicator",
        &[
            ("term", &term.name),
            ("unit", &localized_unit(i, locale)),
            ("status", locale.status(progress.status)),
        ],
    );
    let mut records = vec![i];
    records.extend(data.children_of(i.id));
    Download {
        spec,
        frame: frame(subtitle, &records, data, locale),
        file_stem: ascii_stem(&format!("chi-tieu-{}-{}", i.definition.code, term.span)),
    }
}

/// The breakdown of a parent indicator (its parts side by side); None when it has
/// no parts with figures.
pub fn breakdown_download(
    data: &TermData,
    i: &IndicatorRecord,
    locale: Locale,
    today: i32,
) -> Option<Download> {
    let spec = breakdown_spec(data, i, locale)?;
    let mut download = indicator_download(data, i, locale, today);
    download.spec = spec;
    download.file_stem = ascii_stem(&format!(
        "co-cau-{}-{}",
        i.definition.code,
        term_link(&data.term, locale).span
    ));
    Some(download)
}

/// Percent of target per indicator of the term, with the count of each status.
pub fn overview_download(data: &TermData, locale: Locale, today: i32) -> Download {
    let progress = progress_of_all(data, today);
    let term = term_link(&data.term, locale);
    let spec = overview_spec(data, &progress, locale).unwrap_or_else(|| {
        let title = locale.tf("term.overview_chart", &[("term", &term.name)]);
        empty_chart(format!("overview-{}", data.term.id), title)
    });
    let counts: Vec<String> = status_counts(progress.iter().map(|p| p.status))
        .iter()
        .map(|c| format!("{}: {}", locale.status(c.status), c.count))
        .collect();
    let subtitle = format!("{} · {}", term.span, counts.join(" · "));
    let records: Vec<&IndicatorRecord> = data.indicators.iter().collect();
    Download {
        spec,
        frame: frame(subtitle, &records, data, locale),
        file_stem: ascii_stem(&format!("tong-quan-{}", term.span)),
    }
}

/// The indicator across terms; None when it exists in fewer than two terms.
pub fn compare_download(
    terms: &[TermData],
    data: &TermData,
    i: &IndicatorRecord,
    locale: Locale,
) -> Option<Download> {
    let spec = compare_spec(terms, i, locale)?;
    let found = same_indicator_in_terms(terms, i);
    let spans: Vec<String> = found
        .iter()
        .map(|(t, _)| term_link(&t.term, locale).span)
        .collect();
    let subtitle = locale.tf(
        "export.subtitle_compare",
        &[
            ("terms", &spans.join(", ")),
            ("unit", &localized_unit(i, locale)),
        ],
    );
    let records: Vec<&IndicatorRecord> = found.iter().map(|(_, r)| *r).collect();
    let latest = found
        .iter()
        .map(|(t, _)| t.changed_at)
        .max()
        .unwrap_or(data.changed_at);
    let mut frame = frame(subtitle, &records, data, locale);
    if let Some(last) = frame.footer.last_mut() {
        *last = footer_org(latest, locale);
    }
    Some(Download {
        spec,
        frame,
        file_stem: ascii_stem(&format!("so-sanh-{}", i.definition.code)),
    })
}

fn frame(subtitle: String, records: &[&IndicatorRecord], data: &TermData, locale: Locale) -> Frame {
    Frame {
        subtitle: Some(subtitle),
        footer: vec![
            source_line(records, locale),
            footer_org(data.changed_at, locale),
        ],
    }
}

fn footer_org(changed_at: Timestamp, locale: Locale) -> String {
    locale.tf(
        "export.footer",
        &[
            ("org", locale.t("app.org")),
            ("changed", &changed_label(changed_at, locale)),
        ],
    )
}

/// "Nguồn: <each document once, in order of first use>".
pub(crate) fn source_line(records: &[&IndicatorRecord], locale: Locale) -> String {
    let mut documents: Vec<&str> = Vec::new();
    let sources = records.iter().copied().flat_map(sources_of);
    for document in sources.filter_map(|s| s.document.as_deref()) {
        if !documents.contains(&document) {
            documents.push(document);
        }
    }
    if documents.is_empty() {
        locale.t("export.no_source").to_string()
    } else {
        locale.tf("export.source", &[("source", &documents.join("; "))])
    }
}

/// A chart with only a title: it draws "Chưa có số liệu".
fn empty_chart(id: String, title: String) -> ChartSpec {
    ChartSpec::hbars(HBarChart {
        texts: ChartTexts {
            id,
            title,
            description: String::new(),
            axis_label: String::new(),
        },
        bars: Vec::new(),
        reference: None,
        x_max: None,
    })
}

/// ASCII letters, digits and '-', for a `Content-Disposition` file name every browser keeps.
pub fn ascii_stem(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    // Decomposed, the tone and vowel marks are separate combining characters: drop them.
    for c in text.nfd().filter(|c| !('\u{300}'..='\u{36f}').contains(c)) {
        let c = match c {
            'đ' => 'd',
            'Đ' => 'D',
            c if c.is_ascii_alphanumeric() || c == '.' => c,
            _ => '-',
        };
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::ascii_stem;

    #[test]
    fn file_names_lose_their_accents_but_keep_their_letters() {
        assert_eq!(
            ascii_stem("chi-tieu-DM-01-2015–2020"),
            "chi-tieu-DM-01-2015-2020"
        );
        assert_eq!(ascii_stem("Đổi mới công nghệ"), "Doi-moi-cong-nghe");
    }
}
