//! The meeting pack's content, in the reader's language: cover, summary table, overview
//! chart and one block per indicator (facts, chart, status explained, sources). Pure;
//! the PDF export (`src/export/pdf/`) lays it out on A4 pages.

use crate::clock::Timestamp;
use crate::db::{IndicatorRecord, TermData};
use crate::domain::Progress;
use crate::i18n::{Explainer, Locale};
use crate::present::chart_spec::ChartSpec;
use crate::present::charts::{breakdown_spec, indicator_spec, overview_spec};
use crate::present::term::status_counts;
use crate::present::views::IndicatorRowView;
use crate::present::{
    changed_label, date_label, indicator_name, progress_of_all, row_view, sources_of, term_link,
};

/// Everything the pack says about one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorBlock {
    /// "DM-01 Tốc độ đổi mới công nghệ, thiết bị".
    pub heading: String,
    /// Label and value: target, result, percent, status, unit.
    pub facts: Vec<(String, String)>,
    /// The status rule, then each reason, one sentence each.
    pub reasons: Vec<String>,
    /// Source documents ("Tài liệu: …") and quoted sentences, each once.
    pub sources: Vec<String>,
    /// Without a title: the heading says it.
    pub chart: Option<ChartSpec>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeetingPack {
    pub org: String,
    pub title: String,
    pub term_name: String,
    pub years: String,
    /// "Ngày lập: 27/11/2026".
    pub made_on: String,
    /// "Cập nhật số liệu: …".
    pub changed: String,
    pub status_counts: Vec<(String, usize)>,
    pub overview: Option<ChartSpec>,
    /// The summary table: a row per indicator as on the term page (its status said
    /// in the reader's language where the pack is laid out).
    pub summary: Vec<IndicatorRowView>,
    pub blocks: Vec<IndicatorBlock>,
}

/// The pack of one term as of `today`.
pub fn meeting_pack(data: &TermData, locale: Locale, today: Timestamp) -> MeetingPack {
    let year = today.year();
    let progress = progress_of_all(data, year);
    let term = term_link(&data.term, locale);
    let first = data.term.term.years().next().unwrap_or_default();
    let summary = data
        .indicators
        .iter()
        .zip(&progress)
        .map(|(i, p)| row_view(i, p, locale, i.parent_id.is_some()))
        .collect();
    MeetingPack {
        org: locale.t("app.org").to_string(),
        title: locale.t("pdf.title").to_string(),
        term_name: term.name,
        years: locale.tf(
            "term.years",
            &[
                ("from", &first.to_string()),
                ("to", &data.term.term.end_year().to_string()),
            ],
        ),
        made_on: locale.tf("pdf.made_on", &[("date", &date_label(today, locale))]),
        changed: changed_label(data.changed_at, locale),
        status_counts: status_counts(progress.iter().map(|p| p.status))
            .into_iter()
            .map(|c| (locale.status(c.status).to_string(), c.count))
            .collect(),
        overview: overview_spec(data, &progress, locale).filter(|s| !s.table.is_empty()),
        summary,
        blocks: data
            .indicators
            .iter()
            .zip(&progress)
            .map(|(i, p)| block(data, i, p, locale))
            .collect(),
    }
}

fn block(data: &TermData, i: &IndicatorRecord, p: &Progress, locale: Locale) -> IndicatorBlock {
    let ex = Explainer {
        locale,
        unit: &i.definition.unit,
    };
    let row = row_view(i, p, locale, false);
    let mut reasons = vec![locale.rule(p.status).to_string()];
    reasons.extend(ex.reasons(p));
    let mut sources: Vec<String> = Vec::new();
    for s in sources_of(i) {
        let document = s
            .document
            .as_ref()
            .map(|d| format!("{}: {d}", locale.t("indicator.source_document")));
        let quote = s.quote.as_ref().map(|q| format!("“{q}”"));
        for text in [document, quote].into_iter().flatten() {
            if !sources.contains(&text) {
                sources.push(text);
            }
        }
    }
    let chart = indicator_spec(data, i, locale)
        .or_else(|| breakdown_spec(data, i, locale))
        .map(untitled);
    IndicatorBlock {
        heading: format!("{} {}", i.definition.code, indicator_name(i, locale)),
        facts: vec![
            (locale.t("indicator.target").to_string(), row.progress.target),
            (locale.t("indicator.result").to_string(), row.progress.result),
            (locale.t("indicator.percent").to_string(), row.progress.percent),
            (
                locale.t("indicator.status").to_string(),
                locale.status(p.status).to_string(),
            ),
        ],
        reasons,
        sources,
        chart,
    }
}

/// The chart without its title, which would repeat the block's heading.
fn untitled(mut spec: ChartSpec) -> ChartSpec {
    spec.chart.texts_mut().title.clear();
    spec
}
