//! A chart described once and drawn for each use: inline on a page (900 px wide, and
//! 360 px wide for a phone), as a download (SVG or PNG at the requested size, with a frame that makes it stand alone),
//! or inside the PDF meeting pack.

use crate::charts::{
    ChartError, ChartSize, ChartTexts, Frame, GroupedBarChart, HBarChart, VBarChart, hbar_height_at,
    render_grouped, render_grouped_framed, render_hbar, render_hbar_framed, render_vbar,
    render_vbar_framed,
};
use crate::present::views::ChartView;

/// Width of the charts inline on a page.
pub const PAGE_WIDTH: u32 = 900;
/// Height of vertical and grouped bar charts on a page.
pub const VBAR_HEIGHT: u32 = 420;
/// Width of the phone variant of a page's chart: about the width it gets on a 390 px
/// screen, so its text keeps the size it was drawn at (a 900 px chart shrunk to a phone
/// would have 5 px letters).
pub const PHONE_WIDTH: u32 = 360;
/// Height of vertical and grouped bar charts in the phone variant.
pub const PHONE_VBAR_HEIGHT: u32 = 380;

#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    HBar(HBarChart),
    VBar(VBarChart),
    Grouped(GroupedBarChart),
}

/// A chart and the data table that is its text alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub chart: Chart,
    pub table: Vec<(String, String)>,
}

impl Chart {
    /// Its words, whatever its kind.
    pub fn texts(&self) -> &ChartTexts {
        match self {
            Chart::HBar(c) => &c.texts,
            Chart::VBar(c) => &c.texts,
            Chart::Grouped(c) => &c.texts,
        }
    }

    /// Its words, to change.
    pub(crate) fn texts_mut(&mut self) -> &mut ChartTexts {
        match self {
            Chart::HBar(c) => &mut c.texts,
            Chart::VBar(c) => &mut c.texts,
            Chart::Grouped(c) => &mut c.texts,
        }
    }
}

impl ChartSpec {
    /// Horizontal bars, with each bar's label and its value as written for the table.
    pub fn hbars(chart: HBarChart) -> ChartSpec {
        let table = chart
            .bars
            .iter()
            .map(|b| (b.label.clone(), b.value_label.clone()))
            .collect();
        ChartSpec {
            chart: Chart::HBar(chart),
            table,
        }
    }

    pub fn title(&self) -> &str {
        &self.chart.texts().title
    }

    /// Height the chart wants at `width` (horizontal bars grow with their number, and
    /// at a phone's width their labels stand above the bars).
    pub fn natural_height(&self, width: u32) -> u32 {
        match &self.chart {
            Chart::HBar(c) => hbar_height_at(c.bars.len(), width),
            Chart::VBar(_) | Chart::Grouped(_) if width < PAGE_WIDTH => PHONE_VBAR_HEIGHT,
            Chart::VBar(_) | Chart::Grouped(_) => VBAR_HEIGHT,
        }
    }

    /// The same chart with `suffix` added to its id, so that two drawings of it can
    /// stand in one page without sharing element ids.
    fn with_id_suffix(&self, suffix: &str) -> Chart {
        let mut chart = self.chart.clone();
        chart.texts_mut().id.push_str(suffix);
        chart
    }

    /// The SVG laid out at exactly `size`, with no frame.
    pub fn render_at(&self, size: ChartSize) -> Result<String, ChartError> {
        match &self.chart {
            Chart::HBar(c) => render_hbar(c, size),
            Chart::VBar(c) => render_vbar(c, size),
            Chart::Grouped(c) => render_grouped(c, size),
        }
    }

    /// The SVG for a download: `output` pixels, with the frame's texts.
    pub fn render_framed(&self, frame: &Frame, output: ChartSize) -> Result<String, ChartError> {
        match &self.chart {
            Chart::HBar(c) => render_hbar_framed(c, frame, output),
            Chart::VBar(c) => render_vbar_framed(c, frame, output),
            Chart::Grouped(c) => render_grouped_framed(c, frame, output),
        }
    }

    /// The chart inline on a page, drawn at the page's width and at a phone's; None
    /// (and a log line) if it cannot be drawn. Without the phone drawing the page
    /// shows the wide one, scaled down.
    pub fn page_view(self) -> Option<ChartView> {
        let wide = ChartSize {
            width: PAGE_WIDTH,
            height: self.natural_height(PAGE_WIDTH),
        };
        let svg = match self.render_at(wide) {
            Ok(svg) => svg,
            Err(e) => {
                tracing::error!(error = %e, chart = %self.title(), "chart rendering failed");
                return None;
            }
        };
        let phone = ChartSpec {
            chart: self.with_id_suffix("-phone"),
            table: Vec::new(),
        };
        let narrow = ChartSize {
            width: PHONE_WIDTH,
            height: phone.natural_height(PHONE_WIDTH),
        };
        let svg_phone = phone
            .render_at(narrow)
            .inspect_err(|e| {
                tracing::error!(error = %e, chart = %self.title(), "phone chart rendering failed");
            })
            .ok();
        Some(ChartView {
            title: self.title().to_string(),
            svg,
            svg_phone,
            table: self.table,
        })
    }
}
