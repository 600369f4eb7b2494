//! The meeting pack as an A4 PDF: a cover (unit, term, date, status counts), the summary
//! table of every indicator, the overview chart, then each indicator with its chart,
//! its status explained and its sources; page numbers and bookmarks.
//!
//! Why krilla (+ krilla-svg): it draws the very SVG the pages show as vectors, shapes
//! Vietnamese text (NFC and NFD) with the embedded Noto Sans, subsets and embeds the
//! fonts and writes ToUnicode maps, so the text can be selected and searched. printpdf
//! handled NFC only and embedded whole fonts; typst would add ~40 MB and 300 crates.
//! Layout is ours: text is measured with the same font (see `metrics`) and every line is
//! broken to fit, every chart scaled to the text width, so nothing is cut at an edge.

mod flow;
mod items;
mod metrics;
mod render;

use super::ExportError;
use crate::i18n::Locale;
use crate::present::MeetingPack;
use flow::{BOTTOM, BRAND, Flow, INK, Item, TOP};
use items::{BODY, Items, LABEL, SMALL};

/// The PDF file of `pack`, in `locale` for the fixed labels.
pub fn meeting_pack_pdf(pack: &MeetingPack, locale: Locale) -> Result<Vec<u8>, ExportError> {
    let fonts = metrics::fonts()?;
    let mut items = Items {
        fonts,
        svgs: Vec::new(),
    };
    let mut flow = Flow::new();
    cover(&mut flow, &items, pack, locale);
    flow.new_page();
    summary(&mut flow, &mut items, pack, locale)?;
    flow.new_page();
    details(&mut flow, &mut items, pack, locale)?;
    render::write(&flow, &items.svgs, pack, locale)
}

fn cover(flow: &mut Flow, items: &Items, pack: &MeetingPack, locale: Locale) {
    flow.place(&items.heading(&pack.org.to_uppercase(), 12.0, BRAND));
    flow.place(&items.rule(6.0));
    flow.space((BOTTOM - TOP) * 0.22);
    flow.place(&items.heading(&pack.title, 22.0, INK));
    flow.space(8.0);
    flow.place(&items.heading(&pack.term_name, 18.0, BRAND));
    for line in items.paragraph(&pack.years, BODY, 0.0) {
        flow.place(&line);
    }
    flow.space(24.0);
    for text in [&pack.made_on, &pack.changed] {
        for line in items.paragraph(text, BODY, 0.0) {
            flow.place(&line);
        }
    }
    flow.space(24.0);
    flow.place(&items.heading(locale.t("pdf.status_counts"), 11.0, INK));
    for (status, count) in &pack.status_counts {
        flow.place(&items.fact(status, &count.to_string(), 150.0));
    }
    flow.marks.push((pack.term_name.clone(), 0, TOP));
}

fn summary(
    flow: &mut Flow,
    items: &mut Items,
    pack: &MeetingPack,
    locale: Locale,
) -> Result<(), ExportError> {
    flow.place_together(
        &[items.heading(locale.t("pdf.summary"), 14.0, INK)],
        Some(locale.t("pdf.summary").to_string()),
    );
    let header = items.table_header([
        locale.t("term.col_code"),
        locale.t("term.col_indicator"),
        locale.t("term.col_target"),
        locale.t("term.col_result"),
        locale.t("term.col_percent"),
        locale.t("term.col_status"),
    ]);
    let rows: Vec<Item> = pack
        .summary
        .iter()
        .map(|r| items.table_row(r, locale))
        .collect();
    flow.place_rows(&header, &rows);
    if let Some(spec) = &pack.overview {
        flow.space(18.0);
        let chart = items.chart(spec, BOTTOM - TOP)?;
        flow.place_together(&[chart], Some(spec.title().to_string()));
    }
    Ok(())
}

fn details(
    flow: &mut Flow,
    items: &mut Items,
    pack: &MeetingPack,
    locale: Locale,
) -> Result<(), ExportError> {
    flow.place(&items.heading(locale.t("pdf.details"), 14.0, INK));
    for block in &pack.blocks {
        let mut group = vec![items.heading(&block.heading, 12.0, BRAND)];
        for (label, value) in &block.facts {
            group.push(items.fact(label, value, 82.0));
        }
        match &block.chart {
            Some(spec) => group.push(items.chart(spec, (BOTTOM - TOP) * 0.5)?),
            None => group.extend(items.paragraph(locale.t("pdf.no_chart"), SMALL, 0.0)),
        }
        group.push(items.heading(locale.t("indicator.why"), LABEL.size, INK));
        for reason in &block.reasons {
            group.extend(items.bullet(reason, BODY));
        }
        if !block.sources.is_empty() {
            group.push(items.heading(locale.t("pdf.sources"), LABEL.size, INK));
            for source in &block.sources {
                group.extend(items.paragraph(source, SMALL, 12.0));
            }
        }
        group.push(items.rule(10.0));
        flow.place_together(&group, Some(block.heading.clone()));
    }
    Ok(())
}
