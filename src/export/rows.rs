//! The term as one table, shared by the CSV and the XLSX: one row per indicator with its
//! target, a column per year and one for the whole term, percent achieved, status and
//! sources. Figures stay exact decimals here; each writer formats them.

use crate::db::TermData;
use crate::domain::{Period, VnDecimal};
use crate::i18n::{Explainer, Locale};
use crate::present::{indicator_name, progress_of, row_view, sources_of};

#[derive(Debug, Clone, PartialEq)]
pub struct DataRow {
    pub code: String,
    pub group: String,
    pub name: String,
    /// A part of the indicator above it (indented in the sheet).
    pub is_child: bool,
    pub unit: String,
    /// "Mỗi năm đạt ít nhất 20%/năm", or "chưa có chỉ tiêu".
    pub target: String,
    pub target_value: Option<VnDecimal>,
    /// One per column of [`DataTable::periods`].
    pub values: Vec<Option<VnDecimal>>,
    /// The result as the report writes it: "trên 140 tỷ đồng".
    pub as_reported: String,
    pub percent: Option<VnDecimal>,
    pub status: String,
    pub documents: String,
    pub quotes: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DataTable {
    /// The term's name, e.g. "Nhiệm kỳ 2015–2020".
    pub term: String,
    /// Column headings of the values: "Năm 2016" … "Năm 2020", "Cả nhiệm kỳ".
    pub period_names: Vec<String>,
    pub periods: Vec<Period>,
    pub rows: Vec<DataRow>,
    /// "Cập nhật số liệu: 26/11/2026".
    pub changed: String,
}

pub fn data_table(data: &TermData, locale: Locale, today: i32) -> DataTable {
    let mut periods: Vec<Period> = data.term.term.years().map(Period::Year).collect();
    periods.push(Period::Term);
    let rows = data
        .indicators
        .iter()
        .map(|i| {
            let progress = progress_of(i, &data.term.term, today);
            let view = row_view(i, &progress, locale, i.parent_id.is_some());
            let ex = Explainer {
                locale,
                unit: &i.definition.unit,
            };
            let mut documents: Vec<String> = Vec::new();
            let mut quotes: Vec<String> = Vec::new();
            for s in sources_of(i) {
                if let Some(d) = &s.document
                    && !documents.contains(d)
                {
                    documents.push(d.clone());
                }
                if let Some(q) = &s.quote
                    && !quotes.contains(q)
                {
                    quotes.push(q.clone());
                }
            }
            let as_reported = i
                .values
                .iter()
                .map(|v| {
                    let figure = ex.figure(v.observation.value, v.observation.qualifier);
                    match v.observation.period {
                        Period::Term => figure,
                        p => format!("{}: {figure}", locale.period(p)),
                    }
                })
                .collect::<Vec<_>>()
                .join("; ");
            DataRow {
                code: view.indicator.code,
                group: data
                    .group(i.group_id)
                    .map(|g| {
                        crate::present::localized(&g.name, g.name_en.as_deref(), locale).to_string()
                    })
                    .unwrap_or_default(),
                name: indicator_name(i, locale),
                is_child: view.is_child,
                unit: crate::present::localized(
                    &i.definition.unit.label,
                    i.definition.unit.label_en.as_deref(),
                    locale,
                )
                .to_string(),
                target: view.progress.target,
                target_value: i.target.as_ref().map(|t| t.target.value),
                values: periods
                    .iter()
                    .map(|p| {
                        i.values
                            .iter()
                            .find(|v| v.observation.period == *p)
                            .map(|v| v.observation.value)
                    })
                    .collect(),
                as_reported,
                percent: progress.percent,
                status: locale.status(progress.status).to_string(),
                documents: documents.join("; "),
                quotes: quotes
                    .iter()
                    .map(|q| format!("“{q}”"))
                    .collect::<Vec<_>>()
                    .join(" "),
            }
        })
        .collect();
    DataTable {
        term: crate::present::term_link(&data.term, locale).name,
        period_names: periods.iter().map(|p| locale.period(*p)).collect(),
        periods,
        rows,
        changed: crate::present::changed_label(data.changed_at, locale),
    }
}

/// The fixed column headings before and after the values.
pub fn headings(locale: Locale) -> ([&'static str; 6], [&'static str; 5]) {
    (
        [
            locale.t("term.col_code"),
            locale.t("sheet.col_group"),
            locale.t("term.col_indicator"),
            locale.t("sheet.col_unit"),
            locale.t("term.col_target"),
            locale.t("sheet.col_target_value"),
        ],
        [
            locale.t("sheet.col_as_reported"),
            locale.t("sheet.col_percent"),
            locale.t("term.col_status"),
            locale.t("sheet.col_document"),
            locale.t("sheet.col_quotes"),
        ],
    )
}
